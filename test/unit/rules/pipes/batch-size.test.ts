import rule from '../../../../src/core/rules/pipes/batch-size';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n' +
  '  queue: { type: sqs }\n' +
  '  jobs: { type: sqs, fifo: true, name: jobs.fifo }\n' +
  '  stream: { type: kinesis }\n' +
  '  table: { type: dynamodb, stream: true }\n' +
  '  fn: { type: lambda }\n' +
  '  flow: { type: stepfunctions, workflow: express }\n' +
  '  out: { type: sqs }\n' +
  '  topic: { type: sns }\n' +
  '  bus: { type: eventbridge }\n' +
  '  records: { type: kinesis }\n' +
  '  delivery: { type: firehose }\n' +
  '  task: { type: ecs }\n' +
  '  api: { type: api-gateway }\n' +
  '  partner: { type: client }\n';

ruleTester(rule, {
  valid: [
    { name: '10,000 from a queue into a function', code: `${R}flows:\n  - queue -> fn: { via: pipe, batchSize: 10000 }` },
    { name: '10,000 from a Kinesis stream into a workflow', code: `${R}flows:\n  - stream -> flow: { via: pipe, batchSize: 10000 }` },
    { name: '10,000 from a DynamoDB stream', code: `${R}flows:\n  - table -> fn: { via: pipe, batchSize: 10000 }` },
    { name: '10 into a queue, a topic and a bus', code: `${R}flows:\n  - stream -> out, topic, bus: { via: pipe, batchSize: 10 }` },
    {
      name: '500 into a Kinesis stream and a Firehose stream',
      code: `${R}flows:\n  - stream -> records, delivery: { via: pipe, batchSize: 500 }`,
    },
    {
      name: '1 into an ECS task, an API and an API destination',
      code: `${R}flows:\n  - queue -> task, api, partner: { via: pipe, batchSize: 1 }`,
    },
    { name: 'a FIFO queue source is bounded like a standard one', code: `${R}flows:\n  - jobs -> fn: { via: pipe, batchSize: 10000 }` },
    { name: 'a 300 s window', code: `${R}flows:\n  - queue -> fn: { via: pipe, batchWindow: 5m }` },
    { name: 'a 0 s window', code: `${R}flows:\n  - queue -> fn: { via: pipe, batchWindow: 0 }` },
    { name: 'an event source mapping is esm/batch-window’s', code: `${R}flows:\n  - stream -> fn: { batchSize: 10000 }` },
    { name: 'an enrichment by a function takes batches', code: `${R}flows:\n  - queue -> fn: { via: pipe, enrich: fn, batchSize: 100 }` },
  ],
  invalid: [
    {
      name: '10,001 from a queue: fixed to 10000',
      code: `${R}flows:\n  - queue -> fn: { via: pipe, batchSize: «10001» }`,
      errors: [
        {
          messageId: 'sizeOverMax',
          message:
            "Pipe batch size 10001 is over 10,000, the most source queue 'queue' takes: EventBridge Pipes cannot be configured with a larger batch than its source, enrichment or target supports, and rejects the pipe.",
          fix: { title: 'Set batchSize to 10000', safeForFixAll: true },
        },
      ],
      output: `${R}flows:\n  - queue -> fn: { via: pipe, batchSize: 10000 }`,
    },
    {
      name: '10,001 from a DynamoDB stream',
      code: `${R}flows:\n  - table -> flow: { via: pipe, batchSize: «10001» }`,
      errors: [{ messageId: 'sizeOverMax', message: /over 10,000, the most source DynamoDB stream 'table' takes/ }],
      output: `${R}flows:\n  - table -> flow: { via: pipe, batchSize: 10000 }`,
    },
    {
      name: '11 into a queue (AWS’s own example: Kinesis into SQS)',
      code: `${R}flows:\n  - stream -> out: { via: pipe, batchSize: «11» }`,
      errors: [{ messageId: 'sizeOverMax', message: /^Pipe batch size 11 is over 10, the most target queue 'out' takes/ }],
      output: `${R}flows:\n  - stream -> out: { via: pipe, batchSize: 10 }`,
    },
    {
      name: '11 into a bus',
      code: `${R}flows:\n  - stream -> bus: { via: pipe, batchSize: «11» }`,
      errors: [{ messageId: 'sizeOverMax', message: /the most target event bus 'bus' takes/ }],
      output: `${R}flows:\n  - stream -> bus: { via: pipe, batchSize: 10 }`,
    },
    {
      name: '501 into a Firehose stream',
      code: `${R}flows:\n  - stream -> delivery: { via: pipe, batchSize: «501» }`,
      errors: [{ messageId: 'sizeOverMax', message: /over 500, the most target Firehose stream 'delivery' takes/ }],
      output: `${R}flows:\n  - stream -> delivery: { via: pipe, batchSize: 500 }`,
    },
    {
      name: '2 into an API destination',
      code: `${R}flows:\n  - queue -> partner: { via: pipe, batchSize: «2» }`,
      errors: [{ messageId: 'sizeOverMax', message: /over 1, the most target API destination 'partner' takes/ }],
      output: `${R}flows:\n  - queue -> partner: { via: pipe, batchSize: 1 }`,
    },
    {
      name: '2 through an API Gateway enrichment',
      code: `${R}flows:\n  - queue -> fn: { via: pipe, enrich: api, batchSize: «2» }`,
      errors: [{ messageId: 'sizeOverMax', message: /over 1, the most enrichment API Gateway 'api' takes/ }],
      output: `${R}flows:\n  - queue -> fn: { via: pipe, enrich: api, batchSize: 1 }`,
    },
    {
      name: 'a fan-out: the tightest target names the maximum, once',
      code: `${R}flows:\n  - stream -> fn, records, out: { via: pipe, batchSize: «600» }`,
      errors: [{ messageId: 'sizeOverMax', message: /over 10, the most target queue 'out' takes/ }],
      output: `${R}flows:\n  - stream -> fn, records, out: { via: pipe, batchSize: 10 }`,
    },
    {
      name: 'a window of 301 s',
      code: `${R}flows:\n  - queue -> fn: { via: pipe, batchWindow: «301s» }`,
      errors: [
        {
          messageId: 'windowOverMax',
          message: 'Pipe batchWindow 301s (5 min 1 s) is over the 300 s maximum; EventBridge Pipes rejects the pipe.',
          fix: { title: 'Set batchWindow to 300s', safeForFixAll: true },
        },
      ],
      output: `${R}flows:\n  - queue -> fn: { via: pipe, batchWindow: 300s }`,
    },
    {
      name: 'a window of 1.5 s',
      code: `${R}flows:\n  - stream -> fn: { via: pipe, batchWindow: «1500ms» }`,
      errors: [
        {
          messageId: 'windowNotWhole',
          message:
            'Pipe batchWindow 1500ms (1.5 s) is not a whole number of seconds; EventBridge Pipes takes the batching window in whole seconds and rejects the pipe.',
        },
      ],
      output: `${R}flows:\n  - stream -> fn: { via: pipe, batchWindow: 2s }`,
    },
    {
      name: 'size and window, block style',
      code: `${R}flows:\n  - queue -> out:\n      via: pipe\n      batchSize: «100»   # too many for a queue\n      batchWindow: «10m»`,
      errors: [{ messageId: 'sizeOverMax' }, { messageId: 'windowOverMax' }],
      output: `${R}flows:\n  - queue -> out:\n      via: pipe\n      batchSize: 10   # too many for a queue\n      batchWindow: 300s`,
    },
  ],
});
