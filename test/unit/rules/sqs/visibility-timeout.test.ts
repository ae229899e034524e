import rule from '../../../../src/core/rules/sqs/visibility-timeout';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'AWS defaults: 30 s against 6 × 3 s', code: 'resources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f' },
    {
      name: 'exactly 6 ×',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: 3m }\n  f: { type: lambda, timeout: 30s }\nflows:\n  - q -> f',
    },
    {
      name: 'from defaults',
      code: 'defaults:\n  sqs: { visibilityTimeout: 3m }\n  lambda: { timeout: 30s }\nresources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f',
    },
    {
      name: 'consumed by ECS, not Lambda',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: 10s }\n  w: { type: ecs }\nflows:\n  - q -> w',
    },
    {
      name: 'a Lambda that sends to the queue',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: 10s }\n  f: { type: lambda, timeout: 5m }\nflows:\n  - f -> q',
    },
    {
      name: 'half-typed',
      code: 'resources:\n  q:\n    type: sqs\n    visibilityTimeout:\n  r: { type: sqs, visibilityTimeout: 1s }\n  f: { type: lambda, timeout: }\nflows:\n  - q -> f\n  - r -> f',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'below the timeout: error, comment kept',
      code: 'resources:\n  jobs:\n    type: sqs\n    visibilityTimeout: «30s»   # short retries\n  worker:\n    type: lambda\n    timeout: 1m\nflows:\n  - jobs -> worker\n',
      errors: [
        {
          messageId: 'belowTimeout',
          severity: 'error',
          fix: { title: 'Set the visibility timeout to 6m', safeForFixAll: true },
          message:
            'Visibility timeout 30s of queue jobs is below the 1m timeout of worker, which consumes it; Lambda refuses to create the event source mapping.',
        },
      ],
      output:
        'resources:\n  jobs:\n    type: sqs\n    visibilityTimeout: 6m   # short retries\n  worker:\n    type: lambda\n    timeout: 1m\nflows:\n  - jobs -> worker\n',
    },
    {
      name: 'below 6 × the timeout: warning, flow style',
      code: 'resources:\n  jobs: { type: sqs, visibilityTimeout: «1m» }\n  worker: { type: lambda, timeout: 30s }\nflows:\n  - jobs -> worker: { batchSize: 5 }',
      errors: [
        {
          messageId: 'belowAdvice',
          fix: { title: 'Set the visibility timeout to 3m (overrides visibilityTimeout: 1m)', safeForFixAll: false },
          severity: 'warning',
          message:
            'Visibility timeout 1m of queue jobs is below 6 × the 30s timeout of worker (3 min), the minimum AWS advises so that retried batches do not become visible again while still being processed.',
        },
      ],
      output:
        'resources:\n  jobs: { type: sqs, visibilityTimeout: 3m }\n  worker: { type: lambda, timeout: 30s }\nflows:\n  - jobs -> worker: { batchSize: 5 }',
    },
    {
      name: 'queue default (30 s) against a 1 minute timeout: on the key, inserted',
      code: 'resources:\n  «jobs»: { type: sqs }\n  worker: { type: lambda, timeout: 1m }\nflows:\n  - jobs -> worker',
      errors: [
        {
          messageId: 'belowTimeout',
          fix: { title: 'Set the visibility timeout to 6m', safeForFixAll: true },
          message:
            'Visibility timeout 30 s (AWS default) of queue jobs is below the 1m timeout of worker, which consumes it; Lambda refuses to create the event source mapping.',
        },
      ],
      output:
        'resources:\n  jobs: { type: sqs, visibilityTimeout: 6m }\n  worker: { type: lambda, timeout: 1m }\nflows:\n  - jobs -> worker',
    },
    {
      name: 'queue default (30 s) below 6 × 10 s, block map: inserted as a line',
      code: 'resources:\n  «jobs»:\n    type: sqs\n    receiveWait: 20s   # long polling\n  worker: { type: lambda, timeout: 10s }\nflows:\n  - jobs -> worker\n',
      errors: [{ messageId: 'belowAdvice', severity: 'warning' }],
      output:
        'resources:\n  jobs:\n    type: sqs\n    receiveWait: 20s   # long polling\n    visibilityTimeout: 1m\n  worker: { type: lambda, timeout: 10s }\nflows:\n  - jobs -> worker\n',
    },
    {
      name: 'function default (3 s)',
      code: 'resources:\n  jobs: { type: sqs, visibilityTimeout: «10s» }\n  worker: { type: lambda }\nflows:\n  - jobs -> worker',
      errors: [
        {
          messageId: 'belowAdvice',
          fix: { title: 'Set the visibility timeout to 18s (overrides visibilityTimeout: 10s)', safeForFixAll: false },
          severity: 'warning',
          message:
            'Visibility timeout 10s of queue jobs is below 6 × the 3 s (AWS default) timeout of worker (18 s), the minimum AWS advises so that retried batches do not become visible again while still being processed.',
        },
      ],
      output: 'resources:\n  jobs: { type: sqs, visibilityTimeout: 18s }\n  worker: { type: lambda }\nflows:\n  - jobs -> worker',
    },
    {
      name: 'bare seconds stay bare',
      code: 'resources:\n  jobs: { type: sqs, visibilityTimeout: «40» }\n  worker: { type: lambda, timeout: 10s }\nflows:\n  - jobs -> worker',
      errors: [
        {
          messageId: 'belowAdvice',
          fix: { title: 'Set the visibility timeout to 60 (overrides visibilityTimeout: 40)', safeForFixAll: false },
          severity: 'warning',
        },
      ],
      output:
        'resources:\n  jobs: { type: sqs, visibilityTimeout: 60 }\n  worker: { type: lambda, timeout: 10s }\nflows:\n  - jobs -> worker',
    },
    {
      name: 'inherited from defaults: on the defaults node, each queue gets its own value',
      code: 'defaults:\n  sqs: { visibilityTimeout: ««30s»» }\nresources:\n  a: { type: sqs }\n  b: { type: sqs }\n  worker: { type: lambda, timeout: 2m }\nflows:\n  - a, b -> worker',
      errors: [{ messageId: 'belowTimeout' }, { messageId: 'belowTimeout' }],
      output:
        'defaults:\n  sqs: { visibilityTimeout: 30s }\nresources:\n  a: { type: sqs, visibilityTimeout: 12m }\n  b: { type: sqs, visibilityTimeout: 12m }\n  worker: { type: lambda, timeout: 2m }\nflows:\n  - a, b -> worker',
    },
    {
      name: 'several consumers: the longest timeout decides',
      code: 'resources:\n  jobs: { type: sqs, visibilityTimeout: «5m» }\n  fast: { type: lambda, timeout: 10s }\n  slow: { type: lambda, timeout: 2m }\nflows:\n  - jobs -> fast\n  - jobs -> slow',
      errors: [
        {
          messageId: 'belowAdvice',
          fix: { title: 'Set the visibility timeout to 12m (overrides visibilityTimeout: 5m)', safeForFixAll: false },
          message: /6 × the 2m timeout of slow \(12 min\)/,
        },
      ],
      output:
        'resources:\n  jobs: { type: sqs, visibilityTimeout: 12m }\n  fast: { type: lambda, timeout: 10s }\n  slow: { type: lambda, timeout: 2m }\nflows:\n  - jobs -> fast\n  - jobs -> slow',
    },
    {
      name: 'no fix past the 12 hour maximum',
      code: 'resources:\n  jobs: { type: sqs, visibilityTimeout: «12h» }\n  worker: { type: lambda, timeout: 3h }\nflows:\n  - jobs -> worker',
      ruleSeverities: { 'lambda/timeout-limit': 'off' },
      errors: [{ messageId: 'belowAdvice' }],
    },
  ],
});
