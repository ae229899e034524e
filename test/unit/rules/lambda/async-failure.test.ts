import rule from '../../../../src/core/rules/lambda/async-failure';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'SNS -> Lambda with a dead-letter queue',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  f: { type: lambda, deadLetter: { target: failed } }\n  failed: { type: sqs }\nflows:\n  - t -> f',
    },
    {
      name: 'dead-letter target from defaults',
      code: 'defaults:\n  lambda: { deadLetter: { target: failed } }\nresources:\n  nightly: { type: schedule, expression: rate(1 day) }\n  f: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - nightly -> f',
    },
    {
      name: 'API Gateway -> Lambda is synchronous: the caller sees the error',
      code: 'resources:\n  api: { type: api-gateway }\n  f: { type: lambda }\nflows:\n  - api -> f',
    },
    {
      name: 'SQS -> Lambda is an event source mapping',
      code: 'resources:\n  jobs: { type: sqs }\n  f: { type: lambda }\nflows:\n  - jobs -> f',
    },
    {
      name: 'Kinesis -> Lambda is an event source mapping',
      code: 'resources:\n  s: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - s -> f: { onFailure: failed }',
    },
    { name: 'a Lambda function nothing invokes', code: 'resources:\n  f: { type: lambda }' },
    {
      name: 'half-typed: deadLetter.target with no value yet',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  f:\n    type: lambda\n    deadLetter:\n      target:\nflows:\n  - t -> f\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'SNS -> Lambda without a dead-letter queue',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  «f»: { type: lambda }\nflows:\n  - t -> f\n',
      errors: [
        {
          messageId: 'noDeadLetter',
          severity: 'warning',
          message:
            "Lambda function 'f' is invoked asynchronously (by SNS topic 't') but has no deadLetter: an event whose invocation fails, then fails Lambda's 2 retries, or waits more than 6 hours, is discarded without a trace. Add deadLetter: { target: <queue> } with a standard SQS queue or SNS topic.",
        },
      ],
    },
    {
      name: 'a schedule and an S3 notification, block style: every invoker named once',
      code: 'resources:\n  nightly:\n    type: schedule\n    expression: cron(0 2 * * ? *)\n  uploads:\n    type: s3\n  «build»:\n    type: lambda\n    memory: 1GB\nflows:\n  - nightly -> build\n  - uploads -> build\n  - uploads -> build\n',
      errors: [{ messageId: 'noDeadLetter', message: /\(by schedule 'nightly', S3 event notification 'uploads'\)/ }],
    },
    {
      name: 'a deadLetter without a target does not count',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  «f»: { type: lambda, deadLetter: {} }\nflows:\n  - t -> f\n',
      ruleSeverities: { 'schema/invalid': 'off' },
      errors: [{ messageId: 'noDeadLetter' }],
    },
    {
      name: 'fan-out from a topic: one finding per function',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  «f»: { type: lambda }\n  «g»: { type: lambda }\n  h: { type: lambda, deadLetter: { target: failed } }\n  failed: { type: sqs }\nflows:\n  - t -> f, g, h\n',
      errors: [
        { messageId: 'noDeadLetter', message: /^Lambda function 'f'/ },
        { messageId: 'noDeadLetter', message: /^Lambda function 'g'/ },
      ],
    },
  ],
});
