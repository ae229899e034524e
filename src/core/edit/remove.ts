/**
 * Removing a key/value pair from a map with a minimal edit: the separators around it
 * (a flow map's commas, a block map's line) go with it, and everything else stays byte
 * for byte.
 */
import { findPair, type YMap, type YNode, type YPair } from '../parse/ast';
import { SharedTextEdit, type Edits, type TextEdit } from './edits';

/**
 * Remove `key` from `map`. In a flow map `{ a: 1, key: 2 }` the pair and one comma go;
 * in a block map the pair's lines go (a comment at the end of its last line goes with
 * it). A map left empty becomes `{}`. undefined when `map` has no `key`.
 */
export function removeProperty(edits: Edits, map: YMap, key: string): TextEdit | undefined {
  const pair = findPair(map, key);
  if (!pair) return undefined;
  // A pair an alias or a merge key brings is written elsewhere, for every use.
  if (map.shared || pair.mergedBy) throw new SharedTextEdit();
  const index = map.items.indexOf(pair);
  if (map.items.length === 1)
    return map.flow ? edits.replace(map, '{}') : edits.replace({ start: pair.start, end: contentEnd(pair) }, '{}');
  return map.flow ? removeFromFlow(edits, map, index) : removeFromBlock(edits, map, pair, index);
}

function removeFromFlow(edits: Edits, map: YMap, index: number): TextEdit {
  const { text } = edits;
  const pair = map.items[index]!;
  const next = map.items[index + 1];
  if (next) {
    // `key: 2, ` up to the next pair, keeping a comment or line break that follows the comma.
    const comma = text.indexOf(',', pair.end);
    let end = comma === -1 || comma >= next.start ? pair.end : comma + 1;
    while (end < next.start && (text[end] === ' ' || text[end] === '\t')) end++;
    return edits.replace({ start: pair.start, end }, '');
  }
  // The last pair: from the comma that precedes it.
  const previous = map.items[index - 1]!;
  const comma = text.lastIndexOf(',', pair.start);
  const start = comma >= previous.end ? comma : pair.start;
  return edits.replace({ start, end: pair.end }, '');
}

function removeFromBlock(edits: Edits, map: YMap, pair: YPair, index: number): TextEdit {
  const { text } = edits;
  const lineStart = text.lastIndexOf('\n', pair.start - 1) + 1;
  const prefix = text.slice(lineStart, pair.start);
  const next = map.items[index + 1];
  if (!/^[ \t]*$/.test(prefix)) {
    // The pair shares its line with something before it (`- key: 1`): pull the next pair up.
    if (next) return edits.replace({ start: pair.start, end: next.key.start }, '');
    return edits.replace({ start: pair.start, end: contentEnd(pair) }, '{}');
  }
  return removeLines(edits, pair);
}

/**
 * Remove a block pair's lines: from the start of its line through the end of the line its
 * value ends on (a comment there goes with it). The caller makes sure the pair starts
 * its line and that what remains is still valid.
 */
export function removeLines(edits: Edits, pair: YPair): TextEdit {
  const { text } = edits;
  const lineStart = text.lastIndexOf('\n', pair.start - 1) + 1;
  const eol = text.indexOf('\n', contentEnd(pair));
  if (eol !== -1) return edits.replace({ start: lineStart, end: eol + 1 }, '');
  // The last line of a file without a final newline: take the line break before it instead.
  if (lineStart === 0) return edits.replace({ start: 0, end: text.length }, '');
  const before = text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  return edits.replace({ start: before, end: text.length }, '');
}

/**
 * Where a pair's text ends: a block collection's range runs on over the line break and
 * comments after it, so look at its last item instead.
 */
export function contentEnd(pair: YPair): number {
  return pair.value ? Math.max(pair.key.end, nodeEnd(pair.value)) : pair.key.end;
}

/** Where a node's own text ends (a block collection's range also covers what follows it). */
export function nodeEnd(node: YNode): number {
  let current: YNode = node;
  let end = node.start;
  for (;;) {
    if (current.kind === 'scalar' || current.flow) return Math.max(end, current.end);
    const last: YNode | YPair | undefined = current.items[current.items.length - 1];
    if (!last) return Math.max(end, current.start);
    if ('kind' in last) current = last;
    else {
      end = Math.max(end, last.key.end);
      if (!last.value) return end;
      current = last.value;
    }
  }
}
