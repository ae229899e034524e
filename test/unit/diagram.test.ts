import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, buildDiagram, escapeLabel } from '../../src/core/index';

describe('diagram', () => {
  const text = [
    'awsflow: 1',
    'resources:',
    '  web: { type: client, label: Web app }',
    '  api: { type: api-gateway, group: edge }',
    '  jobs: { type: sqs, deadLetter: { target: jobs-dlq, maxReceiveCount: 3 } }',
    '  jobs-dlq: { type: sqs }',
    '  worker: { type: lambda, timeout: 20m }',
    '  done: { type: sns, encryption: kms }',
    '  notify: { type: lambda }',
    'flows:',
    '  - web -> api',
    '  - api -> jobs: { rate: 20/s }',
    '  - jobs -> worker',
    '  - worker -> done -> notify',
    '',
  ].join('\n');
  const analysis = analyze(text);
  const diagram = buildDiagram(analysis);

  test('a left-to-right flowchart with a generated id per resource', () => {
    assert.match(diagram.mermaid, /^flowchart LR\n/);
    assert.deepEqual(
      diagram.nodes.map((n) => [n.id, n.resourceId]),
      [
        ['n1', 'api'],
        ['n0', 'web'],
        ['n2', 'jobs'],
        ['n3', 'jobs-dlq'],
        ['n4', 'worker'],
        ['n5', 'done'],
        ['n6', 'notify'],
      ],
    );
    assert.match(diagram.mermaid, /^ {2}subgraph g0\["edge"\]\n {4}n1\[\/"api<br\/><small>API Gateway<\/small>"\\\]\n {2}end$/m);
    assert.match(diagram.mermaid, /^ {2}n0>"Web app<br\/><small>client<\/small>"\]$/m);
  });

  test('flows, subscriptions and dead-letter connections in their own styles, rates on edges', () => {
    const edges = diagram.mermaid
      .split('\n')
      .filter((line) => /-->|==>|-\.->/.test(line))
      .map((line) => line.trim());
    // Declared rates as written; rates carried from upstream marked ≈.
    assert.deepEqual(edges, [
      'n0 --> n1',
      'n1 -->|"20/s"| n2',
      'n2 -->|"≈20/s"| n4',
      'n4 -->|"≈20/s"| n5',
      'n5 ==>|"≈20/s"| n6',
      'n2 -.->|"dead letter"| n3',
    ]);
    assert.deepEqual(
      diagram.edges.map((e) => e.style),
      ['flow', 'flow', 'flow', 'flow', 'subscription', 'dead-letter'],
    );
  });

  test('resources with findings are marked, and carry their messages', () => {
    const worker = diagram.nodes.find((n) => n.resourceId === 'worker')!;
    assert.equal(worker.severity, 'error');
    assert.ok(worker.messages.some((m) => m.includes('lambda/timeout-limit')));
    assert.match(diagram.mermaid, /^ {2}class n\d+(,n\d+)* error$/m);
    assert.ok(/class [^\n]*\bn4\b[^\n]* error/.test(diagram.mermaid));
    assert.match(diagram.mermaid, /^ {2}class n3 deadletter$/m);
  });

  test('node ranges point at the resource keys', () => {
    for (const node of diagram.nodes) assert.equal(text.slice(node.start, node.end), node.resourceId);
  });

  test('labels cannot break out: quotes, brackets, directives and HTML are entity codes', () => {
    const hostile = '"]; click n0 call alert(1) %%{init: {"theme":"dark"}}%% <script>x</script> `md`';
    const escaped = escapeLabel(hostile);
    assert.doesNotMatch(escaped.replace(/#\d+;/g, ''), /["[\]<>%{}`;#]/);
    assert.equal(
      escaped.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
      hostile,
    );
    const analysisHostile = analyze(`awsflow: 1\nresources:\n  a: { type: client, label: '${hostile.replace(/'/g, "''")}' }\n`);
    const mermaid = buildDiagram(analysisHostile).mermaid;
    assert.doesNotMatch(mermaid, /%%\{|<script>|^\s*click\b/m);
    assert.equal(mermaid.split('\n').length, 6, 'the label stays on its node line');
  });
});
