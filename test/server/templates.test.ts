/**
 * CloudFormation and SAM templates over the real protocol: a YAML or JSON document the
 * client sends (as VS Code does once the server registers for them) gets awsflow's
 * findings on the template's own ranges while it is a template, and nothing while it is
 * not; detection follows edits; `awsflow.templates.diagnostics` switches them off and on;
 * `awsflow/diagram` draws the imported model with every range on the template; and
 * `awsflow/importTemplate` returns the `.awsflow` text. No other feature answers for them.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  RegistrationRequest,
  SemanticTokensRequest,
  type Diagnostic,
  type RegistrationParams,
} from 'vscode-languageserver-protocol';
import {
  DiagramRequest,
  ImportTemplateRequest,
  PlainMermaidRequest,
  TemplateStatusNotification,
  TEMPLATE_DOCUMENT_SELECTOR,
  type TemplateStatusParams,
} from '../../src/protocol/lsp';
import { GENERATED_HEADER } from '../../src/core/index';
import { strip } from '../helpers/markers';
import { positionAt, TestClient } from '../helpers/lsp-client';

/** A SAM template: a queue without a dead-letter queue (on its logical id), a visibility timeout shorter than the function's (on the value). */
const SAM = strip(`AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  «Orders»:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: «30»
  «Worker»:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Timeout: 60
      Events:
        «Queue»:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
            BatchSize: 10
`);

const JSON_TEMPLATE = strip(`{
  "Resources": {
    "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "VisibilityTimeout": «20», "RedrivePolicy": { "deadLetterTargetArn": { "Fn::GetAtt": ["Dead", "Arn"] }, "maxReceiveCount": 5 } } },
    "Dead": { "Type": "AWS::SQS::Queue", "Properties": { "MessageRetentionPeriod": 1209600 } },
    "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "python3.13", "Handler": "a.b", "Timeout": 120, "Role": "arn:aws:iam::1:role/x", "Code": { "ZipFile": "x" } } },
    "Mapping": { "Type": "AWS::Lambda::EventSourceMapping", "Properties": { "EventSourceArn": { "Fn::GetAtt": ["Jobs", "Arn"] }, "FunctionName": { "Ref": "Fn" } } }
  }
}`);

/** YAML that is not a template (a CI workflow), though its text says `Resources:` and `Type: AWS::` (so it is parsed to find out). */
const WORKFLOW = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: explain
        run: |
          echo "Resources:"
          echo "  Type: AWS::SQS::Queue"
