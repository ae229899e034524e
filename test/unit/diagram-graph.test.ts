import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, buildDiagram, buildGraph, writeMermaid } from '../../src/core/index';

describe('diagram graph', () => {
  const text = [
    'awsflow: 1',
    'name: shop',
    'resources:',
    '  web: { type: client, label: Web app }',
    '  api: { type: api-gateway, group: edge }',
    '  cdn: { type: cloudfront, group: edge }',
    '  jobs: { type: sqs, group: work, deadLetter: { target: jobs-dlq, maxReceiveCount: 3 } }',
    '  jobs-dlq: { type: sqs }',
    '  worker: { type: lambda, timeout: 20m }',
    '  done: { type: sns, encryption: kms }',
    '  notify: { type: lambda }',
    '  clicks: { type: kinesis, mode: on-demand }',
    '  failed: { type: sqs }',
    '  fargate: { type: ecs, launchType: fargate }',
    'flows:',
    '  - web -> cdn -> api',
    '  - api -> jobs: { rate: 20/s }',
    '  - jobs -> worker',
    '  - worker -> done -> notify',
    '  - clicks -> notify: { onFailure: failed }',
    '',
  ].join('\n');
  const analysis = analyze(text);
  const graph = buildGraph(analysis);
  const byResource = new Map(graph.nodes.map((node) => [node.resourceId, node]));
  const nameOf = (id: string) => graph.nodes.find((node) => node.id === id)!.resourceId;

  test('nodes in drawing order (groups first), with their type, group, icon and key range', () => {
    assert.deepEqual(
      graph.nodes.map((node) => [node.id, node.resourceId, node.group ?? null]),
      [
        ['n1', 'api', 'g0'],
        ['n2', 'cdn', 'g0'],
        ['n3', 'jobs', 'g1'],
        ['n0', 'web', null],
        ['n4', 'jobs-dlq', null],
        ['n5', 'worker', null],
        ['n6', 'done', null],
        ['n7', 'notify', null],
        ['n8', 'clicks', null],
        ['n9', 'failed', null],
        ['n10', 'fargate', null],
      ],
    );
    const web = byResource.get('web')!;
    assert.deepEqual([web.type, web.typeName, web.label, web.icon], ['client', 'client outside AWS', 'Web app', undefined]);
    assert.equal(byResource.get('jobs')!.icon, 'logos:aws-sqs');
    assert.equal(byResource.get('fargate')!.icon, 'logos:aws-fargate');
    for (const node of graph.nodes) assert.equal(text.slice(node.start, node.end), node.resourceId);
    assert.equal(graph.title, 'shop');
  });

  test('dead-letter and on-failure targets are marked as such, nothing else', () => {
    assert.deepEqual(
      graph.nodes.filter((node) => node.deadLetter).map((node) => node.resourceId),
      ['jobs-dlq', 'failed'],
    );
  });

  test('groups with their label and members, in the order of the file', () => {
    assert.deepEqual(graph.groups, [
      { id: 'g0', label: 'edge', members: ['n1', 'n2'] },
      { id: 'g1', label: 'work', members: ['n3'] },
    ]);
  });

  test('edges of every kind: flow, subscription, dead letter, on failure; declared and derived rates', () => {
    assert.deepEqual(
      graph.edges.map((edge) => [
        nameOf(edge.from),
        nameOf(edge.to),
        edge.kind,
        edge.style,
        edge.label ?? null,
        edge.rate ?? null,
        edge.derivedRate,
      ]),
      [
        ['web', 'cdn', 'flow', 'flow', null, null, false],
        ['cdn', 'api', 'flow', 'flow', null, null, false],
        ['api', 'jobs', 'flow', 'flow', '20/s', 20, false],
        ['jobs', 'worker', 'flow', 'flow', '≈20/s', 20, true],
        ['worker', 'done', 'flow', 'flow', '≈20/s', 20, true],
        ['done', 'notify', 'subscription', 'subscription', '≈20/s', 20, true],
        ['clicks', 'notify', 'flow', 'flow', null, null, false],
        ['jobs', 'jobs-dlq', 'deadLetter', 'dead-letter', 'dead letter', null, false],
        ['clicks', 'failed', 'onFailure', 'dead-letter', 'on failure', null, false],
      ],
    );
    for (const edge of graph.edges) assert.equal(edge.key, `${edge.from}>${edge.to}>${edge.style}`);
    const onFailure = graph.edges.find((edge) => edge.kind === 'onFailure')!;
    assert.equal(text.slice(onFailure.start, onFailure.end), 'clicks -> notify: { onFailure: failed }');
  });

  test('findings counted per node and per edge, the worst as severity, each as a message', () => {
    const worker = byResource.get('worker')!;
    assert.equal(worker.severity, 'error');
    assert.equal(worker.findings.errors, worker.messages.filter((m) => m.startsWith('error: ')).length);
    assert.equal(worker.findings.warnings, worker.messages.filter((m) => m.startsWith('warning: ')).length);
    assert.equal(worker.findings.infos, worker.messages.filter((m) => m.startsWith('info: ')).length);
    assert.ok(worker.findings.errors >= 1);
    assert.ok(worker.messages.some((m) => m.startsWith('error: ') && m.endsWith('(lambda/timeout-limit)')));
    // Every finding that starts inside a resource's definition is counted on its node.
    for (const node of graph.nodes) {
      assert.equal(node.findings.errors + node.findings.warnings + node.findings.infos, node.messages.length, node.resourceId);
      const none = node.messages.length === 0;
      assert.equal(node.severity === undefined, none, node.resourceId);
    }
    for (const edge of graph.edges)
      assert.equal(edge.findings.errors + edge.findings.warnings + edge.findings.infos, edge.messages.length, edge.key);
  });

  test('an edge finding marks its edge: a batch size beyond the limit on one flow entry', () => {
    const marked = buildGraph(
      analyze('awsflow: 1\nresources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f: { batchSize: 99999 }\n'),
    );
    const [edge] = marked.edges;
    assert.equal(edge!.severity, 'error');
    assert.deepEqual(edge!.findings, { errors: 2, warnings: 0, infos: 0 });
    assert.deepEqual(
      edge!.messages.map((m) => m.replace(/: .*\(/, ': … (')),
      ['error: … (esm/batch-window)', 'error: … (esm/batch-window)'],
    );
    // Not on the resources at its ends.
    assert.deepEqual(
      marked.nodes.map((node) => node.findings.errors),
      [0, 0],
    );
  });

  test('the Mermaid text is written from the graph: buildDiagram = graph + writeMermaid', () => {
    const diagram = buildDiagram(analysis, { icons: true });
    assert.deepEqual(writeMermaid(graph, { icons: true }), { mermaid: diagram.mermaid, outline: diagram.outline });
    assert.deepEqual(diagram.nodes, graph.nodes);
    assert.deepEqual(diagram.edges, graph.edges);
    assert.deepEqual(diagram.groups, graph.groups);
  });

  test('the outline names what each line of the text writes', () => {
    const { mermaid, outline } = buildDiagram(analysis);
    const lines = mermaid.split('\n');
    assert.equal(lines.pop(), '', 'the text ends with a line break');
    assert.equal(outline.length, lines.length);
    outline.forEach((statement, index) => {
      const line = lines[index]!.trim();
      switch (statement.kind) {
        case 'header':
          assert.match(line, /^(flowchart LR|classDef \w+ .*)$/);
          break;
        case 'node':
          assert.ok(line.startsWith(statement.id) && !/^n\d/.test(line.slice(statement.id.length)), line);
          break;
        case 'groupStart':
          assert.ok(line.startsWith(`subgraph ${statement.id}[`), line);
          break;
        case 'groupEnd':
          assert.equal(line, 'end');
          break;
        case 'edge':
          assert.match(line, new RegExp(`^${statement.from} (-->|==>|-\\.->)(\\|"[^"]*"\\|)? ${statement.to}$`));
          break;
        case 'class':
          assert.equal(line, `class ${statement.members.join(',')} ${statement.className}`);
          break;
      }
    });
    assert.deepEqual(
      outline.filter((s) => s.kind === 'node').map((s) => s.kind === 'node' && s.id),
      graph.nodes.map((node) => node.id),
    );
    assert.equal(outline.filter((s) => s.kind === 'edge').length, graph.edges.length);
    assert.deepEqual(
      outline.filter((s) => s.kind === 'class').map((s) => s.kind === 'class' && s.className),
      ['deadletter', 'warning', 'error'],
    );
  });

  test('an empty or unreadable file is an empty graph', () => {
    for (const source of ['', 'awsflow: 1\n', 'resources: [\n']) {
      const empty = buildGraph(analyze(source));
      assert.deepEqual([empty.nodes, empty.edges, empty.groups], [[], [], []], JSON.stringify(source));
    }
  });
});
