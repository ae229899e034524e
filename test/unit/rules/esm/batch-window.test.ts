import rule from '../../../../src/core/rules/esm/batch-window';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n  q: { type: sqs, visibilityTimeout: 1m }\n  q.fifo: { type: sqs, fifo: true, visibilityTimeout: 1m }\n  k: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n';

ruleTester(rule, {
  valid: [
    { name: 'SQS default batch of 10', code: `${R}flows:\n  - q -> f` },
    { name: 'batch of 10, no window', code: `${R}flows:\n  - q -> f: { batchSize: 10 }` },
    { name: 'batch of 11 with a 1 s window', code: `${R}flows:\n  - q -> f: { batchSize: 11, batchWindow: 1s }` },
    { name: 'standard queue at the maximum', code: `${R}flows:\n  - q -> f: { batchSize: 10000, batchWindow: 300s }` },
    { name: 'whole seconds in any notation', code: `${R}flows:\n  - q -> f: { batchWindow: 2000ms }\n  - k -> f: { batchWindow: 1m }` },
    { name: 'Kinesis default batch of 100, no window', code: `${R}flows:\n  - k -> f` },
    { name: 'Kinesis batch of 500, no window', code: `${R}flows:\n  - k -> f: { batchSize: 500 }` },
    { name: 'Kinesis at the maximum', code: `${R}flows:\n  - k -> f: { batchSize: 10000, batchWindow: 5m }` },
    { name: 'FIFO without a window; a zero window is no window', code: `${R}flows:\n  - q.fifo -> f: { batchSize: 10, batchWindow: 0 }` },
    { name: 'not an event source mapping', code: `${R}  w: { type: ecs }\nflows:\n  - q -> w: { batchSize: 50 }` },
    {
      name: 'a Pipe into a function is no event source mapping (pipes/batch-size)',
      code: `${R}flows:\n  - q -> f: { via: pipe, batchSize: 100 }\n  - q.fifo -> f: { via: pipe, batchWindow: 5s }`,
    },
    {
      name: 'half-typed: batchSize and batchWindow with no value',
      code: `${R}flows:\n  - q -> f:\n      batchSize:\n      batchWindow:`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'batch over 10 without a window (flow style)',
      code: `${R}flows:\n  - q -> f: { batchSize: «50» }   # bigger batches`,
      errors: [
        {
          messageId: 'needsWindow',
          message:
            "Batch size 50 from standard queue 'q' is over 10 without a batchWindow: Lambda requires a batching window of at least 1 s for batches over 10 and rejects the mapping.",
        },
      ],
      output: `${R}flows:\n  - q -> f: { batchSize: 50, batchWindow: 1s }   # bigger batches`,
    },
    {
      name: 'batch over 10 without a window (block style)',
      code: `${R}flows:\n  - q -> f:\n      batchSize: «11»   # one over\n      rate: 5/s\n  - k -> f`,
      errors: [{ messageId: 'needsWindow' }],
      output: `${R}flows:\n  - q -> f:\n      batchSize: 11   # one over\n      rate: 5/s\n      batchWindow: 1s\n  - k -> f`,
    },
    {
      name: 'a window between two whole seconds',
      code: `${R}flows:\n  - q -> f: { batchWindow: «1.5s» }\n  - k -> f: { batchSize: 500, batchWindow: «2500ms» }\n  - q -> f: { batchSize: 5, batchWindow: «0.4» }`,
      errors: [
        {
          messageId: 'windowNotWhole',
          message:
            'batchWindow 1.5s (1.5 s) is not a whole number of seconds; Lambda takes the batching window in whole seconds and rejects the mapping.',
        },
        {
          messageId: 'windowNotWhole',
          message:
            'batchWindow 2500ms (2.5 s) is not a whole number of seconds; Lambda takes the batching window in whole seconds and rejects the mapping.',
        },
        { messageId: 'windowNotWhole' },
      ],
      output: `${R}flows:\n  - q -> f: { batchWindow: 2s }\n  - k -> f: { batchSize: 500, batchWindow: 3s }\n  - q -> f: { batchSize: 5, batchWindow: 0s }`,
    },
    {
      name: 'window under 1 s',
      code: `${R}flows:\n  - q -> f: { batchSize: 100, batchWindow: «500ms» }`,
      errors: [
        {
          messageId: 'windowTooShort',
          message:
            "batchWindow 500ms (500 ms) is under 1 s while the batch size from standard queue 'q' is 100: Lambda requires a window of at least 1 s for batches over 10 and rejects the mapping.",
        },
      ],
      output: `${R}flows:\n  - q -> f: { batchSize: 100, batchWindow: 1s }`,
    },
    {
      name: 'fan-in: one finding per node',
      code: `resources:\n  a: { type: sqs }\n  b: { type: sqs }\n  f: { type: lambda }\nflows:\n  - a, b -> f: { batchSize: «20» }`,
      errors: [{ messageId: 'needsWindow' }],
      output: `resources:\n  a: { type: sqs }\n  b: { type: sqs }\n  f: { type: lambda }\nflows:\n  - a, b -> f: { batchSize: 20, batchWindow: 1s }`,
    },
    {
      name: 'batch over the maximum from a standard queue, and no window',
      code: `${R}flows:\n  - q -> f: { batchSize: ««10001»» }`,
      errors: [
        {
          messageId: 'sizeOverMax',
          message: "Batch size 10001 from standard queue 'q' is over the 10,000 maximum; Lambda rejects the mapping.",
        },
        { messageId: 'needsWindow' },
      ],
      output: `${R}flows:\n  - q -> f: { batchSize: 10000, batchWindow: 1s }`,
    },
    {
      name: 'Kinesis batch over the maximum',
      code: `${R}flows:\n  - k -> f: { batchSize: «20000» }`,
      errors: [
        {
          messageId: 'sizeOverMax',
          message: "Batch size 20000 from Kinesis stream 'k' is over the 10,000 maximum; Lambda rejects the mapping.",
        },
      ],
      output: `${R}flows:\n  - k -> f: { batchSize: 10000 }`,
    },
    {
      name: 'window over 300 s',
      code: `${R}flows:\n  - k -> f: { batchWindow: «6m» }`,
      errors: [{ messageId: 'windowOverMax', message: 'batchWindow 6m (6 min) is over the 300 s maximum; Lambda rejects the mapping.' }],
      output: `${R}flows:\n  - k -> f: { batchWindow: 300s }`,
    },
    {
      name: 'window on a FIFO queue, last pair of a flow map',
      code: `${R}flows:\n  - q.fifo -> f: { batchSize: 10, batchWindow: «5s» }   # keep me`,
      errors: [
        {
          messageId: 'fifoWindow',
          message:
            "batchWindow 5s is set on an event source mapping from FIFO queue 'q.fifo': Lambda does not support a batching window on FIFO queues and rejects the mapping.",
        },
      ],
      output: `${R}flows:\n  - q.fifo -> f: { batchSize: 10 }   # keep me`,
    },
    {
      name: 'window on a FIFO queue, first pair of a flow map',
      code: `${R}flows:\n  - q.fifo -> f: { batchWindow: «5s», batchSize: 10 }`,
      errors: [{ messageId: 'fifoWindow' }],
      output: `${R}flows:\n  - q.fifo -> f: { batchSize: 10 }`,
    },
    {
      name: 'window on a FIFO queue, the only property of a flow map',
      code: `${R}flows:\n  - q.fifo -> f: { batchWindow: «5s» }   # why\n  - k -> f`,
      errors: [{ messageId: 'fifoWindow' }],
      output: `${R}flows:\n  - q.fifo -> f   # why\n  - k -> f`,
    },
    {
      name: 'window on a FIFO queue, block map',
      code: `${R}flows:\n  - q.fifo -> f:\n      batchSize: 5   # small\n      batchWindow: «5s»\n      rate: 2/s\n  - k -> f`,
      errors: [{ messageId: 'fifoWindow' }],
      output: `${R}flows:\n  - q.fifo -> f:\n      batchSize: 5   # small\n      rate: 2/s\n  - k -> f`,
    },
    {
      name: 'window on a FIFO queue, the only property of a block map',
      code: `${R}flows:\n  - q.fifo -> f:   # ordered\n      batchWindow: «1m»\n  - k -> f\n`,
      errors: [{ messageId: 'fifoWindow' }],
      output: `${R}flows:\n  - q.fifo -> f   # ordered\n  - k -> f\n`,
    },
    {
      name: 'window on a FIFO queue, last line of the file',
      code: `${R}flows:\n  - q.fifo -> f:\n      rate: 2/s\n      batchWindow: «20s»`,
      errors: [{ messageId: 'fifoWindow' }],
      output: `${R}flows:\n  - q.fifo -> f:\n      rate: 2/s`,
    },
  ],
});
