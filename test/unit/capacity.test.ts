import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, buildDiagram } from '../../src/core/index';
import { capacityOf, scheduleRate } from '../../src/core/model/capacity';
import { hover } from '../../src/core/services/hover';
import { inlayHints } from '../../src/core/services/inlay-hints';

function loads(text: string) {
  const analysis = analyze('awsflow: 1\n' + text);
  const capacity = capacityOf(analysis.model);
  const byId = (id: string) => capacity.resource(analysis.model.byId.get(id)!);
  return { analysis, capacity, byId };
}

describe('capacity: rates flow downstream', () => {
  test("fan-out: every subscription carries the topic's whole rate", () => {
    const { byId } = loads(
      'resources:\n  svc: { type: ecs }\n  topic: { type: sns }\n  a: { type: sqs }\n  b: { type: sqs }\nflows:\n  - svc -> topic: { rate: 40/s, size: 3KB }\n  - topic -> a, b\n',
    );
    assert.equal(byId('topic').inbound?.rate, 40);
    assert.equal(byId('a').inbound?.rate, 40);
    assert.equal(byId('b').inbound?.rate, 40);
    assert.equal(byId('b').inbound?.bytes, 40 * 3 * 1024);
  });

  test("fan-in: a resource's inbound rate is the sum of its inbound connections", () => {
    const { byId } = loads(
      'resources:\n  x: { type: client }\n  y: { type: client }\n  q: { type: sqs }\nflows:\n  - x -> q: { rate: 1200/min, size: 1KB }\n  - y -> q: { rate: 5/s, size: 3KB }\n',
    );
    const inbound = byId('q').inbound!;
    assert.equal(inbound.rate, 25);
    assert.equal(inbound.bytes, 20 * 1024 + 5 * 3 * 1024);
    assert.equal(inbound.maxSize, 3 * 1024);
  });

  test('chains pass the rate on; a rate declared on a connection wins', () => {
    const { byId } = loads(
      'resources:\n  api: { type: api-gateway }\n  q: { type: sqs }\n  f: { type: lambda }\n  t: { type: dynamodb }\n  out: { type: sns }\nflows:\n  - api -> q -> f -> t: { rate: 10/s }\n  - f -> out: { rate: 2/s }\n',
    );
    assert.equal(byId('q').inbound?.rate, 10);
    assert.equal(byId('t').inbound?.rate, 10);
    assert.equal(byId('out').inbound?.rate, 2);
  });

  test('lambda invocations are rate ÷ batch size for an event source mapping; concurrency = invocations × duration', () => {
    const { byId } = loads(
      'resources:\n  api: { type: api-gateway }\n  q: { type: sqs }\n  f: { type: lambda, duration: 2s }\n  s: { type: kinesis, shards: 1 }\n  g: { type: lambda, duration: 500ms }\nflows:\n  - api -> q: { rate: 100/s }\n  - q -> f: { batchSize: 5 }\n  - api -> s: { rate: 400/s }\n  - s -> g\n',
    );
    assert.equal(byId('f').invocations, 20);
    assert.equal(byId('f').concurrency, 40);
    assert.equal(byId('g').invocations, 4); // Kinesis default batch: 100
    assert.equal(byId('g').concurrency, 2);
  });

  test('Kinesis shards needed: 1 MiB/s and 1,000 records/s per shard', () => {
    const { byId } = loads(
      'resources:\n  c: { type: client }\n  s: { type: kinesis }\n  t: { type: kinesis }\nflows:\n  - c -> s: { rate: 3000/s, size: 1KB }\n  - c -> t: { rate: 1000/s, size: 1.5KB }\n',
    );
    assert.equal(byId('s').shardsNeeded, 3); // 3,000 records/s; 2.9 MiB/s
    assert.equal(byId('t').shardsNeeded, 2); // 1,000 records/s exactly, but 1.46 MiB/s
  });

  test('a rate(…) schedule fires at its rate; cron and unknown rates stay unknown', () => {
    assert.equal(scheduleRate('rate(5 minutes)'), 1 / 300);
    assert.equal(scheduleRate('rate(1 hour)'), 1 / 3600);
    assert.equal(scheduleRate('cron(0 2 * * ? *)'), undefined);
    const { byId } = loads(
      'resources:\n  tick: { type: schedule, expression: rate(1 minute) }\n  f: { type: lambda }\n  g: { type: lambda }\nflows:\n  - tick -> f\n',
    );
    assert.equal(byId('f').invocations, 1 / 60);
    assert.equal(byId('g').inbound, undefined);
  });

  test('cycles are cut, and dead-letter connections carry no rate', () => {
    const { byId } = loads(
      'resources:\n  c: { type: client }\n  a: { type: lambda }\n  q: { type: sqs, deadLetter: { target: dlq, maxReceiveCount: 3 } }\n  dlq: { type: sqs }\nflows:\n  - c -> a: { rate: 5/s }\n  - a -> q\n  - q -> a\n',
    );
    assert.equal(byId('q').inbound?.rate, 5);
    assert.equal(byId('dlq').inbound, undefined);
  });
});

