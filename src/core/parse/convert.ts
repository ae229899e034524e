/**
 * `yaml` nodes -> our tree (ast.ts), shifted by `base` so that a block parsed on its
 * own gets offsets in the whole document. Aliases become the node they point at
 * (shared, never copied), so an alias bomb costs no memory here.
 */
import { isAlias, isMap as isYamlMap, isPair, isScalar as isYamlScalar, isSeq as isYamlSeq, type Document, Scalar } from 'yaml';
import type { YMap, YNode, YPair, YScalar } from './ast';

export const MAX_DEPTH = 200;

export interface ConvertProblem {
  start: number;
  end: number;
  message: string;
}

interface ConvertContext {
  doc: Document;
  base: number;
  problems: ConvertProblem[];
  /** yaml node -> our node: an anchored node is converted once and shared by its aliases. */
  converted: Map<unknown, YNode | null>;
}

type Range3 = [number, number, number] | null | undefined;

function span(range: Range3, base: number): { start: number; end: number } {
  if (!range) return { start: base, end: base };
  return { start: range[0] + base, end: range[1] + base };
}

export function convertDocument(doc: Document, base: number, problems: ConvertProblem[]): YNode | null {
  const context: ConvertContext = { doc, base, problems, converted: new Map() };
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
    const target = node.resolve(context.doc);
    if (!target) return null;
    // An alias to a node still being converted (its own anchor) resolves to nothing.
    if (context.converted.has(target)) return context.converted.get(target) ?? null;
    return convertNode(target, context, depth + 1);
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
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
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
    const last = items[items.length - 1];
    const tightEnd = !node.flow && last ? last.end : end;
    const map: YMap = { kind: 'map', flow: Boolean(node.flow), items, start, end: tightEnd };
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
