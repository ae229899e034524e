/**
 * Where an unclosed `{`, `[` or quote was opened. The `yaml` library notices a flow
 * collection or a quoted scalar that never ends only where it gives up — the next
 * less-indented key, or the end of the text — which may be many lines below the
 * mistake. The user needs to see the line that opens it: this finds that opener by
 * reading the text up to where `yaml` gave up.
 */
import type { SyntaxProblem } from './chunks';

export type Opener = '{' | '[' | '"' | "'";

const CLOSERS: Readonly<Record<'{' | '[', string>> = { '{': '}', '[': ']' };

/** The `yaml` errors that report an unclosed opener far from it, and which opener each one means. */
export function openerOf(code: string, message: string): Opener | undefined {
  if (code === 'BAD_INDENT' && message.startsWith('Flow map in block collection')) return '{';
  if (code === 'BAD_INDENT' && message.startsWith('Flow sequence in block collection')) return '[';
  if (code === 'MISSING_CHAR' && message.startsWith('Missing closing "quote')) return '"';
  if (code === 'MISSING_CHAR' && message.startsWith("Missing closing 'quote")) return "'";
  return undefined;
}

function isBlank(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/**
 * The offset of the innermost `opener` still open at `before`, reading `text` from its
 * start as YAML does: comments, quoted scalars (with their escapes), and brackets and
 * quotes only where a value starts (in a plain scalar such as `see [docs]` or `it's` they
 * are ordinary characters). A closer that does not match the innermost opener is taken
 * as a typo and does not close anything. Undefined when nothing of that kind is open.
 */
export function unclosedOpener(text: string, before: number, opener: Opener): number | undefined {
  const open: { readonly char: '{' | '['; readonly at: number }[] = [];
  let quote: { readonly char: '"' | "'"; readonly at: number } | undefined;
  /** At the start of a value: a bracket or quote here opens something. */
  let valueStart = true;
  const end = Math.min(before, text.length);
  for (let i = 0; i < end; i++) {
    const char = text[i]!;
    if (quote) {
      if (quote.char === '"' && char === '\\') i++;
      else if (char === quote.char) {
        if (char === "'" && text[i + 1] === "'") i++;
        else {
          quote = undefined;
          valueStart = false;
        }
      }
      continue;
    }
    if (char === '\n' || char === '\r') {
      valueStart = true;
      continue;
    }
    if (char === ' ' || char === '\t') continue;
    if (char === '#' && (i === 0 || isBlank(text[i - 1]))) {
      while (i + 1 < end && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      continue;
    }
    const inFlow = open.length > 0;
    if ((char === '"' || char === "'") && valueStart) {
      quote = { char, at: i };
      continue;
    }
    if ((char === '{' || char === '[') && (valueStart || inFlow)) {
      open.push({ char, at: i });
      valueStart = true;
      continue;
    }
    if ((char === '}' || char === ']') && inFlow) {
      if (CLOSERS[open[open.length - 1]!.char] === char) open.pop();
      valueStart = false;
      continue;
    }
    if (char === ',' && inFlow) {
      valueStart = true;
      continue;
    }
    // `key: value`, `- item`, `? key`: an indicator followed by a blank; in a flow collection (`{a:[b]}`) a colon needs none.
    valueStart = ((char === ':' || char === '-' || char === '?') && isBlank(text[i + 1])) || (char === ':' && inFlow);
  }
  if (opener === '"' || opener === "'") return quote?.char === opener ? quote.at : undefined;
  for (let k = open.length - 1; k >= 0; k--) if (open[k]!.char === opener) return open[k]!.at;
  return undefined;
}

const MESSAGES: Readonly<Record<Opener, string>> = {
  '{': 'This `{` is never closed: end the mapping with `}` (on this line, or on a line indented under it)',
  '[': 'This `[` is never closed: end the list with `]` (on this line, or on a line indented under it)',
  '"': 'This `"` is never closed: end the string with `"`',
  "'": "This `'` is never closed: end the string with `'`",
};

/**
 * `yaml`'s problems with each unclosed opener moved to the opener: the range runs from
 * it to the end of its line (without trailing blanks), and several problems about the
 * same opener become one. Others are left as they are.
 */
export function placeUnclosed(text: string, problems: readonly SyntaxProblem[]): SyntaxProblem[] {
  const placed: SyntaxProblem[] = [];
  const seen = new Set<number>();
  for (const problem of problems) {
    const opener = openerOf(problem.code, problem.message);
    const at = opener === undefined ? undefined : unclosedOpener(text, problem.start, opener);
    if (opener === undefined || at === undefined) {
      placed.push(problem);
      continue;
    }
    if (seen.has(at)) continue;
    seen.add(at);
    let end = at + 1;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    while (end > at + 1 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    placed.push({ start: at, end, code: problem.code, message: MESSAGES[opener] });
  }
  return placed;
}
