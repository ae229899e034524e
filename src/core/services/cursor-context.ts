/**
 * Where the cursor is in a half-typed `.awsflow` document: one scanner for completion,
 * hover and whatever else needs a position's context when the YAML tree does not reach
 * it (an unfinished line is a YAML error, so the tree rarely covers the cursor while the
 * user types).
 *
 * It reads the text, not the tree: the indentation and `- ` markers of the lines above
 * give the block path; a character scanner over the cursor's logical line (which may
 * start lines above, at a `{` or `[` still open) gives the block key, open quotes, the
 * flow collections still open and their entries. YAML's rules, as the scanner applies
 * them:
 * - `#` starts a comment only at the start of the content or after a space or tab, and
 *   never inside a quoted scalar (`"a # b"` is text; `a#b` is text).
 * - A `:` separates a key from its value when a space, a tab or the end of the line
 *   follows; inside `{ … }` also `,` `}` `]`, or anything after a quoted key (`{"a":1}`).
 * - Brackets inside a plain scalar (`see [docs]`) are text, not a collection.
 * - The body of a block scalar (`key: |` or `key: >-`, more indented than its key) is
 *   text, never keys: the context there is `block-scalar`.
 * - A document marker (`---`, `...`) at column 0 ends the block path: what is above it
 *   belongs to another document.
 * - Indentation is spaces only (YAML forbids tabs there).
 * - Lines end at `\n`, `\r\n` or a lone `\r`; a cursor between `\r` and `\n` is at the
 *   end of its line.
 * - Offsets are UTF-16 code units (JavaScript string indexes), as LSP positions count:
 *   characters outside the BMP before the cursor count as two.
 *
 * Who asks: completion (always: the cursor is where the text is half-typed) and hover
 * (where the tree does not reach, and for `# awsflow-ignore` comments). Inlay hints and
 * code actions ask about a range, not a cursor: they walk the tree and the findings over
 * it, so they have no text scanning of their own to share (and none should be added: a
 * new "where am I" question about raw text belongs here).
 */
import { isResourceType, type ResourceType } from '../model/properties';

// ---------------------------------------------------------------------------------------
// The text: lines and what each line says.

/**
 * A document's lines, read once per version: keep one per text (completion is asked
 * again and again on one version while the user picks) and pass it to `cursorContext`.
 */
export class YamlText {
  readonly starts: number[] = [];
  /** End of each line's content, before its line break. */
  readonly ends: number[] = [];
  readonly eol: string;
  private readonly shapes = new Map<number, LineShape>();
  /** Per line: the indentation its block scalar's body must exceed, -1 outside one (see `blockScalarIndent`). */
  private bodies: Int32Array | undefined;

  constructor(readonly text: string) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.starts.push(start);
        this.ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
    this.starts.push(start);
    this.ends.push(text.length);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** What a line says; a line of a block scalar's body says nothing (it is text, not keys). */
  shape(line: number): LineShape {
    let shape = this.shapes.get(line);
    if (!shape) {
      shape =
        this.blockScalarIndent(line) >= 0 ? bodyLine(this.glance(line) >> 2) : readLine(this.text, this.starts[line]!, this.ends[line]!);
      this.shapes.set(line, shape);
    }
    return shape;
  }

  /**
   * When a line may be in the body of a block scalar (`key: |`, `- >-`), the indentation
   * its content must exceed to be in it; -1 otherwise. Blank lines after a header count as
   * body: whether they are depends on the column the cursor is at (see `locate`).
   */
  blockScalarIndent(line: number): number {
    return (this.bodies ??= this.findBlockScalars())[line]!;
  }

  /** One pass over the lines: a header's following lines that are blank or more indented than its node are its body. */
  private findBlockScalars(): Int32Array {
    const { text } = this;
    const bodies = new Int32Array(this.lineCount).fill(-1);
    let bodyIndent = -1;
    for (let line = 0; line < this.lineCount; line++) {
      const start = this.starts[line]!;
      const end = this.ends[line]!;
      let p = start;
      while (p < end && text.charCodeAt(p) === 32) p++;
      if (bodyIndent >= 0) {
        if (p === end || p - start > bodyIndent) {
          bodies[line] = bodyIndent;
          continue;
        }
        bodyIndent = -1;
      }
      // Cheap test first: a header has a `|` or `>` (a flow's `->` too, which readLine rules out).
      let candidate = false;
      for (let i = p; i < end && !candidate; i++) {
        const c = text.charCodeAt(i);
        candidate = c === 124 || c === 62;
      }
      if (!candidate) continue;
      const shape = readLine(text, start, end);
      this.shapes.set(line, shape);
      if (shape.blockScalar) bodyIndent = shape.key !== undefined ? shape.contentCol : shape.dashes[shape.dashes.length - 1]!;
    }
    return bodies;
  }

