/**
 * One analysis per document version: parse, model, schema, every rule, suppression
 * and severities. The CLI, the language server and the preview all read its result.
 * An `Analyzer` keeps what it parsed and validated, keyed by text, so the next version
 * of the same document re-does only the blocks that changed.
 */
import { IncrementalParser, type ParseResult } from './parse/chunks';
import { buildModel, type Model } from './model/model';
import { SchemaValidator, type SchemaError } from './schema/validate';
import { Edits, type TextEdit } from './edit/edits';
import { LineIndex } from './text/line-index';
import { formatMessage } from './rules/define-rule';
import type { Finding, Fix, FixBuilder, MessageData, Report, Rule, RuleContext, Severity, SeveritySetting } from './rules/types';
import { findIgnoreComments, fileSeverities, type SeverityOverrides } from './suppress';
import { rules as allRules } from './rules/index';
import { PlainValueTooLarge } from './parse/ast';
import { isIsoDate, todayUtc } from './clock';
import type { SyntaxProblem } from './parse/chunks';

/** Files larger than this are refused with a finding rather than parsed (about 40,000 resources). */
export const MAX_TEXT_LENGTH = 4 * 1024 * 1024;

export interface AnalyzeOptions {
  /** Severity overrides from the editor settings (`awsflow.rules`). */
  readonly ruleSeverities?: SeverityOverrides;
  /** Run only these rules (tests). Suppression rules still run. */
  readonly rules?: readonly Rule[];
  /**
   * Today's date (`YYYY-MM-DD`, UTC) for date-dependent rules such as runtime deprecations.
   * Omitted (or not a date): the wall clock, read once per analysis. Tests pass a fixed date.
   */
  readonly today?: string;
}

export interface InternalError {
  readonly ruleId: string;
  readonly message: string;
}

export interface Analysis {
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly parse: ParseResult;
  readonly model: Model;
  readonly schemaErrors: readonly SchemaError[];
  readonly findings: readonly Finding[];
  /** Rules that threw; logged by the host, never shown as findings. */
  readonly internalErrors: readonly InternalError[];
}

