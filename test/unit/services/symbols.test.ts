import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { documentSymbols, matchesQuery, workspaceSymbols } from '../../../src/core/services/symbols';
import type { DocumentSymbolEntry } from '../../../src/core/services/types';
import { strip } from '../../helpers/markers';

/** A symbol tree as plain text, one line per symbol: `name [detail] kind range sel selection`, each range shown as the text it covers. */
function outline(text: string, symbols: readonly DocumentSymbolEntry[], depth = 0): string[] {
  const lines: string[] = [];
  for (const symbol of symbols) {
    const detail = symbol.detail === undefined ? '' : ` [${symbol.detail}]`;
    lines.push(`${'  '.repeat(depth)}${symbol.name}${detail} ${symbol.kind} ${JSON.stringify(text.slice(symbol.start, symbol.end))} sel ${JSON.stringify(text.slice(symbol.selection.start, symbol.selection.end))}`);
    lines.push(...outline(text, symbol.children, depth + 1));
  }
  return lines;
}

/** Every symbol's selection lies inside its range, and every child inside its parent (VS Code rejects the tree otherwise). */
function assertNested(symbols: readonly DocumentSymbolEntry[], parent?: DocumentSymbolEntry): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name !== '', 'a symbol name is never empty');
    assert.ok(symbol.start <= symbol.selection.start && symbol.selection.end <= symbol.end, `${symbol.name}: selection inside range`);
    if (parent) assert.ok(parent.start <= symbol.start && symbol.end <= parent.end, `${symbol.name}: inside ${parent.name}`);
    assertNested(symbol.children, symbol);
  }
}

describe('documentSymbols', () => {
  test('resources grouped by type in order of first appearance, then the flows, with exact ranges', () => {
    const text = `awsflow: 1
resources:
  api: { type: api-gateway, label: Public API }
  jobs:
    type: sqs
    deadLetter: { target: jobs-dlq }
  worker: { type: lambda }
  jobs-dlq: { type: sqs }
  audit:   # the audit trail
    type: sqs
    label: Audit log
flows:
  - api -> jobs, audit
  - jobs -> worker: { batchSize: 5 }
  - "worker ->  api"
  - jobs   ->
      worker
`;
    const symbols = documentSymbols(analyze(text));
    // The whole resources pair, and the sqs group (jobs to audit, across worker).
    const resources = text.slice(text.indexOf('resources:'), text.indexOf('Audit log') + 9);
    const sqsGroup = text.slice(text.indexOf('jobs:'), text.indexOf('Audit log') + 9);
    const flows = text.slice(text.indexOf('flows:'), text.length - 1);
    assert.deepEqual(outline(text, symbols), [
      `resources [5 resources] module ${JSON.stringify(resources)} sel "resources"`,
      '  api-gateway (1) namespace "api: { type: api-gateway, label: Public API }" sel "api"',
      '    api [Public API] interface "api: { type: api-gateway, label: Public API }" sel "api"',
      `  sqs (3) namespace ${JSON.stringify(sqsGroup)} sel "jobs"`,
      '    jobs [sqs] event "jobs:\\n    type: sqs\\n    deadLetter: { target: jobs-dlq }" sel "jobs"',
      '    jobs-dlq [sqs] event "jobs-dlq: { type: sqs }" sel "jobs-dlq"',
      '    audit [Audit log] event "audit:   # the audit trail\\n    type: sqs\\n    label: Audit log" sel "audit"',
      '  lambda (1) namespace "worker: { type: lambda }" sel "worker"',
      '    worker [lambda] function "worker: { type: lambda }" sel "worker"',
      `flows [4 entries] array ${JSON.stringify(flows)} sel "flows"`,
      '  api -> jobs, audit [2 connections] event "api -> jobs, audit" sel "api -> jobs, audit"',
      '  jobs -> worker [1 connection] event "jobs -> worker: { batchSize: 5 }" sel "jobs -> worker"',
      '  worker -> api [1 connection] event "\\"worker ->  api\\"" sel "\\"worker ->  api\\""',
      '  jobs -> worker [1 connection] event "jobs   ->\\n      worker" sel "jobs   ->\\n      worker"',
    ]);
    assertNested(symbols);
  });

  test('an empty file, or one without resources or flows: no symbols', () => {
    assert.deepEqual(documentSymbols(analyze('')), []);
    assert.deepEqual(documentSymbols(analyze('awsflow: 1\nname: x\n')), []);
    assert.deepEqual(documentSymbols(analyze('- a\n- b\n')), []);
  });

  test('half-typed: an empty resources map, a key with no value, a type being typed, an unfinished flow', () => {
    const text = 'awsflow: 1\nresources:\n  jobs:\n  api:\n    type: api-gat\n  fn: { type: lambda }\nflows:\n  - fn ->\n  - \n';
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(outline(text, symbols), [
      'resources [3 resources] module "resources:\\n  jobs:\\n  api:\\n    type: api-gat\\n  fn: { type: lambda }" sel "resources"',
      '  (no type) (1) namespace "jobs:" sel "jobs"',
      '    jobs [(no type)] object "jobs:" sel "jobs"',
      '  api-gat (1) namespace "api:\\n    type: api-gat" sel "api"',
      '    api [api-gat] object "api:\\n    type: api-gat" sel "api"',
      '  lambda (1) namespace "fn: { type: lambda }" sel "fn"',
      '    fn [lambda] function "fn: { type: lambda }" sel "fn"',
      'flows [1 entry] array "flows:\\n  - fn ->\\n  - " sel "flows"',
      '  fn -> event "fn ->" sel "fn ->"',
    ]);
    assertNested(symbols);
    assert.deepEqual(outline('resources:\n', documentSymbols(analyze('resources:\n'))), ['resources [0 resources] module "resources:" sel "resources"']);
  });

  test('quoted keys: the selection is the id inside the quotes; names are never empty', () => {
    const text = 'resources:\n  "orders": { type: sqs }\n  "": { type: sqs }\nflows:\n  - ""\n';
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(outline(text, symbols), [
      'resources [2 resources] module "resources:\\n  \\"orders\\": { type: sqs }\\n  \\"\\": { type: sqs }" sel "resources"',
      '  sqs (2) namespace "\\"orders\\": { type: sqs }\\n  \\"\\": { type: sqs }" sel "orders"',
      '    orders [sqs] event "\\"orders\\": { type: sqs }" sel "orders"',
      '    (no id) [sqs] event "\\"\\": { type: sqs }" sel ""',
      'flows [1 entry] array "flows:\\n  - \\"\\"" sel "flows"',
      '  (empty flow) event "\\"\\"" sel "\\"\\""',
    ]);
    assertNested(symbols);
  });

  test('a group spans from its first to its last resource when types interleave; CRLF text', () => {
    const text = 'resources:\r\n  a: { type: sqs }\r\n  b: { type: lambda }\r\n  c: { type: sqs }\r\n';
    const [resources] = documentSymbols(analyze(text));
    const sqs = resources!.children[0]!;
    assert.equal(sqs.name, 'sqs (2)');
    assert.deepEqual({ start: sqs.start, end: sqs.end }, { start: text.indexOf('a:'), end: text.indexOf('sqs }', text.indexOf('c:')) + 5 });
    assert.deepEqual(resources!.children.map((c) => c.name), ['sqs (2)', 'lambda (1)']);
    assertNested([resources!]);
  });

  test('hostile input: a 5,000-id fan-out and a 2,000-resource group', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `q${i}`);
    const fanOut = Array.from({ length: 5000 }, (_, i) => `q${i % 2000}`).join(', ');
    const text = `resources:\n${ids.map((id) => `  ${id}: { type: sqs }`).join('\n')}\n  src: { type: lambda }\nflows:\n  - src -> ${fanOut}\n`;
    const symbols = documentSymbols(analyze(text));
    assert.equal(symbols[0]!.children[0]!.name, 'sqs (2000)');
    const flow = symbols[1]!.children[0]!;
    assert.equal(flow.name.length, 200);
    assert.ok(flow.name.startsWith('src -> q0, q1, ') && flow.name.endsWith('…'));
    assert.equal(flow.detail, '5000 connections');
    assertNested(symbols);
  });
});