  /**
   * A line's indentation, whether it is empty or a comment, and whether it holds a
   * bracket: enough to pass over most lines without reading them whole (large files).
   * Packed in one number (indent × 4 + empty + 2 × brackets): it runs on every line.
   */
  glance(line: number): number {
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    let p = start;
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    let brackets = 0;
    for (let i = p; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 123 || c === 125 || c === 91 || c === 93) {
        brackets = 2;
        break;
      }
    }
    const empty = p === end || this.text.charCodeAt(p) === 35 || this.blockScalarIndent(line) >= 0;
    return (p - start) * 4 + (empty ? 1 : 0) + (empty ? 0 : brackets);
  }

  /** The indentation step the file uses (the smallest indentation of any line), 2 when none. */
  indentUnit(): string {
    let unit = 0;
    for (let line = 0; line < Math.min(this.lineCount, 2000); line++) {
      const glance = this.glance(line);
      const indent = glance >> 2;
      if ((glance & 1) === 0 && indent > 0 && (unit === 0 || indent < unit)) unit = indent;
    }
    return ' '.repeat(unit === 0 || unit > 8 ? 2 : unit);
  }
}

export interface LineShape {
  /** Nothing but spaces, a comment, or a document marker. */
  readonly blank: boolean;
  readonly indent: number;
  /** Columns of the `- ` markers that open sequence items on this line. */
  readonly dashes: readonly number[];
  /** Column of the content after the indentation and the markers. */
  readonly contentCol: number;
  /** The block key (`key:`), outside quotes and brackets. */
  readonly key: string | undefined;
  /** What follows the key's colon, trimmed, without a comment. */
  readonly value: string;
  /** `{` and `[` opened minus closed on this line (a line inside a multi-line flow collection has a balance). */
  readonly net: number;
  /** `---` or `...` at column 0: the end of a document, where no path goes through. */
  readonly marker: boolean;
  /** The line opens a block scalar (`key: |`, `- >-`, `key: |2 # comment`): the lines below more indented are its text. */
  readonly blockScalar: boolean;
}

/** A line of a block scalar's body: text, not keys. */
function bodyLine(indent: number): LineShape {
  return { blank: true, indent, dashes: [], contentCol: indent, key: undefined, value: '', net: 0, marker: false, blockScalar: false };
}

const BLOCK_SCALAR_HEADER = /^[|>][-+1-9]{0,2}$/;

function readLine(text: string, start: number, end: number): LineShape {
  let p = start;
  while (p < end && text[p] === ' ') p++;
  const indent = p - start;
  const dashes: number[] = [];
  while (p < end && text[p] === '-' && (p + 1 === end || text[p + 1] === ' ' || text[p + 1] === '\t')) {
    dashes.push(p - start);
    p++;
    while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
  }
  const rest = text.slice(p, end);
  const isMarker = /^(---|\.\.\.)(\s|$)/.test(rest);
  const blank = dashes.length === 0 && (rest.trim() === '' || rest.startsWith('#') || isMarker);
  const scan = scanContent(text, p, end);
  const key = scan.blockKey?.text;
  const valueEnd = scan.commentStart >= 0 ? scan.commentStart : end;
  const value = scan.blockKey ? text.slice(scan.blockKey.colon + 1, valueEnd).trim() : '';
  const node = scan.blockKey ? value : dashes.length > 0 ? text.slice(p, valueEnd).trim() : '';
  return {
    blank,
    indent,
    dashes,
    contentCol: p - start,
    key,
    value,
    net: scan.net,
    marker: isMarker && indent === 0,
    blockScalar: BLOCK_SCALAR_HEADER.test(node),
  };
}

// ---------------------------------------------------------------------------------------
// A character scanner for one logical line: block key, quotes, comments and open flow collections.

interface Frame {
  readonly open: '{' | '[';
  readonly start: number;
  /** Entries of a `{ … }` read so far: key -> value text. */
  readonly entries: Map<string, string>;
  /** The key of the entry being read, once its colon is seen. */
  key: string | undefined;
  /** Where the current key, value or item starts; -1 while only spaces were seen. */
  tokenStart: number;
}

