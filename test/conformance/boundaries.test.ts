/** The core imports nothing from Node, VS Code or the DOM: proven on the bundler's own record. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

test('the core bundle for browsers and workers takes only src/core, yaml and ajv runtime helpers', () => {
  const meta = JSON.parse(readFileSync(join(root, 'dist/meta-core-browser.json'), 'utf8')) as { inputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
  // ajv's standalone code needs one small runtime helper (string length in code points).
  // The schema JSON gives hover and completion their descriptions.
  const outside = Object.keys(meta.inputs).filter((input) => !input.startsWith('src/core/') && !input.startsWith('node_modules/yaml/') && !input.startsWith('node_modules/ajv/dist/runtime/') && input !== 'schemas/awsflow.schema.json');
  assert.deepEqual(outside, []);
  const external = Object.values(meta.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
  assert.deepEqual(external, []);
});

// DOM and Node globals are kept out by the compiler: src/core/tsconfig.json has lib ES2022 and no types.
test('core sources import no node:, vscode or DOM module', () => {
  const meta = JSON.parse(readFileSync(join(root, 'dist/meta-core-browser.json'), 'utf8')) as { inputs: Record<string, unknown> };
  for (const input of Object.keys(meta.inputs).filter((i) => i.startsWith('src/core/'))) {
    // Comments may say "document." or "process."; only code counts.
    const source = readFileSync(join(root, input), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    assert.doesNotMatch(source, /from ['"](node:|vscode|fs|path|os)['"/]/, input);
  }
});
