/**
 * What every part of completion shares: the cursor's context and the entries made from
 * it (replacing the word typed so far, with a space after `key:‸`, lines indented to the
 * cursor), the schema's texts, and what a key already followed by its colon needs.
 */
import schema from '../../../../schemas/awsflow.schema.json';
import type { Analysis } from '../../analyze';
import type { ResourceType } from '../../model/properties';
import { docsUrl, type DocsLinks } from '../../rules/define-rule';
import type { CompletionEntry, CompletionKind } from '../types';
import type { CursorContext, CursorPlace, YamlText } from '../cursor-context';
import { typeRecord } from '../../model/resource-types';

export interface SchemaNode {
  readonly description?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly then?: SchemaNode;
}

export const SCHEMA = schema as unknown as {
  readonly properties: Readonly<Record<string, SchemaNode>>;
  readonly $defs: Readonly<Record<string, SchemaNode>>;
};

export const TYPE_DETAILS = typeRecord((facts) => facts.detail);

/** The cursor's context in the text, wherever it is not a comment or a block scalar's text. */
type Located = Exclude<CursorContext, { readonly kind: 'comment' | 'block-scalar' }>;

export class Context {
  readonly text: string;
  readonly place: CursorPlace;
  readonly end: number;
  readonly partial: string;
  private unitCache: string | undefined;

  constructor(
    readonly analysis: Analysis,
    readonly doc: YamlText,
    readonly where: Located,
    readonly triggerCharacter: string | undefined,
    readonly links: DocsLinks,
  ) {
    this.text = analysis.text;
    this.place = where.at;
    this.end = where.at.offset;
    this.partial = this.text.slice(this.place.partialStart, this.end);
  }

  get unit(): string {
    return (this.unitCache ??= this.doc.indentUnit());
  }

  entry(
    label: string,
    kind: CompletionKind,
    insertText: string,
    extra: Partial<Omit<CompletionEntry, 'label' | 'kind' | 'insertText' | 'replace'>> = {},
  ): CompletionEntry {
    return { label, kind, insertText, replace: { start: this.place.partialStart, end: this.end }, ...extra };
  }

  /** A value: with a space before it after `key:‸`. */
  value(
    label: string,
    kind: CompletionKind,
    extra: Partial<Omit<CompletionEntry, 'label' | 'kind' | 'insertText' | 'replace'>> = {},
    insertText = label,
  ): CompletionEntry {
    return this.entry(label, kind, this.place.needsSpace ? ` ${insertText}` : insertText, extra);
  }

  /** Lines after the first are indented to the cursor's line, plus `depth` steps of the file's indentation. */
  lines(lines: readonly (readonly [number, string])[]): string {
    return lines
      .map(([depth, line], index) => (index === 0 ? line : this.place.indent + this.unit.repeat(depth) + line))
      .join(this.doc.eol);
  }

  /** The type written in the resource the cursor is in, or else the model's. */
  resourceType(): ResourceType | undefined {
    const where = this.where;
    if (where.kind !== 'resource-key' && where.kind !== 'resource-value') return undefined;
    return where.writtenType() ?? this.analysis.model.byId.get(where.resourceId)?.type;
  }

  resourceFifo(): boolean {
    const where = this.where;
    if (where.kind !== 'resource-key' && where.kind !== 'resource-value') return false;
    const written = where.resourceEntries().get('fifo');
    if (written !== undefined) return written === 'true';
    return this.analysis.model.byId.get(where.resourceId)?.fifo ?? false;
  }

  /** What follows the cursor on its line (to find ids written after it). */
  restOfLine(): string {
    const line = this.doc.lineAt(this.end);
    return this.text.slice(this.end, this.doc.ends[line]);
  }
}

export function pad(value: number, width = 3): string {
  return String(Math.max(0, Math.min(value, 10 ** width - 1))).padStart(width, '0');
}

export const KEY_WORD = /^[A-Za-z0-9_./-]*$/;

export const ID_WORD = /^[A-Za-z0-9_.-]*$/;

export function ruleDocumentation(id: string, summary: string, severity: string, links: DocsLinks): string {
  const url = docsUrl(id, links);
  return `${summary}.\n\nDefault severity: \`${severity}\`.${url ? ` [${id}](${url})` : ''}`;
}

export function followedByColon(c: Context): boolean {
  return /^[A-Za-z0-9_./-]*\s*:(\s|$)/.test(c.restOfLine());
}

export function keyInsert(c: Context, key: string): string {
  return c.place.quoted || followedByColon(c) ? key : `${key}: `;
}

export function schemaProperty(type: ResourceType, name: string): SchemaNode | undefined {
  return SCHEMA.$defs[type]?.properties?.[name];
}
