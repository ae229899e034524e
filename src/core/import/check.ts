/**
 * Checking a CloudFormation or SAM template in place: the template is imported, the
 * `.awsflow` text the import writes is analysed like any file, and every finding is moved
 * back onto the template's own lines through the import's source map. A finding on a
 * value sits on the template value it came from; one on a property's key, on the value
 * written beside it; one about something missing, on the resource's logical id.
 *
 * Fixes are dropped: they edit the generated text, whose values are the template's
 * converted (`30` seconds became `30s`), so they do not apply to the template.
 * `# awsflow-ignore` comments are read from the template's text.
 */
import { Analyzer, suppressFindings, type Analysis, type AnalyzeOptions } from '../analyze';
import type { Finding, RelatedInformation } from '../rules/types';
import type { OffsetRange } from '../text/line-index';
import { importTemplates } from './index';
import type { TemplateReader } from './reader';
import type { SourceMap } from './write';
import type { TemplateProblem } from './template';

export interface TemplateCheckOptions extends AnalyzeOptions {
  /** The template's name, for the import's title and comments (a file name). */
  readonly name?: string;
}

export type TemplateCheck =
  /** Not a CloudFormation or SAM template (the text parsed, and says nothing of AWS resources). */
  | { readonly kind: 'not-a-template' }
  /**
   * YAML or JSON errors: reported as `syntax/yaml` findings on the template; a template too
   * large to import, as one `syntax/limits` finding. `looksLikeTemplate`: whether the text
   * says it is a template as far as it was read (AWSTemplateFormatVersion, the SAM transform,
   * an `AWS::` type), for a caller that must tell a broken template from another file.
   */
  | { readonly kind: 'syntax-errors'; readonly findings: readonly Finding[]; readonly looksLikeTemplate: boolean }
  | {
      readonly kind: 'checked';
      /** On the template's text, sorted. */
      readonly findings: readonly Finding[];
      /** How many of these findings had a fix for the generated text, dropped (they do not apply to the template). */
      readonly fixesDropped: number;
      /**
       * The `.awsflow` text the template imports to, its analysis and the map back;
       * `findings`: the analysis's findings the template's `# awsflow-ignore` comments left
       * (on the generated text), for what is drawn from the analysis (the diagram's marks).
       */
      readonly imported: {
        readonly text: string;
        readonly analysis: Analysis;
        readonly sourceMap: SourceMap;
        readonly findings: readonly Finding[];
      };
    };

/**
 * Checks one template's text. An editor keeps an `analyzer` and a `reader` per document,
 * so that the next version re-parses only the template's pieces an edit changed and
 * re-analyses only what changed in the generated text.
 */
