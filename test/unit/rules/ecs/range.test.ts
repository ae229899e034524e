import rule from '../../../../src/core/rules/ecs/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'nothing set', code: 'resources:\n  s: { type: ecs }' },
    { name: 'zero tasks', code: 'resources:\n  s: { type: ecs, desiredCount: 0 }' },
    {
      name: 'desired within autoscaling',
      code: 'resources:\n  s:\n    type: ecs\n    desiredCount: 3\n    autoscaling: { min: 3, max: 20, metric: requests, target: 500 }',
    },
    { name: 'min equals max equals desired', code: 'resources:\n  s: { type: ecs, desiredCount: 2, autoscaling: { min: 2, max: 2 } }' },
    { name: 'autoscaling only min', code: 'resources:\n  s: { type: ecs, desiredCount: 5, autoscaling: { min: 0 } }' },
    {
      name: 'half-typed',
      code: 'resources:\n  s:\n    type: ecs\n    desiredCount:\n    autoscaling: { min: , max: many }',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'negative counts',
      code: 'resources:\n  s: { type: ecs, desiredCount: «-1», autoscaling: { min: «-2», max: 4 } }',
      errors: [
        { messageId: 'belowMin', message: 'ECS desiredCount -1 is below the minimum of 0.' },
        { messageId: 'belowMin', message: 'ECS autoscaling.min -2 is below the minimum of 0.' },
      ],
      output: 'resources:\n  s: { type: ecs, desiredCount: 0, autoscaling: { min: 0, max: 4 } }',
    },
    {
      name: 'autoscaling min over max',
      code: 'resources:\n  s:\n    type: ecs\n    autoscaling:\n      min: «5»\n      max: 2\n',
      errors: [
        {
          messageId: 'minOverMax',
          message: 'ECS autoscaling.min 5 is over autoscaling.max 2; Application Auto Scaling rejects the scalable target.',
        },
      ],
    },
    {
      name: 'desired below min, comment kept',
      code: 'resources:\n  s:\n    type: ecs\n    desiredCount: «1»   # start small\n    autoscaling: { min: 2, max: 10 }\n',
      errors: [
        {
          messageId: 'desiredBelowMin',
          severity: 'info',
          message:
            'ECS desiredCount 1 is below autoscaling.min 2; Application Auto Scaling raises the service to 2 tasks as soon as it registers the target.',
        },
      ],
      output: 'resources:\n  s:\n    type: ecs\n    desiredCount: 2   # start small\n    autoscaling: { min: 2, max: 10 }\n',
    },
    {
      name: 'desired over max',
      code: 'resources:\n  s: { type: ecs, desiredCount: «30», autoscaling: { min: 1, max: 20 } }',
      errors: [{ messageId: 'desiredOverMax', severity: 'warning' }],
      output: 'resources:\n  s: { type: ecs, desiredCount: 20, autoscaling: { min: 1, max: 20 } }',
    },
    {
      name: 'from defaults: one finding',
      code: 'defaults:\n  ecs: { desiredCount: «1», autoscaling: { min: 2, max: 4 } }\nresources:\n  a: { type: ecs }\n  b: { type: ecs }',
      errors: [{ messageId: 'desiredBelowMin' }],
      output: 'defaults:\n  ecs: { desiredCount: 2, autoscaling: { min: 2, max: 4 } }\nresources:\n  a: { type: ecs }\n  b: { type: ecs }',
    },
  ],
});
