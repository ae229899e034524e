import rule from '../../../../src/core/rules/schedule/scheduler-only';
import { ruleTester } from '../../../helpers/rule-tester';

const TARGET = '  f: { type: lambda }\nflows:\n  - s -> f\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a rule with cron and rate only',
      code: `resources:\n  s: { type: schedule, kind: rule, expression: rate(5 minutes) }\n${TARGET}`,
    },
    {
      name: 'no kind: at(…), timezone and flexibleWindow imply Scheduler',
      code: `resources:\n  s: { type: schedule, expression: at(2027-01-01T09:00:00), timezone: Europe/Paris, flexibleWindow: 15m }\n${TARGET}`,
    },
    {
      name: 'kind: scheduler takes them all',
      code: `resources:\n  s: { type: schedule, kind: scheduler, expression: cron(0 2 * * ? *), timezone: UTC, flexibleWindow: 1m }\n${TARGET}`,
    },
  ],
  invalid: [
    {
      name: 'a one-time at(…) on a rule: on the expression, suggestion sets kind: scheduler',
      code: `resources:\n  s: { type: schedule, kind: rule, expression: «at(2027-01-01T09:00:00)» }\n${TARGET}`,
      errors: [
        {
          messageId: 'oneTime',
          message:
            "Schedule 's' is an EventBridge scheduled rule (`kind: rule`), which takes only cron(…) and rate(…): a one-time at(…) schedule needs EventBridge Scheduler. Set `kind: scheduler`.",
          suggestions: [`resources:\n  s: { type: schedule, kind: scheduler, expression: at(2027-01-01T09:00:00) }\n${TARGET}`],
        },
      ],
    },
    {
      name: 'timezone and flexibleWindow on a rule, block style, comment kept',
      code: `resources:\n  s:\n    type: schedule\n    kind: rule   # legacy\n    expression: cron(0 2 * * ? *)\n    timezone: «Europe/Paris»\n    flexibleWindow: «15m»\n${TARGET}`,
      errors: [
        {
          messageId: 'schedulerOnly',
          message:
            "Schedule 's' is an EventBridge scheduled rule (`kind: rule`), which has no time zones (scheduled rules run in UTC): only EventBridge Scheduler does. Set `kind: scheduler`, or remove `timezone`.",
          suggestions: [
            `resources:\n  s:\n    type: schedule\n    kind: scheduler   # legacy\n    expression: cron(0 2 * * ? *)\n    timezone: Europe/Paris\n    flexibleWindow: 15m\n${TARGET}`,
          ],
        },
        {
          messageId: 'schedulerOnly',
          message:
            "Schedule 's' is an EventBridge scheduled rule (`kind: rule`), which has no flexible time windows: only EventBridge Scheduler does. Set `kind: scheduler`, or remove `flexibleWindow`.",
        },
      ],
    },
    {
      name: 'kind: rule from defaults: reported, no suggestion (it would change every schedule)',
      code: `defaults:\n  schedule: { kind: rule }\nresources:\n  s: { type: schedule, expression: rate(1 hour), timezone: «UTC» }\n${TARGET}`,
      errors: [{ messageId: 'schedulerOnly', suggestions: [] }],
    },
  ],
});
