/**
 * Incremental parsing. An `.awsflow` file is a handful of top-level sections, and the
 * biggest one, `resources:`, is a list of independent blocks. We cut the text into
 * those blocks with a line scan, parse each block on its own (simple-block.ts for the
 * plain shape most blocks have, `yaml` for the rest), and keep the
 * parsed blocks keyed by their text: after an edit inside one resource, only that
 * resource is parsed again. The blocks' trees are put together with absolute offsets,
 * so nothing downstream knows the file was cut.
 *
 * Anything the line scan cannot be sure of (directives, several documents, anchors and
 * aliases, flow or multi-line constructs at the top level) falls back to parsing the
 * whole text at once: correctness first, speed where it is safe.
 */
import { parseDocument } from 'yaml';
import type { YNode, YPair, YScalar } from './ast';
import { convertDocument, emptySharedText, type ConvertProblem, type SharedText } from './convert';
import { readSimpleBlock } from './simple-block';
import { placeUnclosed } from './unclosed';

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  /** `yaml`'s error code, or ours. */
  code: string;
}

/**
 * A block parsed on its own and converted to our tree; cached by its text. A chunk's
 * tree never changes once placed: an analysis made earlier may still be read (a
 * language-server request for the version before an edit). When the block moves (an
 * edit above it), it is placed again as a new chunk holding a copy of the tree at the
 * new offsets, which costs a walk of the tree, not a parse. While it stays in place its
 * node objects stay the same from one version to the next: later stages cache by node
 * identity (the model's resources, the duplicate-key check), and the schema check,
 * whose results hold no offsets, by the node a copy came from (`sourceOf`).
 */
export interface Chunk {
  readonly text: string;
  readonly kind: 'whole' | 'section' | 'block';
  /** The converted tree, with offsets for `base`. */
  readonly node: YNode | null;
  readonly base: number;
  /** Problems, relative to the chunk's start. */
  readonly problems: readonly SyntaxProblem[];
  /** Text that aliases and merge keys share (a whole-text chunk only: the others have no aliases). */
  readonly shared?: SharedText;
  /** The parse that last placed this chunk: a tree is placed once per version. */
  placedIn: number;
  /** A block's index among the blocks of the version that last placed it. */
  order: number;
}

export interface PlacedChunk {
  chunk: Chunk;
  start: number;
}

export interface ParseResult {
  root: YNode | null;
  problems: SyntaxProblem[];
  chunks: PlacedChunk[];
  /** How many chunks this parse read afresh; the others were reused (moved or not). */
  fresh: number;
  /** True when the text was cut into blocks (the fast path). */
  incremental: boolean;
  /** Text that aliases and merge keys share: fixes must not edit it. */
  shared: SharedText;
}

export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;

/** Blocks parsed between two pauses of `parseInSteps` (a few milliseconds of work, on a cold start under 10). */
const PAUSE_EVERY = 500;

const DOCUMENT_MARKERS = /^(?:---|\.\.\.)(?:\s|$)|^%/m;
// An anchor or alias at the start of a node. Conservative: a false match only costs the fast path.
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][A-Za-z0-9_-]/m;

