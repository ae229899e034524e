import rule from '../../../../src/core/rules/dynamodb/stream-required';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'stream: true, read by Lambda and a Pipe',
      code: 'resources:\n  t: { type: dynamodb, stream: true }\n  f: { type: lambda }\n  q: { type: sqs }\nflows:\n  - t -> f\n  - t -> q: { via: pipe }',
    },
    {
      name: 'stream from defaults',
      code: 'defaults:\n  dynamodb: { stream: true }\nresources:\n  t: { type: dynamodb }\n  f: { type: lambda }\nflows:\n  - t -> f',
    },
    {
      name: 'a table written by compute, or read by ECS, needs no stream',
      code: 'resources:\n  t: { type: dynamodb }\n  f: { type: lambda }\n  e: { type: ecs }\nflows:\n  - f -> t\n  - t -> e',
    },
    {
      name: 'DynamoDB to Kinesis (Kinesis Data Streams for DynamoDB) is not a DynamoDB stream',
      code: 'resources:\n  t: { type: dynamodb }\n  k: { type: kinesis, encryption: kms }\nflows:\n  - t -> k',
    },
  ],
  invalid: [
    {
      name: 'event source mapping without a stream: on the target, the fix adds stream: true',
      code: 'resources:\n  t: { type: dynamodb }\n  f: { type: lambda }\nflows:\n  - t -> «f»',
      errors: [
        {
          messageId: 'noStream',
          message:
            "'t' has no stream (`stream: true`), so the event source mapping of 'f' has nothing to read: an event source mapping and a Pipe read a table's DynamoDB stream, which is off unless enabled.",
          fix: { title: 'Set `stream: true` on t', safeForFixAll: true },
        },
      ],
      output: 'resources:\n  t: { type: dynamodb, stream: true }\n  f: { type: lambda }\nflows:\n  - t -> f',
    },
    {
      name: 'stream: false, block style, read by a Pipe and a function: one fix for the table',
      code: 'resources:\n  t:\n    type: dynamodb\n    stream: false   # off\n  f: { type: lambda }\n  q: { type: sqs }\nflows:\n  - t -> «q»: { via: pipe }\n  - t -> «f»',
      errors: [
        { messageId: 'noStream', message: /so the Pipe to 'q' has nothing to read/ },
        { messageId: 'noStream', message: /so the event source mapping of 'f'/ },
      ],
      output:
        'resources:\n  t:\n    type: dynamodb\n    stream: true   # off\n  f: { type: lambda }\n  q: { type: sqs }\nflows:\n  - t -> q: { via: pipe }\n  - t -> f',
    },
  ],
});
