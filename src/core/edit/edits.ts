/**
 * Minimal text edits computed from node offsets. Everything outside the edited span
 * stays byte for byte: comments, quoting, indentation, line endings. Rules build their
 * fixes with these helpers and never rewrite whole documents.
 */
import type { YMap, YNode } from '../parse/ast';
import { findPair } from '../parse/ast';
import type { Model } from '../model/model';
import type { OffsetRange } from '../text/line-index';

/** Where `insertProperty` puts a new pair: after the pair with this key, when there is one. */
export interface Placement {
  readonly after?: string;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export class Edits {
  readonly newline: string;

  constructor(readonly text: string) {
    this.newline = /\r\n/.test(text) ? '\r\n' : '\n';
  }

  /**
   * Replace a node or range. A node that stands for shared text (ast.ts `SharedUse`) may be
   * replaced only when it is an alias's whole value: that overrides the value for this use.
   */
  replace(range: OffsetRange | YNode, newText: string): TextEdit {
    if ('kind' in range && range.shared && !range.shared.replaceable) throw new SharedTextEdit();
    return { start: range.start, end: range.end, newText };
  }

  insertAt(offset: number, newText: string): TextEdit {
    return { start: offset, end: offset, newText };
  }

  /** Column of an offset within its line. */
  columnOf(offset: number): number {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    return offset - lineStart;
  }

  /** Set `key` in `map` to `valueText`: replace the value if present, add the pair if not (see `insertProperty`). */
  setProperty(map: YMap, key: string, valueText: string, placement: Placement = {}): TextEdit {
    if (map.shared) throw new SharedTextEdit();
    const pair = findPair(map, key);
    if (pair?.value && !(pair.value.kind === 'scalar' && pair.value.value === null && pair.value.start === pair.value.end)) {
      return this.replace(pair.value, valueText);
    }
    if (pair) return this.replace({ start: pair.key.start, end: pair.end }, `${key}: ${valueText}`);
    return this.insertProperty(map, key, valueText, placement);
  }

  /**
   * Add `key: valueText` to `map`, in the map's own style: after the pair named by
   * `placement.after` when the map has it (`fifo: true` belongs next to `type: sqs`),
   * else as the last pair.
   */
  insertProperty(map: YMap, key: string, valueText: string, placement: Placement = {}): TextEdit {
    if (map.shared) throw new SharedTextEdit();
    const anchor = placement.after === undefined ? undefined : findPair(map, placement.after);
    const last = anchor ?? map.items[map.items.length - 1];
    if (map.flow) {
      if (!last) return this.replace(map, `{ ${key}: ${valueText} }`);
      return this.insertAt(last.end, `, ${key}: ${valueText}`);
    }
    if (!last) return this.insertAt(map.end, `${key}: ${valueText}`);
    const indent = ' '.repeat(this.columnOf(map.items[0]!.key.start));
    return this.insertAfterLine(last.end, `${indent}${key}: ${valueText}`);
  }

  /** Insert a whole line after the line holding `offset` (after any comment on it). */
  insertAfterLine(offset: number, line: string): TextEdit {
    if (offset > 0 && this.text[offset - 1] === '\n') return this.insertAt(offset, line + this.newline);
    const eol = this.text.indexOf('\n', offset);
    if (eol === -1) return this.insertAt(this.text.length, this.newline + line);
    const at = this.text[eol - 1] === '\r' ? eol - 1 : eol;
    return this.insertAt(at, this.newline + line);
  }

  /**
   * Add a resource after the last one, indented like the others:
   * `id:` then one `key: value` line per property.
   */
  appendResource(model: Model, id: string, properties: readonly (readonly [string, string])[]): TextEdit | undefined {
    const resourcesPair = findPair(model.root, 'resources');
    if (!resourcesPair) return undefined;
    const resources = resourcesPair.value;
    const lastResource = model.resources[model.resources.length - 1];
    if (resources?.kind === 'map' && resources.flow) {
      const body = properties.map(([k, v]) => `${k}: ${v}`).join(', ');
      return this.insertProperty(resources, id, `{ ${body} }`);
    }
    if (!lastResource) {
      const lines = [`  ${id}:`, ...properties.map(([k, v]) => `    ${k}: ${v}`)];
      return this.insertAfterLine(resourcesPair.key.end, lines.join(this.newline));
    }
    const column = this.columnOf(lastResource.key.start);
    const childIndent =
      lastResource.node && !lastResource.node.flow && lastResource.node.items[0]
        ? this.columnOf(lastResource.node.items[0].key.start) - column
        : 2;
    const indent = ' '.repeat(column);
    const lines = [`${indent}${id}:`, ...properties.map(([k, v]) => `${indent}${' '.repeat(childIndent)}${k}: ${v}`)];
    return this.insertAfterLine(lastResource.pair.end, lines.join(this.newline));
  }

  /**
   * Rename a resource and every reference to it (flows, `deadLetter.target`,
   * `onFailure`, `volumes`). References whose text is not exactly the id (escaped
   * strings) are left alone rather than guessed at.
   */
  renameResource(model: Model, oldId: string, newId: string): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const resource of model.resources) {
      if (resource.id === oldId) {
        const edit = this.renameAt(resource.key, oldId, newId);
        if (edit) edits.push(edit);
      }
    }
    for (const reference of model.references) {
      if (reference.id !== oldId) continue;
      const edit = this.renameAt(reference, oldId, newId);
      if (edit) edits.push(edit);
    }
    return edits;
  }

  /**
   * Replace an id written at `range`: plainly, or inside its quotes (`"orders"` keeps its
   * quotes). Anything else (escapes) is left alone rather than guessed at. A plain id
   * that YAML would read as a boolean or null is quoted.
   */
  private renameAt(range: OffsetRange, oldId: string, newId: string): TextEdit | undefined {
    const written = this.text.slice(range.start, range.end);
    if (written === oldId) {
      const standsAlone = !/[\w.-]/.test(this.text[range.start - 1] ?? '') && !/[\w.-]/.test(this.text[range.end] ?? '');
      const ambiguous = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(newId);
      return this.replace(range, ambiguous && standsAlone && !this.insideFlowString(range) ? `"${newId}"` : newId);
    }
    const quote = written[0];
    if (
      (quote === '"' || quote === "'") &&
      written.length === oldId.length + 2 &&
      written.endsWith(quote) &&
      written.slice(1, -1) === oldId
    ) {
      return this.replace({ start: range.start + 1, end: range.end - 1 }, newId);
    }
    return undefined;
  }

  /** Whether a range sits inside a longer scalar on its line (a flow string `a -> b`). */
  private insideFlowString(range: OffsetRange): boolean {
    const lineStart = this.text.lastIndexOf('\n', range.start - 1) + 1;
    const lineEnd = this.text.indexOf('\n', range.end);
    const line = this.text.slice(lineStart, lineEnd === -1 ? this.text.length : lineEnd);
    return line.includes('->');
  }

  textOf(node: YNode | OffsetRange): string {
    return this.text.slice(node.start, node.end);
  }
}

/**
 * Thrown by `Edits` when a fix would edit a value that an alias or a merge key brings from
 * elsewhere: the analysis drops that fix (the finding stays).
 */
export class SharedTextEdit extends Error {
  constructor() {
    super('the value is shared through an alias or a merge key: a fix here would change it for every use');
  }
}

/**
 * Apply edits to a text. They must not overlap; insertions at the same offset land in
 * list order (as editors apply them), and an edit repeated exactly is applied once.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const unique: { edit: TextEdit; index: number }[] = [];
  const seen = new Set<string>();
  edits.forEach((edit, index) => {
    const key = `${edit.start}:${edit.end}:${edit.newText}`;
    if (seen.has(key)) return;
    seen.add(key);
    unique.push({ edit, index });
  });
  // From the end backwards, so earlier offsets stay valid; for one offset, the last listed first.
  unique.sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const { edit } of unique) {
    if (edit.end > lastStart) continue; // overlapping: keep the later one only
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    lastStart = edit.start;
  }
  return out;
}
