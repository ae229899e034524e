import rule from '../../../../src/core/rules/dynamodb/range';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n  orders: { type: dynamodb, stream: true }\n  f: { type: lambda }\n  g: { type: lambda }\n  q: { type: sqs }\n  failed: { type: sqs }\n';
const flow = (props: string) => `${R}flows:\n  - orders -> f: { onFailure: failed, ${props} }\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'parallelization 1 and 10: both ends',
      code: `${R}flows:\n  - orders -> f: { onFailure: failed, parallelization: 1 }\n  - orders -> g: { onFailure: failed, parallelization: 10 }`,
    },
    { name: 'batch size 10,000, window 300 s', code: flow('batchSize: 10000, batchWindow: 300s') },
    {
      name: 'window 5m is 300 s; window 0',
      code: `${R}flows:\n  - orders -> f: { onFailure: failed, batchWindow: 5m }\n  - orders -> g: { onFailure: failed, batchWindow: 0 }`,
    },
    {
      name: 'retry attempts -1 (until the record expires) and 10,000; record age 7 days',
      code: `${R}flows:\n  - orders -> f: { onFailure: failed, retry: { attempts: -1, maxAge: 7d } }\n  - orders -> g: { onFailure: failed, retry: { attempts: 10000, maxAge: 604800 } }`,
    },
    {
      name: "a Pipe's batch size and window are pipes/batch-size's",
      code: `${R}flows:\n  - orders -> q: { via: pipe, onFailure: failed, batchSize: 20000, batchWindow: 400s }`,
      ruleSeverities: { 'pipes/batch-size': 'off', 'esm/batch-window': 'off' },
    },
    {
      name: 'a Kinesis stream is not a DynamoDB stream',
      code: 'resources:\n  clicks: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - clicks -> f: { onFailure: failed, parallelization: 10 }',
    },
    {
      name: "an entry with a queue too: its batch settings are esm/batch-window's",
      code: `${R}  jobs: { type: sqs }\nflows:\n  - orders, jobs -> f: { onFailure: failed, batchSize: 20000, batchWindow: 1s }`,
      ruleSeverities: { 'esm/batch-window': 'off' },
    },
    {
      name: 'a function that writes the table is not a stream reader',
      code: 'resources:\n  orders: { type: dynamodb }\n  f: { type: lambda }\nflows:\n  - f -> orders: { batchSize: 20000 }',
      ruleSeverities: { 'flows/range': 'off' },
    },
    {
      name: 'half-typed: a parallelization with no value yet',
      code: `${R}flows:\n  - orders -> f:\n      onFailure: failed\n      parallelization:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'parallelization 11: over 10, clamped',
      code: flow('parallelization: «11»'),
      errors: [
        {
          messageId: 'overMax',
          severity: 'error',
          message: 'DynamoDB stream event source mapping parallelization 11 is over the maximum of 10.',
          fix: { title: 'Set parallelization to 10', safeForFixAll: true },
        },
      ],
      output: flow('parallelization: 10'),
    },
    {
      name: 'parallelization 0: under 1',
      code: flow('parallelization: «0»'),
      errors: [{ messageId: 'belowMin', message: 'DynamoDB stream event source mapping parallelization 0 is below the minimum of 1.' }],
      output: flow('parallelization: 1'),
    },
    {
      name: 'batch size 10,001',
      code: flow('batchSize: «10001»'),
      errors: [{ messageId: 'overMax', message: 'DynamoDB stream event source mapping batchSize 10001 is over the maximum of 10,000.' }],
      output: flow('batchSize: 10000'),
    },
    {
      name: 'batch window 301 s, written in seconds',
      code: flow('batchWindow: «301s»'),
      errors: [
        {
          messageId: 'overMax',
          message: 'DynamoDB stream event source mapping batchWindow 301s (5 min 1 s) is over the maximum of 300 s.',
        },
      ],
      output: flow('batchWindow: 300s'),
    },
    {
      name: 'batch window 1.5 s: whole seconds only',
      code: flow('batchWindow: «1.5s»'),
      errors: [
        {
          messageId: 'notWhole',
          message:
            'DynamoDB stream event source mapping batchWindow 1.5s (1.5 s) is not a whole number of seconds; AWS takes batchWindow in whole seconds and rejects the value.',
        },
      ],
      output: flow('batchWindow: 2s'),
    },
    {
      name: 'retry attempts -2 and 10,001; record age 8 days',
      code: `${R}flows:\n  - orders -> f: { onFailure: failed, retry: { attempts: «-2» } }\n  - orders -> g:\n      onFailure: failed\n      retry:\n        attempts: «10001»   # too many\n        maxAge: «8d»\n`,
      errors: [
        { messageId: 'belowMin', message: 'DynamoDB stream event source mapping retry.attempts -2 is below the minimum of -1.' },
        { messageId: 'overMax', message: 'DynamoDB stream event source mapping retry.attempts 10001 is over the maximum of 10,000.' },
        {
          messageId: 'overMax',
          message: 'DynamoDB stream event source mapping retry.maxAge 8d (8 d) is over the maximum of 7 days (604,800 s).',
        },
      ],
      output: `${R}flows:\n  - orders -> f: { onFailure: failed, retry: { attempts: -1 } }\n  - orders -> g:\n      onFailure: failed\n      retry:\n        attempts: 10000   # too many\n        maxAge: 7d\n`,
    },
    {
      name: "a Pipe's parallelization and retry are checked too",
      code: `${R}flows:\n  - orders -> q: { via: pipe, onFailure: failed, parallelization: «12», retry: { maxAge: «1.5s» } }\n`,
      errors: [
        { messageId: 'overMax', message: 'DynamoDB stream Pipe parallelization 12 is over the maximum of 10.' },
        { messageId: 'notWhole', message: /^DynamoDB stream Pipe retry\.maxAge 1\.5s \(1\.5 s\) is not a whole number of seconds/ },
      ],
      output: `${R}flows:\n  - orders -> q: { via: pipe, onFailure: failed, parallelization: 10, retry: { maxAge: 2s } }\n`,
    },
    {
      name: 'a fan-out shares one value: one finding',
      code: `${R}flows:\n  - orders -> f, g: { onFailure: failed, parallelization: «20» }\n`,
      errors: [{ messageId: 'overMax' }],
      output: `${R}flows:\n  - orders -> f, g: { onFailure: failed, parallelization: 10 }\n`,
    },
  ],
});
