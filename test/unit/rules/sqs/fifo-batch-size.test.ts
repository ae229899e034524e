import rule from '../../../../src/core/rules/sqs/fifo-batch-size';
import { ruleTester } from '../../../helpers/rule-tester';

const FIFO = 'resources:\n  jobs.fifo: { type: sqs, fifo: true }\n  worker: { type: lambda }\n';

ruleTester(rule, {
  valid: [
    { name: 'default batch size', code: `${FIFO}flows:\n  - jobs.fifo -> worker` },
    { name: 'batch size 10', code: `${FIFO}flows:\n  - jobs.fifo -> worker: { batchSize: 10 }` },
    {
      name: 'a Pipe is no event source mapping (pipes/batch-size)',
      code: `${FIFO}flows:\n  - jobs.fifo -> worker: { via: pipe, batchSize: 100 }`,
    },
    {
      name: 'standard queue',
      code: 'resources:\n  jobs: { type: sqs }\n  worker: { type: lambda }\nflows:\n  - jobs -> worker: { batchSize: 100, batchWindow: 5s }',
    },
    {
      name: 'FIFO queue read by ECS',
      code: 'resources:\n  jobs.fifo: { type: sqs, fifo: true }\n  worker: { type: ecs }\nflows:\n  - jobs.fifo -> worker: { batchSize: 50 }',
    },
    { name: 'half-typed', code: `${FIFO}flows:\n  - jobs.fifo -> worker: { batchSize: }`, ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'just over 10, comment kept',
      code: `${FIFO}flows:\n  - jobs.fifo -> worker:\n      batchSize: «11»   # more per call\n`,
      errors: [
        {
          messageId: 'overMax',
          message:
            'Batch size 11 from FIFO queue jobs.fifo is over 10, the maximum for a Lambda event source mapping on a FIFO queue; AWS rejects the mapping.',
        },
      ],
      output: `${FIFO}flows:\n  - jobs.fifo -> worker:\n      batchSize: 10   # more per call\n`,
    },
    {
      name: 'flow style',
      code: `${FIFO}flows:\n  - jobs.fifo -> worker: { batchSize: «50» }`,
      errors: [{ messageId: 'overMax' }],
      output: `${FIFO}flows:\n  - jobs.fifo -> worker: { batchSize: 10 }`,
    },
    {
      name: 'fan-in from two FIFO queues: one finding',
      code: 'resources:\n  a.fifo: { type: sqs, fifo: true }\n  b.fifo: { type: sqs, fifo: true }\n  worker: { type: lambda }\nflows:\n  - a.fifo, b.fifo -> worker: { batchSize: «20» }',
      errors: [{ messageId: 'overMax' }],
      output:
        'resources:\n  a.fifo: { type: sqs, fifo: true }\n  b.fifo: { type: sqs, fifo: true }\n  worker: { type: lambda }\nflows:\n  - a.fifo, b.fifo -> worker: { batchSize: 10 }',
    },
    {
      name: 'fifo from defaults',
      code: 'defaults:\n  sqs: { fifo: true }\nresources:\n  jobs.fifo: { type: sqs }\n  worker: { type: lambda }\nflows:\n  - jobs.fifo -> worker: { batchSize: «100» }',
      errors: [{ messageId: 'overMax' }],
      output:
        'defaults:\n  sqs: { fifo: true }\nresources:\n  jobs.fifo: { type: sqs }\n  worker: { type: lambda }\nflows:\n  - jobs.fifo -> worker: { batchSize: 10 }',
    },
  ],
});
