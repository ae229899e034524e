/**
 * Reading a template again after an edit, without parsing it all again. An editor sends
 * the whole text on every keystroke, and parsing a 1,000-resource template takes most of
 * the time a check has (about 120 ms of 150). Most edits change one resource: so a YAML
 * template written in block style is cut at its lines into pieces (each top-level
 * section, and each resource of `Resources`), each piece is parsed on its own, and a piece
 * whose text is unchanged since the last read is taken from that read, its offsets moved
 * to where it now starts.
 *
 * The pieces give the same template `readTemplate` gives (every value and range; a
 * differential test checks it on examples and thousands of mutated texts). Whenever the
 * cut cannot be sure of that, the whole text is parsed instead: JSON, flow style at the
 * top, directives or several documents, tabs in indentation, a line indented less than the
 * resources, anchors used across pieces, or any YAML error in a piece (a file being typed
 * is parsed whole, so its errors are the parser's own).
 */
import type { OffsetRange } from '../text/line-index';
import {
  assembleTemplate,
  duplicateKey,
  mapValue,
  parseTemplateEntries,
  readTemplate,
  templateFormat,
  type Template,
  type TemplateEntry,
  type TemplateProblem,
  type TemplateValue,
} from './template';

/** A piece of the text: [start, end). */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where a text's pieces are: its top-level sections, and the resources of its `Resources` section. */
interface Layout {
  readonly sections: readonly Span[];
  readonly resources?: {
    /** Which of `sections` is `Resources`. */
    readonly section: number;
    /** The `Resources` key (its quotes included). */
    readonly keyRange: OffsetRange;
    readonly pieces: readonly Span[];
  };
}

/** One piece parsed: its entry and its problems (duplicate keys), with offsets from the piece's start. */
interface ParsedPiece extends PlacedPiece {
  /** The last place it was put at, moved there (kept: most pieces stay where they were). */
  placed?: PlacedPiece & { readonly at: number };
}

interface PlacedPiece {
  readonly entry: TemplateEntry;
  readonly problems: readonly TemplateProblem[];
  /** Where the map around the entry ends, as a map's range ends. */
  readonly end: number;
}

/**
 * Reads the versions of one document, each from the one before. Keeps the pieces of the
 * last version read (their texts and values), so about as much as the template itself.
 */
export class TemplateReader {
  private pieces = new Map<string, ParsedPiece>();
  /** How the last text was read: whole, or in pieces (how many, and how many of them were parsed). For tests. */
  lastRead: { readonly whole: boolean; readonly pieces: number; readonly parsed: number } = { whole: true, pieces: 0, parsed: 0 };
  private parsed = 0;

  read(text: string): Template {
    const layout = layoutOf(text);
    if (layout) {
      const next = new Map<string, ParsedPiece>();
      this.parsed = 0;
      const template = this.readPieces(text, layout, next);
      if (template) {
        this.pieces = next;
        this.lastRead = { whole: false, pieces: next.size, parsed: this.parsed };
        return template;
      }
    }
    this.pieces = new Map();
    this.lastRead = { whole: true, pieces: 0, parsed: 0 };
    return readTemplate(text);
  }

  private readPieces(text: string, layout: Layout, next: Map<string, ParsedPiece>): Template | undefined {
    const problems: TemplateProblem[] = [];
    const sections: TemplateEntry[] = [];
    const seenSections = new Set<string>();
    let rootEnd = 0;
    for (let index = 0; index < layout.sections.length; index++) {
      const resources = layout.resources?.section === index ? layout.resources : undefined;
      if (resources) {
        // A second `Resources` is a duplicate key, never read: the whole parse says where its value ends.
        if (seenSections.has('Resources')) return undefined;
        seenSections.add('Resources');
        const entries: TemplateEntry[] = [];
        const seen = new Set<string>();
        let end = 0;
        for (const span of resources.pieces) {
          const piece = this.piece(text, span, next);
          if (!piece) return undefined;
          // A map's range ends with its last entry, a duplicate's too (as the parser has it).
          end = piece.end;
          addEntry(piece, entries, seen, problems);
        }
        const value = mapValue(entries, { start: entries[0]!.keyRange.start, end });
        rootEnd = end;
        sections.push({ key: 'Resources', keyRange: resources.keyRange, value });
        continue;
      }
      const piece = this.piece(text, layout.sections[index]!, next);
      if (!piece) return undefined;
      rootEnd = piece.end;
      addEntry(piece, sections, seenSections, problems);
    }
    if (sections.length === 0) return undefined;
    const root = mapValue(sections, { start: sections[0]!.keyRange.start, end: rootEnd });
    return assembleTemplate('yaml', root, problems);
  }