describe('capacity: sizes flow downstream', () => {
  test('a size needs no rate; a declared size wins; a hop that rejects the message stops it; stores stop it', () => {
    const text =
      'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  f: { type: lambda }\n  t: { type: sns }\n  q: { type: sqs }\n  g: { type: lambda }\n  b: { type: s3 }\n  h: { type: lambda }\nflows:\n  - web -> api: { size: 300KB }\n  - api -> f -> t -> q\n  - f -> g: { size: 2KB }\n  - g -> b\n  - b -> h\n';
    const { analysis, capacity } = loads(text);
    const size = (from: string, to: string) => {
      const connection = analysis.model.connections.find((c) => c.source.id === from && c.target.id === to)!;
      const carried = capacity.size(connection);
      return carried && [carried.bytes, `${carried.declaredOn.source.id} -> ${carried.declaredOn.target.id}`];
    };
    assert.deepEqual(size('api', 'f'), [300 * 1024, 'web -> api']);
    assert.deepEqual(size('f', 't'), [300 * 1024, 'web -> api']);
    assert.equal(size('t', 'q'), undefined, 'SNS rejects 300 KB: nothing reaches the queue');
    assert.deepEqual(size('f', 'g'), [2 * 1024, 'f -> g']);
    assert.deepEqual(size('g', 'b'), [2 * 1024, 'f -> g']);
    assert.equal(size('b', 'h'), undefined, 'an S3 notification does not carry the object');
  });

  test('payload/size reports a carried size on the hop, with the declaration as related information', () => {
    const text =
      'awsflow: 1\nresources:\n  web: { type: client }\n  api: { type: api-gateway }\n  f: { type: lambda }\nflows:\n  - web -> api: { size: 6145KB }\n  - api -> f\n';
    const finding = analyze(text).findings.find((f) => f.ruleId === 'payload/size')!;
    assert.equal(text.slice(finding.start, finding.end), 'f');
    assert.equal(finding.start, text.indexOf('api -> f') + 'api -> '.length);
    assert.deepEqual(
      finding.related.map((r) => [text.slice(r.start, r.end), r.message]),
      [['6145KB', 'size 6145KB declared on web -> api']],
    );
  });
});

