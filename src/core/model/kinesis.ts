/**
 * A Kinesis stream's capacity, read once for the capacity model and the kinesis rules:
 * whether it is provisioned (and with how many shards) or on-demand, the shards a write
 * load needs, what its shards take in and share out, and the on-demand write maximum of
 * its Region. The facts are KINESIS_THROUGHPUT's (LIMITS.md): 1 MiB/s and 1,000 records/s
 * of writes per shard, 2 MiB/s and 5 GetRecords calls/s of reads per shard shared by the
 * standard consumers, and an on-demand maximum of 200 MB/s (10 GB/s in the largest Regions).
 */
import { KINESIS_THROUGHPUT, type Fact } from '../limits/aws';
import type { Resource } from './model';

export type StreamMode =
  /** `mode: on-demand`, or neither `mode` nor `shards` written (AWS's default for a new stream). */
  | { readonly mode: 'on-demand' }
  /**
   * `mode: provisioned`, or `shards` written without `mode`. `shards` is the count written
   * (a provisioned stream without one has 1), undefined while it is not a number (half-typed).
   */
  | { readonly mode: 'provisioned'; readonly shards: number | undefined }
  /** `mode` is something else and no `shards` say more: awsflow cannot tell. */
  | { readonly mode: 'unknown' };

export function streamMode(stream: Resource): StreamMode {
  const mode = stream.props.get('mode');
  const shards = stream.props.get('shards');
  const provisioned = mode?.value === 'provisioned' || (mode?.value !== 'on-demand' && shards !== undefined);
  if (provisioned)
    return { mode: 'provisioned', shards: shards === undefined ? 1 : typeof shards.value === 'number' ? shards.value : undefined };
  return mode === undefined || mode.value === 'on-demand' ? { mode: 'on-demand' } : { mode: 'unknown' };
}

export const SHARD_WRITE_RECORDS = KINESIS_THROUGHPUT.shardWriteRecords.value;
export const SHARD_WRITE_BYTES = KINESIS_THROUGHPUT.shardWriteBytes.value;
export const SHARD_READ_BYTES = KINESIS_THROUGHPUT.shardReadBytes.value;
export const SHARD_READ_CALLS = KINESIS_THROUGHPUT.shardReadCalls.value;

/**
 * The shards writes of `records` records/s and `bytes` bytes/s need: each shard takes
 * 1,000 records/s and 1 MiB/s, so whichever runs out first sets the count; never fewer
 * than one. Exactly at a multiple of a limit is still within it.
 */
export function shardsNeeded(records: number, bytes: number): number {
  return Math.max(1, Math.ceil(Math.max(records / SHARD_WRITE_RECORDS, bytes / SHARD_WRITE_BYTES) - 1e-9));
}

/** What `shards` shards take in: records/s and bytes/s. */
export function shardWriteLimit(shards: number): { readonly records: number; readonly bytes: number } {
  return { records: shards * SHARD_WRITE_RECORDS, bytes: shards * SHARD_WRITE_BYTES };
}

/**
 * The bytes/s each shard of a stream of `shards` shards holds for its readers when
 * `bytes` bytes/s are written to it, spread evenly by the partition keys: no more than a
 * shard takes in (kinesis/shard-capacity reports writes beyond that).
 */
export function bytesPerShard(bytes: number, shards: number): number {
  return Math.min(bytes / shards, SHARD_WRITE_BYTES);
}

/**
 * How many standard consumers a shard's shared read throughput serves when each reads
 * `perShard` bytes/s of it: at most 5 (GetRecords calls/s), and no more than fit in 2 MiB/s.
 * `perShard` 0 (unknown) counts the calls only.
 */
export function sharedReadersServed(perShard: number): number {
  return Math.min(SHARD_READ_CALLS, perShard > 0 ? Math.floor(SHARD_READ_BYTES / perShard + 1e-9) : SHARD_READ_CALLS);
}

/** The on-demand write maximum in `region`, and whether it is one of the large Regions that have more. */
export function onDemandWriteMax(region: string | undefined): { readonly max: Fact; readonly large: boolean } {
  const large = region !== undefined && KINESIS_THROUGHPUT.onDemandLargeRegions.includes(region);
  return { max: large ? KINESIS_THROUGHPUT.onDemandWriteMaxLargeRegions : KINESIS_THROUGHPUT.onDemandWriteMaxDefault, large };
}
