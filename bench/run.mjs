// `npm run bench`: awsflow's speed and size, each against a baseline measured in the
// same run on the same machine. Never part of `npm test`. Writes docs/performance.md.
//
// 1. core analysis of generated architectures vs `yaml`'s parse and `js-yaml`'s load;
// 2. the language server as a user feels it (open -> diagnostics, one-character edit ->
//    diagnostics) vs yaml-language-server validating the same text against our schema,
//    both driven by the same LSP client; server memory with the 5,000-resource file open;
// 3. mermaid drawing our diagrams in headless Chromium;
// 4. bundle sizes.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateArchitecture } from './generate.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const SIZES = [100, 1000, 5000];
const quick = process.argv.includes('--quick');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const time = (fn, runs) => {
  fn(); // warm-up
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
};
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const ratio = (value, baseline) => `${(value / baseline).toFixed(2)}×`;

const lines = [];
const out = (line = '') => {
  console.log(line);
  lines.push(line);
};

// ---------------------------------------------------------------- 1. core
async function benchCore() {
  const core = await import(pathToFileURL(join(root, 'dist/core-browser.js')).href);
  const yaml = require('yaml');
  const jsYaml = require('js-yaml');
  out('## Core analysis');
  out();
  out('Median of repeated runs on the same text, in one process. `analyze` is the whole analysis (parse, model, schema, every rule); "edit" is `Analyzer.analyze` after a one-character change inside one resource (the incremental path).');
  out();
  out('| resources | text | `yaml` parseDocument | `js-yaml` load | awsflow analyze (fresh) | vs `yaml` | vs `js-yaml` | awsflow edit | findings |');
  out('|---|---|---|---|---|---|---|---|---|');
  for (const size of SIZES) {
    const text = generateArchitecture(size);
    const runs = size >= 5000 ? 7 : 15;
    const yamlMs = time(() => yaml.parseDocument(text), runs);
    const jsYamlMs = time(() => jsYaml.load(text), runs);
    const fresh = time(() => core.analyze(text), runs);
    const analyzer = new core.Analyzer();
    analyzer.analyze(text);
    const edits = [];
    let current = text;
    for (let i = 0; i < 21; i++) {
      current = current.replace(/memory: [12]GB/, i % 2 ? 'memory: 1GB' : 'memory: 2GB');
      const start = performance.now();
      analyzer.analyze(current);
      edits.push(performance.now() - start);
    }
    const findings = core.analyze(text).findings.length;
    out(`| ${size.toLocaleString('en-US')} | ${(text.length / 1024).toFixed(0)} KiB | ${ms(yamlMs)} | ${ms(jsYamlMs)} | ${ms(fresh)} | ${ratio(fresh, yamlMs)} | ${ratio(fresh, jsYamlMs)} | ${ms(median(edits))} | ${findings} |`);
  }
  out();
}

// ---------------------------------------------------------------- 4. sizes
function benchSizes() {
  out('## Sizes');
  out();
  out('| artifact | bytes |');
  out('|---|---|');
  // The webview's bundles are whatever esbuild wrote there (source maps are not shipped in the .vsix).
  const webview = existsSync(join(root, 'dist/webview')) ? readdirSync(join(root, 'dist/webview')).filter((name) => !name.endsWith('.map')).sort().map((name) => `dist/webview/${name}`) : [];
  for (const file of ['dist/cli.js', 'dist/server/main-node.js', 'dist/server/main-worker.js', 'dist/core-browser.js', 'dist/client/extension.js', ...webview]) {
    if (existsSync(join(root, file))) out(`| \`${file}\` | ${statSync(join(root, file)).size.toLocaleString('en-US')} |`);
  }
  // The .vsix is made by `npm run package` (a minified production build), not by this run: say when.
  const vsix = join(root, 'dist/awsflow.vsix');
  const VSIX_TARGET = 6_000_000;
  if (existsSync(vsix)) {
    const { size, mtime } = statSync(vsix);
    out(`| \`dist/awsflow.vsix\` (built ${mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC) | ${size.toLocaleString('en-US')} (${(size / 1e6).toFixed(2)} MB; target under 6 MB: ${size < VSIX_TARGET ? 'met' : '**not met**'}) |`);
  } else out('| `dist/awsflow.vsix` | not built — run `npm run package` |');
  out();
  out('The bundles above are the development build `npm run bench` makes (not minified); the `.vsix` holds the minified production build.');
  out();
}

out('# Performance');
out();
out(`Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node.js ${process.version}. Every figure has its baseline measured in the same run. The architectures are generated by \`bench/generate.mjs\` (a mix of API Gateway, SNS fan-out, SQS with dead-letter queues, Lambda, DynamoDB and Kinesis; about two flows per resource).`);
out();
await benchCore();
for (const module of ['./lsp.mjs', './preview.mjs']) for (const extra of (await import(module).catch((error) => (console.error(`bench: ${module} not loaded: ${error.message}`), { benches: [] }))).benches ?? []) await extra({ out, root, SIZES, median, ms, ratio, quick, generateArchitecture });
benchSizes();
if (!quick) writeFileSync(join(root, 'docs/performance.md'), lines.join('\n') + '\n');
