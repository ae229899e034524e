/**
 * Every editor feature over the real protocol, against one realistic document: hover,
 * completion, navigation and rename, symbols (document and workspace, including files
 * on disk that are not open), semantic tokens and inlay hints; then robustness: unknown
 * documents, cancelled requests, a 5,000-resource document opened while another is
 * being hovered, and a clean shutdown.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import {
  CancellationTokenSource,
  CompletionItemKind,
  CompletionRequest,
  CompletionTriggerKind,
  DefinitionRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  InsertTextFormat,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
  type CompletionContext,
  type CompletionItem,
  type CompletionParams,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type Range,
  type SemanticTokensLegend,
  type SymbolInformation,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TestClient, applyTextEdits, positionAt } from '../helpers/lsp-client';

const FIXTURE = [
  'awsflow: 1',
  'name: order pipeline',
  'region: us-east-1',
  '',
  'resources:',
  '  api:',
  '    type: api-gateway',
  '    label: Public API',
  '  checkout:',
  '    type: ecs',
  '    launchType: fargate',
  '    cpu: 512',
  '    memory: 1GB',
  '    label: Checkout service',
  '  payments.fifo:',
  '    type: sqs',
  '    fifo: true',
  '    visibilityTimeout: 3m',
  '    deadLetter: { target: payments-dlq.fifo, maxReceiveCount: 5 }',
  '  payments-dlq.fifo:',
  '    type: sqs',
  '    fifo: true',
  '    retention: 14d',
  '  charge:',
  '    type: lambda',
  '    timeout: 30s',
  '  order-events:',
  '    type: sns',
  '    encryption: kms',
  '  shipping: # standard queue, fed by the topic',
  '    type: sqs',
  '    deadLetter: { target: shipping-dlq, maxReceiveCount: 3 }',
  '  shipping-dlq:',
  '    type: sqs',
  '    retention: 14d',
  '  analytics:',
  '    type: sqs',
  '    visibilityTimeout: 2m',
  '    deadLetter: { target: shipping-dlq, maxReceiveCount: 3 }',
  '  ship:',
  '    type: lambda',
  '    memory: 1024',
  '  clicks:',
  '    type: kinesis',
  '    mode: on-demand',
  '    encryption: kms',
  '  sessionize:',
  '    type: lambda',
  '    timeout: 900',
  '  loader:',
  '    type: lambda',
  '    timeout: 20s',
  '  warehouse:',
  '    type: dynamodb',
  '',
  'flows:',
  '  - api -> checkout -> payments.fifo',
  '  - checkout -> order-events, clicks: { rate: 50/s, size: 2KB }',
  '  - payments.fifo -> charge: { batchSize: 10 }',
  '  - order-events -> shipping, analytics # awsflow-ignore sns/no-redrive -- SNS fan-out; both queues have DLQs',
  '  - shipping -> ship',
  '  - clicks -> sessionize: { batchSize: 500, batchWindow: 5s } # awsflow-ignore esm/on-failure -- replayed from the stream',
  '  - analytics -> loader -> warehouse',
  '  - charge, ship, sessionize -> warehouse',
  '',
].join('\n');

const URI = 'file:///w/orders.awsflow';
const LINES = FIXTURE.split('\n');
const ALL_TYPES = [
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
  'eventbridge',
  'stepfunctions',
];
const ALL_IDS = [
  'api',
  'checkout',
  'payments.fifo',
  'payments-dlq.fifo',
  'charge',
  'order-events',
  'shipping',
  'shipping-dlq',
  'analytics',
  'ship',
  'clicks',
  'sessionize',
  'loader',
  'warehouse',
];

/**
 * The range of `needle` in `text`; with `context` (a string that occurs exactly once and
 * contains `needle`), of the needle inside that context.
 */
