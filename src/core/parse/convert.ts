/**
 * `yaml` nodes -> our tree (ast.ts), shifted by `base` so that a block parsed on its
 * own gets offsets in the whole document.
 *
 * Aliases and merge keys. An alias (`key: *x`) becomes a *view* of the node its anchor
 * names: the same kind and value, with the alias token's range and `shared` set, and
 * views of its children with that same range. A merge key (`<<: *x`, or `<<: [*x, *y]`,
 * YAML 1.1's merge type, which most YAML tools accept) brings the pairs of the maps it
 * names into its map, unless the map sets the key itself (the first map named wins); the
 * pairs come as views placed at the `<<` key (the key) and the alias token (the value).
 * So a finding about a value used through an alias or a merge key sits where the value is
 * used, in the resource that uses it, and the anchor's own text keeps its own ranges.
 * Views are bounded (`MAX_VIEW_NODES`): past that, an alias shares its anchor's children,
 * so an alias bomb costs memory linear in its text.
 */
import { isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq, type Document, Scalar } from 'yaml';
import type { OffsetRange } from '../text/line-index';
import type { YMap, YNode, YPair, YScalar, YSeq } from './ast';

export const MAX_DEPTH = 200;

export interface ConvertProblem {
  start: number;
  end: number;
  message: string;
}

/**
 * Text that stands for more than one place: a fix must not edit it (see analyze.ts). An
 * anchored node's text (from its `&name`) is every alias's value; a merge entry
 * (`<<: *x`) is many pairs; an alias token (`*x`) is its anchor's whole value. The token
 * of an aliased scalar may be replaced as a whole (`replaceable`): that overrides the
 * value for this use only.
 */
export interface SharedText {
  readonly anchors: OffsetRange[];
  readonly merges: OffsetRange[];
  readonly aliases: AliasToken[];
}

export interface AliasToken extends OffsetRange {
  readonly replaceable: boolean;
}

export function emptySharedText(): SharedText {
  return { anchors: [], merges: [], aliases: [] };
}

/** View nodes made per document; past this, aliased collections share their children. */
export const MAX_VIEW_NODES = 100_000;

interface ConvertContext {
  doc: Document;
  base: number;
  problems: ConvertProblem[];
  /** yaml node -> our node: an anchored node is converted once and shared by its aliases. */
  converted: Map<unknown, YNode | null>;
  shared: SharedText;
  /** The parsed text (offsets before `base`), to find an anchor's `&name`. */
  text: string | undefined;
  /** Anchored nodes already in `shared.anchors`. */
  protectedAnchors: Set<unknown>;
  viewBudget: number;
}

type Range3 = [number, number, number] | null | undefined;

function span(range: Range3, base: number): { start: number; end: number } {
  if (!range) return { start: base, end: base };
  return { start: range[0] + base, end: range[1] + base };
}

export interface ConvertOptions {
  /** The text `doc` was parsed from, to place each anchor's `&name`. */
  readonly text?: string;
  /** Collects the text that aliases and merge keys share. */
  readonly shared?: SharedText;
}

export function convertDocument(doc: Document, base: number, problems: ConvertProblem[], options: ConvertOptions = {}): YNode | null {
  const context: ConvertContext = {
    doc,
    base,
    problems,
    converted: new Map(),
    shared: options.shared ?? emptySharedText(),
    text: options.text,
    protectedAnchors: new Set(),
    viewBudget: MAX_VIEW_NODES,
  };
  return convertNode(doc.contents, context, 0);
}

function emptyScalar(at: number): YScalar {
  return { kind: 'scalar', value: null, quoted: false, start: at, end: at };
}

