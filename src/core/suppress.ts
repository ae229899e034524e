/**
 * Suppression comments and severities, resolved in one place so the CLI and the editor
 * agree. Precedence, lowest first: the rule's default, the editor's `awsflow.rules`
 * setting, the file's `rules:` section, then `# awsflow-ignore` comments.
 */
import type { Model } from './model/model';
import { SEVERITY_SETTINGS, type SeveritySetting } from './rules/types';

export interface IgnoreComment {
  /** The comment's line (0-based). */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly ruleIds: readonly { readonly id: string; readonly start: number; readonly end: number }[];
  readonly reason: string;
}

const IGNORE = /(^|[ \t])#[ \t]*awsflow-ignore\b([^\r\n]*)/g;

/**
 * Every `# awsflow-ignore <ids> -- <reason>` comment, with the range of each id. A `#`
 * inside a quoted value (`label: "step # awsflow-ignore"`, a JSON template's string) is
 * text, not a comment.
 */
export function findIgnoreComments(text: string): IgnoreComment[] {
  const comments: IgnoreComment[] = [];
  if (!text.includes('awsflow-ignore')) return comments;
  let line = 0;
  let lineStart = 0;
  IGNORE.lastIndex = 0;
  for (let match = IGNORE.exec(text); match; match = IGNORE.exec(text)) {
    const commentStart = match.index + match[1]!.length;
    while (true) {
      const next = text.indexOf('\n', lineStart);
      if (next === -1 || next >= commentStart) break;
      line++;
      lineStart = next + 1;
    }
    if (insideQuotes(text, lineStart, commentStart)) continue;
    const body = match[2]!;
    const bodyStart = match.index + match[0].length - body.length;
    const separator = body.indexOf('--');
    const idsText = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? '' : body.slice(separator + 2).trim();
    const ruleIds: { id: string; start: number; end: number }[] = [];
    const idPattern = /[^\s,]+/g;
    for (let id = idPattern.exec(idsText); id; id = idPattern.exec(idsText)) {
      ruleIds.push({ id: id[0], start: bodyStart + id.index, end: bodyStart + id.index + id[0].length });
    }
    comments.push({ line, start: commentStart, end: match.index + match[0].length, ruleIds, reason });
  }
  return comments;
}

/**
 * Whether `offset` is inside a quoted scalar that starts on its line. A quote opens a
 * scalar only where a token starts (after the indentation, `- `, `? `, `: `, `[`, `{` or
 * `,`): the apostrophe of `label: it's` is text. Quoted scalars that span lines are rare
 * in architectures and templates alike, and are not followed.
 */
function insideQuotes(text: string, lineStart: number, offset: number): boolean {
  let tokenStart = true;
  for (let i = lineStart; i < offset; i++) {
    const char = text[i]!;
    if ((char === '"' || char === "'") && tokenStart) {
      const close = closingQuote(text, i, char);
      if (close === -1 || close >= offset) return true;
      i = close;
      tokenStart = false;
      continue;
    }
    if (char === ' ' || char === '\t') {
      const previous = text[i - 1];
      if (i === lineStart || previous === ' ' || previous === '\t') continue; // still indentation or spacing
      tokenStart = previous === '-' || previous === '?' || previous === ':' || previous === ',' || tokenStart;
      continue;
    }
    tokenStart = char === '[' || char === '{' || char === ',';
  }
  return false;
}

/** The offset of the quote closing the scalar opened at `open`, on the same line; -1 if none. */
function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n' || char === '\r') return -1;
    if (quote === '"' && char === '\\') {
      i++;
      continue;
    }
    if (char !== quote) continue;
    if (quote === "'" && text[i + 1] === "'") {
      i++; // '' is an escaped quote
      continue;
    }
    return i;
  }
  return -1;
}

export type SeverityOverrides = Readonly<Record<string, SeveritySetting>>;

/** The file's `rules:` section as overrides (unknown severities are left to the schema). */
export function fileSeverities(model: Model): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const setting of model.ruleSettings) {
    if ((SEVERITY_SETTINGS as readonly string[]).includes(setting.severity)) out[setting.ruleId] = setting.severity as SeveritySetting;
  }
  return out;
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}
