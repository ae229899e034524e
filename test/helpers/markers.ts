/**
 * Range markers in fixture text: «…» marks a span an expected finding must cover
 * exactly. `strip` returns the text without markers and the marked ranges in order.
 */
export interface MarkedRange {
  start: number;
  end: number;
}

export function strip(marked: string): { text: string; ranges: MarkedRange[] } {
  let text = '';
  const ranges: MarkedRange[] = [];
  const open: number[] = [];
  for (const char of marked) {
    if (char === '«') open.push(text.length);
    else if (char === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error('unbalanced » in fixture');
      ranges.push({ start, end: text.length });
    } else text += char;
  }
  if (open.length) throw new Error('unbalanced « in fixture');
  return { text, ranges: ranges.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** A cursor marker `‸` in fixture text: returns the text without it and its offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  if (offset === -1 || marked.indexOf('‸', offset + 1) !== -1) throw new Error('exactly one ‸ in fixture');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