describe('workspaceSymbols', () => {
  test('every resource, its id range and type', () => {
    const { text, ranges } = strip('resources:\n  «jobs»: { type: sqs }\n  "«fn»": { type: lambda }\n  «odd»: { type: nonsense }\n  «bare»:\nflows:\n  - jobs -> fn\n');
    assert.deepEqual(workspaceSymbols(analyze(text)), [
      { name: 'jobs', kind: 'event', detail: 'sqs', ...ranges[0] },
      { name: 'fn', kind: 'function', detail: 'lambda', ...ranges[1] },
      { name: 'odd', kind: 'object', detail: 'nonsense', ...ranges[2] },
      { name: 'bare', kind: 'object', detail: '(no type)', ...ranges[3] },
    ]);
  });

  test('an empty or broken file: none', () => {
    assert.deepEqual(workspaceSymbols(analyze('')), []);
    assert.deepEqual(workspaceSymbols(analyze('resources: [\n')), []);
  });
});

describe('matchesQuery', () => {
  test('a case-insensitive subsequence', () => {
    assert.equal(matchesQuery('orders-jobs-dlq', 'ojd'), true);
    assert.equal(matchesQuery('orders-jobs-dlq', 'OJD'), true);
    assert.equal(matchesQuery('OrdersQueue', 'orq'), true);
    assert.equal(matchesQuery('orders', 'orders'), true);
    assert.equal(matchesQuery('orders', 'ordersx'), false);
    assert.equal(matchesQuery('orders', 'sro'), false, 'order matters');
    assert.equal(matchesQuery('jobs', 'jobs-dlq'), false);
    assert.equal(matchesQuery('a.b', '.'), true);
  });

  test('an empty or blank query matches everything; spaces in a query are ignored', () => {
    assert.equal(matchesQuery('anything', ''), true);
    assert.equal(matchesQuery('anything', '   '), true);
    assert.equal(matchesQuery('orders-dlq', 'ord dlq'), true);
    assert.equal(matchesQuery('', 'a'), false);
  });
});
