// `npm run bench`: awsflow's speed and size, each against a baseline measured in the
// same run on the same machine. Never part of `npm test`. Writes docs/performance.md.
//
// 1. core analysis of generated architectures vs `yaml`'s parse and `js-yaml`'s load;
// 2. the language server as a user feels it (open -> diagnostics, one-character edit ->
//    diagnostics) vs yaml-language-server validating the same text against our schema,
//    both driven by the same LSP client; server memory with the 5,000-resource file open;
// 3. mermaid drawing our diagrams in headless Chromium;
// 4. bundle sizes;
// 5. typing in the real VS Code (code-server): keystroke-to-screen against plain text (bench/typing.mjs).
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
/** Figures the targets are judged on, by section and size. */
const results = {};
const record = (section, size, values) => {
  (results[section] ??= {})[size] = values;
};
/** Where `out` writes: the report, or a section measured out of its order (see the end). */
let sink = lines;
const out = (line = '') => {
  console.log(line);
  sink.push(line);
};

// ---------------------------------------------------------------- 1. core
async function benchCore() {
  const core = await import(pathToFileURL(join(root, 'dist/core-browser.js')).href);
  const yaml = require('yaml');
  const jsYaml = require('js-yaml');
  out('## Core analysis');
  out();
  out(
    'Median of repeated runs on the same text, in one process. `analyze` is the whole analysis (parse, model, schema, every rule); "edit" is `Analyzer.analyze` after a one-character change inside one resource (the incremental path).',
  );
  out();
  out(
    '| resources | text | `yaml` parseDocument | `js-yaml` load | awsflow analyze (fresh) | vs `yaml` | vs `js-yaml` | awsflow edit | findings |',
  );
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
    record('core', size, { yaml: yamlMs, jsYaml: jsYamlMs, fresh, edit: median(edits) });
    out(
      `| ${size.toLocaleString('en-US')} | ${(text.length / 1024).toFixed(0)} KiB | ${ms(yamlMs)} | ${ms(jsYamlMs)} | ${ms(fresh)} | ${ratio(fresh, yamlMs)} | ${ratio(fresh, jsYamlMs)} | ${ms(median(edits))} | ${findings} |`,
    );
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
  const webview = existsSync(join(root, 'dist/webview'))
    ? readdirSync(join(root, 'dist/webview'))
        .filter((name) => !name.endsWith('.map'))
        .sort()
        .map((name) => `dist/webview/${name}`)
    : [];
  for (const file of [
    'dist/cli.js',
    'dist/server/main-node.js',
    'dist/server/main-worker.js',
    'dist/core-browser.js',
    'dist/client/extension.js',
    ...webview,
  ]) {
    if (existsSync(join(root, file))) out(`| \`${file}\` | ${statSync(join(root, file)).size.toLocaleString('en-US')} |`);
  }
  // The .vsix is made by `npm run package` (a minified production build), not by this run: say when.
  const vsix = join(root, 'dist/awsflow.vsix');
  const VSIX_TARGET = 6_000_000;
  if (existsSync(vsix)) {
    const { size, mtime } = statSync(vsix);
    out(
      `| \`dist/awsflow.vsix\` (built ${mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC) | ${size.toLocaleString('en-US')} (${(size / 1e6).toFixed(2)} MB; target under 6 MB: ${size < VSIX_TARGET ? 'met' : '**not met**'}) |`,
    );
  } else out('| `dist/awsflow.vsix` | not built — run `npm run package` |');
  out();
  out('The bundles above are the development build `npm run bench` makes (not minified); the `.vsix` holds the minified production build.');
  out();
}

