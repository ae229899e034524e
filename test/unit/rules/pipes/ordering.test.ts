import rule from '../../../../src/core/rules/pipes/ordering';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n' +
  '  queue: { type: sqs }\n' +
  '  jobs: { type: sqs, fifo: true, name: jobs.fifo }\n' +
  '  stream: { type: kinesis }\n' +
  '  table: { type: dynamodb, stream: true }\n' +
  '  fn: { type: lambda }\n' +
  '  express: { type: stepfunctions, workflow: express }\n' +
  '  standard: { type: stepfunctions }\n' +
  '  out: { type: sqs }\n' +
  '  ordered: { type: sqs, fifo: true, name: ordered.fifo }\n' +
  '  topic: { type: sns }\n' +
  '  bus: { type: eventbridge }\n' +
  '  records: { type: kinesis }\n' +
  '  task: { type: ecs }\n';

ruleTester(rule, {
  valid: [
    { name: 'a standard queue has no order to lose', code: `${R}flows:\n  - queue -> out, topic, bus, standard, task: { via: pipe }` },
    { name: 'FIFO queue into a FIFO queue', code: `${R}flows:\n  - jobs -> ordered: { via: pipe }` },
    { name: 'stream into a function (invoked synchronously)', code: `${R}flows:\n  - stream -> fn: { via: pipe }` },
    { name: 'stream into an Express workflow', code: `${R}flows:\n  - table -> express: { via: pipe }` },
    { name: 'stream into a Kinesis stream', code: `${R}flows:\n  - stream -> records: { via: pipe }` },
    { name: 'an event source mapping is no Pipe', code: `${R}flows:\n  - jobs -> fn` },
  ],
  invalid: [
    {
      name: 'FIFO queue into a standard queue',
      code: `${R}flows:\n  - jobs -> «out»: { via: pipe }`,
      errors: [
        {
          messageId: 'losesOrder',
          severity: 'warning',
          message:
            "The Pipe from FIFO queue 'jobs' (in order per message group) into 'out' loses that order: it is a standard queue, which delivers in best-effort order. Pipe into a FIFO queue (`fifo: true`), or accept that records are processed out of order.",
        },
      ],
    },
    {
      name: 'Kinesis stream into a standard workflow (the default)',
      code: `${R}flows:\n  - stream -> «standard»: { via: pipe }`,
      errors: [
        {
          messageId: 'losesOrder',
          message:
            "The Pipe from Kinesis stream 'stream' (in order per shard) into 'standard' loses that order: a Pipe starts a standard workflow only asynchronously (FIRE_AND_FORGET), so its executions run side by side and finish in any order. Pipe into an Express workflow (which a Pipe invokes synchronously, batch after batch), or accept that records are processed out of order.",
        },
      ],
    },
    {
      name: 'DynamoDB stream into a bus, a topic and an ECS task: one finding per target',
      code: `${R}flows:\n  - table -> «bus», «topic», «task»: { via: pipe }`,
      errors: [
        {
          messageId: 'losesOrder',
          message: /^The Pipe from the DynamoDB stream of 'table' \(in order per item\) into 'bus' loses that order: an event bus/,
        },
        { messageId: 'losesOrder', message: /into 'topic' loses that order: it is a standard topic/ },
        { messageId: 'losesOrder', message: /into 'task' loses that order: a Pipe starts an ECS task per batch/ },
      ],
    },
    {
      name: 'a fan-in: only the ordered source',
      code: `${R}flows:\n  - queue, «jobs» -> out: { via: pipe }`,
      errors: [{ messageId: 'losesOrder' }],
    },
  ],
});
