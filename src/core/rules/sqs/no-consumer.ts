import { defineRule } from '../define-rule';
import { SQS } from '../../limits/aws';
import { numberOf } from '../../model/model';
import { formatSeconds } from '../../parse/values';

export default defineRule({
  id: 'sqs/no-consumer',
  defaultSeverity: 'warning',
  summary: 'An SQS queue that nothing reads (dead-letter queues are exempt)',
  facts: [SQS.retentionDefault],
  sources: [SQS.deadLetterQueues],
  fixable: false,
  hasSuggestions: false,
  messages: {
    noConsumer:
      "Nothing reads queue '{id}': no flow goes out of it, so its messages wait until the {retention} retention period deletes them unread.",
  },
  check(context) {
    const { model } = context;
    for (const queue of model.ofType('sqs')) {
      if (model.deadLetterIds.has(queue.id)) continue;
      if (model.outbound(queue).some((connection) => connection.origin === 'flow')) continue;
      const retention = numberOf(queue, 'retention');
      context.report({
        at: queue.key,
        messageId: 'noConsumer',
        data: { id: queue.id, retention: retention === undefined ? 'queue' : formatSeconds(retention) },
      });
    }
  },
});