export function checkTemplate(
  text: string,
  options: TemplateCheckOptions = {},
  analyzer = new Analyzer(),
  reader?: TemplateReader,
): TemplateCheck {
  const name = options.name ?? 'template';
  const result = importTemplates([{ name, text }], name, {
    ...(reader ? { read: (template: string) => reader.read(template) } : {}),
    templateLines: false,
  });
  if (result.kind === 'not-a-template') return { kind: 'not-a-template' };
  if (result.kind === 'syntax-errors')
    return { kind: 'syntax-errors', findings: templateSyntaxFindings(result.problems), looksLikeTemplate: result.looksLikeTemplate };
  const analysis = analyzer.analyze(result.text, options);
  const locator = new TemplateLocator(result.text, result.sourceMap);
  const moved: Finding[] = [];
  /** Each finding moved onto the template, from the finding of the generated text it was. */
  const generatedOf = new Map<Finding, Finding>();
  const seen = new Set<string>();
  const fixed = new Set<string>();
  for (const finding of analysis.findings) {
    // The generated text has no suppression comments of its own: those are the template's.
    if (finding.ruleId.startsWith('suppression/')) continue;
    const at = locator.locate(finding);
    const key = `${at.start}:${at.end}:${finding.ruleId}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const related: RelatedInformation[] = [];
    for (const information of finding.related) {
      const range = locator.locate(information);
      related.push({ start: range.start, end: range.end, message: information.message });
    }
    const { fix, ...rest } = finding;
    if (fix) fixed.add(key);
    const placed = { ...rest, start: at.start, end: at.end, suggestions: [], related };
    moved.push(placed);
    generatedOf.set(placed, finding);
  }
  // A key repeated in the template: read as the first, and an error, as in an .awsflow file.
  moved.push(...templateSyntaxFindings(result.duplicateKeys.map((duplicate) => duplicate.problem)));
  const findings = suppressFindings(moved, text, options);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const fixesDropped = findings.filter((f) => fixed.has(`${f.start}:${f.end}:${f.ruleId}:${f.message}`)).length;
  // suppressFindings keeps the findings it lets through as they are: the kept ones map back.
  const kept = findings.flatMap((finding) => generatedOf.get(finding) ?? []);
  return {
    kind: 'checked',
    findings,
    fixesDropped,
    imported: { text: result.text, analysis, sourceMap: result.sourceMap, findings: kept },
  };
}

/** A template's YAML or JSON errors as findings, the way `check` reports a file's; too large, `syntax/limits`. */
export function templateSyntaxFindings(problems: readonly TemplateProblem[]): Finding[] {
  return problems.map((problem) => ({
    start: problem.start,
    end: problem.end,
    ruleId: problem.code === 'TOO_LARGE' ? 'syntax/limits' : 'syntax/yaml',
    severity: 'error',
    message: problem.message,
    messageId: problem.code === 'TOO_LARGE' ? 'limit' : 'syntax',
    suggestions: [],
    related: [],
  }));
}

/**
 * Where a range of the generated text came from in the template. Values are written in
 * order and never nest (a map's entries are recorded, not the map), so one binary search
 * finds the value at an offset.
 */
export class TemplateLocator {
  private readonly flowsStart: number;

  constructor(
    private readonly generated: string,
    private readonly sourceMap: SourceMap,
  ) {
    this.flowsStart = sourceMap.flows[0]?.generated.start ?? generated.length;
  }

  /** The template range for a generated range; the start of the template when nothing states it. */
  locate(range: OffsetRange): OffsetRange {
    // In a flow entry (`- A -> B: { batchSize: 10 }`) only a property's own key stands for
    // its value; the ids and the arrow stand for what states the flow.
    const value = this.valueAt(range, range.start >= this.flowsStart);
    if (value) return value;
    if (range.start >= this.flowsStart) {
      const flow = this.last(this.sourceMap.flows, range.start);
      if (flow && range.start < flow.generated.end) return plain(flow.source);
    }
    const resource = this.last(this.sourceMap.resources, range.start);
    if (resource && resource.generated.start < this.flowsStart && range.start < this.flowsStart) return plain(resource.source);
    return { start: 0, end: 0 };
  }

  /** The resource a generated range belongs to (its logical id), for a diagram's click-to-source. */
  resourceSource(id: string): OffsetRange | undefined {
    const resource = this.sourceMap.resources.find((entry) => entry.id === id);
    return resource ? plain(resource.source) : undefined;
  }

  /**
   * A value containing the range, or a value on the same line (a finding on its key, or on
   * its key and value). `keyOnly`: only when the range ends with the value's own key.
   */
  private valueAt(range: OffsetRange, keyOnly: boolean): OffsetRange | undefined {
    const values = this.sourceMap.values;
    const index = this.lastIndex(values, range.start);
    const candidate = values[index];
    if (candidate && range.start < candidate.generated.end && range.end <= candidate.generated.end) return plain(candidate.source);
    const lineEnd = this.lineEnd(range.start);
    if (range.end > lineEnd) return undefined;
    const next = values[index + 1];
    if (!next || next.generated.start < range.start || next.generated.end > lineEnd) return undefined;
    if (keyOnly && !KEY_BEFORE_VALUE.test(this.generated.slice(range.end, next.generated.start))) return undefined;
    return plain(next.source);
  }

  private lineEnd(offset: number): number {
    const end = this.generated.indexOf('\n', offset);
    return end === -1 ? this.generated.length : end;
  }

  /** The last entry whose generated range starts at or before `offset`. */
  private last<T extends { readonly generated: OffsetRange }>(entries: readonly T[], offset: number): T | undefined {
    return entries[this.lastIndex(entries, offset)];
  }

  /** The index of that entry; -1 when every entry starts after `offset`. */
  private lastIndex(entries: readonly { readonly generated: OffsetRange }[], offset: number): number {
    let low = 0;
    let high = entries.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (entries[middle]!.generated.start <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
}

/** What lies between a key and its value: `: ` (the key's closing quote when it is quoted). */
const KEY_BEFORE_VALUE = /^["']?\s*:\s*$/;

function plain(range: OffsetRange): OffsetRange {
  return { start: range.start, end: range.end };
}
