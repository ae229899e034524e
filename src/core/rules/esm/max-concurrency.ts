import { defineRule } from '../define-rule';
import { ESM } from '../../limits/aws';
import { isScalar, type YScalar } from '../../parse/ast';
import { formatNumber } from '../../parse/values';

export default defineRule({
  id: 'esm/max-concurrency',
  defaultSeverity: 'error',
  summary: "SQS event source mapping maxConcurrency outside 2–1,000 (error), or above the function's reserved concurrency (warning)",
  facts: [ESM.maxConcurrencyMin, ESM.maxConcurrencyMax],
  fixable: true,
  hasSuggestions: true,
  messages: {
    belowMin: 'maxConcurrency {given} is below the minimum of {limit}: Lambda rejects the event source mapping.',
    overMax: 'maxConcurrency {given} is over the maximum of {limit}: Lambda rejects the event source mapping.',
    overReserved:
      "maxConcurrency {given} is above the reserved concurrency of '{target}' ({reserved}): the mapping invokes more often than the function may run at once, so Lambda throttles it and the messages return to the queue (and reach its dead-letter queue after maxReceiveCount).",
    clamp: 'Set maxConcurrency to {value}',
    matchReserved: 'Set maxConcurrency to {value} (the reserved concurrency)',
  },
  check(context) {
    // A fan-out entry shares one props map among its connections: one finding per node and kind.
    const reported = new Set<string>();
    const once = (node: YScalar, kind: string) => {
      const key = `${node.start}:${kind}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const connection of context.model.connections) {
      const { from: source, to: target } = connection;
      if (connection.origin !== 'flow' || source?.type !== 'sqs' || target?.type !== 'lambda') continue;
      const prop = connection.props.get('maxConcurrency');
      if (!prop || !isScalar(prop.node) || typeof prop.value !== 'number') continue;
      const node = prop.node;
      const given = prop.value;
      const limit =
        given < ESM.maxConcurrencyMin.value
          ? ESM.maxConcurrencyMin
          : given > ESM.maxConcurrencyMax.value
            ? ESM.maxConcurrencyMax
            : undefined;
      if (limit) {
        if (!once(node, 'range')) continue;
        const value = String(limit.value);
        context.report({
          at: node,
          messageId: limit === ESM.maxConcurrencyMin ? 'belowMin' : 'overMax',
          data: { given: formatNumber(given), limit: limit.text },
          fix: { messageId: 'clamp', data: { value }, build: (edits) => edits.replace(node, value) },
        });
        continue;
      }
      const reserved = target.props.get('reservedConcurrency')?.value;
      if (typeof reserved !== 'number' || given <= reserved || !once(node, `reserved:${target.id}`)) continue;
      const value = String(reserved);
      context.report({
        at: node,
        messageId: 'overReserved',
        severity: 'warning',
        data: { given: formatNumber(given), target: target.id, reserved: formatNumber(reserved) },
        // Below the minimum of 2 there is no valid value to match: leave it to the user.
        suggest:
          reserved >= ESM.maxConcurrencyMin.value
            ? [{ messageId: 'matchReserved', data: { value }, build: (edits) => edits.replace(node, value) }]
            : [],
      });
    }
  },
});
