import rule from '../../../../src/core/rules/sqs/dlq-type';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'standard to standard', code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: dlq, maxReceiveCount: 5 } }\n  dlq: { type: sqs }' },
    { name: 'FIFO to FIFO', code: 'resources:\n  jobs.fifo:\n    type: sqs\n    fifo: true\n    deadLetter:\n      target: dlq.fifo\n  dlq.fifo: { type: sqs, fifo: true }' },
    { name: 'fifo from defaults on both', code: 'defaults:\n  sqs: { fifo: true }\nresources:\n  jobs.fifo: { type: sqs, deadLetter: { target: dlq.fifo } }\n  dlq.fifo: { type: sqs }' },
    { name: 'a Lambda DLQ may be a topic', code: 'resources:\n  f: { type: lambda, deadLetter: { target: failures } }\n  failures: { type: sns, encryption: kms }' },
    { name: 'unknown target is another rule\'s', code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: nowhere } }', ruleSeverities: { 'flows/unknown-resource': 'off' } },
    { name: 'half-typed', code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: } }\n  dlq.fifo: { type: sqs, fifo: true }', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'FIFO queue with a standard DLQ',
      code: 'resources:\n  orders.fifo:\n    type: sqs\n    fifo: true\n    deadLetter: { target: «orders-dlq», maxReceiveCount: 5 }   # poison orders\n  orders-dlq: { type: sqs }',
      errors: [{ messageId: 'fifoToStandard', message: 'FIFO queue orders.fifo has a standard dead-letter queue (orders-dlq); a FIFO queue\'s dead-letter queue must also be FIFO.' }],
    },
    {
      name: 'standard queue with a FIFO DLQ, block style',
      code: 'resources:\n  jobs:\n    type: sqs\n    deadLetter:\n      target: «dlq.fifo»\n  dlq.fifo: { type: sqs, fifo: true }',
      errors: [{ messageId: 'standardToFifo', message: 'Standard queue jobs has a FIFO dead-letter queue (dlq.fifo); a standard queue\'s dead-letter queue must also be standard.' }],
    },
    {
      name: 'target is not a queue',
      code: 'resources:\n  jobs: { type: sqs, deadLetter: { target: «failures» } }\n  failures: { type: sns, encryption: kms }',
      errors: [{ messageId: 'notQueue', message: 'The dead-letter target of queue jobs is failures, an SNS topic; an SQS redrive policy can only name an SQS queue.' }],
    },
  ],
});
