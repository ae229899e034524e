import rule from '../../../../src/core/rules/kinesis/read-fan-out';
import { ruleTester } from '../../../helpers/rule-tester';

const fns = (ids: string[]) => ids.map((id) => `  ${id}: { type: lambda }\n`).join('');
const six = ['a', 'b', 'd', 'e', 'f', 'g'];

ruleTester(rule, {
  valid: [
    {
      name: 'examples/clickstream: two consumers of 750 KiB/s per shard',
      code: 'resources:\n  c: { type: client }\n  clicks: { type: kinesis, mode: provisioned, shards: 4 }\n  sessionize: { type: lambda }\n  archive: { type: firehose }\n  lake: { type: s3 }\nflows:\n  - c -> clicks: { rate: 3000/s, size: 1KB }\n  - clicks -> sessionize: { batchSize: 500, batchWindow: 5s }\n  - clicks -> archive\n  - archive -> lake',
    },
    {
      name: 'five consumers',
      code: `resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 1 }\n${fns(['a', 'b', 'd', 'e', 'f'])}flows:\n  - c -> s: { rate: 10/s }\n  - s -> a, b, d, e, f`,
    },
    {
      name: 'exactly 2 MiB/s per shard: two consumers of 1 MiB/s',
      code: `resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 1 }\n${fns(['a', 'b'])}flows:\n  - c -> s: { rate: 512/s, size: 2KB }\n  - s -> a, b`,
    },
    {
      name: 'just under 2 MiB/s: three consumers of 682 KiB/s',
      code: `resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 1 }\n${fns(['a', 'b', 'd'])}flows:\n  - c -> s: { rate: 682/s, size: 1KB }\n  - s -> a, b, d`,
    },
    {
      name: "writes over a shard's 1 MiB/s are kinesis/shard-capacity's finding, not a read one",
      code: `resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 1 }\n${fns(['a', 'b'])}flows:\n  - c -> s: { rate: 900/s, size: 4KB }\n  - s -> a, b`,
      ruleSeverities: { 'kinesis/shard-capacity': 'off' },
    },
    {
      name: 'enhanced fan-out consumers do not share',
      code: `resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 1 }\n${fns(six)}flows:\n  - c -> s: { rate: 512/s, size: 2KB }\n  - s -> a, b\n  - s -> d, e, f, g: { enhancedFanOut: true }`,
    },
    {
      name: 'on-demand: only the number of consumers counts',
      code: `resources:\n  c: { type: client }\n  s: { type: kinesis }\n${fns(['a', 'b', 'd'])}flows:\n  - c -> s: { rate: 5000/s, size: 10KB }\n  - s -> a, b, d`,
    },
    { name: 'no rate declared', code: `resources:\n  s: { type: kinesis, shards: 1 }\n${fns(['a', 'b', 'd'])}flows:\n  - s -> a, b, d` },
    {
      name: 'half-typed shards and enhancedFanOut',
      code: `resources:\n  c: { type: client }\n  s:\n    type: kinesis\n    shards:\n${fns(['a', 'b', 'd'])}flows:\n  - c -> s: { rate: 512/s, size: 2KB }\n  - s -> a, b, d: { enhancedFanOut: }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'six standard consumers: the last one moves to enhanced fan-out',
      code: `resources:\n  c: { type: client }\n  «s»: { type: kinesis, shards: 2 }\n${fns(six)}flows:\n  - c -> s: { rate: 100/s }\n  - s -> a\n  - s -> b\n  - s -> d, e\n  - s -> f\n  - s -> g\n`,
      errors: [
        {
          messageId: 'tooManyConsumers',
          message:
            '6 standard consumers share the read throughput of Kinesis stream s, over the 5 GetRecords calls/s per shard they share; their reads are throttled and fall behind.',
          suggestions: [
            `resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 2 }\n${fns(six)}flows:\n  - c -> s: { rate: 100/s }\n  - s -> a\n  - s -> b\n  - s -> d, e\n  - s -> f\n  - s -> g: { enhancedFanOut: true }\n`,
          ],
        },
      ],
    },
    {
      name: 'a Firehose consumer reads only through GetRecords: the one before it moves',
      code: `resources:\n  «s»: { type: kinesis, mode: provisioned }\n${fns(['a', 'b', 'd', 'e', 'f'])}  h: { type: firehose }\n  lake: { type: s3 }\nflows:\n  - s -> a, b, d, e\n  - s -> f: { batchSize: 100 }\n  - s -> h\n  - h -> lake\n`,
      errors: [
        {
          messageId: 'tooManyConsumers',
          suggestions: [
            `resources:\n  s: { type: kinesis, mode: provisioned }\n${fns(['a', 'b', 'd', 'e', 'f'])}  h: { type: firehose }\n  lake: { type: s3 }\nflows:\n  - s -> a, b, d, e\n  - s -> f: { batchSize: 100, enhancedFanOut: true }\n  - s -> h\n  - h -> lake\n`,
          ],
        },
      ],
    },
    {
      name: 'one fan-out entry of six: the property applies to all of them',
      code: `resources:\n  «s»: { type: kinesis, shards: 1 }\n${fns(six)}flows:\n  - s -> a, b, d, e, f, g`,
      errors: [
        {
          messageId: 'tooManyConsumers',
          suggestions: [
            `resources:\n  s: { type: kinesis, shards: 1 }\n${fns(six)}flows:\n  - s -> a, b, d, e, f, g: { enhancedFanOut: true }`,
          ],
        },
      ],
    },
    {
      name: 'three consumers of 1 MiB/s per shard: over 2 MiB/s',
      code: `resources:\n  c: { type: client }\n  «s»: { type: kinesis, shards: 1 }\n${fns(['a', 'b', 'd'])}flows:\n  - c -> s: { rate: 512/s, size: 2KB }\n  - s -> a, b\n  - s -> d: { enhancedFanOut: false }`,
      errors: [
        {
          messageId: 'overReadBytes',
          message:
            '3 standard consumers of Kinesis stream s read 1 MiB/s per shard each, 3 MiB/s per shard in all, over the 2 MiB/s per shard they share; their reads are throttled and fall behind.',
          suggestions: [
            `resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 1 }\n${fns(['a', 'b', 'd'])}flows:\n  - c -> s: { rate: 512/s, size: 2KB }\n  - s -> a, b\n  - s -> d: { enhancedFanOut: true }`,
          ],
        },
      ],
    },
    {
      name: 'just over 2 MiB/s: three consumers of 683 KiB/s; block style, comment kept',
      code: `resources:\n  c: { type: client }\n  «s»:\n    type: kinesis\n    shards: 1\n${fns(['a', 'd', 'b'])}flows:\n  - c -> s: { rate: 683/s, size: 1KB }\n  - s -> a, d\n  - s -> b:\n      batchSize: 50   # small batches\n`,
      errors: [
        {
          messageId: 'overReadBytes',
          message: /^3 standard consumers of Kinesis stream s read 683 KiB\/s per shard each/,
          suggestions: [
            `resources:\n  c: { type: client }\n  s:\n    type: kinesis\n    shards: 1\n${fns(['a', 'd', 'b'])}flows:\n  - c -> s: { rate: 683/s, size: 1KB }\n  - s -> a, d\n  - s -> b:\n      batchSize: 50   # small batches\n      enhancedFanOut: true\n`,
          ],
        },
      ],
    },
    {
      name: 'fan-in into the stream, read by three',
      code: `resources:\n  c: { type: client }\n  w: { type: ecs }\n  «s»: { type: kinesis, shards: 2 }\n${fns(['a', 'b', 'd'])}flows:\n  - c, w -> s: { rate: 400/s, size: 2KB }\n  - s -> a, b, d`,
      errors: [
        {
          messageId: 'overReadBytes',
          message: /^3 standard consumers of Kinesis stream s read 800 KiB\/s per shard each, 2\.34 MiB\/s per shard in all/,
        },
      ],
    },
    {
      name: 'Firehose consumers only: no suggestion',
      code: 'resources:\n  c: { type: client }\n  «s»: { type: kinesis, shards: 1 }\n  h1: { type: firehose }\n  h2: { type: firehose }\n  h3: { type: firehose }\n  lake: { type: s3 }\nflows:\n  - c -> s: { rate: 512/s, size: 2KB }\n  - s -> h1, h2, h3\n  - h1, h2, h3 -> lake',
      errors: [{ messageId: 'overReadBytes', suggestions: [] }],
    },
  ],
});
