import rule from '../../../../src/core/rules/sns/fifo-subscription';
import { ruleTester } from '../../../helpers/rule-tester';

const R = [
  'resources:',
  '  news: { type: sns, encryption: kms }',
  '  news.fifo: { type: sns, fifo: true, encryption: kms }',
  '  jobs: { type: sqs }',
  '  jobs.fifo: { type: sqs, fifo: true }',
  '  f: { type: lambda }',
  '  hook: { type: client }',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'standard topic to standard queue, function and endpoint', code: `${R}flows:\n  - news -> jobs, f, hook\n  - jobs -> f` },
    { name: 'FIFO topic to FIFO queue', code: `${R}flows:\n  - news.fifo -> jobs.fifo\n  - jobs.fifo -> f` },
    { name: 'a FIFO queue fed by a producer, not a topic', code: `${R}flows:\n  - f -> jobs.fifo\n  - jobs.fifo -> f` },
    {
      name: "an invalid subscription is flows/invalid-connection's finding",
      code: `${R}  k: { type: kinesis, encryption: kms }\nflows:\n  - news.fifo -> k`,
      ruleSeverities: { 'flows/invalid-connection': 'off' },
    },
    {
      name: 'half-typed: unknown target',
      code: `${R}flows:\n  - news.fifo -> nowhere`,
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
  ],
  invalid: [
    {
      name: 'standard topic to FIFO queue',
      code: `${R}flows:\n  - news -> jobs, «jobs.fifo»   # ordered copy\n  - jobs.fifo -> f`,
      errors: [
        {
          messageId: 'standardToFifo',
          severity: 'error',
          message:
            "Standard topic 'news' cannot subscribe FIFO queue 'jobs.fifo': SNS rejects the subscription (FIFO queues subscribe only to FIFO topics). Make the topic FIFO, or the queue standard.",
          // A FIFO 'news' would lose its standard subscriber 'jobs', and the id 'jobs' is taken.
          suggestions: [],
        },
      ],
    },
    {
      name: 'the two remedies the message names: the topic made FIFO, or the queue made standard, renamed with every reference',
      code: 'resources:\n  orders: { type: sns, encryption: kms }\n  work.fifo:\n    type: sqs\n    fifo: true   # per customer\n  f: { type: lambda }\nflows:\n  - orders -> «work.fifo»\n  - work.fifo -> f\n',
      errors: [
        {
          messageId: 'standardToFifo',
          suggestions: [
            'resources:\n  orders.fifo: { type: sns, fifo: true, encryption: kms }\n  work.fifo:\n    type: sqs\n    fifo: true   # per customer\n  f: { type: lambda }\nflows:\n  - orders.fifo -> work.fifo\n  - work.fifo -> f\n',
            'resources:\n  orders: { type: sns, encryption: kms }\n  work:\n    type: sqs\n    fifo: false   # per customer\n  f: { type: lambda }\nflows:\n  - orders -> work\n  - work -> f\n',
          ],
        },
      ],
    },
    {
      name: 'a topic that also feeds a function cannot be FIFO; a queue with highThroughput cannot be standard',
      code: 'resources:\n  orders: { type: sns, encryption: kms }\n  work.fifo: { type: sqs, fifo: true, highThroughput: true }\n  f: { type: lambda }\nflows:\n  - orders -> «work.fifo», f\n  - work.fifo -> f\n',
      errors: [{ messageId: 'standardToFifo', suggestions: [] }],
    },
    {
      name: 'FIFO topic to a function and an endpoint',
      code: `${R}flows:\n  - news.fifo -> «f», «hook»: { rate: 5/s }`,
      errors: [
        {
          messageId: 'fifoToOther',
          severity: 'error',
          message:
            "FIFO topic 'news.fifo' cannot deliver to Lambda function 'f': FIFO topics deliver only to SQS queues. Put an SQS FIFO queue between them, and let it trigger the target.",
        },
        { messageId: 'fifoToOther', message: /to HTTP\/S, email, SMS or mobile endpoint 'hook'/ },
      ],
    },
    {
      name: 'FIFO topic to standard queue: allowed, but loses order',
      code: `${R}flows:\n  - news.fifo -> «jobs»\n  - jobs -> f`,
      errors: [
        {
          messageId: 'fifoToStandard',
          severity: 'warning',
          message:
            "FIFO topic 'news.fifo' delivers to standard queue 'jobs': SNS allows it, but the queue drops the ordering and deduplication the topic provides, so 'jobs' can see messages out of order and twice.",
        },
      ],
    },
    {
      name: 'fifo from defaults, block-style entry',
      code: 'defaults:\n  sns: { fifo: true }\nresources:\n  t.fifo: { type: sns, encryption: kms }\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - t.fifo -> «q»:\n      rate: 1/s\n  - q -> f',
      errors: [{ messageId: 'fifoToStandard' }],
    },
  ],
});
