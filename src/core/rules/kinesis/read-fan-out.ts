import { defineRule } from '../define-rule';
import { setOnEntries } from '../account-quota';
import { KINESIS_THROUGHPUT } from '../../limits/aws';
import { capacityOf } from '../../model/capacity';
import { bytesPerShard, SHARD_READ_BYTES, SHARD_READ_CALLS, sharedReadersServed, streamMode } from '../../model/kinesis';
import type { Connection, FlowEntry } from '../../model/model';
import type { Edits } from '../../edit/edits';
import { formatBytes } from '../../parse/values';

export default defineRule({
  id: 'kinesis/read-fan-out',
  defaultSeverity: 'warning',
  summary:
    "More standard consumers on a Kinesis stream than its shards' shared read throughput serves (5 GetRecords calls/s and 2 MiB/s per shard)",
  facts: [KINESIS_THROUGHPUT.shardReadCalls, KINESIS_THROUGHPUT.shardReadBytes],
  sources: [KINESIS_THROUGHPUT.enhancedFanOut],
  fixable: false,
  hasSuggestions: true,
  messages: {
    tooManyConsumers:
      '{count} standard consumers share the read throughput of Kinesis stream {stream}, over the 5 GetRecords calls/s per shard they share; their reads are throttled and fall behind.',
    overReadBytes:
      '{count} standard consumers of Kinesis stream {stream} read {perShard}/s per shard each, {total}/s per shard in all, over the 2 MiB/s per shard they share; their reads are throttled and fall behind.',
    useEnhancedFanOut: 'Use enhanced fan-out (enhancedFanOut: true) for {consumers}',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    for (const stream of model.ofType('kinesis')) {
      const shared: (Connection & { entry: FlowEntry })[] = [];
      for (const connection of model.outbound(stream)) {
        if (connection.origin !== 'flow' || !connection.to || !connection.entry) continue;
        if (connection.props.get('enhancedFanOut')?.value === true) continue;
        shared.push(connection as Connection & { entry: FlowEntry });
      }
      if (shared.length === 0) continue;

      // Bytes per shard are known only for a provisioned stream; on-demand adds shards as writes grow.
      const mode = streamMode(stream);
      const shards = mode.mode === 'provisioned' && mode.shards !== undefined && mode.shards > 0 ? mode.shards : undefined;
      const inbound = capacity.resource(stream).inbound;
      // A shard takes at most 1 MiB/s of writes (kinesis/shard-capacity reports more), so no consumer reads more.
      const perShard = shards !== undefined && inbound && inbound.bytes > 0 ? bytesPerShard(inbound.bytes, shards) : 0;

      const tooMany = shared.length > SHARD_READ_CALLS;
      const overBytes = perShard > 0 && shared.length * perShard > SHARD_READ_BYTES;
      if (!tooMany && !overBytes) continue;

      // How many can keep reading through GetRecords; the rest move to enhanced fan-out.
      const keep = sharedReadersServed(perShard);
      const moving = chooseEnhanced(shared, shared.length - keep);
      const consumers = moving
        ? [...new Set(moving.flatMap((entry) => shared.filter((c) => c.entry === entry).map((c) => c.target.id)))].join(', ')
        : '';

      context.report({
        at: stream.key,
        messageId: tooMany ? 'tooManyConsumers' : 'overReadBytes',
        data: {
          count: shared.length,
          stream: stream.id,
          perShard: formatBytes(perShard),
          total: formatBytes(shared.length * perShard),
        },
        related: shared.map((c) => ({ at: c, message: `${c.target.id} reads ${stream.id} through the shared GetRecords throughput` })),
        ...(moving
          ? {
              suggest: [
                {
                  messageId: 'useEnhancedFanOut' as const,
                  data: { consumers },
                  build: (edits: Edits) => setOnEntries(edits, moving, 'enhancedFanOut', 'true'),
                },
              ],
            }
          : {}),
      });
    }
  },
});

/**
 * The flow entries to switch to enhanced fan-out so that at least `count` standard
 * consumers move, taken from the last entry back. The property applies to every
 * connection of an entry; an entry with a Firehose consumer (which reads only through
 * GetRecords) is passed over. Undefined when not enough consumers can move.
 */
function chooseEnhanced(shared: readonly (Connection & { entry: FlowEntry })[], count: number): FlowEntry[] | undefined {
  if (count <= 0) return undefined;
  const entries = [...new Set(shared.map((c) => c.entry))].reverse();
  const chosen: FlowEntry[] = [];
  let moved = 0;
  for (const entry of entries) {
    if (moved >= count) break;
    const own = shared.filter((c) => c.entry === entry);
    if (own.some((c) => c.to?.type === 'firehose')) continue;
    chosen.push(entry);
    moved += own.length;
  }
  return moved >= count ? chosen.reverse() : undefined;
}
