// Builds the mocha suite that runs inside VS Code's extension host: test/e2e/index.ts
// (the entry VS Code calls, `run()`) and each test/e2e/suite/*.e2e.ts, to out/e2e/.
// `vscode` exists only inside the extension host, and mocha is loaded from node_modules
// there, so both stay external. The suites are separate files because mocha must load
// them itself (its `describe`/`it` exist only while it loads a file).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const suites = readdirSync(join(root, 'test/e2e/suite'))
  .filter((name) => name.endsWith('.e2e.ts'))
  .map((name) => `test/e2e/suite/${name}`);

await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['test/e2e/index.ts', ...suites],
  outdir: 'out/e2e',
  outbase: 'test/e2e',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
