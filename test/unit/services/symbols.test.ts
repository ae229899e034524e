import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { documentSymbols, matchesQuery, workspaceSymbols } from '../../../src/core/services/symbols';
import type { DocumentSymbolEntry } from '../../../src/core/services/types';
import { strip } from '../../helpers/markers';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** A symbol tree as plain text, one line per symbol: `name [detail] kind range sel selection`, each range shown as the text it covers. */
function outline(text: string, symbols: readonly DocumentSymbolEntry[], depth = 0): string[] {
  const lines: string[] = [];
  for (const symbol of symbols) {
    const detail = symbol.detail === undefined ? '' : ` [${symbol.detail}]`;
    lines.push(
      `${'  '.repeat(depth)}${symbol.name}${detail} ${symbol.kind} ${JSON.stringify(text.slice(symbol.start, symbol.end))} sel ${JSON.stringify(text.slice(symbol.selection.start, symbol.selection.end))}`,
    );
    lines.push(...outline(text, symbol.children, depth + 1));
  }
  return lines;
}

/**
 * What editors rely on to find the symbol at the cursor (breadcrumbs, sticky scroll): every
 * selection inside its range, every child inside its parent, and siblings that never
 * overlap, in document order. VS Code rejects a tree that breaks the first two; it names
 * the wrong symbol when the third is broken.
 */
function assertNested(symbols: readonly DocumentSymbolEntry[], parent?: DocumentSymbolEntry): void {
  let previous: DocumentSymbolEntry | undefined;
  for (const symbol of symbols) {
    assert.ok(symbol.name !== '', 'a symbol name is never empty');
    assert.ok(symbol.start <= symbol.selection.start && symbol.selection.end <= symbol.end, `${symbol.name}: selection inside range`);
    if (parent) assert.ok(parent.start <= symbol.start && symbol.end <= parent.end, `${symbol.name}: inside ${parent.name}`);
    if (previous)
      assert.ok(
        previous.end <= symbol.start,
        `${previous.name} [${previous.start}, ${previous.end}) overlaps ${symbol.name} [${symbol.start}, ${symbol.end})`,
      );
    previous = symbol;
    assertNested(symbol.children, symbol);
  }
}