  /** The piece at `span`, parsed or taken from the last read, with offsets in the text; undefined when it must be parsed whole. */
  private piece(text: string, span: Span, next: Map<string, ParsedPiece>): PlacedPiece | undefined {
    const source = text.slice(span.start, span.end);
    let parsed = next.get(source) ?? this.pieces.get(source);
    if (!parsed) {
      this.parsed++;
      const result = parseTemplateEntries(source);
      if (!result || result.pairs !== 1 || result.entries.length !== 1) return undefined;
      parsed = { entry: result.entries[0]!, problems: result.problems, end: result.end };
    }
    next.set(source, parsed);
    if (parsed.placed?.at !== span.start) {
      const delta = span.start;
      parsed.placed = {
        at: delta,
        entry: moveEntry(parsed.entry, delta),
        problems: parsed.problems.map((problem) => ({ ...problem, start: problem.start + delta, end: problem.end + delta })),
        end: parsed.end + delta,
      };
    }
    return parsed.placed;
  }
}

/**
 * A piece's entry added to its map, as the parser adds a pair: a key already there is a
 * `DUPLICATE_KEY` problem and its value is not read (nor its own problems reported).
 */
function addEntry(piece: PlacedPiece, entries: TemplateEntry[], seen: Set<string>, problems: TemplateProblem[]): void {
  if (seen.has(piece.entry.key)) {
    problems.push(duplicateKey(piece.entry.key, piece.entry.keyRange));
    return;
  }
  seen.add(piece.entry.key);
  problems.push(...piece.problems);
  entries.push(piece.entry);
}

/** `Resources:` alone on its line (a comment may follow), quoted or not: its resources are cut into pieces. */
const RESOURCES_KEY = /^(?:Resources|"Resources"|'Resources')(?=[ \t]*:[ \t]*(?:#.*)?\r?$)/;

/**
 * Characters a piece may not start with: a sequence, flow collections, a complex key,
 * anchors, aliases, tags, directives, block scalars and reserved indicators. A line that
 * starts with one is read with the whole text.
 */
const NOT_A_KEY = new Set(['-', '{', '[', ']', '}', ',', '?', '&', '*', '!', '%', '|', '>', '@', '`']);

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** The pieces of a block-style YAML template; undefined when it must be parsed whole. */
function layoutOf(text: string): Layout | undefined {
  // A carriage return ends a line only before a line feed; alone, the parser reads it otherwise.
  if (templateFormat(text) === 'json' || text.charCodeAt(0) === 0xfeff || LONE_CARRIAGE_RETURN.test(text)) return undefined;
  const sectionStarts: number[] = [];
  const pieceStarts: number[] = [];
  let resources: { section: number; keyRange: OffsetRange } | undefined;
  let resourceIndent = -1;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let first = lineStart;
    while (first < lineEnd && text.charCodeAt(first) === 32) first++;
    const char = text[first];
    const blank =
      first === lineEnd || (char === '\r' && first === lineEnd - 1) || (char === '\t' && text.slice(first, lineEnd).trim() === '');
    if (!blank && char !== '#') {
      if (char === '\t') return undefined;
      const indent = first - lineStart;
      if (indent === 0) {
        if (NOT_A_KEY.has(char!)) return undefined;
        sectionStarts.push(lineStart);
        const key = RESOURCES_KEY.exec(text.slice(lineStart, lineEnd));
        if (resources === undefined && key) {
          resources = { section: sectionStarts.length - 1, keyRange: { start: lineStart, end: lineStart + key[0].length } };
        } else if (resources?.section === sectionStarts.length - 2 && pieceStarts.length === 0) {
          // An empty `Resources:` is an ordinary section.
          resources = undefined;
        }
      } else if (sectionStarts.length === 0) {
        return undefined;
      } else if (resources?.section === sectionStarts.length - 1) {
        if (resourceIndent === -1) resourceIndent = indent;
        if (indent < resourceIndent) return undefined;
        if (indent === resourceIndent) {
          if (NOT_A_KEY.has(char!)) return undefined;
          pieceStarts.push(lineStart);
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  if (sectionStarts.length === 0) return undefined;
  const sections = spans(sectionStarts, text.length);
  if (!resources || pieceStarts.length === 0) return { sections };
  return {
    sections,
    resources: { ...resources, pieces: spans(pieceStarts, sections[resources.section]!.end) },
  };
}

function spans(starts: readonly number[], end: number): Span[] {
  return starts.map((start, index) => ({ start, end: starts[index + 1] ?? end }));
}

function moveEntry(entry: TemplateEntry, delta: number): TemplateEntry {
  return { key: entry.key, keyRange: moveRange(entry.keyRange, delta), value: moveValue(entry.value, delta) };
}

function moveValue(value: TemplateValue, delta: number): TemplateValue {
  switch (value.kind) {
    case 'scalar':
      return { kind: 'scalar', value: value.value, range: moveRange(value.range, delta) };
    case 'list':
      return { kind: 'list', items: value.items.map((item) => moveValue(item, delta)), range: moveRange(value.range, delta) };
    case 'map':
      return { kind: 'map', entries: value.entries.map((entry) => moveEntry(entry, delta)), range: moveRange(value.range, delta) };
    case 'intrinsic':
      return { kind: 'intrinsic', name: value.name, argument: moveValue(value.argument, delta), range: moveRange(value.range, delta) };
  }
}

function moveRange(range: OffsetRange, delta: number): OffsetRange {
  return { start: range.start + delta, end: range.end + delta };
}
