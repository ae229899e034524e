import rule from '../../../../src/core/rules/esm/max-concurrency';
import { ruleTester } from '../../../helpers/rule-tester';

const R = 'resources:\n  jobs: { type: sqs }\n  f: { type: lambda }\n';

ruleTester(rule, {
  valid: [
    { name: 'the minimum, 2', code: `${R}flows:\n  - jobs -> f: { maxConcurrency: 2 }` },
    { name: 'the maximum, 1,000', code: `${R}flows:\n  - jobs -> f: { maxConcurrency: 1000 }` },
    {
      name: 'equal to the reserved concurrency',
      code: 'resources:\n  jobs: { type: sqs }\n  f: { type: lambda, reservedConcurrency: 50 }\nflows:\n  - jobs -> f: { maxConcurrency: 50 }',
    },
    { name: 'no maxConcurrency', code: `${R}flows:\n  - jobs -> f` },
    {
      name: 'half-typed: no value yet',
      code: `${R}flows:\n  - jobs -> f:\n      maxConcurrency:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: not a number',
      code: `${R}flows:\n  - jobs -> f: { maxConcurrency: lots }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'below the minimum: 1',
      code: `${R}flows:\n  - jobs -> f: { maxConcurrency: «1» }   # one at a time\n`,
      errors: [
        {
          messageId: 'belowMin',
          severity: 'error',
          message: 'maxConcurrency 1 is below the minimum of 2: Lambda rejects the event source mapping.',
        },
      ],
      output: `${R}flows:\n  - jobs -> f: { maxConcurrency: 2 }   # one at a time\n`,
    },
    {
      name: 'over the maximum: 1,001, block style',
      code: `${R}flows:\n  - jobs -> f:\n      batchSize: 10\n      maxConcurrency: «1001»\n`,
      errors: [
        {
          messageId: 'overMax',
          severity: 'error',
          message: 'maxConcurrency 1,001 is over the maximum of 1,000: Lambda rejects the event source mapping.',
        },
      ],
      output: `${R}flows:\n  - jobs -> f:\n      batchSize: 10\n      maxConcurrency: 1000\n`,
    },
    {
      name: 'above the reserved concurrency by one: warning with a suggestion',
      code: 'resources:\n  jobs: { type: sqs }\n  f: { type: lambda, reservedConcurrency: 50 }\nflows:\n  - jobs -> f: { maxConcurrency: «51» }\n',
      errors: [
        {
          messageId: 'overReserved',
          severity: 'warning',
          message:
            "maxConcurrency 51 is above the reserved concurrency of 'f' (50): the mapping invokes more often than the function may run at once, so Lambda throttles it and the messages return to the queue (and reach its dead-letter queue after maxReceiveCount).",
          suggestions: [
            'resources:\n  jobs: { type: sqs }\n  f: { type: lambda, reservedConcurrency: 50 }\nflows:\n  - jobs -> f: { maxConcurrency: 50 }\n',
          ],
        },
      ],
    },
    {
      name: 'reserved concurrency 1: no valid value to suggest',
      code: 'resources:\n  jobs: { type: sqs }\n  f: { type: lambda, reservedConcurrency: 1 }\nflows:\n  - jobs -> f: { maxConcurrency: «2» }\n',
      errors: [{ messageId: 'overReserved', suggestions: [] }],
    },
    {
      name: 'fan-in: one range finding for the shared value',
      code: 'resources:\n  a: { type: sqs }\n  b: { type: sqs }\n  f: { type: lambda }\nflows:\n  - a, b -> f: { maxConcurrency: «0» }\n',
      errors: [{ messageId: 'belowMin' }],
      output: 'resources:\n  a: { type: sqs }\n  b: { type: sqs }\n  f: { type: lambda }\nflows:\n  - a, b -> f: { maxConcurrency: 2 }\n',
    },
  ],
});