export class Analyzer {
  private readonly parser = new IncrementalParser();
  private readonly validator = new SchemaValidator();

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const steps = this.analyzeInSteps(text, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same analysis, awaiting `pause()` now and then while a large text is parsed, so
   * that a server stays responsive to other requests during a first, cold analysis.
   */
  async analyzeAsync(text: string, options: AnalyzeOptions, pause: () => Promise<void>): Promise<Analysis> {
    const steps = this.analyzeInSteps(text, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  private *analyzeInSteps(text: string, options: AnalyzeOptions): Generator<void, Analysis> {
    const limitProblem = checkInputLimits(text);
    const parse: ParseResult = limitProblem
      ? { root: null, problems: [limitProblem], chunks: [], incremental: false }
      : yield* safeParse(this.parser, text);
    const model = buildModel(text, parse.root);
    let schemaErrors: SchemaError[] = [];
    if (!limitProblem) {
      try {
        schemaErrors = this.validator.validate(parse.root);
      } catch (error) {
        if (!(error instanceof PlainValueTooLarge)) throw error;
        parse.problems.push({ start: 0, end: 0, code: 'TOO_LARGE', message: 'The document expands (through aliases) to more than 2,000,000 nodes; awsflow does not check it.' });
      }
    }
    const { findings, internalErrors } = runRules(model, text, parse.problems, schemaErrors, options);
    let lineIndex: LineIndex | undefined;
    return {
      text, parse, model, schemaErrors, findings, internalErrors,
      // Built on first use: most edits need positions only for a few findings.
      get lineIndex() {
        return (lineIndex ??= new LineIndex(text));
      },
    };
  }
}

/** A one-off analysis (the CLI, tests). Editors keep an `Analyzer` per document. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return new Analyzer().analyze(text, options);
}

function checkInputLimits(text: string): SyntaxProblem | undefined {
  if (text.length > MAX_TEXT_LENGTH) {
    const megabytes = (text.length / (1024 * 1024)).toFixed(1);
    return { start: 0, end: 0, code: 'TOO_LARGE', message: `The file has ${megabytes} M characters; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.` };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return { start: nul, end: nul + 1, code: 'BINARY', message: 'The file contains a NUL byte: it looks binary, not YAML text.' };
  }
  return undefined;
}

function* safeParse(parser: IncrementalParser, text: string): Generator<void, ParseResult> {
  try {
    return yield* parser.parseInSteps(text);
  } catch (error) {
    // The parser recurses on nesting; a stack overflow must not take the host down.
    const message = error instanceof RangeError ? 'The document nests too deeply to parse.' : `The YAML parser failed: ${String(error)}`;
    return { root: null, problems: [{ start: 0, end: 0, code: 'TOO_DEEP', message }], chunks: [], incremental: false };
  }
}

const allRuleIds = allRules.map((rule) => rule.id);

interface RawFinding extends Finding {
  readonly rule: Rule;
}

function runRules(
  model: Model,
  text: string,
  syntaxProblems: readonly SyntaxProblem[],
  schemaErrors: readonly SchemaError[],
  options: AnalyzeOptions,
): { findings: Finding[]; internalErrors: InternalError[] } {
  const edits = new Edits(text);
  const raw: RawFinding[] = [];
  const internalErrors: InternalError[] = [];
  const selected = options.rules ?? allRules;
  const today = options.today !== undefined && isIsoDate(options.today) ? options.today : todayUtc();
  for (const rule of selected) {
    if (rule.id.startsWith('suppression/')) continue;
    const context: RuleContext<string> = {
      model,
      text,
      syntaxProblems,
      schemaErrors,
      ruleIds: allRuleIds,
      today,
      report: (report) => raw.push(toFinding(rule, report, edits)),
    };
    try {
      rule.check(context);
    } catch (error) {
      internalErrors.push({ ruleId: rule.id, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    }
  }
  const kept = applySuppressions(raw, text, options);
  const severities: Record<string, SeveritySetting> = { ...(options.ruleSeverities ?? {}), ...fileSeverities(model) };
  const findings: Finding[] = [];
  for (const finding of kept) {
    const setting = severities[finding.ruleId];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? finding.severity;
    const { rule: _rule, ...plain } = finding;
    findings.push(severity === finding.severity ? plain : { ...plain, severity });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings, internalErrors };
}

function toFinding(rule: Rule, report: Report<string>, edits: Edits): RawFinding {
  const message = formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data);
  const fix = report.fix ? buildFix(rule, report.fix.messageId, report.fix.data, report.fix.build, edits) : undefined;
  const suggestions: Fix[] = [];
  for (const suggestion of report.suggest ?? []) {
    const built = buildFix(rule, suggestion.messageId, suggestion.data, suggestion.build, edits);
    if (built) suggestions.push(built);
  }
  return {
    rule,
    ruleId: rule.id,
    severity: report.severity ?? rule.defaultSeverity,
    message,
    messageId: report.messageId,
    start: report.at.start,
    end: Math.max(report.at.start, report.at.end),
    ...(fix ? { fix } : {}),
    suggestions,
    related: (report.related ?? []).map((r) => ({ start: r.at.start, end: r.at.end, message: r.message })),
  };
}

function buildFix(rule: Rule, messageId: string, data: MessageData | undefined, build: FixBuilder, edits: Edits): Fix | undefined {
  let result: TextEdit | readonly TextEdit[] | undefined;
  try {
    result = build(edits);
  } catch {
    return undefined; // a fix that cannot be built is dropped; the finding stays
  }
  if (!result) return undefined;
  const list = 'newText' in result ? [result as TextEdit] : (result as readonly TextEdit[]);
  if (list.length === 0) return undefined;
  return { title: formatMessage(rule.messages[messageId] ?? messageId, data), edits: list };
}

const MISSING_REASON = 'suppression/missing-reason';
const UNUSED = 'suppression/unused';

function applySuppressions(raw: RawFinding[], text: string, options: AnalyzeOptions): RawFinding[] {
  const comments = findIgnoreComments(text);
  if (comments.length === 0) return raw;
  const lineIndex = new LineIndex(text);
  const byLine = new Map<number, typeof comments>();
  for (const comment of comments) {
    const list = byLine.get(comment.line) ?? [];
    list.push(comment);
    byLine.set(comment.line, list);
  }
  const used = new Set<string>();
  const kept: RawFinding[] = [];
  for (const finding of raw) {
    const line = lineIndex.positionAt(finding.start).line;
    const candidates = [...(byLine.get(line) ?? []), ...(byLine.get(line - 1) ?? [])];
    let suppressed = false;
    for (const comment of candidates) {
      for (const id of comment.ruleIds) {
        if (id.id === finding.ruleId) {
          suppressed = true;
          used.add(`${comment.start}:${id.id}`);
        }
      }
    }
    if (!suppressed) kept.push(finding);
  }
  const selected = options.rules ?? allRules;
  const missingReason = allRules.find((r) => r.id === MISSING_REASON);
  const unused = allRules.find((r) => r.id === UNUSED);
  for (const comment of comments) {
    if (missingReason && comment.reason === '') {
      kept.push(toFinding(missingReason, { at: comment, messageId: 'missingReason' }, new Edits(text)));
    }
    if (!unused) continue;
    for (const id of comment.ruleIds) {
      if (used.has(`${comment.start}:${id.id}`)) continue;
      // With a rule subset (tests), only judge ids of the rules that ran.
      if (options.rules && !selected.some((r) => r.id === id.id) && allRules.some((r) => r.id === id.id)) continue;
      const known = allRules.some((r) => r.id === id.id);
      kept.push(toFinding(unused, { at: id, messageId: known ? 'unused' : 'unknownRule', data: { ruleId: id.id } }, new Edits(text)));
    }
  }
  return kept;
}
