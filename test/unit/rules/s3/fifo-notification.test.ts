import rule from '../../../../src/core/rules/s3/fifo-notification';
import { ruleTester } from '../../../helpers/rule-tester';

const MESSAGE =
  "S3 bucket 'uploads' cannot send event notifications to FIFO queue 'jobs.fifo': S3 delivers only to standard queues and topics and rejects the notification configuration. Send to a standard queue, or send the bucket's events to EventBridge (`uploads -> <bus>`) and let a rule target the FIFO queue.";

ruleTester(rule, {
  valid: [
    {
      name: 'standard queue, standard topic and a function',
      code: 'resources:\n  uploads: { type: s3 }\n  jobs: { type: sqs }\n  news: { type: sns }\n  f: { type: lambda }\nflows:\n  - uploads -> jobs, news, f',
    },
    {
      name: 'a FIFO queue fed by a function that reads the bucket is not a notification',
      code: 'resources:\n  uploads: { type: s3 }\n  f: { type: lambda }\n  jobs.fifo: { type: sqs, fifo: true }\nflows:\n  - f -> uploads\n  - f -> jobs.fifo',
    },
    {
      name: 'fifo: false written on a queue whose name does not end in .fifo',
      code: 'resources:\n  uploads: { type: s3 }\n  jobs: { type: sqs, fifo: false }\nflows:\n  - uploads -> jobs',
    },
    {
      name: 'half-typed: an unknown target',
      code: 'resources:\n  uploads: { type: s3 }\nflows:\n  - uploads -> nowhere',
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
  ],
  invalid: [
    {
      name: 'FIFO queue: on the target, suggestion makes it standard and renames it everywhere',
      code: 'resources:\n  uploads: { type: s3 }\n  jobs.fifo: { type: sqs, fifo: true }\n  worker: { type: lambda }\nflows:\n  - uploads -> «jobs.fifo»: { events: [s3:ObjectCreated:*] }\n  - jobs.fifo -> worker',
      errors: [
        {
          messageId: 'fifoDestination',
          severity: 'error',
          message: MESSAGE,
          suggestions: [
            'resources:\n  uploads: { type: s3 }\n  jobs: { type: sqs, fifo: false }\n  worker: { type: lambda }\nflows:\n  - uploads -> jobs: { events: [s3:ObjectCreated:*] }\n  - jobs -> worker',
          ],
        },
      ],
    },
    {
      name: 'FIFO topic with its own name: the suggestion keeps the id, renames the name',
      code: 'resources:\n  uploads: { type: s3 }\n  news:\n    type: sns\n    fifo: true   # ordered\n    name: news.fifo\n    encryption: { kms: alias/news }\n  q.fifo: { type: sqs, fifo: true }\nflows:\n  - uploads -> «news»\n  - news -> q.fifo',
      errors: [
        {
          messageId: 'fifoDestination',
          message:
            /cannot send event notifications to FIFO topic 'news': .* Send to a standard topic, .* let a rule target the FIFO topic\.$/,
          // news -> q.fifo: a standard topic cannot feed a FIFO queue, so no suggestion.
          suggestions: [],
        },
      ],
    },
    {
      name: 'FIFO topic fed by S3 only: the suggestion sets fifo: false and drops the .fifo of its name',
      code: 'resources:\n  uploads: { type: s3 }\n  news:\n    type: sns\n    fifo: true   # ordered\n    name: news.fifo\n  q: { type: sqs }\nflows:\n  - uploads -> «news»\n  - news -> q',
      errors: [
        {
          messageId: 'fifoDestination',
          suggestions: [
            'resources:\n  uploads: { type: s3 }\n  news:\n    type: sns\n    fifo: false   # ordered\n    name: news\n  q: { type: sqs }\nflows:\n  - uploads -> news\n  - news -> q',
          ],
        },
      ],
      ruleSeverities: { 'sns/fifo-subscription': 'off' },
    },
    {
      name: 'fan-out: one finding per FIFO destination, none for the standard one',
      code: 'resources:\n  uploads: { type: s3 }\n  a.fifo: { type: sqs, fifo: true }\n  b: { type: sqs }\n  c.fifo: { type: sqs, fifo: true }\nflows:\n  - uploads -> «a.fifo», b, «c.fifo»',
      errors: [
        { messageId: 'fifoDestination', message: /FIFO queue 'a\.fifo'/ },
        { messageId: 'fifoDestination', message: /FIFO queue 'c\.fifo'/ },
      ],
    },
    {
      name: 'fifo from defaults',
      code: 'defaults:\n  sqs: { fifo: true }\nresources:\n  uploads: { type: s3 }\n  jobs.fifo: { type: sqs }\nflows:\n  - uploads -> «jobs.fifo»',
      errors: [{ messageId: 'fifoDestination', message: MESSAGE }],
    },
  ],
});
