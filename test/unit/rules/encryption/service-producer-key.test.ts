import rule from '../../../../src/core/rules/encryption/service-producer-key';
import { ruleTester } from '../../../helpers/rule-tester';

const T = 'resources:\n  t: { type: sns, encryption: { kms: alias/events } }\n  f: { type: lambda }\n';

ruleTester(rule, {
  valid: [
    { name: 'SSE-SQS queue subscribed to SNS', code: `${T}  q: { type: sqs, encryption: sqs-managed }\nflows:\n  - t -> q\n  - q -> f` },
    { name: 'no encryption (SSE-SQS by default) subscribed to SNS', code: `${T}  q: { type: sqs }\nflows:\n  - t -> q\n  - q -> f` },
    {
      name: 'customer managed key subscribed to SNS',
      code: `${T}  q: { type: sqs, encryption: { kms: alias/orders } }\nflows:\n  - t -> q\n  - q -> f`,
    },
    {
      name: 'AWS managed key, fed by a function (its role uses the key)',
      code: `${T}  q: { type: sqs, encryption: kms }\nflows:\n  - f -> q\n  - q -> f`,
    },
    {
      name: 'AWS managed topic key, fed by a function',
      code: 'resources:\n  p: { type: lambda }\n  t: { type: sns, encryption: kms }\n  f: { type: lambda }\nflows:\n  - p -> t -> f',
    },
    {
      name: 'half-typed: encryption with no value',
      code: `${T}  q:\n    type: sqs\n    encryption:\nflows:\n  - t -> q\n  - q -> f`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'a Scheduler schedule delivers with its execution role, which may use the AWS managed key',
      code: 'resources:\n  tick: { type: schedule, kind: scheduler, expression: rate(5 minutes) }\n  q: { type: sqs, encryption: kms }\n  f: { type: lambda }\nflows:\n  - tick -> q\n  - q -> f',
    },
    {
      name: "a Scheduler schedule's dead-letter queue with the AWS managed key (the execution role sends to it)",
      code: 'resources:\n  tick: { type: schedule, expression: rate(5 minutes), timezone: UTC }\n  dlq: { type: sqs, encryption: kms }\n  f: { type: lambda }\nflows:\n  - tick -> f: { onFailure: dlq }\n  - dlq -> f',
    },
    {
      name: "an event source mapping's onFailure queue with the AWS managed key: Lambda sends with the function's role",
      code: 'resources:\n  s: { type: kinesis, encryption: kms }\n  dlq: { type: sqs, encryption: kms }\n  f: { type: lambda }\nflows:\n  - s -> f: { onFailure: dlq }\n  - dlq -> f',
    },
  ],
  invalid: [
    {
      name: "an EventBridge rule target's dead-letter queue with the AWS managed key",
      code: 'resources:\n  bus: { type: eventbridge }\n  f: { type: lambda }\n  dlq: { type: sqs, encryption: «kms» }\nflows:\n  - bus -> f: { onFailure: dlq }\n  - dlq -> f',
      errors: [
        {
          messageId: 'awsManagedKey',
          message:
            "Queue 'dlq' is encrypted with the AWS managed key (alias/aws/sqs), whose key policy cannot be changed to let EventBridge use it: the events 'bus' could not deliver cannot be sent to this dead-letter queue, and are lost. Use a customer managed key that grants events.amazonaws.com kms:GenerateDataKey* and kms:Decrypt, or SSE-SQS (`sqs-managed`).",
          suggestions: [
            'resources:\n  bus: { type: eventbridge }\n  f: { type: lambda }\n  dlq: { type: sqs, encryption: sqs-managed }\nflows:\n  - bus -> f: { onFailure: dlq }\n  - dlq -> f',
            'resources:\n  bus: { type: eventbridge }\n  f: { type: lambda }\n  dlq: { type: sqs, encryption: { kms: alias/dlq-key } }\nflows:\n  - bus -> f: { onFailure: dlq }\n  - dlq -> f',
          ],
        },
      ],
    },
    {
      name: "a scheduled rule's dead-letter queue with the AWS managed key named by alias, block style",
      code: 'resources:\n  tick: { type: schedule, kind: rule, expression: rate(1 hour) }\n  f: { type: lambda }\n  dlq:\n    type: sqs\n    encryption: «{ kms: alias/aws/sqs }»\nflows:\n  - tick -> f:\n      onFailure: dlq\n  - dlq -> f',
      errors: [
        {
          messageId: 'awsManagedKey',
          message: /let EventBridge use it: the events 'tick' could not deliver cannot be sent to this dead-letter queue, and are lost\./,
          suggestions: [
            'resources:\n  tick: { type: schedule, kind: rule, expression: rate(1 hour) }\n  f: { type: lambda }\n  dlq:\n    type: sqs\n    encryption: sqs-managed\nflows:\n  - tick -> f:\n      onFailure: dlq\n  - dlq -> f',
            'resources:\n  tick: { type: schedule, kind: rule, expression: rate(1 hour) }\n  f: { type: lambda }\n  dlq:\n    type: sqs\n    encryption: { kms: alias/dlq-key }\nflows:\n  - tick -> f:\n      onFailure: dlq\n  - dlq -> f',
          ],
        },
      ],
    },
    {
      name: 'S3 event notifications into a topic with the AWS managed key',
      code: 'resources:\n  b: { type: s3 }\n  t: { type: sns, encryption: «kms» }\n  f: { type: lambda }\nflows:\n  - b -> t -> f',
      errors: [
        {
          messageId: 'awsManagedKey',
          message:
            "Topic 't' is encrypted with the AWS managed key (alias/aws/sns), whose key policy cannot be changed to let S3 event notifications use it: deliveries from 'b' fail. Use a customer managed key that grants s3.amazonaws.com kms:GenerateDataKey* and kms:Decrypt.",
          suggestions: [
            'resources:\n  b: { type: s3 }\n  t: { type: sns, encryption: { kms: alias/t-key } }\n  f: { type: lambda }\nflows:\n  - b -> t -> f',
          ],
        },
      ],
    },
    {
      name: 'queue with the AWS managed key, subscribed to SNS',
      code: `${T}  q:\n    type: sqs\n    encryption: «kms»   # default key\nflows:\n  - t -> q\n  - q -> f`,
      errors: [
        {
          messageId: 'awsManagedKey',
          message:
            "Queue 'q' is encrypted with the AWS managed key (alias/aws/sqs), whose key policy cannot be changed to let SNS use it: deliveries from 't' fail. Use a customer managed key that grants sns.amazonaws.com kms:GenerateDataKey* and kms:Decrypt, or SSE-SQS (`sqs-managed`).",
          suggestions: [
            `${T}  q:\n    type: sqs\n    encryption: sqs-managed   # default key\nflows:\n  - t -> q\n  - q -> f`,
            `${T}  q:\n    type: sqs\n    encryption: { kms: alias/q-key }   # default key\nflows:\n  - t -> q\n  - q -> f`,
          ],
        },
      ],
    },
    {
      name: 'the AWS managed key named by alias, fed by a schedule',
      code: 'resources:\n  tick: { type: schedule, expression: rate(5 minutes) }\n  jobs.fifo: { type: sqs, fifo: true, encryption: «{ kms: alias/aws/sqs }» }\n  f: { type: lambda }\nflows:\n  - tick -> jobs.fifo\n  - jobs.fifo -> f',
      errors: [
        {
          messageId: 'awsManagedKey',
          message: /let EventBridge use it: deliveries from 'tick' fail\. Use a customer managed key that grants events\.amazonaws\.com/,
          suggestions: [
            'resources:\n  tick: { type: schedule, expression: rate(5 minutes) }\n  jobs.fifo: { type: sqs, fifo: true, encryption: sqs-managed }\n  f: { type: lambda }\nflows:\n  - tick -> jobs.fifo\n  - jobs.fifo -> f',
            'resources:\n  tick: { type: schedule, expression: rate(5 minutes) }\n  jobs.fifo: { type: sqs, fifo: true, encryption: { kms: alias/jobs-fifo-key } }\n  f: { type: lambda }\nflows:\n  - tick -> jobs.fifo\n  - jobs.fifo -> f',
          ],
        },
      ],
    },
    {
      name: 'block map key, fed by S3 and SNS',
      code: `${T}  b: { type: s3 }\n  q:\n    type: sqs\n    encryption:\n      «kms: alias/aws/sqs»\n  # consumers\nflows:\n  - b -> q\n  - t -> q\n  - q -> f\n`,
      errors: [
        {
          messageId: 'awsManagedKey',
          message:
            /let S3 event notifications or SNS use it: deliveries from 'b' fail\. Use a customer managed key that grants s3\.amazonaws\.com and sns\.amazonaws\.com/,
          suggestions: [
            `${T}  b: { type: s3 }\n  q:\n    type: sqs\n    encryption: sqs-managed\n  # consumers\nflows:\n  - b -> q\n  - t -> q\n  - q -> f\n`,
            `${T}  b: { type: s3 }\n  q:\n    type: sqs\n    encryption: { kms: alias/q-key }\n  # consumers\nflows:\n  - b -> q\n  - t -> q\n  - q -> f\n`,
          ],
        },
      ],
    },
    {
      name: 'an EventBridge rule target (format 1.1) delivers as EventBridge',
      code: 'resources:\n  bus: { type: eventbridge }\n  t: { type: sns, encryption: «kms» }\n  f: { type: lambda }\nflows:\n  - bus -> t -> f',
      errors: [
        {
          messageId: 'awsManagedKey',
          message:
            "Topic 't' is encrypted with the AWS managed key (alias/aws/sns), whose key policy cannot be changed to let EventBridge use it: deliveries from 'bus' fail. Use a customer managed key that grants events.amazonaws.com kms:GenerateDataKey* and kms:Decrypt.",
          suggestions: [
            'resources:\n  bus: { type: eventbridge }\n  t: { type: sns, encryption: { kms: alias/t-key } }\n  f: { type: lambda }\nflows:\n  - bus -> t -> f',
          ],
        },
      ],
    },
    {
      name: 'topic with the AWS managed key, fed by a schedule: no SSE-SQS for topics',
      code: 'resources:\n  tick: { type: schedule, expression: rate(1 hour) }\n  t: { type: sns, encryption: «kms» }\n  f: { type: lambda }\nflows:\n  - tick -> t -> f',
      errors: [
        {
          messageId: 'awsManagedKey',
          message:
            "Topic 't' is encrypted with the AWS managed key (alias/aws/sns), whose key policy cannot be changed to let EventBridge use it: deliveries from 'tick' fail. Use a customer managed key that grants events.amazonaws.com kms:GenerateDataKey* and kms:Decrypt.",
          suggestions: [
            'resources:\n  tick: { type: schedule, expression: rate(1 hour) }\n  t: { type: sns, encryption: { kms: alias/t-key } }\n  f: { type: lambda }\nflows:\n  - tick -> t -> f',
          ],
        },
      ],
    },
    {
      name: 'from defaults: the finding sits there, the suggestions change only this queue',
      code: `defaults:\n  sqs: { encryption: «kms» }\n${T}  q: { type: sqs }\n  other: { type: sqs }\nflows:\n  - t -> q\n  - q, other -> f`,
      errors: [
        {
          messageId: 'awsManagedKey',
          suggestions: [
            `defaults:\n  sqs: { encryption: kms }\n${T}  q: { type: sqs, encryption: sqs-managed }\n  other: { type: sqs }\nflows:\n  - t -> q\n  - q, other -> f`,
            `defaults:\n  sqs: { encryption: kms }\n${T}  q: { type: sqs, encryption: { kms: alias/q-key } }\n  other: { type: sqs }\nflows:\n  - t -> q\n  - q, other -> f`,
          ],
        },
      ],
    },
  ],
});
