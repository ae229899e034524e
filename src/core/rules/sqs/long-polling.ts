import { defineRule } from '../define-rule';
import { SQS } from '../../limits/aws';
import { classifyConnection } from '../../model/connections';
import { numberOf } from '../../model/model';
import type { Edits } from '../../edit/edits';

const LONG_POLL = '20s';

export default defineRule({
  id: 'sqs/long-polling',
  defaultSeverity: 'info',
  summary: 'An SQS queue read by a polling consumer other than Lambda, with short polling (`receiveWait` 0)',
  facts: [SQS.receiveWaitMax],
  sources: [SQS.longPolling],
  fixable: true,
  hasSuggestions: false,
  messages: {
    shortPolling:
      "Queue '{id}' is polled by {consumers} with receiveWait {given} (short polling): a receive returns at once, often empty, and every empty receive is a billed request. Long polling waits up to {max} for messages.",
    shortPollingDefault:
      "Queue '{id}' is polled by {consumers} and sets no receiveWait, so SQS uses its default of 0 s (short polling): a receive returns at once, often empty, and every empty receive is a billed request. Long polling waits up to {max} for messages.",
    setWait: 'Set receiveWait to {value}',
    overrideWait: 'Set receiveWait to {value} (overrides receiveWait: {given})',
  },
  check(context) {
    const { model } = context;
    for (const queue of model.ofType('sqs')) {
      const pollers = model
        .outbound(queue)
        .filter(
          (connection) =>
            connection.origin === 'flow' &&
            connection.to?.type &&
            classifyConnection('sqs', connection.to.type).kind === 'polling-consumer',
        );
      if (pollers.length === 0 || numberOf(queue, 'receiveWait') !== 0) continue;
      const consumers = [...new Set(pollers.map((connection) => `'${connection.to!.id}'`))].join(', ');
      const wait = queue.props.get('receiveWait');
      const data = { id: queue.id, consumers, given: String(wait?.raw ?? ''), max: SQS.receiveWaitMax.text, value: LONG_POLL };
      if (wait?.node) {
        const node = wait.node;
        context.report({
          at: node,
          messageId: 'shortPolling',
          data,
          // Short polling written out may be a choice (an immediate answer): changing it takes a decision.
          fix: { messageId: 'overrideWait', data, build: (edits) => edits.replace(node, LONG_POLL), safeForFixAll: false },
        });
      } else {
        const map = queue.node;
        context.report({
          at: queue.key,
          messageId: 'shortPollingDefault',
          data,
          ...(map
            ? { fix: { messageId: 'setWait' as const, data, build: (edits: Edits) => edits.insertProperty(map, 'receiveWait', LONG_POLL) } }
            : {}),
        });
      }
    }
  },
});
