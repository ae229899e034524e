import rule from '../../../../src/core/rules/lambda/dlq-target';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no dead-letter queue', code: 'resources:\n  f: { type: lambda }' },
    { name: 'a standard queue', code: 'resources:\n  f: { type: lambda, deadLetter: { target: failed } }\n  failed: { type: sqs }' },
    {
      name: 'a standard topic, block style',
      code: 'resources:\n  f:\n    type: lambda\n    deadLetter:\n      target: alerts\n  alerts: { type: sns, encryption: kms }\n',
    },
    {
      name: 'from defaults',
      code: 'defaults:\n  lambda: { deadLetter: { target: failed } }\nresources:\n  f: { type: lambda }\n  failed: { type: sqs }',
    },
    {
      name: "an unknown id is flows/unknown-resource's",
      code: 'resources:\n  f: { type: lambda, deadLetter: { target: nowhere } }',
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
    {
      name: 'half-typed: target with no value',
      code: 'resources:\n  f:\n    type: lambda\n    deadLetter:\n      target:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'a Lambda function',
      code: 'resources:\n  f:\n    type: lambda\n    deadLetter: { target: «cleanup» }   # retry handler\n  cleanup: { type: lambda }\n',
      errors: [
        {
          messageId: 'wrongType',
          message:
            'The dead-letter target cleanup is a Lambda function: Lambda sends failed asynchronous invocations only to an SQS queue or an SNS topic.',
        },
      ],
    },
    {
      name: 'an S3 bucket',
      code: 'resources:\n  f: { type: lambda, deadLetter: { target: «archive» } }\n  archive: { type: s3 }',
      errors: [{ messageId: 'wrongType', message: /is an S3 bucket:/ }],
    },
    {
      name: 'a FIFO queue',
      code: 'resources:\n  f: { type: lambda, deadLetter: { target: «failed.fifo» } }\n  failed.fifo: { type: sqs, fifo: true }',
      errors: [
        {
          messageId: 'fifoTarget',
          message:
            'The dead-letter target failed.fifo is a FIFO SQS queue: Lambda sends failed asynchronous invocations only to a standard SQS queue or SNS topic, and its deliveries to FIFO fail.',
        },
      ],
    },
    {
      name: 'a FIFO topic',
      code: 'resources:\n  f: { type: lambda, deadLetter: { target: «alerts.fifo» } }\n  alerts.fifo: { type: sns, fifo: true, encryption: kms }',
      errors: [{ messageId: 'fifoTarget', message: /is a FIFO SNS topic:/ }],
    },
    {
      name: 'from defaults: reported once, on the defaults node',
      code: 'defaults:\n  lambda: { deadLetter: { target: «events» } }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }\n  events: { type: kinesis, encryption: kms }',
      errors: [{ messageId: 'wrongType', message: /is a Kinesis stream:/ }],
    },
  ],
});