// ---------------------------------------------------------------- targets (issue 6)
function benchTargets() {
  const lsp = results.lsp ?? {};
  const core = results.core ?? {};
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : '**not met**');
  const rows = [];
  const at = (size) => size.toLocaleString('en-US');
  for (const [size, limit] of [
    [1000, 50],
    [5000, 100],
  ]) {
    const r = lsp[size];
    rows.push([
      `edit → diagnostics under ${limit} ms at ${at(size)} resources`,
      r ? `${ms(r.awsflow.edit)} (yaml-language-server ${ms(r.yaml.edit)})` : '',
      verdict(r && r.awsflow.edit < limit),
    ]);
  }
  const templateEdits = results['template-edit'] ?? {};
  for (const [size, limit] of [
    [1000, 50],
    [5000, 100],
  ]) {
    const r = templateEdits[size];
    rows.push([
      `template edit → diagnostics under ${limit} ms at ${at(size)} resources (as for \`.awsflow\` files)`,
      r ? `value edit ${ms(r.value)}, new line ${ms(r.line)} (\`.awsflow\` value edit ${ms(r.awsflow)})` : '',
      verdict(r && Math.max(r.value, r.line) < limit),
    ]);
  }
  const open = lsp[5000];
  rows.push([
    "open → diagnostics at most a third of yaml-language-server's at 5,000",
    open ? `${ms(open.awsflow.open)} vs ${ms(open.yaml.open)}: ${ratio(open.awsflow.open, open.yaml.open)}` : '',
    verdict(open && open.awsflow.open <= open.yaml.open / 3),
  ]);
  rows.push([
    'server memory under 150 MiB at 5,000',
    open ? `${open.awsflow.rss.toFixed(0)} MiB (yaml-language-server ${open.yaml.rss.toFixed(0)} MiB)` : '',
    verdict(open && open.awsflow.rss < 150),
  ]);
  for (const size of SIZES) {
    const c = core[size];
    rows.push([
      `core analysis within 2× of js-yaml's load at ${at(size)}`,
      c ? `${ms(c.fresh)} vs ${ms(c.jsYaml)}: ${ratio(c.fresh, c.jsYaml)} (vs \`yaml\`: ${ratio(c.fresh, c.yaml)})` : '',
      verdict(c && c.fresh <= 2 * c.jsYaml),
    ]);
  }
  const typing = results.typing?.[50];
  rows.push([
    'typing with the preview open at most 25% slower than plain text (median, 50 resources)',
    typing
      ? `${ms(typing.preview.median)} vs ${ms(typing.plain.median)}: ${ratio(typing.preview.median, typing.plain.median)} (\`.awsflow\` alone ${ratio(typing.awsflow.median, typing.plain.median)}; plain text beside the preview ${ratio(typing.besidePreview.median, typing.plain.median)})`
      : '',
    verdict(typing && typing.preview.median <= 1.25 * typing.plain.median),
  ]);
  out('## Targets');
  out();
  out("Judged on the figures above (the preview's targets are judged in its section; the `.vsix` in Sizes).");
  out();
  out('| target | this run | |');
  out('|---|---|---|');
  for (const [target, figure, result] of rows) out(`| ${target} | ${figure} | ${result} |`);
  out();
  // What profiling found (dated: the figures above are this run's, these are from the day it was done).
  out('## What the profiles showed (2026-11-27)');
  out();
  for (const finding of FINDINGS) out(`- ${finding}`);
  out();
}

