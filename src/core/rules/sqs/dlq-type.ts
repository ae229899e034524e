import { defineRule } from '../define-rule';
import { SQS } from '../../limits/aws';
import { article } from '../../model/connections';
import { canChangeFifo, changeFifo, nameAfterChange } from '../fifo-change';

export default defineRule({
  id: 'sqs/dlq-type',
  defaultSeverity: 'error',
  summary:
    'SQS dead-letter queue of the other type (FIFO source with a standard DLQ, or the reverse), or a deadLetter target that is not a queue',
  sources: [SQS.dlqTypeMustMatch, SQS.deadLetterQueues],
  fixable: false,
  hasSuggestions: true,
  messages: {
    fifoToStandard: "FIFO queue {source} has a standard dead-letter queue ({target}); a FIFO queue's dead-letter queue must also be FIFO.",
    standardToFifo:
      "Standard queue {source} has a FIFO dead-letter queue ({target}); a standard queue's dead-letter queue must also be standard.",
    makeFifo: "Make '{target}' a FIFO queue{renamed} (replaces the queue at deploy)",
    makeStandard: "Make '{target}' a standard queue{renamed} (replaces the queue at deploy)",
    notQueue: 'The dead-letter target of queue {source} is {target}, {kind}; an SQS redrive policy can only name an SQS queue.',
  },
  check(context) {
    for (const connection of context.model.connections) {
      if (connection.origin !== 'deadLetter') continue;
      const { from: source, to: target } = connection;
      // An unknown target is flows/unknown-resource's; an untyped one the schema's.
      if (source?.type !== 'sqs' || !target?.type) continue;
      if (target.type !== 'sqs') {
        context.report({
          at: connection,
          messageId: 'notQueue',
          data: { source: source.id, target: target.id, kind: article(target.type) },
          related: [{ at: target.key, message: `${target.id}: ${article(target.type)}` }],
        });
        continue;
      }
      if (source.fifo === target.fifo) continue;
      const fifo = source.fifo;
      const newName = nameAfterChange(target, fifo);
      context.report({
        at: connection,
        messageId: fifo ? 'fifoToStandard' : 'standardToFifo',
        data: { source: source.id, target: target.id },
        // The dead-letter queue takes the source's type; a queue's type is fixed at creation, so AWS replaces it.
        suggest: canChangeFifo(context.model, target, fifo)
          ? [
              {
                messageId: fifo ? 'makeFifo' : 'makeStandard',
                data: { target: target.id, renamed: newName === target.physicalName ? '' : `, renamed '${newName}'` },
                build: (edits) => changeFifo(edits, context.model, target, fifo),
              },
            ]
          : [],
        related: [{ at: target.key, message: `dead-letter queue ${target.id}: ${target.fifo ? 'FIFO' : 'standard'}` }],
      });
    }
  },
});
