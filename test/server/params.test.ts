/**
 * Requests with malformed params are refused with InvalidParams (-32602) saying what is
 * wrong, before anything reads them; well-formed ones about a document that is not open
 * get the empty answer; and the server keeps answering afterwards.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const URI = 'file:///w/params.awsflow';
const TEXT = 'awsflow: 1\r\nresources:\r\n  jobs:\r\n    type: sqs\r\n  worker:\r\n    type: lambda\r\nflows:\r\n  - jobs -> worker\r\n';
const ON_JOBS = { line: 2, character: 3 };

describe('request params checked before use', () => {
  const client = new TestClient({ settings: {} });
  before(async () => {
    await client.initialize();
    await client.open(URI, TEXT);
  });
  after(() => client.kill());

  const refused = (pattern: RegExp) => (error: unknown) => {
    assert.ok(error instanceof ResponseError, `a ResponseError, not ${String(error)}`);
    assert.equal(error.code, ErrorCodes.InvalidParams);
    assert.match(error.message, pattern);
    return true;
  };
  const send = (method: string, params: unknown) => client.connection.sendRequest(method, params);

  test('rename with a null, missing or non-string newName', async () => {
    for (const newName of [null, 42, { name: 'x' }, ['x']]) {
      await assert.rejects(
        send('textDocument/rename', { textDocument: { uri: URI }, position: ON_JOBS, newName }),
        refused(/`newName` must be a string/),
      );
    }
    await assert.rejects(
      send('textDocument/rename', { textDocument: { uri: URI }, position: ON_JOBS }),
      refused(/`newName` must be a string/),
    );
    // A string, even one rename refuses, is not a params error: rename says why it refuses.
    await assert.rejects(
      send('textDocument/rename', { textDocument: { uri: URI }, position: ON_JOBS, newName: 'bad name' }),
      (error: unknown) => error instanceof ResponseError && error.code !== ErrorCodes.InvalidParams,
    );
  });

  test('a missing or malformed textDocument', async () => {
    for (const textDocument of [undefined, null, 'file:///w/params.awsflow', {}, { uri: 7 }, { uri: '' }]) {
      await assert.rejects(send('textDocument/hover', { textDocument, position: ON_JOBS }), refused(/textDocument/));
      await assert.rejects(send('textDocument/documentSymbol', { textDocument }), refused(/textDocument/));
      await assert.rejects(send('awsflow/diagram', { textDocument }), refused(/textDocument/));
    }
    // No params at all: vscode-jsonrpc refuses it itself, with the same code.
    await assert.rejects(send('textDocument/semanticTokens/full', null), refused(/param/));
  });

  test('a position that is missing, negative, fractional or past the last line', async () => {
    const bad = [
      undefined,
      null,
      {},
      { line: -1, character: 0 },
      { line: 0, character: -3 },
      { line: 1.5, character: 0 },
      { line: '1', character: 0 },
      { line: 0, character: Number.MAX_SAFE_INTEGER },
    ];
    for (const position of bad) {
      for (const method of [
        'textDocument/hover',
        'textDocument/completion',
        'textDocument/definition',
        'textDocument/documentHighlight',
        'textDocument/prepareRename',
      ]) {
        await assert.rejects(
          send(method, { textDocument: { uri: URI }, position }),
          refused(/position/),
          `${method} ${JSON.stringify(position)}`,
        );
      }
    }
    await assert.rejects(
      send('textDocument/hover', { textDocument: { uri: URI }, position: { line: 9, character: 0 } }),
      refused(/past the document's last line \(8\)/),
    );
    // A character past the end of its line means the end of the line (LSP says so): answered.
    assert.equal(await send('textDocument/hover', { textDocument: { uri: URI }, position: { line: 8, character: 40 } }), null);
    assert.ok(Array.isArray(await send('textDocument/completion', { textDocument: { uri: URI }, position: { line: 3, character: 400 } })));
  });

  test('ranges, contexts and queries of the wrong shape', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
    await assert.rejects(send('textDocument/codeAction', { textDocument: { uri: URI }, range }), refused(/context/));
    await assert.rejects(
      send('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [], only: 'quickfix' } }),
      refused(/context\.only/),
    );
    await assert.rejects(
      send('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: range.end, end: range.start },
        context: { diagnostics: [] },
      }),
      refused(/ends before it starts/),
    );
    await assert.rejects(
      send('textDocument/inlayHint', { textDocument: { uri: URI }, range: { start: { line: 0, character: -1 }, end: range.end } }),
      refused(/range\.start/),
    );
    await assert.rejects(send('textDocument/references', { textDocument: { uri: URI }, position: ON_JOBS }), refused(/includeDeclaration/));
    await assert.rejects(send('workspace/symbol', { query: 3 }), refused(/`query` must be a string/));
    await assert.rejects(
      send('textDocument/completion', { textDocument: { uri: URI }, position: ON_JOBS, context: 'space' }),
      refused(/`context` must be an object/),
    );
    await assert.rejects(
      send('textDocument/completion', { textDocument: { uri: URI }, position: ON_JOBS, context: { triggerKind: 2, triggerCharacter: 32 } }),
      refused(/context\.triggerCharacter/),
    );
    // A range past the end (a whole-document range) only narrows the answer: answered.
    const actions = await send('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
  });

  test('after all that the server still answers, from the same document', async () => {
    const references = (await send('textDocument/references', {
      textDocument: { uri: URI },
      position: ON_JOBS,
      context: { includeDeclaration: true },
    })) as unknown[];
    assert.equal(references.length, 2);
    const edit = (await send('textDocument/rename', { textDocument: { uri: URI }, position: ON_JOBS, newName: 'tasks' })) as {
      documentChanges: { textDocument: { version: number }; edits: unknown[] }[];
    };
    assert.equal(edit.documentChanges[0]!.textDocument.version, 1);
    assert.equal(edit.documentChanges[0]!.edits.length, 2);
    assert.deepEqual(
      client.logs.filter((line) => /failed/.test(line)),
      [],
      'nothing was logged as a failure: every refusal was on purpose',
    );
  });
});
