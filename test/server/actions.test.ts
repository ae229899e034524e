import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, applyTextEdits } from '../helpers/lsp-client';
import { DiagramRequest } from '../../src/protocol/lsp';

const TEXT = 'awsflow: 1\nresources:\n  jobs:\n    type: sqs\n  worker:\n    type: lambda\n    timeout: 20m   # keep this comment\n    memory: 12GB\nflows:\n  - jobs -> wroker\n';

describe('code actions and the diagram request', () => {
  const client = new TestClient({ settings: {} });
  const uri = 'file:///w/actions.awsflow';
  before(async () => {
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(() => client.kill());

  test('a quick fix for the finding under the cursor, applied, keeps the comment', async () => {
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 6, character: 14 }, end: { line: 6, character: 14 } },
      context: { diagnostics: [], only: ['quickfix'] },
    }) as { title: string; kind: string; isPreferred?: boolean; diagnostics?: { code: string }[]; edit: { documentChanges: { textDocument: { version: number }; edits: never[] }[] } }[];
    const fix = actions.find((a) => a.title === 'Set the timeout to 15m')!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.diagnostics?.[0]?.code, 'lambda/timeout-limit');
    assert.equal(fix.edit.documentChanges[0]!.textDocument.version, 1);
    const applied = applyTextEdits(TEXT, fix.edit.documentChanges[0]!.edits);
    assert.equal(applied, TEXT.replace('timeout: 20m', 'timeout: 15m'));
  });

  test('did-you-mean and "create resource" for an unknown id', async () => {
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 9, character: 12 }, end: { line: 9, character: 12 } },
      context: { diagnostics: [], only: ['quickfix'] },
    }) as { title: string; edit: { documentChanges: { edits: never[] }[] } }[];
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'worker'", "Create resource 'wroker'"]);
    assert.equal(applyTextEdits(TEXT, actions[0]!.edit.documentChanges[0]!.edits), TEXT.replace('wroker', 'worker'));
  });

  test('source.fixAll.awsflow applies every safe fix at once', async () => {
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.awsflow'] },
    }) as { kind: string; edit: { documentChanges: { edits: never[] }[] } }[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.awsflow');
    const applied = applyTextEdits(TEXT, actions[0]!.edit.documentChanges[0]!.edits);
    assert.match(applied, /timeout: 15m {3}# keep this comment\n/);
    assert.match(applied, /memory: 10GB\n/);
  });

  test('awsflow/diagram returns the Mermaid text, the node map and the findings per node', async () => {
    const result = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } });
    assert.ok(result);
    assert.equal(result.version, 1);
    assert.match(result.mermaid, /^flowchart LR\n/);
    assert.deepEqual(result.nodes.map((n) => [n.id, n.resourceId, n.range.start.line]), [['n0', 'jobs', 2], ['n1', 'worker', 4]]);
    const worker = result.nodes.find((n) => n.resourceId === 'worker')!;
    assert.equal(worker.severity, 'error');
    assert.ok(worker.messages.some((m) => m.includes('lambda/timeout-limit')));
    assert.equal(result.errors, 3);
  });

  test('an unknown document gets no diagram, not an error', async () => {
    assert.equal(await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri: 'file:///nope.awsflow' } }), null);
  });
});
