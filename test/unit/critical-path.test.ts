/**
 * The diagram's critical path: of every path from an entry point, the slowest by its
 * worst-case latency, as the keys of the edges it takes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildGraph, CRITICAL_PATH_MAX_RESOURCES } from '../../src/core/diagram/graph';

const TEXT = `awsflow: 1
resources:
  api: { type: api-gateway }
  orders: { type: sqs, visibilityTimeout: 2m }
  worker: { type: lambda, timeout: 20s }
  audit: { type: sns }
  archive: { type: lambda, timeout: 3s }
  ticks: { type: schedule, expression: 'rate(5 minutes)' }
  report: { type: lambda, timeout: 5s }
flows:
  - api -> orders
  - orders -> worker: { batchSize: 100, batchWindow: 5m }
  - api -> audit -> archive
  - ticks -> report
`;

test('the slowest path from an entry point by its worst case, as drawn edge keys; a line to read', () => {
  const graph = buildGraph(analyze(TEXT));
  const path = graph.criticalPath;
  assert.ok(path);
  const idOf = (resourceId: string) => graph.nodes.find((node) => node.resourceId === resourceId)!.id;
  // The queue's five-minute batch window makes api → orders → worker the slowest (the others' worst cases are retries).
  assert.deepEqual(path.edges, [`${idOf('api')}>${idOf('orders')}>flow`, `${idOf('orders')}>${idOf('worker')}>flow`]);
  for (const key of path.edges)
    assert.ok(
      graph.edges.some((edge) => edge.key === key),
      key,
    );
  assert.ok(path.worst >= 300 && path.worst >= path.p50, JSON.stringify(path));
  assert.match(path.text, /^api → orders → worker: worst .+, p50 .+$/);
});

test('no critical path when nothing flows, nor above CRITICAL_PATH_MAX_RESOURCES resources', () => {
  assert.equal(buildGraph(analyze('awsflow: 1\nresources:\n  q: { type: sqs }\n')).criticalPath, undefined);
  const many = ['awsflow: 1', 'resources:'];
  for (let i = 0; i <= CRITICAL_PATH_MAX_RESOURCES; i++) many.push(`  q${i}: { type: sqs }`, `  f${i}: { type: lambda }`);
  many.push('flows:', '  - q0 -> f0');
  const large = buildGraph(analyze(many.join('\n') + '\n'));
  assert.equal(large.criticalPath, undefined);
  assert.equal(large.edges.length, 1);
});
