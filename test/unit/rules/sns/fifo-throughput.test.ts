import rule from '../../../../src/core/rules/sns/fifo-throughput';
import { ruleTester } from '../../../helpers/rule-tester';

const head = 'resources:\n  svc: { type: ecs }\n  t.fifo: { type: sns, fifo: true }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'standard topic: no FIFO limit',
      code: 'resources:\n  svc: { type: ecs }\n  t: { type: sns }\nflows:\n  - svc -> t: { rate: 10000/s, size: 100KB }',
    },
    { name: 'exactly 3,000 messages/s', code: `${head}flows:\n  - svc -> t.fifo: { rate: 3000/s, size: 6KB }` },
    { name: 'exactly 20 MiB/s', code: `${head}flows:\n  - svc -> t.fifo: { rate: 2048/s, size: 10KB }` },
    { name: 'fan-in within the limit', code: `${head}  api: { type: api-gateway }\nflows:\n  - svc, api -> t.fifo: { rate: 1500/s }` },
    { name: 'exactly 300 messages/s per message group', code: `${head}flows:\n  - svc -> t.fifo: { rate: 900/s, messageGroups: 3 }` },
    {
      name: 'exactly 300 messages/s per message group, batched',
      code: `${head}flows:\n  - svc -> t.fifo: { rate: 300/s, batching: true, messageGroups: 1 }`,
    },
    { name: 'no rate declared', code: `${head}flows:\n  - svc -> t.fifo: { size: 200KB }` },
    { name: 'half-typed', code: `${head}flows:\n  - svc -> t.fifo: { rate:, size: }`, ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'just over 300 messages/s into one message group: on messageGroups, with more groups as the quick fix',
      code: `${head}flows:\n  - svc -> t.fifo: { rate: 301/s, messageGroups: «1» }`,
      errors: [
        {
          messageId: 'overGroups',
          message:
            '301 messages/s published to FIFO topic t.fifo over 1 message group are over the 300 messages/s those groups take (300 messages/s per message group); SNS throttles the publishes beyond it.',
          suggestions: [`${head}flows:\n  - svc -> t.fifo: { rate: 301/s, messageGroups: 2 }`],
        },
      ],
    },
    {
      name: 'the per-group figure counts messages: batching (PublishBatch) does not raise it',
      code: `${head}flows:\n  - svc -> t.fifo: { rate: 301/s, batching: true, messageGroups: «1» }`,
      errors: [
        {
          messageId: 'overGroups',
          message:
            '301 messages/s published to FIFO topic t.fifo over 1 message group are over the 300 messages/s those groups take (300 messages/s per message group); SNS throttles the publishes beyond it.',
          suggestions: [`${head}flows:\n  - svc -> t.fifo: { rate: 301/s, batching: true, messageGroups: 2 }`],
        },
      ],
    },
    {
      name: 'two connections short of groups: on the topic key; a third without messageGroups is not counted',
      code: 'resources:\n  svc: { type: ecs }\n  api: { type: api-gateway }\n  «t.fifo»: { type: sns, fifo: true }\nflows:\n  - svc -> t.fifo: { rate: 700/s, messageGroups: 2 }\n  - api -> t.fifo: { rate: 400/s, messageGroups: 1 }\n  - api -> t.fifo: { rate: 1000/s }\n',
      errors: [
        {
          messageId: 'overGroups',
          message: /^1,100 messages\/s published to FIFO topic t\.fifo over 3 message groups are over the 900 messages\/s/,
          suggestions: [
            'resources:\n  svc: { type: ecs }\n  api: { type: api-gateway }\n  t.fifo: { type: sns, fifo: true }\nflows:\n  - svc -> t.fifo: { rate: 700/s, messageGroups: 3 }\n  - api -> t.fifo: { rate: 400/s, messageGroups: 2 }\n  - api -> t.fifo: { rate: 1000/s }\n',
          ],
        },
      ],
    },
    {
      name: 'over the topic quota too: that finding only',
      code: `${head}flows:\n  - svc -> t.fifo: { rate: «3001/s», messageGroups: 1 }`,
      errors: [{ messageId: 'overMessages' }],
    },
    {
      name: 'just over 3,000 messages/s: on the rate',
      code: `${head}flows:\n  - svc -> t.fifo: { rate: «3001/s» }`,
      errors: [
        {
          messageId: 'overMessages',
          message:
            '3,001 messages/s published to FIFO topic t.fifo is over its 3,000 messages/s limit; SNS throttles the publishes beyond it.',
        },
      ],
    },
    {
      name: 'just over 20 MiB/s: on the size',
      code: `${head}flows:\n  - svc -> t.fifo: { rate: 2049/s, size: «10KB» }`,
      errors: [
        {
          messageId: 'overBytes',
          message:
            '20.01 MiB/s published to FIFO topic t.fifo (2,049 messages/s) is over its 20 MB/s limit; SNS throttles the publishes beyond it.',
        },
      ],
    },
    {
      name: 'over both: on the rate; block style with a comment',
      code: 'resources:\n  svc: { type: ecs }\n  t.fifo:\n    type: sns\n    fifo: true\nflows:\n  - svc -> t.fifo:\n      rate: «4000/s»   # launch day\n      size: 6KB\n',
      errors: [
        {
          messageId: 'overBoth',
          message:
            '4,000 messages/s (23.44 MiB/s) published to FIFO topic t.fifo is over both its 3,000 messages/s and 20 MB/s limits; SNS throttles the publishes beyond them.',
        },
      ],
    },
    {
      name: 'bytes over with the size from upstream: on the rate',
      code: 'resources:\n  c: { type: client }\n  f: { type: lambda }\n  t.fifo: { type: sns, fifo: true }\nflows:\n  - c -> f: { rate: 2100/s, size: 10KB }\n  - f -> t.fifo: { rate: «2100/s» }',
      errors: [{ messageId: 'overBytes' }],
    },
    {
      name: 'fan-in: on the topic key with related entries',
      code: 'resources:\n  svc: { type: ecs }\n  api: { type: api-gateway }\n  «t.fifo»: { type: sns, fifo: true }\nflows:\n  - svc, api -> t.fifo: { rate: 1501/s }',
      errors: [
        {
          messageId: 'overMessages',
          message:
            '3,002 messages/s published to FIFO topic t.fifo is over its 3,000 messages/s limit; SNS throttles the publishes beyond it.',
        },
      ],
    },
    {
      name: 'a rate passed on through a chain: on the topic key',
      code: 'resources:\n  c: { type: client }\n  f: { type: lambda }\n  «t.fifo»: { type: sns, fifo: true }\nflows:\n  - c -> f: { rate: 3500/s }\n  - f -> t.fifo',
      errors: [{ messageId: 'overMessages' }],
    },
    {
      name: 'fan-out to two FIFO topics: one finding each',
      code: 'resources:\n  svc: { type: ecs }\n  a.fifo: { type: sns, fifo: true }\n  b.fifo: { type: sns, fifo: true }\nflows:\n  - svc -> a.fifo, b.fifo: { rate: ««3500/s»» }',
      errors: [
        { messageId: 'overMessages', message: /topic a\.fifo/ },
        { messageId: 'overMessages', message: /topic b\.fifo/ },
      ],
    },
  ],
});
