import rule from '../../../../src/core/rules/lambda/reserved-env';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'ordinary variables', code: 'resources:\n  f: { type: lambda, env: { TABLE: orders, STAGE: prod } }' },
    {
      name: 'documented as not reserved: TZ, LANG, PATH, NODE_PATH, AWS_LAMBDA_EXEC_WRAPPER',
      code: 'resources:\n  f:\n    type: lambda\n    env:\n      TZ: Europe/Paris\n      LANG: en_GB.UTF-8\n      PATH: /opt/bin:/usr/bin\n      NODE_PATH: /opt/node\n      AWS_LAMBDA_EXEC_WRAPPER: /opt/wrapper\n',
    },
    { name: 'names are case-sensitive', code: 'resources:\n  f: { type: lambda, env: { aws_region: eu-west-1, Aws_Region: x } }' },
    {
      name: 'a longer name that starts like a reserved one',
      code: 'resources:\n  f: { type: lambda, env: { AWS_REGION_NAME: eu-west-1, MY_AWS_REGION: x } }',
    },
    {
      name: "env on a non-Lambda resource is the schema's business",
      code: 'resources:\n  q: { type: sqs, env: { AWS_REGION: x } }',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: env with no map yet',
      code: 'resources:\n  f:\n    type: lambda\n    env:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: env as a list',
      code: 'resources:\n  f:\n    type: lambda\n    env:\n      - AWS_REGION\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'AWS_REGION, block style, comments kept',
      code: 'resources:\n  f:\n    type: lambda\n    env:\n      TABLE: orders   # the table\n      «AWS_REGION»: eu-west-1   # region\n      STAGE: prod\n',
      errors: [
        {
          messageId: 'reserved',
          severity: 'error',
          message:
            'Environment variable AWS_REGION is reserved by Lambda, which sets it itself: AWS rejects a function configuration that sets it (InvalidParameterValueException).',
        },
      ],
      output: 'resources:\n  f:\n    type: lambda\n    env:\n      TABLE: orders   # the table\n      STAGE: prod\n',
    },
    {
      name: 'first and last of the reserved list, flow style',
      code: 'resources:\n  f: { type: lambda, env: { «_HANDLER»: index.main, KEEP: 1, «LAMBDA_RUNTIME_DIR»: /var/runtime } }\n',
      errors: [
        { messageId: 'reserved', message: /^Environment variable _HANDLER is reserved/ },
        { messageId: 'reserved', message: /^Environment variable LAMBDA_RUNTIME_DIR is reserved/ },
      ],
      output: 'resources:\n  f: { type: lambda, env: { KEEP: 1 } }\n',
    },
    {
      name: 'credentials and the function name',
      code: 'resources:\n  f:\n    type: lambda\n    env:\n      «AWS_ACCESS_KEY_ID»: AKIA\n      «AWS_SECRET_ACCESS_KEY»: secret\n      «AWS_LAMBDA_FUNCTION_NAME»: f\n      OTHER: x\n',
      errors: [{ messageId: 'reserved' }, { messageId: 'reserved' }, { messageId: 'reserved' }],
      output: 'resources:\n  f:\n    type: lambda\n    env:\n      OTHER: x\n',
    },
    {
      name: 'the only variable: the map becomes empty',
      code: 'resources:\n  f: { type: lambda, env: { «AWS_EXECUTION_ENV»: custom } }\n',
      errors: [{ messageId: 'reserved' }],
      output: 'resources:\n  f: { type: lambda, env: {} }\n',
    },
    {
      name: 'from defaults: once, on the defaults node',
      code: 'defaults:\n  lambda: { env: { «AWS_DEFAULT_REGION»: us-east-1 } }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }\n',
      errors: [{ messageId: 'reserved' }],
      output: 'defaults:\n  lambda: { env: {} }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }\n',
    },
  ],
});
