import { defineRule } from '../define-rule';
import type { Edits } from '../../edit/edits';
import type { Resource } from '../../model/model';

const DYNAMODB_STREAMS_LAMBDA = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.Lambda.html';
const PIPES_DYNAMODB = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-dynamodb.html';

export default defineRule({
  id: 'dynamodb/stream-required',
  defaultSeverity: 'error',
  summary: 'A DynamoDB table read by a Lambda event source mapping (`dynamodb -> lambda`) or an EventBridge Pipe without `stream: true`',
  sources: [DYNAMODB_STREAMS_LAMBDA, PIPES_DYNAMODB],
  fixable: true,
  hasSuggestions: false,
  messages: {
    noStream:
      "'{table}' has no stream (`stream: true`), so {reader} has nothing to read: an event source mapping and a Pipe read a table's DynamoDB stream, which is off unless enabled.",
    enable: 'Set `stream: true` on {table}',
  },
  check(context) {
    const reported = new Set<Resource>();
    for (const connection of context.model.connections) {
      const table = connection.from;
      if (connection.origin !== 'flow' || table?.type !== 'dynamodb' || !connection.to?.type) continue;
      const pipe = connection.props.get('via')?.value === 'pipe';
      if (!pipe && connection.to.type !== 'lambda') continue;
      if (table.props.get('stream')?.value === true) continue;
      const stream = table.props.get('stream');
      const node = table.node;
      // One fix per table, though each connection reading it is reported.
      const fix =
        !reported.has(table) && node && !stream?.fromDefaults
          ? { messageId: 'enable' as const, data: { table: table.id }, build: (edits: Edits) => edits.setProperty(node, 'stream', 'true') }
          : undefined;
      reported.add(table);
      context.report({
        at: connection,
        messageId: 'noStream',
        data: { table: table.id, reader: pipe ? `the Pipe to '${connection.to.id}'` : `the event source mapping of '${connection.to.id}'` },
        ...(fix ? { fix } : {}),
      });
    }
  },
});
