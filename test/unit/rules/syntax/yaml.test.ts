import rule from '../../../../src/core/rules/syntax/yaml';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'resources:\n  a: { type: client }\n',
    { name: 'the same key in different maps', code: 'resources:\n  a: { type: client, label: x }\n  b: { type: client, label: x }\n' },
  ],
  invalid: [
    {
      name: 'duplicate resource ids, in separate blocks',
      code: 'resources:\n  a: { type: client }\n  «a»: { type: s3 }\n',
      errors: [{ messageId: 'duplicateKey', message: "Duplicate key 'a': YAML keeps one value per key. The first 'a' is on line 3." }],
    },
    {
      name: 'duplicate property',
      code: 'resources:\n  q:\n    type: sqs\n    retention: 4d\n    «retention»: 5d\n',
      errors: [{ messageId: 'duplicateKey' }],
    },
    {
      name: 'duplicate resource ids among many resources (more than 16: the keys are hashed)',
      code: `resources:\n${Array.from({ length: 20 }, (_, i) => `  r${i}: { type: client }\n`).join('')}  «r3»: { type: s3 }\n`,
      errors: [{ messageId: 'duplicateKey', message: "Duplicate key 'r3': YAML keeps one value per key. The first 'r3' is on line 6." }],
    },
    {
      name: 'duplicate key inside a nested mapping, and inside a flow entry',
      code: 'resources:\n  q:\n    type: sqs\n    deadLetter:\n      target: dlq\n      «target»: dlq\n  dlq: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f: { batchSize: 5, «batchSize»: 6 }\n',
      errors: [
        { messageId: 'duplicateKey', message: "Duplicate key 'target': YAML keeps one value per key. The first 'target' is on line 6." },
        {
          messageId: 'duplicateKey',
          message: "Duplicate key 'batchSize': YAML keeps one value per key. The first 'batchSize' is on line 11.",
        },
      ],
    },
    {
      name: 'duplicate key in a file with anchors and aliases (parsed whole)',
      code: 'x-common: &common { label: a }\nresources:\n  a: { type: client }\n  b: { type: client, «type»: s3 }\n',
      errors: [
        { messageId: 'duplicateKey', message: "Duplicate key 'type': YAML keeps one value per key. The first 'type' is on line 5." },
      ],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed flow mapping at the end of the file: on the line that opens it',
      code: 'resources:\n  a: «{ type: client»\n',
      errors: [
        {
          messageId: 'syntax',
          message: 'YAML syntax error: This `{` is never closed: end the mapping with `}` (on this line, or on a line indented under it)',
        },
      ],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed flow mapping before other resources and the flows: on its line, not on the next key',
      code: 'resources:\n  q: «{ type: sqs, retention: 4d»   \n  w:\n    type: lambda\n  t: { type: sns }\nflows:\n  - q -> w\n',
      errors: [{ messageId: 'syntax' }],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed `{` around a closed one, with a comment that holds brackets and quotes',
      code: "resources:\n  # { \"not this one\n  d: { type: sqs }\n  q: «{ type: sqs, deadLetter: { target: d }, label: '[x]'»\n  w: { type: lambda }\n",
      errors: [{ messageId: 'syntax' }],
      allowOtherErrors: true,
    },
    {
      name: 'a `{` opened at the end of its line, its entries below and never closed',
      code: 'resources:\n  q: «{»\n    type: sqs,\n    retention: 4d\n  w: { type: lambda }\n',
      errors: [{ messageId: 'syntax' }],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed flow sequence',
      code: 'resources:\n  fs: { type: efs }\n  e:\n    type: ecs\n    volumes: «[fs, x»\n  w:\n    type: lambda\n',
      errors: [
        {
          messageId: 'syntax',
          message: 'YAML syntax error: This `[` is never closed: end the list with `]` (on this line, or on a line indented under it)',
        },
      ],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed `{` in a flow entry, with flow entries after it',
      code: 'resources:\n  q: { type: sqs }\n  w: { type: lambda }\nflows:\n  - q -> w: «{ batchSize: 10»\n  - w -> q\n',
      errors: [{ messageId: 'syntax' }],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed double quote: on the quote, not at the end of the file',
      code: 'resources:\n  q:\n    type: sqs\n    label: «"Jobs \\" queue»\n  w:\n    type: lambda\n',
      errors: [{ messageId: 'syntax', message: 'YAML syntax error: This `"` is never closed: end the string with `"`' }],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed single quote after a plain scalar with an apostrophe and a quoted one with an escaped quote',
      code: "resources:\n  a: { type: client, description: it's ours }\n  q:\n    type: sqs\n    description: 'the team''s'\n    label: «'Jobs»\n  w:\n    type: lambda\n",
      errors: [{ messageId: 'syntax', message: "YAML syntax error: This `'` is never closed: end the string with `'`" }],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed `{` in a file with anchors (parsed whole)',
      code: 'x-common: &common { label: a }\nresources:\n  a: «{ type: client, <<: *common»\n  b: { type: client }\n',
      errors: [{ messageId: 'syntax' }],
      allowOtherErrors: true,
    },
    {
      name: 'bad indentation',
      code: 'resources:\n  a:\n    type: client\n« »  label: x\n',
      errors: [{ messageId: 'syntax' }],
      allowOtherErrors: true,
    },
  ],
});
