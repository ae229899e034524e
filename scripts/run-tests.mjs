// Runs every built test file with node's own test runner and ends with the line CI
// reads: `N passed, N failed`. Exit code 1 if any test failed.
//
// A test that waits for something that never comes must fail, not hang CI:
// - every test, and every file as a whole, has a time limit (`--test-timeout`): past it
//   the runner fails the test and kills the file's process;
// - the whole run has a budget: past it, everything is stopped and the closing line is
//   still printed, with the run counted as a failure and the unfinished test named;
// - whatever the tests started and left behind (servers, browsers) is killed at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** Per test and per file. The longest file, the VS Code end-to-end run, takes 1-2 minutes. */
const FILE_TIMEOUT_MS = Number(process.env.AWSFLOW_TEST_TIMEOUT_MS ?? 15 * 60_000);
/** The whole run (CI allows 90 minutes for set-up and tests; a full run takes about 6). */
const BUDGET_MS = Number(process.env.AWSFLOW_TEST_BUDGET_MS ?? 60 * 60_000);

const only = process.argv.slice(2);
// AWSFLOW_TEST_DIR: another folder of built tests (the runner's own test uses it).
const testDir = process.env.AWSFLOW_TEST_DIR;
// Only built tests whose source still exists (a renamed or deleted test leaves its old build behind).
const files = (
  testDir
    ? find(testDir)
    : find(join(root, 'out/test')).filter((f) => existsSync(join(root, f.slice(join(root, 'out').length + 1).replace(/\.js$/, '.ts'))))
).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files found under out/test (run `node esbuild.mjs --tests` first)');
  process.exit(2);
}

// The summary reporter keeps its running counts here, for the closing line of a stopped run.
const countsFile = process.env.AWSFLOW_TEST_COUNTS ?? join(root, 'out/test-counts.json');
mkdirSync(dirname(countsFile), { recursive: true });
rmSync(countsFile, { force: true });

const child = spawn(
  process.execPath,
  [
    '--test',
    `--test-timeout=${FILE_TIMEOUT_MS}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/summary-reporter.mjs')}`,
    '--test-reporter-destination=stdout',
    ...files,
  ],
  // A process group of its own, so that everything the tests start can be stopped together.
  { stdio: 'inherit', cwd: root, detached: true, env: { ...process.env, AWSFLOW_TEST_COUNTS: countsFile } },
);

const killGroup = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is empty: nothing was left running.
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killGroup('SIGKILL');
    process.exit(130);
  });
}

const budget = setTimeout(() => {
  killGroup('SIGKILL');
  let counts = { passed: 0, failed: 0, running: [] };
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    // No test finished before the budget ran out.
  }
  console.log(
    `\nThe test run was stopped: it went over its budget of ${BUDGET_MS >= 60_000 ? `${Math.round(BUDGET_MS / 60_000)} minutes` : `${BUDGET_MS} ms`}.`,
  );
  for (const name of counts.running) console.log(`Still running: ${name}`);
  console.log(`\n${counts.passed} passed, ${counts.failed + 1} failed`);
  process.exit(1);
}, BUDGET_MS);

child.on('exit', (code) => {
  clearTimeout(budget);
  killGroup('SIGKILL');
  process.exit(code ?? 1);
});

function find(dir) {
  let out = [];
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(find(path));
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out.sort();
}
