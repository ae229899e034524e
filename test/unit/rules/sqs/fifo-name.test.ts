import rule from '../../../../src/core/rules/sqs/fifo-name';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'FIFO queue named by its id', code: 'resources:\n  jobs.fifo: { type: sqs, fifo: true }' },
    { name: 'standard queue', code: 'resources:\n  jobs: { type: sqs }' },
    { name: 'FIFO queue named by name:', code: 'resources:\n  jobs:\n    type: sqs\n    fifo: true\n    name: jobs.fifo' },
    { name: 'FIFO topic', code: 'resources:\n  events.fifo: { type: sns, fifo: true, encryption: kms }' },
    { name: 'fifo from defaults', code: 'defaults:\n  sqs: { fifo: true }\nresources:\n  a.fifo: { type: sqs }' },
    {
      name: '80 characters with the suffix',
      code: 'resources:\n  qxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.fifo: { type: sqs, fifo: true }',
    },
    { name: 'other types may end in .fifo', code: 'resources:\n  handler.fifo: { type: lambda }' },
    { name: 'half-typed', code: 'resources:\n  q:\n    type: sqs\n    fifo:\n    name:', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'FIFO queue id without the suffix: renamed everywhere, comment kept',
      code: 'resources:\n  producer: { type: lambda }\n  jobs:\n    type: sqs\n    fifo: «true»   # ordered per customer\n  worker: { type: lambda }\nflows:\n  - producer -> jobs\n  - jobs -> worker\n',
      errors: [
        {
          messageId: 'missingSuffix',
          message: "FIFO queue name 'jobs' does not end in .fifo; AWS requires the suffix on every FIFO queue.",
          fix: { title: "Rename to 'jobs.fifo' and every reference (replaces the queue at deploy)", safeForFixAll: false },
        },
      ],
      output:
        'resources:\n  producer: { type: lambda }\n  jobs.fifo:\n    type: sqs\n    fifo: true   # ordered per customer\n  worker: { type: lambda }\nflows:\n  - producer -> jobs.fifo\n  - jobs.fifo -> worker\n',
    },
    {
      name: 'dead-letter target renamed too',
      code: 'resources:\n  src.fifo: { type: sqs, fifo: true, deadLetter: { target: dlq, maxReceiveCount: 3 } }\n  dlq: { type: sqs, fifo: «true» }',
      errors: [
        {
          messageId: 'missingSuffix',
          fix: { title: "Rename to 'dlq.fifo' and every reference (replaces the queue at deploy)", safeForFixAll: false },
        },
      ],
      output:
        'resources:\n  src.fifo: { type: sqs, fifo: true, deadLetter: { target: dlq.fifo, maxReceiveCount: 3 } }\n  dlq.fifo: { type: sqs, fifo: true }',
    },
    {
      name: 'name: set: the name is edited, quotes kept',
      code: 'resources:\n  a: { type: sqs, fifo: «true», name: orders }\n  b: { type: sqs, fifo: «true», name: "payments" }',
      errors: [
        { messageId: 'missingSuffix', fix: { title: "Rename to 'orders.fifo' (replaces the queue at deploy)", safeForFixAll: false } },
        { messageId: 'missingSuffix', fix: { title: "Rename to 'payments.fifo' (replaces the queue at deploy)", safeForFixAll: false } },
      ],
      output: 'resources:\n  a: { type: sqs, fifo: true, name: orders.fifo }\n  b: { type: sqs, fifo: true, name: "payments.fifo" }',
    },
    {
      name: 'FIFO topic',
      code: 'resources:\n  events: { type: sns, fifo: «true», encryption: kms }',
      errors: [
        {
          messageId: 'missingSuffix',
          message: "FIFO topic name 'events' does not end in .fifo; AWS requires the suffix on every FIFO topic.",
          fix: { title: "Rename to 'events.fifo' and every reference (replaces the topic at deploy)", safeForFixAll: false },
        },
      ],
      output: 'resources:\n  events.fifo: { type: sns, fifo: true, encryption: kms }',
    },
    {
      name: 'fifo from defaults: on the name',
      code: 'defaults:\n  sqs: { fifo: true }\nresources:\n  «jobs»: { type: sqs }',
      errors: [
        {
          messageId: 'missingSuffix',
          fix: { title: "Rename to 'jobs.fifo' and every reference (replaces the queue at deploy)", safeForFixAll: false },
        },
      ],
      output: 'defaults:\n  sqs: { fifo: true }\nresources:\n  jobs.fifo: { type: sqs }',
    },
    {
      name: 'no fix when the new name is taken',
      code: 'resources:\n  a: { type: sqs, fifo: «true» }\n  a.fifo: { type: sqs, fifo: true }',
      errors: [{ messageId: 'missingSuffix' }],
    },
    {
      name: 'no fix when the suffix makes the name too long',
      code: 'resources:\n  qxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: { type: sqs, fifo: «true» }',
      errors: [{ messageId: 'missingSuffix' }],
    },
    {
      name: 'standard queue named .fifo',
      code: 'resources:\n  «jobs.fifo»: { type: sqs }',
      errors: [
        {
          messageId: 'standardWithSuffix',
          message: "Standard queue name 'jobs.fifo' ends in .fifo; AWS accepts that suffix only on a FIFO queue (fifo: true).",
          suggestions: ['resources:\n  jobs.fifo: { type: sqs, fifo: true }', 'resources:\n  jobs: { type: sqs }'],
        },
      ],
    },
    {
      name: 'made FIFO: fifo: true goes right after type:, block and flow style, comments kept',
      code: 'resources:\n  «jobs.fifo»:\n    type: sqs   # the work\n    retention: 4d\n  «news.fifo»: { type: sns, encryption: kms }\n  w: { type: lambda }\nflows:\n  - jobs.fifo -> w\n  - news.fifo -> w\n',
      errors: [
        {
          messageId: 'standardWithSuffix',
          suggestions: [
            'resources:\n  jobs.fifo:\n    type: sqs   # the work\n    fifo: true\n    retention: 4d\n  news.fifo: { type: sns, encryption: kms }\n  w: { type: lambda }\nflows:\n  - jobs.fifo -> w\n  - news.fifo -> w\n',
            'resources:\n  jobs:\n    type: sqs   # the work\n    retention: 4d\n  news.fifo: { type: sns, encryption: kms }\n  w: { type: lambda }\nflows:\n  - jobs -> w\n  - news.fifo -> w\n',
          ],
        },
        {
          messageId: 'standardWithSuffix',
          suggestions: [
            'resources:\n  jobs.fifo:\n    type: sqs   # the work\n    retention: 4d\n  news.fifo: { type: sns, fifo: true, encryption: kms }\n  w: { type: lambda }\nflows:\n  - jobs.fifo -> w\n  - news.fifo -> w\n',
            'resources:\n  jobs.fifo:\n    type: sqs   # the work\n    retention: 4d\n  news: { type: sns, encryption: kms }\n  w: { type: lambda }\nflows:\n  - jobs.fifo -> w\n  - news -> w\n',
          ],
        },
      ],
    },
    {
      name: 'standard queue with fifo: false and a .fifo name:',
      code: 'resources:\n  q:\n    type: sqs\n    fifo: false\n    name: «q.fifo»\n',
      errors: [
        {
          messageId: 'standardWithSuffix',
          suggestions: [
            'resources:\n  q:\n    type: sqs\n    fifo: true\n    name: q.fifo\n',
            'resources:\n  q:\n    type: sqs\n    fifo: false\n    name: q\n',
          ],
        },
      ],
    },
    {
      name: 'queue names over 80 characters',
      code: 'resources:\n  a: { type: sqs, name: «nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx» }\n  b: { type: sqs, fifo: true, name: «nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.fifo» }',
      errors: [
        {
          messageId: 'tooLong',
          message:
            "Queue name 'nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' has 81 characters, over the maximum of 80.",
        },
        { messageId: 'tooLong' },
      ],
    },
  ],
});
