import rule from '../../../../src/core/rules/encryption/at-rest';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'an SQS queue without encryption is SSE-SQS encrypted', code: 'resources:\n  q: { type: sqs }' },
    {
      name: 'encrypted topic and streams',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  k: { type: kinesis, encryption: { kms: alias/clicks } }\n  q: { type: sqs, encryption: sqs-managed }',
    },
    { name: 'encryption from defaults', code: 'defaults:\n  sns: { encryption: kms }\nresources:\n  t: { type: sns }' },
    {
      name: 'stores are quiet without encryption',
      code: 'resources:\n  d: { type: dynamodb }\n  b: { type: s3 }\n  r: { type: rds }\n  e: { type: efs }',
    },
    {
      name: 'Firehose with a Kinesis source keeps nothing at rest',
      code: 'resources:\n  k: { type: kinesis, encryption: kms }\n  h: { type: firehose }\n  lake: { type: s3 }\nflows:\n  - k -> h -> lake',
    },
    {
      name: 'Firehose with encryption, own or from defaults',
      code: 'defaults:\n  firehose: { encryption: { kms: alias/logs } }\nresources:\n  h: { type: firehose }\n  i: { type: firehose, encryption: kms }',
    },
    { name: 'half-typed: a Firehose stream with no map yet', code: 'resources:\n  h:\n', ruleSeverities: { 'schema/invalid': 'off' } },
    {
      name: 'half-typed: encryption with no value',
      code: 'resources:\n  t:\n    type: sns\n    encryption:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'topic without encryption (block style, comment kept)',
      code: 'resources:\n  «events»:\n    type: sns   # fan-out\n',
      errors: [
        {
          messageId: 'missingTopic',
          severity: 'warning',
          message: "Topic 'events' has no `encryption`: SNS stores its messages unencrypted at rest unless server-side encryption is on.",
        },
      ],
      output: 'resources:\n  events:\n    type: sns   # fan-out\n    encryption: kms\n',
    },
    {
      name: 'stream without encryption (flow style)',
      code: 'resources:\n  «clicks»: { type: kinesis, shards: 2 }',
      errors: [
        {
          messageId: 'missingStream',
          message:
            "Stream 'clicks' has no `encryption`: Kinesis stores its records unencrypted at rest unless server-side encryption is on.",
        },
      ],
      output: 'resources:\n  clicks: { type: kinesis, shards: 2, encryption: kms }',
    },
    {
      name: 'topic fed by a schedule: the AWS managed key would break it, so only a suggestion',
      code: 'resources:\n  tick: { type: schedule, expression: rate(1 hour) }\n  «t»: { type: sns }\n  f: { type: lambda }\nflows:\n  - tick -> t -> f',
      errors: [
        {
          messageId: 'missingTopic',
          suggestions: [
            'resources:\n  tick: { type: schedule, expression: rate(1 hour) }\n  t: { type: sns, encryption: { kms: alias/t-key } }\n  f: { type: lambda }\nflows:\n  - tick -> t -> f',
          ],
        },
      ],
    },
    {
      name: 'Firehose without encryption: info (direct put, block style)',
      code: 'resources:\n  app: { type: client }\n  «logs»:\n    type: firehose   # to the lake\n    buffer: { interval: 60s }\nflows:\n  - app -> logs',
      errors: [
        {
          messageId: 'missingFirehose',
          severity: 'info',
          message:
            "Firehose stream 'logs' has no `encryption`: server-side encryption of the records it takes by direct put is off. Turn it on if they are sensitive (`encryption: kms`, or a customer managed key).",
        },
      ],
      output:
        'resources:\n  app: { type: client }\n  logs:\n    type: firehose   # to the lake\n    buffer: { interval: 60s }\n    encryption: kms\nflows:\n  - app -> logs',
    },
    {
      name: 'Firehose fed by an SNS subscription (flow style), and one with no source yet',
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  «h»: { type: firehose }\n  «idle»: { type: firehose }\nflows:\n  - t -> h',
      errors: [{ messageId: 'missingFirehose', severity: 'info' }, { messageId: 'missingFirehose' }],
      output:
        'resources:\n  t: { type: sns, encryption: kms }\n  h: { type: firehose, encryption: kms }\n  idle: { type: firehose, encryption: kms }\nflows:\n  - t -> h',
    },
    {
      name: 'the file can raise the Firehose finding to a warning',
      code: 'rules:\n  encryption/at-rest: warning\nresources:\n  «h»: { type: firehose }',
      errors: [{ messageId: 'missingFirehose', severity: 'warning' }],
      output: 'rules:\n  encryption/at-rest: warning\nresources:\n  h: { type: firehose, encryption: kms }',
    },
    {
      name: 'Firehose with a Kinesis source and encryption: none is still flagged',
      code: 'resources:\n  k: { type: kinesis, encryption: kms }\n  h: { type: firehose, encryption: «none» }\n  lake: { type: s3 }\nflows:\n  - k -> h -> lake',
      errors: [
        {
          messageId: 'none',
          severity: 'warning',
          fix: { title: 'Encrypt with KMS (overrides `encryption: none`)', safeForFixAll: false },
          message: "'h' sets `encryption: none`: its buffered records are stored unencrypted at rest.",
        },
      ],
      output:
        'resources:\n  k: { type: kinesis, encryption: kms }\n  h: { type: firehose, encryption: kms }\n  lake: { type: s3 }\nflows:\n  - k -> h -> lake',
    },
    {
      name: 'queue with encryption: none -> SSE-SQS',
      code: 'resources:\n  intake:\n    type: sqs\n    encryption: «none»   # plaintext\n',
      errors: [
        {
          messageId: 'none',
          message: "'intake' sets `encryption: none`: its messages are stored unencrypted at rest.",
          fix: { title: 'Encrypt with SSE-SQS (overrides `encryption: none`)', safeForFixAll: false },
        },
      ],
      output: 'resources:\n  intake:\n    type: sqs\n    encryption: sqs-managed   # plaintext\n',
    },
    {
      name: 'database and stream with encryption: none -> kms',
      code: 'resources:\n  db: { type: rds, encryption: «none» }\n  k: { type: kinesis, encryption: «none» }',
      errors: [
        {
          messageId: 'none',
          message: "'db' sets `encryption: none`: its data are stored unencrypted at rest.",
          fix: { title: 'Encrypt with KMS (overrides `encryption: none`)', safeForFixAll: false },
        },
        { messageId: 'none', fix: { title: 'Encrypt with KMS (overrides `encryption: none`)', safeForFixAll: false } },
      ],
      output: 'resources:\n  db: { type: rds, encryption: kms }\n  k: { type: kinesis, encryption: kms }',
    },
    {
      name: 'topic with encryption: none, fed by S3: only a suggestion',
      code: 'resources:\n  b: { type: s3 }\n  t: { type: sns, encryption: «none» }\n  f: { type: lambda }\nflows:\n  - b -> t -> f',
      errors: [
        {
          messageId: 'none',
          suggestions: [
            'resources:\n  b: { type: s3 }\n  t: { type: sns, encryption: { kms: alias/t-key } }\n  f: { type: lambda }\nflows:\n  - b -> t -> f',
          ],
        },
      ],
    },
    {
      name: 'S3 always encrypts: the line goes',
      code: 'resources:\n  b:\n    type: s3\n    encryption: «none»\n  d: { type: dynamodb, encryption: «none» }\n',
      errors: [
        {
          messageId: 'noneAlways',
          severity: 'info',
          fix: { title: 'Remove `encryption: none` (AWS encrypts by default)', safeForFixAll: true },
          message:
            "'b' sets `encryption: none`, but S3 encrypts every new object (SSE-S3 by default since January 2023): the file does not describe what AWS deploys.",
        },
        { messageId: 'noneAlways', message: /DynamoDB encrypts every table/ },
      ],
      output: 'resources:\n  b:\n    type: s3\n  d: { type: dynamodb }\n',
    },
    {
      name: 'from defaults: one finding for every queue it covers',
      code: 'defaults:\n  sqs: { encryption: «none», retention: 4d }\nresources:\n  a: { type: sqs }\n  b: { type: sqs }\n  c: { type: sqs, encryption: sqs-managed }',
      errors: [
        {
          messageId: 'noneDefaults',
          fix: { title: 'Encrypt with SSE-SQS (overrides `encryption: none`)', safeForFixAll: false },
          message: "`defaults` set `encryption: none` for sqs: 'a', 'b' store their messages unencrypted at rest.",
        },
      ],
      output:
        'defaults:\n  sqs: { encryption: sqs-managed, retention: 4d }\nresources:\n  a: { type: sqs }\n  b: { type: sqs }\n  c: { type: sqs, encryption: sqs-managed }',
    },
    {
      name: 'from defaults, DynamoDB',
      code: 'defaults:\n  dynamodb:\n    encryption: «none»\n    label: table\nresources:\n  d: { type: dynamodb }',
      errors: [{ messageId: 'noneAlwaysDefaults', severity: 'info' }],
      output: 'defaults:\n  dynamodb:\n    label: table\nresources:\n  d: { type: dynamodb }',
    },
  ],
});
