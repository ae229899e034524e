import { defineRule } from '../define-rule';
import { classifyConnection, connectionOptions } from '../../model/connections';

const S3_DESTINATIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html';

export default defineRule({
  id: 'flows/invalid-connection',
  defaultSeverity: 'error',
  summary: 'A flow connects two resources in a way AWS cannot (for example `sqs -> sns` or `sns -> kinesis`), or a resource to itself',
  sources: [
    'https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
    S3_DESTINATIONS,
  ],
  fixable: false,
  hasSuggestions: false,
  messages: {
    invalid: "AWS cannot connect '{from}' ({fromType}) to '{to}' ({toType}): {reason}.",
    self: "'{id}' is connected to itself: whatever it sends comes straight back to it, a loop that never ends. Name the resource it really sends to.",
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
      }
      // An S3 notification to a FIFO queue or topic is s3/fifo-notification's finding (FIFO is the resource's property, not its type).
    }
  },
});
