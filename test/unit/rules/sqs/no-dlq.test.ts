import rule from '../../../../src/core/rules/sqs/no-dlq';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'consumed, with a dead-letter queue',
      code: 'resources:\n  q: { type: sqs, deadLetter: { target: q-dlq, maxReceiveCount: 5 } }\n  q-dlq: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f',
    },
    { name: 'not consumed (sqs/no-consumer says so)', code: 'resources:\n  q: { type: sqs }' },
    {
      name: 'a dead-letter queue needs none of its own',
      code: 'resources:\n  q: { type: sqs, deadLetter: { target: q-dlq, maxReceiveCount: 5 } }\n  q-dlq: { type: sqs }\n  f: { type: lambda }\n  redrive: { type: lambda }\nflows:\n  - q -> f\n  - q-dlq -> redrive',
    },
    {
      name: 'half-typed: deadLetter with no value yet',
      code: 'resources:\n  q:\n    type: sqs\n    deadLetter:\n  f: { type: lambda }\nflows:\n  - q -> f',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'block style: the property goes into the queue, the queue after the last resource',
      code: 'resources:\n  «jobs»:\n    type: sqs   # work items\n    visibilityTimeout: 1m\n  worker:\n    type: lambda\nflows:\n  - jobs -> worker\n',
      errors: [
        {
          messageId: 'noDlq',
          severity: 'info',
          message:
            "Queue 'jobs' is read by 'worker' but has no `deadLetter`: a message that keeps failing is received again and again until the 4 d retention period deletes it, and nobody sees why.",
          suggestions: [
            'resources:\n  jobs:\n    type: sqs   # work items\n    visibilityTimeout: 1m\n    deadLetter: { target: jobs-dlq, maxReceiveCount: 5 }\n  worker:\n    type: lambda\n  jobs-dlq:\n    type: sqs\n    retention: 14d\nflows:\n  - jobs -> worker\n',
          ],
        },
      ],
    },
    {
      name: 'flow style, FIFO: the dead-letter queue is FIFO too',
      code: 'resources:\n  «orders.fifo»: { type: sqs, fifo: true }\n  f: { type: lambda }\nflows:\n  - orders.fifo -> f',
      errors: [
        {
          messageId: 'noDlq',
          suggestions: [
            'resources:\n  orders.fifo: { type: sqs, fifo: true, deadLetter: { target: orders-dlq.fifo, maxReceiveCount: 5 } }\n  f: { type: lambda }\n  orders-dlq.fifo:\n    type: sqs\n    fifo: true\n    retention: 14d\nflows:\n  - orders.fifo -> f',
          ],
        },
      ],
    },
    {
      name: 'the queue is the last resource of a file without a final newline',
      code: 'flows:\n  - q -> f\nresources:\n  f: { type: lambda }\n  «q»:\n    type: sqs',
      errors: [
        {
          messageId: 'noDlq',
          suggestions: [
            'flows:\n  - q -> f\nresources:\n  f: { type: lambda }\n  q:\n    type: sqs\n    deadLetter: { target: q-dlq, maxReceiveCount: 5 }\n  q-dlq:\n    type: sqs\n    retention: 14d',
          ],
        },
      ],
    },
    {
      name: 'a resource with the name already exists: only the link is added',
      code: 'resources:\n  «q»: { type: sqs }\n  q-dlq: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f',
      errors: [
        {
          messageId: 'noDlq',
          suggestions: [
            'resources:\n  q: { type: sqs, deadLetter: { target: q-dlq, maxReceiveCount: 5 } }\n  q-dlq: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f',
          ],
        },
      ],
    },
    {
      name: 'read by a polling service',
      code: 'resources:\n  «q»: { type: sqs, receiveWait: 20s, retention: 2d }\n  w: { type: ecs }\nflows:\n  - q -> w',
      errors: [{ messageId: 'noDlq', message: /read by 'w' .* until the 2 d retention period/ }],
    },
  ],
});