`;

function rangeOf(text: string, range: { start: number; end: number }) {
  return { start: positionAt(text, range.start), end: positionAt(text, range.end) };
}

/** The findings that do not depend on today's date (a runtime's deprecation does). */
function placed(diagnostics: readonly Diagnostic[]): [string | number | undefined, unknown][] {
  return diagnostics.filter((d) => d.code !== 'lambda/runtime').map((d) => [d.code, d.range]);
}

describe('templates over LSP', () => {
  const client = new TestClient({
    settings: {},
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    },
  });
  const registrations: RegistrationParams[] = [];
  const statuses: TemplateStatusParams[] = [];
  const statusListeners: ((params: TemplateStatusParams) => void)[] = [];
  let registered: Promise<void>;

  before(async () => {
    registered = new Promise((resolve) => {
      client.connection.onRequest(RegistrationRequest.method, (params: RegistrationParams) => {
        registrations.push(params);
        if (params.registrations.some((r) => r.method === 'textDocument/didClose')) resolve();
        return null;
      });
    });
    client.connection.onNotification(TemplateStatusNotification.type, (params) => {
      statuses.push(params);
      for (const listener of [...statusListeners]) listener(params);
    });
    await client.initialize();
  });
  after(() => client.kill());

  /** Opens a document with a language id of the client's choosing (TestClient.open says `awsflow`). */
  async function openAs(uri: string, languageId: string, text: string): Promise<void> {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /**
   * The server has handled everything about `uri` it was sent: the diagram request reads the
   * document after the same settings answer its check waited on, so its answer comes after
   * that check is done (published or not).
   */
  async function settled(uri: string): Promise<void> {
    await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } });
  }

  test('the server asks the client for YAML, JSON and CloudFormation documents (open, change, close), nothing else', async () => {
    await registered;
    const methods = registrations.flatMap((p) => p.registrations).filter((r) => r.method.startsWith('textDocument/'));
    assert.deepEqual(methods.map((r) => r.method).sort(), ['textDocument/didChange', 'textDocument/didClose', 'textDocument/didOpen']);
    for (const registration of methods)
      assert.deepEqual((registration.registerOptions as { documentSelector: unknown }).documentSelector, TEMPLATE_DOCUMENT_SELECTOR);
    assert.equal((methods.find((r) => r.method === 'textDocument/didChange')!.registerOptions as { syncKind: number }).syncKind, 2);
    assert.deepEqual(TEMPLATE_DOCUMENT_SELECTOR, [
      { language: 'yaml' },
      { language: 'json' },
      { language: 'cloudformation' },
      { language: 'cloudformation-yaml' },
      { language: 'cloudformation-json' },
      { pattern: '**/*.template' },
    ]);
  });

  test('a SAM template in YAML: findings at the template’s exact ranges, source awsflow, the version it was opened at', async () => {
    const uri = 'file:///w/sam.yaml';
    const waiting = client.diagnostics(uri, 1);
    await openAs(uri, 'yaml', SAM.text);
    const published = await waiting;
    assert.deepEqual(placed(published.diagnostics), [
      ['sqs/no-dlq', rangeOf(SAM.text, SAM.ranges[0]!)],
      ['sqs/visibility-timeout', rangeOf(SAM.text, SAM.ranges[1]!)],
    ]);
    const visibility = published.diagnostics.find((d) => d.code === 'sqs/visibility-timeout')!;
    assert.equal(visibility.source, 'awsflow');
    assert.equal(visibility.severity, 1);
    assert.match(String(visibility.message), /visibility timeout/i);
    assert.deepEqual(statuses.at(-1), { uri, template: true });
  });

  test('a JSON template (language json): the finding on the JSON value', async () => {
    const uri = 'file:///w/stack.template.json';
    const waiting = client.diagnostics(uri, 1);
    await openAs(uri, 'json', JSON_TEMPLATE.text);
    const diagnostics = (await waiting).diagnostics;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'sqs/visibility-timeout').map((d) => d.range),
      [rangeOf(JSON_TEMPLATE.text, JSON_TEMPLATE.ranges[0]!)],
    );
  });

  test('a YAML file that is not a template gets nothing: no diagnostics, no status, no hover, no diagram', async () => {
    const uri = 'file:///w/.github/workflows/ci.yml';
    const before = statuses.length;
    await openAs(uri, 'yaml', WORKFLOW);
    await settled(uri);
    assert.deepEqual(client.publishedFor(uri), []);
    assert.equal(statuses.length, before);
    assert.equal(await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } }), null);
    assert.equal(
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } }),
      null,
    );
  });

  test('no awsflow hover, completion or semantic tokens on a template: other extensions own those', async () => {
    const uri = 'file:///w/sam.yaml';
    const textDocument = { uri };
    assert.equal(
      await client.connection.sendRequest(HoverRequest.type, { textDocument, position: positionAt(SAM.text, SAM.ranges[1]!.start) }),
      null,
    );
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: 4, character: 10 } });
    assert.ok(completion === null || (Array.isArray(completion) ? completion : completion.items).length === 0);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
    assert.ok(tokens === null || tokens.data.length === 0);
  });

  test('detection follows edits: a YAML file becomes a template when AWSTemplateFormatVersion is typed, and stops being one', async () => {
    const uri = 'file:///w/grows.yaml';
    const plain = 'Resources:\n  Orders:\n    Type: Custom::Thing\n';
    await openAs(uri, 'yaml', plain);
    await settled(uri);
    assert.deepEqual(client.publishedFor(uri), []);
    const template = `AWSTemplateFormatVersion: '2010-09-09'\n${plain.replace('Custom::Thing', 'AWS::SQS::Queue')}`;
    const statusTrue = waitForStatus(uri, true);
    const became = await client.change(uri, 2, template);
    assert.deepEqual(
      became.map((d) => [d.code, d.range]),
      [['sqs/no-consumer', rangeOf(template, { start: template.indexOf('Orders'), end: template.indexOf('Orders') + 6 })]],
    );
    await statusTrue;
    const statusFalse = waitForStatus(uri, false);
    const stopped = await client.change(uri, 3, plain);
    assert.deepEqual(stopped, [], 'what it had is cleared');
    await statusFalse;
    // Still not a template: nothing more is published.
    await client.change(uri, 4, `${plain}# a comment\n`, false);
    await settled(uri);
    assert.deepEqual(
      client.publishedFor(uri).map((p) => p.version),
      [2, 3],
    );
  });

  test('awsflow.templates.diagnostics switches them off and on; the .awsflow files are not affected', async () => {
    const uri = 'file:///w/sam.yaml';
    const own = 'file:///w/own.awsflow';
    await client.open(own, 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n');
    client.settings = { templates: { diagnostics: false } };
    const off = nextPublished(uri);
    const ownAgain = nextPublished(own);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await off).diagnostics, []);
    assert.deepEqual(
      (await ownAgain).diagnostics.map((d) => d.code),
      ['lambda/timeout-limit'],
    );
    client.settings = { templates: { diagnostics: true } };
    const on = nextPublished(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(placed((await on).diagnostics), [
      ['sqs/no-dlq', rangeOf(SAM.text, SAM.ranges[0]!)],
      ['sqs/visibility-timeout', rangeOf(SAM.text, SAM.ranges[1]!)],
    ]);
  });

  test('awsflow/diagram on a template: the imported model, nodes on the logical ids, the edge on the event that states it', async () => {
    const uri = 'file:///w/sam.yaml';
    const diagram = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri }, icons: true });
    assert.ok(diagram);
    assert.equal(diagram.uri, uri);
    assert.equal(diagram.version, 1);
    assert.deepEqual(diagram.verdict, { kind: 'drawable' });
    assert.equal(diagram.title, 'sam');
    assert.deepEqual(
      diagram.nodes.map((node) => [node.resourceId, node.type, node.range]),
      [
        ['Orders', 'sqs', rangeOf(SAM.text, SAM.ranges[0]!)],
        ['Worker', 'lambda', rangeOf(SAM.text, SAM.ranges[2]!)],
      ],
    );
    assert.deepEqual(
      diagram.edges.map((edge) => [edge.from, edge.to, edge.range]),
      [[diagram.nodes[0]!.id, diagram.nodes[1]!.id, rangeOf(SAM.text, SAM.ranges[3]!)]],
    );
    // The counts of the Problems panel: the template's findings.
    const problems = client.publishedFor(uri).at(-1)!.diagnostics;
    assert.equal(diagram.errors, problems.filter((d) => d.severity === 1).length);
    assert.equal(diagram.warnings, problems.filter((d) => d.severity === 2).length);
    assert.ok(diagram.errors >= 1);
    assert.match(diagram.mermaid, /logos:aws-sqs/);
    const plain = await client.connection.sendRequest(PlainMermaidRequest.type, { textDocument: { uri } });
    assert.ok(plain && /^flowchart/m.test(plain.mermaid) && plain.mermaid.includes('Orders'));
  });

  test("the diagram's marks are the template's Problems: what its # awsflow-ignore comments silence is not marked", async () => {
    const uri = 'file:///w/ignored.yaml';
    const text = SAM.text.replace(
      '      VisibilityTimeout: 30\n',
      '      VisibilityTimeout: 30 # awsflow-ignore sqs/visibility-timeout -- the worker finishes in 20 s\n',
    );
    assert.notEqual(text, SAM.text);
    const waiting = client.diagnostics(uri, 1);
    await openAs(uri, 'yaml', text);
    const problems = (await waiting).diagnostics;
    assert.ok(!problems.some((d) => d.code === 'sqs/visibility-timeout'));
    assert.ok(problems.some((d) => d.code === 'sqs/no-dlq'));
    const diagram = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } });
    assert.ok(diagram);
    const orders = diagram.nodes.find((node) => node.resourceId === 'Orders')!;
    const marks = [...orders.messages, ...diagram.edges.flatMap((edge) => edge.messages)].join('\n');
    assert.doesNotMatch(marks, /sqs\/visibility-timeout/);
    assert.match(orders.messages.join('\n'), /\(sqs\/no-dlq\)/);
    assert.equal(diagram.errors, problems.filter((d) => d.severity === 1).length);
    assert.equal(diagram.warnings, problems.filter((d) => d.severity === 2).length);
    // Without the comment, the same queue is marked for its visibility timeout.
    const plain = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri: 'file:///w/sam.yaml' } });
    const marked = [...plain!.nodes.flatMap((node) => node.messages), ...plain!.edges.flatMap((edge) => edge.messages)].join('\n');
    assert.match(marked, /sqs\/visibility-timeout/);
  });

  test('a template with a YAML error: the finding on the template, the diagram broken there (the preview keeps the last good one)', async () => {
    const uri = 'file:///w/broken.yaml';
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Orders: { Type: AWS::SQS::Queue\n`;
    const waiting = client.diagnostics(uri, 1);
    await openAs(uri, 'yaml', text);
    const diagnostics = (await waiting).diagnostics;
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.code === 'syntax/yaml'));
    const diagram = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } });
    assert.ok(diagram && diagram.verdict.kind === 'broken');
    assert.equal(diagram.verdict.ruleId, 'syntax/yaml');
    assert.deepEqual(diagram.verdict.range, diagnostics[0]!.range);
    assert.deepEqual(diagram.nodes, []);
  });

  test('awsflow/importTemplate returns what awsflow import writes; says so for a file that is not a template or does not parse', async () => {
    const imported = await client.connection.sendRequest(ImportTemplateRequest.type, {
      uri: 'file:///w/orders-stack.yaml',
      text: SAM.text,
    });
    assert.equal(imported.kind, 'imported');
    if (imported.kind !== 'imported') return;
    assert.ok(imported.text.startsWith(GENERATED_HEADER), imported.text.slice(0, 80));
    assert.equal(imported.generatedHeader, GENERATED_HEADER);
    assert.match(imported.text, /^name: orders-stack$/m);
    assert.match(imported.text, /^ {2}Orders:\n {4}type: sqs$/m);
    assert.match(imported.text, /^ {2}- Orders -> Worker/m);
    assert.deepEqual(await client.connection.sendRequest(ImportTemplateRequest.type, { uri: 'file:///w/ci.yml', text: WORKFLOW }), {
      kind: 'not-a-template',
    });
    const broken = await client.connection.sendRequest(ImportTemplateRequest.type, {
      uri: 'file:///w/b.yaml',
      text: 'Resources:\n  A: { Type: AWS::SQS::Queue\n',
    });
    assert.equal(broken.kind, 'syntax-errors');
    await assert.rejects(
      client.connection.sendRequest(ImportTemplateRequest.type, { uri: 'file:///w/b.yaml' } as never),
      /`text` must be a string/,
    );
  });

  test('closing a template clears its diagnostics; closing a plain YAML file publishes nothing', async () => {
    const cleared = nextPublished('file:///w/sam.yaml');
    await client.close('file:///w/sam.yaml');
    assert.deepEqual((await cleared).diagnostics, []);
    await client.close('file:///w/.github/workflows/ci.yml');
    await settled('file:///w/sam.yaml');
    assert.deepEqual(client.publishedFor('file:///w/.github/workflows/ci.yml'), []);
  });

  function nextPublished(uri: string): Promise<{ diagnostics: Diagnostic[] }> {
    return client.nextDiagnostics(uri);
  }

  /** The connection takes one handler per method: the one installed in `before` calls these. */
  function waitForStatus(uri: string, template: boolean): Promise<void> {
    return new Promise((resolve) => {
      const listener = (params: TemplateStatusParams) => {
        if (params.uri !== uri || params.template !== template) return;
        statusListeners.splice(statusListeners.indexOf(listener), 1);
        resolve();
      };
      statusListeners.push(listener);
    });
  }
});
