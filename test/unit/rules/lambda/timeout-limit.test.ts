import rule from '../../../../src/core/rules/lambda/timeout-limit';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'resources:\n  f: { type: lambda, timeout: 15m }',
    'resources:\n  f: { type: lambda }',
    'resources:\n  f: { type: lambda, timeout: 900 }',
    {
      name: 'managed instances, asynchronous',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: 12h }\n  f: { type: lambda, capacity: managed-instances, timeout: 90m }\nflows:\n  - q -> f',
    },
  ],
  invalid: [
    {
      name: 'over 15 minutes',
      code: 'resources:\n  f:\n    type: lambda\n    timeout: «20m»   # too long\n',
      errors: [
        { messageId: 'overLimit', message: 'Lambda timeout 20m (20 min) is over the 15 minutes maximum; AWS rejects the function.' },
      ],
      output: 'resources:\n  f:\n    type: lambda\n    timeout: 15m   # too long\n',
    },
    {
      name: 'bare seconds, flow style',
      code: 'resources:\n  f: { type: lambda, timeout: «901» }',
      errors: [{ messageId: 'overLimit', suggestions: ['resources:\n  f: { type: ecs, launchType: fargate, cpu: 256, memory: 512MB }'] }],
      output: 'resources:\n  f: { type: lambda, timeout: 900 }',
    },
    {
      name: 'seconds stay seconds',
      code: 'resources:\n  f: { type: lambda, timeout: «1000s» }',
      errors: [
        { messageId: 'overLimit', message: 'Lambda timeout 1000s (16 min 40 s) is over the 15 minutes maximum; AWS rejects the function.' },
      ],
      output: 'resources:\n  f: { type: lambda, timeout: 900s }',
    },
    {
      name: 'from defaults, inherited by two functions: one finding',
      code: 'defaults:\n  lambda: { timeout: «16m» }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }',
      errors: [{ messageId: 'overLimit' }],
      output: 'defaults:\n  lambda: { timeout: 15m }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }',
    },
    {
      name: 'on Fargate instead: a valid service from the Lambda memory, Lambda-only settings gone, comments kept',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: 2h }\n  f:\n    type: lambda   # the report job\n    label: Reports\n    memory: 3GB   # big joins\n    timeout: «20m»\n    env:\n      MODE: full   # all tenants\n    reservedConcurrency: 5\nflows:\n  - q -> f\n',
      errors: [
        {
          messageId: 'overLimit',
          suggestions: [
            'resources:\n  q: { type: sqs, visibilityTimeout: 2h }\n  f:\n    type: ecs   # the report job\n    launchType: fargate\n    cpu: 512\n    label: Reports\n    memory: 3GB   # big joins\n    # all tenants\nflows:\n  - q -> f\n',
          ],
        },
      ],
      output:
        'resources:\n  q: { type: sqs, visibilityTimeout: 2h }\n  f:\n    type: lambda   # the report job\n    label: Reports\n    memory: 3GB   # big joins\n    timeout: 15m\n    env:\n      MODE: full   # all tenants\n    reservedConcurrency: 5\nflows:\n  - q -> f\n',
    },
    {
      name: 'from defaults',
      code: 'defaults:\n  lambda: { timeout: «1h» }\nresources:\n  f: { type: lambda }',
      errors: [{ messageId: 'overLimit' }],
      output: 'defaults:\n  lambda: { timeout: 15m }\nresources:\n  f: { type: lambda }',
    },
    {
      name: 'managed instances over 90 minutes',
      code: 'resources:\n  f: { type: lambda, capacity: managed-instances, timeout: «2h» }',
      errors: [{ messageId: 'overManaged' }],
      output: 'resources:\n  f: { type: lambda, capacity: managed-instances, timeout: 1h30m }',
    },
    {
      name: 'managed instances called synchronously',
      code: 'resources:\n  api: { type: api-gateway, timeout: 29s }\n  f: { type: lambda, capacity: managed-instances, timeout: «20m» }\nflows:\n  - api -> f',
      errors: [{ messageId: 'overManagedSync' }],
      output:
        'resources:\n  api: { type: api-gateway, timeout: 29s }\n  f: { type: lambda, capacity: managed-instances, timeout: 15m }\nflows:\n  - api -> f',
    },
  ],
});
