import rule from '../../../../src/core/rules/api-gateway/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'AWS default (29 s)', code: 'resources:\n  api: { type: api-gateway }' },
    { name: 'the minimum', code: 'resources:\n  api: { type: api-gateway, timeout: 50ms }' },
    { name: 'raised quota above 29 s: no maximum checked', code: 'resources:\n  api:\n    type: api-gateway\n    timeout: 2m' },
    { name: 'half-typed', code: 'resources:\n  api:\n    type: api-gateway\n    timeout:', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'under 50 ms, comment kept',
      code: 'resources:\n  api:\n    type: api-gateway\n    timeout: «10ms»   # fail fast\n',
      errors: [{ messageId: 'belowMin', message: 'API Gateway timeout 10ms (10 ms) is below the minimum of 50 ms (0.05 s).' }],
      output: 'resources:\n  api:\n    type: api-gateway\n    timeout: 50ms   # fail fast\n',
    },
    {
      name: 'bare seconds and fractional seconds, flow style',
      code: 'resources:\n  a: { type: api-gateway, timeout: «0» }\n  b: { type: api-gateway, timeout: «0.01s» }',
      errors: [{ messageId: 'belowMin' }, { messageId: 'belowMin' }],
      output: 'resources:\n  a: { type: api-gateway, timeout: 0.05 }\n  b: { type: api-gateway, timeout: 50ms }',
    },
    {
      name: 'between two whole milliseconds',
      code: 'resources:\n  a: { type: api-gateway, timeout: «50.5ms» }\n  b: { type: api-gateway, timeout: «1.0001s» }',
      errors: [
        {
          messageId: 'notWhole',
          message:
            'API Gateway timeout 50.5ms (50.5 ms) is not a whole number of milliseconds; AWS takes timeout in whole milliseconds and rejects the value.',
        },
        { messageId: 'notWhole' },
      ],
      output: 'resources:\n  a: { type: api-gateway, timeout: 51ms }\n  b: { type: api-gateway, timeout: 1s }',
    },
    {
      name: 'from defaults',
      code: 'defaults:\n  api-gateway: { timeout: «49ms» }\nresources:\n  a: { type: api-gateway }\n  b: { type: api-gateway }',
      errors: [{ messageId: 'belowMin' }],
      output: 'defaults:\n  api-gateway: { timeout: 50ms }\nresources:\n  a: { type: api-gateway }\n  b: { type: api-gateway }',
    },
  ],
});
