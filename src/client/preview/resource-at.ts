/**
 * Which resource the cursor is on, for the preview's highlight. The diagram's node
 * ranges are the resources' keys; a resource's definition runs from its key down to the
 * next line indented as little as the key (or the next resource's key, whichever comes
 * first). A cursor on an id inside a flow entry or a dead-letter target means that
 * resource. vscode-free, so it is unit-tested.
 */
import type { DiagramResult } from '../../protocol/lsp';

export interface CursorPosition {
  line: number;
  character: number;
}

type RangeLike = { start: CursorPosition; end: CursorPosition };
type Lookup = Pick<DiagramResult, 'nodes' | 'edges'>;

/**
 * @param lineAt the document's text of a line (undefined past the end): it sharpens the
 *   ends of definitions and finds the id under the cursor in flow entries.
 */
export function resourceAt(diagram: Lookup, position: CursorPosition, lineAt: (line: number) => string | undefined): string | null {
  return referenceAt(diagram, position, lineAt) ?? definitionAt(diagram, position, lineAt);
}

function contains(range: RangeLike, position: CursorPosition): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The id under the cursor, when the cursor is inside a connection's text (flow entry or dead-letter target). */
function referenceAt(diagram: Lookup, position: CursorPosition, lineAt: (line: number) => string | undefined): string | null {
  if (!diagram.edges.some((edge) => contains(edge.range, position))) return null;
  const word = idAt(lineAt(position.line) ?? '', position.character);
  if (!word) return null;
  return diagram.nodes.some((node) => node.resourceId === word) ? word : null;
}

const ID_CHAR = /[A-Za-z0-9_.]/;

/** The resource-id-shaped word touching `character`; a `-` counts unless it starts an arrow `->`. */
export function idAt(text: string, character: number): string | undefined {
  const isIdChar = (index: number) => {
    const char = text[index];
    if (char === undefined) return false;
    return ID_CHAR.test(char) || (char === '-' && text[index + 1] !== '>');
  };
  let start = Math.min(character, text.length);
  let end = start;
  while (start > 0 && isIdChar(start - 1)) start--;
  while (end < text.length && isIdChar(end)) end++;
  const word = text.slice(start, end).replace(/^-+/, '');
  return /^[A-Za-z]/.test(word) ? word : undefined;
}

function definitionAt(diagram: Lookup, position: CursorPosition, lineAt: (line: number) => string | undefined): string | null {
  const keys = [...diagram.nodes].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  for (let index = keys.length - 1; index >= 0; index--) {
    const node = keys[index]!;
    const start = node.range.start;
    if (
      position.line < start.line ||
      (position.line === start.line && position.character < start.character && !isIndentation(lineAt(start.line), position.character))
    )
      continue;
    // The last key at or before the cursor: is the cursor still inside its definition?
    if (position.line === start.line) return node.resourceId;
    for (let line = start.line + 1; line <= position.line; line++) {
      const text = lineAt(line);
      if (text === undefined) return null;
      if (/^\s*(#|$)/.test(text)) continue;
      if (indentOf(text) <= start.character) return null;
    }
    return node.resourceId;
  }
  return null;
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

/** The cursor sits in the whitespace before the key on the key's own line. */
function isIndentation(text: string | undefined, character: number): boolean {
  return text !== undefined && text.slice(0, character).trim() === '';
}
