import rule from '../../../../src/core/rules/config/unknown-rule';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['rules:\n  lambda/timeout-limit: warning\nresources:\n  a: { type: client }\n'],
  invalid: [
    {
      code: 'rules:\n  «lambda/timeout-limt»: off\nresources:\n  a: { type: client }\n',
      errors: [
        {
          messageId: 'unknown',
          message: "'lambda/timeout-limt' is not an awsflow rule, so this setting does nothing. Did you mean 'lambda/timeout-limit'?",
          suggestions: ['rules:\n  lambda/timeout-limit: off\nresources:\n  a: { type: client }\n'],
        },
      ],
    },
  ],
});
