import { defineRule } from '../define-rule';
import { SNS } from '../../limits/aws';
import { classifyConnection } from '../../model/connections';

export default defineRule({
  id: 'sns/no-redrive',
  defaultSeverity: 'info',
  summary:
    'An SNS subscription without a dead-letter queue (deadLetter on the sns -> subscriber flow): messages SNS cannot deliver are discarded',
  sources: [SNS.deadLetterQueues, SNS.deliveryRetries],
  fixable: false,
  hasSuggestions: false,
  messages: {
    noRedrive:
      'The subscription {topic} -> {target} has no deadLetter: a message SNS cannot deliver (after its delivery retries, or at once on a client-side error such as a deleted endpoint or a denied key) is discarded. Set deadLetter to an SQS queue.',
  },
  check(context) {
    for (const connection of context.model.connections) {
      const { from: topic, to: target, entry } = connection;
      if (connection.origin !== 'flow' || !entry || topic?.type !== 'sns' || !target?.type || topic === target) continue;
      // A subscription AWS cannot make is flows/invalid-connection's finding.
      if (classifyConnection('sns', target.type).kind !== 'subscription') continue;
      // Written but not yet an id (half-typed) shows the intent: no finding.
      if (entry.props.has('deadLetter')) continue;
      context.report({ at: connection.target, messageId: 'noRedrive', data: { topic: topic.id, target: target.id } });
    }
  },
});
