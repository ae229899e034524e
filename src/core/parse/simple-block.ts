/**
 * A fast reader for the plain shape nearly every `.awsflow` block is written in:
 * indented block mappings and lists, one-line plain or quoted scalars, one-line flow
 * collections (`{ rate: 20/s, size: 2KB }`), comments. It builds our tree (ast.ts)
 * directly, with the same offsets, values and ranges `yaml` + convert.ts give.
 *
 * Why: `yaml` builds a CST, then a Document, then we convert that to our tree; for the
 * blocks of a large file this was most of the time and garbage of a first analysis.
 *
 * It is deliberately narrow. Anything outside the subset (tabs, anchors, aliases, tags,
 * block scalars, multi-line scalars or flow collections, escapes, explicit keys,
 * document markers, odd indentation, anything `yaml` might warn about) makes it answer
 * `undefined` — "not sure" — and the caller parses the block with `yaml` as before. So
 * it never reports a syntax problem: it only reads text that has none.
 * test/unit/simple-block.test.ts checks, on the examples and on generated and mutated
 * text, that whenever it answers, the tree equals what `yaml` + convert.ts give.
 */
import type { ScalarValue, YMap, YNode, YPair, YScalar, YSeq } from './ast';
import { exactArray } from '../util/exact-array';

/** Characters that make the whole block go to `yaml`: controls, tabs, BOM, anchors, aliases, tags, escapes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must catch
const UNSURE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\t&*!\\\ufeff\u2028\u2029\ufffe\uffff]|\r(?!\n)/;
/** Deeper blocks go to `yaml`, which also reports nesting beyond convert.ts's limit. */
const MAX_SIMPLE_DEPTH = 64;
/** YAML limits an implicit key to 1,024 characters; stay well inside it. */
const MAX_KEY_LENGTH = 512;

/** A line with content (not blank, not only a comment). */
interface Line {
  /** Offset of the first non-space character. */
  start: number;
  /** Offset of the end of the line, before `\r\n` or `\n`. */
  end: number;
  indent: number;
}

class Unsure extends Error {}
const UNSURE = new Unsure();

/**
 * The tree of `text` with offsets shifted by `base`, `null` for a text with no content,
 * or `undefined` when the text is not in the subset (then use `yaml`).
 */
