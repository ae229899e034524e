import { defineRule } from '../define-rule';
import { DYNAMODB_STREAMS } from '../../limits/aws';
import type { Connection } from '../../model/model';
import { formatNumber } from '../../parse/values';

export default defineRule({
  id: 'dynamodb/stream-consumers',
  defaultSeverity: 'warning',
  summary:
    "More than two readers (Lambda event source mappings and EventBridge Pipes) on one DynamoDB table's stream: DynamoDB Streams throttles a shard read by more than two at a time",
  facts: [DYNAMODB_STREAMS.readersPerShardMax],
  fixable: false,
  hasSuggestions: false,
  messages: {
    tooMany:
      "{reader} is reader {position} of the stream of table '{table}', which has {count}: DynamoDB Streams throttles reads when more than {max} processes read one shard at a time, so the readers' polls are throttled and records reach them late. Read the stream with at most {max} (one function that fans out through SNS or EventBridge), or stream the table to Kinesis Data Streams (`{table} -> <kinesis>`), whose consumers can use enhanced fan-out.",
  },
  check(context) {
    const readersByTable = new Map<string, Connection[]>();
    for (const connection of context.model.connections) {
      const { from: table, to: target } = connection;
      if (connection.origin !== 'flow' || table?.type !== 'dynamodb' || !target?.type) continue;
      // Every event source mapping and every Pipe polls each of the stream's shards; `dynamodb -> kinesis` is not a stream reader.
      if (!isPipe(connection) && target.type !== 'lambda') continue;
      const readers = readersByTable.get(table.id) ?? [];
      readersByTable.set(table.id, readers);
      readers.push(connection);
    }
    const max = DYNAMODB_STREAMS.readersPerShardMax.value;
    for (const [table, readers] of readersByTable) {
      if (readers.length <= max) continue;
      readers.slice(max).forEach((connection, index) => {
        context.report({
          at: connection,
          messageId: 'tooMany',
          data: {
            reader: isPipe(connection) ? `The Pipe to '${connection.target.id}'` : `The event source mapping of '${connection.target.id}'`,
            position: formatNumber(max + index + 1),
            table,
            count: formatNumber(readers.length),
            max: formatNumber(max),
          },
          related: readers.slice(0, max).map((reader) => ({
            at: reader,
            message: `a reader of the stream of '${table}' (${isPipe(reader) ? 'a Pipe' : 'an event source mapping'})`,
          })),
        });
      });
    }
  },
});

function isPipe(connection: Connection): boolean {
  return connection.props.get('via')?.value === 'pipe';
}
