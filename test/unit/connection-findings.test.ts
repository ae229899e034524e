/**
 * A finding about one connection of a flow entry sits on that connection's own id (a
 * fan-out's target, a fan-in's source), and the diagram marks that connection's edge
 * only. A finding on a connection property shared by the whole entry stays on the value,
 * and still marks only the connections it is about.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, buildDiagram, type Analysis } from '../../src/core/index';
import { strip } from '../helpers/markers';

/**
 * The failure-path advice rules (`sns/no-redrive`, `esm/on-failure`, `lambda/async-failure`)
 * would mark the edges of these small fixtures too; they are tested on their own.
 */
const ONLY_CONNECTION_RULES = {
  ruleSeverities: { 'sns/no-redrive': 'off', 'esm/on-failure': 'off', 'lambda/async-failure': 'off' },
} as const;

function placed(text: string, analysis: Analysis, ruleId: string): string[] {
  return analysis.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.start}-${f.end} ${text.slice(f.start, f.end)}`);
}

function expected(text: string, ranges: readonly { start: number; end: number }[]): string[] {
  return ranges.map((r) => `${r.start}-${r.end} ${text.slice(r.start, r.end)}`);
}

/** Each drawn edge as `from -> to: severity`, by resource id. */
function marks(analysis: Analysis): string[] {
  const diagram = buildDiagram(analysis);
  const idOf = new Map(diagram.nodes.map((node) => [node.id, node.resourceId]));
  return diagram.edges.map((edge) => `${idOf.get(edge.from)} -> ${idOf.get(edge.to)}: ${edge.severity ?? 'none'}`);
}

describe('a finding about one connection sits on its own id', () => {
  test('fan-out: on the target, and only its edge is marked', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  topic: { type: sns, encryption: kms }\n  a: { type: sqs }\n  b.fifo: { type: sqs, fifo: true }\n  c: { type: lambda }\nflows:\n  - topic -> a, «b.fifo», c\n',
    );
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    assert.deepEqual(placed(text, analysis, 'sns/fifo-subscription'), expected(text, ranges));
    assert.deepEqual(marks(analysis), ['topic -> a: none', 'topic -> b.fifo: error', 'topic -> c: none']);
  });

  test("fan-in: on the source, since the target is every source's", () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  api: { type: api-gateway }\n  q: { type: sqs }\n  t: { type: sns, encryption: kms }\n  f: { type: lambda }\nflows:\n  - api, «q» -> t\n  - t -> f\n  - q -> f\n',
    );
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    assert.deepEqual(placed(text, analysis, 'flows/invalid-connection'), expected(text, ranges));
    // sqs -> sns is not drawn as a connection AWS makes; api -> t stays unmarked.
    assert.ok(marks(analysis).includes('api -> t: none'));
  });

  test('a chain `a -> b, c -> d`: each hop on the id that is its own', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  web: { type: client }\n  jobs: { type: sqs }\n  events: { type: sns, encryption: kms }\n  stream: { type: kinesis, encryption: kms }\n  worker: { type: lambda }\nflows:\n  - web -> «jobs», «events» -> stream\n  - stream -> worker\n',
    );
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    // jobs -> stream and events -> stream: a fan-in into stream, so on each source.
    assert.deepEqual(placed(text, analysis, 'flows/invalid-connection'), expected(text, ranges));
    assert.deepEqual(marks(analysis), [
      'web -> jobs: none',
      'web -> events: none',
      'jobs -> stream: error',
      'events -> stream: error',
      'stream -> worker: none',
    ]);
  });

  test('a chain of single ids: each hop on its target', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  api: { type: api-gateway }\n  f: { type: lambda, timeout: 1m }\n  g: { type: lambda, timeout: 45s }\nflows:\n  - api -> «f» -> g\n  - api -> «g»\n',
    );
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    assert.deepEqual(placed(text, analysis, 'lambda/api-timeout'), expected(text, ranges));
    assert.deepEqual(marks(analysis), ['api -> f: warning', 'f -> g: none', 'api -> g: warning']);
  });

  test("related information points at each connection's own id", () => {
    const text =
      'awsflow: 1\nresources:\n  a: { type: lambda }\n  b: { type: lambda }\n  jobs.fifo: { type: sqs, fifo: true }\n  other: { type: sqs }\nflows:\n  - a -> jobs.fifo, other: { rate: 200/s }\n  - b -> jobs.fifo: { rate: 200/s }\n';
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    const finding = analysis.findings.find((f) => f.ruleId === 'sqs/fifo-throughput')!;
    assert.deepEqual(
      finding.related.map((r) => text.slice(r.start, r.end)),
      ['jobs.fifo', 'jobs.fifo'],
    );
    assert.deepEqual(
      finding.related.map((r) => r.start),
      [text.indexOf('jobs.fifo, other'), text.lastIndexOf('jobs.fifo:')],
    );
  });
});

describe('a finding on a property of the whole entry stays on the value and marks only its connections', () => {
  test("fan-out with a shared size: the topic's limit is passed, the queue's is not", () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  svc: { type: lambda }\n  q: { type: sqs }\n  t: { type: sns, encryption: kms }\nflows:\n  - svc -> q, t: { size: «300KB» }\n',
    );
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    assert.deepEqual(placed(text, analysis, 'payload/size'), expected(text, ranges));
    assert.deepEqual(marks(analysis), ['svc -> q: none', 'svc -> t: error']);
  });

  test('fan-in from a standard and a FIFO queue: batch settings wrong for the FIFO one only', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  std: { type: sqs }\n  jobs.fifo: { type: sqs, fifo: true }\n  f: { type: lambda }\nflows:\n  - std, jobs.fifo -> f: { batchSize: «50», batchWindow: «1s» }\n',
    );
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    assert.deepEqual(placed(text, analysis, 'sqs/fifo-batch-size'), expected(text, [ranges[0]!]));
    assert.deepEqual(placed(text, analysis, 'esm/batch-window'), expected(text, [ranges[1]!]));
    assert.deepEqual(marks(analysis), ['std -> f: none', 'jobs.fifo -> f: error']);
  });

  test('a finding on a property without named connections marks every edge of its entry', () => {
    const text =
      'awsflow: 1\nresources:\n  svc: { type: lambda }\n  q: { type: sqs }\n  r: { type: sqs }\nflows:\n  - svc -> q, r: { rate: fast }\n';
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'schema/invalid' && text.slice(f.start, f.end) === 'fast'));
    assert.deepEqual(marks(analysis), ['svc -> q: error', 'svc -> r: error']);
  });

  test('an unknown id in a fan-out does not mark the drawn edges of the entry', () => {
    const text = 'awsflow: 1\nresources:\n  svc: { type: lambda }\n  q: { type: sqs }\nflows:\n  - svc -> q, nowhere\n';
    const analysis = analyze(text, ONLY_CONNECTION_RULES);
    assert.deepEqual(placed(text, analysis, 'flows/unknown-resource'), [
      `${text.indexOf('nowhere')}-${text.indexOf('nowhere') + 7} nowhere`,
    ]);
    assert.deepEqual(marks(analysis), ['svc -> q: none']);
  });
});
