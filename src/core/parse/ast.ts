/**
 * The document tree the rest of the core works on: small, plain objects with absolute
 * offsets. It is built from `yaml`'s nodes (see convert.ts) so that the rules never
 * deal with the parser's own types, and so that blocks parsed separately (chunks.ts)
 * can be put together into one tree.
 */
import type { OffsetRange } from '../text/line-index';

export type ScalarValue = string | number | boolean | null;

/**
 * Marks a node that stands, at a place of its own, for text written elsewhere: the value
 * of an alias (`key: *x`), what lies inside it, or what a merge key (`<<: *x`) brings into
 * a map. Its range is that place (the alias token, or the `<<` key), so a finding about
 * the value lands where it is used and a suppression comment there reaches it; the
 * anchored node it stands for keeps its own range. See convert.ts.
 */
export interface SharedUse {
  /** The node as written at its anchor (or inside it). */
  readonly written: YNode;
  /**
   * A fix may replace this node's range as a whole: the token of an aliased scalar
   * (`key: *x`), whose replacement overrides the value for this use only. False for an
   * aliased collection and what lies inside it, and for whatever a merge key brought:
   * their range is a token that stands for more than one value.
   */
  readonly replaceable: boolean;
}

export interface YScalar extends OffsetRange {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  /** The scalar was written with quotes or as a block scalar, so it is text whatever it looks like. */
  readonly quoted: boolean;
  readonly shared?: SharedUse;
}

export interface YPair extends OffsetRange {
  readonly key: YScalar;
  /** `null` only where the parser found no value node at all. */
  readonly value: YNode | null;
  /** The `<<: *x` entry that brought this pair into its map (a merge key). */
  readonly mergedBy?: OffsetRange;
}

export interface YMap extends OffsetRange {
  readonly kind: 'map';
  /** `{ a: 1 }` rather than an indented block. */
  readonly flow: boolean;
  readonly items: YPair[];
  readonly shared?: SharedUse;
}

export interface YSeq extends OffsetRange {
  readonly kind: 'seq';
  readonly flow: boolean;
  readonly items: YNode[];
  readonly shared?: SharedUse;
}

export type YNode = YScalar | YMap | YSeq;

export function isMap(node: YNode | null | undefined): node is YMap {
  return node?.kind === 'map';
}
export function isSeq(node: YNode | null | undefined): node is YSeq {
  return node?.kind === 'seq';
}
export function isScalar(node: YNode | null | undefined): node is YScalar {
  return node?.kind === 'scalar';
}

export function findPair(map: YMap | null | undefined, key: string): YPair | undefined {
  if (!map) return undefined;
  for (const pair of map.items) if (pair.key.value === key || String(pair.key.value) === key) return pair;
  return undefined;
}

export function getValue(map: YMap | null | undefined, key: string): YNode | null | undefined {
  return findPair(map, key)?.value;
}

export function keyText(key: YScalar): string {
  return key.value === null ? '' : String(key.value);
}

/** The node at a JSON-pointer-like path of keys and indices; undefined where the path leaves the tree. */
export function nodeAtPath(root: YNode | null, path: readonly (string | number)[]): YNode | undefined {
  let node: YNode | null | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.kind === 'map') node = findPair(node, String(segment))?.value;
    else if (node.kind === 'seq') node = node.items[Number(segment)];
    else return undefined;
  }
  return node ?? undefined;
}

/** The pair whose value sits at the path (its last segment is the key). */
export function pairAtPath(root: YNode | null, path: readonly (string | number)[]): YPair | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAtPath(root, path.slice(0, -1));
  return isMap(parent) ? findPair(parent, String(path[path.length - 1])) : undefined;
}

/**
 * The plain JavaScript value of a node, for the schema validator. `budget` bounds the
 * work: a tree reached through aliases can be exponentially larger than its text.
 */
export function toPlain(node: YNode | null, budget = { nodes: 2_000_000 }): unknown {
  if (--budget.nodes < 0) throw new PlainValueTooLarge();
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map((item) => toPlain(item, budget));
    case 'map': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (!(key in out)) out[key] = toPlain(pair.value, budget);
      }
      return out;
    }
  }
}

export class PlainValueTooLarge extends Error {
  constructor() {
    super('the document expands to too many nodes');
  }
}
