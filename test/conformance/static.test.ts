/** The type checker, the linter and the formatter, as tests: a type error, a boundary import or an unformatted file fails `npm test`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, output: (result.stdout ?? '') + (result.stderr ?? '') };
}

for (const project of ['src/core', 'src/cli', 'src/protocol', 'src/server', 'src/client', 'webview', 'test']) {
  test(`tsc -p ${project}: no type errors (strict)`, () => {
    const result = run('node_modules/typescript/bin/tsc', ['-p', project]);
    assert.equal(result.code, 0, result.output);
  });
}

test('eslint: no problems, dependency boundaries kept', () => {
  const result = run('node_modules/eslint/bin/eslint.js', ['.']);
  assert.equal(result.code, 0, result.output);
});

test('prettier: every source file is formatted (`npm run format` writes them)', () => {
  const result = run('node_modules/prettier/bin/prettier.cjs', ['--check', '.', '--log-level', 'warn']);
  assert.equal(result.code, 0, result.output);
});