describe('capacity: throttles deliver less than they are sent', () => {
  test('a FIFO queue over its send quota delivers 300/s; the demand is kept', () => {
    const { byId, analysis, capacity } = loads(
      'resources:\n  c: { type: client }\n  q.fifo: { type: sqs, fifo: true }\n  f: { type: lambda, duration: 1s }\nflows:\n  - c -> q.fifo: { rate: 5000/s }\n  - q.fifo -> f\n',
    );
    assert.deepEqual(byId('q.fifo').throttle, { delivered: 300, limit: 'FIFO send limit: 300 API calls/s (no high-throughput mode)' });
    assert.equal(byId('q.fifo').inbound?.rate, 5000);
    const out = capacity.connection(analysis.model.connections.find((c) => c.source.id === 'q.fifo')!)!;
    assert.deepEqual([out.rate, out.demand], [300, 5000]);
    assert.deepEqual([byId('f').inbound?.rate, byId('f').inbound?.demand, byId('f').invocations], [300, 5000, 30]);
  });

  test('message groups cap a high-throughput queue: 1 group takes 300 calls/s', () => {
    const { byId } = loads(
      'region: us-east-1\nresources:\n  c: { type: client }\n  q.fifo: { type: sqs, fifo: true, highThroughput: true }\n  f: { type: lambda }\nflows:\n  - c -> q.fifo: { rate: 1000/s, messageGroups: 1 }\n  - q.fifo -> f\n',
    );
    assert.equal(byId('f').inbound?.rate, 300);
  });

  test('a Kinesis stream delivers what its shards take; a function what its reserved concurrency runs', () => {
    const { byId } = loads(
      'resources:\n  c: { type: client }\n  s: { type: kinesis, shards: 2 }\n  f: { type: lambda, duration: 1s, reservedConcurrency: 5 }\n  out: { type: sqs }\nflows:\n  - c -> s: { rate: 3000/s }\n  - s -> f: { batchSize: 100 }\n  - f -> out\n',
    );
    assert.equal(byId('f').inbound?.rate, 2000);
    assert.equal(byId('f').concurrency, 20); // its demand: 20 invocations/s × 1 s
    assert.equal(byId('out').inbound?.rate, 500); // 5 concurrent × 1 s × 100 records
    assert.equal(byId('out').inbound?.demand, 3000);
  });

  test('functions without reservations share the pool: each delivers its part', () => {
    const { byId, capacity } = loads(
      'resources:\n  svc: { type: ecs }\n  t: { type: sns }\n  a: { type: lambda, timeout: 2m, duration: 1m }\n  b: { type: lambda, timeout: 2m, duration: 1m }\n  qa: { type: sqs }\n  qb: { type: sqs }\nflows:\n  - svc -> t: { rate: 20/s }\n  - t -> a, b\n  - a -> qa\n  - b -> qb\n',
    );
    assert.equal(capacity.lambdaPool().unreservedDemand, 2400);
    assert.ok(Math.abs(byId('qa').inbound!.rate - (20 * 1000) / 2400) < 1e-9);
    assert.ok(Math.abs(byId('qb').inbound!.rate - (20 * 1000) / 2400) < 1e-9);
  });

  test('the root cause is reported once: the next FIFO queue gets only what the first delivers', () => {
    const text =
      'awsflow: 1\nresources:\n  c: { type: client }\n  a.fifo: { type: sqs, fifo: true }\n  f: { type: lambda }\n  b.fifo: { type: sqs, fifo: true }\n  g: { type: lambda }\nflows:\n  - c -> a.fifo: { rate: 5000/s }\n  - a.fifo -> f -> b.fifo -> g\n';
    const findings = analyze(text).findings.filter((f) => f.ruleId === 'sqs/fifo-throughput');
    assert.deepEqual(
      findings.map((f) => text.slice(f.start, f.end)),
      ['5000/s'],
    );
  });

  test('a rate declared after the throttle still wins', () => {
    const { byId } = loads(
      'resources:\n  c: { type: client }\n  q.fifo: { type: sqs, fifo: true }\n  f: { type: lambda }\n  out: { type: sqs }\nflows:\n  - c -> q.fifo: { rate: 5000/s }\n  - q.fifo -> f\n  - f -> out: { rate: 50/s }\n',
    );
    assert.deepEqual([byId('out').inbound?.rate, byId('out').inbound?.demand], [50, 50]);
  });

  test('hover shows demand and delivery; hints and edges show what gets through, in natural units', () => {
    const text =
      'awsflow: 1\nresources:\n  c: { type: client }\n  q.fifo: { type: sqs, fifo: true }\n  f: { type: lambda }\n  tick: { type: schedule, expression: rate(1 day) }\n  g: { type: lambda }\nflows:\n  - c -> q.fifo: { rate: 5000/s }\n  - q.fifo -> f\n  - tick -> g\n';
    const analysis = analyze(text);
    const queue = hover(analysis, text.indexOf('  q.fifo:') + 2)!.markdown;
    assert.match(
      queue,
      /\n- Throttled: demand \*\*5,000\/s\*\* · delivered \*\*300\/s\*\* \(FIFO send limit: 300 API calls\/s \(no high-throughput mode\)\); downstream figures use what is delivered/,
    );
    const fn = hover(analysis, text.indexOf('  f:') + 2)!.markdown;
    // One connection in: it is described on the In line itself.
    assert.match(fn, /\n- In: \*\*300\/s\*\* \(passed on by `q\.fifo`; demand 5,000\/s, throttled upstream\)\n/);
    const hints = inlayHints(analysis, { start: 0, end: text.length }).filter(
      (h) => h.offset === text.indexOf('q.fifo -> f') + 'q.fifo -> f'.length || h.offset === text.indexOf('tick -> g') + 'tick -> g'.length,
    );
    assert.deepEqual(
      hints.map((h) => h.label),
      [' = 300/s (demand 5,000/s)', ' = 1/day'],
    );
    const { mermaid } = buildDiagram(analysis);
    assert.match(mermaid, /-->\|"≈300\/s"\|/);
    assert.match(mermaid, /-->\|"≈1\/day"\|/);
  });
});

