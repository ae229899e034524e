/**
 * What goes into the preview bundle, read from esbuild's metafile of the same build
 * esbuild.mjs makes: the webview's own code, mermaid, the UI elements and the icon subset;
 * never the analysis core, the server, the client or Node modules, nor the whole 8 MB
 * icon set or a second copy of ELK.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';
import { ROOT } from './harness';

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

test('the preview bundle holds the webview, mermaid and the icon subset, and nothing of core, server, client or Node', async () => {
  // A computed path: the test bundle must not try to bundle esbuild itself. (`<runtime>` below is esbuild's own helper code.)
  const esbuild = (await import(join(ROOT, 'node_modules/esbuild/lib/main.js'))) as typeof Esbuild;
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['webview/main.ts'],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'text' },
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const { inputs } = result.metafile as Metafile;
  const files = Object.keys(inputs);
  const own = files.filter((file) => !file.startsWith('node_modules/'));
  // The protocol is the one contract of the page and the extension (ARCHITECTURE.md: the
  // webview may import it): the page reads its settings and restore state with the same
  // parser the extension uses. Nothing else of src/ reaches the page but types.
  assert.deepEqual(
    own.filter((file) => !file.startsWith('webview/') && !file.startsWith('src/protocol/')),
    [],
    'nothing from src/ but the protocol (core, server and client: types only)',
  );
  assert.deepEqual(
    own.filter((file) => file.startsWith('src/protocol/')),
    ['src/protocol/preview-page.ts'],
    'from the protocol, only the page settings and restore state',
  );
  assert.ok(own.includes('webview/generated/aws-icons.json'));
  assert.ok(files.some((file) => file.startsWith('node_modules/mermaid/dist/')));
  assert.ok(files.some((file) => file.startsWith('node_modules/@vscode-elements/elements/')));
  assert.deepEqual(
    files.filter((file) => file.includes('@iconify-json/')),
    [],
    'not the whole icon set',
  );
  // mermaid 12 has ELK built in; @mermaid-js/layout-elk would add a second copy (2 MB).
  assert.deepEqual(
    files.filter((file) => file.includes('@mermaid-js/layout-elk')),
    [],
  );
  const external = Object.values(inputs).flatMap((input) =>
    input.imports.filter((entry) => entry.external && entry.path !== '<runtime>').map((entry) => entry.path),
  );
  assert.deepEqual(external, [], 'everything is bundled: nothing to load at run time');
});
