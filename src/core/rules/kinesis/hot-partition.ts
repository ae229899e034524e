import { defineRule } from '../define-rule';
import { KINESIS, KINESIS_THROUGHPUT } from '../../limits/aws';
import { capacityOf } from '../../model/capacity';
import { shardWriteLimit, streamMode } from '../../model/kinesis';
import type { Connection, Resource } from '../../model/model';
import { isScalar, type YScalar } from '../../parse/ast';
import { formatBytes, formatNumber } from '../../parse/values';

const SHARD_RECORDS = KINESIS_THROUGHPUT.shardWriteRecords;
const SHARD_BYTES = KINESIS_THROUGHPUT.shardWriteBytes;

/**
 * How the format tells a field from a constant: `$sessionId`, `${sessionId}` or
 * `$.order.id` name a value taken from each record, and so does a bare field name
 * (`partitionKey: sessionId`, as the format's own examples write it). A quoted string
 * (`'orders'`), or text that cannot be a field name (`all events`) is the same
 * on every record. Reading a bare name as a field keeps correct files free of false alarms.
 */
const PLACEHOLDER = /\$(?:\{|\.|[A-Za-z_])/;

/** A bare field name, or a constant that reads like one (the suggestion offers to mark it). */
const FIELD_LIKE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The constant key text, or undefined when the key is taken from each record. */
function constantKey(node: YScalar, raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '' || PLACEHOLDER.test(text)) return undefined;
  if (!node.quoted && FIELD_LIKE.test(text)) return undefined;
  return text;
}

export default defineRule({
  id: 'kinesis/hot-partition',
  defaultSeverity: 'warning',
  summary:
    'A constant partitionKey into a Kinesis stream of several shards (or on-demand): every record goes to one shard, whose write limit then caps the stream',
  facts: [SHARD_RECORDS, SHARD_BYTES],
  sources: [KINESIS.partitionKeyHashing],
  fixable: false,
  hasSuggestions: true,
  messages: {
    hotShard:
      "Partition key '{key}' is the same on every record: Kinesis hashes the key to pick the shard, so all writes into stream '{stream}' ({shards}) from {producers} go to one shard, at most 1,000 records/s and 1 MiB/s. Use a key that varies per record (write `$field` for a key taken from each record).",
    overOneShard:
      "Partition key '{key}' is the same on every record, so all {rate} records/s{bytes} into stream '{stream}' ({shards}) from {producers} go to one shard, over its write limit of 1,000 records/s and 1 MiB/s: Kinesis throttles the writes beyond it however many shards the stream has. Use a key that varies per record (write `$field` for a key taken from each record).",
    markField: "Take the key from each record's `{key}` field (`${key}`)",
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    // Records with the same constant key land on the same shard, whichever flow writes them.
    const groups = new Map<Resource, Map<string, { connections: Connection[]; nodes: Set<YScalar> }>>();
    for (const entry of model.flows) {
      const key = entry.props.get('partitionKey');
      if (!key || !isScalar(key.node)) continue;
      const text = constantKey(key.node, key.raw);
      if (text === undefined) continue;
      for (const connection of entry.connections) {
        const stream = connection.to;
        if (stream?.type !== 'kinesis') continue;
        let byKey = groups.get(stream);
        if (!byKey) groups.set(stream, (byKey = new Map()));
        let group = byKey.get(text);
        if (!group) byKey.set(text, (group = { connections: [], nodes: new Set() }));
        group.connections.push(connection);
        group.nodes.add(key.node);
      }
    }

    for (const [stream, byKey] of groups) {
      const shards = shardsOf(stream);
      if (shards === undefined) continue;
      for (const [key, { connections, nodes }] of byKey) {
        let rate = 0;
        let bytes = 0;
        for (const connection of connections) {
          const load = capacity.connection(connection);
          if (load) {
            rate += load.rate;
            bytes += load.bytes;
          }
        }
        const oneShard = shardWriteLimit(1);
        const over = rate > oneShard.records || bytes > oneShard.bytes;
        const data = {
          key,
          stream: stream.id,
          shards: shards === 'on-demand' ? 'on-demand' : `${shards} shards`,
          producers: [...new Set(connections.map((c) => `'${c.source.id}'`))].join(', '),
          rate: formatNumber(rate),
          bytes: bytes > 0 ? ` (${formatBytes(bytes)}/s)` : '',
        };
        for (const node of nodes) {
          context.report({
            at: node,
            messageId: over ? 'overOneShard' : 'hotShard',
            ...(over ? { severity: 'error' as const } : {}),
            data,
            ...(FIELD_LIKE.test(key)
              ? {
                  suggest: [
                    {
                      messageId: 'markField' as const,
                      data: { key },
                      // After an opening quote, so `'sessionId'` becomes `'$sessionId'`.
                      build: (edits) =>
                        edits.insertAt(node.quoted && /['"]/.test(edits.text[node.start] ?? '') ? node.start + 1 : node.start, '$'),
                    },
                  ],
                }
              : {}),
          });
        }
      }
    }
  },
});

/**
 * The stream's shard count when it has more than one shard, 'on-demand' for an on-demand
 * stream (which starts with several and adds more), undefined for one shard or a count
 * awsflow cannot read (a single shard takes every key: nothing is hot).
 */
function shardsOf(stream: Resource): number | 'on-demand' | undefined {
  const mode = streamMode(stream);
  if (mode.mode !== 'provisioned') return mode.mode === 'on-demand' ? 'on-demand' : undefined;
  return mode.shards !== undefined && mode.shards > 1 ? mode.shards : undefined;
}
