import rule from '../../../../src/core/rules/sqs/fifo-throughput';
import { ruleTester } from '../../../helpers/rule-tester';

const svc = 'resources:\n  svc: { type: ecs }\n';

ruleTester(rule, {
  valid: [
    { name: 'standard queue: no FIFO limit', code: `${svc}  q: { type: sqs }\nflows:\n  - svc -> q: { rate: 5000/s }` },
    {
      name: 'exactly 300/s without batching',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: 300/s }`,
    },
    {
      name: 'exactly 3,000/s in batches of 10',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: 3000/s, batching: true }`,
    },
    {
      name: 'fan-in within the limit',
      code: `${svc}  api: { type: api-gateway }\n  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc, api -> q.fifo: { rate: 150/s }`,
    },
    {
      name: 'high-throughput mode in us-east-1: 70,000 calls/s',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 70000/s }`,
    },
    {
      name: 'high-throughput mode in eu-west-2: 4,500 calls/s, batched × 10',
      code: `region: eu-west-2\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 45000/s, batching: true }`,
    },
    {
      name: 'high-throughput mode, no region: the lowest tier, 2,400 calls/s',
      code: `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 2400/s }`,
    },
    {
      name: 'high-throughput mode from defaults',
      code: `defaults:\n  sqs: { highThroughput: true }\n${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: 144000/min }`,
    },
    { name: 'no rate declared', code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo` },
    {
      name: 'a consumer of the queue is not a producer',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\n  f: { type: lambda }\nflows:\n  - svc -> q.fifo: { rate: 100/s }\n  - q.fifo -> f: { rate: 5000/s }`,
    },
    {
      name: 'high-throughput mode: exactly 4 message groups × 300 calls/s',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 1200/s, messageGroups: 4 }`,
    },
    {
      name: 'one message group in batches of 10: 3,000 messages/s is 300 calls/s',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 3000/s, batching: true, messageGroups: 1 }`,
    },
    {
      name: "no high-throughput mode: one group takes the queue's 300 calls/s",
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: 300/s, messageGroups: 1 }`,
    },
    {
      name: 'groups are counted per connection: two senders with 2 groups each take 1,200 calls/s',
      code: `region: us-east-1\n${svc}  w: { type: ec2 }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc, w -> q.fifo: { rate: 600/s, messageGroups: 2 }`,
    },
    {
      name: 'half-typed: rate and highThroughput without values',
      code: `${svc}  q.fifo:\n    type: sqs\n    fifo: true\n    highThroughput:\nflows:\n  - svc -> q.fifo: { rate: }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'high-throughput mode, 1,000 calls/s into one message group: on messageGroups; batching or 4 groups would do',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 1000/s, messageGroups: «1» }`,
      errors: [
        {
          messageId: 'overGroups',
          message:
            "1,000 messages/s into FIFO queue q.fifo make 1,000 send calls/s (no batching) over 1 message group, which take at most 300 API calls/s (300 per message group: each group is one partition), whatever the queue's 70,000 (high-throughput mode, us-east-1); SQS throttles the sends beyond it.",
          suggestions: [
            `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 1000/s, messageGroups: 1, batching: true }`,
            `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 1000/s, messageGroups: 4 }`,
          ],
        },
      ],
    },
    {
      name: 'just over 4 groups × 300 calls/s: 5 groups',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 1201/s, messageGroups: «4» }`,
      errors: [
        {
          messageId: 'overGroups',
          message:
            /^1,201 messages\/s into FIFO queue q\.fifo make 1,201 send calls\/s \(no batching\) over 4 message groups, which take at most 1,200 API calls\/s/,
          suggestions: [
            `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 1201/s, messageGroups: 4, batching: true }`,
            `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 1201/s, messageGroups: 5 }`,
          ],
        },
      ],
    },
    {
      name: 'batched into one group, just over 3,000 messages/s: more groups only',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 3010/s, batching: true, messageGroups: «1» }`,
      errors: [
        {
          messageId: 'overGroups',
          message: /make 301 send calls\/s \(batches of 10\) over 1 message group, which take at most 300 API calls\/s/,
          suggestions: [
            `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 3010/s, batching: true, messageGroups: 2 }`,
          ],
        },
      ],
    },
    {
      name: 'API Gateway cannot batch: more message groups only',
      code: 'region: us-east-1\nresources:\n  api: { type: api-gateway }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - api -> q.fifo: { rate: 1000/s, messageGroups: «2» }',
      errors: [
        {
          messageId: 'overGroups',
          suggestions: [
            'region: us-east-1\nresources:\n  api: { type: api-gateway }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - api -> q.fifo: { rate: 1000/s, messageGroups: 4 }',
          ],
        },
      ],
    },
    {
      name: 'fan-in sharing one messageGroups value: on it, the calls of both senders',
      code: `region: us-east-1\n${svc}  w: { type: ec2 }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc, w -> q.fifo: { rate: 400/s, messageGroups: «1» }\n`,
      errors: [
        {
          messageId: 'overGroups',
          message:
            /^800 messages\/s into FIFO queue q\.fifo make 800 send calls\/s \(no batching\) over 2 message groups, which take at most 600 API calls\/s/,
        },
      ],
    },
    {
      name: 'two entries short of groups: on the queue key, each entry as related information',
      code: `region: us-east-1\n${svc}  w: { type: ec2 }\n  «q.fifo»: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 400/s, messageGroups: 1 }\n  - w -> q.fifo: { rate: 700/s, messageGroups: 2 }\n  - w -> q.fifo: { rate: 100/s }\n`,
      errors: [
        {
          messageId: 'overGroups',
          message:
            /^1,100 messages\/s into FIFO queue q\.fifo make 1,100 send calls\/s \(no batching\) over 3 message groups, which take at most 900 API calls\/s/,
          suggestions: [
            `region: us-east-1\n${svc}  w: { type: ec2 }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 400/s, messageGroups: 1, batching: true }\n  - w -> q.fifo: { rate: 700/s, messageGroups: 2, batching: true }\n  - w -> q.fifo: { rate: 100/s }\n`,
            `region: us-east-1\n${svc}  w: { type: ec2 }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 400/s, messageGroups: 2 }\n  - w -> q.fifo: { rate: 700/s, messageGroups: 3 }\n  - w -> q.fifo: { rate: 100/s }\n`,
          ],
        },
      ],
    },
    {
      name: 'over the 300 calls/s of a queue without high-throughput mode, in one group: high-throughput mode alone would not do, so it comes with more groups',
      code: 'resources:\n  api: { type: api-gateway }\n  q.fifo: { type: sqs, fifo: true }\nflows:\n  - api -> q.fifo: { rate: «1000/s», messageGroups: 1 }',
      errors: [
        {
          messageId: 'overLimit',
          message:
            '1,000 messages/s into FIFO queue q.fifo is over its 300 API calls/s send limit (no batching, no high-throughput mode); SQS throttles the sends beyond it.',
          suggestions: [
            'resources:\n  api: { type: api-gateway }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - api -> q.fifo: { rate: 1000/s, messageGroups: 4 }',
          ],
        },
      ],
    },
    {
      name: 'batching is enough for the queue and for the group: batching only',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: «2000/s», messageGroups: 1 }`,
      errors: [
        {
          messageId: 'overLimit',
          suggestions: [
            `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: 2000/s, messageGroups: 1, batching: true }`,
            `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 2000/s, messageGroups: 7 }`,
          ],
        },
      ],
    },
    {
      name: 'just over 300/s: on the rate; batching or high-throughput mode would do',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: «301/s» }`,
      errors: [
        {
          messageId: 'overLimit',
          message:
            '301 messages/s into FIFO queue q.fifo is over its 300 API calls/s send limit (no batching, no high-throughput mode); SQS throttles the sends beyond it.',
          suggestions: [
            `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: 301/s, batching: true }`,
            `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 301/s }`,
          ],
        },
      ],
    },
    {
      name: 'batched, just over 3,000/s',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: «3010/s», batching: true }`,
      errors: [
        {
          messageId: 'overLimitBatched',
          message:
            '3,010 messages/s into FIFO queue q.fifo make 301 send calls/s (batches of 10), over its 300 API calls/s send limit (no high-throughput mode); SQS throttles the sends beyond it.',
          suggestions: [
            `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 3010/s, batching: true }`,
          ],
        },
      ],
    },
    {
      name: 'API Gateway cannot batch: high-throughput mode only (examples/mistakes.awsflow); block style, comment kept',
      code: 'resources:\n  api: { type: api-gateway }\n  orders.fifo:\n    type: sqs\n    fifo: true   # ordered per customer\nflows:\n  - api -> orders.fifo: { rate: «1000/s» }   # checkout\n',
      errors: [
        {
          messageId: 'overLimit',
          message:
            '1,000 messages/s into FIFO queue orders.fifo is over its 300 API calls/s send limit (no batching, no high-throughput mode); SQS throttles the sends beyond it.',
          suggestions: [
            'resources:\n  api: { type: api-gateway }\n  orders.fifo:\n    type: sqs\n    fifo: true   # ordered per customer\n    highThroughput: true\nflows:\n  - api -> orders.fifo: { rate: 1000/s }   # checkout\n',
          ],
        },
      ],
    },
    {
      name: 'high-throughput mode in us-east-1, just over 70,000 calls/s',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: «70001/s» }`,
      errors: [
        {
          messageId: 'overLimit',
          message:
            '70,001 messages/s into FIFO queue q.fifo is over its 70,000 API calls/s send limit (no batching, high-throughput mode, us-east-1); SQS throttles the sends beyond it.',
          suggestions: [
            `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 70001/s, batching: true }`,
          ],
        },
      ],
    },
    {
      name: 'high-throughput mode in us-east-1, batched, just over 700,000 messages/s: nothing left to suggest',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: «700010/s», batching: true }`,
      errors: [
        {
          messageId: 'overLimitBatched',
          message:
            '700,010 messages/s into FIFO queue q.fifo make 70,001 send calls/s (batches of 10), over its 70,000 API calls/s send limit (high-throughput mode, us-east-1); SQS throttles the sends beyond it.',
          suggestions: [],
        },
      ],
    },
    {
      name: 'high-throughput mode with no region: the lowest tier, just over 2,400 calls/s',
      code: `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: «2401/s» }`,
      errors: [
        {
          messageId: 'overLimit',
          message:
            '2,401 messages/s into FIFO queue q.fifo is over its 2,400 API calls/s send limit (no batching, high-throughput mode, no region set: lowest Regional tier); SQS throttles the sends beyond it.',
          suggestions: [
            `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 2401/s, batching: true }`,
          ],
        },
      ],
    },
    {
      name: 'high-throughput mode in an unlisted Region: the lowest tier',
      code: `region: eu-north-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: «3000/s» }`,
      errors: [
        {
          messageId: 'overLimit',
          message: /over its 2,400 API calls\/s send limit \(no batching, high-throughput mode, Region eu-north-1: lowest Regional tier\)/,
        },
      ],
    },
    {
      name: 'the same rate is fine in us-east-1 with high-throughput mode, not without: the suggestion names the Region',
      code: `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: false }\nflows:\n  - svc -> q.fifo: { rate: «50000/s» }`,
      errors: [
        {
          messageId: 'overLimit',
          suggestions: [
            `region: us-east-1\n${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 50000/s }`,
          ],
        },
      ],
    },
    {
      name: 'neither alone is enough: both together',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: «20000/s» }`,
      errors: [
        {
          messageId: 'overLimit',
          suggestions: [
            `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 20000/s, batching: true }`,
          ],
        },
      ],
    },
    {
      name: 'fan-in: on the queue key, with the inbound entries as related information',
      code: `${svc}  worker: { type: ec2 }\n  «q.fifo»: { type: sqs, fifo: true }\nflows:\n  - svc, worker -> q.fifo: { rate: 200/s }`,
      errors: [
        {
          messageId: 'overLimit',
          message:
            '400 messages/s into FIFO queue q.fifo is over its 300 API calls/s send limit (no batching, no high-throughput mode); SQS throttles the sends beyond it.',
          suggestions: [
            `${svc}  worker: { type: ec2 }\n  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc, worker -> q.fifo: { rate: 200/s, batching: true }`,
            `${svc}  worker: { type: ec2 }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc, worker -> q.fifo: { rate: 200/s }`,
          ],
        },
      ],
    },
    {
      name: 'two entries, one batched: partly batched, on the key',
      code: `${svc}  api: { type: api-gateway }\n  «q.fifo»: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo: { rate: 3000/s, batching: true }\n  - api -> q.fifo: { rate: 1/s }`,
      errors: [
        {
          messageId: 'overLimitBatched',
          message:
            '3,001 messages/s into FIFO queue q.fifo make 301 send calls/s (partly in batches of 10), over its 300 API calls/s send limit (no high-throughput mode); SQS throttles the sends beyond it.',
          suggestions: [
            `${svc}  api: { type: api-gateway }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo: { rate: 3000/s, batching: true }\n  - api -> q.fifo: { rate: 1/s }`,
          ],
        },
      ],
    },
    {
      name: 'fan-out: one finding per queue, both on the shared rate',
      code: `${svc}  a.fifo: { type: sqs, fifo: true }\n  b.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> a.fifo, b.fifo: { rate: ««400/s»» }`,
      errors: [
        { messageId: 'overLimit', message: /FIFO queue a\.fifo/ },
        { messageId: 'overLimit', message: /FIFO queue b\.fifo/ },
      ],
    },
    {
      name: 'a chain passes the rate on: on the key; a plain entry gets a property map',
      code: 'resources:\n  c: { type: client }\n  f: { type: lambda }\n  «q.fifo»: { type: sqs, fifo: true }\nflows:\n  - c -> f: { rate: 500/s }\n  - f -> q.fifo\n',
      errors: [
        {
          messageId: 'overLimit',
          suggestions: [
            'resources:\n  c: { type: client }\n  f: { type: lambda }\n  q.fifo: { type: sqs, fifo: true }\nflows:\n  - c -> f: { rate: 500/s }\n  - f -> q.fifo: { batching: true }\n',
            'resources:\n  c: { type: client }\n  f: { type: lambda }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - c -> f: { rate: 500/s }\n  - f -> q.fifo\n',
          ],
        },
      ],
    },
    {
      name: 'through a FIFO topic (no batching on a subscription)',
      code: `${svc}  t.fifo: { type: sns, fifo: true, encryption: kms }\n  «q.fifo»: { type: sqs, fifo: true }\nflows:\n  - svc -> t.fifo: { rate: 400/s }\n  - t.fifo -> q.fifo`,
      errors: [{ messageId: 'overLimit' }],
    },
    {
      name: 'block-style properties with a comment: batching goes on its own line',
      code: `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo:\n      rate: «400/s»   # peak\n`,
      errors: [
        {
          messageId: 'overLimit',
          suggestions: [
            `${svc}  q.fifo: { type: sqs, fifo: true }\nflows:\n  - svc -> q.fifo:\n      rate: 400/s   # peak\n      batching: true\n`,
            `${svc}  q.fifo: { type: sqs, fifo: true, highThroughput: true }\nflows:\n  - svc -> q.fifo:\n      rate: 400/s   # peak\n`,
          ],
        },
      ],
    },
  ],
});
