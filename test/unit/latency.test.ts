/** The latency model: each kind of connection's estimate, run times, and the slowest paths from entry points. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import { latencyOf, type LatencyEstimate } from '../../src/core/model/latency';
import type { Connection, Model } from '../../src/core/model/model';

function modelOf(body: string): Model {
  return analyze(`awsflow: 1\n${body}`).model;
}

function connection(model: Model, from: string, to: string): Connection {
  const found = model.connections.find((c) => c.origin === 'flow' && c.source.id === from && c.target.id === to);
  assert.ok(found, `${from} -> ${to}`);
  return found;
}

/** p50 and worst case in milliseconds, rounded (sums of decimal seconds are not exact in binary). */
function ms(estimate: LatencyEstimate | undefined): [number, number] {
  assert.ok(estimate);
  return [Math.round(estimate.p50 * 1000), Math.round(estimate.worst * 1000)];
}

function estimateOf(body: string, from: string, to: string): LatencyEstimate {
  const model = modelOf(body);
  return latencyOf(model).connection(connection(model, from, to))!;
}

describe('connection estimates', () => {
  test('SQS to Lambda: long polling, then the delivery delay; redeliveries only in the worst case', () => {
    const estimate = estimateOf(
      'resources:\n  q: { type: sqs, delay: 3s, visibilityTimeout: 40s, deadLetter: { target: dlq, maxReceiveCount: 4 } }\n  dlq: { type: sqs }\n  fn: { type: lambda }\nflows:\n  - q -> fn',
      'q',
      'fn',
    );
    assert.deepEqual(ms(estimate), [3_020, 3_000 + 200 + 3 * 40_000]);
    assert.deepEqual(
      estimate.parts.map((p) => p.basis),
      ['assumption', 'file', 'file'],
    );
    assert.deepEqual(estimate.notes, []);
  });

  test('a queue without a dead-letter queue says its redeliveries are not counted', () => {
    const estimate = estimateOf('resources:\n  q: { type: sqs }\n  fn: { type: lambda }\nflows:\n  - q -> fn', 'q', 'fn');
    assert.deepEqual(ms(estimate), [20, 200]);
    assert.deepEqual(estimate.notes, ['redeliveries of a message fn keeps failing, until its retention ends (q has no dead-letter queue)']);
  });

  test('a polling consumer: long polling with receiveWait, its own loop without', () => {
    const body = (wait: string) => `resources:\n  q: { type: sqs${wait} }\n  svc: { type: ecs }\nflows:\n  - q -> svc`;
    assert.deepEqual(ms(estimateOf(body(', receiveWait: 20s'), 'q', 'svc')), [20, 200]);
    const short = estimateOf(body(''), 'q', 'svc');
    assert.deepEqual(ms(short), [500, 2_000]);
    assert.equal(short.parts[0]!.basis, 'assumption');
  });

  test('streams: Lambda polls Kinesis once a second and DynamoDB four times; enhanced fan-out pushes', () => {
    assert.deepEqual(
      ms(estimateOf('resources:\n  k: { type: kinesis }\n  fn: { type: lambda }\nflows:\n  - k -> fn', 'k', 'fn')),
      [500, 1_000],
    );
    assert.deepEqual(
      ms(
        estimateOf('resources:\n  k: { type: kinesis }\n  fn: { type: lambda }\nflows:\n  - k -> fn: { enhancedFanOut: true }', 'k', 'fn'),
      ),
      [70, 500],
    );
    const table = estimateOf('resources:\n  t: { type: dynamodb, stream: true }\n  fn: { type: lambda }\nflows:\n  - t -> fn', 't', 'fn');
    assert.deepEqual(ms(table), [125, 250]);
    assert.equal(table.parts[0]!.basis, 'aws');
    assert.match(table.parts[0]!.source!, /with-ddb\.html$/);
  });

  test('a batch window: the whole window without a rate, the time a batch takes to fill with one', () => {
    const body = (rate: string) =>
      `resources:\n  k: { type: kinesis }\n  fn: { type: lambda }\nflows:\n  - k -> fn: { ${rate}batchSize: 200, batchWindow: 30s }`;
    assert.deepEqual(ms(estimateOf(body(''), 'k', 'fn')), [30_500, 31_000]);
    // 200 records at 50/s: 4 s.
    assert.deepEqual(ms(estimateOf(body('rate: 50/s, '), 'k', 'fn')), [4_500, 31_000]);
    // 200 records at 5/s: 40 s, longer than the window.
    assert.deepEqual(ms(estimateOf(body('rate: 5/s, '), 'k', 'fn')), [30_500, 31_000]);
  });

  test('SNS to Lambda: delivery, Lambda’s queue, and its two retries in the worst case', () => {
    const estimate = estimateOf('resources:\n  t: { type: sns }\n  fn: { type: lambda, timeout: 10s }\nflows:\n  - t -> fn', 't', 'fn');
    assert.deepEqual(ms(estimate), [150, 1_000 + 1_000 + 180_000 + 20_000]);
    assert.equal(estimate.parts[2]!.what, 'Lambda retries');
    assert.match(
      estimate.parts[2]!.detail!,
      /Lambda retries fn twice \(waits of 1 min, then 2 min\), each failed run up to its timeout 10 s$/,
    );
  });

  test('SNS to SQS: delivery only', () => {
    assert.deepEqual(ms(estimateOf('resources:\n  t: { type: sns }\n  q: { type: sqs }\nflows:\n  - t -> q', 't', 'q')), [100, 1_000]);
  });

  test('EventBridge rules: delivery, and written retries (backoff doubling from 1 s, capped at maxAge)', () => {
    const body = (retry: string) => `resources:\n  bus: { type: eventbridge }\n  q: { type: sqs }\nflows:\n  - bus -> q${retry}`;
    assert.deepEqual(ms(estimateOf(body(''), 'bus', 'q')), [100, 1_000]);
    assert.deepEqual(ms(estimateOf(body(': { retry: { attempts: 3 } }'), 'bus', 'q')), [100, 8_000]);
    assert.deepEqual(ms(estimateOf(body(': { retry: { attempts: 20, maxAge: 2m } }'), 'bus', 'q')), [100, 121_000]);
    assert.deepEqual(ms(estimateOf(body(': { retry: { maxAge: 1h } }'), 'bus', 'q')), [100, 3_601_000]);
  });

  test('a Scheduler schedule: its flexible window, half on average', () => {
    assert.deepEqual(
      ms(
        estimateOf(
          'resources:\n  nightly: { type: schedule, expression: cron(0 3 * * ? *), flexibleWindow: 10m }\n  q: { type: sqs }\nflows:\n  - nightly -> q',
          'nightly',
          'q',
        ),
      ),
      [300_100, 601_000],
    );
  });

  test('S3 notifications: seconds typically, a minute counted for the worst case', () => {
    const estimate = estimateOf('resources:\n  b: { type: s3 }\n  q: { type: sqs }\nflows:\n  - b -> q', 'b', 'q');
    assert.deepEqual(ms(estimate), [1_000, 60_000]);
    assert.match(estimate.parts[0]!.source!, /EventNotifications\.html$/);
  });

  test('Firehose delivers at its buffer interval (default 300 s), sooner when the buffer fills', () => {
    const body = (buffer: string, rate: string) =>
      `resources:\n  app: { type: ecs }\n  fh: { type: firehose${buffer} }\n  b: { type: s3 }\nflows:\n  - app -> fh${rate}\n  - fh -> b`;
    assert.deepEqual(ms(estimateOf(body('', ''), 'fh', 'b')), [300_000, 300_000]);
    assert.deepEqual(ms(estimateOf(body(', buffer: { interval: 60s }', ''), 'fh', 'b')), [60_000, 60_000]);
    // 1 MiB/s into a 5 MiB buffer: full in 5 s.
    assert.deepEqual(ms(estimateOf(body('', ': { rate: 1024/s, size: 1KB }'), 'fh', 'b')), [5_000, 300_000]);
  });

  test('a Pipe: polling, batch window, enrichment run time, then the target', () => {
    const estimate = estimateOf(
      'resources:\n  q: { type: sqs, deadLetter: { target: dlq, maxReceiveCount: 2 } }\n  dlq: { type: sqs }\n  add: { type: lambda, duration: 300ms, timeout: 2s }\n  flow: { type: stepfunctions }\nflows:\n  - q -> flow: { via: pipe, enrich: add, batchWindow: 2s }',
      'q',
      'flow',
    );
    // poll 0.1/1 + window 2/2 + enrichment call 0.02/0.2 + add 0.3/2 + target call 0.02/0.2; one redelivery after 30 s.
    assert.deepEqual(ms(estimate), [2_440, 1_000 + 30_000 + 2_000 + 200 + 2_000 + 200]);
  });

  test('a Step Functions task with a callback waits up to the state machine’s timeout, unknown in p50', () => {
    const estimate = estimateOf(
      'resources:\n  flow: { type: stepfunctions, timeout: 1h }\n  q: { type: sqs }\nflows:\n  - flow -> q: { callback: true }',
      'flow',
      'q',
    );
    assert.deepEqual(ms(estimate), [50, 500 + 3_600_000]);
    assert.deepEqual(estimate.notes, ["the wait for the callback's task token (in p50)"]);
  });

  test('dead-letter connections and connections AWS cannot make have no estimate', () => {
    const model = modelOf(
      'resources:\n  q: { type: sqs, deadLetter: { target: dlq } }\n  dlq: { type: sqs }\n  t: { type: sns }\nflows:\n  - q -> t',
    );
    const latency = latencyOf(model);
    for (const c of model.connections) assert.equal(latency.connection(c), undefined, `${c.source.id} -> ${c.target.id}`);
  });
});

