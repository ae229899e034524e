import rule from '../../../../src/core/rules/schema/invalid';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'resources:\n  q: { type: sqs, visibilityTimeout: 2m, encryption: { kms: alias/orders } }\n',
    'defaults:\n  lambda: { timeout: 30s }\nrules:\n  sqs/no-dlq: off\nresources:\n  f: { type: lambda, memory: 1GB, env: { STAGE: prod, PORT: 8080 } }\n',
  ],
  invalid: [
    {
      name: 'an empty file: a hint where to start (info), at the start of the file',
      code: '«»',
      header: false,
      errors: [
        {
          messageId: 'empty',
          severity: 'info',
          message:
            'The file is empty: start it with `awsflow: 1` and a `resources:` section, or type `awsflow` and pick the "awsflow skeleton" completion for a whole example.',
        },
      ],
    },
    { name: 'whitespace only is empty too', code: '«»\n  \n\t\n', header: false, errors: [{ messageId: 'empty', severity: 'info' }] },
    {
      name: 'comments only are empty too',
      code: '«»# orders pipeline, to be written\n\n# owner: payments\n',
      header: false,
      errors: [{ messageId: 'empty', severity: 'info' }],
    },
    { name: 'a document marker and nothing else', code: '«»---\n', header: false, errors: [{ messageId: 'empty', severity: 'info' }] },
    {
      name: "the user's severity for the rule applies to the empty file too",
      code: '«»\n',
      header: false,
      ruleSeverities: { 'schema/invalid': 'error' },
      errors: [{ messageId: 'empty', severity: 'error' }],
    },
    {
      name: 'one line written: no longer empty, and the missing section is an error',
      code: '«awsflow: 1»\n',
      header: false,
      errors: [{ messageId: 'missing', severity: 'error', message: "Missing required property 'resources'." }],
    },
    {
      name: "unknown key: on the key, did-you-mean from the type's own properties",
      code: 'resources:\n  q:\n    type: sqs\n    «visibiltyTimeout»: 2m # typo\n',
      errors: [
        {
          messageId: 'unknownPropertyOfType',
          message: "Unknown property 'visibiltyTimeout' for a resource of type sqs. Did you mean 'visibilityTimeout'?",
          suggestions: ['resources:\n  q:\n    type: sqs\n    visibilityTimeout: 2m # typo\n'],
        },
      ],
    },
    {
      name: 'a property of another type',
      code: 'resources:\n  q: { type: sqs, «shards»: 2 }\n',
      errors: [
        {
          messageId: 'unknownPropertyOfType',
          message: /^Unknown property 'shards' for a resource of type sqs\. Allowed: .*visibilityTimeout/,
        },
      ],
    },
    {
      name: 'bad enum: on the value, closest value suggested',
      code: 'resources:\n  q:\n    type: «sqss»\n',
      errors: [{ messageId: 'enum', suggestions: ['resources:\n  q:\n    type: sqs\n'] }],
    },
    {
      name: 'a key with no value where a value from a list is needed',
      code: 'resources:\n  q:\n    «type»:\n',
      errors: [{ messageId: 'emptyEnum', message: /^'type' needs a value: one of sqs, sns, kinesis, / }],
    },
    {
      name: 'missing type: on the resource key',
      code: 'resources:\n  «q»:\n    label: Jobs\n',
      errors: [{ messageId: 'missing', message: "Missing required property 'type'." }],
    },
    {
      name: 'a value that is not a duration',
      code: 'resources:\n  f: { type: lambda, timeout: «abc» }\n',
      errors: [
        { messageId: 'pattern', message: "'abc' is not a duration such as 30s, 5m, 2h, 4d, 250ms or 1h30m (a bare number is seconds)." },
      ],
    },
    {
      name: 'a value that is not a size',
      code: 'resources:\n  f: { type: lambda, memory: «lots» }\n',
      errors: [{ messageId: 'pattern', message: "'lots' is not a size such as 512MB or 2GB (a bare number is MB)." }],
    },
    {
      name: 'wrong type',
      code: 'resources:\n  q: { type: sqs, fifo: «yes please» }\n',
      errors: [{ messageId: 'type', message: "Expected true or false, got text 'yes please'." }],
    },
    {
      name: 'unknown version',
      code: 'awsflow: «2»\nresources:\n  a: { type: client }\n',
      errors: [{ messageId: 'badVersion', message: 'awsflow: 2 is not a format version this tool reads; it reads version 1.' }],
    },
    {
      name: 'missing version: fixed by adding it',
      code: '«resources:»\n  a: { type: client }\n',
      header: false,
      errors: [{ messageId: 'missingVersion' }],
      output: 'awsflow: 1\nresources:\n  a: { type: client }\n',
    },
    {
      name: 'a bad resource id',
      code: 'resources:\n  «9a»: { type: client }\n',
      errors: [
        {
          messageId: 'badId',
          message:
            "'9a' is not a valid resource id: ids start with a letter and use letters, digits, '_', '.' and '-' (80 characters at most).",
        },
      ],
    },
    {
      name: 'a misspelt top-level key',
      code: 'resources:\n  a: { type: client }\n«flow»:\n  - a -> a\n',
      errors: [{ messageId: 'unknownProperty', suggestions: ['resources:\n  a: { type: client }\nflows:\n  - a -> a\n'] }],
    },
    {
      name: 'a flow entry with two keys',
      code: 'resources:\n  a: { type: client }\n  b: { type: api-gateway }\nflows:\n  - «{ "a -> b": {}, "b -> a": {} }»\n',
      errors: [{ messageId: 'flowShape' }],
      allowOtherErrors: true,
    },
    {
      name: 'a bad severity in rules:',
      code: 'rules:\n  sqs/no-dlq: «loud»\nresources:\n  a: { type: client }\n',
      errors: [{ messageId: 'enum', message: "'loud' is not allowed here: use one of error, warning, info, off." }],
    },
    {
      name: 'a deadLetter without target',
      code: 'resources:\n  q: { type: sqs, «deadLetter»: { maxReceiveCount: 3 } }\n',
      errors: [{ messageId: 'missing', message: "Missing required property 'target'." }],
    },
    {
      name: 'a list where the file should be a mapping',
      code: '«- a\n- b»\n',
      header: false,
      errors: [{ messageId: 'type', message: 'Expected a mapping (key: value), got a list.' }],
    },
  ],
});