export function readSimpleBlock(text: string, base: number): YNode | null | undefined {
  if (UNSURE_CHARACTERS.test(text)) return undefined;
  const lines = contentLines(text);
  if (lines === undefined) return undefined;
  if (lines.length === 0) return undefined; // comments only: leave the (rare) empty document to `yaml`
  const reader = new BlockReader(text, base, lines);
  try {
    return reader.readRoot();
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let offset = 0;
  const length = text.length;
  while (offset < length) {
    let newline = text.indexOf('\n', offset);
    if (newline === -1) newline = length;
    const end = newline > offset && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    let start = offset;
    while (start < end && text.charCodeAt(start) === 32) start++;
    if (start < end && text.charCodeAt(start) !== 35 /* # */) {
      const indent = start - offset;
      if (indent === 0) {
        const first = text.charCodeAt(start);
        // Directives and document markers.
        if (first === 37 /* % */) return undefined;
        if ((text.startsWith('---', start) || text.startsWith('...', start)) && (start + 3 === end || text.charCodeAt(start + 3) === 32))
          return undefined;
      }
      lines.push({ start, end, indent });
    }
    offset = newline + 1;
  }
  return lines;
}

class BlockReader {
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly lines: Line[],
  ) {}

  readRoot(): YNode {
    const first = this.lines[0]!;
    const node = this.readBlockNode(first.indent, 0);
    if (this.next < this.lines.length) throw UNSURE; // a line outdented below the root
    return node;
  }

  /** A block mapping or list whose first line is the next line, at `indent`. */
  private readBlockNode(indent: number, depth: number): YNode {
    if (depth > MAX_SIMPLE_DEPTH) throw UNSURE;
    const line = this.lines[this.next]!;
    if (line.indent !== indent) throw UNSURE;
    return this.isListItem(line.start, line.end) ? this.readList(indent, depth) : this.readMapping(indent, line.start, depth);
  }

  private isListItem(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 /* - */ && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
  }

  /**
   * A block mapping at `indent`. Its first pair starts at `firstKey`, which may be in
   * the middle of a line (`- key: value` in a list); the others start lines at `indent`.
   */
  private readMapping(indent: number, firstKey: number, depth: number): YMap {
    const items: YPair[] = [];
    let keyAt = firstKey;
    for (;;) {
      const line = this.lines[this.next]!;
      this.next++;
      items.push(this.readPair(keyAt, line, indent, depth));
      const following = this.lines[this.next];
      if (!following || following.indent < indent) break;
      if (following.indent > indent) throw UNSURE; // a continuation line: multi-line scalar or an error
      if (this.isListItem(following.start, following.end)) throw UNSURE; // a list item inside a mapping
      keyAt = following.start;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    return { kind: 'map', flow: false, items: exactArray(items), start: first.start, end: last.end };
  }

  /** `key: value`, `key:` followed by an indented block, or `key:` with no value. */
  private readPair(keyAt: number, line: Line, indent: number, depth: number): YPair {
    const colon = this.plainKeyEnd(keyAt, line.end);
    const key = this.scalar(keyAt, trimEnd(this.text, keyAt, colon));
    let at = colon + 1;
    while (at < line.end && this.text.charCodeAt(at) === 32) at++;
    let value: YNode;
    if (at === line.end || this.text.charCodeAt(at) === 35 /* # */) {
      const following = this.lines[this.next];
      if (following && (following.indent > indent || (following.indent === indent && this.isListItem(following.start, following.end)))) {
        value = this.readBlockNode(following.indent, depth + 1);
      } else {
        value = this.nullAt(at);
      }
    } else {
      value = this.readInlineValue(at, line.end);
    }
    return { key, value, start: key.start, end: Math.max(value.end, key.end) };
  }

  /** A block list at `indent`. */
  private readList(indent: number, depth: number): YSeq {
    const items: YNode[] = [];
    let start = -1;
    for (;;) {
      const line = this.lines[this.next]!;
      if (start === -1) start = line.start;
      this.next++;
      let at = line.start + 1;
      while (at < line.end && this.text.charCodeAt(at) === 32) at++;
      if (at === line.end || this.text.charCodeAt(at) === 35) {
        const following = this.lines[this.next];
        items.push(following && following.indent > indent ? this.readBlockNode(following.indent, depth + 1) : this.nullAt(at));
      } else if (this.isListItem(at, line.end)) {
        throw UNSURE; // `- - x`
      } else if (this.startsPlainKey(at, line.end)) {
        // `- key: value`: a mapping whose indentation is the column of its first key.
        this.next--;
        items.push(this.readMapping(at - (line.start - line.indent), at, depth + 1));
      } else {
        items.push(this.readInlineValue(at, line.end));
      }
      const following = this.lines[this.next];
      // A line at this indentation that is no item ends the list: `key:` followed by a list at the key's own indentation.
      if (!following || following.indent < indent || (following.indent === indent && !this.isListItem(following.start, following.end)))
        break;
      if (following.indent > indent) throw UNSURE;
    }
    const last = items[items.length - 1]!;
    return { kind: 'seq', flow: false, items: exactArray(items), start: start + this.base, end: last.end };
  }

  /** A scalar or a one-line flow collection at `at`, then nothing but spaces or a comment. */
  private readInlineValue(at: number, lineEnd: number): YNode {
    const code = this.text.charCodeAt(at);
    let node: YNode;
    let after: number;
    if (code === 91 /* [ */ || code === 123 /* { */) {
      const flow = this.readFlow(at, lineEnd, 0);
      node = flow.node;
      after = flow.end;
    } else if (code === 34 /* " */ || code === 39 /* ' */) {
      node = this.readQuoted(at, lineEnd);
      after = node.end - this.base;
    } else {
      this.assertPlainStart(at, lineEnd);
      let end = at;
      for (let i = at; i < lineEnd; i++) {
        const c = this.text.charCodeAt(i);
        if (c === 35 /* # */ && this.text.charCodeAt(i - 1) === 32) break;
        // `: ` inside a value starts a nested mapping, which YAML forbids on one line.
        if (c === 58 /* : */ && (i + 1 === lineEnd || this.text.charCodeAt(i + 1) === 32)) throw UNSURE;
        if (c !== 32) end = i + 1;
      }
      return this.scalar(at, end);
    }
    this.assertRestIsComment(after, lineEnd);
    return node;
  }

  /** Where the `:` of a plain implicit key starting at `at` is; unsure if there is none. */
  private plainKeyEnd(at: number, lineEnd: number): number {
    const colon = this.findPlainKeyEnd(at, lineEnd);
    if (colon === -1) throw UNSURE;
    return colon;
  }

  /** Whether a plain implicit key starts at `at` (a list item `- key: value`). */
  private startsPlainKey(at: number, lineEnd: number): boolean {
    return this.findPlainKeyEnd(at, lineEnd) !== -1;
  }

  /**
   * The `:` ending a plain implicit key that starts at `at`, or -1. Without throwing: a
   * flow entry (`- a -> b`) is asked this on every line.
   */
  private findPlainKeyEnd(at: number, lineEnd: number): number {
    if (!this.isPlainStart(at, lineEnd)) return -1;
    const limit = Math.min(lineEnd, at + MAX_KEY_LENGTH);
    for (let i = at; i < limit; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === lineEnd || this.text.charCodeAt(i + 1) === 32)) return i;
      if (c === 35 /* # */ && this.text.charCodeAt(i - 1) === 32) return -1;
    }
    return -1;
  }

  private assertPlainStart(at: number, lineEnd: number): void {
    if (!this.isPlainStart(at, lineEnd)) throw UNSURE;
  }

  /** A plain scalar may not start with an indicator; we also leave `?x` and `:x` to `yaml`. */
  private isPlainStart(at: number, lineEnd: number): boolean {
    if (at >= lineEnd) return false;
    switch (this.text.charCodeAt(at)) {
      case 45: // -
        return at + 1 < lineEnd && !isSpaceOrFlowIndicator(this.text.charCodeAt(at + 1)); // -5, -x
      case 63: // ?
      case 58: // :
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case 35: // #
      case 38: // &
      case 42: // *
      case 33: // !
      case 124: // |
      case 62: // >
      case 39: // '
      case 34: // "
      case 37: // %
      case 64: // @
      case 96: // `
        return false;
      default:
        return true;
    }
  }

  /** A one-line quoted scalar (no escapes: `\` already sent the block to `yaml`). */
  private readQuoted(at: number, lineEnd: number): YScalar {
    const quote = this.text.charCodeAt(at);
    let i = at + 1;
    let value = '';
    let from = i;
    for (;;) {
      if (i >= lineEnd) throw UNSURE; // goes on past the line
      const c = this.text.charCodeAt(i);
      if (c === quote) {
        if (quote === 39 && this.text.charCodeAt(i + 1) === 39) {
          value += this.text.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      i++;
    }
    value += this.text.slice(from, i);
    return { kind: 'scalar', value, quoted: true, start: at + this.base, end: i + 1 + this.base };
  }

  /** `[a, b]` or `{ k: v, … }` on one line, nested ones too; returns the node and where it ends. */
  private readFlow(at: number, lineEnd: number, depth: number): { node: YNode; end: number } {
    if (depth > MAX_SIMPLE_DEPTH) throw UNSURE;
    const isMapping = this.text.charCodeAt(at) === 123;
    const close = isMapping ? 125 : 93;
    const pairs: YPair[] = [];
    const items: YNode[] = [];
    let i = this.skipSpaces(at + 1, lineEnd);
    if (this.text.charCodeAt(i) === close) i++;
    else {
      for (;;) {
        if (isMapping) {
          const key = this.readFlowScalar(i, lineEnd, true);
          i = this.skipSpaces(key.end - this.base, lineEnd);
          if (this.text.charCodeAt(i) !== 58) throw UNSURE; // `{ a }` and other shapes
          i = this.skipSpaces(i + 1, lineEnd);
          const value = this.readFlowValue(i, lineEnd, depth);
          pairs.push({ key, value: value.node, start: key.start, end: Math.max(value.node.end, key.end) });
          i = value.end;
        } else {
          const item = this.readFlowValue(i, lineEnd, depth);
          items.push(item.node);
          i = item.end;
        }
        i = this.skipSpaces(i, lineEnd);
        const c = this.text.charCodeAt(i);
        if (i < lineEnd && c === close) {
          i++;
          break;
        }
        if (i >= lineEnd || c !== 44 /* , */) throw UNSURE;
        i = this.skipSpaces(i + 1, lineEnd);
        if (this.text.charCodeAt(i) === close) throw UNSURE; // a trailing comma
      }
    }
    const start = at + this.base;
    const end = i + this.base;
    const node: YNode = isMapping
      ? { kind: 'map', flow: true, items: exactArray(pairs), start, end }
      : { kind: 'seq', flow: true, items: exactArray(items), start, end };
    return { node, end: i };
  }

  private readFlowValue(at: number, lineEnd: number, depth: number): { node: YNode; end: number } {
    if (at >= lineEnd) throw UNSURE;
    const code = this.text.charCodeAt(at);
    if (code === 91 || code === 123) return this.readFlow(at, lineEnd, depth + 1);
    if (code === 34 || code === 39) {
      const node = this.readQuoted(at, lineEnd);
      return { node, end: node.end - this.base };
    }
    const node = this.readFlowScalar(at, lineEnd, false);
    return { node, end: node.end - this.base };
  }

  /** A plain scalar inside a flow collection: it ends at `,`, a bracket or (for a key) `: `. */
  private readFlowScalar(at: number, lineEnd: number, isKey: boolean): YScalar {
    this.assertPlainStart(at, lineEnd);
    let end = at;
    let i = at;
    for (; i < lineEnd; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 44 || c === 93 || c === 125) break;
      if (c === 91 || c === 123) throw UNSURE;
      if (c === 35 && this.text.charCodeAt(i - 1) === 32) throw UNSURE; // a comment inside a flow collection
      if (c === 58) {
        const n = this.text.charCodeAt(i + 1);
        if (i + 1 === lineEnd || n === 32 || n === 44 || n === 93 || n === 125) {
          if (isKey) break;
          throw UNSURE; // a pair inside a list, or `a: b: c`
        }
      }
      if (c !== 32) end = i + 1;
    }
    return this.scalar(at, end);
  }

  private skipSpaces(at: number, lineEnd: number): number {
    while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
    return at;
  }

  private assertRestIsComment(at: number, lineEnd: number): void {
    const i = this.skipSpaces(at, lineEnd);
    if (i === lineEnd) return;
    if (this.text.charCodeAt(i) === 35 && i > at) return;
    throw UNSURE;
  }

  private scalar(start: number, end: number): YScalar {
    return {
      kind: 'scalar',
      value: resolvePlain(this.text.slice(start, end)),
      quoted: false,
      start: start + this.base,
      end: end + this.base,
    };
  }

  private nullAt(at: number): YScalar {
    return { kind: 'scalar', value: null, quoted: false, start: at + this.base, end: at + this.base };
  }
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return end;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpaceOrFlowIndicator(code: number): boolean {
  return code === 32 || code === 44 || code === 91 || code === 93 || code === 123 || code === 125;
}

/** A plain scalar's value under YAML 1.2's core schema, as `yaml` resolves it. */
export function resolvePlain(source: string): ScalarValue {
  const first = source.charCodeAt(0);
  // Most values (ids, types, `1GB`, `30s`) start with a letter that no number, null or bool starts with.
  if (!(
    isDigit(first) ||
    first === 45 ||
    first === 43 ||
    first === 46 ||
    first === 126 ||
    first === 110 ||
    first === 78 ||
    first === 116 ||
    first === 84 ||
    first === 102 ||
    first === 70
  ))
    return source;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(source)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(source)) return false;
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}
