import rule from '../../../../src/core/rules/stepfunctions/express-timeout';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'Express at exactly 5 minutes', code: 'resources:\n  sm: { type: stepfunctions, workflow: express, timeout: 5m }' },
    { name: 'Express at 300 (bare seconds)', code: 'resources:\n  sm: { type: stepfunctions, workflow: express, timeout: 300 }' },
    { name: 'standard at 10 minutes', code: 'resources:\n  sm: { type: stepfunctions, timeout: 10m }' },
    { name: 'standard at exactly 1 year', code: 'resources:\n  sm: { type: stepfunctions, workflow: standard, timeout: 365d }' },
    { name: 'no timeout', code: 'resources:\n  sm: { type: stepfunctions, workflow: express }' },
  ],
  invalid: [
    {
      name: 'Express at 301 s',
      code: 'resources:\n  sm: { type: stepfunctions, workflow: express, timeout: «301s» }',
      errors: [
        {
          messageId: 'overExpress',
          message:
            "Express workflow timeout 301s (5 min 1 s) is over 5 minutes, the longest an Express execution runs: Step Functions stops it at 5 minutes whatever the timeout, and the work in flight is lost. Set 5 minutes or less, or make 'sm' a standard workflow.",
          fix: { title: 'Set the timeout to 300s', safeForFixAll: false },
        },
      ],
      output: 'resources:\n  sm: { type: stepfunctions, workflow: express, timeout: 300s }',
    },
    {
      name: 'Express at 10m, block style: in the user’s unit',
      code: 'resources:\n  sm:\n    type: stepfunctions\n    workflow: express\n    timeout: «10m»   # too long',
      errors: [{ messageId: 'overExpress', fix: { title: 'Set the timeout to 5m', safeForFixAll: false } }],
      output: 'resources:\n  sm:\n    type: stepfunctions\n    workflow: express\n    timeout: 5m   # too long',
    },
    {
      name: 'standard (the default) over 1 year',
      code: 'resources:\n  sm: { type: stepfunctions, timeout: «366d» }',
      errors: [
        {
          messageId: 'overStandard',
          message:
            'Standard workflow timeout 366d (366 d) is over 1 year, the longest a standard execution runs: Step Functions stops it at 1 year whatever the timeout.',
          fix: { title: 'Set the timeout to 365d', safeForFixAll: false },
        },
      ],
      output: 'resources:\n  sm: { type: stepfunctions, timeout: 365d }',
    },
    {
      name: 'a timeout from defaults: once, on the default',
      code: 'defaults:\n  stepfunctions: { workflow: express, timeout: «6m» }\nresources:\n  a: { type: stepfunctions }\n  b: { type: stepfunctions }',
      errors: [{ messageId: 'overExpress', fix: { title: 'Set the timeout to 5m', safeForFixAll: false } }],
      output:
        'defaults:\n  stepfunctions: { workflow: express, timeout: 5m }\nresources:\n  a: { type: stepfunctions }\n  b: { type: stepfunctions }',
    },
  ],
});
