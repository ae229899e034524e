/**
 * What the server advertises, as an exact object: clients decide from it which requests
 * to send at all, so moving a handler (or a whole feature) to another file must not
 * change one field of it. Also the one capability registered dynamically (settings
 * changes), which only a client that can answer workspace/configuration gets.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, RegistrationRequest, type RegistrationParams } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const EXPECTED = {
  capabilities: {
    textDocumentSync: { openClose: true, change: 2, save: false },
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' ', '>', ',', ':', '-', '/'], resolveProvider: false },
    codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.awsflow', 'source.fixAll'] },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentHighlightProvider: true,
    documentSymbolProvider: { label: 'awsflow' },
    workspaceSymbolProvider: true,
    semanticTokensProvider: {
      legend: {
        tokenTypes: ['type', 'variable', 'operator', 'property', 'enumMember', 'number', 'keyword'],
        tokenModifiers: ['declaration', 'readonly', 'defaultLibrary'],
      },
      full: true,
    },
    inlayHintProvider: true,
  },
  serverInfo: { name: 'awsflow-language-server', version: '0.1.0' },
};

/**
 * Initializes, then asks one request: the server handles messages in order, so any
 * registration its `initialized` handler sends is written before that answer.
 */
async function initializeAndCollectRegistrations(
  client: TestClient,
): Promise<{ result: unknown; registrations: { method: string; registerOptions: unknown }[] }> {
  const registrations: { method: string; registerOptions: unknown }[] = [];
  client.connection.onRequest(RegistrationRequest.type, (params: RegistrationParams) => {
    for (const registration of params.registrations)
      registrations.push({ method: registration.method, registerOptions: registration.registerOptions });
  });
  const result = await client.initialize();
  const answer = await client.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: 'file:///w/not-open.awsflow' },
    position: { line: 0, character: 0 },
  });
  assert.equal(answer, null, 'a document that is not open has no hover');
  return { result, registrations };
}

describe('initialize: the advertised capabilities', () => {
  test('a client with every capability the tests use gets exactly these, and settings changes registered for the awsflow section', async (t) => {
    const client = new TestClient({ settings: {} });
    t.after(() => client.kill());
    const { result, registrations } = await initializeAndCollectRegistrations(client);
    assert.deepStrictEqual(result, EXPECTED);
    assert.deepStrictEqual(registrations, [{ method: 'workspace/didChangeConfiguration', registerOptions: { section: 'awsflow' } }]);
  });

  test('a client with no capabilities at all gets the same object, and no registration request', async (t) => {
    const client = new TestClient({ capabilities: {} });
    t.after(() => client.kill());
    const { result, registrations } = await initializeAndCollectRegistrations(client);
    assert.deepStrictEqual(result, EXPECTED);
    assert.deepStrictEqual(registrations, []);
  });
});
