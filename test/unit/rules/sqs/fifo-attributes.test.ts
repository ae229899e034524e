import rule from '../../../../src/core/rules/sqs/fifo-attributes';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'FIFO queue with both attributes',
      code: 'resources:\n  jobs.fifo: { type: sqs, fifo: true, contentBasedDeduplication: true, highThroughput: true }',
    },
    {
      name: 'FIFO topic with content-based deduplication',
      code: 'resources:\n  events.fifo: { type: sns, fifo: true, contentBasedDeduplication: true, encryption: kms }',
    },
    {
      name: 'standard queue with the attributes off (AWS defaults)',
      code: 'resources:\n  jobs: { type: sqs, contentBasedDeduplication: false, highThroughput: false }',
    },
    { name: 'standard queue without them', code: 'resources:\n  jobs: { type: sqs }' },
    {
      name: 'highThroughput is not an SNS property (the schema says so)',
      code: 'resources:\n  events: { type: sns, highThroughput: true, encryption: kms }',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'defaults that only FIFO queues inherit',
      code: 'defaults:\n  sqs: { contentBasedDeduplication: true }\nresources:\n  jobs.fifo: { type: sqs, fifo: true }',
    },
    {
      name: 'half-typed: fifo with no value yet',
      code: 'resources:\n  jobs:\n    type: sqs\n    fifo:\n    contentBasedDeduplication: true\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: attribute with no value yet',
      code: 'resources:\n  jobs:\n    type: sqs\n    contentBasedDeduplication:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'a string is not true',
      code: 'resources:\n  jobs: { type: sqs, contentBasedDeduplication: "true" }',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'content-based deduplication on a standard queue, flow style',
      code: 'resources:\n  jobs: { type: sqs, «contentBasedDeduplication»: true }\n',
      errors: [
        {
          messageId: 'fifoOnly',
          severity: 'error',
          message:
            "contentBasedDeduplication is set on standard queue 'jobs': AWS accepts ContentBasedDeduplication only on a FIFO queue (fifo: true) and rejects the queue.",
          // Renamed, as a FIFO queue's name must end in .fifo; `fifo: true` right after `type`.
          suggestions: ['resources:\n  jobs.fifo: { type: sqs, fifo: true, contentBasedDeduplication: true }\n'],
        },
      ],
      output: 'resources:\n  jobs: { type: sqs }\n',
    },
    {
      name: 'both attributes, block style, comments kept',
      code: 'resources:\n  jobs:\n    type: sqs            # work queue\n    «highThroughput»: true\n    «contentBasedDeduplication»: true   # dedupe\n    retention: 4d\n',
      errors: [
        {
          messageId: 'fifoOnly',
          message:
            "highThroughput is set on standard queue 'jobs': AWS accepts DeduplicationScope and FifoThroughputLimit only on a FIFO queue (fifo: true) and rejects the queue.",
        },
        { messageId: 'fifoOnly', message: /^contentBasedDeduplication is set on standard queue 'jobs'/ },
      ],
      output: 'resources:\n  jobs:\n    type: sqs            # work queue\n    retention: 4d\n',
    },
    {
      name: 'fifo: false written: no FIFO suggestion',
      code: 'resources:\n  jobs: { type: sqs, fifo: false, «highThroughput»: true }\n',
      errors: [{ messageId: 'fifoOnly', suggestions: [] }],
      output: 'resources:\n  jobs: { type: sqs, fifo: false }\n',
    },
    {
      name: 'standard topic with content-based deduplication',
      code: 'resources:\n  events:\n    type: sns\n    encryption: kms\n    «contentBasedDeduplication»: true\n',
      errors: [
        {
          messageId: 'fifoOnly',
          message:
            "contentBasedDeduplication is set on standard topic 'events': AWS accepts ContentBasedDeduplication only on a FIFO topic (fifo: true) and rejects the topic.",
          suggestions: [
            'resources:\n  events.fifo:\n    type: sns\n    fifo: true\n    encryption: kms\n    contentBasedDeduplication: true\n',
          ],
        },
      ],
      output: 'resources:\n  events:\n    type: sns\n    encryption: kms\n',
    },
    {
      name: 'from defaults: once, on the defaults key, no fix',
      code: 'defaults:\n  sqs: { «contentBasedDeduplication»: true }\nresources:\n  jobs.fifo: { type: sqs, fifo: true }\n  audit: { type: sqs }\n  other: { type: sqs }\n',
      errors: [
        {
          messageId: 'fifoOnlyFromDefaults',
          message:
            "contentBasedDeduplication in defaults.sqs applies to standard queue 'audit' too: AWS accepts ContentBasedDeduplication only on a FIFO queue (fifo: true) and rejects the queue.",
        },
      ],
    },
  ],
});
