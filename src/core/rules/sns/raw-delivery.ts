import { defineRule } from '../define-rule';
import { SNS } from '../../limits/aws';
import { removeProperty } from '../../edit/remove';
import { classifyConnection } from '../../model/connections';
import type { Connection } from '../../model/model';

/**
 * `rawDelivery: true` on a subscription SNS cannot deliver raw: a Lambda function. SQS and
 * Firehose subscriptions take it, and so do HTTP/S endpoints, which is what a subscribed
 * client, API or service is taken to be (awsflow cannot tell an e-mail or SMS client apart).
 */
export default defineRule({
  id: 'sns/raw-delivery',
  defaultSeverity: 'error',
  summary: '`rawDelivery: true` on an SNS subscription that does not support raw message delivery (a Lambda function)',
  sources: [SNS.rawDelivery],
  fixable: true,
  hasSuggestions: false,
  messages: {
    unsupported:
      'Raw message delivery is not available for Lambda subscriptions: SNS rejects `RawMessageDelivery` on the subscription of {subscriptions} (only SQS, HTTP/S and Firehose subscriptions support it). The function always gets the JSON envelope.',
    remove: 'Remove `rawDelivery`',
  },
  check(context) {
    for (const entry of context.model.flows) {
      const rawDelivery = entry.props.get('rawDelivery');
      if (!rawDelivery || rawDelivery.value !== true || !rawDelivery.node) continue;
      const unsupported: Connection[] = [];
      let supported = false;
      for (const connection of entry.connections) {
        if (!isSubscription(connection)) continue;
        if (connection.to?.type === 'lambda') unsupported.push(connection);
        else supported = true;
      }
      if (unsupported.length === 0) continue;
      const propsNode = entry.propsNode;
      context.report({
        at: rawDelivery.node,
        messageId: 'unsupported',
        data: { subscriptions: unsupported.map((c) => `'${c.source.id}' to '${c.target.id}'`).join(', ') },
        // The entry's other subscriptions (an SQS queue in `t -> q, f`) need the property: then it stays.
        ...(!supported && propsNode
          ? { fix: { messageId: 'remove' as const, build: (edits) => removeProperty(edits, propsNode, 'rawDelivery') } }
          : {}),
      });
    }
  },
});

function isSubscription(connection: Connection): boolean {
  const from = connection.from?.type;
  const to = connection.to?.type;
  return from === 'sns' && to !== undefined && classifyConnection(from, to).kind === 'subscription';
}
