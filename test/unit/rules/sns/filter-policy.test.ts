import rule from '../../../../src/core/rules/sns/filter-policy';
import { ruleTester } from '../../../helpers/rule-tester';

const R = [
  'resources:',
  '  news: { type: sns, encryption: kms }',
  '  jobs: { type: sqs }',
  '  f: { type: lambda }',
  '  g: { type: lambda }',
  '',
].join('\n');

/** `{ k: [ "xxx…" ] }`, whose compact JSON `{"k":["xxx…"]}` is exactly `bytes` long. */
function policyOfSize(bytes: number): string {
  return `{ k: ["${'x'.repeat(bytes - '{"k":[""]}'.length)}"] }`;
}

const values = (count: number) => `[${Array.from({ length: count }, (_, i) => `v${i}`).join(', ')}]`;

ruleTester(rule, {
  valid: [
    {
      name: 'five keys, 5 × 5 × 6 = 150 combinations',
      code: `${R}flows:\n  - news -> f: { filter: { a: ${values(5)}, b: ${values(5)}, c: ${values(6)}, d: [x], e: [y] } }`,
    },
    { name: 'one array of exactly 150 values', code: `${R}flows:\n  - news -> f: { filter: { a: ${values(150)} } }` },
    {
      name: 'operators count as one value each',
      code: `${R}flows:\n  - news -> jobs: { filter: { store: [{ prefix: eu- }], price: [{ numeric: [">", 0, "<=", 100] }] } }\n  - jobs -> f`,
    },
    {
      name: 'a message-body policy: nested keys do not count toward the five top-level keys',
      code: `${R}flows:\n  - news -> f:\n      filter:\n        order:\n          kind: [a]\n          region: [b]\n          store: [c]\n          channel: [d]\n          tier: [e]\n          size: [f]\n`,
    },
    { name: 'exactly 256 KB of JSON', code: `${R}flows:\n  - news -> f: { filter: ${policyOfSize(262_144)} }` },
    {
      name: '$or: checked for size only',
      code: `${R}flows:\n  - news -> f: { filter: { $or: [{ a: [x] }, { b: [y] }], c: [1], d: [2], e: [3], f: [4], g: [5] } }`,
    },
    {
      name: "a filter on a connection that is not a subscription is not this rule's business",
      code: `${R}flows:\n  - news -> jobs\n  - jobs -> f: { filter: { a: [1], b: [2], c: [3], d: [4], e: [5], f: [6] } }`,
    },
    {
      name: 'half-typed: filter with no value',
      code: `${R}flows:\n  - news -> f:\n      filter:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    { name: 'half-typed: keys without values yet', code: `${R}flows:\n  - news -> f:\n      filter:\n        a:\n        b:\n` },
  ],
  invalid: [
    {
      name: 'six keys',
      code: `${R}flows:\n  - news -> f: { filter: «{ a: [1], b: [2], c: [3], d: [4], e: [5], f: [6] }» }`,
      errors: [
        {
          messageId: 'tooManyKeys',
          severity: 'error',
          message:
            'The filter policy has 6 keys (a, b, c, d, e, f), over the SNS maximum of 5: SNS rejects the subscription. Split the subscriber, or filter on fewer attributes.',
        },
      ],
    },
    {
      name: 'six top-level keys of a body policy, block style',
      code: `${R}flows:\n  - news -> f, g:\n      rate: 5/s\n      filter:\n        «a: { x: [1] }\n        b: [2]\n        c: [3]\n        d: [4]\n        e: [5]\n        f: [6]»\n`,
      errors: [{ messageId: 'tooManyKeys' }],
    },
    {
      name: '5 × 5 × 7 = 175 combinations',
      code: `${R}flows:\n  - news -> f: { filter: «{ a: ${values(5)}, b: ${values(5)}, c: ${values(7)} }» }`,
      errors: [
        {
          messageId: 'tooManyCombinations',
          message:
            'The filter policy has 175 combinations of values (5 × 5 × 7), over the SNS maximum of 150: SNS rejects the subscription. Use fewer values, or a prefix or anything-but match instead of a long list.',
        },
      ],
    },
    {
      name: 'one array of 151 values',
      code: `${R}flows:\n  - news -> jobs: { filter: «{ a: ${values(151)} }» }\n  - jobs -> f`,
      errors: [{ messageId: 'tooManyCombinations', message: /has 151 combinations of values \(151\)/ }],
    },
    {
      name: 'nested arrays multiply across levels',
      code: `${R}flows:\n  - news -> f: { filter: «{ order: { kind: ${values(10)}, region: ${values(4)} }, store: ${values(4)} }» }`,
      errors: [{ messageId: 'tooManyCombinations', message: /160 combinations of values \(10 × 4 × 4\)/ }],
    },
    {
      name: 'one byte over 256 KB',
      code: `${R}flows:\n  - news -> f: { filter: «${policyOfSize(262_145)}» }`,
      errors: [
        {
          messageId: 'tooLarge',
          message:
            'The filter policy is 262,145 bytes of JSON, over the SNS maximum of 256 KB (262,144 bytes): SNS rejects the subscription.',
        },
      ],
    },
    {
      name: 'keys and combinations over at once: two findings',
      code: `${R}flows:\n  - news -> f: { filter: ««{ a: ${values(2)}, b: ${values(2)}, c: ${values(2)}, d: ${values(2)}, e: ${values(2)}, f: ${values(5)} }»» }`,
      errors: [
        { messageId: 'tooManyKeys' },
        { messageId: 'tooManyCombinations', message: /160 combinations of values \(2 × 2 × 2 × 2 × 2 × 5\)/ },
      ],
    },
  ],
});
