/**
 * The extension in a real VS Code: runs scripts/vscode-e2e/run.mjs (code-server from
 * .tooling/, mocha inside its extension host, then a UI run through Chromium) and
 * reports each of its tests and steps here, so `npm test` counts them.
 *
 * Skipped, with the reason, when .tooling/ has not been installed (`bash
 * scripts/vscode-e2e/setup.sh`, which .ci/run does first) or when AWSFLOW_SKIP_VSCODE=1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const LOG = join(ROOT, 'out/e2e/run.log');
/** The harness's own exit code when code-server or Node 24 is not installed. */
const TOOLING_MISSING = 2;

interface Results {
  versions: { codeServer?: string; vscode?: string; node?: string };
  host: { exitCode?: number; tests: { title: string; state: 'passed' | 'failed' | 'pending'; error?: string }[]; error?: string };
  ui: { steps: { name: string; ok: boolean; detail: string }[]; error?: string };
  leftoverProcesses: number[];
}

function runHarness(signal: AbortSignal): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/vscode-e2e/run.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // A timed-out test must not leave code-server running: on SIGTERM the harness stops it.
    signal.addEventListener('abort', () => child.kill('SIGTERM'), { once: true });
    // Kept in a file (a failure quotes its end): the harness forwards the whole extension host console.
    // On a fresh clone out/e2e/ does not exist yet: make it before opening the log.
    mkdirSync(dirname(LOG), { recursive: true });
    const log = createWriteStream(LOG);
    let output = '';
    const collect = (chunk: Buffer) => {
      log.write(chunk);
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => log.end(() => resolve({ code, output })));
  });
}

// Under scripts/run-tests.mjs's limit for a whole file (15 minutes); a full run takes 1-2.
test('VS Code end to end (code-server: extension host and UI)', { timeout: 12 * 60_000 }, async (t) => {
  if (process.env['AWSFLOW_SKIP_VSCODE'] === '1') {
    t.skip('AWSFLOW_SKIP_VSCODE=1');
    return;
  }
  const { code, output } = await runHarness(t.signal);
  if (code === TOOLING_MISSING) {
    t.skip(`${output.trim().split('\n').pop()}`);
    return;
  }
  let results: Results;
  try {
    results = JSON.parse(readFileSync(join(ROOT, 'out/e2e/results.json'), 'utf8')) as Results;
  } catch {
    assert.fail(`the harness exited ${code} and wrote no results; its output ends:\n${output.slice(-4000)}`);
  }

  await t.test('the harness ran without errors of its own', () => {
    assert.equal(results.host.error, undefined);
    assert.equal(results.ui.error, undefined);
    assert.ok(results.host.tests.length > 0, 'the extension host ran no test');
    assert.equal(results.versions.vscode, '1.139.1');
  });
  for (const hostTest of results.host.tests) {
    await t.test(`extension host: ${hostTest.title}`, { skip: hostTest.state === 'pending' ? 'pending in the mocha suite' : false }, () => {
      if (hostTest.state === 'failed') assert.fail(hostTest.error ?? 'failed');
    });
  }
  for (const step of results.ui.steps) {
    await t.test(`UI: ${step.name}`, () => {
      assert.ok(step.ok, step.detail);
    });
  }
  await t.test('code-server and everything it started were stopped', () => {
    assert.deepEqual(results.leftoverProcesses, []);
  });
  assert.equal(code, 0, `the harness exited ${code}; see out/e2e/run.log`);
});
