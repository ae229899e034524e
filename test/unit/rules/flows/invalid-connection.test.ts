import rule from '../../../../src/core/rules/flows/invalid-connection';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n  q: { type: sqs }\n  t: { type: sns }\n  f: { type: lambda }\n  k: { type: kinesis }\n  b: { type: s3 }\n  s: { type: schedule, expression: rate(1 hour) }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'event source mapping, subscription, producer',
      code: `${R}flows:\n  - f -> t\n  - t -> q\n  - q -> f\n  - f -> k\n  - k -> f`,
    },
    { name: 'schedule and S3 notification targets', code: `${R}flows:\n  - s -> f\n  - b -> q, t\n  - b -> f` },
    { name: 'chain and fan-out, with properties', code: `${R}flows:\n  - f -> t -> q, f: { rate: 5/s }` },
    { name: 'S3 to a standard queue', code: 'resources:\n  b: { type: s3 }\n  q: { type: sqs }\nflows:\n  - b -> q' },
    {
      name: 'half-typed: a resource with no type, an empty flow',
      code: 'resources:\n  q: { type: sqs }\n  x: { label: X }\nflows:\n  - q -> x\n  - x -> q\n  -\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'queue to topic',
      code: `${R}flows:\n  - q -> «t»`,
      errors: [
        {
          messageId: 'invalid',
          message:
            "AWS cannot connect 'q' (sqs) to 't' (sns): an SQS queue cannot deliver to an SNS topic: something must poll it (a Lambda event source mapping, or compute that calls ReceiveMessage), then send on; EventBridge Pipes can do this without code.",
        },
      ],
    },
    {
      name: 'topic to stream, in a fan-out with a valid target',
      code: `${R}flows:\n  - t -> q, «k», f   # mixed`,
      errors: [
        { messageId: 'invalid', message: /^AWS cannot connect 't' \(sns\) to 'k' \(kinesis\): SNS cannot subscribe a Kinesis stream/ },
      ],
    },
    {
      name: 'every invalid step of a chain, with properties',
      code: `${R}flows:\n  - f -> q -> «t» -> «k»: { rate: 2/s }`,
      errors: [{ messageId: 'invalid' }, { messageId: 'invalid' }],
    },
    {
      name: 'nothing sends to a schedule',
      code: `${R}flows:\n  - f -> «s»`,
      errors: [
        {
          messageId: 'invalid',
          message: "AWS cannot connect 'f' (lambda) to 's' (schedule): a schedule only starts things: nothing can send to it.",
        },
      ],
    },
    {
      name: 'a resource connected to itself: a warning where AWS can make the call (a function invoking itself), an error where it cannot (a queue)',
      code: `${R}flows:\n  - f -> «f»\n  - q -> «q»`,
      errors: [
        {
          messageId: 'self',
          severity: 'warning',
          message:
            "'f' is connected to itself: whatever it sends comes straight back to it, a loop that never ends. Name the resource it really sends to.",
        },
        { messageId: 'self', severity: 'error' },
      ],
    },
    {
      name: 'block-style entry, quoted flow',
      code: `${R}flows:\n  - "k -> «b»":\n      rate: 1/s`,
      errors: [{ messageId: 'invalid' }],
    },
  ],
});
