import { defineRule } from '../define-rule';
import { EVENTBRIDGE, SCHEDULER } from '../../limits/aws';
import type { Edits } from '../../edit/edits';
import type { Prop } from '../../model/model';

/** What only EventBridge Scheduler has, as the message names it. */
const SCHEDULER_ONLY = {
  timezone: 'time zones (scheduled rules run in UTC)',
  flexibleWindow: 'flexible time windows',
} as const;

export default defineRule({
  id: 'schedule/scheduler-only',
  defaultSeverity: 'error',
  summary:
    'A schedule with `kind: rule` uses what only EventBridge Scheduler has: a one-time `at(…)` expression, `timezone` or `flexibleWindow`',
  sources: [EVENTBRIDGE.scheduleExpressions, SCHEDULER.expressions],
  fixable: false,
  hasSuggestions: true,
  messages: {
    schedulerOnly:
      "Schedule '{id}' is an EventBridge scheduled rule (`kind: rule`), which has no {feature}: only EventBridge Scheduler does. Set `kind: scheduler`, or remove `{property}`.",
    oneTime:
      "Schedule '{id}' is an EventBridge scheduled rule (`kind: rule`), which takes only cron(…) and rate(…): a one-time at(…) schedule needs EventBridge Scheduler. Set `kind: scheduler`.",
    useScheduler: 'Set `kind: scheduler`',
  },
  check(context) {
    for (const schedule of context.model.ofType('schedule')) {
      const kind = schedule.props.get('kind');
      // Only a written `kind: rule` contradicts them: without `kind`, they make the schedule a Scheduler schedule.
      if (kind?.value !== 'rule' || !kind.node) continue;
      const kindNode = kind.node;
      const suggest = [{ messageId: 'useScheduler' as const, build: (edits: Edits) => edits.replace(kindNode, 'scheduler') }];
      const expression = schedule.props.get('expression');
      if (expression?.node && typeof expression.value === 'string' && /^\s*at\(/.test(expression.value)) {
        context.report({ at: expression.node, messageId: 'oneTime', data: { id: schedule.id }, ...(kind.fromDefaults ? {} : { suggest }) });
      }
      for (const property of Object.keys(SCHEDULER_ONLY) as (keyof typeof SCHEDULER_ONLY)[]) {
        const prop: Prop | undefined = schedule.props.get(property);
        if (!prop) continue;
        context.report({
          at: prop.node ?? prop.key,
          messageId: 'schedulerOnly',
          data: { id: schedule.id, feature: SCHEDULER_ONLY[property], property },
          ...(kind.fromDefaults ? {} : { suggest }),
        });
      }
    }
  },
});
