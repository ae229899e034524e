/**
 * The Kinesis capacity helper (src/core/model/kinesis.ts) the capacity model and the
 * kinesis rules share: the stream's mode and shards, and both sides of every limit —
 * 1,000 records/s and 1 MiB/s of writes per shard, 2 MiB/s and 5 GetRecords calls/s of
 * shared reads per shard, and the on-demand write maximum by Region.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import {
  bytesPerShard,
  onDemandWriteMax,
  SHARD_READ_BYTES,
  SHARD_READ_CALLS,
  SHARD_WRITE_BYTES,
  SHARD_WRITE_RECORDS,
  sharedReadersServed,
  shardsNeeded,
  shardWriteLimit,
  streamMode,
} from '../../src/core/model/kinesis';

const MiB = 1_048_576;

function modeOf(props: string) {
  const model = analyze(`awsflow: 1\nresources:\n  s: { type: kinesis${props ? `, ${props}` : ''} }\n`).model;
  return streamMode(model.byId.get('s')!);
}

describe('Kinesis: the stream mode', () => {
  test('on-demand unless mode says provisioned or shards are written', () => {
    assert.deepEqual(modeOf(''), { mode: 'on-demand' });
    assert.deepEqual(modeOf('mode: on-demand'), { mode: 'on-demand' });
    assert.deepEqual(modeOf('mode: on-demand, shards: 4'), { mode: 'on-demand' });
  });
  test('provisioned: the shards written, 1 when none are, undefined while not a number', () => {
    assert.deepEqual(modeOf('mode: provisioned'), { mode: 'provisioned', shards: 1 });
    assert.deepEqual(modeOf('mode: provisioned, shards: 3'), { mode: 'provisioned', shards: 3 });
    assert.deepEqual(modeOf('shards: 2'), { mode: 'provisioned', shards: 2 });
    assert.deepEqual(modeOf('shards: many'), { mode: 'provisioned', shards: undefined });
  });
  test('a mode awsflow cannot read, without shards, is unknown', () => {
    assert.deepEqual(modeOf('mode: burst'), { mode: 'unknown' });
    assert.deepEqual(modeOf('mode: burst, shards: 2'), { mode: 'provisioned', shards: 2 });
  });
});

describe('Kinesis: writes per shard (1,000 records/s, 1 MiB/s)', () => {
  test('the facts', () => {
    assert.equal(SHARD_WRITE_RECORDS, 1_000);
    assert.equal(SHARD_WRITE_BYTES, MiB);
    assert.deepEqual(shardWriteLimit(3), { records: 3_000, bytes: 3 * MiB });
  });
  test('records: at the limit one shard, one over two', () => {
    assert.equal(shardsNeeded(0, 0), 1);
    assert.equal(shardsNeeded(1_000, 0), 1);
    assert.equal(shardsNeeded(1_001, 0), 2);
    assert.equal(shardsNeeded(2_000, 0), 2);
    assert.equal(shardsNeeded(2_000.5, 0), 3);
  });
  test('bytes: at 1 MiB/s one shard, a byte over two', () => {
    assert.equal(shardsNeeded(1, MiB), 1);
    assert.equal(shardsNeeded(1, MiB + 1), 2);
    assert.equal(shardsNeeded(0, 5 * MiB), 5);
    assert.equal(shardsNeeded(0, 5 * MiB + 1), 6);
  });
  test('whichever limit runs out first sets the count', () => {
    assert.equal(shardsNeeded(3_500, MiB), 4);
    assert.equal(shardsNeeded(500, 3.5 * MiB), 4);
  });
});

describe('Kinesis: shared reads per shard (5 GetRecords calls/s, 2 MiB/s)', () => {
  test('the facts', () => {
    assert.equal(SHARD_READ_CALLS, 5);
    assert.equal(SHARD_READ_BYTES, 2 * MiB);
  });
  test('a shard holds what was written to it, at most the 1 MiB/s it takes in', () => {
    assert.equal(bytesPerShard(2 * MiB, 4), MiB / 2);
    assert.equal(bytesPerShard(4 * MiB, 4), MiB);
    assert.equal(bytesPerShard(8 * MiB, 4), MiB);
  });
  test('readers served: the calls cap at 5, the bytes at 2 MiB/s', () => {
    assert.equal(sharedReadersServed(0), 5, 'unknown bytes: the calls only');
    assert.equal(sharedReadersServed((2 * MiB) / 5), 5, '5 readers of 2/5 MiB/s fill 2 MiB/s exactly');
    assert.equal(sharedReadersServed((2 * MiB) / 5 + 1), 4);
    assert.equal(sharedReadersServed(MiB), 2, '2 readers of 1 MiB/s fill 2 MiB/s exactly');
    assert.equal(sharedReadersServed(MiB + 1), 1);
    assert.equal(sharedReadersServed(1), 5);
  });
});

describe('Kinesis: the on-demand write maximum', () => {
  test('200 MB/s by default, 10 GB/s in the large Regions', () => {
    assert.deepEqual(onDemandWriteMax(undefined), { max: onDemandWriteMax('eu-central-1').max, large: false });
    assert.equal(onDemandWriteMax('eu-central-1').max.value, 200 * MiB);
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1']) {
      assert.deepEqual(
        { value: onDemandWriteMax(region).max.value, large: onDemandWriteMax(region).large },
        { value: 10 * 1024 * MiB, large: true },
        region,
      );
    }
  });
});
