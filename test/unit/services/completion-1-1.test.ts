/**
 * Completion for format 1.1: the eventbridge and stepfunctions types and their properties,
 * the schedule's Scheduler keys, DynamoDB streams, each connection kind's properties and
 * values, and flow targets ranked by what AWS can connect from the source's type.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { complete } from '../../../src/core/services/completion';
import type { CompletionEntry } from '../../../src/core/services/types';

/** The entries at `‸`, in the order the editor shows them. */
function completeAt(marked: string): CompletionEntry[] {
  const offset = marked.indexOf('‸');
  assert.notEqual(offset, -1, 'no ‸ in fixture');
  return complete(analyze(marked.replace('‸', '')), offset);
}

function labels(marked: string): string[] {
  return completeAt(marked).map((entry) => entry.label);
}

function find(entries: readonly CompletionEntry[], label: string): CompletionEntry {
  const entry = entries.find((e) => e.label === label);
  if (!entry) assert.fail(`no entry '${label}' among ${JSON.stringify(entries.map((e) => e.label))}`);
  return entry;
}

/** The labels whose sortText starts with `rank` (`0`: relevant, `1`: the others). */
function ranked(entries: readonly CompletionEntry[], rank: string): string[] {
  return entries.filter((entry) => entry.sortText?.startsWith(rank)).map((entry) => entry.label);
}

const FILE = `awsflow: 1
resources:
  bus: { type: eventbridge }
  flow: { type: stepfunctions }
  jobs: { type: sqs }
  jobs-dlq: { type: sqs }
  jobs.fifo: { type: sqs, fifo: true }
  fn: { type: lambda }
  topic: { type: sns }
  bucket: { type: s3 }
  table: { type: dynamodb, stream: true }
  stream: { type: kinesis }
  tick: { type: schedule, expression: rate(1 minute) }
  api: { type: api-gateway }
  db: { type: rds }
  lb: { type: alb }
`;

describe('format 1.1 resource properties', () => {
  test('an event bus: encryption and archive; archive holds retention; no `none` for encryption', () => {
    const bus = (body: string) => FILE.replace('bus: { type: eventbridge }', `bus:\n    type: eventbridge\n${body}`);
    assert.deepEqual(labels(bus('    ‸')), ['encryption', 'archive', 'label', 'description', 'group', 'name']);
    assert.equal(find(completeAt(bus('    ‸')), 'archive').insertText, 'archive: { retention: ${1:30d} }');
    assert.deepEqual(labels(bus('    archive:\n      ‸')), ['retention']);
    assert.deepEqual(labels(bus('    encryption: ‸')), ['kms', '{ kms: alias/… }']);
  });

  test('a state machine: workflow (standard the default) and timeout with units', () => {
    const flow = (body: string) => FILE.replace('flow: { type: stepfunctions }', `flow:\n    type: stepfunctions\n${body}`);
    assert.deepEqual(labels(flow('    ‸')), ['workflow', 'timeout', 'label', 'description', 'group', 'name']);
    const workflows = completeAt(flow('    workflow: ‸'));
    assert.deepEqual(
      workflows.map((e) => e.label),
      ['standard', 'express'],
    );
    assert.equal(find(workflows, 'standard').detail, 'AWS default');
    assert.equal(find(workflows, 'express').detail, undefined);
    assert.deepEqual(labels(flow('    timeout: 5‸')), ['5s', '5m', '5h', '5ms', '5d']);
  });

  test('a schedule: kind, timezone, flexibleWindow; at(…) unless kind: rule is written', () => {
    const tick = (body: string) =>
      FILE.replace('tick: { type: schedule, expression: rate(1 minute) }', `tick:\n    type: schedule\n${body}`);
    assert.deepEqual(labels(tick('    ‸')), ['expression', 'kind', 'timezone', 'flexibleWindow', 'label', 'description', 'group', 'name']);
    assert.deepEqual(labels(tick('    kind: ‸')), ['rule', 'scheduler']);
    assert.deepEqual(labels(tick('    expression: ‸')), ['rate(…)', 'cron(…)', 'at(…)']);
    assert.equal(find(completeAt(tick('    expression: ‸')), 'at(…)').insertText, 'at(${1:2027-01-01T09:00:00})');
    assert.deepEqual(labels(tick('    kind: rule\n    expression: ‸')), ['rate(…)', 'cron(…)']);
    assert.deepEqual(labels(tick('    kind: scheduler\n    expression: ‸')), ['rate(…)', 'cron(…)', 'at(…)']);
    assert.deepEqual(labels(tick('    flexibleWindow: 15‸')), ['15s', '15m', '15h', '15ms', '15d']);
  });

  test('a table: stream, a boolean', () => {
    const table = (body: string) => FILE.replace('table: { type: dynamodb, stream: true }', `table:\n    type: dynamodb\n${body}`);
    assert.deepEqual(labels(table('    ‸')), ['encryption', 'stream', 'label', 'description', 'group', 'name']);
    assert.deepEqual(labels(table('    stream: ‸')), ['true', 'false']);
  });
});

