import rule from '../../../../src/core/rules/schedule/range';
import { ruleTester } from '../../../helpers/rule-tester';

const S = 'resources:\n  f: { type: lambda }\n  dlq: { type: sqs }\n';
const window = (value: string): string =>
  `${S}  tick: { type: schedule, expression: rate(1 hour), flexibleWindow: ${value} }\nflows:\n  - tick -> f: { onFailure: dlq }\n  - dlq -> f\n`;
const busRetry = (retry: string): string =>
  `${S}  bus: { type: eventbridge }\nflows:\n  - bus -> f: { onFailure: dlq, retry: ${retry} }\n  - dlq -> f\n`;
const schedulerRetry = (retry: string): string =>
  `${S}  tick: { type: schedule, kind: scheduler, expression: rate(1 hour) }\nflows:\n  - tick -> f: { onFailure: dlq, retry: ${retry} }\n  - dlq -> f\n`;

ruleTester(rule, {
  valid: [
    { name: 'flexible window at its minimum', code: window('1m') },
    { name: 'flexible window at its maximum, in hours', code: window('24h') },
    { name: 'flexible window 1,440 minutes, written in seconds', code: window('86400') },
    { name: 'flexible window 0: no window (Mode OFF)', code: window('0') },
    { name: 'rule target retry at both ends', code: busRetry('{ attempts: 0, maxAge: 60s }') },
    { name: 'rule target retry at the other ends', code: busRetry('{ attempts: 185, maxAge: 24h }') },
    { name: 'schedule target retry at both ends', code: schedulerRetry('{ attempts: 185, maxAge: 1m }') },
    {
      name: 'a scheduled rule’s flexible window is schedule/scheduler-only’s, whatever its value',
      code: `${S}  tick: { type: schedule, kind: rule, expression: rate(1 hour), flexibleWindow: 30s }\nflows:\n  - tick -> f: { onFailure: dlq }\n  - dlq -> f\n`,
      ruleSeverities: { 'schedule/scheduler-only': 'off' },
    },
  ],
  invalid: [
    {
      name: 'flexible window below a minute, and over 24 hours',
      code: `${S}  tick: { type: schedule, expression: rate(1 hour), flexibleWindow: «59s» }\n  tock: { type: schedule, expression: rate(1 hour), flexibleWindow: «1441m» }\nflows:\n  - tick, tock -> f: { onFailure: dlq }\n  - dlq -> f\n`,
      errors: [
        {
          messageId: 'belowMin',
          message: 'EventBridge Scheduler flexibleWindow 59s (59 s) is below the minimum of 1 minute (60 s).',
          fix: { title: 'Set flexibleWindow to 60s', safeForFixAll: true },
        },
        {
          messageId: 'overMax',
          message: 'EventBridge Scheduler flexibleWindow 1441m (1 d 1 min) is over the maximum of 1,440 minutes (24 hours, 86,400 s).',
        },
      ],
      output: `${S}  tick: { type: schedule, expression: rate(1 hour), flexibleWindow: 60s }\n  tock: { type: schedule, expression: rate(1 hour), flexibleWindow: 1d }\nflows:\n  - tick, tock -> f: { onFailure: dlq }\n  - dlq -> f\n`,
    },
    {
      name: 'flexible window not in whole minutes, from defaults: reported once, there',
      code: `defaults:\n  schedule: { flexibleWindow: «90s» }\n${S}  tick: { type: schedule, expression: rate(1 hour) }\n  tock: { type: schedule, expression: rate(2 hours) }\nflows:\n  - tick, tock -> f: { onFailure: dlq }\n  - dlq -> f\n`,
      errors: [
        {
          messageId: 'notWhole',
          message:
            'EventBridge Scheduler flexibleWindow 90s (1 min 30 s) is not a whole number of minutes; AWS takes flexibleWindow in whole minutes and rejects the value.',
        },
      ],
      output: `defaults:\n  schedule: { flexibleWindow: 120s }\n${S}  tick: { type: schedule, expression: rate(1 hour) }\n  tock: { type: schedule, expression: rate(2 hours) }\nflows:\n  - tick, tock -> f: { onFailure: dlq }\n  - dlq -> f\n`,
    },
    {
      name: 'rule target retry over 185 attempts and over 24 hours',
      code: busRetry('{ attempts: «186», maxAge: «25h» }'),
      errors: [
        { messageId: 'overMax', message: 'EventBridge retry.attempts 186 is over the maximum of 185.' },
        { messageId: 'overMax', message: 'EventBridge retry.maxAge 25h (1 d 1 h) is over the maximum of 24 hours (86,400 s).' },
      ],
      output: busRetry('{ attempts: 185, maxAge: 24h }'),
    },
    {
      name: 'rule target retry below its minimum age, and not whole seconds',
      code: `${S}  bus: { type: eventbridge }\nflows:\n  - bus -> f: { onFailure: dlq, retry: { maxAge: «59s» } }\n  - bus -> dlq: { rule: r2, onFailure: dlq, retry: { maxAge: «90.5s» } }\n  - dlq -> f\n`,
      errors: [
        { messageId: 'belowMin', message: 'EventBridge retry.maxAge 59s (59 s) is below the minimum of 60 s.' },
        { messageId: 'notWhole', message: /^EventBridge retry\.maxAge 90\.5s .* is not a whole number of seconds/ },
      ],
      output: `${S}  bus: { type: eventbridge }\nflows:\n  - bus -> f: { onFailure: dlq, retry: { maxAge: 60s } }\n  - bus -> dlq: { rule: r2, onFailure: dlq, retry: { maxAge: 91s } }\n  - dlq -> f\n`,
    },
    {
      name: 'Scheduler schedule target retry out of range, block style',
      code: `${S}  tick: { type: schedule, expression: at(2027-01-01T09:00:00) }\nflows:\n  - tick -> f:\n      onFailure: dlq\n      retry:\n        attempts: «200»   # too many\n        maxAge: «30s»\n  - dlq -> f\n`,
      errors: [
        { messageId: 'overMax', message: 'EventBridge Scheduler retry.attempts 200 is over the maximum of 185.' },
        { messageId: 'belowMin', message: 'EventBridge Scheduler retry.maxAge 30s (30 s) is below the minimum of 60 s.' },
      ],
      output: `${S}  tick: { type: schedule, expression: at(2027-01-01T09:00:00) }\nflows:\n  - tick -> f:\n      onFailure: dlq\n      retry:\n        attempts: 185   # too many\n        maxAge: 60s\n  - dlq -> f\n`,
    },
  ],
});
