/**
 * The core imports nothing from Node, VS Code or the DOM: proven on the bundler's own record.
 * And the lint rule that holds every folder's boundaries (awsflow/boundaries in
 * eslint.config.mjs) catches a forbidden import at any depth, through ESLint's Node API.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '../../..');

test('the core bundle for browsers and workers takes only src/core, yaml and ajv runtime helpers', () => {
  const meta = JSON.parse(readFileSync(join(root, 'dist/meta-core-browser.json'), 'utf8')) as {
    inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  };
  // ajv's standalone code needs one small runtime helper (string length in code points).
  // The schema JSON gives hover and completion their descriptions.
  const outside = Object.keys(meta.inputs).filter(
    (input) =>
      !input.startsWith('src/core/') &&
      !input.startsWith('node_modules/yaml/') &&
      !input.startsWith('node_modules/ajv/dist/runtime/') &&
      input !== 'schemas/awsflow.schema.json',
  );
  assert.deepEqual(outside, []);
  const external = Object.values(meta.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
  assert.deepEqual(external, []);
});

// DOM and Node globals are kept out by the compiler: src/core/tsconfig.json has lib ES2022 and no types.
test('core sources import no node:, vscode or DOM module', () => {
  const meta = JSON.parse(readFileSync(join(root, 'dist/meta-core-browser.json'), 'utf8')) as { inputs: Record<string, unknown> };
  for (const input of Object.keys(meta.inputs).filter((i) => i.startsWith('src/core/'))) {
    // Comments may say "document." or "process."; only code counts.
    const source = readFileSync(join(root, input), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    assert.doesNotMatch(source, /from ['"](node:|vscode|fs|path|os)['"/]/, input);
  }
});

describe('lint: awsflow/boundaries holds each folder to its dependency direction at any depth', () => {
  const eslint = new ESLint({ cwd: root });

  /** The boundary findings for `code` as if it were the file at `path` (nothing is written to disk). */
  async function boundaryMessages(path: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, path) });
    return result!.messages.filter((message) => message.ruleId === 'awsflow/boundaries').map((message) => message.message);
  }

  /** `../` repeated: from a file `depth` folders below `src/<folder>/`, the way up to `src/`. */
  const up = (depth: number) => '../'.repeat(depth);

  for (const depth of [1, 2, 3, 4]) {
    const folders = ['a', 'b', 'c', 'd'].slice(0, depth - 1);
    const corePath = ['src/core', ...folders, 'deep.ts'].join('/');
    for (const [target, specifier] of [
      ['src/protocol', `${up(depth)}protocol/webview`],
      ['src/server', `${up(depth)}server/server`],
      ['src/client', `${up(depth)}client/extension`],
      ['src/cli', `${up(depth)}cli/main`],
      ['webview', `${up(depth + 1)}webview/graph`],
    ] as const) {
      test(`${corePath} importing ${specifier} is reported`, async () => {
        const messages = await boundaryMessages(corePath, `import { x } from '${specifier}';\nexport const y = x;\n`);
        assert.equal(messages.length, 1, messages.join('\n'));
        assert.match(messages[0]!, new RegExp(`^src/core may not import ${target} \\(`));
      });
    }
    test(`${corePath}: a type import, a re-export, a dynamic import and a require of the protocol are reported too`, async () => {
      const code = [
        `import type { X } from '${up(depth)}protocol/webview';`,
        `export * from '${up(depth)}protocol/settings';`,
        `export const later = () => import('${up(depth)}protocol/methods');`,
        `export const old = require('${up(depth)}protocol/methods');`,
        'export type Y = X;',
        '',
      ].join('\n');
      assert.equal((await boundaryMessages(corePath, code)).length, 4);
    });
    test(`${corePath} importing the core and the schema at its depth is not reported`, async () => {
      const code = [
        `import { analyze } from '${depth === 1 ? './' : up(depth - 1)}analyze';`,
        `import schema from '${up(depth + 1)}schemas/awsflow.schema.json';`,
        "import { parse } from 'yaml';",
        'export const all = [analyze, schema, parse];',
        '',
      ].join('\n');
      assert.deepEqual(await boundaryMessages(corePath, code), []);
    });
  }

  test('the core imports no Node module, with or without node:, nor VS Code or language-server packages', async () => {
    for (const specifier of [
      'node:fs',
      'fs',
      'fs/promises',
      'crypto',
      'node:worker_threads',
      'util',
      'vscode',
      'vscode-languageserver/node',
      'vscode-languageclient',
    ]) {
      const messages = await boundaryMessages('src/core/model/deep.ts', `import * as m from '${specifier}';\nexport const x = m;\n`);
      assert.equal(messages.length, 1, specifier);
      assert.match(messages[0]!, new RegExp(`^src/core may not import (the Node module )?${specifier.replace(/[/]/g, '\\/')}\\.`));
    }
  });

  test('the protocol imports itself, and only types from the core', async () => {
    assert.deepEqual(
      await boundaryMessages(
        'src/protocol/a/b/deep.ts',
        "import type { Analysis } from '../../../core/analyze';\nimport { METHODS } from '../../methods';\nexport type A = Analysis | typeof METHODS;\n",
      ),
      [],
    );
    const [runtime] = await boundaryMessages(
      'src/protocol/a/b/deep.ts',
      "import { analyze } from '../../../core/analyze';\nexport const a = analyze;\n",
    );
    assert.match(runtime!, /^src\/protocol may import only types from src\/core \(/);
    for (const [path, specifier] of [
      ['src/protocol/deep.ts', '../server/server'],
      ['src/protocol/a/deep.ts', '../../client/extension'],
      ['src/protocol/a/b/deep.ts', '../../../cli/main'],
      ['src/protocol/a/b/c/deep.ts', '../../../../../webview/graph'],
      ['src/protocol/deep.ts', 'node:path'],
      ['src/protocol/deep.ts', 'vscode'],
    ] as const) {
      assert.equal(
        (await boundaryMessages(path, `import type { T } from '${specifier}';\nexport type U = T;\n`)).length,
        1,
        `${path}: ${specifier}`,
      );
    }
  });

  test('the other folders keep their directions: client, server, CLI, webview', async () => {
    const cases: [path: string, specifier: string, reported: boolean][] = [
      ['src/client/preview/deep/x.ts', '../../../core/analyze', true],
      ['src/client/preview/deep/x.ts', '../../../server/server', true],
      ['src/client/preview/deep/x.ts', '../../../protocol/webview', false],
      ['src/server/features/deep/x.ts', '../../../client/extension', true],
      ['src/server/features/deep/x.ts', '../../../../webview/graph', true],
      ['src/server/features/deep/x.ts', '../../../core/analyze', false],
      ['src/server/features/deep/x.ts', 'vscode', true],
      ['src/cli/a/b/x.ts', '../../../server/server', true],
      ['src/cli/a/b/x.ts', '../../../core/analyze', false],
      ['webview/a/b/x.ts', '../../../src/core/analyze', true],
      ['webview/a/b/x.ts', '../../../src/server/server', true],
      ['webview/a/b/x.ts', '../../../src/protocol/webview', false],
      ['webview/a/b/x.ts', 'node:fs', true],
    ];
    for (const [path, specifier, reported] of cases) {
      const messages = await boundaryMessages(path, `import { x } from '${specifier}';\nexport const y = x;\n`);
      assert.equal(messages.length, reported ? 1 : 0, `${path}: ${specifier}: ${messages.join(' ')}`);
    }
  });
});
