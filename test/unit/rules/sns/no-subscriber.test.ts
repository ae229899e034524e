import rule from '../../../../src/core/rules/sns/no-subscriber';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'a queue subscribes',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - t -> q\n  - q -> f',
    },
    {
      name: 'a function subscribes, in a chain',
      code: 'resources:\n  p: { type: lambda }\n  t: { type: sns, encryption: kms }\n  f: { type: lambda }\nflows:\n  - p -> t -> f',
    },
    {
      name: 'an HTTP/S endpoint subscribes',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  hook: { type: client }\nflows:\n  - t -> hook',
    },
    { name: 'half-typed: no type', code: 'resources:\n  t:\n    type:\n', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'published to, nobody subscribes',
      code: 'resources:\n  p: { type: lambda }\n  «done»:\n    type: sns\n    encryption: kms\nflows:\n  - p -> done',
      errors: [
        {
          messageId: 'noSubscriber',
          severity: 'warning',
          message:
            "Nothing subscribes to topic 'done': no flow goes out of it, and SNS keeps no copy of a message it has nobody to deliver to, so everything published to it is lost.",
        },
      ],
    },
    {
      name: 'a failure destination that nobody reads loses the failures too',
      code: 'resources:\n  f: { type: lambda, deadLetter: { target: failures } }\n  «failures»: { type: sns, encryption: kms }',
      errors: [{ messageId: 'noSubscriber' }],
    },
  ],
});
