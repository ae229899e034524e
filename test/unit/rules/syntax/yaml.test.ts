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
        { messageId: 'duplicateKey', message: "Duplicate key 'batchSize': YAML keeps one value per key. The first 'batchSize' is on line 11." },
      ],
    },
    {
      name: 'duplicate key in a file with anchors and aliases (parsed whole)',
      code: 'x-common: &common { label: a }\nresources:\n  a: { type: client }\n  b: { type: client, «type»: s3 }\n',
      errors: [{ messageId: 'duplicateKey', message: "Duplicate key 'type': YAML keeps one value per key. The first 'type' is on line 5." }],
      allowOtherErrors: true,
    },
    {
      name: 'an unclosed flow mapping',
      code: 'resources:\n  a: { type: client\n«»',
      errors: [{ messageId: 'syntax', message: /^YAML syntax error: / }],
    },
    {
      name: 'bad indentation',
      code: 'resources:\n  a:\n    type: client\n« »  label: x\n',
      errors: [{ messageId: 'syntax' }],
      allowOtherErrors: true,
    },
  ],
});
