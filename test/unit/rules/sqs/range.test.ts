import rule from '../../../../src/core/rules/sqs/range';
import { ruleTester } from '../../../helpers/rule-tester';

const HALF_TYPED = { 'schema/invalid': 'off', 'flows/syntax': 'off' } as const;

ruleTester(rule, {
  valid: [
    { name: 'AWS defaults', code: 'resources:\n  q: { type: sqs }' },
    {
      name: 'every maximum',
      code: 'resources:\n  q:\n    type: sqs\n    visibilityTimeout: 12h\n    retention: 14d\n    maxMessageSize: 1MiB\n    receiveWait: 20s\n    delay: 15m\n    deadLetter: { target: dlq, maxReceiveCount: 1000 }\n  dlq: { type: sqs }',
    },
    {
      name: 'every minimum',
      code: 'resources:\n  q:\n    type: sqs\n    visibilityTimeout: 0\n    retention: 60s\n    maxMessageSize: 1KB\n    receiveWait: 0s\n    delay: 0\n    deadLetter: { target: dlq, maxReceiveCount: 1 }\n  dlq: { type: sqs }',
    },
    {
      name: 'bare numbers at the limits',
      code: 'resources:\n  q: { type: sqs, retention: 1209600, maxMessageSize: 1048576, visibilityTimeout: 43200 }',
    },
    { name: 'defaults within range', code: 'defaults:\n  sqs: { receiveWait: 20s, retention: 14d }\nresources:\n  q: { type: sqs }' },
    { name: 'other types are not SQS', code: 'resources:\n  k: { type: kinesis, retention: 20d }' },
    {
      name: 'half-typed values',
      code: 'resources:\n  q:\n    type: sqs\n    retention:\n    deadLetter: { target: , maxReceiveCount: }\n  r: { type: sqs, delay: soon }',
      ruleSeverities: HALF_TYPED,
    },
  ],
  invalid: [
    {
      name: 'retention over 14 days, block style, comment kept',
      code: 'resources:\n  q:\n    type: sqs\n    retention: «20d»   # keep a month\n',
      errors: [{ messageId: 'overMax', message: 'SQS retention 20d (20 d) is over the maximum of 14 days (1,209,600 s).' }],
      output: 'resources:\n  q:\n    type: sqs\n    retention: 14d   # keep a month\n',
    },
    {
      name: 'retention under 60 s',
      code: 'resources:\n  q: { type: sqs, retention: «30s» }',
      errors: [{ messageId: 'belowMin', message: 'SQS retention 30s (30 s) is below the minimum of 60 s.' }],
      output: 'resources:\n  q: { type: sqs, retention: 60s }',
    },
    {
      name: 'just over each maximum, flow style',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: «43201», receiveWait: «21s», delay: «16m», maxMessageSize: «1048577» }',
      errors: [
        { messageId: 'overMax', message: 'SQS visibilityTimeout 43201 (12 h 1 s) is over the maximum of 12 hours (43,200 s).' },
        { messageId: 'overMax', message: 'SQS receiveWait 21s (21 s) is over the maximum of 20 s.' },
        { messageId: 'overMax', message: 'SQS delay 16m (16 min) is over the maximum of 15 minutes (900 s).' },
        { messageId: 'overMax', message: 'SQS maxMessageSize 1048577 (1,048,577 bytes) is over the maximum of 1 MiB (1,048,576 bytes).' },
      ],
      output: 'resources:\n  q: { type: sqs, visibilityTimeout: 43200, receiveWait: 20s, delay: 15m, maxMessageSize: 1048576 }',
    },
    {
      name: 'sizes keep their unit family and spacing',
      code: 'resources:\n  a: { type: sqs, maxMessageSize: «2MB» }\n  b: { type: sqs, maxMessageSize: «2 MiB» }\n  c: { type: sqs, maxMessageSize: «0.5KiB» }',
      errors: [
        { messageId: 'overMax' },
        { messageId: 'overMax' },
        { messageId: 'belowMin', message: 'SQS maxMessageSize 0.5KiB (512 bytes) is below the minimum of 1 KiB (1,024 bytes).' },
      ],
      output:
        'resources:\n  a: { type: sqs, maxMessageSize: 1MB }\n  b: { type: sqs, maxMessageSize: 1 MiB }\n  c: { type: sqs, maxMessageSize: 1KiB }',
    },
    {
      name: 'maxReceiveCount below 1 and over 1,000',
      code: 'resources:\n  a:\n    type: sqs\n    deadLetter: { target: dlq, maxReceiveCount: «0» }\n  b:\n    type: sqs\n    deadLetter:\n      target: dlq\n      maxReceiveCount: «5000»\n  dlq: { type: sqs }',
      errors: [
        { messageId: 'belowMin', message: 'SQS deadLetter.maxReceiveCount 0 is below the minimum of 1.' },
        { messageId: 'overMax', message: 'SQS deadLetter.maxReceiveCount 5000 is over the maximum of 1,000.' },
      ],
      output:
        'resources:\n  a:\n    type: sqs\n    deadLetter: { target: dlq, maxReceiveCount: 1 }\n  b:\n    type: sqs\n    deadLetter:\n      target: dlq\n      maxReceiveCount: 1000\n  dlq: { type: sqs }',
    },
    {
      name: 'durations between two whole seconds, and a size between two bytes',
      code: 'resources:\n  q:\n    type: sqs\n    visibilityTimeout: «0.5s»   # short\n    delay: «1500ms»\n    receiveWait: «19.9»\n    retention: «1.0001h»\n    maxMessageSize: «1.001KB»',
      errors: [
        {
          messageId: 'notWhole',
          message:
            'SQS visibilityTimeout 0.5s (500 ms) is not a whole number of seconds; AWS takes visibilityTimeout in whole seconds and rejects the value.',
        },
        {
          messageId: 'notWhole',
          message: 'SQS delay 1500ms (1.5 s) is not a whole number of seconds; AWS takes delay in whole seconds and rejects the value.',
        },
        { messageId: 'notWhole' },
        { messageId: 'notWhole' },
        {
          messageId: 'notWhole',
          message:
            'SQS maxMessageSize 1.001KB (1,025.02 bytes) is not a whole number of bytes; AWS takes maxMessageSize in whole bytes and rejects the value.',
        },
      ],
      output:
        'resources:\n  q:\n    type: sqs\n    visibilityTimeout: 1s   # short\n    delay: 2s\n    receiveWait: 20\n    retention: 1h\n    maxMessageSize: 1025B',
    },
    {
      name: 'below the minimum in sub-second units is a range finding only',
      code: 'resources:\n  q: { type: sqs, retention: «59500ms» }',
      errors: [{ messageId: 'belowMin', message: 'SQS retention 59500ms (59.5 s) is below the minimum of 60 s.' }],
      output: 'resources:\n  q: { type: sqs, retention: 1m }',
    },
    {
      name: 'from defaults: one finding on the defaults node',
      code: 'defaults:\n  sqs: { receiveWait: «30s» }\nresources:\n  a: { type: sqs }\n  b: { type: sqs }',
      errors: [{ messageId: 'overMax' }],
      output: 'defaults:\n  sqs: { receiveWait: 20s }\nresources:\n  a: { type: sqs }\n  b: { type: sqs }',
    },
    {
      name: 'a default every queue overrides is still wrong',
      code: 'defaults:\n  sqs:\n    retention: «15d»\nresources:\n  a: { type: sqs, retention: 4d }',
      errors: [{ messageId: 'overMax' }],
      output: 'defaults:\n  sqs:\n    retention: 14d\nresources:\n  a: { type: sqs, retention: 4d }',
    },
    {
      name: 'quoted value and a long duration',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: «"1d"», retention: «400h» }',
      errors: [{ messageId: 'overMax' }, { messageId: 'overMax' }],
      output: 'resources:\n  q: { type: sqs, visibilityTimeout: 12h, retention: 336h }',
    },
  ],
});
