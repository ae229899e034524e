import rule from '../../../../src/core/rules/sqs/dlq-type';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'standard to standard',
      code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: dlq, maxReceiveCount: 5 } }\n  dlq: { type: sqs }',
    },
    {
      name: 'FIFO to FIFO',
      code: 'resources:\n  jobs.fifo:\n    type: sqs\n    fifo: true\n    deadLetter:\n      target: dlq.fifo\n  dlq.fifo: { type: sqs, fifo: true }',
    },
    {
      name: 'fifo from defaults on both',
      code: 'defaults:\n  sqs: { fifo: true }\nresources:\n  jobs.fifo: { type: sqs, deadLetter: { target: dlq.fifo } }\n  dlq.fifo: { type: sqs }',
    },
    {
      name: 'a Lambda DLQ may be a topic',
      code: 'resources:\n  f: { type: lambda, deadLetter: { target: failures } }\n  failures: { type: sns, encryption: kms }',
    },
    {
      name: "unknown target is another rule's",
      code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: nowhere } }',
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
    {
      name: 'half-typed',
      code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: } }\n  dlq.fifo: { type: sqs, fifo: true }',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'FIFO queue with a standard DLQ',
      code: 'resources:\n  orders.fifo:\n    type: sqs\n    fifo: true\n    deadLetter: { target: «orders-dlq», maxReceiveCount: 5 }   # poison orders\n  orders-dlq: { type: sqs }',
      errors: [
        {
          messageId: 'fifoToStandard',
          message:
            "FIFO queue orders.fifo has a standard dead-letter queue (orders-dlq); a FIFO queue's dead-letter queue must also be FIFO.",
          suggestions: [
            'resources:\n  orders.fifo:\n    type: sqs\n    fifo: true\n    deadLetter: { target: orders-dlq.fifo, maxReceiveCount: 5 }   # poison orders\n  orders-dlq.fifo: { type: sqs, fifo: true }',
          ],
        },
      ],
    },
    {
      name: 'standard queue with a FIFO DLQ, block style',
      code: 'resources:\n  jobs:\n    type: sqs\n    deadLetter:\n      target: «dlq.fifo»\n  dlq.fifo: { type: sqs, fifo: true }',
      errors: [
        {
          messageId: 'standardToFifo',
          message:
            "Standard queue jobs has a FIFO dead-letter queue (dlq.fifo); a standard queue's dead-letter queue must also be standard.",
          suggestions: ['resources:\n  jobs:\n    type: sqs\n    deadLetter:\n      target: dlq\n  dlq: { type: sqs, fifo: false }'],
        },
      ],
    },
    {
      name: 'made FIFO: fifo: true goes right after type:, a name: is renamed, the id stays',
      code: 'resources:\n  orders.fifo: { type: sqs, fifo: true, deadLetter: { target: «failed» } }\n  failed:\n    type: sqs   # poison messages\n    name: orders-failed\n    retention: 14d\n',
      errors: [
        {
          messageId: 'fifoToStandard',
          suggestions: [
            'resources:\n  orders.fifo: { type: sqs, fifo: true, deadLetter: { target: failed } }\n  failed:\n    type: sqs   # poison messages\n    fifo: true\n    name: orders-failed.fifo\n    retention: 14d\n',
          ],
        },
      ],
    },
    {
      name: 'a dead-letter queue shared by a FIFO and a standard queue: no suggestion, either type breaks one of them',
      code: 'resources:\n  a.fifo: { type: sqs, fifo: true, deadLetter: { target: «dlq» } }\n  b: { type: sqs, deadLetter: { target: dlq } }\n  dlq: { type: sqs }',
      errors: [{ messageId: 'fifoToStandard', suggestions: [] }],
    },
    {
      name: 'the new name is taken: no suggestion',
      code: 'resources:\n  a.fifo: { type: sqs, fifo: true, deadLetter: { target: «dlq» } }\n  dlq: { type: sqs }\n  dlq.fifo: { type: sqs, fifo: true }',
      errors: [{ messageId: 'fifoToStandard', suggestions: [] }],
    },
    {
      name: 'a Lambda dead-letter queue too: it must stay standard',
      code: 'resources:\n  a.fifo: { type: sqs, fifo: true, deadLetter: { target: «dlq» } }\n  f: { type: lambda, deadLetter: { target: dlq } }\n  dlq: { type: sqs }',
      errors: [{ messageId: 'fifoToStandard', suggestions: [] }],
    },
    {
      name: 'target is not a queue',
      code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: «failures» } }\n  failures: { type: sns, encryption: kms }',
      errors: [
        {
          messageId: 'notQueue',
          message: 'The dead-letter target of queue jobs is failures, an SNS topic; an SQS redrive policy can only name an SQS queue.',
        },
      ],
    },
  ],
});
