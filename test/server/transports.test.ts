/**
 * The other ways an editor starts the server: the bin as a program (Neovim, Helix), node
 * IPC (the VS Code client) and a browser worker (vscode.dev).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from '../helpers/lsp-client';

test('--node-ipc: initialize and diagnostics over the IPC channel', async () => {
  const child = fork(SERVER, ['--node-ipc'], { silent: true });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, resolve),
  );
  connection.listen();
  try {
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      workspaceFolders: null,
    });
    assert.equal(result.serverInfo?.name, 'awsflow-language-server');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri: 'file:///ipc.awsflow',
        languageId: 'awsflow',
        version: 1,
        text: 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n',
      },
    });
    assert.deepEqual(
      (await diagnostics).diagnostics.map((d) => d.code),
      ['lambda/timeout-limit'],
    );
  } finally {
    connection.dispose();
    child.kill();
  }
});

test(
  'the bin runs through its shebang with the V8 flags the VS Code client uses',
  { skip: process.platform === 'linux' ? false : 'reads /proc' },
  async () => {
    const flags = (JSON.parse(readFileSync(join(SERVER, '../../../src/protocol/server-node-flags.json'), 'utf8')) as { flags: string[] })
      .flags;
    assert.ok(flags.length > 0);
    assert.equal(readFileSync(SERVER, 'utf8').split('\n', 1)[0], `#!/usr/bin/env -S node ${flags.join(' ')}`);
    // As npm installs a bin: an executable file, started by the kernel through its `#!` line.
    const dir = mkdtempSync(join(tmpdir(), 'awsflow-bin-'));
    const bin = join(dir, 'awsflow-language-server');
    copyFileSync(SERVER, bin);
    chmodSync(bin, 0o755);
    const child = spawn(bin, ['--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification(PublishDiagnosticsNotification.type, resolve),
    );
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      });
      assert.equal(result.serverInfo?.name, 'awsflow-language-server');
      const commandLine = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      for (const flag of flags) assert.ok(commandLine.includes(flag), `${flag} in ${commandLine.join(' ')}`);
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: {
          uri: 'file:///bin.awsflow',
          languageId: 'awsflow',
          version: 1,
          text: 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n',
        },
      });
      assert.deepEqual(
        (await diagnostics).diagnostics.map((d) => d.code),
        ['lambda/timeout-limit'],
      );
    } finally {
      connection.dispose();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

const chromium = '/usr/bin/chromium';

test(
  'the browser worker build answers LSP in headless Chromium',
  { skip: existsSync(chromium) ? false : 'chromium is not installed (.ci/run installs it)' },
  async () => {
    const { chromium: launcher } = await import('playwright-core');
    const browser = await launcher.launch({
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.setContent('<!doctype html><title>worker</title>');
      const workerSource = readFileSync(join(SERVER, '../main-worker.js'), 'utf8');
      const codes = await page.evaluate(async (source) => {
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        const send = (message: object) => worker.postMessage({ jsonrpc: '2.0', ...message });
        const published = new Promise<string[]>((resolve, reject) => {
          worker.onerror = (event) => reject(new Error(event.message));
          worker.onmessage = (event: MessageEvent) => {
            const message = event.data as { id?: number; method?: string; params?: { diagnostics: { code: string }[] } };
            if (message.id === 1) {
              send({ method: 'initialized', params: {} });
              send({
                method: 'textDocument/didOpen',
                params: {
                  textDocument: {
                    uri: 'file:///w.awsflow',
                    languageId: 'awsflow',
                    version: 1,
                    text: 'awsflow: 1\nresources:\n  f: { type: lambda, memory: 20GB }\n',
                  },
                },
              });
            }
            if (message.method === 'textDocument/publishDiagnostics') resolve(message.params!.diagnostics.map((d) => d.code));
          };
        });
        send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        return published;
      }, workerSource);
      assert.deepEqual(codes, ['lambda/memory-range']);
      assert.deepEqual(
        requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('about:') && !url.startsWith('data:')),
        [],
        'no network request',
      );
    } finally {
      await browser.close();
    }
  },
);
