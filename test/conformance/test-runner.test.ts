/**
 * The test command itself: a test that waits forever must fail in bounded time, the
 * closing `N passed, N failed` line must still be printed, and whatever the tests left
 * running must be stopped. (A run that hangs gives CI nothing to read.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** Two test files: one passes; the other starts a child process and then waits forever. */
function fixtures(): { dir: string; pidFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'awsflow-runner-'));
  const pidFile = join(dir, 'sleeper.pid');
  writeFileSync(join(dir, 'a-passes.test.js'), "require('node:test').test('passes', () => {});\n");
  writeFileSync(
    join(dir, 'b-hangs.test.js'),
    [
      "const { test } = require('node:test');",
      "const { spawn } = require('node:child_process');",
      "test('waits forever', async () => {",
      "  const sleeper = spawn('sleep', ['600'], { stdio: 'pipe' });",
      `  require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(sleeper.pid));`,
      '  await new Promise(() => setInterval(() => {}, 1000));',
      '});',
      '',
    ].join('\n'),
  );
  return { dir, pidFile };
}

// The limits leave room for a loaded machine (CI runs with every core busy): under a
// load of 12 per core, starting node and the hanging file's test took over 4 s, and a
// budget that ran out before the test began had nothing to name.
function runTests(dir: string, env: Record<string, string>) {
  const started = Date.now();
  // Without the variable that tells node:test it runs inside a test (it would refuse to run files).
  const { NODE_TEST_CONTEXT: _, ...outer } = process.env;
  const result = spawnSync(process.execPath, [join(root, 'scripts/run-tests.mjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...outer, AWSFLOW_TEST_DIR: dir, AWSFLOW_TEST_COUNTS: join(dir, 'counts.json'), ...env },
  });
  const lines = (result.stdout ?? '').trimEnd().split('\n');
  return { code: result.status, output: result.stdout + result.stderr, last: lines.at(-1), seconds: (Date.now() - started) / 1000 };
}

/** Gone, or a zombie waiting to be reaped: either way no longer running. */
function stopped(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return readFileSync(stat, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

test(
  'a test that never finishes fails at its time limit, and what it started is stopped',
  { skip: process.platform === 'linux' ? false : 'reads /proc' },
  () => {
    const { dir, pidFile } = fixtures();
    try {
      const run = runTests(dir, { AWSFLOW_TEST_TIMEOUT_MS: '12000' });
      assert.equal(run.last, '1 passed, 1 failed', run.output);
      assert.equal(run.code, 1);
      assert.match(run.output, /b-hangs\.test\.js was stopped at its time limit, in: waits forever\n/);
      assert.ok(run.seconds < 120, `took ${run.seconds} s`);
      assert.ok(stopped(Number(readFileSync(pidFile, 'utf8'))), 'the child process the test started is stopped');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  'a run over its budget is stopped, names what was running and still prints the closing line',
  { skip: process.platform === 'linux' ? false : 'reads /proc' },
  () => {
    const { dir, pidFile } = fixtures();
    try {
      const run = runTests(dir, { AWSFLOW_TEST_BUDGET_MS: '15000' });
      assert.equal(run.last, '1 passed, 1 failed', run.output);
      assert.equal(run.code, 1);
      assert.match(run.output, /went over its budget of 15000 ms/);
      assert.match(run.output, /Still running: .*b-hangs\.test\.js › waits forever/);
      assert.ok(run.seconds < 120, `took ${run.seconds} s`);
      assert.ok(stopped(Number(readFileSync(pidFile, 'utf8'))), 'the child process the test started is stopped');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
