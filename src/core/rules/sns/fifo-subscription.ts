import { defineRule } from '../define-rule';
import { SNS } from '../../limits/aws';
import { classifyConnection } from '../../model/connections';
import type { Model, Resource } from '../../model/model';
import type { Edits } from '../../edit/edits';
import { canChangeFifo, changeFifo, nameAfterChange } from '../fifo-change';

export default defineRule({
  id: 'sns/fifo-subscription',
  defaultSeverity: 'error',
  summary:
    'A standard topic subscribing a FIFO queue, a FIFO topic subscribing anything but an SQS queue, or a FIFO topic delivering to a standard queue',
  sources: [SNS.fifoSubscriptions, 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-grouping.html'],
  fixable: false,
  hasSuggestions: true,
  messages: {
    standardToFifo:
      "Standard topic '{topic}' cannot subscribe FIFO queue '{target}': SNS rejects the subscription (FIFO queues subscribe only to FIFO topics). Make the topic FIFO, or the queue standard.",
    fifoToOther:
      "FIFO topic '{topic}' cannot deliver to {targetKind} '{target}': FIFO topics deliver only to SQS queues. Put an SQS FIFO queue between them, and let it trigger the target.",
    makeTopicFifo: "Make topic '{id}' FIFO{renamed} (replaces the topic at deploy)",
    makeQueueStandard: "Make queue '{id}' standard{renamed} (replaces the queue at deploy)",
    fifoToStandard:
      "FIFO topic '{topic}' delivers to standard queue '{target}': SNS allows it, but the queue drops the ordering and deduplication the topic provides, so '{target}' can see messages out of order and twice.",
  },
  check(context) {
    for (const connection of context.model.connections) {
      const { from: topic, to: target } = connection;
      if (connection.origin !== 'flow' || topic?.type !== 'sns' || !target?.type || topic === target) continue;
      // A subscription AWS cannot make at all is flows/invalid-connection's finding.
      if (classifyConnection('sns', target.type).kind === 'invalid') continue;
      const data = { topic: topic.id, target: target.id, targetKind: KIND[target.type] ?? target.type };
      if (!topic.fifo) {
        if (target.type === 'sqs' && target.fifo) {
          const { model } = context;
          context.report({
            at: connection,
            messageId: 'standardToFifo',
            data,
            suggest: [
              ...(canChangeFifo(model, topic, true) ? [change(model, topic, true, 'makeTopicFifo' as const)] : []),
              ...(canChangeFifo(model, target, false) ? [change(model, target, false, 'makeQueueStandard' as const)] : []),
            ],
          });
        }
      } else if (target.type !== 'sqs') {
        context.report({ at: connection, messageId: 'fifoToOther', data });
      } else if (!target.fifo) {
        context.report({ at: connection, messageId: 'fifoToStandard', data, severity: 'warning' });
      }
    }
  },
});

/** The suggestion the message names: the topic made FIFO, or the queue made standard (renamed where needed). */
function change<MessageId extends string>(model: Model, resource: Resource, fifo: boolean, messageId: MessageId) {
  const newName = nameAfterChange(resource, fifo);
  return {
    messageId,
    data: { id: resource.id, renamed: newName === resource.physicalName ? '' : `, renamed '${newName}'` },
    build: (edits: Edits) => changeFifo(edits, model, resource, fifo),
  };
}

const KIND: Partial<Record<string, string>> = {
  lambda: 'Lambda function',
  firehose: 'Firehose stream',
  client: 'HTTP/S, email, SMS or mobile endpoint',
  'api-gateway': 'HTTP/S endpoint',
  alb: 'HTTP/S endpoint',
  ecs: 'HTTP/S endpoint',
  eks: 'HTTP/S endpoint',
  ec2: 'HTTP/S endpoint',
  apprunner: 'HTTP/S endpoint',
  beanstalk: 'HTTP/S endpoint',
};
