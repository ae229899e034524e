import rule from '../../../../src/core/rules/lambda/env-secret';
import { ruleTester } from '../../../helpers/rule-tester';

const fn = (env: string) => `resources:\n  f:\n    type: lambda\n    env:\n${env}`;
const MESSAGE_END =
  ": anyone who can read the function's configuration sees it, and it sits in this file and its history. Keep it in AWS Secrets Manager or SSM Parameter Store (SecureString) and read it at run time, or pass a reference (an ARN, `{{resolve:…}}`).";

ruleTester(rule, {
  valid: [
    {
      name: 'plausible settings that are no secrets',
      code: fn(
        [
          '      TABLE_NAME: orders',
          '      LOG_LEVEL: debug',
          '      TOKEN_TTL: 3600',
          '      PASSWORD_MIN_LENGTH: "12"',
          '      SECRET_NAME: prod/db/credentials',
          '      API_KEY_HEADER: x-api-key',
          '      JWKS_URL: https://auth.example.com/.well-known/jwks.json',
          '      QUEUE_URL: https://sqs.us-east-1.amazonaws.com/123456789012/orders',
          '      BUILD_SHA: 4f9c2e7a1b3d5f60718293a4b5c6d7e8f9012345',
          '      REQUEST_ID: 123e4567-e89b-12d3-a456-426614174000',
          '      LOG_GROUP: MyServiceNameForProductionEnvironment2',
          '      HANDLER_CLASS: com.example.orders.ProcessOrderHandler',
          '      FEATURE_SECRET_SAUCE: true',
          '      BYPASS: "yes"',
          '',
        ].join('\n'),
      ),
    },
    {
      name: 'references to secrets kept elsewhere',
      code: fn(
        [
          '      DB_PASSWORD: "{{resolve:secretsmanager:prod/db:SecretString:password}}"',
          '      API_TOKEN: ${API_TOKEN}',
          '      STRIPE_SECRET: "${ssm:/prod/stripe/secret}"',
          '      JWT_SECRET: arn:aws:secretsmanager:us-east-1:123456789012:secret:jwt-AbCdEf',
          '      DB_PASSWORD_PARAM: /prod/db/password',
          '      ADMIN_PASSWORD: /prod/admin/password',
          '',
        ].join('\n'),
      ),
    },
    {
      name: 'empty and placeholder values under secret names; numbers and booleans',
      code: fn('      DB_PASSWORD: ""\n      API_KEY: none\n      AUTH_TOKEN: TODO\n      PIN_SECRET: 123456\n      USE_TOKEN: false\n'),
    },
    { name: 'five characters under a secret name is below the bar', code: fn('      DB_PASS: abcde\n') },
    { name: 'a 31-character random string is below the length bar', code: fn('      SESSION_SEED: aZ3kQ9xW2mN7pL5vB8cR1tY6uH4jG0s\n') },
    { name: 'half-typed: a variable with no value yet', code: fn('      DB_PASSWORD:\n'), ruleSeverities: { 'schema/invalid': 'off' } },
    {
      name: 'half-typed: env not a map yet',
      code: 'resources:\n  f: { type: lambda, env: DB_PASSWORD }',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'a secret name with a literal value, on the value',
      code: fn('      DB_HOST: db.internal\n      DB_PASSWORD: «hunter2»   # temporary\n'),
      errors: [
        {
          messageId: 'secret',
          severity: 'info',
          message: `Environment variable DB_PASSWORD has a secret's name and a literal value${MESSAGE_END}`,
        },
      ],
    },
    {
      name: 'six characters is enough; camelCase, kebab-case and suffix variants',
      code: fn(
        '      DB_PASS: «abcdef»\n      stripeApiKey: «sk_test_123»\n      client-secret: «s3cr3t!»\n      GITHUB_TOKEN: «quoted token»\n      LEGACY_SECRET_ACCESS_KEY: «"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"»\n',
      ),
      errors: [{ messageId: 'secret' }, { messageId: 'secret' }, { messageId: 'secret' }, { messageId: 'secret' }, { messageId: 'secret' }],
    },
    {
      name: 'an AWS access key id under any name',
      code: fn('      AWS_KEY_ID: «AKIAIOSFODNN7EXAMPLE»\n      TEMP: «ASIAY34FZKBOKMUTVV7A»\n'),
      errors: [
        { messageId: 'secret', message: `Environment variable AWS_KEY_ID holds what looks like an AWS access key id${MESSAGE_END}` },
        { messageId: 'secret', message: /TEMP holds what looks like an AWS access key id/ },
      ],
    },
    {
      name: 'a private key, as a block scalar',
      code: fn(
        '      SIGNING: «|\n        -----BEGIN RSA PRIVATE KEY-----\n        MIIEowIBAAKCAQEA\n        -----END RSA PRIVATE KEY-----\n»',
      ),
      errors: [{ messageId: 'secret', message: /SIGNING holds a private key/ }],
    },
    {
      name: 'long random-looking strings under harmless names; a random "path" is no parameter name',
      code: fn(
        '      UPSTREAM: «ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ»\n      SEED: «aZ3kQ9xW2mN7pL5vB8cR1tY6uH4jG0sE»\n      BLOB: «/K7MDENG/bPxRfiCYEXAMPLEKEY9aZ3kQ9xW2m»\n',
      ),
      errors: [
        {
          messageId: 'secret',
          message: `Environment variable UPSTREAM holds a long random-looking string, like a key or token${MESSAGE_END}`,
        },
        { messageId: 'secret' },
        { messageId: 'secret' },
      ],
    },
    {
      name: 'env from defaults: one finding on the shared value',
      code: 'defaults:\n  lambda:\n    env: { API_KEY: «k-12345678» }\nresources:\n  a: { type: lambda }\n  b: { type: lambda }',
      errors: [{ messageId: 'secret' }],
    },
  ],
});
