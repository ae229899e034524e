/**
 * `awsflow check | diagram | rules | explain`. Same core, same findings as the editor.
 * Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 bad usage
 * or unreadable input. Every failure is one clear line on stderr, never a stack trace.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, applyEdits, buildDiagram, docsUrl, fixAll, ruleById, rules } from '../core/index';
import { collectFiles, describeError, UsageError } from './files';
import { formatJson, formatSarif, formatStylish, formatUndecided, type FileResult } from './report';
import { diagramHtml } from './html';

const VERSION = '0.1.0';

const HELP = `awsflow ${VERSION}: check AWS messaging architectures in .awsflow files

Usage:
  awsflow check [files or folders…]   check .awsflow files (default: the current folder)
      --format stylish|json|sarif      output format (default: stylish)
      --fix                            apply the fixes safe to apply blind, then report what
                                       is left (renames and overrides need a decision)
      --max-warnings <n>               exit 1 when there are more than n warnings
      --quiet                          report errors only
  awsflow diagram <file>               print the architecture as a Mermaid flowchart
      --format mermaid|html            html: a self-contained page with mermaid bundled
      --output <file>                  write to a file instead of standard output
  awsflow rules [--format text|json]   list the rules
  awsflow explain <rule-id>            print a rule's documentation
  awsflow --help | --version
`;

function main(argv: string[]): number {
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
    case 'rules':
      return listRules(rest);
    case 'explain':
      return explain(rest);
    default:
      throw new UsageError(`unknown command '${command}' (try: awsflow --help)`);
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

function readText(file: string): string {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read '${file}': ${describeError(error)}`);
  }
  return buffer.toString('utf8');
}

function check(args: string[]): number {
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
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, not '${values['max-warnings']}'`);
  }
  const files = collectFiles(positionals.length ? positionals : ['.']);
  if (files.length === 0) throw new UsageError(`no .awsflow files found in ${positionals.length ? positionals.join(', ') : 'the current folder'}`);

  const results: FileResult[] = [];
  // Before --quiet drops warnings: a fix left undone is worth saying whatever its severity.
  const afterFix: FileResult[] = [];
  for (const file of files) {
    let text = readText(file);
    let analysis = analyze(text);
    if (values.fix) {
      const original = text;
      for (let round = 0; round < 10; round++) {
        const edits = fixAll(analysis);
        if (edits.length === 0) break;
        const next = applyEdits(text, edits);
        if (next === text) break;
        text = next;
        analysis = analyze(text);
      }
      if (text !== original) {
        try {
          writeFileSync(file, text);
        } catch (error) {
          throw new UsageError(`cannot write '${file}': ${describeError(error)}`);
        }
      }
    }
    afterFix.push({ file, analysis });
    if (values.quiet) analysis = { ...analysis, findings: analysis.findings.filter((f) => f.severity === 'error') };
    for (const error of analysis.internalErrors) process.stderr.write(`awsflow: internal error in rule ${error.ruleId} on ${file}: ${error.message.split('\n')[0]}\n`);
    results.push({ file, analysis });
  }

  if (format === 'json') process.stdout.write(formatJson(results));
  else if (format === 'sarif') process.stdout.write(formatSarif(results, rules, VERSION));
  else process.stdout.write(formatStylish(results, Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']));
  if (values.fix) {
    // Machine-readable output stays clean on stdout: the note goes to stderr there.
    const undecided = formatUndecided(afterFix);
    if (undecided) (format === 'stylish' ? process.stdout : process.stderr).write(undecided);
  }

  const errors = results.reduce((n, r) => n + r.analysis.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.analysis.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    if (format === 'stylish') process.stdout.write(`awsflow found ${warnings} warnings (more than --max-warnings ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function diagram(args: string[]): number {
  const { values, positionals } = parse(args, { format: { type: 'string' }, output: { type: 'string' } });
  const format = values.format ?? 'mermaid';
  if (!['mermaid', 'html'].includes(format)) throw new UsageError(`--format must be mermaid or html, not '${format}'`);
  if (positionals.length !== 1) throw new UsageError('diagram takes one file: awsflow diagram <file>');
  const file = positionals[0]!;
  const analysis = analyze(readText(file));
  const result = buildDiagram(analysis);
  const title = typeof analysis.model.root === 'object' ? nameOf(analysis) ?? file : file;
  const out = format === 'html' ? diagramHtml(result, title, loadMermaid()) : result.mermaid;
  if (values.output) {
    try {
      writeFileSync(values.output, out);
    } catch (error) {
      throw new UsageError(`cannot write '${values.output}': ${describeError(error)}`);
    }
  } else process.stdout.write(out);
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

function listRules(args: string[]): number {
  const { values } = parse(args, { format: { type: 'string' } });
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.defaultSeverity, fixable: r.fixable, summary: r.summary, docs: docsUrl(r.id) })), null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const rule of rules) {
    process.stdout.write(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fix' : '   '}  ${rule.summary}\n`);
  }
  return 0;
}

function explain(args: string[]): number {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('explain takes one rule id: awsflow explain <rule-id>');
  const id = positionals[0]!;
  const rule = ruleById(id);
  if (!rule) throw new UsageError(`'${id}' is not an awsflow rule (awsflow rules lists them)`);
  const page = join(dirname(__dirname), 'docs/rules', `${rule.id}.md`);
  if (existsSync(page)) process.stdout.write(readFileSync(page, 'utf8'));
  else process.stdout.write(`${rule.id} (${rule.defaultSeverity}): ${rule.summary}\n${docsUrl(rule.id)}\n`);
  return 0;
}

function run(): void {
  let code: number;
  try {
    code = main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`awsflow: ${error.message}\n`);
      code = 2;
    } else {
      process.stderr.write(`awsflow: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      code = 2;
    }
  }
  process.exitCode = code;
}

run();
