import rule from '../../../../src/core/rules/esm/on-failure';
import { ruleTester } from '../../../helpers/rule-tester';

const RESOURCES = 'resources:\n  clicks: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\n';

ruleTester(rule, {
  valid: [
    { name: 'Kinesis -> Lambda with onFailure', code: `${RESOURCES}flows:\n  - clicks -> f: { onFailure: failed }` },
    {
      name: 'onFailure to an SNS topic',
      code: 'resources:\n  clicks: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  alerts: { type: sns, encryption: kms }\nflows:\n  - clicks -> f: { onFailure: alerts }',
    },
    {
      name: 'DynamoDB stream -> Lambda with onFailure',
      code: 'resources:\n  orders: { type: dynamodb, stream: true }\n  f: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - orders -> f: { batchSize: 100, onFailure: failed }',
    },
    {
      name: 'SQS -> Lambda: the queue redrives to its own DLQ',
      code: 'resources:\n  jobs: { type: sqs }\n  f: { type: lambda }\nflows:\n  - jobs -> f',
    },
    {
      name: 'Kinesis -> Firehose is not an event source mapping',
      code: 'resources:\n  clicks: { type: kinesis, encryption: kms }\n  archive: { type: firehose }\n  lake: { type: s3 }\nflows:\n  - clicks -> archive\n  - archive -> lake',
    },
    {
      name: 'Kinesis -> ECS: a KCL consumer checkpoints itself',
      code: 'resources:\n  clicks: { type: kinesis, encryption: kms }\n  app: { type: ecs, launchType: ec2 }\nflows:\n  - clicks -> app',
    },
    {
      name: 'Pipes from both streams with onFailure',
      code: 'resources:\n  orders: { type: dynamodb, stream: true }\n  clicks: { type: kinesis, encryption: kms }\n  q: { type: sqs }\n  failed: { type: sqs }\nflows:\n  - orders, clicks -> q: { via: pipe, onFailure: failed }',
    },
    {
      name: 'a Pipe from a queue: the queue redrives to its own DLQ',
      code: 'resources:\n  jobs: { type: sqs }\n  wf: { type: stepfunctions }\nflows:\n  - jobs -> wf: { via: pipe }',
    },
    {
      name: 'half-typed: onFailure with no value yet',
      code: `${RESOURCES}flows:\n  - clicks -> f:\n      onFailure:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: an unknown source',
      code: 'resources:\n  f: { type: lambda }\nflows:\n  - nowhere -> f',
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
  ],
  invalid: [
    {
      name: 'Kinesis -> Lambda without onFailure, default retention',
      code: `${RESOURCES}flows:\n  - clicks -> «f»\n`,
      errors: [
        {
          messageId: 'noOnFailure',
          severity: 'warning',
          message:
            "The event source mapping clicks -> f has no onFailure destination: Lambda retries a batch that fails until its records expire from the stream (24 hours retention), and that shard's later records wait behind it; the failed records are then lost. Set onFailure to an SQS queue or SNS topic (with a retry or age limit on the mapping).",
        },
      ],
    },
    {
      name: "the stream's own retention, other properties set",
      code: 'resources:\n  clicks: { type: kinesis, retention: 7d, encryption: kms }\n  f: { type: lambda }\nflows:\n  - clicks -> «f»: { batchSize: 500, batchWindow: 5s }\n',
      errors: [{ messageId: 'noOnFailure', message: /\(7 d retention\)/ }],
    },
    {
      name: 'DynamoDB stream -> Lambda',
      code: 'resources:\n  orders: { type: dynamodb, stream: true }\n  f: { type: lambda }\nflows:\n  - orders -> «f»\n',
      errors: [{ messageId: 'noOnFailure', message: /expire from the DynamoDB stream \(24 hours retention\)/ }],
    },
    {
      name: 'a Pipe from a DynamoDB stream',
      code: 'resources:\n  orders: { type: dynamodb, stream: true }\n  wf: { type: stepfunctions }\nflows:\n  - orders -> «wf»: { via: pipe, batchSize: 10 }\n',
      errors: [
        {
          messageId: 'pipeNoOnFailure',
          severity: 'warning',
          message:
            "The Pipe orders -> wf has no onFailure (dead-letter queue): EventBridge Pipes retries a batch that fails until its records expire from the DynamoDB stream (24 hours retention), and that shard's later records wait behind it; the failed records are then lost. Set onFailure to an SQS queue (with a retry or age limit on the pipe).",
        },
      ],
    },
    {
      name: "a Pipe from a Kinesis stream to a function: the Pipe's message, the stream's retention",
      code: 'resources:\n  clicks: { type: kinesis, retention: 48h, encryption: kms }\n  f: { type: lambda }\nflows:\n  - clicks -> «f»:\n      via: pipe\n',
      errors: [
        { messageId: 'pipeNoOnFailure', message: /^The Pipe clicks -> f has no onFailure .* expire from the stream \(2 d retention\)/ },
      ],
    },
    {
      name: 'fan-out: one finding per mapping, on each target',
      code: `${RESOURCES}  g: { type: lambda }\nflows:\n  - clicks -> «f», «g»\n  - clicks -> f: { onFailure: failed }\n`,
      errors: [
        { messageId: 'noOnFailure', message: /clicks -> f has/ },
        { messageId: 'noOnFailure', message: /clicks -> g has/ },
      ],
    },
  ],
});
