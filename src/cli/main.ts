/**
 * `awsflow check | diagram | import | rules | explain`. Same core, same findings as the editor.
 * Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 bad usage,
 * or a file that could not be read or written. Every failure is one clear line on stderr,
 * never a stack trace. Text from the user's files and arguments is printed with its
 * control characters escaped (escapeControlCharacters), so it cannot drive the terminal
 * or write lines of its own into a CI log.
 */
import { readFileSync, existsSync } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyze,
  applyEdits,
  buildDiagram,
  docsPath,
  docsUrl,
  escapeControlCharacters,
  checkTemplate,
  fixAll,
  GENERATED_HEADER,
  importTemplates,
  LineIndex,
  ruleById,
  templateSyntaxFindings,
  rules,
  type Analysis,
  type Finding,
  type TemplateInput,
} from '../core/index';
import { readCloudAssembly } from '../node/cloud-assembly';
import { findPackageRoot, localDocsLinks } from '../node/local-docs';
import { describeError, readSourceFile, readSourceStream, type SourceRead } from '../node/source-files';
import { collectFiles, STDIN, UsageError } from './files';
import { formatJson, formatSarif, formatStylish, formatUndecided, type FileResult, type FindingsOf } from './report';
import { diagramHtml } from './html';

const VERSION = '0.1.0';

const HELP = `awsflow ${VERSION}: check AWS messaging architectures in .awsflow files

Usage:
  awsflow check [files or folders…]   check .awsflow files (default: the current folder; - reads standard input)
                                       and CloudFormation/SAM templates named as files (template.yaml,
                                       cfn/*.json): findings on the template's own lines; a folder is
                                       searched for .awsflow files only
      --format stylish|json|sarif      output format (default: stylish)
      --fix                            apply the fixes safe to apply blind, then report what
                                       is left (renames and overrides need a decision);
                                       templates are never edited
      --max-warnings <n>               exit 1 when there are more than n warnings
      --quiet                          report errors only
  awsflow diagram <file>               print the architecture as a Mermaid flowchart (- reads standard input)
      --format mermaid|html            html: a self-contained page with mermaid bundled
      --output <file>                  write to a file instead of standard output
  awsflow import <template | cdk.out folder>
                                       print a CloudFormation, SAM or CDK (cdk.out) template as an .awsflow file
      --output <file>                  write to a file (only over a file awsflow import wrote)
      --force                          with --output: overwrite any file
  awsflow rules [--format text|json]   list the rules
  awsflow explain <rule-id>            print a rule's documentation
  awsflow --help | --version
`;

/** How standard input is named in reports. */
const STDIN_NAME = '<stdin>';

/** Set when standard output failed for a reason other than a closed pipe. */
let outputFailed = false;

function print(text: string): void {
  process.stdout.write(text);
}

