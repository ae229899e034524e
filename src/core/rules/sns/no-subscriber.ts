import { defineRule } from '../define-rule';

export default defineRule({
  id: 'sns/no-subscriber',
  defaultSeverity: 'warning',
  summary: 'An SNS topic that nothing subscribes to',
  sources: ['https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html'],
  fixable: false,
  hasSuggestions: false,
  messages: {
    noSubscriber:
      "Nothing subscribes to topic '{id}': no flow goes out of it, and SNS keeps no copy of a message it has nobody to deliver to, so everything published to it is lost.",
  },
  check(context) {
    const { model } = context;
    for (const topic of model.ofType('sns')) {
      if (model.outbound(topic).some((connection) => connection.origin === 'flow')) continue;
      context.report({ at: topic.key, messageId: 'noSubscriber', data: { id: topic.id } });
    }
  },
});