function convertNode(node: unknown, context: ConvertContext, depth: number): YNode | null {
  if (node === null || node === undefined) return null;
  if (depth > MAX_DEPTH) {
    const range = (node as { range?: Range3 }).range;
    const { start, end } = span(range, context.base);
    context.problems.push({ start, end, message: `The document nests deeper than ${MAX_DEPTH} levels; awsflow does not read deeper.` });
    return null;
  }
  if (isAlias(node)) {
    const written = resolveAlias(node, context, depth);
    if (!written) return null;
    const token = span(node.range as Range3, context.base);
    // Replacing the token of an aliased scalar can only mean a new value for this use;
    // an aliased collection's token also stands for each value inside it.
    const replaceable = written.kind === 'scalar';
    context.shared.aliases.push({ ...token, replaceable });
    return viewOf(written, token, replaceable, context);
  }
  if (context.converted.has(node)) return context.converted.get(node) ?? null;
  context.converted.set(node, null);
  const converted = convertFresh(node, context, depth);
  context.converted.set(node, converted);
  return converted;
}

function convertFresh(node: unknown, context: ConvertContext, depth: number): YNode | null {
  if (isYamlScalar(node)) return convertScalar(node, context.base);
  if (isYamlMap(node)) {
    const { start, end } = span(node.range as Range3, context.base);
    const items: YPair[] = [];
    const merges: Merge[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key) && isMergeSource(pair.value)) {
        const merge = convertMerge(pair.key, pair.value, items.length, context, depth);
        if (merge) {
          merges.push(merge);
          continue;
        }
      }
      const value = convertNode(pair.value, context, depth + 1);
      let key: YScalar;
      if (isYamlScalar(pair.key)) key = convertScalar(pair.key, context.base);
      else if (pair.key === null || pair.key === undefined) key = emptyScalar(value ? value.start : start);
      else {
        const keyRange = span((pair.key as { range?: Range3 }).range, context.base);
        key = { kind: 'scalar', value: String(pair.key), quoted: true, start: keyRange.start, end: keyRange.end };
      }
      items.push({ key, value, start: key.start, end: value ? Math.max(value.end, key.end) : key.end });
    }
    // A block collection's range runs on over trailing comments and line breaks; end it at its last item.
    const lastEnd = Math.max(items[items.length - 1]?.end ?? -1, ...merges.map((merge) => merge.entry.end));
    const tightEnd = !node.flow && lastEnd >= 0 ? lastEnd : end;
    const map: YMap = {
      kind: 'map',
      flow: Boolean(node.flow),
      items: merges.length > 0 ? mergedItems(items, merges, context) : items,
      start,
      end: tightEnd,
    };
    return map;
  }
  if (isYamlSeq(node)) {
    const { start, end } = span(node.range as Range3, context.base);
    const items: YNode[] = [];
    for (const item of node.items) {
      const converted = convertNode(item, context, depth + 1);
      if (converted) items.push(converted);
    }
    const last = items[items.length - 1];
    return { kind: 'seq', flow: Boolean(node.flow), items, start, end: !node.flow && last ? last.end : end };
  }
  return null;
}

/** The converted node an alias names; its anchor's text is marked as shared. */
function resolveAlias(alias: { resolve(doc: Document): unknown }, context: ConvertContext, depth: number): YNode | null {
  const target = alias.resolve(context.doc);
  if (!target) return null;
  if (!context.protectedAnchors.has(target)) {
    context.protectedAnchors.add(target);
    const range = (target as { range?: Range3 }).range;
    const name = (target as { anchor?: string }).anchor;
    if (range) {
      // The node's range starts after its `&name`: the anchor goes with it.
      const anchorAt = name && context.text !== undefined ? context.text.lastIndexOf(`&${name}`, range[0]) : -1;
      context.shared.anchors.push({ start: (anchorAt >= 0 ? anchorAt : range[0]) + context.base, end: range[1] + context.base });
    }
  }
  // An alias to a node still being converted (its own anchor) resolves to nothing.
  if (context.converted.has(target)) return context.converted.get(target) ?? null;
  return convertNode(target, context, depth + 1);
}

