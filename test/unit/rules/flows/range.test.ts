import rule from '../../../../src/core/rules/flows/range';
import { ruleTester } from '../../../helpers/rule-tester';

const RESOURCES =
  'resources:\n  q: { type: sqs, deadLetter: { target: dlq } }\n  dlq: { type: sqs }\n  f: { type: lambda }\n  g: { type: lambda }\n  fq: { type: sqs, fifo: true, name: fq.fifo, deadLetter: { target: fdlq } }\n  fdlq: { type: sqs, fifo: true, name: fdlq.fifo }\n  api: { type: api-gateway }\n';

ruleTester(rule, {
  valid: [
    { name: 'no properties', code: `${RESOURCES}flows:\n  - q -> f\n  - api -> fq` },
    {
      name: 'the limits',
      code: `${RESOURCES}flows:\n  - q -> f: { batchSize: 1, maxConcurrency: 2 }\n  - q -> g: { maxConcurrency: 1000 }\n  - api -> fq: { messageGroups: 1 }`,
    },
    {
      name: 'block style',
      code: `${RESOURCES}flows:\n  - q -> f:\n      batchSize: 10000\n      batchWindow: 1s\n      maxConcurrency: 500\n  - api -> fq`,
    },
    {
      name: 'the batch window and the largest batch belong to esm/batch-window',
      code: `${RESOURCES}flows:\n  - q -> f: { batchSize: 20000, batchWindow: 1.5s }\n  - api -> fq`,
      ruleSeverities: { 'esm/batch-window': 'off' },
    },
    {
      name: "half-typed values are the schema's",
      code: `${RESOURCES}flows:\n  - q -> f: { batchSize: lots, maxConcurrency: 2.5 }\n  - api -> fq`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: "maxConcurrency out of range is esm/max-concurrency's",
      code: `${RESOURCES}flows:\n  - q -> f: { maxConcurrency: 1 }\n  - q -> g: { maxConcurrency: 1001 }\n  - api -> fq`,
      ruleSeverities: { 'esm/max-concurrency': 'off' },
    },
  ],
  invalid: [
    {
      name: "batch size 0, comment kept; maxConcurrency is esm/max-concurrency's",
      code: `${RESOURCES}flows:\n  - q -> f: { batchSize: «0», maxConcurrency: 1 }   # slow down\n  - api -> fq`,
      errors: [{ messageId: 'belowMin', message: 'Connection batchSize 0 is below the minimum of 1.' }],
      output: `${RESOURCES}flows:\n  - q -> f: { batchSize: 1, maxConcurrency: 1 }   # slow down\n  - api -> fq`,
      ruleSeverities: { 'esm/max-concurrency': 'off' },
    },
    {
      name: 'no message group',
      code: `${RESOURCES}flows:\n  - q -> f\n  - api -> fq: { messageGroups: «0» }`,
      errors: [{ messageId: 'belowMin', message: 'Connection messageGroups 0 is below the minimum of 1.' }],
      output: `${RESOURCES}flows:\n  - q -> f\n  - api -> fq: { messageGroups: 1 }`,
    },
    {
      name: 'a fan-out entry: one finding for its one map',
      code: `${RESOURCES}flows:\n  - q -> f, g: { batchSize: «0» }\n  - api -> fq`,
      errors: [{ messageId: 'belowMin', message: 'Connection batchSize 0 is below the minimum of 1.' }],
      output: `${RESOURCES}flows:\n  - q -> f, g: { batchSize: 1 }\n  - api -> fq`,
    },
  ],
});