describe('format 1.1 connection properties, by connection kind', () => {
  const keysOf = (flow: string) => completeAt(`${FILE}flows:\n  - ${flow}\n`);

  test('an EventBridge rule target: pattern, rule, onFailure, retry and label first; no pipe, task or S3 keys', () => {
    const entries = keysOf('bus -> fn: { ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'onFailure', 'label', 'pattern', 'rule', 'retry']);
    const names = entries.map((e) => e.label);
    for (const absent of ['via', 'enrich', 'events', 'callback', 'parallelization']) assert.ok(!names.includes(absent), absent);
    assert.equal(find(entries, 'pattern').insertText, 'pattern: { source: [${1:orders}] }');
    assert.equal(find(entries, 'retry').insertText, 'retry: { attempts: ${1:3}, maxAge: ${2:1h} }');
  });

  test("a schedule's target: onFailure, retry and label; no pattern or rule name", () => {
    const entries = keysOf('tick -> fn: { ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'onFailure', 'label', 'retry']);
    assert.ok(!entries.some((e) => e.label === 'pattern' || e.label === 'rule'));
  });

  test('a pipe: filter (an event pattern), enrich, batchSize, batchWindow, onFailure, label; in flow and block style', () => {
    const entries = keysOf('jobs -> flow: { via: pipe, ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'batchSize', 'batchWindow', 'filter', 'onFailure', 'label', 'enrich']);
    assert.equal(find(entries, 'filter').insertText, 'filter: { body: { ${1:status}: [${2:PAID}] } }');
    assert.ok(!entries.some((e) => e.label === 'via'));
    const block = completeAt(`${FILE}flows:\n  - jobs -> flow:\n      via: pipe\n      ‸\n`);
    assert.deepEqual(ranked(block, '0'), ['rate', 'size', 'batchSize', 'batchWindow', 'filter', 'onFailure', 'label', 'enrich']);
  });

  test('`queue -> workflow` is no connection as written: `via` is offered first; `via: ‸` offers pipe', () => {
    const entries = keysOf('jobs -> flow: { ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'via']);
    assert.ok(!entries.some((e) => e.label === 'enrich'), 'enrich only once it is a pipe');
    assert.deepEqual(labels(`${FILE}flows:\n  - jobs -> flow: { via: ‸ }\n`), ['pipe']);
    // A queue's Lambda consumer can be a Pipe too, but needs none: via is offered, not first.
    const esm = keysOf('jobs -> fn: { ‸ }');
    assert.equal(find(esm, 'via').sortText?.[0], '1');
    // Not a Pipe source: no via.
    assert.ok(!keysOf('topic -> fn: { ‸ }').some((e) => e.label === 'via'));
  });

  test('a Step Functions task: callback', () => {
    const entries = keysOf('flow -> fn: { ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'callback']);
    assert.deepEqual(labels(`${FILE}flows:\n  - flow -> fn: { callback: ‸ }\n`), ['true', 'false']);
  });

  test('an S3 notification: events and a { prefix, suffix } filter', () => {
    const entries = keysOf('bucket -> fn: { ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'filter', 'events']);
    assert.equal(find(entries, 'filter').insertText, 'filter: { prefix: ${1:uploads/}, suffix: ${2:.jpg} }');
    assert.equal(find(entries, 'events').insertText, 'events: [${1:s3:ObjectCreated:*}]');
    assert.deepEqual(labels(`${FILE}flows:\n  - bucket -> fn: { filter: { ‸ } }\n`), ['prefix', 'suffix']);
    assert.deepEqual(labels(`${FILE}flows:\n  - bucket -> fn:\n      filter:\n        prefix: uploads/\n        ‸\n`), ['suffix']);
    // An SNS filter policy's keys are the user's message attributes: nothing to offer.
    assert.deepEqual(labels(`${FILE}flows:\n  - topic -> jobs: { filter: { ‸ } }\n`), []);
  });

  test('a DynamoDB stream mapping: batchSize, batchWindow, onFailure, parallelization; no maxConcurrency first', () => {
    const entries = keysOf('table -> fn: { ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'batchSize', 'batchWindow', 'onFailure', 'parallelization']);
    // An SQS mapping has no parallelization factor.
    assert.ok(!keysOf('jobs -> fn: { ‸ }').some((e) => e.label === 'parallelization'));
  });

  test('an SNS subscription: deadLetter among the first; maxLatency is offered on every entry', () => {
    const entries = keysOf('topic -> jobs: { ‸ }');
    assert.deepEqual(ranked(entries, '0'), ['rate', 'size', 'filter', 'rawDelivery', 'deadLetter']);
    for (const flow of ['topic -> jobs: { ‸ }', 'bus -> fn: { ‸ }', 'jobs -> flow: { via: pipe, ‸ }', 'bucket -> fn: { ‸ }']) {
      assert.ok(
        keysOf(flow).some((e) => e.label === 'maxLatency'),
        flow,
      );
    }
  });

  test('an entry naming an id of unknown type keeps every key', () => {
    const names = labels(`${FILE}flows:\n  - bus -> nowhere: { ‸ }\n`);
    for (const key of ['pattern', 'via', 'enrich', 'events', 'callback', 'parallelization']) assert.ok(names.includes(key), key);
  });

  test('retry: attempts and maxAge, with units after a number', () => {
    assert.deepEqual(labels(`${FILE}flows:\n  - bus -> fn: { retry: { ‸ } }\n`), ['attempts', 'maxAge']);
    assert.deepEqual(labels(`${FILE}flows:\n  - bus -> fn:\n      retry:\n        attempts: 3\n        ‸\n`), ['maxAge']);
    assert.deepEqual(labels(`${FILE}flows:\n  - bus -> fn: { retry: { maxAge: 2‸ } }\n`), ['2s', '2m', '2h', '2ms', '2d']);
  });
});

describe('format 1.1 connection values', () => {
  test('S3 event names in events, the families first, those listed left out, the typed part replaced', () => {
    const all = completeAt(`${FILE}flows:\n  - bucket -> fn: { events: [‸] }\n`);
    assert.deepEqual(
      all.slice(0, 4).map((e) => e.label),
      ['s3:ObjectCreated:*', 's3:ObjectRemoved:*', 's3:ObjectCreated:Put', 's3:ObjectCreated:Post'],
    );
    assert.equal(all.length, 27);
    const marked = `${FILE}flows:\n  - bucket -> fn: { events: [s3:ObjectCreated:*, s3:Obj‸] }\n`;
    const some = completeAt(marked);
    assert.ok(!some.some((e) => e.label === 's3:ObjectCreated:*'));
    const start = marked.indexOf('s3:Obj‸');
    for (const entry of some) assert.deepEqual(entry.replace, { start, end: start + 's3:Obj'.length }, entry.label);
    assert.deepEqual(labels(`${FILE}flows:\n  - bucket -> fn:\n      events:\n        - ‸\n`).slice(0, 2), [
      's3:ObjectCreated:*',
      's3:ObjectRemoved:*',
    ]);
  });

  test('enrich: Lambda functions and state machines first, the rest last with the reason', () => {
    const entries = completeAt(`${FILE}flows:\n  - jobs -> flow: { via: pipe, enrich: ‸ }\n`);
    assert.deepEqual(
      entries.slice(0, 2).map((e) => e.label),
      ['flow', 'fn'],
    );
    assert.equal(find(entries, 'jobs').documentation, 'A Pipe enriches with a Lambda function or a Step Functions state machine.');
  });

  test("onFailure: a rule's or a pipe's target takes a standard queue only; a stream mapping also a topic", () => {
    for (const flow of ['bus -> fn: { onFailure: ‸ }', 'tick -> fn: { onFailure: ‸ }', 'stream -> flow: { via: pipe, onFailure: ‸ }']) {
      const entries = completeAt(`${FILE}flows:\n  - ${flow}\n`);
      assert.deepEqual(ranked(entries, '0'), ['jobs-dlq', 'jobs'], flow);
      assert.match(find(entries, 'topic').documentation ?? '', /standard SQS queue, its dead-letter queue/);
      assert.ok(entries.findIndex((e) => e.label === 'jobs.fifo') > 1);
    }
    const mapping = completeAt(`${FILE}flows:\n  - stream -> fn: { onFailure: ‸ }\n`);
    assert.deepEqual(ranked(mapping, '0'), ['jobs-dlq', 'jobs', 'topic']);
  });
});

describe('format 1.1 flow targets, ranked by what AWS can connect', () => {
  const idsAfter = (flow: string) => completeAt(`${FILE}flows:\n  - ${flow}\n`);
  /** Labels with the tier of their rank: 0 usual, 1 allowed, 2 through a Pipe or unknown, 3 not a connection. */
  const tiers = (entries: readonly CompletionEntry[]) => entries.map((e) => `${e.label}:${e.sortText![0]}`);

  test("a bus's rule targets first, most usual first; what a rule cannot target last", () => {
    assert.deepEqual(tiers(idsAfter('bus -> ‸')), [
      'fn:0',
      'jobs:0',
      'jobs-dlq:0',
      'jobs.fifo:0',
      'topic:0',
      'flow:0',
      'stream:0',
      'api:0',
      'bus:3',
      'bucket:3',
      'table:3',
      'tick:3',
      'db:3',
      'lb:3',
    ]);
    assert.match(
      find(idsAfter('bus -> ‸'), 'table').documentation ?? '',
      /^Not a connection AWS can make: an EventBridge rule cannot target a DynamoDB table/,
    );
  });

  test("a state machine's task integrations first (S3 and API Gateway among them); itself, a schedule, a database or a load balancer last", () => {
    const entries = idsAfter('flow -> ‸');
    assert.deepEqual(
      tiers(entries).filter((tier) => tier.endsWith(':3')),
      ['flow:3', 'tick:3', 'db:3', 'lb:3'],
    );
    assert.equal(entries[0]!.label, 'fn');
    // A task can call S3 (an AWS SDK integration) and API Gateway (an optimized one): valid, after the likely ones.
    assert.equal(find(entries, 'bucket').sortText![0], '1');
    assert.equal(find(entries, 'api').sortText![0], '1');
  });

  test('a bucket notifies functions, standard queues, topics and buses; never a FIFO queue', () => {
    const entries = idsAfter('bucket -> ‸');
    assert.deepEqual(
      entries.slice(0, 5).map((e) => e.label),
      ['fn', 'jobs', 'jobs-dlq', 'topic', 'bus'],
    );
    assert.equal(find(entries, 'jobs.fifo').sortText![0], '3');
    assert.equal(
      find(entries, 'jobs.fifo').documentation,
      'Not a connection AWS can make: S3 event notifications cannot go to a FIFO queue.',
    );
  });

  test('a queue: its consumers first, then what a Pipe can reach, then what nothing can', () => {
    const entries = idsAfter('jobs -> ‸');
    assert.equal(entries[0]!.label, 'fn');
    assert.deepEqual(
      tiers(entries).filter((tier) => tier.endsWith(':2')),
      ['bus:2', 'flow:2', 'jobs-dlq:2', 'jobs.fifo:2', 'topic:2', 'stream:2', 'api:2'],
    );
    assert.equal(
      find(entries, 'flow').documentation,
      '**jobs → flow** through an EventBridge Pipe: add `{ via: pipe }` (EventBridge Pipe: polls the source, filters and enriches, and delivers batches to the target).',
    );
    // With `via: pipe` written after the cursor, the Pipe's targets are connections like any other.
    const piped = idsAfter('jobs -> ‸: { via: pipe }');
    assert.equal(find(piped, 'flow').sortText![0], '1');
    assert.equal(find(piped, 'db').sortText![0], '3');
  });

  test('sources of a state machine and of a bus: starters and producers first, Pipe sources after', () => {
    const starters = idsAfter('‸ -> flow');
    assert.deepEqual(
      starters.slice(0, 4).map((e) => e.label),
      ['bus', 'tick', 'api', 'fn'],
    );
    assert.equal(find(starters, 'table').sortText![0], '2');
    assert.equal(find(starters, 'topic').sortText![0], '3');
    const producers = idsAfter('‸ -> bus');
    assert.deepEqual(
      producers.slice(0, 5).map((e) => e.label),
      ['flow', 'bucket', 'tick', 'fn', 'api'],
    );
    assert.equal(find(producers, 'stream').sortText![0], '2');
  });
});
