import { defineRule } from '../define-rule';
import { EVENTBRIDGE, SCHEDULER, type Fact } from '../../limits/aws';
import type { Edits } from '../../edit/edits';
import { scheduleKind, type Connection, type Prop } from '../../model/model';
import type { ValueKind } from '../../model/properties';
import { isScalar } from '../../parse/ast';
import { clampText, givenText, limitText, RANGE_MESSAGES, type RangeMessageId } from '../range-check';
import { eventTargetsOf } from '../event-targets';
import type { RuleContext } from '../types';

interface Bounds {
  readonly min: Fact;
  readonly max: Fact;
  /** AWS takes the value in whole units of this many seconds. */
  readonly step?: Fact;
}

const FLEXIBLE_WINDOW: Bounds = { min: SCHEDULER.flexibleWindowMin, max: SCHEDULER.flexibleWindowMax, step: SCHEDULER.flexibleWindowStep };
const RULE_RETRY = {
  attempts: { min: EVENTBRIDGE.retryAttemptsMin, max: EVENTBRIDGE.retryAttemptsMax },
  maxAge: { min: EVENTBRIDGE.retryMaxAgeMin, max: EVENTBRIDGE.retryMaxAgeMax, step: EVENTBRIDGE.retrySecondsStep },
} as const;
const SCHEDULER_RETRY = {
  attempts: { min: SCHEDULER.retryAttemptsMin, max: SCHEDULER.retryAttemptsMax },
  maxAge: { min: SCHEDULER.retryMaxAgeMin, max: SCHEDULER.retryMaxAgeMax, step: EVENTBRIDGE.retrySecondsStep },
} as const;

export default defineRule({
  id: 'schedule/range',
  defaultSeverity: 'error',
  summary:
    "A Scheduler schedule's `flexibleWindow` outside 1–1,440 minutes in whole minutes, or a rule or schedule target's `retry` outside 0–185 attempts and 60 s–24 h",
  facts: [
    SCHEDULER.flexibleWindowMin,
    SCHEDULER.flexibleWindowMax,
    SCHEDULER.flexibleWindowStep,
    EVENTBRIDGE.retryAttemptsMin,
    EVENTBRIDGE.retryAttemptsMax,
    EVENTBRIDGE.retryMaxAgeMin,
    EVENTBRIDGE.retryMaxAgeMax,
    EVENTBRIDGE.retrySecondsStep,
    SCHEDULER.retryAttemptsMin,
    SCHEDULER.retryAttemptsMax,
    SCHEDULER.retryMaxAgeMin,
    SCHEDULER.retryMaxAgeMax,
  ],
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    const seen = new Set<number>();
    for (const schedule of context.model.ofType('schedule')) {
      // On a scheduled rule (`kind: rule`) a flexible window is schedule/scheduler-only's finding, whatever its value.
      if (scheduleKind(schedule) === 'rule') continue;
      const window = schedule.props.get('flexibleWindow');
      // 0 is no window at all: Scheduler's `Mode: OFF`.
      if (window?.value === 0) continue;
      if (window) checkValue(context, window, 'duration', FLEXIBLE_WINDOW, 'EventBridge Scheduler', 'flexibleWindow', seen);
    }
    for (const entry of context.model.flows) {
      const retry = entry.props.get('retry');
      const first = eventTargetsOf(entry)[0];
      if (!retry || !first) continue;
      const scheduler = isScheduler(first);
      const bounds = scheduler ? SCHEDULER_RETRY : RULE_RETRY;
      const service = scheduler ? 'EventBridge Scheduler' : 'EventBridge';
      const attempts = retry.children.get('attempts');
      const maxAge = retry.children.get('maxAge');
      if (attempts) checkValue(context, attempts, 'integer', bounds.attempts, service, 'retry.attempts', seen);
      if (maxAge) checkValue(context, maxAge, 'duration', bounds.maxAge, service, 'retry.maxAge', seen);
    }
  },
});

function isScheduler(connection: Connection): boolean {
  return connection.from?.type === 'schedule' && scheduleKind(connection.from) === 'scheduler';
}

/**
 * Below the minimum, over the maximum, or between whole units: one finding on the value
 * (reported once, also when it comes from `defaults`), with a fix to the nearest value AWS takes.
 */
function checkValue(
  context: RuleContext<RangeMessageId>,
  prop: Prop,
  kind: ValueKind,
  bounds: Bounds,
  service: string,
  property: string,
  seen: Set<number>,
): void {
  const node = prop.node;
  const value = prop.value;
  if (!isScalar(node) || typeof value !== 'number' || seen.has(node.start)) return;
  seen.add(node.start);
  const fix = (to: number) => {
    const text = clampText(kind, node, to);
    return { messageId: 'clamp' as const, data: { property, value: text }, build: (edits: Edits) => edits.replace(node, text) };
  };
  const given = givenText(kind, node, value);
  if (value < bounds.min.value || value > bounds.max.value) {
    const below = value < bounds.min.value;
    const limit = below ? bounds.min : bounds.max;
    context.report({
      at: node,
      messageId: below ? 'belowMin' : 'overMax',
      data: { service, property, given, limit: limitText(kind, limit) },
      fix: fix(limit.value),
    });
    return;
  }
  const step = bounds.step;
  if (!step || Number.isInteger(Math.round((value / step.value) * 1e6) / 1e6)) return;
  const nearest = Math.min(Math.max(Math.round(value / step.value) * step.value, bounds.min.value), bounds.max.value);
  context.report({
    at: node,
    messageId: 'notWhole',
    data: { service, property, given, unit: step.text.replace(/^whole /, ''), step: step.text },
    fix: fix(nearest),
  });
}
