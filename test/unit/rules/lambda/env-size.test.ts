import rule from '../../../../src/core/rules/lambda/env-size';
import { ruleTester } from '../../../helpers/rule-tester';

const x = (n: number): string => 'x'.repeat(n);

ruleTester(rule, {
  valid: [
    { name: 'no env', code: 'resources:\n  f: { type: lambda }' },
    { name: 'small env, flow style', code: 'resources:\n  f: { type: lambda, env: { TABLE: orders, DEBUG: true } }' },
    { name: 'exactly 4,096 bytes', code: `resources:\n  f:\n    type: lambda\n    env:\n      A: ${x(4095)}\n` },
    {
      name: 'numbers count as written: exactly 4,096 bytes',
      code: `resources:\n  f:\n    type: lambda\n    env:\n      A: ${x(4087)}\n      PORT: 8080\n`,
    },
    { name: 'from defaults, under the limit', code: 'defaults:\n  lambda: { env: { STAGE: prod } }\nresources:\n  f: { type: lambda }' },
    {
      name: 'half-typed: env with no value',
      code: 'resources:\n  f:\n    type: lambda\n    env:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: a variable with no value',
      code: 'resources:\n  f:\n    type: lambda\n    env:\n      A:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'one byte over',
      code: `resources:\n  f:\n    type: lambda\n    «env»:   # secrets belong in Secrets Manager\n      A: ${x(4088)}\n      PORT: 8080\n`,
      errors: [
        {
          messageId: 'tooLarge',
          message:
            "Environment variables total 4,097 bytes (2 variables, names plus values in UTF-8), over Lambda's 4 KB limit (4,096 bytes); the largest is A (4,089 bytes). AWS rejects the function.",
        },
      ],
    },
    {
      name: 'UTF-8 bytes, not characters',
      code: `resources:\n  f: { type: lambda, «env»: { GREETING: "${'é'.repeat(2045)}" } }`,
      errors: [{ messageId: 'tooLarge', message: /^Environment variables total 4,098 bytes \(1 variable,/ }],
    },
    {
      name: 'from defaults: one finding on the shared key',
      code: `defaults:\n  lambda:\n    «env»:\n      CERT: ${x(5000)}\nresources:\n  f: { type: lambda }\n  g: { type: lambda }\n`,
      errors: [{ messageId: 'tooLarge' }],
    },
  ],
});
