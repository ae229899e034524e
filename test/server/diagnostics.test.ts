import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client';

const MISTAKE =
  'awsflow: 1\nresources:\n  api: { type: api-gateway }\n  q:\n    type: sqs\n    visibilityTimeout: 30s\n  f:\n    type: lambda\n    timeout: 20m # too long\nflows:\n  - api -> q\n  - q -> f\n';

describe('diagnostics over LSP', () => {
  const client = new TestClient({ settings: {} });
  after(() => client.kill());

  test('initialize declares the capabilities', async () => {
    const result = await client.initialize();
    const caps = result.capabilities;
    assert.equal(result.serverInfo?.name, 'awsflow-language-server');
    assert.ok(
      caps.hoverProvider && caps.completionProvider && caps.codeActionProvider && caps.definitionProvider && caps.referencesProvider,
    );
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.semanticTokensProvider && caps.inlayHintProvider && caps.documentSymbolProvider && caps.workspaceSymbolProvider);
  });

  test('a file opened gets its findings at once: rule id as code, docs link, exact range, version', async () => {
    const diagnostics = await client.open('file:///w/a.awsflow', MISTAKE);
    const timeout = diagnostics.find((d) => d.code === 'lambda/timeout-limit')!;
    assert.deepEqual(timeout.range, { start: { line: 8, character: 13 }, end: { line: 8, character: 16 } });
    assert.equal(timeout.severity, 1);
    assert.equal(timeout.source, 'awsflow');
    // The page shipped beside the server (dist/server/ -> the package root's docs/), which exists.
    const page = join(__dirname, '../../../docs/rules/lambda/timeout-limit.md');
    assert.equal(timeout.codeDescription?.href, pathToFileURL(page).href);
    assert.ok(existsSync(fileURLToPath(timeout.codeDescription.href)));
    assert.equal(timeout.message, 'Lambda timeout 20m (20 min) is over the 15 minutes maximum; AWS rejects the function.');
  });

  test('a cross-resource finding points at the other end with related information', async () => {
    const diagnostics = await client.diagnostics('file:///w/a.awsflow', 1);
    const visibility = diagnostics.diagnostics.find((d) => d.code === 'sqs/visibility-timeout')!;
    assert.deepEqual(visibility.range.start, { line: 5, character: 23 });
    assert.ok(visibility.relatedInformation && visibility.relatedInformation.length > 0);
    assert.ok(visibility.relatedInformation.some((r) => r.location.uri === 'file:///w/a.awsflow' && r.location.range.start.line === 8));
  });

  test('edits are re-checked; the diagnostics carry the version they were computed for', async () => {
    const fixed = MISTAKE.replace('timeout: 20m', 'timeout: 10s').replace('visibilityTimeout: 30s', 'visibilityTimeout: 1m');
    const diagnostics = await client.change('file:///w/a.awsflow', 2, fixed);
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 1).map((d) => d.code),
      [],
    );
  });

  test('a burst of edits is debounced: only the last version is published', async () => {
    const uri = 'file:///w/burst.awsflow';
    await client.open(uri, 'awsflow: 1\nresources:\n  f: { type: lambda }\n');
    for (let version = 2; version < 10; version++)
      await client.change(uri, version, `awsflow: 1\nresources:\n  f: { type: lambda, timeout: ${version}m }\n`, false);
    const last = await client.change(uri, 10, 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n');
    assert.deepEqual(
      last.map((d) => d.code),
      ['lambda/timeout-limit'],
    );
  });

  test('YAML errors and hostile input give findings, and the server keeps answering', async () => {
    const broken = await client.open('file:///w/broken.awsflow', 'awsflow: 1\nresources:\n  a: { type: client\n');
    assert.ok(broken.some((d) => d.code === 'syntax/yaml'));
    const binary = await client.open('file:///w/binary.awsflow', 'PNG\u0000\u0001\u0002');
    assert.deepEqual(
      binary.map((d) => d.code),
      ['syntax/limits'],
    );
    const deep = await client.open('file:///w/deep.awsflow', 'awsflow: 1\nx: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n');
    assert.ok(deep.some((d) => d.code === 'syntax/limits'));
    const again = await client.open('file:///w/after.awsflow', 'awsflow: 1\nresources:\n  f: { type: lambda, memory: 20GB }\n');
    assert.deepEqual(
      again.map((d) => d.code),
      ['lambda/memory-range'],
    );
  });

  test('closing a file clears its diagnostics', async () => {
    const cleared = client.diagnostics('file:///w/after.awsflow', undefined);
    await client.close('file:///w/after.awsflow');
    void cleared;
    const next = await new Promise<PublishDiagnosticsParams>((resolve) => {
      const handle = client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === 'file:///w/after.awsflow') {
          handle.dispose();
          resolve(params);
        }
      });
    });
    assert.deepEqual(next.diagnostics, []);
  });

  test('shutdown and exit end the process with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

describe('settings', () => {
  test("awsflow.rules from the client changes severities; a file's rules: section wins", async () => {
    const client = new TestClient({ settings: { rules: { 'lambda/timeout-limit': 'warning', 'sqs/no-consumer': 'off' } } });
    try {
      await client.initialize();
      const diagnostics = await client.open(
        'file:///w/s.awsflow',
        'awsflow: 1\nresources:\n  q: { type: sqs }\n  f: { type: lambda, timeout: 20m }\n',
      );
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [['lambda/timeout-limit', 2]],
      );
      const own = await client.open(
        'file:///w/t.awsflow',
        'awsflow: 1\nrules:\n  lambda/timeout-limit: info\nresources:\n  f: { type: lambda, timeout: 20m }\n',
      );
      assert.deepEqual(
        own.map((d) => [d.code, d.severity]),
        [['lambda/timeout-limit', 3]],
      );

      client.settings = { rules: {} };
      const waiting = client.diagnostics('file:///w/s.awsflow', 1);
      const published: string[][] = [];
      const done = new Promise<void>((resolve) => {
        const handle = client.connection.onNotification(
          'textDocument/publishDiagnostics',
          (params: { uri: string; diagnostics: { code: string; severity: number }[] }) => {
            if (params.uri !== 'file:///w/s.awsflow') return;
            published.push(params.diagnostics.map((d) => `${d.code}:${d.severity}`));
            if (params.diagnostics.some((d) => d.code === 'lambda/timeout-limit' && d.severity === 1)) {
              handle.dispose();
              resolve();
            }
          },
        );
      });
      void waiting;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await done;
      assert.ok(published.at(-1)!.includes('sqs/no-consumer:2'));
    } finally {
      client.kill();
    }
  });

  test('a client without configuration support gets the defaults', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const diagnostics = await client.open('file:///w/d.awsflow', 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n');
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [['lambda/timeout-limit', 1]],
      );
    } finally {
      client.kill();
    }
  });
});

describe('the test client', () => {
  test('a server that dies fails what the test was waiting for at once, with its log, instead of hanging', async () => {
    const client = new TestClient({ settings: {} });
    try {
      await client.initialize();
      const gone = /the language server exited unexpectedly \(code null, signal SIGKILL\); its log:/;
      // Expectations attached at once: a promise that fails while the test awaits another
      // one must not count as an unhandled rejection.
      const waiting = assert.rejects(client.diagnostics('file:///w/never-opened.awsflow'), gone);
      const request = assert.rejects(
        client.connection.sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///w/never-opened.awsflow' },
          position: { line: 0, character: 0 },
        }),
        gone,
      );
      client.child.kill('SIGKILL');
      await waiting;
      await request;
      // Written after the process died (the pipe may or may not have seen it yet): the same failure.
      await assert.rejects(
        client.connection.sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///w/never-opened.awsflow' },
          position: { line: 0, character: 0 },
        }),
        gone,
      );
      await assert.rejects(client.diagnostics('file:///w/other.awsflow'), gone);
    } finally {
      client.kill();
    }
  });
});