/** One line on stderr: a file that could not be read or written, or what --fix did. */
function note(line: string): void {
  process.stderr.write(`awsflow: ${escapeControlCharacters(line)}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    case '--version':
    case '-v':
      process.stdout.write(VERSION + '\n');
      return 0;
    case 'check':
      return check(rest);
    case 'diagram':
      return diagram(rest);
    case 'import':
      return importCommand(rest);
    case 'rules':
      return listRules(rest);
    case 'explain':
      return explain(rest);
    default:
      throw new UsageError(`unknown command '${command}' (try: awsflow --help)`);
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  // `--max-warnings -1` would be read as a missing value followed by an option `-1`; pass it
  // on as the value, so the option's own check says what is wrong with it.
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/** `--name -1` becomes `--name=-1` for string options: a negative number is a value, not an option. */
function joinNegativeValues(args: string[], options: Record<string, { type: 'string' | 'boolean' }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg.startsWith('--') && options[arg.slice(2)]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A file named on the command line, or standard input for `-`. */
function readInput(file: string): Promise<SourceRead> {
  return file === STDIN ? readSourceStream(process.stdin) : readSourceFile(file);
}

function analyzeRead(read: Exclude<SourceRead, { kind: 'refused' }>): Analysis {
  return read.kind === 'too-large'
    ? analyze(read.text, { truncated: read.bytes !== undefined ? { bytes: read.bytes } : {} })
    : analyze(read.text);
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    fix: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const format = values.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json or sarif, not '${format}'`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError(`--max-warnings takes a whole number (0 or more), not '${values['max-warnings']}'`);
  }
  const files = await collectFiles(positionals.length ? positionals : ['.']);
  if (files.length === 0)
    throw new UsageError(`no .awsflow files found in ${positionals.length ? positionals.join(', ') : 'the current folder'}`);
  if (values.fix && files.includes(STDIN)) throw new UsageError('--fix writes files in place; it cannot fix standard input');

  const results: FindingsOf[] = [];
  // A file that could not be read or written: the others are still checked and reported, the exit code is 2.
  let fileFailed = false;
  // Before --quiet drops warnings: a fix left undone is worth saying whatever its severity.
  const afterFix: FileResult[] = [];
  for (const file of files) {
    const name = file === STDIN ? STDIN_NAME : file;
    const read = await readInput(file);
    if (read.kind === 'refused') {
      note(`cannot read '${name}': ${read.reason}`);
      fileFailed = true;
      continue;
    }
    const source = await sourceOf(file, name, read, values.fix === true);
    if (source.kind === 'failed') {
      fileFailed = true;
      continue;
    }
    if (source.kind === 'template') {
      let findings = source.findings;
      if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
      for (const error of source.internalErrors) note(`internal error in rule ${error.ruleId} on ${name}: ${error.message.split('\n')[0]}`);
      results.push({ file: name, analysis: { lineIndex: new LineIndex(read.text), findings } });
      continue;
    }
    let analysis = analyzeRead(read);
    if (values.fix && read.kind === 'text') {
      const fixed = await fixFile(file, analysis);
      analysis = fixed.analysis;
      if (!fixed.written) fileFailed = true;
    }
    afterFix.push({ file: name, analysis });
    if (values.quiet) analysis = { ...analysis, findings: analysis.findings.filter((f) => f.severity === 'error') };
    for (const error of analysis.internalErrors) note(`internal error in rule ${error.ruleId} on ${name}: ${error.message.split('\n')[0]}`);
    results.push({ file: name, analysis });
  }

  if (results.length > 0) {
    if (format === 'json') print(formatJson(results));
    else if (format === 'sarif') print(formatSarif(results, rules, VERSION));
    else print(formatStylish(results, Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']));
  }
  if (values.fix) {
    // Machine-readable output stays clean on stdout: the note goes to stderr there.
    const undecided = formatUndecided(afterFix);
    if (undecided) {
      if (format === 'stylish') print(undecided);
      else process.stderr.write(undecided);
    }
  }
  if (fileFailed) return 2;

  const errors = results.reduce((n, r) => n + r.analysis.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.analysis.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    if (format === 'stylish') process.stdout.write(`awsflow found ${warnings} warnings (more than --max-warnings ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** A top-level `awsflow:` key: the format's version, which every .awsflow file starts with. */
const AWSFLOW_MARKER = /^awsflow[ \t]*:/m;

type Source =
  | { readonly kind: 'awsflow' }
  | { readonly kind: 'template'; readonly findings: readonly Finding[]; readonly internalErrors: Analysis['internalErrors'] }
  /** Said on stderr already. */
  | { readonly kind: 'failed' };

/**
 * What a file given to `check` is. A `.awsflow` file, or any text with the format's
 * `awsflow:` key, is checked as one. Anything else named on the command line must be a
 * CloudFormation or SAM template, checked in place (checkTemplate); a file that is
 * neither is one line and exit 2. Standard input is a template when it says so, and an
 * .awsflow text otherwise, as it always was.
 */
async function sourceOf(file: string, name: string, read: Exclude<SourceRead, { kind: 'refused' }>, fix: boolean): Promise<Source> {
  if (file.endsWith('.awsflow') || AWSFLOW_MARKER.test(read.text)) return { kind: 'awsflow' };
  const stdin = file === STDIN;
  if (read.kind === 'too-large') {
    if (stdin) return { kind: 'awsflow' };
    note(`cannot check '${name}': it is larger than awsflow reads (CloudFormation itself takes templates of 1 MB at most)`);
    return { kind: 'failed' };
  }
  const result = checkTemplate(read.text, { name: stdin ? 'template' : basename(file) });
  if (result.kind === 'not-a-template' || (result.kind === 'syntax-errors' && !result.looksLikeTemplate)) {
    if (stdin) return { kind: 'awsflow' };
    note(
      `'${name}' is neither an .awsflow file nor a CloudFormation or SAM template (no AWSTemplateFormatVersion, no SAM Transform, no Resources of AWS:: types)`,
    );
    return { kind: 'failed' };
  }
  if (result.kind === 'syntax-errors') return { kind: 'template', findings: result.findings, internalErrors: [] };
  if (fix) {
    const fixable =
      result.fixesDropped > 0
        ? ` (${count(result.fixesDropped, 'finding has a fix', 'findings have fixes')} for the imported .awsflow text)`
        : '';
    note(`'${name}' is a template: --fix does not edit templates${fixable}; it is checked, not changed`);
  }
  return { kind: 'template', findings: result.findings, internalErrors: result.imported.analysis.internalErrors };
}

/**
 * Applies the safe fixes to one file, in rounds until none is left, writes it, and says
 * so on stderr: what it fixed, or why it could not write (then the file is reported as
 * it still is on disk).
 */
async function fixFile(file: string, original: Analysis): Promise<{ analysis: Analysis; written: boolean }> {
  let analysis = original;
  let text = original.text;
  let fixed = 0;
  for (let round = 0; round < 10; round++) {
    const edits = fixAll(analysis);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    const chosen = new Set(edits);
    fixed += analysis.findings.filter((f) => f.fix && f.fix.edits.every((edit) => chosen.has(edit))).length;
    text = next;
    analysis = analyze(text);
  }
  if (text === original.text) return { analysis, written: true };
  try {
    await writeFile(file, text);
  } catch (error) {
    note(`cannot write '${file}': ${describeError(error)}; ${count(fixed, 'fix', 'fixes')} not applied`);
    return { analysis: original, written: false };
  }
  note(`fixed ${count(fixed, 'problem', 'problems')} in '${file}'`);
  return { analysis, written: true };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

async function diagram(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' }, output: { type: 'string' } });
  const format = values.format ?? 'mermaid';
  if (!['mermaid', 'html'].includes(format)) throw new UsageError(`--format must be mermaid or html, not '${format}'`);
  if (positionals.length !== 1) throw new UsageError('diagram takes one file: awsflow diagram <file>');
  const file = positionals[0]!;
  const read = await readInput(file);
  const name = file === STDIN ? STDIN_NAME : file;
  if (read.kind === 'refused') throw new UsageError(`cannot read '${name}': ${read.reason}`);
  const analysis = analyzeRead(read);
  const result = buildDiagram(analysis);
  const title = typeof analysis.model.root === 'object' ? (nameOf(analysis) ?? name) : name;
  const out = format === 'html' ? diagramHtml(result, title, loadMermaid()) : result.mermaid;
  if (values.output) {
    try {
      await writeFile(values.output, out);
    } catch (error) {
      throw new UsageError(`cannot write '${values.output}': ${describeError(error)}`);
    }
  } else print(out);
  return 0;
}

function nameOf(analysis: ReturnType<typeof analyze>): string | undefined {
  const pair = analysis.model.root?.items.find((item) => item.key.value === 'name');
  return pair?.value?.kind === 'scalar' && typeof pair.value.value === 'string' ? pair.value.value : undefined;
}

/** mermaid's browser build, copied next to the CLI bundle by the build script. */
function loadMermaid(): string {
  const candidates = [join(__dirname, 'vendor/mermaid.min.js'), join(dirname(__dirname), 'node_modules/mermaid/dist/mermaid.min.js')];
  for (const candidate of candidates) if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  throw new UsageError('mermaid is missing from this installation (dist/vendor/mermaid.min.js); run `npm run build`');
}

/**
 * `awsflow import`: a template (or every stack of a CDK assembly) as an `.awsflow` file.
 * Not a template: exit 2 with one line. YAML/JSON errors: reported like `check` (exit 1).
 */
async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length !== 1)
    throw new UsageError('import takes one template or cdk.out folder: awsflow import <template | cdk.out folder>');
  if (values.force && !values.output) throw new UsageError('--force only applies with --output');
  const path = positionals[0]!;
  const inputs: TemplateInput[] = [];
  let folder: boolean;
  try {
    folder = path !== STDIN && (await stat(path)).isDirectory();
  } catch (error) {
    throw new UsageError(`cannot read '${path}': ${describeError(error)}`);
  }
  if (folder) {
    const assembly = await readCloudAssembly(path);
    if (assembly.kind === 'refused') throw new UsageError(`cannot import '${path}': ${assembly.reason}`);
    for (const stack of assembly.stacks) inputs.push({ name: stack.file, text: stack.text, stack: stack.stackName });
  } else {
    const read = await readInput(path);
    const name = path === STDIN ? STDIN_NAME : path;
    if (read.kind === 'refused') throw new UsageError(`cannot read '${name}': ${read.reason}`);
    if (read.kind === 'too-large')
      throw new UsageError(
        `cannot import '${name}': it is larger than awsflow reads (CloudFormation itself takes templates of 1 MB at most)`,
      );
    inputs.push({ name, text: read.text });
  }
  const title = folder
    ? basename(path.replace(/[/\\]+$/, '')) || path
    : path === STDIN
      ? 'template'
      : basename(path).replace(/\.(?:ya?ml|json|template)$/i, '');
  const result = importTemplates(inputs, title);
  if (result.kind === 'not-a-template') {
    throw new UsageError(
      `'${inputs[result.template]!.name}' is not a CloudFormation or SAM template (no AWSTemplateFormatVersion, no SAM Transform, no Resources of AWS:: types)`,
    );
  }
  if (result.kind === 'syntax-errors') {
    const input = inputs[result.template]!;
    const tooLarge = result.problems.find((problem) => problem.code === 'TOO_LARGE');
    if (tooLarge) throw new UsageError(`cannot import '${input.name}': ${tooLarge.message.replace(/^The/, 'the')}`);
    const findings = templateSyntaxFindings(result.problems);
    print(
      formatStylish(
        [{ file: input.name, analysis: { lineIndex: new LineIndex(input.text), findings } }],
        Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
      ),
    );
    return 1;
  }
  if (!values.output) {
    print(result.text);
    return 0;
  }
  if (!values.force) {
    const existing = await firstLine(values.output);
    if (existing !== undefined && !existing.startsWith(GENERATED_HEADER)) {
      throw new UsageError(
        `'${values.output}' exists and was not written by awsflow import: not overwritten (use --force to overwrite it)`,
      );
    }
  }
  try {
    await writeFile(values.output, result.text);
  } catch (error) {
    throw new UsageError(`cannot write '${values.output}': ${describeError(error)}`);
  }
  note(`wrote '${values.output}'`);
  return 0;
}

/** The first line of a file, or undefined when there is no file. */
async function firstLine(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot write '${path}': ${describeError(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UsageError(`cannot write '${path}': it is not a regular file`);
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0]!;
  } finally {
    await handle.close();
  }
}

function listRules(args: string[]): number {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  const format = values.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not '${format}'`);
  if (positionals.length > 0)
    throw new UsageError(`rules takes no file or rule id, not '${positionals[0]}' (awsflow explain <rule-id> prints one rule)`);
  if (format === 'json') {
    // `docs`: the page shipped with this copy (a file: URL); left out when the copy has no docs.
    const links = localDocsLinks(__dirname);
    print(
      JSON.stringify(
        rules.map((r) => ({ id: r.id, severity: r.defaultSeverity, fixable: r.fixable, summary: r.summary, docs: docsUrl(r.id, links) })),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const rule of rules) {
    print(
      escapeControlCharacters(
        `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fix' : '   '}  ${rule.summary}`,
      ) + '\n',
    );
  }
  return 0;
}

function explain(args: string[]): number {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('explain takes one rule id: awsflow explain <rule-id>');
  const id = positionals[0]!;
  const rule = ruleById(id);
  if (!rule) throw new UsageError(`'${id}' is not an awsflow rule (awsflow rules lists them)`);
  const root = findPackageRoot(__dirname);
  const page = root === undefined ? undefined : join(root, docsPath(rule.id));
  if (page !== undefined && existsSync(page)) print(escapeControlCharacters(readFileSync(page, 'utf8'), { keepLineBreaks: true }));
  else print(escapeControlCharacters(`${rule.id} (${rule.defaultSeverity}): ${rule.summary}`, { keepLineBreaks: true }) + '\n');
  return 0;
}

/**
 * Standard output can fail. A closed pipe (`awsflow diagram x | head -1`) means the
 * reader has all it wanted: stop quietly, with the exit code the report gives (as if it
 * had been read to the end). Any other failure (a full disk) is one line and exit 2.
 */
function watchOutput(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    if (outputFailed) return;
    outputFailed = true;
    process.stderr.write(`awsflow: cannot write to standard output: ${describeError(error)}\n`);
    process.exitCode = 2;
  });
  // With stderr gone too there is nowhere left to say anything.
  process.stderr.on('error', () => undefined);
}

async function run(): Promise<void> {
  watchOutput();
  let code: number;
  try {
    code = await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) note(error.message);
    else note(`internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    code = 2;
  }
  process.exitCode = outputFailed ? 2 : code;
}

void run();
