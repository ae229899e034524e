import { defineRule } from '../define-rule';
import { S3_NOTIFICATIONS } from '../../limits/aws';
import type { Edits } from '../../edit/edits';
import { canChangeFifo, changeFifo, nameAfterChange } from '../fifo-change';

export default defineRule({
  id: 's3/fifo-notification',
  defaultSeverity: 'error',
  summary: 'An S3 event notification to a FIFO queue or FIFO topic: S3 delivers only to standard ones',
  sources: [S3_NOTIFICATIONS.queueConfiguration, S3_NOTIFICATIONS.destinations],
  fixable: false,
  hasSuggestions: true,
  messages: {
    fifoDestination:
      "S3 bucket '{bucket}' cannot send event notifications to FIFO {kind} '{target}': S3 delivers only to standard queues and topics and rejects the notification configuration. Send to a standard {kind}, or send the bucket's events to EventBridge (`{bucket} -> <bus>`) and let a rule target the FIFO {kind}.",
    makeStandard: "Make {kind} '{id}' standard{renamed} (replaces the {kind} at deploy)",
  },
  check(context) {
    const { model } = context;
    for (const connection of model.connections) {
      const { from: bucket, to: target } = connection;
      if (connection.origin !== 'flow' || bucket?.type !== 's3') continue;
      if ((target?.type !== 'sqs' && target?.type !== 'sns') || !target.fifo) continue;
      const kind = target.type === 'sqs' ? 'queue' : 'topic';
      const newName = nameAfterChange(target, false);
      context.report({
        at: connection,
        messageId: 'fifoDestination',
        data: { bucket: bucket.id, target: target.id, kind },
        // Only where the queue or topic keeps every other connection valid as a standard one.
        suggest: canChangeFifo(model, target, false)
          ? [
              {
                messageId: 'makeStandard',
                data: { kind, id: target.id, renamed: newName === target.physicalName ? '' : `, renamed '${newName}'` },
                build: (edits: Edits) => changeFifo(edits, model, target, false),
              },
            ]
          : [],
      });
    }
  },
});
