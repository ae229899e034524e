import rule from '../../../../src/core/rules/schedule/expression';
import { ruleTester } from '../../../helpers/rule-tester';

const tick = (expression: string) => `resources:\n  tick: { type: schedule, expression: ${expression} }`;
// Block style, for expressions with commas (a comma ends a plain scalar inside `{ }`).
const block = (expression: string) => `resources:\n  tick:\n    type: schedule\n    expression: ${expression}\n`;

ruleTester(rule, {
  valid: [
    { name: 'daily at 02:00', code: tick('cron(0 2 * * ? *)') },
    { name: 'weekdays, names and ranges', code: tick('cron(0/15 8-17 ? * MON-FRI *)') },
    { name: 'last day of the month, lists', code: block('cron(0,30 10 L 1,4,7,10 ? 2026-2030)') },
    { name: 'nearest weekday, month names', code: tick('cron(0 9 15W jan-mar ? *)') },
    { name: 'second Tuesday (one #)', code: tick('cron(0 9 ? * 3#2 *)') },
    { name: 'last Friday', code: tick('cron(0 18 ? * 6L *)') },
    { name: 'field limits', code: tick('cron(59 23 31 12 ? 2199)') },
    { name: 'rate, singular', code: tick('rate(1 hour)') },
    { name: 'rate, plural', code: tick('rate(5 minutes)') },
    { name: 'rate, quoted', code: tick('"rate(7 days)"') },
    { name: 'an EventBridge Scheduler one-time schedule', code: tick('at(2026-12-31T23:59:00)') },
    { name: 'from defaults', code: 'defaults:\n  schedule: { expression: rate(1 day) }\nresources:\n  tick: { type: schedule }' },
    {
      name: 'half-typed: expression with no value',
      code: 'resources:\n  tick:\n    type: schedule\n    expression:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'examples/mistakes.awsflow: both day fields set, comment kept',
      code: 'resources:\n  tick:\n    type: schedule\n    expression: «cron(0 12 * * * *)» # noon\n',
      errors: [
        {
          messageId: 'cronBothDays',
          message: 'In cron(0 12 * * * *), Day-of-month `*` and Day-of-week `*` are both set: EventBridge needs `?` in one of them.',
        },
      ],
      output: 'resources:\n  tick:\n    type: schedule\n    expression: cron(0 12 * * ? *) # noon\n',
    },
    {
      name: 'both set, Day-of-month loose: it becomes `?`',
      code: tick('«"cron(0 8 * * MON-FRI *)"»'),
      errors: [{ messageId: 'cronBothDays' }],
      output: tick('"cron(0 8 ? * MON-FRI *)"'),
    },
    {
      name: 'both set to values: no safe fix',
      code: tick('«cron(0 8 1 * MON *)»'),
      errors: [{ messageId: 'cronBothDays' }],
    },
    {
      name: 'both `?`',
      code: tick('«cron(0 8 ? * ? *)»'),
      errors: [
        {
          messageId: 'cronNoDays',
          message:
            'In cron(0 8 ? * ? *), Day-of-month and Day-of-week are both `?`: only one of them may be `?`, the other says which days (a value or `*`).',
        },
      ],
      output: tick('cron(0 8 * * ? *)'),
    },
    {
      name: 'a Unix cron: 5 fields',
      code: tick('«cron(0 12 * * *)»'),
      errors: [
        {
          messageId: 'cronFieldCount',
          message:
            'cron(0 12 * * *) has 5 fields; an EventBridge cron expression needs 6: Minutes Hours Day-of-month Month Day-of-week Year. A Unix cron has 5: add the Year (`*`) and put `?` in Day-of-month or Day-of-week.',
        },
      ],
    },
    {
      name: 'just over each range',
      code: tick('«««««cron(60 24 ? 13 8 2200)»»»»»'),
      errors: [
        { messageId: 'cronField', message: 'In cron(60 24 ? 13 8 2200), the Minutes field `60` is invalid: 60 is outside 0–59.' },
        { messageId: 'cronField', message: /the Hours field `24` is invalid: 24 is outside 0–23\.$/ },
        { messageId: 'cronField', message: /the Month field `13` is invalid: 13 is outside 1–12\.$/ },
        { messageId: 'cronField', message: /the Day-of-week field `8` is invalid: 8 is outside 1–7\.$/ },
        { messageId: 'cronField', message: /the Year field `2200` is invalid: 2200 is outside 1970–2199\.$/ },
      ],
    },
    {
      name: 'just under: day of month 0, year 1969',
      code: tick('««cron(0 0 0 * ? 1969)»»'),
      errors: [
        { messageId: 'cronField', message: /Day-of-month field `0` is invalid: 0 is outside 1–31/ },
        { messageId: 'cronField', message: /Year field `1969`/ },
      ],
    },
    {
      name: 'two # expressions',
      code: block('«cron(0 9 ? * 3#1,6#3 *)»'),
      errors: [
        {
          messageId: 'cronField',
          message:
            'In cron(0 9 ? * 3#1,6#3 *), the Day-of-week field `3#1,6#3` is invalid: only one `#` expression is allowed in the field.',
        },
      ],
    },
    {
      name: 'wildcards in the wrong field',
      code: tick('««cron(0 L ? * 2W *)»»'),
      errors: [
        { messageId: 'cronField', message: /Hours field `L` is invalid: `L` is only allowed in Day-of-month and Day-of-week\.$/ },
        { messageId: 'cronField', message: /Day-of-week field `2W` is invalid: `W` is only allowed in Day-of-month\.$/ },
      ],
    },
    {
      name: '? outside the day fields, bad names, step 0',
      code: tick('«««cron(? 0/0 1 FOO ? *)»»»'),
      errors: [
        { messageId: 'cronField', message: /Minutes field `\?` is invalid: `\?` is only allowed in Day-of-month and Day-of-week/ },
        { messageId: 'cronField', message: /Hours field `0\/0` is invalid: the step after `\/` must be at least 1/ },
        { messageId: 'cronField', message: /Month field `FOO` is invalid: FOO is not a month name \(JAN–DEC\)/ },
      ],
    },
    {
      name: 'rate: plural with 1',
      code: 'resources:\n  tick:\n    type: schedule\n    expression: «rate(1 hours)»   # hourly\n',
      errors: [
        { messageId: 'rateSingular', message: 'In rate(1 hours), the value is 1, so the unit must be singular: `hour`, not `hours`.' },
      ],
      output: 'resources:\n  tick:\n    type: schedule\n    expression: rate(1 hour)   # hourly\n',
    },
    {
      name: 'rate: singular over 1, quoted',
      code: tick("«'rate(5 minute)'»"),
      errors: [
        {
          messageId: 'ratePlural',
          message: 'In rate(5 minute), the value 5 is over 1, so the unit must be plural: `minutes`, not `minute`.',
        },
      ],
      output: tick("'rate(5 minutes)'"),
    },
    {
      name: 'rate: zero',
      code: tick('«rate(0 minutes)»'),
      errors: [
        { messageId: 'rateValue', message: 'In rate(0 minutes), the value `0` is invalid: it must be a whole number of at least 1.' },
      ],
    },
    {
      name: 'rate: seconds',
      code: tick('«rate(30 seconds)»'),
      errors: [
        {
          messageId: 'rateUnit',
          message:
            'In rate(30 seconds), the unit `seconds` is invalid: EventBridge takes minute(s), hour(s) or day(s); the finest interval is one minute.',
        },
      ],
    },
    {
      name: 'rate: not value and unit',
      code: tick('«rate(5)»'),
      errors: [{ messageId: 'rateForm' }],
    },
    {
      name: 'fields without cron(…)',
      code: tick('«"0 12 * * ? *"»'),
      errors: [
        {
          messageId: 'notExpression',
          message:
            'Schedule expression 0 12 * * ? * is not cron(…) or rate(…): EventBridge takes cron(Minutes Hours Day-of-month Month Day-of-week Year) or rate(value unit). Write the fields inside cron(…).',
        },
      ],
    },
    {
      name: 'a bad one-time schedule',
      code: tick('«at(tomorrow)»'),
      errors: [{ messageId: 'notExpression', message: /A one-time schedule is at\(yyyy-mm-ddThh:mm:ss\)\.$/ }],
    },
    {
      name: 'no expression: on the key',
      code: 'resources:\n  «tick»:\n    type: schedule\n    label: nightly\n',
      errors: [
        { messageId: 'missing', message: 'Schedule tick has no expression: EventBridge needs cron(…) or rate(…) to know when to fire.' },
      ],
    },
    {
      name: 'from defaults: reported once, on the defaults node',
      code: 'defaults:\n  schedule: { expression: «rate(2 day)» }\nresources:\n  a: { type: schedule }\n  b: { type: schedule }',
      errors: [{ messageId: 'ratePlural' }],
      output: 'defaults:\n  schedule: { expression: rate(2 days) }\nresources:\n  a: { type: schedule }\n  b: { type: schedule }',
    },
  ],
});
