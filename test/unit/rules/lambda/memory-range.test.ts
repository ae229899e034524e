import rule from '../../../../src/core/rules/lambda/memory-range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no memory: the 128 MB default', code: 'resources:\n  f: { type: lambda }' },
    { name: 'the maximum in GB', code: 'resources:\n  f: { type: lambda, memory: 10GB }' },
    { name: 'the maximum as a bare number of MB', code: 'resources:\n  f: { type: lambda, memory: 10240 }' },
    {
      name: 'fractions of a GB that are whole MB',
      code: 'resources:\n  f: { type: lambda, memory: 1.5GB }\n  g: { type: lambda, memory: 0.25GB }',
    },
    { name: 'the minimum', code: 'resources:\n  f:\n    type: lambda\n    memory: 128MB\n' },
    { name: 'from defaults, in range', code: 'defaults:\n  lambda: { memory: 2GB }\nresources:\n  f: { type: lambda }' },
    { name: 'an ecs service may have more', code: 'resources:\n  svc: { type: ecs, launchType: fargate, cpu: 4096, memory: 30GB }' },
    {
      name: 'half-typed: memory with no value',
      code: 'resources:\n  f:\n    type: lambda\n    memory:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'over the maximum in GB, block style, comment kept',
      code: 'resources:\n  f:\n    type: lambda\n    memory: «12GB»   # big model\n',
      errors: [
        { messageId: 'overMax', message: 'Lambda memory 12GB (12,288 MB) is over the 10,240 MB maximum; AWS rejects the function.' },
      ],
      output: 'resources:\n  f:\n    type: lambda\n    memory: 10GB   # big model\n',
    },
    {
      name: 'just over, bare number of MB, flow style',
      code: 'resources:\n  f: { type: lambda, memory: «10241» }',
      errors: [{ messageId: 'overMax' }],
      output: 'resources:\n  f: { type: lambda, memory: 10240 }',
    },
    {
      name: 'over in MB',
      code: 'resources:\n  f: { type: lambda, memory: «16384MB» }',
      errors: [{ messageId: 'overMax' }],
      output: 'resources:\n  f: { type: lambda, memory: 10240MB }',
    },
    {
      name: 'under the minimum',
      code: 'resources:\n  f: { type: lambda, memory: «64MB» }',
      errors: [{ messageId: 'underMin', message: 'Lambda memory 64MB (64 MB) is under the 128 MB minimum; AWS rejects the function.' }],
      output: 'resources:\n  f: { type: lambda, memory: 128MB }',
    },
    {
      name: 'just under, GB written: the minimum is not whole GB',
      code: 'resources:\n  f: { type: lambda, memory: «0.1GB» }',
      errors: [{ messageId: 'underMin' }],
      output: 'resources:\n  f: { type: lambda, memory: 128MB }',
    },
    {
      name: 'just under, bare number',
      code: 'resources:\n  f: { type: lambda, memory: «127» }',
      errors: [{ messageId: 'underMin' }],
      output: 'resources:\n  f: { type: lambda, memory: 128 }',
    },
    {
      name: 'GiB with a space keeps its spelling',
      code: 'resources:\n  f: { type: lambda, memory: «11 GiB» }',
      errors: [{ messageId: 'overMax' }],
      output: 'resources:\n  f: { type: lambda, memory: 10 GiB }',
    },
    {
      name: 'from defaults: one finding on the shared node',
      code: 'defaults:\n  lambda: { memory: «20GB» }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }',
      errors: [{ messageId: 'overMax' }],
      output: 'defaults:\n  lambda: { memory: 10GB }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }',
    },
    {
      name: 'between two whole MB',
      code: 'resources:\n  f: { type: lambda, memory: «128.5MB» }\n  g: { type: lambda, memory: «1000.4» }',
      errors: [
        {
          messageId: 'notWhole',
          message: 'Lambda memory 128.5MB (128.5 MB) is not a whole number of MB; AWS takes memory in whole MB and rejects the function.',
        },
        { messageId: 'notWhole' },
      ],
      output: 'resources:\n  f: { type: lambda, memory: 129MB }\n  g: { type: lambda, memory: 1000 }',
    },
    {
      name: 'own value wins over defaults',
      code: 'defaults:\n  lambda: { memory: 1GB }\nresources:\n  f: { type: lambda, memory: «32GB» }',
      errors: [{ messageId: 'overMax' }],
      output: 'defaults:\n  lambda: { memory: 1GB }\nresources:\n  f: { type: lambda, memory: 10GB }',
    },
  ],
});
