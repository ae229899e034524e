import { defineRule } from '../define-rule';
import { classifyConnection, connectionOptions, PIPE_SOURCES } from '../../model/connections';
import { PIPES, STEP_FUNCTIONS } from '../../limits/aws';
import type { Connection } from '../../model/model';

const S3_DESTINATIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html';

export default defineRule({
  id: 'flows/invalid-connection',
  defaultSeverity: 'error',
  summary: 'A flow connects two resources in a way AWS cannot (for example `sqs -> sns` or `sns -> kinesis`), or a resource to itself',
  sources: [
    'https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
    S3_DESTINATIONS,
    PIPES.targets,
    STEP_FUNCTIONS.integrationPatterns,
  ],
  fixable: false,
  hasSuggestions: false,
  messages: {
    invalid: "AWS cannot connect '{from}' ({fromType}) to '{to}' ({toType}): {reason}.",
    self: "'{id}' is connected to itself: whatever it sends comes straight back to it, a loop that never ends. Name the resource it really sends to.",
    pipeFifoTopic:
      "An EventBridge Pipe cannot deliver to '{to}': it is a FIFO topic, and Pipes do not support SNS FIFO topics as targets. Pipe into a FIFO queue, or into a standard topic.",
    callbackNotTask:
      "`callback: true` on '{from}' -> '{to}', which is not a Step Functions task: only a task (`stepfunctions -> <service>`) waits for a task token (`.waitForTaskToken`). Remove `callback`.",
  },
  check(context) {
    // A fan-out or fan-in entry shares one `callback` node: one finding there.
    const callbacks = new Map<number, Connection[]>();
    for (const connection of context.model.connections) {
      const { from, to } = connection;
      if (connection.origin !== 'flow' || !from?.type || !to?.type) continue;
      // A Pipe from a source Pipes cannot read is pipes/source's finding.
      if (connection.props.get('via')?.value === 'pipe' && !PIPE_SOURCES.includes(from.type)) continue;
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
      } else if (verdict.kind === 'pipe' && to.type === 'sns' && to.fifo) {
        context.report({ at: connection, messageId: 'pipeFifoTopic', data: { to: to.id } });
      } else if (verdict.kind !== 'task' && connection.props.get('callback')?.value === true && connection.props.get('callback')?.node) {
        const node = connection.props.get('callback')!.node!;
        const group = callbacks.get(node.start);
        if (group) group.push(connection);
        else callbacks.set(node.start, [connection]);
      }
      // An S3 notification to a FIFO queue or topic is s3/fifo-notification's finding (FIFO is the resource's property, not its type).
    }
    for (const connections of callbacks.values()) {
      const first = connections[0]!;
      context.report({
        at: first.props.get('callback')!.node!,
        connections,
        messageId: 'callbackNotTask',
        data: { from: first.from!.id, to: first.to!.id },
      });
    }
  },
});