describe('documentSymbols', () => {
  test('resources flat in document order, their type for people as detail, then the flows, with exact ranges', () => {
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
    const resources = text.slice(text.indexOf('resources:'), text.indexOf('Audit log') + 9);
    const flows = text.slice(text.indexOf('flows:'), text.length - 1);
    assert.deepEqual(outline(text, symbols), [
      `resources [5 resources] module ${JSON.stringify(resources)} sel "resources"`,
      '  api [API Gateway · Public API] interface "api: { type: api-gateway, label: Public API }" sel "api"',
      '  jobs [SQS queue] event "jobs:\\n    type: sqs\\n    deadLetter: { target: jobs-dlq }" sel "jobs"',
      '  worker [Lambda function] function "worker: { type: lambda }" sel "worker"',
      '  jobs-dlq [SQS queue] event "jobs-dlq: { type: sqs }" sel "jobs-dlq"',
      '  audit [SQS queue · Audit log] event "audit:   # the audit trail\\n    type: sqs\\n    label: Audit log" sel "audit"',
      `flows [4 entries] array ${JSON.stringify(flows)} sel "flows"`,
      '  api -> jobs, audit [2 connections] event "api -> jobs, audit" sel "api -> jobs, audit"',
      '  jobs -> worker [1 connection] event "jobs -> worker: { batchSize: 5 }" sel "jobs -> worker"',
      '  worker -> api [1 connection] event "\\"worker ->  api\\"" sel "\\"worker ->  api\\""',
      '  jobs -> worker [1 connection] event "jobs   ->\\n      worker" sel "jobs   ->\\n      worker"',
    ]);
    assertNested(symbols);
  });

  test('every type has its own name and kind', () => {
    const types = [
      'sqs',
      'sns',
      'kinesis',
      'firehose',
      'lambda',
      'ecs',
      'eks',
      'apprunner',
      'beanstalk',
      'ec2',
      'schedule',
      'api-gateway',
      'alb',
      'cloudfront',
      'dynamodb',
      's3',
      'rds',
      'efs',
      'client',
    ];
    const text = `resources:\n${types.map((type) => `  r-${type}: { type: ${type} }`).join('\n')}\n`;
    const [resources] = documentSymbols(analyze(text));
    assert.deepEqual(
      resources!.children.map((r) => `${r.name}: ${r.detail} (${r.kind})`),
      [
        'r-sqs: SQS queue (event)',
        'r-sns: SNS topic (event)',
        'r-kinesis: Kinesis stream (event)',
        'r-firehose: Firehose stream (event)',
        'r-lambda: Lambda function (function)',
        'r-ecs: ECS service (function)',
        'r-eks: EKS workload (function)',
        'r-apprunner: App Runner service (function)',
        'r-beanstalk: Beanstalk environment (function)',
        'r-ec2: EC2 instance (function)',
        'r-schedule: schedule (function)',
        'r-api-gateway: API Gateway (interface)',
        'r-alb: load balancer (interface)',
        'r-cloudfront: CloudFront distribution (interface)',
        'r-dynamodb: DynamoDB table (field)',
        'r-s3: S3 bucket (field)',
        'r-rds: RDS database (field)',
        'r-efs: EFS file system (field)',
        'r-client: client (object)',
      ],
    );
  });

  test('groups whose members stand together hold them; the group symbol spans exactly its members', () => {
    const text = [
      'resources:',
      '  web: { type: client }',
      '  api:',
      '    type: api-gateway',
      '    group: Edge',
      '  cdn: { type: cloudfront, group: Edge }',
      '  jobs: { type: sqs, group: "Work" }',
      '  worker: { type: lambda, group: Work, label: Compressor }',
      '  store: { type: s3 }',
      '',
    ].join('\n');
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(outline(text, symbols), [
      `resources [6 resources] module ${JSON.stringify(text.slice(0, text.indexOf('store: { type: s3 }') + 19))} sel "resources"`,
      '  web [client] object "web: { type: client }" sel "web"',
      '  Edge [2 resources] namespace "api:\\n    type: api-gateway\\n    group: Edge\\n  cdn: { type: cloudfront, group: Edge }" sel "Edge"',
      '    api [API Gateway] interface "api:\\n    type: api-gateway\\n    group: Edge" sel "api"',
      '    cdn [CloudFront distribution] interface "cdn: { type: cloudfront, group: Edge }" sel "cdn"',
      '  Work [2 resources] namespace "jobs: { type: sqs, group: \\"Work\\" }\\n  worker: { type: lambda, group: Work, label: Compressor }" sel "\\"Work\\""',
      '    jobs [SQS queue] event "jobs: { type: sqs, group: \\"Work\\" }" sel "jobs"',
      '    worker [Lambda function · Compressor] function "worker: { type: lambda, group: Work, label: Compressor }" sel "worker"',
      '  store [S3 bucket] field "store: { type: s3 }" sel "store"',
    ]);
    assertNested(symbols);
  });

  test('a group interleaved with other resources stays flat, its name in the detail; a group of one still groups', () => {
    const text = [
      'resources:',
      '  a: { type: sqs, group: Queues }',
      '  f: { type: lambda, group: Compute }',
      '  b: { type: sqs, group: Queues }',
      '  t: { type: sns }',
      '  c: { type: sqs, group: Queues }',
      '',
    ].join('\n');
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(outline(text, symbols[0]!.children), [
      'a [SQS queue · group Queues] event "a: { type: sqs, group: Queues }" sel "a"',
      'Compute [1 resource] namespace "f: { type: lambda, group: Compute }" sel "Compute"',
      '  f [Lambda function] function "f: { type: lambda, group: Compute }" sel "f"',
      'b [SQS queue · group Queues] event "b: { type: sqs, group: Queues }" sel "b"',
      't [SNS topic] event "t: { type: sns }" sel "t"',
      'c [SQS queue · group Queues] event "c: { type: sqs, group: Queues }" sel "c"',
    ]);
    assertNested(symbols);
    // An ungrouped resource between two members breaks the run as well.
    const split = 'resources:\n  a: { type: sqs, group: G }\n  x: { type: sqs }\n  b: { type: sqs, group: G }\n';
    assert.deepEqual(
      documentSymbols(analyze(split))[0]!.children.map((c) => `${c.name} ${c.detail}`),
      ['a SQS queue · group G', 'x SQS queue', 'b SQS queue · group G'],
    );
  });

  test("a group set under defaults groups too, selecting the first member's id; an empty group is no group", () => {
    const text =
      'defaults:\n  sqs: { group: Queues }\nresources:\n  a: { type: sqs }\n  b: { type: sqs }\n  f: { type: lambda, group: "  " }\n';
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(outline(text, symbols[0]!.children), [
      'Queues [2 resources] namespace "a: { type: sqs }\\n  b: { type: sqs }" sel "a"',
      '  a [SQS queue] event "a: { type: sqs }" sel "a"',
      '  b [SQS queue] event "b: { type: sqs }" sel "b"',
      'f [Lambda function] function "f: { type: lambda, group: \\"  \\" }" sel "f"',
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
      '  jobs [(no type)] object "jobs:" sel "jobs"',
      '  api [api-gat] object "api:\\n    type: api-gat" sel "api"',
      '  fn [Lambda function] function "fn: { type: lambda }" sel "fn"',
      'flows [1 entry] array "flows:\\n  - fn ->\\n  - " sel "flows"',
      '  fn -> event "fn ->" sel "fn ->"',
    ]);
    assertNested(symbols);
    assert.deepEqual(outline('resources:\n', documentSymbols(analyze('resources:\n'))), [
      'resources [0 resources] module "resources:" sel "resources"',
    ]);
  });

  test('quoted keys: the selection is the id inside the quotes; names are never empty', () => {
    const text = 'resources:\n  "orders": { type: sqs }\n  "": { type: sqs }\nflows:\n  - ""\n';
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(outline(text, symbols), [
      'resources [2 resources] module "resources:\\n  \\"orders\\": { type: sqs }\\n  \\"\\": { type: sqs }" sel "resources"',
      '  orders [SQS queue] event "\\"orders\\": { type: sqs }" sel "orders"',
      '  (no id) [SQS queue] event "\\"\\": { type: sqs }" sel ""',
      'flows [1 entry] array "flows:\\n  - \\"\\"" sel "flows"',
      '  (empty flow) event "\\"\\"" sel "\\"\\""',
    ]);
    assertNested(symbols);
  });

  test('types interleaved, CRLF text: each resource its own range, none holding another', () => {
    const text = 'resources:\r\n  a: { type: sqs }\r\n  b: { type: lambda }\r\n  c: { type: sqs }\r\n';
    const [resources] = documentSymbols(analyze(text));
    assert.deepEqual(
      resources!.children.map((c) => [c.name, text.slice(c.start, c.end)]),
      [
        ['a', 'a: { type: sqs }'],
        ['b', 'b: { type: lambda }'],
        ['c', 'c: { type: sqs }'],
      ],
    );
    assertNested([resources!]);
  });

  test('the shipped examples: no overlapping ranges, children inside parents, selections inside ranges', () => {
    const dir = join(__dirname, '../../../../examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.awsflow'));
    assert.ok(files.length >= 5, files.join(', '));
    for (const file of files) {
      const symbols = documentSymbols(analyze(readFileSync(join(dir, file), 'utf8')));
      assert.ok(symbols.length > 0, file);
      assertNested(symbols);
    }
  });

  test('generated files with interleaved types and groups, comments, flow and block styles: the same holds', () => {
    const resource = fc.record({
      type: fc.constantFrom('sqs', 'sns', 'lambda', 'ecs', 'dynamodb', 'kinesis', 'nonsense'),
      group: fc.constantFrom(undefined, 'Edge', 'Work', 'Data'),
      block: fc.boolean(),
      comment: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(resource, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        fc.boolean(),
        (resources, flows, crlf) => {
          const lines = ['awsflow: 1', 'resources:'];
          resources.forEach(({ type, group, block, comment }, i) => {
            if (!block)
              lines.push(`  r${i}: { type: ${type}${group === undefined ? '' : `, group: ${group}`} }${comment ? ' # note' : ''}`);
            else
              lines.push(
                `  r${i}:`,
                `    type: ${type}`,
                ...(group === undefined ? [] : [`    group: ${group}`]),
                ...(comment ? ['    # a comment', ''] : []),
              );
          });
          lines.push('flows:', ...flows.map(([from, to]) => `  - r${from % resources.length} -> r${to % resources.length}`));
          const text = lines.join(crlf ? '\r\n' : '\n') + '\n';
          const symbols = documentSymbols(analyze(text));
          assertNested(symbols);
          // Every resource once, in document order; a group symbol holds only its own members.
          const members = symbols[0]!.children.flatMap((c) =>
            c.kind === 'namespace' ? c.children.map((r) => [r.name, c.name]) : [[c.name, undefined]],
          );
          assert.deepEqual(
            members.map(([id]) => id),
            resources.map((_, i) => `r${i}`),
          );
          for (const [id, group] of members) if (group !== undefined) assert.equal(resources[Number(id!.slice(1))]!.group, group);
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
  });

  test('hostile input: a 5,000-id fan-out and 2,000 resources of one group', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `q${i}`);
    const fanOut = Array.from({ length: 5000 }, (_, i) => `q${i % 2000}`).join(', ');
    const text = `resources:\n${ids.map((id) => `  ${id}: { type: sqs, group: Queues }`).join('\n')}\n  src: { type: lambda }\nflows:\n  - src -> ${fanOut}\n`;
    const symbols = documentSymbols(analyze(text));
    assert.deepEqual(
      symbols[0]!.children.map((c) => `${c.name} ${c.detail}`),
      ['Queues 2000 resources', 'src Lambda function'],
    );
    const flow = symbols[1]!.children[0]!;
    assert.equal(flow.name.length, 200);
    assert.ok(flow.name.startsWith('src -> q0, q1, ') && flow.name.endsWith('…'));
    assert.equal(flow.detail, '5000 connections');
    assertNested(symbols);
  });
});

describe('workspaceSymbols', () => {
  test('every resource, its id range and type', () => {
    const { text, ranges } = strip(
      'resources:\n  «jobs»: { type: sqs }\n  "«fn»": { type: lambda }\n  «odd»: { type: nonsense }\n  «bare»:\nflows:\n  - jobs -> fn\n',
    );
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
