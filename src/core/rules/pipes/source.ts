import { defineRule } from '../define-rule';
import { PIPES } from '../../limits/aws';
import { article, PIPE_SOURCES } from '../../model/connections';
import type { Connection } from '../../model/model';
import type { ResourceType } from '../../model/properties';

/** Where the events of a source that no Pipe reads can go instead. */
const INSTEAD: Partial<Record<ResourceType, string>> = {
  sns: 'subscribe an SQS queue to the topic and pipe from the queue',
  eventbridge: 'a rule on the bus delivers to the target directly (drop `via: pipe`)',
  s3: "send the bucket's notifications to an SQS queue and pipe from the queue, or to EventBridge",
  schedule: 'a schedule targets the resource directly (drop `via: pipe`)',
  firehose: 'read the Kinesis stream that feeds the delivery stream instead',
};

export default defineRule({
  id: 'pipes/source',
  defaultSeverity: 'error',
  summary:
    'An EventBridge Pipe (`via: pipe`) from a resource Pipes cannot read: of the format’s types, only SQS queues, Kinesis streams and DynamoDB streams',
  sources: [PIPES.sources],
  fixable: false,
  hasSuggestions: false,
  messages: {
    unsupported:
      "An EventBridge Pipe cannot read from '{source}' ({kind}): Pipes poll SQS queues, Kinesis streams, DynamoDB streams, Amazon MQ brokers and Kafka topics (Amazon MSK or self-managed), nothing else. {instead}.",
  },
  check(context) {
    // A fan-out `topic -> a, b: { via: pipe }` names its source once: one finding there, about every connection.
    const bySource = new Map<number, Connection[]>();
    for (const connection of context.model.connections) {
      const from = connection.from?.type;
      if (connection.origin !== 'flow' || !from || !connection.to?.type) continue;
      if (connection.props.get('via')?.value !== 'pipe' || PIPE_SOURCES.includes(from)) continue;
      const group = bySource.get(connection.source.start);
      if (group) group.push(connection);
      else bySource.set(connection.source.start, [connection]);
    }
    for (const connections of bySource.values()) {
      const first = connections[0]!;
      const type = first.from!.type!;
      const instead = INSTEAD[type] ?? 'Put an SQS queue in between and pipe from the queue';
      context.report({
        at: first.source,
        connections,
        messageId: 'unsupported',
        data: { source: first.from!.id, kind: article(type), instead: instead.charAt(0).toUpperCase() + instead.slice(1) },
      });
    }
  },
});