function span(text: string, needle: string, context = needle): Range {
  const first = text.indexOf(context);
  assert.ok(first >= 0, `'${context}' is not in the text`);
  assert.equal(text.indexOf(context, first + 1), -1, `'${context}' occurs more than once`);
  const inner = context.indexOf(needle);
  assert.ok(inner >= 0, `'${needle}' is not in '${context}'`);
  const start = first + inner;
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

/** A position `delta` characters into `needle` (found as in `span`). */
function at(text: string, needle: string, context = needle, delta = 0): Position {
  const { start } = span(text, needle, context);
  return { line: start.line, character: start.character + delta };
}

/** The position at the end of `needle`: where the cursor is after typing it. */
function endOf(text: string, needle: string, context = needle): Position {
  return span(text, needle, context).end;
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** The lines of a resource's hover that say what it receives from, sends to, and where its dead letters go or come from. */
function relations(text: string): string[] {
  return text.split('\n').filter((line) => /^- \*\*(?:Receives from|Sends to|Dead letters (?:to|from))\*\* /.test(line));
}

/** The list items (and their sub-items) of a `**Title**` section of a hover. */
function section(text: string, title: string): string[] {
  const match = new RegExp(`\\*\\*${title.replace(/[()]/g, '\\$&')}\\*\\*\\n\\n((?:(?:  )?- .*(?:\\n|$))+)`).exec(text);
  assert.ok(match, `no '${title}' section in:\n${text}`);
  return match[1]!.trimEnd().split('\n');
}

function notAfter(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Selections inside ranges, children inside parents, siblings in order and never overlapping. */
function assertSymbolTree(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  let previous: DocumentSymbol | undefined;
  for (const symbol of symbols) {
    assert.ok(
      notAfter(symbol.range.start, symbol.selectionRange.start) && notAfter(symbol.selectionRange.end, symbol.range.end),
      `${symbol.name}: selection inside range`,
    );
    if (parent)
      assert.ok(
        notAfter(parent.range.start, symbol.range.start) && notAfter(symbol.range.end, parent.range.end),
        `${symbol.name}: inside ${parent.name}`,
      );
    if (previous) assert.ok(notAfter(previous.range.end, symbol.range.start), `${previous.name} overlaps ${symbol.name}`);
    previous = symbol;
    assertSymbolTree(symbol.children ?? [], symbol);
  }
}

function edits(edit: WorkspaceEdit | null, uri: string, version: number): TextEdit[] {
  assert.ok(edit?.documentChanges, 'expected documentChanges');
  assert.equal(edit.documentChanges.length, 1);
  const change = edit.documentChanges[0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri, version });
  return change.edits as TextEdit[];
}

interface DecodedToken {
  line: number;
  character: number;
  text: string;
  type: string;
  modifiers: string[];
}

/** The relative encoding of semantic tokens, back to absolute positions, names and text. */
function decodeTokens(data: readonly number[], legend: SemanticTokensLegend, text: string): DecodedToken[] {
  assert.equal(data.length % 5, 0);
  const lines = text.split('\n');
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const typeName = legend.tokenTypes[type];
    assert.ok(typeName, `token type ${type} is not in the legend`);
    const lineText = lines[line];
    assert.ok(lineText !== undefined && character + length <= lineText.length, `token ${line}:${character}+${length} is outside the text`);
    tokens.push({
      line,
      character,
      text: lineText.slice(character, character + length),
      type: typeName,
      modifiers: legend.tokenModifiers.filter((_, bit) => (modifiers & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

/**
 * A generated architecture of about `resources` resources, as bench/generate.mjs makes
 * it (an .mjs module cannot be required from these CommonJS tests): per unit of 11, an
 * API, a topic fanning out to two queues with their DLQs, two functions, a table and a
 * stream with its consumer; about two flows per resource.
 */
function generateArchitecture(resources: number): string {
  const lines = [
    'awsflow: 1',
    `name: generated-${resources}`,
    'region: us-east-1',
    '',
    'defaults:',
    '  sqs: { encryption: sqs-managed, receiveWait: 20s, visibilityTimeout: 3m }',
    '  lambda: { runtime: nodejs24.x, memory: 512MB, timeout: 30s }',
    '',
    'resources:',
  ];
  const flows = ['flows:'];
  for (let unit = 0, count = 0; count < resources; unit++, count += 11) {
    lines.push(
      `  api-${unit}:`,
      '    type: api-gateway',
      `    label: API ${unit}`,
      `  events-${unit}:`,
      '    type: sns',
      '    encryption: { kms: alias/events }',
      `  billing-${unit}:`,
      '    type: sqs',
      `    deadLetter: { target: billing-${unit}-dlq, maxReceiveCount: 5 }`,
      `  billing-${unit}-dlq:`,
      '    type: sqs',
      '    retention: 14d',
      `  shipping-${unit}:`,
      '    type: sqs',
      `    deadLetter: { target: shipping-${unit}-dlq, maxReceiveCount: 5 }`,
      `  shipping-${unit}-dlq:`,
      '    type: sqs',
      '    retention: 14d',
      `  charge-${unit}:`,
      '    type: lambda',
      '    duration: 200ms # average run time',
      `  ship-${unit}:`,
      '    type: lambda',
      '    memory: 1GB',
      `  table-${unit}:`,
      '    type: dynamodb',
      `  clicks-${unit}:`,
      '    type: kinesis',
      '    shards: 2',
      '    encryption: kms',
      `  sessionize-${unit}:`,
      '    type: lambda',
      '    timeout: 1m',
    );
    flows.push(
      `  - api-${unit} -> events-${unit}: { rate: 20/s, size: 2KB }`,
      `  - events-${unit} -> billing-${unit}, shipping-${unit}`,
      `  - billing-${unit} -> charge-${unit}: { batchSize: 5 }`,
      `  - shipping-${unit} -> ship-${unit}`,
      `  - charge-${unit}, ship-${unit} -> table-${unit}`,
      `  - api-${unit} -> clicks-${unit}: { rate: 100/s, size: 1KB }`,
      `  - clicks-${unit} -> sessionize-${unit}: { onFailure: shipping-${unit}-dlq }`,
      `  - sessionize-${unit} -> table-${unit}`,
    );
  }
  // Every queue of the topic has its own DLQ: the subscriptions' redrive policies are left out.
  return lines.join('\n') + '\n\n' + flows.join('\n') + '\n\nrules:\n  sns/no-redrive: off\n';
}

describe('editor features over LSP', { timeout: 120_000 }, () => {
  const client = new TestClient({ settings: {} });
  let legend: SemanticTokensLegend;
  let opened = 0;
  const textDocument = { uri: URI };

  const hover = (position: Position, uri = URI) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });

  /** Opens `text` as a document of its own and asks for completion at `position`. */
  async function complete(text: string, position: Position): Promise<CompletionItem[]> {
    const uri = `file:///w/completion-${++opened}.awsflow`;
    await client.open(uri, text);
    try {
      const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      assert.ok(Array.isArray(result), 'expected a list of completion items');
      return result;
    } finally {
      await client.close(uri);
    }
  }

  before(async () => {
    const result = await client.initialize();
    const provider = result.capabilities.semanticTokensProvider;
    assert.ok(provider);
    legend = provider.legend;
  });
  after(() => client.kill());

  test('the fixture is a realistic, clean architecture', async () => {
    const diagnostics = await client.open(URI, FIXTURE);
    assert.deepEqual(
      diagnostics.map((d) => `${String(d.code)}: ${d.message}`),
      [],
    );
  });

  // ---------------------------------------------------------------------------------------
  // Hover

  describe('hover', () => {
    test('on a resource type value: what the service is and its AWS limits; the range is the value', async () => {
      const where = span(FIXTURE, 'sqs', 'payments.fifo:\n    type: sqs');
      const result = await hover(at(FIXTURE, 'q', 'payments.fifo:\n    type: sqs'));
      const text = markdown(result);
      assert.match(text, /^\*\*`sqs`\*\* — SQS queue\n\nAmazon SQS queue: a managed message queue\./);
      assert.match(
        text,
        /\n\*\*AWS limits\*\*\n\n- `visibilityTimeout`: \[0 s\]\([^)]+\) – \[43,200 s \(12 h\)\]\(https:\/\/docs\.aws\.amazon\.com\/[^)]+\), default 30 s\n/,
      );
      assert.deepEqual(result!.range, where);
    });

    test('on a property value: the value in the unit AWS counts in, and the range AWS allows once', async () => {
      const where = span(FIXTURE, '900', 'timeout: 900');
      const result = await hover(at(FIXTURE, '900', 'timeout: 900', 1));
      const text = markdown(result);
      assert.match(text, /^\*\*`timeout`\*\* — Lambda function property\n\n/);
      assert.ok(text.includes('\n\n`900` = 900 s (15 min)\n\n'), text);
      assert.match(text, /\n\nAWS default: 3 s · Lambda allows \[1 s\]\([^)]+\) – \[900 s \(15 min\)\]\([^)]+\)$/);
      assert.equal(text.match(/900 s/g)?.length, 2, 'the value, and the maximum once');
      assert.deepEqual(result!.range, where);

      const memory = await hover(at(FIXTURE, '1024', 'memory: 1024'));
      assert.ok(markdown(memory).includes('`1024` = 1,024 MB (1 GB)\n\n'));
      assert.deepEqual(memory!.range, span(FIXTURE, '1024', 'memory: 1024'));
      const cpu = await hover(endOf(FIXTURE, '512', 'cpu: 512'));
      assert.ok(markdown(cpu).includes('`512` = 512 CPU units (0.5 vCPU)'));
    });

    test('on a property key: the property without a value line; the range is the key', async () => {
      const result = await hover(at(FIXTURE, 'timeout', 'timeout: 900', 2));
      const text = markdown(result);
      assert.match(text, /^\*\*`timeout`\*\* — Lambda function property\n\nHow long an invocation may run/);
      assert.ok(!text.includes('`900` ='));
      assert.deepEqual(result!.range, span(FIXTURE, 'timeout', 'timeout: 900'));
    });

    test('on a connection property: the limits for its source (a FIFO queue allows a batch of 10)', async () => {
      const result = await hover(at(FIXTURE, 'batchSize', 'batchSize: 10 }', 3));
      const text = markdown(result);
      assert.match(text, /^\*\*`batchSize`\*\* — connection property\n\n/);
      assert.match(text, /Lambda allows \[1\]\([^)]+\) – \[10\]\([^)]+\) from a FIFO queue$/);
      assert.deepEqual(result!.range, span(FIXTURE, 'batchSize', 'batchSize: 10 }'));
    });

    test('on a resource id in a flow: what it receives from and sends to, and its dead letters', async () => {
      const where = span(FIXTURE, 'shipping', '-> shipping, analytics');
      const result = await hover(at(FIXTURE, 'shipping', '-> shipping, analytics', 4));
      const text = markdown(result);
      assert.match(text, /^\*\*`shipping`\*\* — SQS queue\n\n/);
      assert.match(text, /Encryption at rest: SSE-SQS\./);
      assert.deepEqual(relations(text), [
        '- **Receives from** `order-events` — SNS subscription',
        '- **Sends to** `ship` — Lambda event source mapping',
        '- **Dead letters to** `shipping-dlq`, after 3 receives without a delete',
      ]);
      assert.deepEqual(result!.range, where);
    });

    test('on the FIFO queue at the end of a chain, and on a DLQ shared by two queues', async () => {
      const fifo = await hover(at(FIXTURE, 'payments.fifo', 'checkout -> payments.fifo', 2));
      const text = markdown(fifo);
      assert.match(text, /^\*\*`payments\.fifo`\*\* — SQS queue \(FIFO\)\n\n/);
      assert.deepEqual(relations(text), [
        '- **Receives from** `checkout` — producer',
        '- **Sends to** `charge` — Lambda event source mapping',
        '- **Dead letters to** `payments-dlq.fifo`, after 5 receives without a delete',
      ]);
      assert.deepEqual(fifo!.range, span(FIXTURE, 'payments.fifo', 'checkout -> payments.fifo'));

      const dlq = await hover(at(FIXTURE, 'shipping-dlq', 'shipping-dlq:'));
      assert.deepEqual(relations(markdown(dlq)), [
        '- **Dead letters from** `shipping`, after 3 receives without a delete',
        '- **Dead letters from** `analytics`, after 3 receives without a delete',
      ]);
      assert.deepEqual(dlq!.range, span(FIXTURE, 'shipping-dlq', 'shipping-dlq:'));
    });

    test('right after an id counts as on it (not on the next id or on the arrow)', async () => {
      const result = await hover(endOf(FIXTURE, 'ship', '-> ship\n'));
      const text = markdown(result);
      assert.match(text, /^\*\*`ship`\*\* — Lambda function\n\n/);
      assert.deepEqual(relations(text), [
        '- **Receives from** `shipping` — Lambda event source mapping',
        '- **Sends to** `warehouse` — reads and writes data',
      ]);
      assert.deepEqual(result!.range, span(FIXTURE, 'ship', '-> ship\n'));
    });

    test('on a flow arrow: every connection of the entry; the range is the arrow', async () => {
      const arrow = span(FIXTURE, '->', 'sessionize -> warehouse');
      const fanIn = await hover(at(FIXTURE, '->', 'sessionize -> warehouse', 1));
      const text = markdown(fanIn);
      assert.match(text, /^\*\*Flow\*\* `charge, ship, sessionize -> warehouse`\n\n/);
      assert.deepEqual(section(text, 'Connections (3)'), [
        '- `charge -> warehouse`: reads and writes data',
        '  - Rate: not known (no `rate` declared here or upstream)',
        '  - Latency: **20 ms** · **200 ms** (p50 · worst case): API call 20 ms – 200 ms (assumed)',
        '- `ship -> warehouse`: reads and writes data',
        '  - Rate: **50/s** (passed on by `ship`)',
        '  - Latency: **20 ms** · **200 ms** (p50 · worst case): API call 20 ms – 200 ms (assumed)',
        '- `sessionize -> warehouse`: reads and writes data',
        '  - Rate: **50/s** (passed on by `sessionize`)',
        '  - Latency: **20 ms** · **200 ms** (p50 · worst case): API call 20 ms – 200 ms (assumed)',
      ]);
      assert.deepEqual(fanIn!.range, arrow);

      const chain = await hover(at(FIXTURE, '->', 'api -> checkout'));
      assert.deepEqual(section(markdown(chain), 'Connections (2)'), [
        '- `api -> checkout`: synchronous call: the caller waits for the response',
        '  - Rate: not known (no `rate` declared here or upstream)',
        '  - Latency: **20 ms** · **200 ms** (p50 · worst case): synchronous call 20 ms – 200 ms (assumed)',
        "  - Not counted: checkout's run time \\(the file gives none for ecs\\)",
        '- `checkout -> payments.fifo`: producer: sends messages, publishes or puts records',
        '  - Rate: not known (no `rate` declared here or upstream)',
        '  - Latency: **20 ms** · **200 ms** (p50 · worst case): send 20 ms – 200 ms (assumed)',
      ]);
      assert.deepEqual(chain!.range, span(FIXTURE, '->', 'api -> checkout'));
    });

    test('on a flow arrow: the rate the connection carries, the batch size in effect, and the findings about it', async () => {
      const sessionize = await hover(at(FIXTURE, '->', 'clicks -> sessionize'));
      assert.deepEqual(section(markdown(sessionize), 'Connection'), [
        '- `clicks -> sessionize`: Lambda event source mapping: Lambda polls the source and invokes the function with batches',
        '  - Rate: **50/s** (passed on by `clicks`)',
        '  - Batch size: **500** (declared): 6/min invocations with full batches',
        '  - Latency: **5.5 s** · **15 min 6 s** (p50 · worst case): shard polling 500 ms – 1 s, batch window 5 s, sessionize runs up to 15 min',
        "  - Not counted: retries of a failing batch from clicks, until its records expire; sessionize's run time in p50 \\(no duration\\)",
      ]);

      const uri = 'file:///w/flow-finding.awsflow';
      const text =
        'resources:\n  orders.fifo: { type: sqs, fifo: true }\n  handler: { type: lambda }\nflows:\n  - orders.fifo -> handler: { batchSize: 50 }\n';
      await client.open(uri, text);
      try {
        const result = await hover(at(text, '->', '-> handler', 1), uri);
        assert.equal(
          markdown(result),
          [
            '**Flow** `orders.fifo -> handler`',
            '**Connection**',
            [
              '- `orders.fifo -> handler`: Lambda event source mapping: Lambda polls the source and invokes the function with batches',
              '  - Rate: not known (no `rate` declared here or upstream)',
              '  - Batch size: **50** (declared)',
              '  - Latency: **20 ms** · **3.2 s** (p50 · worst case): long polling 20 ms – 200 ms (assumed), handler runs up to 3 s',
              "  - Not counted: redeliveries of a message handler keeps failing, until its retention ends \\(orders.fifo has no dead-letter queue\\); handler's run time in p50 \\(no duration\\)",
              '  - Error `sqs/fifo-batch-size`: Batch size 50 from FIFO queue orders.fifo is over 10, the maximum for a Lambda event source mapping on a FIFO queue; AWS rejects the mapping.',
            ].join('\n'),
            '**Connection properties**',
            '- `batchSize: 50`',
          ].join('\n\n'),
        );
        assert.deepEqual(result!.range, span(text, '->', '-> handler'));
      } finally {
        await client.close(uri);
      }
    });

    test('on the comma of a fan-out: its connections and its properties, converted', async () => {
      const result = await hover(at(FIXTURE, ',', 'order-events, clicks:'));
      const text = markdown(result);
      assert.match(text, /^\*\*Flow\*\* `checkout -> order-events, clicks`\n\n/);
      assert.deepEqual(section(text, 'Connections (2)'), [
        '- `checkout -> order-events`: producer: sends messages, publishes or puts records',
        '  - Rate: **50/s** (declared)',
        '  - Latency: **20 ms** · **200 ms** (p50 · worst case): send 20 ms – 200 ms (assumed)',
        '- `checkout -> clicks`: producer: sends messages, publishes or puts records',
        '  - Rate: **50/s** (declared)',
        '  - Latency: **20 ms** · **200 ms** (p50 · worst case): send 20 ms – 200 ms (assumed)',
      ]);
      assert.deepEqual(section(text, 'Connection properties'), ['- `rate: 50/s` = 50/s', '- `size: 2KB` = 2,048 bytes']);
      assert.deepEqual(result!.range, span(FIXTURE, ',', 'order-events, clicks:'));
    });

    test('on whitespace or an ordinary comment: null', async () => {
      const blank = LINES.indexOf('');
      assert.equal(await hover({ line: blank, character: 0 }), null);
      assert.equal(await hover(at(FIXTURE, '    type', 'payments.fifo:\n    type', 2)), null, 'indentation');
      assert.equal(await hover(at(FIXTURE, 'timeout: 900', 'timeout: 900', 'timeout:'.length)), null, 'between the colon and the value');
      assert.equal(await hover(at(FIXTURE, 'standard', '# standard queue', 2)), null, 'a comment');
      assert.equal(await hover({ line: LINES.length - 1, character: 0 }), null, 'the empty last line');
    });
  });

  // ---------------------------------------------------------------------------------------
  // Completion

  describe('completion', () => {
    const withAudit = (typeLine: string) =>
      FIXTURE.replace('  warehouse:\n    type: dynamodb\n', `  warehouse:\n    type: dynamodb\n  audit:\n${typeLine}\n`);

    test('at a new resource id: nothing while it is typed or after a typed space; the snippets when asked for on the empty line', async () => {
      const uri = `file:///w/completion-${++opened}.awsflow`;
      const text = 'awsflow: 1\nresources:\n  jobs:\n    type: sqs\n  \n';
      await client.open(uri, text);
      try {
        const ask = async (character: number, context?: CompletionContext): Promise<string[]> => {
          const params: CompletionParams = { textDocument: { uri }, position: { line: 4, character }, ...(context ? { context } : {}) };
          const result = await client.connection.sendRequest(CompletionRequest.type, params);
          assert.ok(Array.isArray(result));
          return result.map((item) => item.label);
        };
        assert.deepEqual(
          await ask(2, { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' }),
          [],
          'a typed space opens no list',
        );
        const invoked = await ask(2, { triggerKind: CompletionTriggerKind.Invoked });
        assert.deepEqual(invoked.slice(0, ALL_TYPES.length), ALL_TYPES, 'Ctrl+Space on the empty line: a snippet per type');
        assert.deepEqual(await ask(2), invoked, 'no context: as invoked');
      } finally {
        await client.close(uri);
      }
      const typed = 'awsflow: 1\nresources:\n  jobs:\n    type: sqs\n  orde\n';
      assert.deepEqual(await complete(typed, { line: 4, character: 6 }), [], 'a half-typed id: nothing');
    });

    test('after `type: `: the 21 resource types, each replacing exactly the word typed so far', async () => {
      const typed = withAudit('    type: sq');
      const items = await complete(typed, endOf(typed, 'type: sq', 'audit:\n    type: sq'));
      assert.deepEqual(
        items.map((i) => i.label),
        ALL_TYPES,
      );
      const prefix = span(typed, 'sq', 'audit:\n    type: sq');
      for (const item of items) {
        assert.equal(item.kind, CompletionItemKind.Class);
        assert.deepEqual(item.textEdit, { range: prefix, newText: item.label }, item.label);
        assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
      }
      assert.equal(items[0]!.detail, 'SQS queue');
      assert.ok(applyTextEdits(typed, [items[0]!.textEdit as TextEdit]).includes('  audit:\n    type: sqs\n'));

      // Nothing typed yet: an empty range at the cursor.
      const empty = withAudit('    type: ');
      const fresh = await complete(empty, endOf(empty, 'audit:\n    type: '));
      assert.deepEqual(
        fresh.map((i) => i.label),
        ALL_TYPES,
      );
      const cursor = endOf(empty, 'audit:\n    type: ');
      for (const item of fresh) assert.deepEqual(item.textEdit, { range: { start: cursor, end: cursor }, newText: item.label }, item.label);

      // Right after the colon, the value comes with its space.
      const bare = withAudit('    type:');
      const spaced = await complete(bare, endOf(bare, 'audit:\n    type:'));
      assert.equal((spaced[0]!.textEdit as TextEdit).newText, ' sqs');
      assert.ok(applyTextEdits(bare, [spaced[0]!.textEdit as TextEdit]).includes('  audit:\n    type: sqs\n'));
    });

    test('on a new line in a resource: the properties of its own type not yet set', async () => {
      const lambda = FIXTURE.replace('    timeout: 900\n', '    timeout: 900\n    \n');
      const lambdaItems = await complete(lambda, endOf(lambda, 'timeout: 900\n    '));
      const lambdaLabels = lambdaItems.map((i) => i.label);
      for (const wanted of ['runtime', 'memory', 'reservedConcurrency', 'deadLetter', 'label', 'description', 'group', 'name'])
        assert.ok(lambdaLabels.includes(wanted), `${wanted} in ${lambdaLabels.join(', ')}`);
      for (const unwanted of ['timeout', 'type', 'visibilityTimeout', 'fifo', 'launchType', 'desiredCount', 'shards'])
        assert.ok(!lambdaLabels.includes(unwanted), `${unwanted} in ${lambdaLabels.join(', ')}`);
      assert.ok(lambdaItems.every((i) => i.kind === CompletionItemKind.Property));

      const queue = FIXTURE.replace('  analytics:\n    type: sqs\n', '  analytics:\n    type: sqs\n    \n');
      const queueLabels = (await complete(queue, endOf(queue, 'analytics:\n    type: sqs\n    '))).map((i) => i.label);
      for (const wanted of ['fifo', 'retention', 'receiveWait', 'encryption', 'label'])
        assert.ok(queueLabels.includes(wanted), `${wanted} in ${queueLabels.join(', ')}`);
      for (const unwanted of ['visibilityTimeout', 'deadLetter', 'type', 'runtime', 'memory', 'timeout'])
        assert.ok(!queueLabels.includes(unwanted), `${unwanted} in ${queueLabels.join(', ')}`);

      // With a prefix typed: it is what is replaced; objects come as snippets.
      const typed = FIXTURE.replace('    timeout: 900\n', '    timeout: 900\n    re\n');
      const items = await complete(typed, endOf(typed, 'timeout: 900\n    re'));
      const prefix = span(typed, 're', 'timeout: 900\n    re');
      const reserved = items.find((i) => i.label === 'reservedConcurrency');
      assert.deepEqual(reserved?.textEdit, { range: prefix, newText: 'reservedConcurrency: ' });
      assert.equal(reserved.insertTextFormat, InsertTextFormat.PlainText);
      const deadLetter = items.find((i) => i.label === 'deadLetter');
      assert.deepEqual(deadLetter?.textEdit, { range: prefix, newText: 'deadLetter: { target: ${1} }' });
      assert.equal(deadLetter.insertTextFormat, InsertTextFormat.Snippet);
    });

    test('after `->`: every resource id, the targets AWS can connect first, the impossible last with the reason', async () => {
      const typed = FIXTURE.replace('  - charge, ship', '  - order-events -> \n  - charge, ship');
      const cursor = endOf(typed, '- order-events -> ', '- order-events -> \n');
      const items = (await complete(typed, cursor)).sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
      assert.deepEqual([...items.map((i) => i.label)].sort(), [...ALL_IDS].sort());
      for (const item of items) {
        assert.equal(item.kind, CompletionItemKind.Reference);
        assert.deepEqual(item.textEdit, { range: { start: cursor, end: cursor }, newText: item.label });
      }
      const rank = (id: string) => items.findIndex((i) => i.label === id);
      // A topic delivers to queues first, then functions, then the unusual; what it cannot reach last.
      for (const queue of ['shipping', 'analytics'])
        for (const fn of ['charge', 'ship', 'sessionize', 'loader']) assert.ok(rank(queue) < rank(fn), `${queue} before ${fn}`);
      for (const fn of ['charge', 'ship', 'sessionize', 'loader']) assert.ok(rank(fn) < rank('checkout'), `${fn} before checkout`);
      assert.deepEqual(
        items
          .slice(-5)
          .map((i) => i.label)
          .sort(),
        ['clicks', 'order-events', 'payments-dlq.fifo', 'payments.fifo', 'warehouse'],
      );
      const doc = (id: string) => (items[rank(id)]!.documentation as { value: string } | undefined)?.value ?? '';
      assert.equal(doc('payments.fifo'), 'Not a connection AWS can make: a standard topic cannot deliver to a FIFO queue.');
      assert.match(doc('order-events'), /loop forever \(`graph\/cycle`\)/);
      assert.equal(items[rank('payments.fifo')]!.detail, 'sqs · FIFO');

      // `->` with no space yet: the id comes with one.
      const tight = FIXTURE.replace('  - charge, ship', '  - order-events ->\n  - charge, ship');
      const tightItems = await complete(tight, endOf(tight, '- order-events ->', '- order-events ->\n'));
      const shipping = tightItems.find((i) => i.label === 'shipping');
      assert.equal((shipping?.textEdit as TextEdit).newText, ' shipping');
      assert.ok(applyTextEdits(tight, [shipping!.textEdit as TextEdit]).includes('  - order-events -> shipping\n'));
    });

    test('on a new line under `resources:`: snippets for a resource of each type and for the patterns', async () => {
      const typed = FIXTURE.replace('resources:\n', 'resources:\n  \n');
      const cursor = endOf(typed, 'resources:\n  ');
      const items = await complete(typed, cursor);
      const labels = items.map((i) => i.label);
      assert.deepEqual(labels, [...ALL_TYPES, 'queue with DLQ', 'SNS fan-out', 'stream with consumer', 'scheduled job']);
      for (const item of items) {
        assert.equal(item.insertTextFormat, InsertTextFormat.Snippet, item.label);
        assert.equal(item.kind, CompletionItemKind.Snippet, item.label);
        assert.deepEqual((item.textEdit as TextEdit).range, { start: cursor, end: cursor }, item.label);
      }
      const queue = items.find((i) => i.label === 'queue with DLQ')!;
      assert.equal(
        (queue.textEdit as TextEdit).newText,
        '${1:jobs}:\n    type: sqs\n    visibilityTimeout: ${2:3m}\n    deadLetter: { target: ${1}-dlq, maxReceiveCount: ${3:5} }\n  ${1}-dlq:\n    type: sqs\n    retention: 14d',
      );
      assert.equal(
        (items.find((i) => i.label === 'lambda')!.textEdit as TextEdit).newText,
        '${1:name}:\n    type: lambda\n    memory: ${2:512MB}\n    timeout: ${3:30s}',
      );
    });
  });

  // ---------------------------------------------------------------------------------------
  // Navigation and rename

  describe('navigation and rename', () => {
    const shippingKey = span(FIXTURE, 'shipping', '  shipping: #');
    const shippingInFanOut = span(FIXTURE, 'shipping', '-> shipping, analytics');
    const shippingConsumed = span(FIXTURE, 'shipping', '- shipping -> ship\n');

    test('definition: from a flow, from `deadLetter.target`, from the key itself; nothing off an id', async () => {
      const fromFlow = await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument,
        position: at(FIXTURE, 'shipping', '-> shipping, analytics', 3),
      });
      assert.deepEqual(fromFlow, [{ uri: URI, range: shippingKey }]);
      const fromTarget = await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument,
        position: at(FIXTURE, 'shipping-dlq', 'visibilityTimeout: 2m\n    deadLetter: { target: shipping-dlq', 9),
      });
      assert.deepEqual(fromTarget, [{ uri: URI, range: span(FIXTURE, 'shipping-dlq', 'shipping-dlq:') }]);
      const fromKey = await client.connection.sendRequest(DefinitionRequest.type, { textDocument, position: shippingKey.end });
      assert.deepEqual(fromKey, [{ uri: URI, range: shippingKey }]);
      const fifo = await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument,
        position: at(FIXTURE, 'payments.fifo', '- payments.fifo -> charge', 9),
      });
      assert.deepEqual(fifo, [{ uri: URI, range: span(FIXTURE, 'payments.fifo', 'payments.fifo:') }]);
      assert.deepEqual(
        await client.connection.sendRequest(DefinitionRequest.type, {
          textDocument,
          position: at(FIXTURE, 'type', 'shipping: # standard queue, fed by the topic\n    type'),
        }),
        [],
      );
    });

    test('references: every use in document order, with or without the declaration; ids match exactly', async () => {
      const position = at(FIXTURE, 'shipping', '-> shipping, analytics');
      const withKey = await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position,
        context: { includeDeclaration: true },
      });
      assert.deepEqual(
        withKey,
        [shippingKey, shippingInFanOut, shippingConsumed].map((range) => ({ uri: URI, range })),
      );
      const usesOnly = await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position,
        context: { includeDeclaration: false },
      });
      assert.deepEqual(
        usesOnly,
        [shippingInFanOut, shippingConsumed].map((range) => ({ uri: URI, range })),
      );

      const dlq = await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position: at(FIXTURE, 'shipping-dlq', 'shipping-dlq:'),
        context: { includeDeclaration: true },
      });
      assert.deepEqual(
        dlq?.map((l: Location) => l.range),
        [
          span(FIXTURE, 'shipping-dlq', 'target: shipping-dlq, maxReceiveCount: 3 }\n  shipping-dlq:'),
          span(FIXTURE, 'shipping-dlq', 'shipping-dlq:'),
          span(FIXTURE, 'shipping-dlq', 'visibilityTimeout: 2m\n    deadLetter: { target: shipping-dlq'),
        ],
      );
      const ship = await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position: at(FIXTURE, 'ship', '  ship:'),
        context: { includeDeclaration: false },
      });
      assert.deepEqual(
        ship?.map((l: Location) => l.range),
        [span(FIXTURE, 'ship', '-> ship\n'), span(FIXTURE, 'ship', ', ship,')],
      );
    });

    test('document highlights: the key as a write, every use as a read', async () => {
      const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, {
        textDocument,
        position: at(FIXTURE, 'shipping', '- shipping -> ship\n', 8),
      });
      assert.deepEqual(highlights, [
        { range: shippingKey, kind: DocumentHighlightKind.Write },
        { range: shippingInFanOut, kind: DocumentHighlightKind.Read },
        { range: shippingConsumed, kind: DocumentHighlightKind.Read },
      ]);
      assert.deepEqual(
        await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument, position: at(FIXTURE, 'on-demand') }),
        [],
      );
    });

    test("prepareRename gives the id's range; rename changes the key and every use, comments kept", async () => {
      const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, {
        textDocument,
        position: at(FIXTURE, 'shipping', '-> shipping, analytics', 2),
      });
      assert.deepEqual(prepared, shippingInFanOut);

      const edit = await client.connection.sendRequest(RenameRequest.type, {
        textDocument,
        position: at(FIXTURE, 'shipping', '  shipping: #', 1),
        newName: 'fulfilment',
      });
      const renamed = applyTextEdits(FIXTURE, edits(edit, URI, 1));
      const expected = FIXTURE.replace(
        '  shipping: # standard queue, fed by the topic\n',
        '  fulfilment: # standard queue, fed by the topic\n',
      )
        .replace(
          '  - order-events -> shipping, analytics # awsflow-ignore sns/no-redrive -- SNS fan-out; both queues have DLQs\n',
          '  - order-events -> fulfilment, analytics # awsflow-ignore sns/no-redrive -- SNS fan-out; both queues have DLQs\n',
        )
        .replace('  - shipping -> ship\n', '  - fulfilment -> ship\n');
      assert.notEqual(expected, FIXTURE);
      assert.equal(renamed, expected);

      // From a `deadLetter.target`: both queues that use the DLQ follow it.
      const dlqEdit = await client.connection.sendRequest(RenameRequest.type, {
        textDocument,
        position: at(FIXTURE, 'shipping-dlq', 'visibilityTimeout: 2m\n    deadLetter: { target: shipping-dlq'),
        newName: 'shipping-dead-letters',
      });
      assert.equal(applyTextEdits(FIXTURE, edits(dlqEdit, URI, 1)), FIXTURE.replaceAll('shipping-dlq', 'shipping-dead-letters'));
    });

    test('a refused rename answers an error response that says why', async () => {
      const position = at(FIXTURE, 'shipping', '-> shipping, analytics');
      const refusal = (pattern: RegExp) => (error: unknown) => {
        const { code, message } = error as { code: number; message: string };
        assert.equal(code, LSPErrorCodes.RequestFailed);
        assert.match(message, pattern);
        return true;
      };
      await assert.rejects(
        client.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: '9 lives' }),
        refusal(
          /^'9 lives' is not a valid resource id: an id starts with a letter and uses letters, digits, '_', '\.' and '-' \(80 characters at most\)\.$/,
        ),
      );
      await assert.rejects(
        client.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'analytics' }),
        refusal(/^A resource named 'analytics' already exists \(line 36\)\.$/),
      );
      await assert.rejects(
        client.connection.sendRequest(RenameRequest.type, {
          textDocument,
          position: at(FIXTURE, 'payments.fifo', 'payments.fifo:'),
          newName: 'payments',
        }),
        refusal(/is a FIFO queue whose id is its AWS name, and AWS requires a FIFO queue's name to end in \.fifo/),
      );
      await assert.rejects(
        client.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: at(FIXTURE, 'region') }),
        refusal(/^Only a resource id can be renamed/),
      );
      // Refusals change nothing: the same rename with a valid name still works.
      const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'shipping_v2' });
      assert.equal(edits(edit, URI, 1).length, 3);
    });
  });

  // ---------------------------------------------------------------------------------------
  // Symbols, tokens, hints

  test('document symbols: the resources flat in document order (the fixture has no groups), then the flows', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.kind]),
      [
        ['resources', '14 resources', SymbolKind.Module],
        ['flows', '8 entries', SymbolKind.Array],
      ],
    );
    const [resources, flows] = symbols as [DocumentSymbol, DocumentSymbol];
    assert.deepEqual(resources.selectionRange, span(FIXTURE, 'resources', 'resources:'));
    assert.deepEqual(
      resources.children!.map((r) => r.name),
      ALL_IDS,
    );
    const byName = new Map(resources.children!.map((r) => [r.name, r]));
    assert.deepEqual(
      [...byName.values()].map((r) => r.children),
      Array(14).fill([]),
    );
    assert.deepEqual(
      ['api', 'checkout', 'shipping', 'ship', 'sessionize', 'order-events', 'warehouse'].map((id) => [
        id,
        byName.get(id)!.detail,
        byName.get(id)!.kind,
      ]),
      [
        ['api', 'API Gateway · Public API', SymbolKind.Interface],
        ['checkout', 'ECS service · Checkout service', SymbolKind.Function],
        ['shipping', 'SQS queue', SymbolKind.Event],
        ['ship', 'Lambda function', SymbolKind.Function],
        ['sessionize', 'Lambda function', SymbolKind.Function],
        ['order-events', 'SNS topic', SymbolKind.Event],
        ['warehouse', 'DynamoDB table', SymbolKind.Field],
      ],
    );
    // A resource: the whole block, its id selected.
    const shipping = byName.get('shipping')!;
    assert.deepEqual(shipping.selectionRange, span(FIXTURE, 'shipping', '  shipping: #'));
    assert.deepEqual(shipping.range, {
      start: shipping.selectionRange.start,
      end: span(FIXTURE, '3 }', 'shipping-dlq, maxReceiveCount: 3 }\n  shipping-dlq:').end,
    });
    assertSymbolTree(symbols);

    assert.deepEqual(
      flows.children!.map((f) => [f.name, f.detail, f.kind]),
      [
        ['api -> checkout -> payments.fifo', '2 connections', SymbolKind.Event],
        ['checkout -> order-events, clicks', '2 connections', SymbolKind.Event],
        ['payments.fifo -> charge', '1 connection', SymbolKind.Event],
        ['order-events -> shipping, analytics', '2 connections', SymbolKind.Event],
        ['shipping -> ship', '1 connection', SymbolKind.Event],
        ['clicks -> sessionize', '1 connection', SymbolKind.Event],
        ['analytics -> loader -> warehouse', '2 connections', SymbolKind.Event],
        ['charge, ship, sessionize -> warehouse', '3 connections', SymbolKind.Event],
      ],
    );
    // A flow entry with properties: the range takes them in, the selection is the flow string.
    const fanOut = flows.children![1]!;
    assert.deepEqual(fanOut.selectionRange, span(FIXTURE, 'checkout -> order-events, clicks', '- checkout -> order-events, clicks:'));
    assert.deepEqual(fanOut.range, { start: fanOut.selectionRange.start, end: span(FIXTURE, '}', 'size: 2KB }').end });
  });

  test('document symbols: a group whose members stand together holds them; an interleaved group stays flat', async () => {
    const uri = 'file:///w/grouped.awsflow';
    const text = [
      'awsflow: 1',
      'resources:',
      '  api: { type: api-gateway, group: Edge }',
      '  cdn: { type: cloudfront, group: Edge }',
      '  jobs: { type: sqs, group: Work }',
      '  audit: { type: sqs }',
      '  worker: { type: lambda, group: Work }',
      'flows:',
      '  - cdn -> api -> jobs -> worker',
      '',
    ].join('\n');
    await client.open(uri, text);
    try {
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      const kindName = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));
      const tree = (list: readonly DocumentSymbol[], depth = 0): string[] =>
        list.flatMap((s) => [
          `${'  '.repeat(depth)}${s.name} [${s.detail ?? ''}] ${kindName.get(s.kind)}`,
          ...tree(s.children ?? [], depth + 1),
        ]);
      assert.deepEqual(tree(symbols), [
        'resources [5 resources] Module',
        '  Edge [2 resources] Namespace',
        '    api [API Gateway] Interface',
        '    cdn [CloudFront distribution] Interface',
        '  jobs [SQS queue · group Work] Event',
        '  audit [SQS queue] Event',
        '  worker [Lambda function · group Work] Function',
        'flows [1 entry] Array',
        '  cdn -> api -> jobs -> worker [3 connections] Event',
      ]);
      const edge = symbols[0]!.children![0]!;
      assert.deepEqual(edge.range, { start: span(text, 'api: {').start, end: span(text, '  cdn: { type: cloudfront, group: Edge }').end });
      assert.deepEqual(edge.selectionRange, span(text, 'Edge', 'api-gateway, group: Edge'));
      assertSymbolTree(symbols);
    } finally {
      await client.close(uri);
    }
  });

  test('semantic tokens: the legend from initialize decodes ids, types and flow operators exactly', async () => {
    assert.deepEqual(legend, {
      tokenTypes: ['type', 'variable', 'operator', 'property', 'enumMember', 'number', 'keyword'],
      tokenModifiers: ['declaration', 'readonly', 'defaultLibrary'],
    });
    const result = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
    assert.ok(result);
    const tokens = decodeTokens(result.data, legend, FIXTURE);
    const onLine = (line: number) => tokens.filter((t) => t.line === line).map((t) => [t.character, t.text, t.type, t.modifiers]);
    const fanIn = span(FIXTURE, 'charge, ship, sessionize -> warehouse').start.line;
    assert.deepEqual(onLine(fanIn), [
      [4, 'charge', 'variable', []],
      [10, ',', 'operator', []],
      [12, 'ship', 'variable', []],
      [16, ',', 'operator', []],
      [18, 'sessionize', 'variable', []],
      [29, '->', 'operator', []],
      [32, 'warehouse', 'variable', []],
    ]);
    // A key with a comment: the id only.
    assert.deepEqual(onLine(span(FIXTURE, '  shipping: #').start.line), [[2, 'shipping', 'variable', ['declaration']]]);
    assert.deepEqual(onLine(span(FIXTURE, 'sqs', 'shipping: # standard queue, fed by the topic\n    type: sqs').start.line), [
      [10, 'sqs', 'type', []],
    ]);
    assert.deepEqual(onLine(span(FIXTURE, 'deadLetter: { target: payments-dlq.fifo').start.line), [
      [26, 'payments-dlq.fifo', 'variable', []],
    ]);
    // The connection properties of a flow are not flow operators: its comma is not one.
    assert.deepEqual(
      onLine(span(FIXTURE, 'checkout -> order-events, clicks:').start.line).map((t) => t[1]),
      ['checkout', '->', 'order-events', ',', 'clicks'],
    );
    // In all: every declaration, every type, every use; in order, never overlapping.
    assert.equal(tokens.filter((t) => t.modifiers.includes('declaration')).length, ALL_IDS.length);
    assert.equal(tokens.filter((t) => t.type === 'type').length, ALL_IDS.length);
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1]!, tokens[i]!];
      assert.ok(b.line > a.line || b.character >= a.character + a.text.length, `tokens ${i - 1} and ${i} overlap`);
    }
  });

  test('inlay hints: `= 15 min` right after `timeout: 900`, and the other bare numbers of the resources', async () => {
    const sessionize = { start: at(FIXTURE, '  sessionize:\n'), end: endOf(FIXTURE, 'timeout: 900') };
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: sessionize });
    assert.deepEqual(hints, [
      {
        position: endOf(FIXTURE, '900', 'timeout: 900'),
        label: ' = 15 min',
        paddingLeft: true,
        tooltip: { kind: 'markdown', value: '`900` is 900 seconds.' },
      },
    ]);
    const resources = { start: { line: 0, character: 0 }, end: at(FIXTURE, 'flows:') };
    const all = await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: resources });
    assert.deepEqual(
      all?.map((h) => [h.position, h.label]),
      [
        [endOf(FIXTURE, '512', 'cpu: 512'), ' = 0.5 vCPU'],
        [endOf(FIXTURE, '1024', 'memory: 1024'), ' MB'],
        [endOf(FIXTURE, '900', 'timeout: 900'), ' = 15 min'],
      ],
    );
    // Values that say their unit get nothing: 30s, 20s, 3m, 14d, 1GB.
    const charge = { start: at(FIXTURE, '  charge:\n'), end: endOf(FIXTURE, 'timeout: 30s') };
    assert.deepEqual(await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: charge }), []);
  });

  // ---------------------------------------------------------------------------------------
  // Robustness

  test('a request for a document that is not open answers null or nothing, never an error', async () => {
    const unknown = { uri: 'file:///w/not-open.awsflow' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: { line: 5, character: 0 } };
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: unknown, position }), null);
    assert.deepEqual(await client.connection.sendRequest(CompletionRequest.type, { textDocument: unknown, position }), []);
    assert.deepEqual(await client.connection.sendRequest(DefinitionRequest.type, { textDocument: unknown, position }), []);
    assert.deepEqual(
      await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: unknown,
        position,
        context: { includeDeclaration: true },
      }),
      [],
    );
    assert.deepEqual(await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: unknown, position }), []);
    assert.equal(await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: unknown, position }), null);
    assert.equal(await client.connection.sendRequest(RenameRequest.type, { textDocument: unknown, position, newName: 'x' }), null);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: unknown }), []);
    assert.deepEqual(await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: unknown }), { data: [] });
    assert.deepEqual(await client.connection.sendRequest(InlayHintRequest.type, { textDocument: unknown, range }), []);
    // A document that was open and is closed is unknown again.
    const closed = 'file:///w/closed.awsflow';
    await client.open(closed, FIXTURE);
    await client.close(closed);
    assert.equal(
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: closed }, position: at(FIXTURE, '900') }),
      null,
    );
  });

  test('cancelled requests are answered (cancelled, empty, or in full) and the server goes on', async () => {
    const position = at(FIXTURE, 'shipping', '-> shipping, analytics');
    const full = {
      hover: await hover(position),
      tokens: await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }),
      symbols: await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      references: await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument,
        position,
        context: { includeDeclaration: true },
      }),
      completion: await client.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
    };
    const cancelled = async <R>(
      send: (token: CancellationTokenSource['token']) => Promise<R>,
    ): Promise<{ error: number } | { result: R }> => {
      const source = new CancellationTokenSource();
      const pending = send(source.token);
      source.cancel();
      try {
        return { result: await pending };
      } catch (error) {
        return { error: (error as { code: number }).code };
      } finally {
        source.dispose();
      }
    };
    const expectOneOf = <R>(answer: { error: number } | { result: R }, empty: R, whole: R, what: string) => {
      if ('error' in answer) assert.equal(answer.error, LSPErrorCodes.RequestCancelled, what);
      else
        assert.ok(
          isDeepStrictEqual(answer.result, empty) || isDeepStrictEqual(answer.result, whole),
          `${what}: ${JSON.stringify(answer.result).slice(0, 200)}`,
        );
    };
    for (let round = 0; round < 3; round++) {
      expectOneOf(
        await cancelled((token) => client.connection.sendRequest(HoverRequest.type, { textDocument, position }, token)),
        null,
        full.hover,
        'hover',
      );
      expectOneOf(
        await cancelled((token) => client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }, token)),
        { data: [] },
        full.tokens,
        'semantic tokens',
      );
      expectOneOf(
        await cancelled((token) => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }, token)),
        [],
        full.symbols,
        'document symbols',
      );
      expectOneOf(
        await cancelled((token) =>
          client.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }, token),
        ),
        [],
        full.references,
        'references',
      );
      expectOneOf(
        await cancelled((token) => client.connection.sendRequest(CompletionRequest.type, { textDocument, position }, token)),
        [],
        full.completion,
        'completion',
      );
      expectOneOf(
        await cancelled((token) =>
          client.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'fulfilment' }, token),
        ),
        null,
        await client.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'fulfilment' }),
        'rename',
      );
    }
    // Several cancelled at once, interleaved with one that is not.
    const sources = [0, 1, 2, 3].map(() => new CancellationTokenSource());
    const pending = sources.map((source) =>
      client.connection.sendRequest(HoverRequest.type, { textDocument, position }, source.token).then(
        (result) => ({ result }),
        (error: { code: number }) => ({ error: error.code }),
      ),
    );
    const plain = hover(position);
    for (const source of sources) source.cancel();
    for (const answer of await Promise.all(pending)) expectOneOf(answer, null, full.hover, 'one of several hovers');
    assert.deepEqual(await plain, full.hover);
    assert.ok(!client.logs.some((line) => /failed:|uncaught|unhandled/.test(line)), client.logs.join('\n'));
    assert.equal(client.child.exitCode, null, 'the server is still running');
  });

  test('a 5,000-resource document opened while hover keeps being answered on a small one', { timeout: 90_000 }, async () => {
    const big = generateArchitecture(5000);
    const bigUri = 'file:///w/generated-5000.awsflow';
    const position = at(FIXTURE, '900', 'timeout: 900');
    const expected = await hover(position);
    assert.ok(expected);

    let checked = false;
    const bigDiagnostics = client.open(bigUri, big).then((diagnostics) => {
      checked = true;
      return diagnostics;
    });
    let answered = 0;
    let slowest = 0;
    // Hover on the small document all the while the big one is being checked, and a few times after.
    for (let afterwards = 0; afterwards < 5; answered++) {
      const started = performance.now();
      assert.deepEqual(await hover(position), expected);
      slowest = Math.max(slowest, performance.now() - started);
      if (checked) afterwards++;
    }
    assert.deepEqual(
      (await bigDiagnostics).map((d) => `${String(d.code)}: ${d.message}`),
      [],
    );
    // The first check of a large file pauses between batches of blocks, so requests on
    // other documents are answered while it runs, not after it.
    assert.ok(answered - 5 >= 3, `${answered - 5} hovers answered while the large file was checked`);
    assert.ok(slowest < 30_000, `the slowest hover took ${Math.round(slowest)} ms`);

    // The big document itself answers too.
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: bigUri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['resources', '5005 resources'],
        ['flows', '3640 entries'],
      ],
    );
    assert.equal(symbols[0]!.children!.length, 5005);
    assertSymbolTree(symbols);
    const lines = big.split('\n');
    const flowLine = lines.indexOf('  - events-400 -> billing-400, shipping-400');
    const eventsHover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: bigUri },
      position: { line: flowLine, character: 6 },
    });
    assert.match(markdown(eventsHover), /^\*\*`events-400`\*\* — SNS topic\n/);
    assert.deepEqual(relations(markdown(eventsHover)), [
      '- **Receives from** `api-400` — producer',
      '- **Sends to** `billing-400`, `shipping-400` — SNS subscription',
    ]);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: bigUri } });
    assert.ok(tokens && tokens.data.length > 5 * 10_000, 'tokens for every id, type and operator');
    const references = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: bigUri },
      position: { line: flowLine, character: 6 },
      context: { includeDeclaration: true },
    });
    assert.equal(references?.length, 3, 'events-400: its key and its two uses');
    // Workspace symbols: every open document, at most 1,000 answers.
    const everything = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
    assert.equal(everything.length, 1000);
    const one = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'sessionize-454' })) as SymbolInformation[];
    assert.deepEqual(
      one.map((s) => [s.name, s.containerName, s.location.uri]),
      [['sessionize-454', 'lambda', bigUri]],
    );
    await client.close(bigUri);
  });

  test('after all that the server still answers hover, and shutdown/exit end it with code 0', async () => {
    const result = await hover(at(FIXTURE, '900', 'timeout: 900'));
    assert.ok(markdown(result).includes('`900` = 900 s (15 min)'));
    assert.deepEqual(result!.range, span(FIXTURE, '900', 'timeout: 900'));
    assert.equal(await client.shutdown(), 0);
  });
});