interface Scan {
  readonly frames: Frame[];
  blockKey: { readonly text: string; readonly colon: number } | undefined;
  /** Start of the current token at block level (-1: none yet). */
  tokenStart: number;
  /** An open quote at the end of the scan. */
  quote: { readonly char: string; readonly start: number } | undefined;
  /** Start of a comment open at the end of the scan, or of the line's comment; -1 when none. */
  commentStart: number;
  net: number;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

function scanContent(text: string, from: number, to: number): Scan {
  const scan: Scan = { frames: [], blockKey: undefined, tokenStart: -1, quote: undefined, commentStart: -1, net: 0 };
  // Brackets inside a plain scalar (`see [docs]`) belong to the scalar, not to a collection.
  let plainDepth = 0;
  const top = (): Frame | undefined => scan.frames[scan.frames.length - 1];
  const tokenStart = (): number => top()?.tokenStart ?? scan.tokenStart;
  const setTokenStart = (at: number): void => {
    const frame = top();
    if (frame) frame.tokenStart = at;
    else scan.tokenStart = at;
  };
  const isSeparatorColon = (i: number): boolean => {
    const next = text[i + 1];
    if (i + 1 >= to || isSpace(next)) return true;
    if (scan.frames.length === 0) return false;
    if (next === ',' || next === '}' || next === ']') return true;
    // `{"key":value}`: after a quoted key the colon needs no space.
    const prev = text[i - 1];
    return (prev === '"' || prev === "'") && tokenStart() >= 0 && (text[tokenStart()] === '"' || text[tokenStart()] === "'");
  };
  const finishEntry = (frame: Frame, at: number): void => {
    if (frame.open !== '{') return;
    if (frame.key !== undefined) frame.entries.set(frame.key, frame.tokenStart >= 0 ? text.slice(frame.tokenStart, at).trim() : '');
    else if (frame.tokenStart >= 0) frame.entries.set(unquote(text.slice(frame.tokenStart, at).trim()), '');
  };

  let i = from;
  while (i < to) {
    const char = text[i]!;
    if (scan.quote) {
      if (scan.quote.char === '"' && char === '\\') {
        i += 2;
        continue;
      }
      if (char === scan.quote.char) {
        if (char === "'" && text[i + 1] === "'") {
          i += 2;
          continue;
        }
        scan.quote = undefined;
      }
      i++;
      continue;
    }
    if (char === '#' && (i === from || isSpace(text[i - 1]))) {
      let eol = i;
      while (eol < text.length && text[eol] !== '\n' && text[eol] !== '\r') eol++;
      scan.commentStart = i;
      if (eol >= to) break;
      i = eol;
      continue;
    }
    if ((char === '"' || char === "'") && tokenStart() === -1) {
      setTokenStart(i);
      scan.quote = { char, start: i };
      i++;
      continue;
    }
    if ((char === '{' || char === '[') && tokenStart() === -1) {
      scan.frames.push({ open: char, start: i, entries: new Map(), key: undefined, tokenStart: -1 });
      scan.net++;
      i++;
      continue;
    }
    if (char === '}' || char === ']') {
      const frame = top();
      if (frame) {
        finishEntry(frame, i);
        scan.frames.pop();
        // The closed collection is the parent's value.
        setTokenStart(frame.start);
        scan.net--;
      } else if (plainDepth > 0) {
        plainDepth--;
      } else {
        scan.net--;
      }
      i++;
      continue;
    }
    const frame = top();
    if (frame) {
      if (char === ',') {
        finishEntry(frame, i);
        frame.key = undefined;
        frame.tokenStart = -1;
      } else if (char === ':' && frame.open === '{' && frame.key === undefined && isSeparatorColon(i)) {
        frame.key = frame.tokenStart >= 0 ? unquote(text.slice(frame.tokenStart, i).trim()) : '';
        frame.tokenStart = -1;
      } else if (!isSpace(char) && frame.tokenStart === -1) {
        frame.tokenStart = i;
      }
      i++;
      continue;
    }
    if (char === ':' && !scan.blockKey && isSeparatorColon(i)) {
      scan.blockKey = { text: scan.tokenStart >= 0 ? unquote(text.slice(scan.tokenStart, i).trim()) : '', colon: i };
      scan.tokenStart = -1;
      plainDepth = 0;
    } else if (!isSpace(char)) {
      if (scan.tokenStart === -1) scan.tokenStart = i;
      else if (char === '{' || char === '[') plainDepth++;
    }
    i++;
  }
  return scan;
}

export function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

// ---------------------------------------------------------------------------------------
// Where the cursor is.

/** One step of the path from the root to the cursor: a map key, or (null) a sequence item. */
export interface Segment {
  readonly key: string | null;
  /** The entries of the map holding this key (key -> value text). */
  readonly entries: () => ReadonlyMap<string, string>;
}

export interface CursorPlace {
  readonly kind: 'key' | 'value';
  readonly path: readonly Segment[];
  /** Where the word typed so far starts. */
  readonly partialStart: number;
  /** Where the value or item being typed starts (its opening quote excluded). */
  readonly valueStart: number;
  /** `key:‸` or `-‸`: the inserted text needs a space first. */
  readonly needsSpace: boolean;
  /** Inside an open quote. */
  readonly quoted: boolean;
  /** Inside a `{ … }` or `[ … ]`, where inserted text must stay on one line. */
  readonly inFlow: boolean;
  /** For a key: the other keys of the map the cursor is in. */
  readonly entries: () => ReadonlyMap<string, string>;
  /** Column of the key or item at the cursor, and that line's indentation as text. */
  readonly column: number;
  readonly indent: string;
  /** The cursor. */
  readonly offset: number;
}

interface CommentPlace {
  readonly kind: 'comment';
  readonly start: number;
}

interface BlockScalarPlace {
  readonly kind: 'block-scalar';
  /** The line of the `key: |` header. */
  readonly headerLine: number;
}

export const NO_ENTRIES: ReadonlyMap<string, string> = new Map();

function locate(doc: YamlText, offset: number): CursorPlace | CommentPlace | BlockScalarPlace {
  const { text } = doc;
  const cursorLine = doc.lineAt(offset);
  const lineStart = doc.starts[cursorLine]!;
  const bodyIndent = doc.blockScalarIndent(cursorLine);
  if (bodyIndent >= 0) {
    // A blank line is the scalar's text only where the cursor is further in than its key.
    const blank = text.slice(lineStart, doc.ends[cursorLine]).trim() === '';
    if (!blank || offset - lineStart > bodyIndent) {
      let headerLine = cursorLine;
      while (headerLine > 0 && doc.blockScalarIndent(headerLine) >= 0) headerLine--;
      return { kind: 'block-scalar', headerLine };
    }
  }
  const logicalLine = findLogicalLine(doc, cursorLine, offset);
  const start = doc.starts[logicalLine]!;

  let p = start;
  while (p < offset && text[p] === ' ') p++;
  const indent = p - start;
  const dashes: number[] = [];
  let needsSpace = false;
  while (p < offset && text[p] === '-' && (p + 1 === offset || text[p + 1] === ' ' || text[p + 1] === '\t')) {
    dashes.push(p - start);
    if (p + 1 === offset) needsSpace = true;
    p++;
    while (p < offset && (text[p] === ' ' || text[p] === '\t')) p++;
  }
  const scan = scanContent(text, p, offset);
  if (scan.commentStart >= 0) return { kind: 'comment', start: scan.commentStart };

  const onCursorLine = logicalLine === cursorLine;
  const blankSoFar = onCursorLine && dashes.length === 0 && p === offset;
  const column = blankSoFar ? offset - lineStart : p - start;
  const path = ancestors(doc, logicalLine, dashes.length > 0 ? dashes[0]! : column, dashes.length > 0);
  for (let d = 0; d < dashes.length; d++) path.push({ key: null, entries: () => NO_ENTRIES });
  if (scan.blockKey) path.push({ key: scan.blockKey.text, entries: memo(() => blockEntries(doc, logicalLine, column, -1)) });

  const frames = scan.frames;
  let kind: CursorPlace['kind'];
  let entries: () => ReadonlyMap<string, string> = () => NO_ENTRIES;
  const innermost = frames[frames.length - 1];
  const after = memo(() => keysAfter(text, offset, frames.length, indent));
  frames.forEach((frame, index) => {
    const level = frames.length - 1 - index;
    const frameEntries = memo(() => {
      const all = new Map(frame.entries);
      for (const key of after()[level] ?? []) if (!all.has(key)) all.set(key, '');
      return all as ReadonlyMap<string, string>;
    });
    if (frame.open === '[') path.push({ key: null, entries: () => NO_ENTRIES });
    else if (frame.key !== undefined) path.push({ key: frame.key, entries: frameEntries });
    // The innermost map without a key yet is where a key is being typed.
    else if (frame === innermost) entries = frameEntries;
    else path.push({ key: '', entries: frameEntries });
  });
  if (innermost) {
    kind = innermost.open === '{' && innermost.key === undefined ? 'key' : 'value';
  } else if (scan.blockKey || dashes.length > 0) {
    kind = 'value';
  } else {
    kind = 'key';
    entries = memo(() => blockEntries(doc, cursorLine, column, cursorLine));
  }

  const token = innermost ? innermost.tokenStart : scan.tokenStart;
  let partialStart = token >= 0 ? token : offset;
  let valueStart = partialStart;
  if (scan.quote) {
    partialStart = scan.quote.start + 1;
    valueStart = partialStart;
  }
  if (kind === 'value' && token === -1 && !scan.quote && text[offset - 1] === ':') needsSpace = true;
  return {
    kind,
    path,
    partialStart,
    valueStart,
    needsSpace,
    quoted: scan.quote !== undefined,
    inFlow: frames.length > 0,
    entries,
    column,
    indent: ' '.repeat(onCursorLine ? Math.min(column, offset - lineStart) : indent),
    offset,
  };
}

export function memo<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/**
 * The line where the cursor's logical line starts: the cursor's own line, or the line
 * that opened a `{` or `[` still open at the cursor.
 */
function findLogicalLine(doc: YamlText, cursorLine: number, offset: number): number {
  const start = doc.starts[cursorLine]!;
  const prefix = scanContent(doc.text, start, offset);
  let balance = prefix.net;
  if (balance > 0) return cursorLine;
  let textStart = start;
  while (textStart < offset && doc.text[textStart] === ' ') textStart++;
  const cursorIndent = textStart - start;
  for (let line = cursorLine - 1; line >= Math.max(0, cursorLine - 200); line--) {
    const shape = doc.shape(line);
    if (shape.marker) break;
    if (shape.blank) continue;
    balance += shape.net;
    if (balance > 0) return line;
    // A block line less indented than the cursor, with every bracket closed, is its parent.
    if (balance === 0 && shape.indent < cursorIndent) return cursorLine;
    if (balance === 0 && shape.indent === 0) return cursorLine;
  }
  return cursorLine;
}

/** The keys and items above a line, from the root: the lines less indented than it, walking up. */
function ancestors(doc: YamlText, line: number, column: number, isItem: boolean): Segment[] {
  const reversed: Segment[] = [];
  let target = column;
  let wantsSequenceParent = isItem;
  let debt = 0;
  for (let i = line - 1; i >= 0 && (target > 0 || wantsSequenceParent); i--) {
    const glance = doc.glance(i);
    if (glance & 1) continue;
    const indent = glance >> 2;
    if ((glance & 2) === 0 && (debt < 0 || indent > target || (indent === target && !wantsSequenceParent))) continue;
    const shape = doc.shape(i);
    if (shape.marker) break;
    if (shape.blank) continue;
    // Skip the lines inside a multi-line flow collection that closed above the cursor.
    if (debt < 0) {
      debt += shape.net;
      if (debt < 0) continue;
      debt = 0;
    } else if (shape.net < 0) {
      debt = shape.net;
      continue;
    }
    if (shape.dashes.length === 0) {
      const isParent =
        shape.contentCol < target || (wantsSequenceParent && shape.contentCol === target && shape.key !== undefined && shape.value === '');
      if (!isParent) continue;
      const lineIndex = i;
      const col = shape.contentCol;
      reversed.push({ key: shape.key ?? '', entries: memo(() => blockEntries(doc, lineIndex, col, -1)) });
      target = col;
      wantsSequenceParent = false;
      continue;
    }
    if (shape.contentCol < target) {
      const lineIndex = i;
      const col = shape.contentCol;
      if (shape.key !== undefined) reversed.push({ key: shape.key, entries: memo(() => blockEntries(doc, lineIndex, col, -1)) });
      for (let d = 0; d < shape.dashes.length; d++) reversed.push({ key: null, entries: () => NO_ENTRIES });
      target = shape.dashes[0]!;
      wantsSequenceParent = true;
    } else {
      const outer = shape.dashes.filter((dash) => dash < target);
      if (outer.length === 0) continue;
      for (let d = 0; d < outer.length; d++) reversed.push({ key: null, entries: () => NO_ENTRIES });
      target = outer[0]!;
      wantsSequenceParent = true;
    }
  }
  return reversed.reverse();
}

/** The keys of the block map whose keys sit at `column` around `line` (key -> value text). */
function blockEntries(doc: YamlText, line: number, column: number, excludeLine: number): ReadonlyMap<string, string> {
  const entries = new Map<string, string>();
  const add = (shape: LineShape): void => {
    if (shape.key !== undefined && !entries.has(shape.key)) entries.set(shape.key, unquote(shape.value));
  };
  const passable = (i: number): boolean => {
    const glance = doc.glance(i);
    return (glance & 1) === 1 || glance >> 2 > column;
  };
  for (let i = line - 1; i >= 0; i--) {
    if (passable(i)) continue;
    const shape = doc.shape(i);
    if (shape.marker) break;
    if (shape.blank) continue;
    if (shape.dashes.length > 0 && shape.contentCol === column) {
      add(shape);
      break;
    }
    if ((shape.dashes[0] ?? shape.contentCol) < column) break;
    if (shape.dashes.length === 0 && shape.contentCol === column) add(shape);
  }
  if (line !== excludeLine && line < doc.lineCount) {
    const shape = doc.shape(line);
    if (!shape.blank && shape.contentCol === column) add(shape);
  }
  for (let i = line + 1; i < doc.lineCount; i++) {
    if (passable(i)) continue;
    const shape = doc.shape(i);
    if (shape.marker) break;
    if (shape.blank) continue;
    if ((shape.dashes[0] ?? shape.contentCol) < column) break;
    if (shape.dashes.length === 0 && shape.contentCol === column && i !== excludeLine) add(shape);
  }
  return entries;
}

/**
 * The keys written after the cursor in each flow collection open at the cursor (index 0:
 * the innermost). The entry the cursor is in is skipped: its key is the one being typed.
 */
function keysAfter(text: string, offset: number, levels: number, lineIndent: number): string[][] {
  const result: string[][] = Array.from({ length: levels }, () => []);
  if (levels === 0) return result;
  let level = 0;
  let depth = 0;
  let skipping = true;
  let tokenStart = -1;
  let quote = '';
  const limit = Math.min(text.length, offset + 20_000);
  for (let i = offset; i < limit; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '\n' || char === '\r') {
      // An unclosed `{` must not take in the next block lines.
      let next = i + 1;
      while (next < limit && (text[next] === '\n' || text[next] === '\r')) next++;
      let spaces = 0;
      while (next + spaces < limit && text[next + spaces] === ' ') spaces++;
      if (spaces <= lineIndent) break;
      continue;
    }
    if (char === '#' && isSpace(text[i - 1])) {
      while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
      i--;
      continue;
    }
    if (char === '"' || char === "'") {
      if (tokenStart === -1) tokenStart = i;
      quote = char;
      continue;
    }
    if (char === '{' || char === '[') {
      depth++;
      continue;
    }
    if (char === '}' || char === ']') {
      if (depth > 0) {
        depth--;
        continue;
      }
      level++;
      skipping = true;
      tokenStart = -1;
      if (level >= levels) break;
      continue;
    }
    if (depth > 0) continue;
    if (char === ',') {
      skipping = false;
      tokenStart = -1;
      continue;
    }
    if (char === ':' && !skipping && tokenStart >= 0 && (isSpace(text[i + 1]) || text[i + 1] === ',' || text[i + 1] === '}')) {
      result[level]!.push(unquote(text.slice(tokenStart, i).trim()));
      skipping = true;
      tokenStart = -1;
      continue;
    }
    if (!isSpace(char) && tokenStart === -1) tokenStart = i;
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// The context: what the format says the cursor is on.

/** Top-level sections whose keys are names of the format's own (quotas, types, rule ids). */
export type Section = 'account' | 'defaults' | 'rules';

/** The key path from the root to the cursor: a map key, or `null` for a sequence item. */
export type KeyPath = readonly (string | null)[];

interface Located {
  /** The cursor's place in the text: the word typed so far, quoting, flow style, sibling keys. */
  readonly at: CursorPlace;
  /** The keys from the root to the cursor (for a value, the last one is its key). */
  readonly path: KeyPath;
}

interface InResource extends Located {
  readonly resourceId: string;
  /** The keys of the resource's own map as written in the text (key -> value text). */
  readonly resourceEntries: () => ReadonlyMap<string, string>;
  /** The `type:` written in the resource's map, when it names a known type. */
  readonly writtenType: () => ResourceType | undefined;
}

/**
 * What the cursor is on, read from the text alone (the model may say more: a resource's
 * type when the text around the cursor does not, the flows' connections).
 *
 * - `comment`: after a `#` that starts a comment; `start` is the `#`.
 * - `block-scalar`: in the text of a `key: |` or `key: >` scalar; `headerLine` holds the key.
 * - `top-level-key`, `top-level-value`: a key of the document's root map, or its value (`key`).
 * - `section-key`, `section-value`: in `account:`, `defaults:` or `rules:`; `keys` are the
 *   keys between the section and the cursor (`defaults.sqs` → `['sqs']`), `name` the key
 *   whose value is typed.
 * - `resource-id`: a key right under `resources:` (a resource's id).
 * - `resource-key`: a key inside resource `resourceId`, `parents` the keys between the
 *   resource and the cursor (`[]` for its own properties, `['autoscaling']` nested).
 * - `resource-value`: a value inside resource `resourceId`; `property` is the key path
 *   from the resource's property to the value (`['deadLetter', 'target']`; `null` for a
 *   list item, as in `['volumes', null]`).
 * - `flow-entry`: a key typed right in the `flows:` list (a new entry, no `-` yet typed).
 * - `flow-side`: in a flow string (`a -> b`); `side` is `target` after an arrow.
 * - `connection-key`, `connection-value`: in the properties of a flow entry
 *   (`- a -> b: { batchSize: 10 }`); `flow` is the flow string. A key has `parents`, the
 *   keys between the entry and the cursor (`['filter']` in `filter: { ‸ }`); a value has
 *   `property`, the entry's property it is in, and `nested`, the keys below it
 *   (`['prefix']` in `filter: { prefix: ‸ }`; `null` for a list item, as in `events: [‸]`).
 * - `unknown`: anywhere else (a list under `resources:`, a key the format has no place for).
 */
export type CursorContext =
  | { readonly kind: 'comment'; readonly start: number }
  | { readonly kind: 'block-scalar'; readonly headerLine: number }
  | (Located & { readonly kind: 'top-level-key' })
  | (Located & { readonly kind: 'top-level-value'; readonly key: string })
  | (Located & { readonly kind: 'section-key'; readonly section: Section; readonly keys: KeyPath })
  | (Located & { readonly kind: 'section-value'; readonly section: Section; readonly keys: KeyPath; readonly name: string })
  | (Located & { readonly kind: 'resource-id' })
  | (InResource & { readonly kind: 'resource-key'; readonly parents: KeyPath })
  | (InResource & { readonly kind: 'resource-value'; readonly property: readonly [string, ...(string | null)[]] })
  | (Located & { readonly kind: 'flow-entry' })
  | (Located & { readonly kind: 'flow-side'; readonly side: 'source' | 'target' })
  | (Located & { readonly kind: 'connection-key'; readonly flow: string; readonly parents: KeyPath })
  | (Located & { readonly kind: 'connection-value'; readonly flow: string; readonly property: string; readonly nested: KeyPath })
  | (Located & { readonly kind: 'unknown' });

export type CursorContextKind = CursorContext['kind'];

/**
 * The context at `offset` (UTF-16 code units; clamped into the text, and a cursor between
 * `\r` and `\n` is at the end of its line). `text` may be a `YamlText` kept for the
 * document's version, so that asking again reads no line twice. Never throws.
 */
export function cursorContext(text: string | YamlText, offset: number): CursorContext {
  const doc = typeof text === 'string' ? new YamlText(text) : text;
  const place = locate(doc, clampOffset(doc, offset));
  if (place.kind === 'comment') return { kind: 'comment', start: place.start };
  if (place.kind === 'block-scalar') return place;
  return classify(doc, place);
}

/** `offset` as a position in the text: a whole number in range, before a line's `\r\n`. */
export function clampOffset(doc: YamlText, offset: number): number {
  let at = Math.max(0, Math.min(Math.floor(offset) || 0, doc.text.length));
  const line = doc.lineAt(at);
  if (at > doc.ends[line]!) at = doc.ends[line]!;
  return at;
}

const SECTIONS: readonly string[] = ['account', 'defaults', 'rules'] satisfies readonly Section[];

function isSection(key: string | null | undefined): key is Section {
  return typeof key === 'string' && SECTIONS.includes(key);
}

function classify(doc: YamlText, at: CursorPlace): CursorContext {
  const path = at.path.map((segment) => segment.key);
  const [k0, k1, k2, k3] = path;
  const depth = path.length;
  const inResource = (resourceId: string) => {
    const resourceEntries = (): ReadonlyMap<string, string> => {
      const segment = at.path[2];
      return segment ? segment.entries() : at.kind === 'key' ? at.entries() : NO_ENTRIES;
    };
    return {
      at,
      path,
      resourceId,
      resourceEntries,
      writtenType: () => {
        const written = resourceEntries().get('type');
        return isResourceType(written) ? written : undefined;
      },
    };
  };
  if (at.kind === 'key') {
    if (depth === 0) return { kind: 'top-level-key', at, path };
    if (isSection(k0)) return { kind: 'section-key', section: k0, keys: path.slice(1), at, path };
    if (k0 === 'resources') {
      if (depth === 1) return { kind: 'resource-id', at, path };
      if (typeof k1 === 'string') return { kind: 'resource-key', parents: path.slice(2), ...inResource(k1) };
    }
    if (k0 === 'flows') {
      if (depth === 1) return { kind: 'flow-entry', at, path };
      if (depth >= 3 && k1 === null && typeof k2 === 'string')
        return { kind: 'connection-key', flow: k2, parents: path.slice(3), at, path };
    }
    return { kind: 'unknown', at, path };
  }
  const name = path[depth - 1];
  if (depth === 1 && typeof k0 === 'string') return { kind: 'top-level-value', key: k0, at, path };
  if (isSection(k0) && depth >= 2 && typeof name === 'string')
    return { kind: 'section-value', section: k0, keys: path.slice(1, -1), name, at, path };
  if (k0 === 'resources' && typeof k1 === 'string' && typeof k2 === 'string') {
    return { kind: 'resource-value', property: [k2, ...path.slice(3)], ...inResource(k1) };
  }
  if (k0 === 'flows' && k1 === null) {
    if (depth === 2)
      return { kind: 'flow-side', side: doc.text.slice(at.valueStart, at.offset).includes('->') ? 'target' : 'source', at, path };
    if (depth >= 4 && typeof k2 === 'string' && typeof k3 === 'string')
      return { kind: 'connection-value', flow: k2, property: k3, nested: path.slice(4), at, path };
  }
  return { kind: 'unknown', at, path };
}

/** A whole scalar at the cursor: where it starts and ends, quotes included. */
export interface Word {
  readonly start: number;
  readonly end: number;
  /** Its text, without the quotes of a quoted scalar. */
  readonly value: string;
  readonly quoted: boolean;
  /** A key: a separating `:` follows it. */
  readonly isKey: boolean;
}

/**
 * The key or scalar the cursor is in or right after, read on both sides of the cursor
 * (completion needs only what is before it; hover needs the whole word). Undefined when
 * the cursor is on spaces before a word, or nothing is written there.
 */
export function wordAt(doc: YamlText, at: CursorPlace): Word | undefined {
  const { text } = doc;
  const lineEnd = doc.ends[doc.lineAt(at.offset)]!;
  if (at.quoted) {
    const quote = text[at.partialStart - 1]!;
    let i = at.offset;
    while (i < lineEnd && text[i] !== quote)
      i += quote === '"' && text[i] === '\\' ? 2 : quote === "'" && text[i] === "'" && text[i + 1] === "'" ? 2 : 1;
    const closed = i < lineEnd;
    const end = closed ? i + 1 : lineEnd;
    return {
      start: at.partialStart - 1,
      end,
      value: text.slice(at.partialStart, Math.min(i, lineEnd)),
      quoted: true,
      isKey: closed && ((at.inFlow && text[end] === ':') || isSeparatorAt(text, end, lineEnd, at.inFlow)),
    };
  }
  const start = at.partialStart;
  let i = at.offset;
  while (i < lineEnd) {
    const char = text[i]!;
    if (char === '#' && isSpace(text[i - 1])) break;
    if (at.inFlow && (char === ',' || char === '{' || char === '}' || char === '[' || char === ']')) break;
    if (char === ':' && at.kind === 'key' && isSeparatorAt(text, i, lineEnd, at.inFlow)) break;
    i++;
  }
  let end = i;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end <= start || isSpace(text[start])) return undefined;
  return {
    start,
    end,
    value: text.slice(start, end),
    quoted: false,
    isKey: at.kind === 'key' && isSeparatorAt(text, end, lineEnd, at.inFlow),
  };
}

/** Whether a separating `:` is at `at` or after spaces from it. */
function isSeparatorAt(text: string, at: number, lineEnd: number, inFlow: boolean): boolean {
  let i = at;
  while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== ':') return false;
  const next = text[i + 1];
  return i + 1 >= lineEnd || isSpace(next) || (inFlow && (next === ',' || next === '}' || next === ']'));
}

const texts = new WeakMap<object, YamlText>();

/** The lines of an analysed document, read once per version (the analysis is the version). */
export function yamlTextOf(analysis: { readonly text: string }): YamlText {
  let doc = texts.get(analysis);
  if (!doc) {
    doc = new YamlText(analysis.text);
    texts.set(analysis, doc);
  }
  return doc;
}
