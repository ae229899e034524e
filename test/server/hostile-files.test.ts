/**
 * Workspace symbols read .awsflow files from disk: a FIFO, a link to /dev/zero, link
 * loops and a link to `/` in the workspace must neither hang the request nor blow up the
 * server's memory, and the server's log must not carry a file name's control characters.
 * The describe's timeout bounds every wait: a hang fails the test, it cannot stall the suite.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

describe('workspace symbols in a hostile workspace', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'awsflow-hostile-workspace-'));
  const outside = mkdtempSync(join(tmpdir(), 'awsflow-outside-'));
  const evilName = 'evil\u001b]0;owned\u0007\n::error::x.awsflow';
  mkdirSync(join(folder, 'sub'));
  writeFileSync(join(folder, 'orders.awsflow'), 'awsflow: 1\nresources:\n  orders-queue: { type: sqs }\n');
  writeFileSync(join(folder, 'sub', 'billing.awsflow'), 'awsflow: 1\nresources:\n  billing-queue: { type: sqs }\n');
  writeFileSync(join(outside, 'elsewhere.awsflow'), 'awsflow: 1\nresources:\n  outside-queue: { type: sqs }\n');
  for (const fifo of ['pipe.awsflow', evilName]) assert.equal(spawnSync('mkfifo', [join(folder, fifo)]).status, 0, 'mkfifo');
  symlinkSync('/dev/zero', join(folder, 'zero.awsflow'));
  writeFileSync(
    join(folder, 'utf16.awsflow'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('awsflow: 1\nresources:\n  utf16-queue: { type: sqs }\n', 'utf16le')]),
  );
  symlinkSync('..', join(folder, 'sub', 'up'));
  symlinkSync('.', join(folder, 'self-1'));
  symlinkSync('.', join(folder, 'self-2'));
  symlinkSync('/', join(folder, 'root'));
  symlinkSync(outside, join(folder, 'outside-link'));
  const client = new TestClient({ settings: {}, workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'workspace' }] });

  before(async () => {
    await client.initialize();
  });
  after(() => {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('the regular files of the tree answer, each once; FIFOs, devices and linked folders are skipped', async () => {
    for (let request = 0; request < 3; request++) {
      const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
      assert.deepEqual(symbols.map((s) => [s.name, s.location.uri]).sort(), [
        ['billing-queue', pathToFileURL(join(folder, 'sub', 'billing.awsflow')).toString()],
        ['orders-queue', pathToFileURL(join(folder, 'orders.awsflow')).toString()],
      ]);
    }
  });

  test('each skipped file is logged once, with its reason and its name escaped', () => {
    const skips = client.logs.filter((line) => line.startsWith('workspace symbols: skipped'));
    assert.deepEqual(skips.sort(), [
      `workspace symbols: skipped '${join(folder, 'evil\\x1b]0;owned\\x07\\n::error::x.awsflow')}': it is a named pipe (FIFO), not a regular file`,
      `workspace symbols: skipped '${join(folder, 'pipe.awsflow')}': it is a named pipe (FIFO), not a regular file`,
      `workspace symbols: skipped '${join(folder, 'utf16.awsflow')}': the file is UTF-16 (little-endian); save it as UTF-8`,
      `workspace symbols: skipped '${join(folder, 'zero.awsflow')}': it is a character device, not a regular file`,
    ]);
    // eslint-disable-next-line no-control-regex
    for (const line of client.logs) assert.doesNotMatch(line, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/, line);
  });
});