describe('capacity shown to the user', () => {
  const text =
    'awsflow: 1\nresources:\n  api: { type: api-gateway }\n  q: { type: sqs }\n  f: { type: lambda, duration: 2s, reservedConcurrency: 50 }\nflows:\n  - api -> q: { rate: 100/s, size: 2KB }\n  - q -> f: { batchSize: 5 }\n';

  test('hover on a resource gives its load and how each figure was worked out', () => {
    const analysis = analyze(text);
    const result = hover(analysis, text.indexOf('  f:') + 2)!;
    const capacity = result.markdown.slice(result.markdown.indexOf('**Capacity**'));
    assert.equal(
      capacity,
      [
        '**Capacity**',
        '',
        // One connection in: described on the In line, not on a line of its own.
        '- In: **100/s** · 200 KiB/s (passed on by `q`)',
        '- Invocations: **20/s** (messages ÷ batch size for event source mappings)',
        '- Concurrency: **40** = 20/s × 2 s duration (limit: reservedConcurrency 50)',
        // 20/s × 2,592,000 s = 51,840,000 requests; × 2 s × 0.125 GB = 12,960,000 GB-s.
        // (51.84 M − 1 M) × $0.20/M = $10.17; (12.96 M − 0.4 M) GB-s × $0.0000166667 = $209.33.
        '- Cost: about **$220/month** — 51,840,000 requests and 12,960,000 GB-s a month, free tier deducted ([us-east-1 prices, 2026-11](https://aws.amazon.com/lambda/pricing/))',
        '',
        '**Latency** (estimated p50 · worst case)',
        '',
        '- From `api`: **2 s** · **3.4 s** by `api -> q -> f`',
      ].join('\n'),
    );
  });

  test('queue and topic costs count 64 KB chunks and the free tier', () => {
    const big =
      'awsflow: 1\nresources:\n  c: { type: client }\n  t: { type: sns }\n  q: { type: sqs }\n  q2.fifo: { type: sqs, fifo: true }\nflows:\n  - c -> t: { rate: 10/s, size: 100KB }\n  - t -> q\n  - c -> q2.fifo: { rate: 1/s, size: 1KB }\n';
    const analysis = analyze(big);
    const text = (id: string) => hover(analysis, big.indexOf(`  ${id}:`) + 2)!.markdown;
    // 10/s × 2,592,000 s × 2 chunks = 51,840,000 publishes; (51.84 M − 1 M) × $0.50/M = $25.42.
    assert.match(text('t'), /- Cost: about \*\*\$25\/month\*\* — 51,840,000 publish requests a month/);
    // × 3 requests per message: 155,520,000; (155.52 M − 1 M) × $0.40/M = $61.81.
    assert.match(text('q'), /- Cost: about \*\*\$62\/month\*\* — 155,520,000 requests a month/);
    // 1/s × 2,592,000 × 3 = 7,776,000; (7.776 M − 1 M) × $0.50/M = $3.39 (FIFO price).
    assert.match(text('q2.fifo'), /- Cost: about \*\*\$3\.39\/month\*\*/);
  });

  test('an inlay hint after a flow gives the rate carried from upstream', () => {
    const analysis = analyze(text);
    const hints = inlayHints(analysis, { start: 0, end: text.length }).filter((h) => h.label.includes('/s'));
    assert.deepEqual(
      hints.map((h) => [text.slice(0, h.offset).split('\n').length, h.label]),
      [[8, ' = 100/s']],
    );
    assert.equal(hints[0]!.offset, text.indexOf('q -> f') + 'q -> f'.length);
  });
});

