import rule from '../../../../src/core/rules/eventbridge/no-dlq';
import { ruleTester } from '../../../helpers/rule-tester';

const R = 'resources:\n  bus: { type: eventbridge }\n  f: { type: lambda }\n  q: { type: sqs }\n  g: { type: lambda }\n';

ruleTester(rule, {
  valid: [
    { name: 'a rule target with onFailure', code: `${R}  dlq: { type: sqs }\nflows:\n  - bus -> f: { onFailure: dlq }\n  - q -> g` },
    {
      name: 'one onFailure serves every target of a fan-out',
      code: `${R}  dlq: { type: sqs }\nflows:\n  - bus -> f, g: { rule: r, onFailure: dlq }`,
    },
    {
      name: 'a schedule target with onFailure',
      code: `${R}  tick: { type: schedule, expression: rate(1 hour) }\n  dlq: { type: sqs }\nflows:\n  - tick -> f: { onFailure: dlq }`,
    },
    { name: 'an event source mapping is not a rule target', code: `${R}flows:\n  - q -> f` },
    { name: 'a producer putting events on a bus is not a rule target', code: `${R}flows:\n  - f -> bus` },
    {
      name: 'an invalid rule target is flows/invalid-connection’s, not this',
      code: `resources:\n  bus: { type: eventbridge }\n  t: { type: dynamodb }\nflows:\n  - bus -> t`,
      ruleSeverities: { 'flows/invalid-connection': 'off' },
    },
  ],
  invalid: [
    {
      name: 'a plain entry: the suggestion makes it a map and adds the queue',
      code: `${R}flows:\n  - bus -> «f»\n  - q -> g\n`,
      errors: [
        {
          messageId: 'noDlq',
          severity: 'info',
          message:
            "The rule on bus 'bus' delivers to 'f' without a dead-letter queue (`onFailure`): an event that still fails after the retries (by default 185 attempts over 24 hours), or at once on a permission or missing-target error, is dropped, and nobody sees it. Set `onFailure` to a standard SQS queue.",
          suggestions: [`${R}  bus-dlq:\n    type: sqs\n    retention: 14d\nflows:\n  - bus -> f: { onFailure: bus-dlq }\n  - q -> g\n`],
        },
      ],
    },
    {
      name: 'a fan-out: one finding per target, on each target id; the existing queue is used',
      code: `${R}  bus-dlq: { type: sqs }\nflows:\n  - bus -> «f», «q»: { rule: r }\n  - q -> g\n`,
      errors: [
        {
          messageId: 'noDlq',
          suggestions: [`${R}  bus-dlq: { type: sqs }\nflows:\n  - bus -> f, q: { rule: r, onFailure: bus-dlq }\n  - q -> g\n`],
        },
        {
          messageId: 'noDlq',
          message: /^The rule on bus 'bus' delivers to 'q' without/,
          suggestions: [`${R}  bus-dlq: { type: sqs }\nflows:\n  - bus -> f, q: { rule: r, onFailure: bus-dlq }\n  - q -> g\n`],
        },
      ],
    },
    {
      name: 'a schedule target, block map entry',
      code: `${R}  tick: { type: schedule, expression: rate(1 hour) }\nflows:\n  - tick -> «f»:\n      retry: { attempts: 3 }\n`,
      errors: [
        {
          messageId: 'noDlq',
          message: /^Schedule 'tick' delivers to 'f' without a dead-letter queue/,
          suggestions: [
            `${R}  tick: { type: schedule, expression: rate(1 hour) }\n  tick-dlq:\n    type: sqs\n    retention: 14d\nflows:\n  - tick -> f:\n      retry: { attempts: 3 }\n      onFailure: tick-dlq\n`,
          ],
        },
      ],
    },
    {
      name: 'a bus -> bus target; a FIFO queue of the DLQ’s id gives no suggestion',
      code: `${R}  other: { type: eventbridge }\n  bus-dlq.fifo: { type: sqs, fifo: true }\n  bus-dlq: { type: sqs, fifo: true, name: x.fifo }\nflows:\n  - bus -> «other»\n  - other -> f: { onFailure: q }\n  - bus-dlq -> g\n  - bus-dlq.fifo -> g\n  - q -> g\n`,
      errors: [{ messageId: 'noDlq', suggestions: [] }],
    },
  ],
});
