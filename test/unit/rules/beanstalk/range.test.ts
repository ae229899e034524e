import rule from '../../../../src/core/rules/beanstalk/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no count', code: 'resources:\n  w: { type: beanstalk }' },
    { name: 'the limit and above', code: 'resources:\n  a: { type: beanstalk, instances: 0 }\n  b: { type: beanstalk, instances: 40 }' },
    { name: 'half-typed', code: 'resources:\n  w: { type: beanstalk, instances: many }', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'a negative count, comment kept',
      code: 'resources:\n  w:\n    type: beanstalk\n    instances: «-1»   # spare\n',
      errors: [{ messageId: 'belowMin', message: 'Elastic Beanstalk instances -1 is below the minimum of 0.' }],
      output: 'resources:\n  w:\n    type: beanstalk\n    instances: 0   # spare\n',
    },
    {
      name: 'from defaults: one finding',
      code: 'defaults:\n  beanstalk: { instances: «-3» }\nresources:\n  a: { type: beanstalk }\n  b: { type: beanstalk }',
      errors: [{ messageId: 'belowMin' }],
      output: 'defaults:\n  beanstalk: { instances: 0 }\nresources:\n  a: { type: beanstalk }\n  b: { type: beanstalk }',
    },
  ],
});
