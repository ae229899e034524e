/** The diagram of format 1.1 connections: what a rule, a Pipe and a task say on their edges, and how each is drawn. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import { buildDiagram, patternSummary } from '../../src/core/diagram/mermaid';
import { plainFlowchart } from '../../src/core/diagram/plain-mermaid';

const FILE = `awsflow: 1
resources:
  api: { type: api-gateway }
  bus: { type: eventbridge }
  orders: { type: stepfunctions }
  ship: { type: lambda }
  jobs: { type: sqs }
  enrich-fn: { type: lambda }
  audit: { type: sqs }
  table: { type: dynamodb, stream: true }
  feed: { type: lambda }
  bucket: { type: s3 }
  tick: { type: schedule, kind: scheduler, expression: rate(5 minutes) }
flows:
  - api -> bus: { rate: 20/s }
  - bus -> orders: { rule: placed, pattern: { source: [shop], detail-type: [OrderPlaced] } }
  - bus -> audit: { pattern: { detail: { status: [PAID, SENT] } } }
  - bus -> ship: { rule: named-only, label: Shipping }
  - orders -> ship: { callback: true }
  - orders -> jobs
  - jobs -> orders: { via: pipe, enrich: enrich-fn }
  - table -> feed
  - bucket -> jobs: { events: [s3:ObjectCreated:*] }
  - tick -> ship
`;

describe('format 1.1 diagram: edge labels', () => {
  const analysis = analyze(FILE);
  const diagram = buildDiagram(analysis, { icons: true });
  const node = (id: string) => diagram.nodes.find((n) => n.resourceId === id)!;
  const edge = (from: string, to: string) => diagram.edges.find((e) => e.from === node(from).id && e.to === node(to).id)!;

  test("a rule's name and its pattern in short, then the rate that reaches it", () => {
    assert.equal(edge('bus', 'orders').label, 'placed: source=shop, detail-type=OrderPlaced · ≈20/s');
    assert.equal(edge('bus', 'orders').style, 'rule');
  });

  test("a rule without a name: its pattern's nested fields by path, each field's values joined", () => {
    assert.equal(edge('bus', 'audit').label, 'detail.status=PAID|SENT · ≈20/s');
  });

  test('a written label wins over what the rule would say', () => {
    assert.equal(edge('bus', 'ship').label, 'Shipping');
  });

  test('a Pipe says so, and names its enrichment; a callback task says it waits for its token', () => {
    assert.equal(edge('jobs', 'orders').label?.startsWith('pipe → enrich-fn'), true);
    assert.equal(edge('jobs', 'orders').style, 'pipe');
    assert.equal(edge('orders', 'ship').label?.startsWith('task token'), true);
    assert.equal(edge('orders', 'ship').style, 'task');
    assert.equal(edge('orders', 'jobs').style, 'task');
  });

  test('each kind in its own arrow: rule thick, Pipe circle-ended, task both ways, stream and notification plain', () => {
    const line = (from: string, arrow: string, to: string) =>
      new RegExp(`^ {2}${node(from).id} ${arrow.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\|"[^"]*"\\|)? ${node(to).id}$`, 'm');
    assert.match(diagram.mermaid, line('bus', '==>', 'orders'));
    assert.match(diagram.mermaid, line('jobs', '--o', 'orders'));
    assert.match(diagram.mermaid, line('orders', '<-->', 'ship'));
    assert.match(diagram.mermaid, line('orders', '<-->', 'jobs'));
    assert.match(diagram.mermaid, line('table', '-->', 'feed'));
    assert.match(diagram.mermaid, line('bucket', '-->', 'jobs'));
    assert.match(diagram.mermaid, line('tick', '-->', 'ship'));
  });

  test("the preview's Mermaid text escapes a label's `:` and `|` as entity codes", () => {
    assert.match(diagram.mermaid, /==>\|"placed#58; source=shop, detail-type=OrderPlaced · ≈20\/s"\|/);
    assert.match(diagram.mermaid, /==>\|"detail.status=PAID#124;SENT · ≈20\/s"\|/);
  });

  test('AWS icons: EventBridge for the bus, Scheduler for the Scheduler schedule, Step Functions, SQS, DynamoDB Streams for the streamed table, S3', () => {
    const icon = (id: string) => node(id).icon;
    assert.equal(icon('bus'), 'logos:aws-eventbridge');
    assert.equal(icon('tick'), 'logos:aws-eventbridge-scheduler');
    assert.equal(icon('orders'), 'logos:aws-step-functions');
    assert.equal(icon('jobs'), 'logos:aws-sqs');
    assert.equal(icon('table'), 'logos:aws-dynamodb-stream');
    assert.equal(icon('bucket'), 'logos:aws-s3');
  });

  test('the plain flowchart (awsflow diagram) draws the same arrows and labels', () => {
    const plain = plainFlowchart(analysis);
    assert.ok(plain.includes('  bus ==>|"placed: source=shop, detail-type=OrderPlaced · ≈20/s"| orders\n'));
    assert.match(plain, /<-->\|"task token/);
    assert.match(plain, /--o\|"pipe → enrich-fn/);
  });
});

describe('patternSummary', () => {
  const summary = (pattern: string) =>
    patternSummary(
      analyze(
        `awsflow: 1\nresources:\n  b: { type: eventbridge }\n  f: { type: lambda }\nflows:\n  - b -> f: { pattern: ${pattern} }\n`,
      ).model.connections[0]!.props.get('pattern')!.node,
    );

  test('fields and values; content filters as …; nothing for an empty or a scalar pattern', () => {
    assert.equal(summary('{ source: [a, b] }'), 'source=a|b');
    assert.equal(summary('{ detail: { size: [{ numeric: [">", 10] }] } }'), 'detail.size=…');
    assert.equal(summary('{ }'), undefined);
    assert.equal(summary('shop'), undefined);
  });

  test('a long pattern is cut at 48 characters with …', () => {
    const long = summary(`{ ${Array.from({ length: 30 }, (_, i) => `field${i}: [value${i}]`).join(', ')} }`)!;
    assert.equal(long.length, 48);
    assert.ok(long.endsWith('…'));
    assert.ok(long.startsWith('field0=value0, field1=value1, '));
  });
});