describe('capacity through buses, pipes, workflows and stores (format 1.1)', () => {
  const rate = (analysis: ReturnType<typeof analyze>, from: string, to: string) =>
    capacityOf(analysis.model).connection(analysis.model.connections.find((c) => c.source.id === from && c.target.id === to)!)?.rate;

  test("a rule delivers every event unless its edge declares a rate; the bus's rule target invocations add the targets up", () => {
    const { analysis, byId } = loads(
      'resources:\n  svc: { type: ecs }\n  bus: { type: eventbridge }\n  f: { type: lambda }\n  q: { type: sqs }\n  t: { type: sns, encryption: kms }\nflows:\n  - svc -> bus: { rate: 100/s }\n  - bus -> f\n  - bus -> q: { rate: 10/s, pattern: { source: [shop] } }\n  - bus -> t\n',
    );
    assert.equal(byId('bus').inbound?.rate, 100);
    assert.equal(rate(analysis, 'bus', 'f'), 100);
    assert.equal(rate(analysis, 'bus', 'q'), 10);
    assert.equal(rate(analysis, 'bus', 't'), 100);
    assert.equal(byId('bus').ruleInvocations, 210);
    assert.equal(byId('f').invocations, 100); // a rule invokes its Lambda target once per event
  });

  test('a bus without a known rate has no rule invocations; a schedule into a bus fires at its rate', () => {
    const { byId } = loads(
      'resources:\n  tick: { type: schedule, expression: rate(1 minute) }\n  bus: { type: eventbridge }\n  idle: { type: eventbridge }\n  f: { type: lambda }\n  g: { type: lambda }\nflows:\n  - tick -> bus -> f\n  - idle -> g\n',
    );
    assert.equal(byId('bus').inbound?.rate, 1 / 60);
    assert.equal(byId('f').inbound?.rate, 1 / 60);
    assert.equal(byId('idle').ruleInvocations, undefined);
    assert.equal(byId('g').inbound, undefined);
  });

  test('a workflow runs one execution per start and its tasks carry one call each; a task declaring a rate wins', () => {
    const { analysis, byId } = loads(
      'resources:\n  api: { type: api-gateway }\n  flow: { type: stepfunctions }\n  f: { type: lambda }\n  table: { type: dynamodb }\n  t: { type: sns, encryption: kms }\nflows:\n  - api -> flow: { rate: 20/s }\n  - flow -> f, table\n  - flow -> t: { rate: 2/s }\n',
    );
    assert.equal(byId('flow').executions, 20);
    assert.equal(rate(analysis, 'flow', 'f'), 20);
    assert.equal(rate(analysis, 'flow', 'table'), 20);
    assert.equal(rate(analysis, 'flow', 't'), 2);
  });

  test('a Pipe starts one execution per batch; the enrichment does not change the rate; tasks run once per execution', () => {
    const { analysis, byId } = loads(
      'resources:\n  svc: { type: ecs }\n  q: { type: sqs }\n  s: { type: kinesis, encryption: kms }\n  enricher: { type: lambda }\n  flow: { type: stepfunctions }\n  other: { type: stepfunctions }\n  f: { type: lambda }\nflows:\n  - svc -> q: { rate: 50/s }\n  - q -> flow: { via: pipe, batchSize: 5, enrich: enricher }\n  - flow -> f\n  - svc -> s: { rate: 200/s }\n  - s -> other: { via: pipe }\n',
    );
    assert.equal(rate(analysis, 'q', 'flow'), 50);
    assert.equal(byId('flow').inbound?.rate, 50);
    assert.equal(byId('flow').executions, 10);
    assert.equal(rate(analysis, 'flow', 'f'), 10);
    assert.equal(byId('f').invocations, 10);
    // A stream's default batch is 100.
    assert.equal(byId('other').executions, 2);
  });

  test('S3 notifications and DynamoDB streams carry the rate declared on them, else none', () => {
    const { analysis, byId } = loads(
      'resources:\n  web: { type: client }\n  b: { type: s3 }\n  f: { type: lambda }\n  q: { type: sqs }\n  table: { type: dynamodb, stream: true }\n  g: { type: lambda }\n  h: { type: lambda }\nflows:\n  - web -> b: { rate: 50/s }\n  - b -> f\n  - b -> q: { rate: 5/s, events: [s3:ObjectCreated:*] }\n  - f -> table\n  - table -> g\n  - table -> h: { rate: 30/s }\n',
    );
    assert.equal(byId('b').inbound?.rate, 50);
    assert.equal(rate(analysis, 'b', 'f'), undefined);
    assert.equal(byId('f').inbound, undefined);
    assert.equal(rate(analysis, 'b', 'q'), 5);
    assert.equal(rate(analysis, 'table', 'g'), undefined);
    assert.equal(rate(analysis, 'table', 'h'), 30);
    assert.equal(byId('h').invocations, 0.3); // DynamoDB stream batches: 100 by default
  });

  test('hover on a bus, a workflow and a pipe edge says what each figure is; hints follow the new edges', () => {
    const text =
      'awsflow: 1\nresources:\n  svc: { type: ecs }\n  bus: { type: eventbridge }\n  flow: { type: stepfunctions }\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - svc -> bus: { rate: 40/s }\n  - bus -> q\n  - q -> flow: { via: pipe, batchSize: 4 }\n  - flow -> f\n';
    const analysis = analyze(text);
    const markdown = (at: string) => hover(analysis, text.indexOf(at) + 2)!.markdown;
    assert.match(markdown('  bus:'), /^- Rule target invocations: \*\*40\/s\*\* \(every target's rate, added up\)$/m);
    assert.match(markdown('  flow:'), /^- In: \*\*40\/s\*\* \(passed on by `q`\)$/m);
    assert.match(markdown('  flow:'), /^- Executions: \*\*10\/s\*\* \(one per start; one per batch from a Pipe\)$/m);
    assert.match(markdown('q -> flow'), /^ {2}- Batch size: \*\*4\*\* \(declared\): 10\/s executions with full batches$/m);
    const hints = inlayHints(analysis, { start: 0, end: text.length }).filter((h) => h.label.includes('/s'));
    assert.deepEqual(
      hints.map((h) => [text.slice(0, h.offset).split('\n').pop(), h.label]),
      [
        ['  - bus -> q', ' = 40/s'],
        ['  - q -> flow', ' = 40/s'],
        ['  - flow -> f', ' = 10/s'],
      ],
    );
  });
});
