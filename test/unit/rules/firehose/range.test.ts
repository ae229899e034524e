import rule from '../../../../src/core/rules/firehose/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'AWS defaults', code: 'resources:\n  f: { type: firehose }' },
    { name: 'the minimums', code: 'resources:\n  f: { type: firehose, buffer: { size: 1MiB, interval: 0 } }' },
    { name: 'the maximums', code: 'resources:\n  f:\n    type: firehose\n    buffer:\n      size: 128MB\n      interval: 900s' },
    {
      name: 'half-typed',
      code: 'resources:\n  f:\n    type: firehose\n    buffer:\n      size:\n      interval: often',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    { name: 'buffer not a map', code: 'resources:\n  f: { type: firehose, buffer: 5MB }', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'size over 128 MiB, block style, comment kept',
      code: 'resources:\n  f:\n    type: firehose\n    buffer:\n      size: «200MB»   # big files for Athena\n      interval: 60s\n',
      errors: [
        { messageId: 'overMax', message: 'Firehose buffer.size 200MB (200 MiB) is over the maximum of 128 MiB (134,217,728 bytes).' },
      ],
      output: 'resources:\n  f:\n    type: firehose\n    buffer:\n      size: 128MB   # big files for Athena\n      interval: 60s\n',
    },
    {
      name: 'size under 1 MiB and interval just over 900 s, flow style',
      code: 'resources:\n  f: { type: firehose, buffer: { size: «512KB», interval: «901» } }',
      errors: [
        { messageId: 'belowMin', message: 'Firehose buffer.size 512KB (512 KiB) is below the minimum of 1 MiB (1,048,576 bytes).' },
        { messageId: 'overMax', message: 'Firehose buffer.interval 901 (15 min 1 s) is over the maximum of 900 s.' },
      ],
      output: 'resources:\n  f: { type: firehose, buffer: { size: 1024KB, interval: 900 } }',
    },
    {
      name: 'interval in minutes',
      code: 'resources:\n  f: { type: firehose, buffer: { interval: «20m» } }',
      errors: [{ messageId: 'overMax' }],
      output: 'resources:\n  f: { type: firehose, buffer: { interval: 15m } }',
    },
    {
      name: 'size between two whole MiB, interval between two whole seconds',
      code: 'resources:\n  f: { type: firehose, buffer: { size: «1.5MB», interval: «60.5s» } }',
      errors: [
        {
          messageId: 'notWhole',
          message:
            'Firehose buffer.size 1.5MB (1.5 MiB) is not a whole number of MiB; AWS takes buffer.size in whole MiB and rejects the value.',
        },
        {
          messageId: 'notWhole',
          message:
            'Firehose buffer.interval 60.5s (1 min 0.5 s) is not a whole number of seconds; AWS takes buffer.interval in whole seconds and rejects the value.',
        },
      ],
      output: 'resources:\n  f: { type: firehose, buffer: { size: 2MB, interval: 61s } }',
    },
    {
      name: 'from defaults',
      code: 'defaults:\n  firehose: { buffer: { size: «1GB» } }\nresources:\n  a: { type: firehose }\n  b: { type: firehose }',
      errors: [{ messageId: 'overMax' }],
      output: 'defaults:\n  firehose: { buffer: { size: 128MB } }\nresources:\n  a: { type: firehose }\n  b: { type: firehose }',
    },
  ],
});
