import rule from '../../../../src/core/rules/kinesis/shard-capacity';
import { ruleTester } from '../../../helpers/rule-tester';

const c = 'resources:\n  c: { type: client }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'examples/clickstream: 3,000 records/s of 1KB into 4 shards',
      code: `${c}  s: { type: kinesis, mode: provisioned, shards: 4 }\nflows:\n  - c -> s: { rate: 3000/s, size: 1KB }`,
    },
    {
      name: 'exactly 1,000 records/s into 1 shard',
      code: `${c}  s: { type: kinesis, shards: 1 }\nflows:\n  - c -> s: { rate: 1000/s, size: 1KB }`,
    },
    { name: 'exactly 1 MiB/s into 1 shard', code: `${c}  s: { type: kinesis, shards: 1 }\nflows:\n  - c -> s: { rate: 512/s, size: 2KB }` },
    {
      name: 'shards from defaults',
      code: `defaults:\n  kinesis: { shards: 4 }\n${c}  s: { type: kinesis }\nflows:\n  - c -> s: { rate: 4000/s }`,
    },
    {
      name: 'on-demand (neither mode nor shards): shards are not counted',
      code: `${c}  s: { type: kinesis }\nflows:\n  - c -> s: { rate: 100000/s, size: 1KB }`,
    },
    {
      name: 'on-demand: exactly 200 MiB/s',
      code: `${c}  s: { type: kinesis, mode: on-demand }\nflows:\n  - c -> s: { rate: 204800/s, size: 1KB }`,
    },
    {
      name: 'on-demand in us-east-1: up to 10 GiB/s',
      code: `region: us-east-1\n${c}  s: { type: kinesis, mode: on-demand }\nflows:\n  - c -> s: { rate: 300000/s, size: 1KB }`,
    },
    { name: 'no rate declared', code: `${c}  s: { type: kinesis, shards: 1 }\nflows:\n  - c -> s: { size: 1KB }` },
    {
      name: 'half-typed shards',
      code: `${c}  s:\n    type: kinesis\n    shards:\nflows:\n  - c -> s: { rate: 5000/s }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'just over 1,000 records/s per shard',
      code: `${c}  s: { type: kinesis, shards: «1» }\nflows:\n  - c -> s: { rate: 1001/s, size: 100 }`,
      errors: [
        {
          messageId: 'overShards',
          fix: { title: 'Set shards to 2 (overrides shards: 1; each shard is billed by the hour)', safeForFixAll: false },
          message:
            'Writes of 1,001 records/s (97.75 KiB/s) into Kinesis stream s need 2 shards, over the 1 set (at most 1,000 records/s and 1 MiB/s at 1,000 records/s and 1 MiB/s per shard); Kinesis throttles the writes beyond that.',
        },
      ],
      output: `${c}  s: { type: kinesis, shards: 2 }\nflows:\n  - c -> s: { rate: 1001/s, size: 100 }`,
    },
    {
      name: 'just over 1 MiB/s per shard',
      code: `${c}  s: { type: kinesis, shards: «1» }\nflows:\n  - c -> s: { rate: 513/s, size: 2KB }`,
      errors: [
        {
          messageId: 'overShards',
          fix: { title: 'Set shards to 2 (overrides shards: 1; each shard is billed by the hour)', safeForFixAll: false },
        },
      ],
      output: `${c}  s: { type: kinesis, shards: 2 }\nflows:\n  - c -> s: { rate: 513/s, size: 2KB }`,
    },
    {
      name: 'clickstream at 5,000 records/s: block style, comment kept',
      code: `${c}  clicks:\n    type: kinesis\n    mode: provisioned\n    shards: «4»   # sized for launch\nflows:\n  - c -> clicks: { rate: 5000/s, size: 1KB }\n`,
      errors: [
        {
          messageId: 'overShards',
          fix: { title: 'Set shards to 5 (overrides shards: 4; each shard is billed by the hour)', safeForFixAll: false },
          message:
            'Writes of 5,000 records/s (4.88 MiB/s) into Kinesis stream clicks need 5 shards, over the 4 set (at most 4,000 records/s and 4 MiB/s at 1,000 records/s and 1 MiB/s per shard); Kinesis throttles the writes beyond that.',
        },
      ],
      output: `${c}  clicks:\n    type: kinesis\n    mode: provisioned\n    shards: 5   # sized for launch\nflows:\n  - c -> clicks: { rate: 5000/s, size: 1KB }\n`,
    },
    {
      name: 'provisioned with no shards: on the key, shards inserted',
      code: `${c}  «s»: { type: kinesis, mode: provisioned }\nflows:\n  - c -> s: { rate: 1500/s }`,
      errors: [
        {
          messageId: 'overNoShards',
          fix: { title: 'Set shards to 2', safeForFixAll: true },
          message:
            'Writes of 1,500 records/s into provisioned Kinesis stream s need 2 shards, and none are set (1 shard: 1,000 records/s and 1 MiB/s); Kinesis throttles the writes beyond that.',
        },
      ],
      output: `${c}  s: { type: kinesis, mode: provisioned, shards: 2 }\nflows:\n  - c -> s: { rate: 1500/s }`,
    },
    {
      name: 'shards from defaults: on the defaults value; the stream gets its own count',
      code: `defaults:\n  kinesis: { shards: «2» }\n${c}  s: { type: kinesis }\nflows:\n  - c -> s: { rate: 2500/s }`,
      errors: [
        {
          messageId: 'overShards',
          fix: { title: 'Set shards to 3 (overrides shards: 2; each shard is billed by the hour)', safeForFixAll: false },
        },
      ],
      output: `defaults:\n  kinesis: { shards: 2 }\n${c}  s: { type: kinesis, shards: 3 }\nflows:\n  - c -> s: { rate: 2500/s }`,
    },
    {
      name: 'fan-in adds up',
      code: 'resources:\n  a: { type: client }\n  b: { type: ecs }\n  s: { type: kinesis, shards: «1» }\nflows:\n  - a, b -> s: { rate: 600/s }',
      errors: [
        {
          messageId: 'overShards',
          fix: { title: 'Set shards to 2 (overrides shards: 1; each shard is billed by the hour)', safeForFixAll: false },
          message: /1,200 records\/s into Kinesis stream s need 2 shards/,
        },
      ],
      output:
        'resources:\n  a: { type: client }\n  b: { type: ecs }\n  s: { type: kinesis, shards: 2 }\nflows:\n  - a, b -> s: { rate: 600/s }',
    },
    {
      name: 'a rate passed on through a chain',
      code: `${c}  f: { type: lambda }\n  s: { type: kinesis, shards: «2» }\nflows:\n  - c -> f: { rate: 2001/s, size: 512 }\n  - f -> s`,
      errors: [
        {
          messageId: 'overShards',
          fix: { title: 'Set shards to 3 (overrides shards: 2; each shard is billed by the hour)', safeForFixAll: false },
        },
      ],
      output: `${c}  f: { type: lambda }\n  s: { type: kinesis, shards: 3 }\nflows:\n  - c -> f: { rate: 2001/s, size: 512 }\n  - f -> s`,
    },
    {
      name: 'on-demand, no region: over 200 MB/s, on the key',
      code: `${c}  «s»: { type: kinesis }\nflows:\n  - c -> s: { rate: 210000/s, size: 1KB }`,
      errors: [
        {
          messageId: 'overOnDemand',
          message:
            'Writes of 205.08 MiB/s into on-demand Kinesis stream s are over the on-demand maximum of 200 MB/s (no region set); Kinesis throttles the writes beyond it.',
        },
      ],
    },
    {
      name: 'on-demand in eu-central-1: 200 MB/s, on the mode',
      code: `region: eu-central-1\n${c}  s: { type: kinesis, mode: «on-demand» }\nflows:\n  - c -> s: { rate: 210000/s, size: 1KB }`,
      errors: [{ messageId: 'overOnDemand', message: /maximum of 200 MB\/s \(Region eu-central-1\)/ }],
    },
    {
      name: 'on-demand in us-east-1: over 10 GB/s',
      code: `region: us-east-1\n${c}  s: { type: kinesis, mode: «on-demand» }\nflows:\n  - c -> s: { rate: 11000000/s, size: 1KB }`,
      errors: [
        {
          messageId: 'overOnDemand',
          message:
            'Writes of 10.49 GiB/s into on-demand Kinesis stream s are over the on-demand maximum of 10 GB/s (us-east-1); Kinesis throttles the writes beyond it.',
        },
      ],
    },
  ],
});
