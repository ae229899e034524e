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
import type { Finding, Fix, FixBuilder, MessageData, Report, ReportAt, Rule, RuleContext, Severity, SeveritySetting } from './rules/types';
import type { Connection } from './model/model';
import { connectionKey, connectionToken } from './model/connections';
import { findIgnoreComments, fileSeverities, type SeverityOverrides } from './suppress';
import { rules as allRules } from './rules/index';
import { PlainValueTooLarge } from './parse/ast';
import { isIsoDate, todayUtc } from './clock';
import type { SyntaxProblem } from './parse/chunks';
import type { SharedText } from './parse/convert';
import { emptySharedText } from './parse/convert';
import type { OffsetRange } from './text/line-index';

/** Files larger than this are refused with a finding rather than parsed (about 40,000 resources). */
export const MAX_TEXT_LENGTH = 4 * 1024 * 1024;

export interface AnalyzeOptions {
  /** Severity overrides from the editor settings (`awsflow.rules`). */
  readonly ruleSeverities?: SeverityOverrides;
  /** Run only these rules (tests). Suppression rules still run. */
  readonly rules?: readonly Rule[];
  /**
   * The text is only the start of a larger input: the host stopped reading at its byte
   * limit (a file of `bytes` bytes, or a stream of unknown length). Refused as too large.
   */
  readonly truncated?: { readonly bytes?: number };
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
    const limitProblem = checkInputLimits(text, options.truncated);
    const parse: ParseResult = limitProblem
      ? { root: null, problems: [limitProblem], chunks: [], fresh: 0, incremental: false, shared: emptySharedText() }
      : yield* safeParse(this.parser, text);
    const model = buildModel(text, parse.root);
    let schemaErrors: SchemaError[] = [];
    if (!limitProblem) {
      try {
        schemaErrors = this.validator.validate(parse.root);
      } catch (error) {
        if (!(error instanceof PlainValueTooLarge)) throw error;
        parse.problems.push({
          start: 0,
          end: 0,
          code: 'TOO_LARGE',
          message: 'The document expands (through aliases) to more than 2,000,000 nodes; awsflow does not check it.',
        });
      }
    }
    const { findings, internalErrors } = runRules(model, text, parse.problems, schemaErrors, parse.shared, options);
    let lineIndex: LineIndex | undefined;
    return {
      text,
      parse,
      model,
      schemaErrors,
      findings,
      internalErrors,
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

function checkInputLimits(text: string, truncated: AnalyzeOptions['truncated']): SyntaxProblem | undefined {
  if (truncated) {
    const size =
      truncated.bytes !== undefined
        ? `has ${(truncated.bytes / (1024 * 1024)).toFixed(1)} MB`
        : `is larger than ${Math.round((MAX_TEXT_LENGTH * 3) / (1024 * 1024))} MB`;
    return {
      start: 0,
      end: 0,
      code: 'TOO_LARGE',
      message: `The file ${size}; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.`,
    };
  }
  if (text.length > MAX_TEXT_LENGTH) {
    const megabytes = (text.length / (1024 * 1024)).toFixed(1);
    return {
      start: 0,
      end: 0,
      code: 'TOO_LARGE',
      message: `The file has ${megabytes} M characters; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.`,
    };
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
    return {
      root: null,
      problems: [{ start: 0, end: 0, code: 'TOO_DEEP', message }],
      chunks: [],
      fresh: 0,
      incremental: false,
      shared: emptySharedText(),
    };
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
  shared: SharedText,
  options: AnalyzeOptions,
): { findings: Finding[]; internalErrors: InternalError[] } {
  const edits = new Edits(text);
  const editable = sharedTextGuard(shared);
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
      report: (report) => raw.push(toFinding(rule, report, edits, editable)),
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

/** Whether an edit leaves shared text alone; see `sharedTextGuard`. */
type EditGuard = (edit: TextEdit) => boolean;

const EDIT_ANYTHING: EditGuard = () => true;

/**
 * Fixes never edit text that aliases or merge keys share: an anchored node (its value is
 * every alias's value), a merge entry (`<<: *x`, which stands for many pairs), an alias
 * token. The one edit allowed on an alias token replaces an aliased scalar's token whole,
 * which overrides the value for that use only (`timeout: *t` -> `timeout: 15m`), and so
 * does an edit that takes the token whole with text around it (removing the pair); an
 * aliased collection's token stands for every value inside it, so it is never edited alone. A
 * fix with any other edit there is dropped, whichever rule built it; the finding stays.
 */
function sharedTextGuard(shared: SharedText): EditGuard {
  if (shared.anchors.length === 0 && shared.merges.length === 0 && shared.aliases.length === 0) return EDIT_ANYTHING;
  const overlaps = (edit: TextEdit, region: OffsetRange) =>
    edit.start === edit.end ? region.start < edit.start && edit.start < region.end : edit.start < region.end && edit.end > region.start;
  return (edit) => {
    for (const region of shared.anchors) if (overlaps(edit, region)) return false;
    for (const region of shared.merges) if (overlaps(edit, region)) return false;
    for (const token of shared.aliases) {
      if (!overlaps(edit, token)) continue;
      if (token.replaceable && edit.start === token.start && edit.end === token.end) continue;
      // An edit that takes the token whole and more (removing `timeout: *t`) ends this use only; one
      // exactly on a collection's token came from a node inside it, so it is refused above.
      const encloses = edit.start <= token.start && edit.end >= token.end && (edit.start < token.start || edit.end > token.end);
      if (!encloses) return false;
    }
    return true;
  };
}

function toFinding(rule: Rule, report: Report<string>, edits: Edits, editable: EditGuard = EDIT_ANYTHING): RawFinding {
  const message = formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data);
  const fix = report.fix
    ? buildFix(rule, report.fix.messageId, report.fix.data, report.fix.build, edits, editable, report.fix.safeForFixAll ?? true)
    : undefined;
  const suggestions: Fix[] = [];
  for (const suggestion of report.suggest ?? []) {
    const built = buildFix(rule, suggestion.messageId, suggestion.data, suggestion.build, edits, editable, false);
    if (built) suggestions.push(built);
  }
  const at = placeOf(report.at);
  const about = report.connections ?? (isConnection(report.at) ? [report.at] : undefined);
  return {
    rule,
    ruleId: rule.id,
    severity: report.severity ?? rule.defaultSeverity,
    message,
    messageId: report.messageId,
    start: at.start,
    end: Math.max(at.start, at.end),
    ...(fix ? { fix } : {}),
    suggestions,
    related: (report.related ?? []).map((r) => ({ ...placeOf(r.at), message: r.message })),
    ...(about && about.length > 0 ? { connections: about.map(connectionKey) } : {}),
  };
}

function isConnection(at: ReportAt): at is Connection {
  return 'source' in at && 'target' in at;
}

/** A report's range: a connection sits on its own id in the flow (see `connectionToken`). */
function placeOf(at: ReportAt): OffsetRange {
  const range = isConnection(at) ? connectionToken(at) : at;
  return { start: range.start, end: range.end };
}

function buildFix(
  rule: Rule,
  messageId: string,
  data: MessageData | undefined,
  build: FixBuilder,
  edits: Edits,
  editable: EditGuard,
  safeForFixAll: boolean,
): Fix | undefined {
  let result: TextEdit | readonly TextEdit[] | undefined;
  try {
    result = build(edits);
  } catch {
    return undefined; // a fix that cannot be built is dropped; the finding stays
  }
  if (!result) return undefined;
  const list = 'newText' in result ? [result as TextEdit] : (result as readonly TextEdit[]);
  if (list.length === 0 || !list.every(editable)) return undefined;
  return { title: formatMessage(rule.messages[messageId] ?? messageId, data), edits: list, safeForFixAll };
}

const MISSING_REASON = 'suppression/missing-reason';
const UNUSED = 'suppression/unused';

/**
 * Applies a text's `# awsflow-ignore` comments to findings placed on that text, and adds
 * the suppression rules' own findings. For findings made elsewhere and moved onto the
 * text (a template's, checked through its import).
 */
export function suppressFindings(findings: readonly Finding[], text: string, options: AnalyzeOptions = {}): Finding[] {
  const severities = options.ruleSeverities ?? {};
  const kept: Finding[] = [];
  for (const finding of applySuppressions([...findings], text, options)) {
    if (!('rule' in finding)) {
      kept.push(finding); // moved here with its severity already settled
      continue;
    }
    // A suppression rule's own finding: the editor's severity setting applies to it.
    const setting = severities[finding.ruleId];
    if (setting === 'off') continue;
    const { rule: _rule, ...plain } = finding;
    kept.push(setting ? { ...plain, severity: setting } : plain);
  }
  return kept;
}

function applySuppressions<T extends Finding>(raw: T[], text: string, options: AnalyzeOptions): (T | RawFinding)[] {
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
  const kept: (T | RawFinding)[] = [];
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