/** Whether a text's tree may share nodes (an alias is the node its anchor names). Conservative. */
export function mayHaveAliases(text: string): boolean {
  return ANCHOR_OR_ALIAS.test(text);
}
const SIMPLE_KEY_LINE = /^[A-Za-z_][^:#]*:(?:[ \t\r\n]|$)/;

/**
 * The whole text and the sections, by kind, then by text. Keyed by the text itself: a
 * `kind + text` key would copy every block's text on each version. (Blocks, thousands of
 * them, are found by their order instead: see `IncrementalParser.block`.)
 */
type ChunkCache = Record<'whole' | 'section', Map<string, Chunk>>;

function emptyCache(): ChunkCache {
  return { whole: new Map(), section: new Map() };
}

/** Blocks tried in order before a changed one is taken for a move: a second miss in a row looks it up by text. */
const MISSES_BEFORE_LOOKUP = 2;

export class IncrementalParser {
  private cache = emptyCache();
  /** The last version's blocks, in document order. */
  private previousBlocks: Chunk[] = [];
  /** This version's blocks so far, in document order. */
  private placedBlocks: Chunk[] = [];
  /** The last version's blocks by text, built only when blocks moved (see `block`). */
  private previousByText: Map<string, Chunk> | undefined;
  /** Where the next block is expected in `previousBlocks`. */
  private cursor = 0;
  /** Blocks in a row not found in order. */
  private misses = 0;
  private generation = 0;

  parse(text: string): ParseResult {
    const steps = this.parseInSteps(text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same parse, pausing (a `yield`) after every batch of blocks it had to parse
   * afresh, so a host can answer other requests while a large file is first read.
   */
  *parseInSteps(text: string): Generator<void, ParseResult> {
    const used = emptyCache();
    this.generation++;
    this.placedBlocks = [];
    this.previousByText = undefined;
    this.cursor = 0;
    this.misses = 0;
    this.fresh = 0;
    this.parsedThisVersion = 0;
    const result = yield* this.parseWith(text, used);
    result.fresh = this.parsedThisVersion;
    // Keep only what this version used: memory stays proportional to one document.
    this.cache = used;
    this.previousBlocks = this.placedBlocks;
    this.placedBlocks = [];
    this.previousByText = undefined;
    return result;
  }

  /** Blocks parsed afresh since the last pause. */
  private fresh = 0;
  /** Chunks parsed afresh in this version. */
  private parsedThisVersion = 0;

  private chunk(text: string, kind: 'whole' | 'section', base: number, usedByKind: ChunkCache): Chunk {
    const used = usedByKind[kind];
    // The same text twice in one version (a duplicated resource) needs a tree of its own.
    if (used.has(text)) return this.parseFresh(text, kind, base);
    const cached = this.cache[kind].get(text);
    const chunk = cached ? moveChunk(cached, base) : this.parseFresh(text, kind, base);
    used.set(text, chunk);
    return chunk;
  }

  /**
   * A resource or flow entry: the last version's block of the same text, or a fresh parse.
   * Looked for where the order says it should be (the next block of the last version, or
   * the one after, when a block was deleted or changed): one string comparison, where a
   * lookup by text would hash every block's text on every version. After two misses in a
   * row (blocks moved, or several deleted), a map of the last version's blocks by text is
   * built and asked at every miss, and the search carries on in order from where it found
   * the block.
   */
  private block(text: string, base: number): Chunk {
    const previous = this.previousBlocks;
    let found: Chunk | undefined;
    for (let k = this.cursor; k < this.cursor + 2 && k < previous.length; k++) {
      const candidate = previous[k]!;
      if (candidate.text === text && candidate.placedIn !== this.generation) {
        found = candidate;
        this.cursor = k + 1;
        break;
      }
    }
    if (!found) {
      // Once built (blocks moved), the map is asked at every miss.
      if (++this.misses >= MISSES_BEFORE_LOOKUP && previous.length > 0) this.previousByText ??= byText(previous);
      const moved = this.previousByText?.get(text);
      if (moved && moved.placedIn !== this.generation) {
        found = moved;
        // Carry on in order from where it was (the blocks after a moved block often moved with it).
        this.cursor = moved.order + 1;
      }
    }
    if (found) {
      this.misses = 0;
      // Taken for this version, whether it stays where it was or moves (as a copy).
      found.placedIn = this.generation;
    }
    const chunk = found ? moveChunk(found, base) : this.parseFresh(text, 'block', base);
    chunk.placedIn = this.generation;
    chunk.order = this.placedBlocks.length;
    this.placedBlocks.push(chunk);
    return chunk;
  }

  private parseFresh(text: string, kind: Chunk['kind'], base: number): Chunk {
    this.fresh++;
    this.parsedThisVersion++;
    return parseChunk(text, kind, base, this.generation);
  }

  private *parseWith(text: string, used: ChunkCache): Generator<void, ParseResult> {
    const sections = DOCUMENT_MARKERS.test(text) || ANCHOR_OR_ALIAS.test(text) ? undefined : splitSections(text);
    if (!sections) return this.parseWhole(text, used);

    const problems: SyntaxProblem[] = [];
    const chunks: PlacedChunk[] = [];
    const rootItems: YPair[] = [];
    for (const section of sections) {
      const sectionText = text.slice(section.start, section.end);
      // `resources:` and `flows:` are cut further, one block per resource or flow entry.
      const blocks =
        section.key === 'resources'
          ? splitBlocks(text, section, 'map')
          : section.key === 'flows'
            ? splitBlocks(text, section, 'seq')
            : undefined;
      if (!blocks) {
        const chunk = this.chunk(sectionText, 'section', section.start, used);
        chunks.push({ chunk, start: section.start });
        const node = placeChunk(chunk, section.start, problems);
        if (node?.kind === 'map') rootItems.push(...node.items);
        continue;
      }
      const head = this.chunk(text.slice(section.start, blocks.headEnd), 'section', section.start, used);
      chunks.push({ chunk: head, start: section.start });
      const headNode = placeChunk(head, section.start, problems);
      const pairs: YPair[] = [];
      const items: YNode[] = [];
      for (const block of blocks.blocks) {
        const chunk = this.block(text.slice(block.start, block.end), block.start);
        if (this.fresh >= PAUSE_EVERY) {
          this.fresh = 0;
          yield;
        }
        chunks.push({ chunk, start: block.start });
        const node = placeChunk(chunk, block.start, problems);
        if (blocks.kind === 'map' && node?.kind === 'map') pairs.push(...node.items);
        else if (blocks.kind === 'seq' && node?.kind === 'seq') items.push(...node.items);
        else if (node)
          problems.push({
            start: node.start,
            end: node.end,
            code: 'BAD_BLOCK',
            message:
              blocks.kind === 'map'
                ? 'Expected a resource: `id:` followed by its properties.'
                : 'Expected a flow entry: `- source -> target`.',
          });
      }
      const headPair = headNode?.kind === 'map' ? headNode.items[0] : undefined;
      if (!headPair) continue;
      const members: { start: number; end: number }[] = blocks.kind === 'map' ? pairs : items;
      const first = members[0];
      const last = members[members.length - 1];
      let value: YNode | null = null;
      if (first && last) {
        value =
          blocks.kind === 'map'
            ? { kind: 'map', flow: false, items: pairs, start: first.start, end: last.end }
            : { kind: 'seq', flow: false, items, start: blocks.blocks[0]!.start + blocks.indent, end: last.end }; // a list starts at its first dash
      }
      rootItems.push({ key: headPair.key, value, start: headPair.start, end: value ? value.end : headPair.end });
    }
    const firstItem = rootItems[0];
    const lastItem = rootItems[rootItems.length - 1];
    const root: YNode | null =
      firstItem && lastItem ? { kind: 'map', flow: false, items: rootItems, start: firstItem.start, end: lastItem.end } : null;
    return { root, problems, chunks, fresh: 0, incremental: true, shared: NOTHING_SHARED };
  }

  private parseWhole(text: string, used: ChunkCache): ParseResult {
    const problems: SyntaxProblem[] = [];
    const chunk = this.chunk(text, 'whole', 0, used);
    const root = placeChunk(chunk, 0, problems);
    return { root, problems, chunks: [{ chunk, start: 0 }], fresh: 0, incremental: false, shared: chunk.shared ?? NOTHING_SHARED };
  }
}

const NOTHING_SHARED: SharedText = emptySharedText();

/** The first block of each text (a duplicated block's twin is parsed again anyway). */
function byText(blocks: readonly Chunk[]): Map<string, Chunk> {
  const map = new Map<string, Chunk>();
  for (const block of blocks) if (!map.has(block.text)) map.set(block.text, block);
  return map;
}

function parseChunk(text: string, kind: Chunk['kind'], base: number, generation: number): Chunk {
  // Most blocks are in the plain subset the fast reader takes; it gives the same tree.
  const simple = readSimpleBlock(text, base);
  if (simple !== undefined) return { text, kind, node: simple, base, problems: [], placedIn: generation, order: -1 };
  const doc = parseDocument(text, PARSE_OPTIONS);
  const problems: SyntaxProblem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    // yaml may point one past the end of the text (an unexpected end); keep ranges inside it.
    const limit = text.length;
    const [rawStart = 0, rawEnd = rawStart] = error.pos;
    const start = Math.min(rawStart, limit);
    const end = Math.min(Math.max(rawEnd, start), limit);
    problems.push({ start, end, message: firstLine(error.message), code: error.code });
  }
  // An unclosed `{`, `[` or quote is reported where yaml gave up (lines below): move it to where it opens.
  const located = placeUnclosed(text, problems);
  const convertProblems: ConvertProblem[] = [];
  const shared = emptySharedText();
  const node = convertDocument(doc, base, convertProblems, { text, shared });
  for (const p of convertProblems) located.push({ start: p.start - base, end: p.end - base, message: p.message, code: 'TOO_DEEP' });
  // The yaml Document is not kept: our tree is all later stages need, and much smaller.
  return { text, kind, node, base, problems: located, placedIn: generation, order: -1, shared };
}

/** The chunk's problems, at its place in the text, and its tree (already placed there). */
function placeChunk(chunk: Chunk, base: number, problems: SyntaxProblem[]): YNode | null {
  for (const p of chunk.problems) problems.push({ ...p, start: p.start + base, end: p.end + base });
  return chunk.node;
}

/** The chunk at `base`: itself if it is there already, else a new chunk with a moved copy of its tree. */
function moveChunk(chunk: Chunk, base: number): Chunk {
  if (chunk.base === base) return chunk;
  const node = chunk.node ? movedCopy(chunk.node, base - chunk.base) : null;
  if (node) rememberSources(node, chunk.node!, chunk.kind);
  return { text: chunk.text, kind: chunk.kind, node, base, problems: chunk.problems, placedIn: chunk.placedIn, order: chunk.order };
}

/**
 * A copy of a chunk's tree with every offset moved by `delta`; the tree itself is left
 * as it is (an earlier analysis may hold it). No aliases here (the fast path excludes
 * them), so the tree is a tree and a plain walk copies it. The object shapes are those
 * the parsers build, so that code reading them stays monomorphic.
 */
function movedCopy(node: YNode, delta: number): YNode {
  if (node.kind === 'scalar')
    return { kind: 'scalar', value: node.value, quoted: node.quoted, start: node.start + delta, end: node.end + delta };
  if (node.kind === 'seq') {
    const items = new Array<YNode>(node.items.length);
    for (let i = 0; i < items.length; i++) items[i] = movedCopy(node.items[i]!, delta);
    return { kind: 'seq', flow: node.flow, items, start: node.start + delta, end: node.end + delta };
  }
  const items = new Array<YPair>(node.items.length);
  for (let i = 0; i < items.length; i++) {
    const pair = node.items[i]!;
    const key = movedCopy(pair.key, delta) as YScalar;
    const value = pair.value ? movedCopy(pair.value, delta) : null;
    items[i] = { key, value, start: pair.start + delta, end: pair.end + delta };
  }
  return { kind: 'map', flow: node.flow, items, start: node.start + delta, end: node.end + delta };
}

/**
 * The node a moved copy was made from (following copies of copies back to the parse),
 * for caches whose values hold no offsets; itself for a node never moved.
 */
const sources = new WeakMap<YNode | YPair, YNode | YPair>();

export function sourceOf<T extends YNode | YPair>(node: T): T {
  return (sources.get(node) as T | undefined) ?? node;
}

/**
 * Remember the sources of the nodes caches ask about: a block's entries (a resource's
 * pair, a flow entry) and a section's entries one level down (the resources of a
 * `resources:` section read whole).
 */
function rememberSources(copy: YNode, original: YNode, kind: Chunk['kind']): void {
  const entries = (copied: YNode, from: YNode, depth: number): void => {
    if (copied.kind === 'scalar' || from.kind === 'scalar') return;
    for (let i = 0; i < copied.items.length; i++) {
      const item = copied.items[i]!;
      const source = from.items[i]!;
      sources.set(item, sourceOf(source));
      // A pair's value too: the model compares defaults, and the duplicate-key check blocks, by it.
      if ('key' in item && 'key' in source && item.value && source.value) sources.set(item.value, sourceOf(source.value));
      if (depth > 0) {
        const inner = 'key' in item ? item.value : item;
        const innerSource = 'key' in source ? source.value : source;
        if (inner && innerSource) entries(inner, innerSource, depth - 1);
      }
    }
  };
  entries(copy, original, kind === 'block' ? 0 : 1);
}

function firstLine(message: string): string {
  // `yaml` appends " at line L, column C" and a source excerpt; the range says where already.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

interface Section {
  key: string;
  /** Where the section's key line starts; `start` may be earlier (leading comments). */
  keyStart: number;
  start: number;
  end: number;
}

/** Top-level sections, each from its key line to the next; undefined where the top level is not a plain block mapping. */
function splitSections(text: string): Section[] | undefined {
  const sections: Section[] = [];
  let offset = 0;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const first = text.charCodeAt(offset);
    const isIndentedOrBlank = first === 32 || first === 9 || first === 10 || first === 13;
    if (!isIndentedOrBlank && !(first === 35 /* # */) && !(offset === 0 && first === 0xfeff)) {
      const line = text.slice(offset, lineEnd);
      if (!SIMPLE_KEY_LINE.test(line)) return undefined;
      const key = line.slice(0, line.indexOf(':')).trim();
      if (sections.length > 0) sections[sections.length - 1]!.end = offset;
      sections.push({ key, keyStart: offset, start: sections.length === 0 ? 0 : offset, end: text.length });
    } else if (offset === 0 && first === 0xfeff) {
      return undefined;
    }
    offset = lineEnd;
  }
  return sections.length > 0 ? sections : undefined;
}

interface Blocks {
  kind: 'map' | 'seq';
  indent: number;
  headEnd: number;
  blocks: { start: number; end: number }[];
}

// A line starting a resource (`id:`) or a flow entry (`- `), tested at an offset of the
// whole text (sticky), so no line is sliced out per block.
const SIMPLE_KEY_AT = /[A-Za-z_][^:#\n]*:(?:[ \t\r\n]|$)/y;
const SEQUENCE_ITEM_AT = /-(?:[ \t]|\r?\n|$)/y;

/**
 * The blocks of an indented `resources:` mapping (one per key) or `flows:` list (one
 * per `- ` item); undefined if the section is written any other way.
 */
function splitBlocks(text: string, section: Section, kind: 'map' | 'seq'): Blocks | undefined {
  const headLineEnd = text.indexOf('\n', section.keyStart);
  if (headLineEnd === -1 || headLineEnd >= section.end) return undefined;
  const headLine = text.slice(section.keyStart, headLineEnd);
  // Only `resources:` / `flows:` with nothing after it but a comment.
  if (!/^[A-Za-z]+:[ \t]*(?:#.*)?\r?$/.test(headLine)) return undefined;
  const startsBlock = kind === 'map' ? SIMPLE_KEY_AT : SEQUENCE_ITEM_AT;
  const blocks: { start: number; end: number }[] = [];
  let indent = -1;
  let offset = headLineEnd + 1;
  while (offset < section.end) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 || newline >= section.end ? section.end : newline + 1;
    let column = 0;
    while (text.charCodeAt(offset + column) === 32) column++;
    const next = text.charCodeAt(offset + column);
    const blank = offset + column >= lineEnd || next === 10 || next === 13 || next === 35;
    if (!blank) {
      if (next === 9) return undefined;
      if (indent === -1) indent = column;
      if (column === indent) {
        startsBlock.lastIndex = offset + column;
        if (!startsBlock.test(text)) return undefined;
        if (blocks.length > 0) blocks[blocks.length - 1]!.end = offset;
        blocks.push({ start: offset, end: section.end });
      } else if (blocks.length === 0 || column < indent) {
        return undefined;
      }
    }
    offset = lineEnd;
  }
  if (blocks.length === 0) return undefined;
  return { kind, indent, headEnd: blocks[0]!.start, blocks };
}
