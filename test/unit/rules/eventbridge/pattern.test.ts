import rule from '../../../../src/core/rules/eventbridge/pattern';
import { ruleTester } from '../../../helpers/rule-tester';

const R = 'resources:\n  bus: { type: eventbridge }\n  f: { type: lambda }\nflows:\n';
const flow = (pattern: string): string => `${R}  - bus -> f: { pattern: ${pattern} }\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'exact values of every scalar kind',
      code: flow('{ source: [shop.orders], detail: { total: [100, 2.5], gift: [true, null, ""] } }'),
    },
    {
      name: 'every operator with its operand',
      code: flow(
        '{ detail: { a: [{ prefix: ord- }], b: [{ suffix: .png }], c: [{ prefix: { equals-ignore-case: EVB } }], d: [{ suffix: { equals-ignore-case: .PNG } }], e: [{ equals-ignore-case: new }], f: [{ wildcard: "*/lib/*" }], g: [{ exists: false }], h: [{ cidr: 10.0.0.0/24 }], i: [{ cidr: "2001:db8::/32" }] } }',
      ),
    },
    {
      name: 'numeric: each single comparison and both ranges',
      code: flow(
        '{ detail: { a: [{ numeric: ["=", 3] }], b: [{ numeric: [">", 0] }], c: [{ numeric: [">=", 0, "<", 5] }], d: [{ numeric: ["<=", 5] }], e: [{ numeric: [">", 0, "<=", 0] }] } }',
      ),
    },
    {
      name: 'anything-but: a value, arrays of one kind, and its four wrapped operators',
      code: flow(
        '{ detail: { a: [{ anything-but: init }], b: [{ anything-but: 4 }], c: [{ anything-but: [a, b] }], d: [{ anything-but: [1, 2] }], e: [{ anything-but: { prefix: us- } }], f: [{ anything-but: { suffix: [.png, .jpg] } }], g: [{ anything-but: { equals-ignore-case: [x] } }], h: [{ anything-but: { wildcard: "*/lib/*" } }] } }',
      ),
    },
    {
      name: '$or with two branches, nested, block style',
      code: `${R}  - bus -> f:\n      pattern:\n        source: [shop]\n        $or:\n          - detail: { a: [1] }\n          - detail:\n              $or:\n                - b: [{ numeric: ["<", 10] }]\n                - c: [x]\n`,
    },
    { name: 'a field named like an operator, with an array: a nested field', code: flow('{ detail: { prefix: [x] } }') },
    { name: 'not a map: schema/invalid’s', code: flow('[source]'), ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'a field whose value is not an array: fixed by putting it in one',
      code: flow('{ source: «shop.orders», detail: { total: «100» } }'),
      errors: [
        {
          messageId: 'notArray',
          message:
            "Field 'source' is the string \"shop.orders\": in an event pattern a field's value is an array of match values (`[shop.orders]`) or a map of nested fields, and EventBridge rejects anything else.",
          fix: { title: 'Put the value in an array', safeForFixAll: true },
        },
        { messageId: 'notArray', message: /^Field 'total' is the number 100: .*\(`\[100\]`\)/ },
      ],
      output: flow('{ source: [shop.orders], detail: { total: [100] } }'),
    },
    {
      name: 'empty array, empty map, empty pattern',
      code: `${R}  - bus -> f: { pattern: { source: «[]», detail: «{}» } }\n  - bus -> f: { pattern: «{}», rule: other }\n`,
      errors: [
        {
          messageId: 'emptyArray',
          message:
            "Field 'source' has an empty array: EventBridge rejects empty arrays in event patterns. List the values to match, or remove the field.",
        },
        {
          messageId: 'emptyMap',
          message: 'An empty map in an event pattern: EventBridge rejects empty objects. Give it the fields to match, or remove it.',
        },
        { messageId: 'emptyMap' },
      ],
    },
    {
      name: 'unknown operators, on the key, with a did-you-mean suggestion when one is close',
      code: flow('{ detail: { a: [{ «anything_but»: x }], b: [{ «contains»: y }], c: [{ «$or»: z }] } }'),
      errors: [
        {
          messageId: 'unknownOperator',
          message:
            "'anything_but' is not an event pattern operator: EventBridge rejects the pattern. The operators are prefix, suffix, anything-but, numeric, exists, cidr, equals-ignore-case and wildcard ($or joins the fields of a map).",
          suggestions: [flow('{ detail: { a: [{ anything-but: x }], b: [{ contains: y }], c: [{ $or: z }] } }')],
        },
        { messageId: 'unknownOperator', message: /^'contains' is not/, suggestions: [] },
        { messageId: 'unknownOperator', message: /^'\$or' is not/, suggestions: [] },
      ],
    },
    {
      name: 'an operator where the array belongs: fixed by moving it into one',
      code: flow('{ source: «{ prefix: shop. }» }'),
      errors: [
        {
          messageId: 'operatorAsField',
          message:
            "'prefix' is a comparison operator, written here as a field of 'source': a comparison goes inside the field's array of match values (`source: [{ prefix: … }]`), or EventBridge reads it as a field named 'prefix'.",
          fix: { title: "Move 'prefix' into an array of match values", safeForFixAll: true },
        },
      ],
      output: flow('{ source: [{ prefix: shop. }] }'),
    },
    {
      name: 'an operator where the array belongs, block map: no fix',
      code: `${R}  - bus -> f:\n      pattern:\n        source:\n          «exists: true»\n`,
      errors: [{ messageId: 'operatorAsField' }],
    },
    {
      name: 'two operators in one comparison, and none',
      code: flow('{ detail: { a: [«{ prefix: a, suffix: b }»], b: [«{}»] } }'),
      errors: [
        {
          messageId: 'operatorCount',
          message:
            'A comparison has exactly one operator, and this one has 2 (prefix, suffix): EventBridge rejects it. Write each comparison as an item of its own in the array.',
        },
        { messageId: 'operatorCount', message: /this one has none \(\{\}\)/ },
      ],
    },
    {
      name: 'a nested array as a match value',
      code: flow('{ detail: { a: [x, «[y]»] } }'),
      errors: [{ messageId: 'badValue', message: /^A match value of 'a' is an array: match values are strings/ }],
    },
    {
      name: 'operands of the wrong kind, on the operand',
      code: flow(
        '{ detail: { a: [{ prefix: «5» }], b: [{ exists: «"true"» }], c: [{ cidr: «10.0.0.300/24» }], d: [{ cidr: «10.0.0.0/33» }], e: [{ wildcard: «[x]» }], f: [{ prefix: { equals-ignore-case: «1» } }], g: [{ equals-ignore-case: «null» }] } }',
      ),
      errors: [
        { messageId: 'operand', message: "'prefix' takes a string, or `{ equals-ignore-case: <string> }`; the number 5 is not." },
        { messageId: 'operand', message: '\'exists\' takes true or false; the string "true" is not.' },
        {
          messageId: 'operand',
          message: /^'cidr' takes an IP address range in CIDR notation .*; the string "10\.0\.0\.300\/24" is not\.$/,
        },
        { messageId: 'operand', message: /the string "10\.0\.0\.0\/33" is not/ },
        { messageId: 'operand', message: "'wildcard' takes a string; an array is not." },
        { messageId: 'operand', message: "'prefix' takes a string; the number 1 is not." },
        { messageId: 'operand', message: "'equals-ignore-case' takes a string; null is not." },
      ],
    },
    {
      name: 'anything-but: mixed, empty, null, an operator it cannot wrap, an empty prefix',
      code: flow(
        '{ detail: { a: [{ anything-but: «[a, 1]» }], b: [{ anything-but: «[]» }], c: [{ anything-but: «null» }], d: [{ anything-but: { «numeric»: [">", 1] } }], e: [{ anything-but: { prefix: «""» } }] } }',
      ),
      errors: [
        { messageId: 'operand', message: "'anything-but' takes a non-empty array of strings only or of numbers only; an array is not." },
        { messageId: 'operand' },
        {
          messageId: 'operand',
          message: /^'anything-but' takes a string, a number, an array of strings or of numbers, .*; null is not\.$/,
        },
        { messageId: 'operand', message: /'numeric' is none of these; the string "numeric" is not\./ },
        { messageId: 'operand', message: '\'anything-but\' takes a non-empty string or an array of them; the string "" is not.' },
      ],
    },
    {
      name: 'numeric: bad operator, quoted number, dangling operator, reversed range, too many, empty range, not an array',
      code: flow(
        '{ detail: { a: [{ numeric: [«"=<"», 1] }], b: [{ numeric: [">", «"5"»] }], c: [{ numeric: [">", 1, «"<"»] }], d: [{ numeric: [«"<"», 5, ">", 1] }], e: [{ numeric: [">", 1, "<", 5, «"<"», 6] }], f: [{ numeric: «[">", 9, "<", 1]» }], g: [{ numeric: «5» }], h: [{ numeric: [">", 0, «"="», 5] }] } }',
      ),
      errors: [
        {
          messageId: 'numeric',
          message:
            'numeric takes ["=", n], [">" or ">=", n], ["<" or "<=", n], or a lower bound then an upper bound ([">", 0, "<=", 5]): the string "=<" is not one of the operators =, >, >=, <, <=.',
        },
        { messageId: 'numeric', message: /: the string "5" is not a number \(write numbers without quotes\)\.$/ },
        { messageId: 'numeric', message: /: the operator < has no number after it\.$/ },
        { messageId: 'numeric', message: /: a range is a lower bound \(> or >=\) followed by an upper bound \(< or <=\), not < then >\.$/ },
        { messageId: 'numeric', message: /: it has more than two comparisons\.$/ },
        { messageId: 'numeric', message: /: its lower bound 9 is over its upper bound 1, so no number matches\.$/ },
        { messageId: 'numeric', message: /: the number 5 is not an array\.$/ },
        { messageId: 'numeric', message: /not > then =\.$/ },
      ],
    },
    {
      name: '$or with one branch, and a branch that is not a map',
      code: flow('{ source: [a], $or: «[{ b: [1] }]» }') + '  - bus -> f: { rule: r2, pattern: { $or: [{ b: [1] }, «x»] } }\n',
      errors: [
        {
          messageId: 'or',
          message:
            '`$or` takes an array of at least two maps of fields: this one has one, and EventBridge rejects it (write the fields without $or).',
        },
        { messageId: 'or', message: '`$or` takes an array of at least two maps of fields: the string "x" is not a map of fields.' },
      ],
    },
  ],
});
