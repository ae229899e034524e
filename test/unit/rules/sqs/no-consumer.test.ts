import rule from '../../../../src/core/rules/sqs/no-consumer';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'read by a function', code: 'resources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f' },
    {
      name: 'read by a container service',
      code: 'resources:\n  q: { type: sqs, receiveWait: 20s }\n  w: { type: ecs }\nflows:\n  - q -> w',
    },
    {
      name: 'dead-letter queues are exempt',
      code: 'resources:\n  q: { type: sqs, deadLetter: { target: q-dlq, maxReceiveCount: 5 } }\n  q-dlq: { type: sqs }\n  f: { type: lambda, deadLetter: { target: f-dlq } }\n  f-dlq: { type: sqs }\nflows:\n  - q -> f',
    },
    {
      name: 'an onFailure destination is exempt',
      code: 'resources:\n  k: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - k -> f: { onFailure: failed }',
    },
    { name: 'one of a fan-in', code: 'resources:\n  a: { type: sqs }\n  b: { type: sqs }\n  f: { type: lambda }\nflows:\n  - a, b -> f' },
    {
      name: 'half-typed: a queue with no type is not known to be a queue',
      code: 'resources:\n  q:\n    type:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'written to, never read',
      code: 'resources:\n  f: { type: lambda }\n  «audit»:\n    type: sqs   # nobody reads this\nflows:\n  - f -> audit',
      errors: [
        {
          messageId: 'noConsumer',
          severity: 'warning',
          message:
            "Nothing reads queue 'audit': no flow goes out of it, so its messages wait until the 4 d retention period deletes them unread.",
        },
      ],
    },
    {
      name: 'retention from defaults',
      code: 'defaults:\n  sqs: { retention: 14d }\nresources:\n  «q»: { type: sqs }',
      errors: [{ messageId: 'noConsumer', message: /until the 14 d retention period/ }],
    },
    {
      name: 'a queue with a dead-letter queue of its own still needs a reader',
      code: 'resources:\n  «q»: { type: sqs, deadLetter: { target: q-dlq, maxReceiveCount: 5 } }\n  q-dlq: { type: sqs }',
      errors: [{ messageId: 'noConsumer' }],
    },
  ],
});
