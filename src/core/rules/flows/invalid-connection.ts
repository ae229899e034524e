import { defineRule } from '../define-rule';
import { classifyConnection, connectionOptions } from '../../model/connections';

const S3_DESTINATIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html';
const S3_NO_FIFO_QUEUE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-queueconfiguration.html';

export default defineRule({
  id: 'flows/invalid-connection',
  defaultSeverity: 'error',
  summary: 'A flow connects two resources in a way AWS cannot (for example `sqs -> sns` or `sns -> kinesis`), or a resource to itself',
  sources: [
    'https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
    S3_DESTINATIONS,
    S3_NO_FIFO_QUEUE,
  ],
  fixable: false,
  hasSuggestions: false,
  messages: {
    invalid: "AWS cannot connect '{from}' ({fromType}) to '{to}' ({toType}): {reason}.",
    self: "'{id}' is connected to itself: whatever it sends comes straight back to it, a loop that never ends. Name the resource it really sends to.",
    s3Fifo:
      "S3 event notifications cannot go to '{to}': it is a FIFO {kind}, and S3 sends only to standard SQS queues and SNS topics (or Lambda, or EventBridge).",
  },
  check(context) {
    for (const connection of context.model.connections) {
      const { from, to } = connection;
      if (connection.origin !== 'flow' || !from?.type || !to?.type) continue;
      if (from === to) {
        context.report({
          at: connection,
          messageId: 'self',
          data: { id: from.id },
          ...(classifyConnection(from.type, to.type, connectionOptions(connection)).kind === 'invalid'
            ? {}
            : { severity: 'warning' as const }),
        });
        continue;
      }
      const verdict = classifyConnection(from.type, to.type, connectionOptions(connection));
      if (verdict.kind === 'invalid') {
        context.report({
          at: connection,
          messageId: 'invalid',
          data: { from: from.id, fromType: from.type, to: to.id, toType: to.type, reason: verdict.reason ?? 'not a supported integration' },
        });
      } else if (from.type === 's3' && to.fifo && (to.type === 'sqs' || to.type === 'sns')) {
        // Only the types reach classifyConnection; FIFO is a property of the resource.
        context.report({ at: connection, messageId: 's3Fifo', data: { to: to.id, kind: to.type === 'sqs' ? 'queue' : 'topic' } });
      }
    }
  },
});
