import rule from '../../../../src/core/rules/pipes/source';
import { ruleTester } from '../../../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/index';

const R =
  'resources:\n' +
  '  queue: { type: sqs }\n' +
  '  stream: { type: kinesis }\n' +
  '  table: { type: dynamodb, stream: true }\n' +
  '  topic: { type: sns }\n' +
  '  bus: { type: eventbridge }\n' +
  '  bucket: { type: s3 }\n' +
  '  fn: { type: lambda }\n' +
  '  out: { type: sqs }\n';

ruleTester(rule, {
  valid: [
    { name: 'an SQS queue', code: `${R}flows:\n  - queue -> fn: { via: pipe }` },
    { name: 'a Kinesis stream', code: `${R}flows:\n  - stream -> fn: { via: pipe }` },
    { name: 'a DynamoDB stream', code: `${R}flows:\n  - table -> fn: { via: pipe }` },
    { name: 'a topic without via: pipe is a subscription', code: `${R}flows:\n  - topic -> fn` },
  ],
  invalid: [
    {
      name: 'an SNS topic: on the source id',
      code: `${R}flows:\n  - «topic» -> fn: { via: pipe }`,
      errors: [
        {
          messageId: 'unsupported',
          message:
            "An EventBridge Pipe cannot read from 'topic' (an SNS topic): Pipes poll SQS queues, Kinesis streams, DynamoDB streams, Amazon MQ brokers and Kafka topics (Amazon MSK or self-managed), nothing else. Subscribe an SQS queue to the topic and pipe from the queue.",
        },
      ],
    },
    {
      name: 'an event bus: a rule delivers directly',
      code: `${R}flows:\n  - «bus» -> fn: { via: pipe }`,
      errors: [
        {
          messageId: 'unsupported',
          message: /\(an EventBridge bus\): .* A rule on the bus delivers to the target directly \(drop `via: pipe`\)\.$/,
        },
      ],
    },
    {
      name: 'an S3 bucket',
      code: `${R}flows:\n  - «bucket» -> out: { via: pipe }`,
      errors: [
        {
          messageId: 'unsupported',
          message: /Send the bucket's notifications to an SQS queue and pipe from the queue, or to EventBridge\.$/,
        },
      ],
    },
    {
      name: 'a Lambda function: the general advice',
      code: `${R}flows:\n  - «fn» -> out: { via: pipe }`,
      errors: [{ messageId: 'unsupported', message: /\(a Lambda function\): .* Put an SQS queue in between and pipe from the queue\.$/ }],
    },
    {
      name: 'a fan-out names its source once: one finding',
      code: `${R}flows:\n  - «topic» -> fn, out: { via: pipe }`,
      errors: [{ messageId: 'unsupported' }],
    },
    {
      name: 'a fan-in: one finding per source that no Pipe reads, none for the queue',
      code: `${R}flows:\n  - queue, «topic», «bus» -> fn: { via: pipe }`,
      errors: [{ messageId: 'unsupported' }, { messageId: 'unsupported' }],
    },
  ],
});

test('flows/invalid-connection leaves the source to this rule; the fan-out finding is about both connections', () => {
  const text = `awsflow: 1\n${R}flows:\n  - topic -> fn, out: { via: pipe }\n`;
  const findings = analyze(text).findings;
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'flows/invalid-connection'),
    [],
  );
  const [finding] = findings.filter((f) => f.ruleId === 'pipes/source');
  assert.equal(finding!.connections?.length, 2);
});
