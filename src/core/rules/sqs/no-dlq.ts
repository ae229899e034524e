import { defineRule } from '../define-rule';
import { SQS } from '../../limits/aws';
import { numberOf, type Resource } from '../../model/model';
import { formatSeconds } from '../../parse/values';
import type { TextEdit } from '../../edit/edits';

const MAX_RECEIVE_COUNT = 5;

export default defineRule({
  id: 'sqs/no-dlq',
  defaultSeverity: 'info',
  summary: 'A consumed SQS queue without a dead-letter queue',
  facts: [SQS.retentionMax],
  sources: [SQS.deadLetterQueues],
  fixable: false,
  hasSuggestions: true,
  messages: {
    noDlq:
      "Queue '{id}' is read by '{consumer}' but has no `deadLetter`: a message that keeps failing is received again and again until the {retention} retention period deletes it, and nobody sees why.",
    addDlq: "Add dead-letter queue '{dlq}' (maxReceiveCount {count})",
    useDlq: "Send failed messages to the existing '{dlq}' (maxReceiveCount {count})",
  },
  check(context) {
    const { model } = context;
    for (const queue of model.ofType('sqs')) {
      if (queue.props.has('deadLetter') || model.deadLetterIds.has(queue.id)) continue;
      const consumer = model.outbound(queue).find((connection) => connection.origin === 'flow');
      if (!consumer) continue;
      const retention = numberOf(queue, 'retention');
      const dlq = dlqId(queue);
      const exists = model.byId.has(dlq);
      const map = queue.node;
      context.report({
        at: queue.key,
        messageId: 'noDlq',
        data: { id: queue.id, consumer: consumer.target.id, retention: retention === undefined ? 'queue' : formatSeconds(retention) },
        suggest: map
          ? [
              {
                messageId: exists ? 'useDlq' : 'addDlq',
                data: { dlq, count: MAX_RECEIVE_COUNT },
                build: (edits) => {
                  const link = edits.insertProperty(map, 'deadLetter', `{ target: ${dlq}, maxReceiveCount: ${MAX_RECEIVE_COUNT} }`);
                  if (exists) return link;
                  const properties: [string, string][] = [
                    ['type', 'sqs'],
                    ...(queue.fifo ? [['fifo', 'true'] as [string, string]] : []),
                    ['retention', '14d'],
                  ];
                  return combine(link, edits.appendResource(model, dlq, properties));
                },
              },
            ]
          : [],
      });
    }
  },
});

/** `<id>-dlq`, or `<base>-dlq.fifo` for a FIFO queue (its name must end in `.fifo`), within the 80-character id limit. */
function dlqId(queue: Resource): string {
  const suffix = queue.fifo ? '-dlq.fifo' : '-dlq';
  const base = queue.fifo ? queue.id.replace(/\.fifo$/, '') : queue.id;
  return base.slice(0, SQS.nameMaxLength.value - suffix.length) + suffix;
}

/**
 * Both inserts can land on the same offset (the queue is the last resource of a file
 * without a final newline): one edit then keeps the property above the new resource.
 */
function combine(link: TextEdit, resource: TextEdit | undefined): TextEdit[] {
  if (!resource) return [link];
  if (link.start === link.end && resource.start === resource.end && link.start === resource.start) {
    return [{ start: link.start, end: link.end, newText: link.newText + resource.newText }];
  }
  return [link, resource];
}
