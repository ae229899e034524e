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