describe('run times', () => {
  test('a function: duration for p50, timeout (or Lambda’s 3 s default) for the worst case', () => {
    const model = modelOf(
      'resources:\n  a: { type: lambda, duration: 1s, timeout: 1m }\n  b: { type: lambda }\n  c: { type: ecs }\n  q: { type: sqs }',
    );
    const latency = latencyOf(model);
    assert.deepEqual(ms(latency.resource(model.byId.get('a')!)), [1_000, 60_000]);
    const b = latency.resource(model.byId.get('b')!);
    assert.deepEqual(ms(b), [0, 3_000]);
    assert.deepEqual(b.notes, ["b's run time in p50 (no duration)"]);
    assert.deepEqual(latencyOf(model).resource(model.byId.get('c')!).notes, ["c's run time (the file gives none for ecs)"]);
    assert.deepEqual(ms(latency.resource(model.byId.get('q')!)), [0, 0]);
  });
});

describe('paths from entry points', () => {
  const body =
    'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  fn: { type: lambda, duration: 1s, timeout: 10s }\n  q: { type: sqs, delay: 5s }\n  worker: { type: lambda, duration: 100ms, timeout: 2s }\n  cron: { type: schedule, expression: rate(1 hour) }\nflows:\n  - web -> api -> fn -> q -> worker\n  - api -> q\n  - cron -> worker\n';

  test('each entry point that reaches a resource, with the slowest path by each measure', () => {
    const model = modelOf(body);
    const latency = latencyOf(model);
    const reached = latency.fromEntryPoints(model.byId.get('worker')!);
    assert.deepEqual(
      [...reached.keys()].map((r) => r.id),
      ['web', 'cron'],
    );
    const fromWeb = reached.get(model.byId.get('web')!)!;
    const ids = (path: { connections: readonly Connection[] }) => path.connections.map((c) => `${c.source.id}>${c.target.id}`);
    // Through fn (1 s) rather than api -> q directly.
    assert.deepEqual(ids(fromWeb.p50), ['web>api', 'api>fn', 'fn>q', 'q>worker']);
    assert.deepEqual(ms({ p50: fromWeb.p50.p50, worst: fromWeb.p50.worst, parts: [], notes: [] }), [
      20 + 1_020 + 20 + 5_120,
      200 + 10_200 + 200 + 7_200,
    ]);
    const fromCron = reached.get(model.byId.get('cron')!)!;
    assert.deepEqual(ids(fromCron.worst), ['cron>worker']);
    // An entry point itself is reached by nothing.
    assert.equal(latency.fromEntryPoints(model.byId.get('web')!).size, 0);
  });

  test('a cycle is walked once and the walk ends', () => {
    const model = modelOf(
      'resources:\n  src: { type: client }\n  a: { type: lambda, duration: 1s }\n  b: { type: lambda, duration: 2s }\n  c: { type: lambda, duration: 4s }\nflows:\n  - src -> a -> b -> c -> a\n',
    );
    const latency = latencyOf(model);
    const path = latency.fromEntryPoints(model.byId.get('c')!).get(model.byId.get('src')!)!;
    assert.deepEqual(
      path.p50.connections.map((c) => c.target.id),
      ['a', 'b', 'c'],
    );
    // a is reached directly, not around the loop.
    const toA = latency.fromEntryPoints(model.byId.get('a')!).get(model.byId.get('src')!)!;
    assert.deepEqual(
      toA.p50.connections.map((c) => c.target.id),
      ['a'],
    );
  });

  test('a chain of 2,000 functions: no recursion, one walk', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `f${i}`);
    const model = modelOf(
      `resources:\n  src: { type: client }\n${ids.map((id) => `  ${id}: { type: lambda, duration: 1s }`).join('\n')}\nflows:\n  - src -> ${ids.join(' -> ')}\n`,
    );
    const path = latencyOf(model).fromEntryPoints(model.byId.get('f1999')!).get(model.byId.get('src')!)!;
    assert.equal(path.p50.connections.length, 2_000);
    assert.ok(Math.abs(path.p50.p50 - (2_000 + 1_999 * 0.07 + 0.02)) < 1e-6);
  });
});
