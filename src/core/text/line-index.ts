/**
 * Offsets inside, positions at the edge: the core works on [start, end) offsets into
 * the document text (JavaScript string indices, which are UTF-16 code units, as LSP
 * wants). This is the one module that turns them into 0-based line/character
 * positions. The CLI adds 1 to both in its formatter and nowhere else.
 */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset in the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  /** Offset at which each line starts; always begins with 0. */
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * The position of an offset, always one a client can use: clamped into the text, and
   * never between the CR and LF of a line break or between the two halves of a
   * surrogate pair (an emoji): such an offset moves back to the boundary before it.
   */
  positionAt(offset: number): Position {
    const clamped = this.snap(offset, -1);
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line]! };
  }

  /**
   * The offset of a position: a line before the first or after the last means the start
   * or the end of the text; a character past the end of its line means the end of the
   * line, before its line break (as LSP says); never inside a surrogate pair.
   */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line]!;
    const lineEnd = this.contentEnd(position.line);
    return this.snap(Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), lineEnd)), -1);
  }

  /**
   * Every range the core hands out goes through here: both ends clamped and snapped (see
   * `positionAt`). The start moves back and the end forward out of a surrogate pair, so
   * the range still holds the whole character; an end between CR and LF moves back to
   * the end of its line. The end is never before the start.
   */
  rangeOf(range: OffsetRange): Range {
    const start = this.snap(range.start, -1);
    const end = Math.max(start, this.snap(Math.max(range.start, range.end), 1));
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /**
   * A range kept on the line of `offset` (an edit range a completion item may use: VS Code
   * drops items whose range spans lines or does not hold the cursor): cut to that line's
   * text, and stretched to hold `offset`.
   */
  rangeOnLineOf(range: OffsetRange, offset: number): Range {
    const at = this.snap(offset, -1);
    const line = this.lineOf(at);
    const lineStart = this.lineStarts[line]!;
    const lineEnd = this.contentEnd(line);
    const start = Math.min(at, Math.max(lineStart, Math.min(range.start, lineEnd)));
    const end = Math.max(at, Math.min(lineEnd, Math.max(range.end, lineStart)));
    return this.rangeOf({ start, end });
  }

  /** `offset` clamped into the text and moved out of a CRLF pair or a surrogate pair: back (-1) or forward (1). */
  private snap(offset: number, direction: -1 | 1): number {
    let at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, this.text.length));
    if (at > 0 && at < this.text.length) {
      const before = this.text.charCodeAt(at - 1);
      const after = this.text.charCodeAt(at);
      if (before === 13 && after === 10)
        at--; // CR|LF: the line's content ends before the CR
      else if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) at += direction === -1 ? -1 : 1;
    }
    return at;
  }

  /** The line holding a (clamped) offset. */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Where a line's text ends, before its line break. */
  private contentEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1; // the LF, or a lone CR
    if (this.text.charCodeAt(end) === 10 && end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Start offset of the line holding `offset`. */
  lineStartOf(offset: number): number {
    return this.lineStarts[this.lineOf(Math.max(0, Math.min(offset, this.text.length)))]!;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }
}
