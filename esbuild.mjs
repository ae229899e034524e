// The one build script. `node esbuild.mjs` builds the CLI (and, as they land, the
// server, client and webview); `--tests` also builds the test files; `--production`
// minifies. Before bundling it compiles the JSON schema to standalone validator code,
// so nothing calls `new Function` at run time.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchema } from './scripts/compile-schema.mjs';
import serverRuntime from './src/protocol/server-node-flags.json' with { type: 'json' };

const serverNodeFlags = serverRuntime.flags;

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

compileSchema(root);
// package.json's per-rule settings (awsflow.rules), written from the rule registry.
await (await import('./scripts/generate-package-settings.mjs')).generatePackageSettings(root);
// The few AWS icons the preview draws, taken from @iconify-json/logos (webview/generated/aws-icons.json).
(await import('./scripts/build-icons.mjs')).buildIcons(root);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
};

const builds = [
  esbuild.build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The language server's bin runs with the same V8 flags the VS Code client gives it
  // (src/protocol/server-node-flags.json; `env -S` splits them: GNU coreutils 8.30+, macOS, BSD).
  esbuild.build({
    ...common,
    entryPoints: { 'server/main-node': 'src/server/main-node.ts' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env -S node ${serverNodeFlags.join(' ')}` },
  }),
  // The language server for browsers (vscode.dev): a worker script.
  esbuild.build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { 'server/main-worker': 'src/server/main-worker.ts' },
    outdir: 'dist',
  }),
  // The core alone, as a browser bundle: proves it needs nothing from Node (the boundary test reads the metafile).
  esbuild.build({
    ...common,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    entryPoints: { 'core-browser': 'src/core/index.ts' },
    outdir: 'dist',
    sourcemap: false,
  }),
];

// The VS Code extension and its preview (built once their sources exist).
if (existsSync(join(root, 'src/client/extension.ts'))) {
  builds.push(
    esbuild.build({ ...common, entryPoints: { 'client/extension': 'src/client/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  );
}
if (existsSync(join(root, 'webview/main.ts'))) {
  builds.push(
    esbuild.build({
      ...common,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      entryPoints: { 'webview/preview': 'webview/main.ts' },
      outdir: 'dist',
      loader: { '.css': 'text' },
    }),
  );
}

if (args.has('--tests')) {
  const testFiles = findFiles(join(root, 'test'), (f) => f.endsWith('.test.ts'));
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: testFiles.map((f) => relative(root, f)),
      outdir: 'out',
      outbase: '.',
      // Loaded from node_modules at run time: not worth bundling into every test file.
      external: ['yaml', 'fast-check', 'playwright-core', 'eslint'],
      sourcemap: 'inline',
      metafile: false,
    }),
  );
}

const results = await Promise.all(builds);
mkdirSync(join(root, 'dist/vendor'), { recursive: true });
// `awsflow diagram --format html` inlines mermaid's browser build: the page works offline.
copyFileSync(join(root, 'node_modules/mermaid/dist/mermaid.min.js'), join(root, 'dist/vendor/mermaid.min.js'));
writeFileSync(join(root, 'dist/meta-cli.json'), JSON.stringify(results[0].metafile));
writeFileSync(join(root, 'dist/meta-node.json'), JSON.stringify(results[1].metafile));
writeFileSync(join(root, 'dist/meta-worker.json'), JSON.stringify(results[2].metafile));
writeFileSync(join(root, 'dist/meta-core-browser.json'), JSON.stringify(results[3].metafile));

function findFiles(dir, accept) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findFiles(path, accept));
    else if (accept(path)) out.push(path);
  }
  return out.sort();
}
