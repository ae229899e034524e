import { defineRule } from '../define-rule';
import { EVENTBRIDGE, SCHEDULER } from '../../limits/aws';
import type { Edits, TextEdit } from '../../edit/edits';
import type { FlowEntry, Model } from '../../model/model';
import { isScalar } from '../../parse/ast';
import { eventTargetsOf, senderText } from '../event-targets';

export default defineRule({
  id: 'eventbridge/no-dlq',
  defaultSeverity: 'info',
  summary:
    'An EventBridge rule target or a schedule target without a dead-letter queue (`onFailure`): events that fail every retry are dropped',
  facts: [EVENTBRIDGE.retryMaxAgeDefault],
  sources: [EVENTBRIDGE.targetDeadLetterQueue, SCHEDULER.deadLetterQueue],
  fixable: false,
  hasSuggestions: true,
  messages: {
    noDlq:
      "{sender} delivers to '{target}' without a dead-letter queue (`onFailure`): an event that still fails after the retries (by default 185 attempts over 24 hours), or at once on a permission or missing-target error, is dropped, and nobody sees it. Set `onFailure` to a standard SQS queue.",
    addDlq: "Send failed events to a new queue '{dlq}'",
    useDlq: "Send failed events to the existing queue '{dlq}'",
  },
  check(context) {
    const { model } = context;
    for (const entry of model.flows) {
      if (entry.props.has('onFailure')) continue;
      const targets = eventTargetsOf(entry);
      const first = targets[0];
      if (!first) continue;
      const dlq = dlqId(first.from!.id);
      const exists = model.byId.get(dlq);
      // An existing resource of that id that cannot be a target's DLQ is no suggestion.
      const usable = !exists || (exists.type === 'sqs' && !exists.fifo);
      for (const connection of targets) {
        context.report({
          at: connection,
          messageId: 'noDlq',
          data: { sender: senderText(connection), target: connection.to!.id },
          suggest: usable
            ? [
                {
                  messageId: exists ? 'useDlq' : 'addDlq',
                  data: { dlq },
                  build: (edits) => addOnFailure(edits, model, entry, dlq, !exists),
                },
              ]
            : [],
        });
      }
    }
  },
});

/** `<sender>-dlq`, within the 80-character id and queue name limit. */
function dlqId(sender: string): string {
  return `${sender.slice(0, 80 - '-dlq'.length)}-dlq`;
}

/**
 * `onFailure: <dlq>` on the entry: a new pair in its map, or a plain `a -> b` string made
 * the key of a one-key map. The queue itself is appended to `resources` when it is new.
 */
function addOnFailure(edits: Edits, model: Model, entry: FlowEntry, dlq: string, create: boolean): TextEdit[] | undefined {
  let link: TextEdit | undefined;
  if (entry.propsNode) link = edits.insertProperty(entry.propsNode, 'onFailure', dlq);
  else if (entry.node === entry.flowNode && isScalar(entry.flowNode) && !entry.flowNode.quoted && !entry.flowNode.shared)
    link = edits.insertAt(entry.flowNode.end, `: { onFailure: ${dlq} }`);
  if (!link) return undefined;
  if (!create) return [link];
  const queue = edits.appendResource(model, dlq, [
    ['type', 'sqs'],
    ['retention', '14d'],
  ]);
  return queue ? [link, queue] : undefined;
}
