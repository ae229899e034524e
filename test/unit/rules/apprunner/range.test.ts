import rule from '../../../../src/core/rules/apprunner/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no count', code: 'resources:\n  w: { type: apprunner }' },
    { name: 'the limit and above', code: 'resources:\n  a: { type: apprunner, instances: 0 }\n  b: { type: apprunner, instances: 40 }' },
    { name: 'half-typed', code: 'resources:\n  w: { type: apprunner, instances: many }', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'a negative count, comment kept',
      code: 'resources:\n  w:\n    type: apprunner\n    instances: «-1»   # spare\n',
      errors: [{ messageId: 'belowMin', message: 'App Runner instances -1 is below the minimum of 0.' }],
      output: 'resources:\n  w:\n    type: apprunner\n    instances: 0   # spare\n',
    },
    {
      name: 'from defaults: one finding',
      code: 'defaults:\n  apprunner: { instances: «-3» }\nresources:\n  a: { type: apprunner }\n  b: { type: apprunner }',
      errors: [{ messageId: 'belowMin' }],
      output: 'defaults:\n  apprunner: { instances: 0 }\nresources:\n  a: { type: apprunner }\n  b: { type: apprunner }',
    },
  ],
});
