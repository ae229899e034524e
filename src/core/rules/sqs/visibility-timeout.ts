import { defineRule } from '../define-rule';
import { ESM, LAMBDA, SQS } from '../../limits/aws';
import { numberOf, type Connection, type Resource } from '../../model/model';
import { isScalar } from '../../parse/ast';
import { formatSeconds } from '../../parse/values';
import { compactDuration } from '../../edit/write-values';
import type { ReportAt } from '../types';

/** AWS's advice: at least six times the function's timeout. */
const ADVICE_FACTOR = 6;

export default defineRule({
  id: 'sqs/visibility-timeout',
  defaultSeverity: 'error',
  summary: "SQS visibility timeout below the consuming Lambda function's timeout (error), or below 6 × that timeout (warning)",
  facts: [SQS.visibilityTimeoutDefault, SQS.visibilityTimeoutMax, LAMBDA.timeoutDefault],
  sources: [ESM.visibilityTimeoutAdvice],
  fixable: true,
  hasSuggestions: false,
  messages: {
    belowTimeout:
      'Visibility timeout {visibility} of queue {queue} is below the {timeout} timeout of {fn}, which consumes it; Lambda refuses to create the event source mapping.',
    belowAdvice:
      'Visibility timeout {visibility} of queue {queue} is below 6 × the {timeout} timeout of {fn} ({advice}), the minimum AWS advises so that retried batches do not become visible again while still being processed.',
    setAdvice: 'Set the visibility timeout to {value}',
    overrideAdvice: 'Set the visibility timeout to {value} (overrides visibilityTimeout: {written})',
  },
  check(context) {
    const { model } = context;
    for (const queue of model.ofType('sqs')) {
      // The consumer with the longest timeout decides; the others need less.
      let consumer: { fn: Resource; timeout: number; connection: Connection } | undefined;
      for (const connection of model.outbound(queue)) {
        const fn = connection.to;
        if (connection.origin !== 'flow' || fn?.type !== 'lambda') continue;
        const timeout = numberOf(fn, 'timeout');
        if (timeout === undefined || timeout <= 0) continue;
        if (!consumer || timeout > consumer.timeout) consumer = { fn, timeout, connection };
      }
      if (!consumer) continue;
      const visibility = numberOf(queue, 'visibilityTimeout');
      const advice = consumer.timeout * ADVICE_FACTOR;
      if (visibility === undefined || visibility >= advice) continue;

      const { fn, timeout, connection } = consumer;
      const prop = queue.props.get('visibilityTimeout');
      const written = prop?.node && isScalar(prop.node) ? prop.node : undefined;
      const timeoutProp = fn.props.get('timeout');
      const visibilityText = written ? given(String(written.value), visibility) : `${formatSeconds(visibility)} (AWS default)`;
      const timeoutText =
        timeoutProp?.node && isScalar(timeoutProp.node)
          ? given(String(timeoutProp.node.value), timeout)
          : `${formatSeconds(timeout)} (AWS default)`;
      const related: { at: ReportAt; message: string }[] = [
        { at: timeoutProp?.node ?? fn.key, message: `timeout of ${fn.id}: ${formatSeconds(timeout)}` },
      ];
      if (connection.entry) related.push({ at: connection, message: `${fn.id} consumes ${queue.id} here` });

      // The fix would itself be out of range past 12 hours.
      const fixable = advice <= SQS.visibilityTimeoutMax.value;
      const own = written && !prop?.fromDefaults ? written : undefined;
      // A bare number of seconds stays bare; otherwise the shortest duration (`2h`, `3m`).
      const value = own && typeof own.value === 'number' ? String(advice) : compactDuration(advice);
      const map = queue.node;
      context.report({
        at: written ?? queue.key,
        messageId: visibility < timeout ? 'belowTimeout' : 'belowAdvice',
        ...(visibility < timeout ? {} : { severity: 'warning' as const }),
        data: { visibility: visibilityText, queue: queue.id, timeout: timeoutText, fn: fn.id, advice: formatSeconds(advice) },
        related,
        ...(fixable && (own || map)
          ? {
              fix: {
                // Below the function's timeout, AWS rejects the written value; below the advice it accepts it, and the value may be deliberate.
                ...(written && visibility >= timeout
                  ? { messageId: 'overrideAdvice' as const, safeForFixAll: false as const }
                  : { messageId: 'setAdvice' as const }),
                data: { value, written: String(written?.value ?? '') },
                // An inherited default stays for the other queues: this queue gets its own value.
                build: (edits) =>
                  own ? edits.replace(own, value) : map ? edits.insertProperty(map, 'visibilityTimeout', value) : undefined,
              },
            }
          : {}),
      });
    }
  },
});

/** `1800 (30 min)`; `30s` and `20m` say it already. */
function given(written: string, seconds: number): string {
  return compactDuration(seconds) === written.trim() ? written : `${written} (${formatSeconds(seconds)})`;
}
