// Runs every built test file with node's own test runner and ends with the line CI
// reads: `N passed, N failed`. Exit code 1 if any test failed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
// Only built tests whose source still exists (a renamed or deleted test leaves its old build behind).
const files = find(join(root, 'out/test'))
  .filter((f) => existsSync(join(root, f.slice(join(root, 'out').length + 1).replace(/\.js$/, '.ts'))))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files found under out/test (run `node esbuild.mjs --tests` first)');
  process.exit(2);
}
const child = spawn(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/summary-reporter.mjs')}`, '--test-reporter-destination=stdout',
    ...files,
  ],
  { stdio: 'inherit', cwd: root },
);
child.on('exit', (code) => process.exit(code ?? 1));

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
