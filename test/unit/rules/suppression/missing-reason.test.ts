import rule from '../../../../src/core/rules/suppression/missing-reason';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['resources:\n  f:\n    type: lambda\n    timeout: 20m # awsflow-ignore lambda/timeout-limit -- migrating to ECS next sprint\n'],
  invalid: [
    {
      code: 'resources:\n  f:\n    type: lambda\n    timeout: 20m «# awsflow-ignore lambda/timeout-limit»\n',
      errors: [{ messageId: 'missingReason', severity: 'info' }],
    },
  ],
});