describe('workspace symbols across open documents and files on disk', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'awsflow-workspace-'));
  mkdirSync(join(folder, 'services', 'billing'), { recursive: true });
  mkdirSync(join(folder, 'node_modules', 'some-package'), { recursive: true });
  const orders = join(folder, 'orders.awsflow');
  const billing = join(folder, 'services', 'billing', 'billing.awsflow');
  writeFileSync(orders, 'awsflow: 1\nresources:\n  orders-jobs-dlq: { type: sqs }\n  orders-api:\n    type: api-gateway\n');
  writeFileSync(
    billing,
    'awsflow: 1\nresources:\n  invoices:\n    type: sqs\n  invoice-writer:\n    type: lambda\nflows:\n  - invoices -> invoice-writer\n',
  );
  writeFileSync(
    join(folder, 'node_modules', 'some-package', 'vendored.awsflow'),
    'awsflow: 1\nresources:\n  vendored-queue: { type: sqs }\n',
  );
  writeFileSync(join(folder, 'notes.yaml'), 'resources:\n  not-an-awsflow-file: { type: sqs }\n');
  const folderUri = pathToFileURL(folder).toString();
  const ordersUri = pathToFileURL(orders).toString();
  const billingUri = pathToFileURL(billing).toString();
  const client = new TestClient({ settings: {}, workspaceFolders: [{ uri: folderUri, name: 'workspace' }] });
  const symbols = async (query: string) =>
    ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[]).map((s) => [
      s.name,
      s.containerName,
      s.kind,
      s.location.uri,
      s.location.range.start.line,
      s.location.range.start.character,
      s.location.range.end.character,
    ]);

  before(async () => {
    await client.initialize();
  });
  after(() => {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the resources of open documents and of the .awsflow files under the folder, fuzzy-matched', async () => {
    await client.open(URI, FIXTURE);
    assert.deepEqual(await symbols('ojd'), [['orders-jobs-dlq', 'sqs', SymbolKind.Event, ordersUri, 2, 2, 17]]);
    assert.deepEqual(await symbols('invoice'), [
      ['invoices', 'sqs', SymbolKind.Event, billingUri, 2, 2, 10],
      ['invoice-writer', 'lambda', SymbolKind.Function, billingUri, 4, 2, 16],
    ]);
    assert.deepEqual(await symbols('SHIP'), [
      ['shipping', 'sqs', SymbolKind.Event, URI, 29, 2, 10],
      ['shipping-dlq', 'sqs', SymbolKind.Event, URI, 32, 2, 14],
      ['ship', 'lambda', SymbolKind.Function, URI, 39, 2, 6],
    ]);
    const everything = await symbols('');
    assert.equal(everything.length, ALL_IDS.length + 4);
    assert.deepEqual(new Set(everything.map((s) => s[3])), new Set([URI, ordersUri, billingUri]));
    assert.deepEqual(await symbols('vendored'), [], 'node_modules is skipped');
    assert.deepEqual(await symbols('not-an-awsflow'), [], 'only .awsflow files');
  });

  test('a file open in the editor is read from the editor, not from disk, and listed once', async () => {
    await client.open(billingUri, 'awsflow: 1\nresources:\n  invoices-v2:\n    type: sqs\n');
    assert.deepEqual(await symbols('invoice'), [['invoices-v2', 'sqs', SymbolKind.Event, billingUri, 2, 2, 13]]);
    await client.close(billingUri);
    assert.deepEqual(
      (await symbols('invoice')).map((s) => s[0]),
      ['invoices', 'invoice-writer'],
    );
  });
});