/** A view of `written` placed at `site` (see the file's comment). */
function viewOf(written: YNode, site: OffsetRange, replaceable: boolean, context: ConvertContext): YNode {
  context.viewBudget--;
  const shared = { written: written.shared?.written ?? written, replaceable };
  const { start, end } = site;
  if (written.kind === 'scalar') return { kind: 'scalar', value: written.value, quoted: written.quoted, start, end, shared };
  const deep = context.viewBudget > 0;
  if (written.kind === 'seq') {
    const items = deep ? written.items.map((item) => viewOf(item, site, false, context)) : written.items;
    const seq: YSeq = { kind: 'seq', flow: written.flow, items, start, end, shared };
    return seq;
  }
  const items = deep ? written.items.map((pair) => viewPair(pair, site, site, undefined, context)) : written.items;
  return { kind: 'map', flow: written.flow, items, start, end, shared };
}

function viewPair(
  pair: YPair,
  keySite: OffsetRange,
  valueSite: OffsetRange,
  mergedBy: OffsetRange | undefined,
  context: ConvertContext,
): YPair {
  return {
    key: viewOf(pair.key, keySite, false, context) as YScalar,
    value: pair.value ? viewOf(pair.value, valueSite, false, context) : null,
    start: Math.min(keySite.start, valueSite.start),
    end: Math.max(keySite.end, valueSite.end),
    ...(mergedBy ? { mergedBy } : {}),
  };
}

/** A plain `<<` key: YAML 1.1's merge key (a quoted '<<' is an ordinary key). */
function isMergeKey(key: unknown): key is Scalar {
  return isYamlScalar(key) && key.value === '<<' && (key.type === undefined || key.type === Scalar.PLAIN);
}

/** `*x` or `[*x, *y]`: what a merge key merges here (an inline map is left to the schema to refuse). */
function isMergeSource(value: unknown): boolean {
  return isAlias(value) || (isYamlSeq(value) && value.items.length > 0 && value.items.every((item) => isAlias(item)));
}

interface Merge {
  /** Where its pairs go among the map's own pairs. */
  readonly index: number;
  readonly key: OffsetRange;
  readonly entry: OffsetRange;
  readonly sources: readonly { readonly map: YMap; readonly token: OffsetRange }[];
}

function convertMerge(key: Scalar, value: unknown, index: number, context: ConvertContext, depth: number): Merge | undefined {
  const aliases = (isAlias(value) ? [value] : (value as { items: unknown[] }).items) as {
    resolve(doc: Document): unknown;
    range?: Range3;
  }[];
  const sources: { map: YMap; token: OffsetRange }[] = [];
  for (const alias of aliases) {
    const written = resolveAlias(alias, context, depth);
    // A merge key takes maps only; anything else leaves `<<` an ordinary (unknown) key.
    if (written && written.kind !== 'map') return undefined;
    if (written) sources.push({ map: written, token: span(alias.range, context.base) });
  }
  const keyRange = span(key.range as Range3, context.base);
  const entry = { start: keyRange.start, end: span((value as { range?: Range3 }).range, context.base).end };
  context.shared.merges.push(entry);
  return { index, key: keyRange, entry, sources };
}

/**
 * The map's own pairs with each merge's pairs where its `<<` entry was: a key the map sets
 * itself, or an earlier merge brought, is not brought again (YAML's merge rules).
 */
function mergedItems(own: readonly YPair[], merges: readonly Merge[], context: ConvertContext): YPair[] {
  const taken = new Set(own.map((pair) => String(pair.key.value)));
  const items: YPair[] = [];
  let next = 0;
  for (const merge of merges) {
    while (next < merge.index) items.push(own[next++]!);
    for (const source of merge.sources) {
      for (const pair of source.map.items) {
        const name = String(pair.key.value);
        if (taken.has(name)) continue;
        taken.add(name);
        items.push(viewPair(pair, merge.key, source.token, merge.entry, context));
      }
    }
  }
  while (next < own.length) items.push(own[next++]!);
  return items;
}

function convertScalar(node: Scalar, base: number): YScalar {
  const { start, end } = span(node.range as Range3, base);
  const raw = node.value;
  let value: YScalar['value'];
  if (raw === null || raw === undefined) value = null;
  else if (typeof raw === 'string' || typeof raw === 'boolean') value = raw;
  else if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'bigint') value = Number(raw);
  else value = String(raw);
  const quoted = node.type !== undefined && node.type !== Scalar.PLAIN;
  return { kind: 'scalar', value, quoted, start, end };
}
