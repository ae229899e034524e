import rule from '../../../../src/core/rules/lambda/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'AWS defaults', code: 'resources:\n  f: { type: lambda }' },
    {
      name: 'the limits',
      code: 'resources:\n  a: { type: lambda, ephemeralStorage: 512MB, reservedConcurrency: 0, provisionedConcurrency: 0 }\n  b: { type: lambda, ephemeralStorage: 10GB }\n  c: { type: lambda, ephemeralStorage: 10240 }',
    },
    {
      name: "the timeout's minimum and whole seconds in any notation",
      code: 'resources:\n  a: { type: lambda, timeout: 1s }\n  b: { type: lambda, timeout: 1000ms }\n  c: { type: lambda, timeout: 1 }\n  d: { type: lambda, timeout: 1m30s }\n  e: { type: lambda, timeout: 2000ms, ephemeralStorage: 1.5GB }',
    },
    {
      name: "over 15 minutes, whole or not, is lambda/timeout-limit's",
      code: 'resources:\n  a: { type: lambda, timeout: 900.5s }\n  b: { type: lambda, timeout: 16m }',
      ruleSeverities: { 'lambda/timeout-limit': 'off' },
    },
    {
      name: 'provisioned equal to reserved',
      code: 'resources:\n  f:\n    type: lambda\n    reservedConcurrency: 10\n    provisionedConcurrency: 10',
    },
    { name: 'provisioned without reserved', code: 'resources:\n  f: { type: lambda, provisionedConcurrency: 50 }' },
    {
      name: 'timeout and memory belong to other rules',
      code: 'resources:\n  f: { type: lambda, timeout: 20m, memory: 64MB }',
      ruleSeverities: { 'lambda/timeout-limit': 'off', 'lambda/memory-range': 'off' },
    },
    {
      name: 'half-typed',
      code: 'resources:\n  f:\n    type: lambda\n    ephemeralStorage:\n    reservedConcurrency: lots\n    provisionedConcurrency: 5',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'ephemeral storage under 512 MB, comment kept',
      code: 'resources:\n  f:\n    type: lambda\n    ephemeralStorage: «256MB»   # small scratch\n',
      errors: [{ messageId: 'belowMin', message: 'Lambda ephemeralStorage 256MB (256 MB) is below the minimum of 512 MB.' }],
      output: 'resources:\n  f:\n    type: lambda\n    ephemeralStorage: 512MB   # small scratch\n',
    },
    {
      name: 'ephemeral storage over 10,240 MB, flow style and bare MB',
      code: 'resources:\n  a: { type: lambda, ephemeralStorage: «20GB» }\n  b: { type: lambda, ephemeralStorage: «10241» }\n  c: { type: lambda, ephemeralStorage: «0.25GB» }',
      errors: [
        { messageId: 'overMax', message: 'Lambda ephemeralStorage 20GB (20,480 MB) is over the maximum of 10,240 MB.' },
        { messageId: 'overMax' },
        { messageId: 'belowMin' },
      ],
      output:
        'resources:\n  a: { type: lambda, ephemeralStorage: 10GB }\n  b: { type: lambda, ephemeralStorage: 10240 }\n  c: { type: lambda, ephemeralStorage: 512MB }',
    },
    {
      name: 'timeout under the 1 s minimum, in every notation',
      code: 'resources:\n  a: { type: lambda, timeout: «500ms» }\n  b: { type: lambda, timeout: «0.5s» }\n  c: { type: lambda, timeout: «0s» }\n  d: { type: lambda, timeout: «0» }\n  e: { type: lambda, timeout: «999ms» }',
      errors: [
        { messageId: 'belowMin', message: 'Lambda timeout 500ms (500 ms) is below the minimum of 1 s.' },
        { messageId: 'belowMin', message: 'Lambda timeout 0.5s (500 ms) is below the minimum of 1 s.' },
        { messageId: 'belowMin', message: 'Lambda timeout 0s is below the minimum of 1 s.' },
        { messageId: 'belowMin', message: 'Lambda timeout 0 is below the minimum of 1 s.' },
        { messageId: 'belowMin' },
      ],
      output:
        'resources:\n  a: { type: lambda, timeout: 1s }\n  b: { type: lambda, timeout: 1s }\n  c: { type: lambda, timeout: 1s }\n  d: { type: lambda, timeout: 1 }\n  e: { type: lambda, timeout: 1s }',
    },
    {
      name: 'timeout between two whole seconds, block style, comment kept',
      code: 'resources:\n  a:\n    type: lambda\n    timeout: «1500ms»   # p99\n  b: { type: lambda, timeout: «2.4s» }\n  c: { type: lambda, timeout: «899.5» }',
      errors: [
        {
          messageId: 'notWhole',
          message:
            'Lambda timeout 1500ms (1.5 s) is not a whole number of seconds; AWS takes timeout in whole seconds and rejects the value.',
        },
        {
          messageId: 'notWhole',
          message:
            'Lambda timeout 2.4s (2.4 s) is not a whole number of seconds; AWS takes timeout in whole seconds and rejects the value.',
        },
        { messageId: 'notWhole' },
      ],
      output:
        'resources:\n  a:\n    type: lambda\n    timeout: 2s   # p99\n  b: { type: lambda, timeout: 2s }\n  c: { type: lambda, timeout: 900 }',
    },
    {
      name: 'ephemeral storage between two whole MB',
      code: 'resources:\n  a: { type: lambda, ephemeralStorage: «600.5» }',
      errors: [
        {
          messageId: 'notWhole',
          message:
            'Lambda ephemeralStorage 600.5 (600.5 MB) is not a whole number of MB; AWS takes ephemeralStorage in whole MB and rejects the value.',
        },
      ],
      output: 'resources:\n  a: { type: lambda, ephemeralStorage: 601 }',
    },
    {
      name: 'negative concurrency',
      code: 'resources:\n  f: { type: lambda, reservedConcurrency: «-1», provisionedConcurrency: «-5» }',
      errors: [{ messageId: 'belowMin', message: 'Lambda reservedConcurrency -1 is below the minimum of 0.' }, { messageId: 'belowMin' }],
      output: 'resources:\n  f: { type: lambda, reservedConcurrency: 0, provisionedConcurrency: 0 }',
    },
    {
      name: 'provisioned over reserved',
      code: 'resources:\n  f:\n    type: lambda\n    reservedConcurrency: 10\n    provisionedConcurrency: «20»\n',
      errors: [
        {
          messageId: 'provisionedOverReserved',
          message:
            "Lambda provisionedConcurrency 20 is over the function's reservedConcurrency 10; AWS rejects provisioned concurrency above the reserved concurrency.",
          suggestions: [
            'resources:\n  f:\n    type: lambda\n    reservedConcurrency: 10\n    provisionedConcurrency: 10\n',
            'resources:\n  f:\n    type: lambda\n    reservedConcurrency: 20\n    provisionedConcurrency: 20\n',
          ],
        },
      ],
    },
    {
      name: 'from defaults: one finding each',
      code: 'defaults:\n  lambda: { ephemeralStorage: «100MB», reservedConcurrency: 1, provisionedConcurrency: «2» }\nresources:\n  a: { type: lambda }\n  b: { type: lambda }',
      errors: [{ messageId: 'belowMin' }, { messageId: 'provisionedOverReserved' }],
      output:
        'defaults:\n  lambda: { ephemeralStorage: 512MB, reservedConcurrency: 1, provisionedConcurrency: 2 }\nresources:\n  a: { type: lambda }\n  b: { type: lambda }',
    },
  ],
});
