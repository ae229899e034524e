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
