import rule from '../../../../src/core/rules/ec2/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no count', code: 'resources:\n  w: { type: ec2 }' },
    { name: 'the limit and above', code: 'resources:\n  a: { type: ec2, instances: 0 }\n  b: { type: ec2, instances: 40 }' },
    { name: 'half-typed', code: 'resources:\n  w: { type: ec2, instances: many }', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'a negative count, comment kept',
      code: 'resources:\n  w:\n    type: ec2\n    instances: «-1»   # spare\n',
      errors: [{ messageId: 'belowMin', message: 'EC2 instances -1 is below the minimum of 0.' }],
      output: 'resources:\n  w:\n    type: ec2\n    instances: 0   # spare\n',
    },
    {
      name: 'from defaults: one finding',
      code: 'defaults:\n  ec2: { instances: «-3» }\nresources:\n  a: { type: ec2 }\n  b: { type: ec2 }',
      errors: [{ messageId: 'belowMin' }],
      output: 'defaults:\n  ec2: { instances: 0 }\nresources:\n  a: { type: ec2 }\n  b: { type: ec2 }',
    },
  ],
});
