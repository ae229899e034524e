import rule from '../../../../src/core/rules/eventbridge/dlq-type';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n  bus: { type: eventbridge }\n  f: { type: lambda }\n  g: { type: lambda }\n  dlq: { type: sqs }\n  dlq.fifo: { type: sqs, fifo: true }\n  t: { type: sns }\n';
// The queues are consumed, so no other rule warns about them.
const TAIL = '  - dlq -> g\n  - dlq.fifo -> g\n  - t -> g\n';

ruleTester(rule, {
  valid: [
    { name: 'a standard queue as a rule target’s DLQ', code: `${R}flows:\n  - bus -> f: { onFailure: dlq }\n${TAIL}` },
    {
      name: 'a standard queue as a Scheduler schedule’s DLQ',
      code: `${R}  tick: { type: schedule, kind: scheduler, expression: rate(1 hour) }\nflows:\n  - tick -> f: { onFailure: dlq }\n${TAIL}`,
    },
    {
      name: 'an SNS topic as an event source mapping’s onFailure is not a rule’s DLQ',
      code: `${R}  s: { type: kinesis, encryption: kms }\nflows:\n  - s -> f: { onFailure: t }\n${TAIL}`,
    },
    {
      name: 'an unknown id is flows/unknown-resource’s',
      code: `${R}flows:\n  - bus -> f: { onFailure: nope }\n${TAIL}`,
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
  ],
  invalid: [
    {
      name: 'a FIFO queue as a rule target’s DLQ',
      code: `${R}flows:\n  - bus -> f: { onFailure: «dlq.fifo» }\n${TAIL}`,
      errors: [
        {
          messageId: 'fifo',
          severity: 'error',
          message:
            "'dlq.fifo' is a FIFO queue, and EventBridge takes only a standard SQS queue as a target's dead-letter queue: PutTargets rejects it. Use a standard queue for the events 'bus' fails to deliver.",
        },
      ],
    },
    {
      name: 'an SNS topic as a rule target’s DLQ, block style',
      code: `${R}flows:\n  - bus -> f, g:\n      rule: r\n      onFailure: «t»   # SNS\n${TAIL}`,
      errors: [
        {
          messageId: 'notQueue',
          message:
            "'t' is an SNS topic, and EventBridge takes only a standard SQS queue as a target's dead-letter queue: PutTargets rejects it. Use a standard queue for the events 'bus' fails to deliver.",
        },
      ],
    },
    {
      name: 'a FIFO queue as a Scheduler schedule’s DLQ (kind implied by timezone)',
      code: `${R}  tick: { type: schedule, expression: cron(0 9 * * ? *), timezone: Europe/Paris }\nflows:\n  - tick -> f: { onFailure: «dlq.fifo» }\n${TAIL}`,
      errors: [
        {
          messageId: 'fifo',
          message:
            /EventBridge Scheduler takes only a standard SQS queue .*: CreateSchedule rejects it\. Use a standard queue for the events 'tick'/,
        },
      ],
    },
    {
      name: 'a Lambda function as a scheduled rule’s DLQ',
      code: `${R}  tick: { type: schedule, kind: rule, expression: rate(1 hour) }\nflows:\n  - tick -> f: { onFailure: «g» }\n${TAIL}`,
      errors: [{ messageId: 'notQueue', message: /^'g' is a Lambda function, and EventBridge takes .*: PutTargets rejects it/ }],
    },
  ],
});
