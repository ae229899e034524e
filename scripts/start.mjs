// `npm start`: check every example with the CLI, as a user would, and write each
// example's diagram (Mermaid source and a self-contained HTML page) to diagrams/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const examples = join(root, 'examples');
const out = join(root, 'diagrams');
mkdirSync(out, { recursive: true });

const run = (args) => spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' }).status;

console.log('$ awsflow check examples\n');
const status = run(['check', 'examples']);
// 1 means findings (examples/mistakes.awsflow has them on purpose); 2 would be a real failure.
if (status !== 0 && status !== 1) process.exit(status ?? 2);

console.log('\nDiagrams:');
for (const file of readdirSync(examples)
  .filter((f) => f.endsWith('.awsflow'))
  .sort()) {
  const name = basename(file, '.awsflow');
  for (const format of ['mermaid', 'html']) {
    const target = join(out, `${name}.${format === 'mermaid' ? 'mmd' : 'html'}`);
    const code = run(['diagram', join('examples', file), '--format', format, '--output', target]);
    if (code !== 0) process.exit(code ?? 2);
  }
  console.log(`  diagrams/${name}.mmd, diagrams/${name}.html`);
}
