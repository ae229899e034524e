import { defineRule } from '../define-rule';
import { KINESIS_THROUGHPUT } from '../../limits/aws';
import { capacityOf } from '../../model/capacity';
import { onDemandWriteMax, shardsNeeded, shardWriteLimit, streamMode } from '../../model/kinesis';
import { formatBytes, formatNumber } from '../../parse/values';

export default defineRule({
  id: 'kinesis/shard-capacity',
  defaultSeverity: 'error',
  summary: 'Declared writes into a Kinesis stream over its shards × 1 MiB/s or × 1,000 records/s, or over the on-demand maximum',
  facts: [
    KINESIS_THROUGHPUT.shardWriteBytes,
    KINESIS_THROUGHPUT.shardWriteRecords,
    KINESIS_THROUGHPUT.onDemandWriteMaxDefault,
    KINESIS_THROUGHPUT.onDemandWriteMaxLargeRegions,
  ],
  fixable: true,
  hasSuggestions: false,
  messages: {
    overShards:
      'Writes of {rate} records/s{bytes} into Kinesis stream {stream} need {needed} shards, over the {shards} set (at most {maxRecords} records/s and {maxBytes}/s at 1,000 records/s and 1 MiB/s per shard); Kinesis throttles the writes beyond that.',
    overNoShards:
      'Writes of {rate} records/s{bytes} into provisioned Kinesis stream {stream} need {needed} shards, and none are set (1 shard: 1,000 records/s and 1 MiB/s); Kinesis throttles the writes beyond that.',
    overOnDemand:
      'Writes of {bytes}/s into on-demand Kinesis stream {stream} are over the on-demand maximum of {max} ({where}); Kinesis throttles the writes beyond it.',
    setShards: 'Set shards to {value}',
    overrideShards: 'Set shards to {value} (overrides shards: {written}; each shard is billed by the hour)',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    for (const stream of model.ofType('kinesis')) {
      const load = capacity.resource(stream);
      const inbound = load.inbound;
      if (!inbound || !(inbound.rate > 0)) continue;
      const modeProp = stream.props.get('mode');
      const shardsProp = stream.props.get('shards');
      const mode = streamMode(stream);
      const bytesText = inbound.bytes > 0 ? ` (${formatBytes(inbound.bytes)}/s)` : '';

      if (mode.mode !== 'provisioned') {
        const { max, large } = onDemandWriteMax(model.region);
        if (inbound.bytes <= max.value) continue;
        context.report({
          at: modeProp?.node ?? stream.key,
          messageId: 'overOnDemand',
          data: {
            bytes: formatBytes(inbound.bytes),
            stream: stream.id,
            max: max.text,
            where: large ? model.region! : model.region ? `Region ${model.region}` : 'no region set',
          },
        });
        continue;
      }

      // A half-typed `shards:` gives no count to check against.
      if (mode.shards === undefined) continue;
      const shards = mode.shards;
      // Bytes known only in part still need at least this many shards.
      const needed = Math.max(load.shardsNeeded ?? 1, shardsNeeded(0, inbound.bytes));
      if (needed <= shards) continue;

      const value = String(needed);
      const own = shardsProp && !shardsProp.fromDefaults && shardsProp.node ? shardsProp.node : undefined;
      const map = stream.node;
      context.report({
        at: shardsProp?.node ?? stream.key,
        messageId: shardsProp ? 'overShards' : 'overNoShards',
        data: {
          rate: formatNumber(inbound.rate),
          bytes: bytesText,
          stream: stream.id,
          needed,
          shards,
          maxRecords: formatNumber(shardWriteLimit(shards).records),
          maxBytes: formatBytes(shardWriteLimit(shards).bytes),
        },
        ...(own || map
          ? {
              fix: {
                // A written shard count (here or in `defaults`) is a cost decision: raising it is the user's to confirm.
                ...(shardsProp
                  ? { messageId: 'overrideShards' as const, safeForFixAll: false as const }
                  : { messageId: 'setShards' as const }),
                data: { value, written: String(shardsProp?.raw ?? '') },
                // An inherited default stays for the other streams: this one gets its own count.
                build: (edits) => (own ? edits.replace(own, value) : map ? edits.insertProperty(map, 'shards', value) : undefined),
              },
            }
          : {}),
      });
    }
  },
});
