import rule from '../../../../src/core/rules/kinesis/hot-partition';
import { ruleTester } from '../../../helpers/rule-tester';

const R = [
  'resources:',
  '  web: { type: client }',
  '  app: { type: client }',
  '  four: { type: kinesis, shards: 4, encryption: kms }',
  '  one: { type: kinesis, shards: 1, encryption: kms }',
  '  auto: { type: kinesis, mode: on-demand, encryption: kms }',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'a key taken from each record: $name, ${name}, $.path',
      code: `${R}flows:\n  - web -> four: { rate: 3000/s, partitionKey: $sessionId }\n  - app -> auto: { rate: 50/s, partitionKey: "\${userId}" }\n  - web -> auto: { partitionKey: $.order.id }`,
    },
    {
      name: "a bare name is a field taken from each record (the format's own examples write it so)",
      code: `${R}flows:\n  - web -> four: { rate: 3000/s, size: 1KB, partitionKey: sessionId }\n  - app -> auto: { partitionKey: order.customer_id }`,
    },
    {
      name: 'a constant key into a one-shard stream: nothing to spread over',
      code: `${R}flows:\n  - web -> one: { rate: 1000/s, partitionKey: 'orders' }`,
    },
    {
      name: 'a provisioned stream with no shards written has one',
      code: `${R}  p: { type: kinesis, mode: provisioned, encryption: kms }\nflows:\n  - web -> p: { rate: 10/s, partitionKey: "orders" }`,
    },
    { name: 'no partitionKey', code: `${R}flows:\n  - web -> four: { rate: 3000/s }` },
    {
      name: 'partitionKey on a connection that is not into Kinesis',
      code: `${R}  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - web -> q: { partitionKey: orders }\n  - q -> f`,
    },
    {
      name: 'half-typed: partitionKey with no value',
      code: `${R}flows:\n  - web -> four:\n      partitionKey:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: shards not a number yet',
      code: `${R}  s: { type: kinesis, shards: many, encryption: kms }\nflows:\n  - web -> s: { partitionKey: orders }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'a quoted constant key into four shards, no rate',
      code: `${R}flows:\n  - web -> four: { partitionKey: «'orders'» }`,
      errors: [
        {
          messageId: 'hotShard',
          severity: 'warning',
          message:
            "Partition key 'orders' is the same on every record: Kinesis hashes the key to pick the shard, so all writes into stream 'four' (4 shards) from 'web' go to one shard, at most 1,000 records/s and 1 MiB/s. Use a key that varies per record (write `$field` for a key taken from each record).",
          suggestions: [`${R}flows:\n  - web -> four: { partitionKey: '$orders' }`],
        },
      ],
    },
    {
      name: 'on-demand, explicit or by default; a quoted key keeps its quotes',
      code: `${R}  implicit: { type: kinesis, encryption: kms }\nflows:\n  - web -> auto: { rate: 1000/s, partitionKey: «'tenant-1'» }\n  - app -> implicit: { partitionKey: «all events» }`,
      errors: [
        {
          messageId: 'hotShard',
          message: /into stream 'auto' \(on-demand\) from 'web'/,
          suggestions: [
            `${R}  implicit: { type: kinesis, encryption: kms }\nflows:\n  - web -> auto: { rate: 1000/s, partitionKey: '$tenant-1' }\n  - app -> implicit: { partitionKey: all events }`,
          ],
        },
        { messageId: 'hotShard', message: /stream 'implicit' \(on-demand\)/, suggestions: [] },
      ],
    },
    {
      name: "1,000 records/s is one shard's limit: still only a warning",
      code: `${R}flows:\n  - web -> four: { rate: 1000/s, size: 1KB, partitionKey: «'orders'» }`,
      errors: [{ messageId: 'hotShard', severity: 'warning' }],
    },
    {
      name: '1,001 records/s with one constant key: over one shard, an error',
      code: `${R}flows:\n  - web -> four: { rate: 1001/s, partitionKey: «'orders'» }`,
      errors: [
        {
          messageId: 'overOneShard',
          severity: 'error',
          message:
            "Partition key 'orders' is the same on every record, so all 1,001 records/s into stream 'four' (4 shards) from 'web' go to one shard, over its write limit of 1,000 records/s and 1 MiB/s: Kinesis throttles the writes beyond it however many shards the stream has. Use a key that varies per record (write `$field` for a key taken from each record).",
        },
      ],
    },
    {
      name: 'bytes: 1 MiB/s is fine, 1 MiB/s and a byte is over',
      code: `${R}flows:\n  - web -> four: { rate: 2/s, size: 512KB, partitionKey: «'a'» }\n  - app -> auto: { rate: 2/s, size: 524289, partitionKey: «'b'» }`,
      errors: [{ messageId: 'hotShard' }, { messageId: 'overOneShard', message: /all 2 records\/s \(1 MiB\/s\) into stream 'auto'/ }],
    },
    {
      name: 'the same key from two producers lands on one shard: their rates add up',
      code: `${R}flows:\n  - web -> four: { rate: 600/s, partitionKey: «'orders'» }\n  - app -> four: { rate: 600/s, partitionKey: «'orders'» }`,
      errors: [
        { messageId: 'overOneShard', message: /all 1,200 records\/s into stream 'four' \(4 shards\) from 'web', 'app'/ },
        { messageId: 'overOneShard' },
      ],
    },
    {
      name: 'different constant keys are counted apart',
      code: `${R}flows:\n  - web -> four: { rate: 600/s, partitionKey: «'web'» }\n  - app -> four: { rate: 600/s, partitionKey: «'app'» }`,
      errors: [{ messageId: 'hotShard' }, { messageId: 'hotShard' }],
    },
    {
      name: 'a fan-in entry: one finding on its key, rates summed',
      code: `${R}flows:\n  - web, app -> four: { rate: 501/s, partitionKey: «'orders'» }   # both\n`,
      errors: [{ messageId: 'overOneShard', message: /all 1,002 records\/s/ }],
    },
    {
      name: 'a rate passed on from upstream counts too',
      code: `${R}  api: { type: api-gateway }\nflows:\n  - web -> api: { rate: 2000/s }\n  - api -> four: { partitionKey: «'orders'» }`,
      errors: [{ messageId: 'overOneShard', message: /all 2,000 records\/s into stream 'four' \(4 shards\) from 'api'/ }],
    },
    {
      name: 'a quoted number reads like no field: nothing to suggest',
      code: `${R}flows:\n  - web -> four: { partitionKey: «'7'» }`,
      errors: [{ messageId: 'hotShard', message: /Partition key '7'/, suggestions: [] }],
    },
  ],
});