const FINDINGS = [
  'Parsing: `yaml` (text → CST → Document → our tree) was most of a first analysis and of its garbage. Blocks in the plain subset nearly every file is written in are now read straight into our tree by `src/core/parse/simple-block.ts`, and anything else still goes to `yaml`; a differential test (`test/unit/simple-block.test.ts`, examples plus thousands of mutated texts) checks the two agree on every value and offset. A fresh analysis of 5,000 resources went from about 400 ms to about 230 ms, measured A/B in one process (`--cpu-prof`, `HeapProfiler` sampling).',
  "Memory: with the 5,000-resource file open, the server's live heap was about 40 MiB (heap snapshot); the rest of its 240 MiB RSS was V8's young generation (16 MiB semi-spaces) and room the old generation had grown into. Since then the analysis itself keeps 22 MiB instead of 31 (after a full GC, in one process): its many small lists are kept at their exact length (V8 gives an array pushed into from empty room for 17 elements). The server now runs with `--max-semi-space-size=8 --heap-growing-percent=30` (`src/protocol/server-node-flags.json`, used by the bin's shebang and the VS Code client): about 130 MiB, for a few percent of edit latency. Smaller semi-spaces (1–2 MiB) cost about 50% more per edit, because what an edit builds survives scavenges; `--optimize-for-size` cost 5×.",
  "Allocation: an edit on the 5,000-resource file allocates about 15 MiB (it was 21, then 18; `HeapProfiler` sampling with objects collected by minor GCs): the model's maps and lists, capacity, the cycle search and the schema's view of the root are rebuilt each time, though unchanged resources, flow entries and their schema results are reused. GC is about a fifth of an edit. Shared empty maps, typed arrays in the cycle search and no per-line slices took the first 10%; finding blocks by order took the next 15%.",
  "Edits (2026-11-27): the profile of 88 edits of the 5,000-resource file showed three things that scale with the file but not with the edit: a map of every block by its text rebuilt on each version (hashing 444 KiB of text), capacity hashing resources and connections into half a dozen maps, and object spread in the model's loops. Blocks are now found by their order (one string comparison each; a map only when blocks moved), capacity keeps per-resource state in arrays, and the loops build plain objects; the duplicate-key check remembers its results per block rather than per node. Measured in one process, the old and new bundles editing the same text in turns (medians of 108 edits each): 58 → 47 ms, then 53 → 50 ms, then 47 → 41 ms, then 48 → 44 ms; together an edit went from about 58 ms to about 40 ms in-process.",
  'Open: the open time at 5,000 resources is a cold start. The same analysis takes about 550 ms in a fresh process and about 170 ms once V8 has optimised it; some 150 ms of the cold run is garbage collection (about 19 scavenges of 2–18 ms while the heap grows to hold the analysis being built; keeping it 30% smaller did not shorten them measurably), the rest is running our code before V8 has optimised it. Pausing between batches with `setTimeout(0)` added 40 ms; it is `setImmediate` now. V8 flags for earlier optimisation (`--always-sparkplug`, `--no-lazy-feedback-allocation`, `--maglev`) and a larger young generation from the start changed nothing measurable.',
  'Core against `js-yaml`: not met. `js-yaml` builds plain objects without positions; an analysis builds a tree with the offsets of every node, the model, the schema check, capacity and 42 rules. In a warm analysis of 5,000 resources, parsing is now about a fifth, the model a fifth, the rules a fifth, and GC a third. The next levers are rule results cached per resource (most rules look at one resource and its connections) and lighter property tables.',
  "Template edits (2026-12-05): a value changed in a 1,000-resource template took about 130 ms in one process, nine tenths of it parsing the whole template again; the comments of the generated text named template lines (`template.yaml:41`), so a line typed above a resource changed every generated block below it and its analysis re-read them all; and the import walked every resource once per function to find its role's policies (quadratic: a fifth of a 5,000-resource re-import). Each template document now keeps a `TemplateReader` that parses only the sections and resources an edit touches (`src/core/import/reader.ts`; `test/unit/import/reader.test.ts` checks it against the whole parse on examples and thousands of mutated texts), the check writes no template lines, and roles and policies are found through an index: about 20 ms for the same edit in one process. At 5,000 resources the rest is mapping every resource again (about 40 ms), writing the generated text (about 10 ms) and analysing it (about 60 ms, as an `.awsflow` file of that size); a mapping kept per resource is the next lever, for templates ten times the 500 resources CloudFormation takes.",
  "Preview: the time is mermaid's layout; the preview adds 0–10% to mermaid alone on the same text. How fast mermaid itself draws depends on how busy this shared machine is: on 2026-11-27, mermaid alone drew the 198-node architecture with dagre in 1.29–2.0 s from one run to the next, and the preview with it in 1.30–2.05 s, so the 1.5 s target for dagre is met in some runs and missed in others (the Preview section above gives this run's verdict); ELK takes 1.7–2.5 s there, as it does in mermaid alone. Above 150 nodes the preview opens on a focus view (about 11 nodes) drawn in under 0.3 s.",
];

out('# Performance');
out();
out(
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node.js ${process.version}. Every figure has its baseline measured in the same run. The architectures are generated by \`bench/generate.mjs\` (a mix of API Gateway, SNS fan-out, SQS with dead-letter queues, Lambda, DynamoDB and Kinesis; about two flows per resource).`,
);
out();
const extras = async (module) =>
  (await import(module).catch((error) => (console.error(`bench: ${module} not loaded: ${error.message}`), { benches: [] }))).benches ?? [];
const context = { out, root, SIZES, median, ms, ratio, quick, generateArchitecture, record };
// The language servers are measured first, while this process (their client) is small:
// after the core section its heap is large, and its own garbage collection would add
// to the times it measures. The report keeps its order.
const serverLines = [];
sink = serverLines;
for (const extra of await extras('./lsp.mjs')) await extra(context);
sink = lines;
await benchCore();
lines.push(...serverLines);
for (const extra of await extras('./preview.mjs')) await extra(context);
for (const extra of await extras('./typing.mjs')) await extra(context);
for (const extra of await extras('./import.mjs')) await extra(context);
benchSizes();
benchTargets();
if (!quick) writeFileSync(join(root, 'docs/performance.md'), lines.join('\n') + '\n');
