import { defineRule } from '../define-rule';
import type { YNode, YScalar } from '../../parse/ast';
import { keyText } from '../../parse/ast';
import { mayHaveAliases, sourceOf } from '../../parse/chunks';

/** Problems the parser raises that are about limits, reported by syntax/limits instead. */
export const LIMIT_CODES = new Set(['TOO_LARGE', 'BINARY', 'TOO_DEEP']);

export default defineRule({
  id: 'syntax/yaml',
  defaultSeverity: 'error',
  summary: 'YAML syntax errors and duplicate keys',
  sources: ['https://yaml.org/spec/1.2.2/'],
  fixable: false,
  hasSuggestions: false,
  messages: {
    syntax: 'YAML syntax error: {message}',
    duplicateKey: "Duplicate key '{key}': YAML keeps one value per key. The first '{key}' is on line {line}.",
  },
  check(context) {
    for (const problem of context.syntaxProblems) {
      if (LIMIT_CODES.has(problem.code)) continue;
      context.report({ at: problem, messageId: 'syntax', data: { message: problem.message } });
    }
    for (const [duplicate, first] of duplicatesIn(context.model.rootNode, mayHaveAliases(context.text))) {
      const key = keyText(duplicate);
      context.report({
        at: duplicate,
        messageId: 'duplicateKey',
        data: { key, line: lineOf(context.text, first.start) },
        related: [{ at: first, message: `first '${key}'` }],
      });
    }
  },
});

type Duplicate = readonly [duplicate: YScalar, first: YScalar];

const NONE: readonly Duplicate[] = [];

/** Up to this many keys, a mapping's earlier keys are searched in a list rather than hashed. */
const SMALL_MAPPING = 16;

/**
 * Duplicate keys in a subtree. Remembered per block (a resource, a flow entry: depth 2):
 * an unchanged block keeps its node objects from one version to the next
 * (parse/chunks.ts), so it is not walked again. Below the blocks nodes are remembered
 * only where aliases may make them shared, so a shared node is walked once (and an
 * alias bomb stays linear); a plain tree is walked without that bookkeeping.
 */
const duplicateCache = new WeakMap<YNode, readonly Duplicate[]>();

/**
 * A block an edit above moved is a copy (parse/chunks.ts): when the block it was copied
 * from had no duplicate keys, neither has the copy. (A list of duplicates holds nodes, so
 * only the empty answer carries over.)
 */
function noneInSource(node: YNode): readonly Duplicate[] | undefined {
  const source = sourceOf(node);
  return source !== node && duplicateCache.get(source) === NONE ? NONE : undefined;
}

function duplicatesIn(root: YNode | null, aliasesPossible: boolean): readonly Duplicate[] {
  const visit = (node: YNode | null, depth: number): readonly Duplicate[] => {
    if (!node || node.kind === 'scalar' || depth > 250) return NONE;
    // A view of an alias (parse/convert.ts) stands for text checked where it is written.
    if (node.shared) return NONE;
    const remember = depth <= 2 || aliasesPossible;
    if (remember) {
      const cached = duplicateCache.get(node) ?? noneInSource(node);
      if (cached) return cached;
      duplicateCache.set(node, NONE); // a cycle through aliases ends here
    }
    let found: Duplicate[] | undefined;
    if (node.kind === 'seq') {
      for (const item of node.items) found = append(found, visit(item, depth + 1));
    } else {
      const seen = node.items.length > SMALL_MAPPING ? new Map<string, YScalar>() : undefined;
      const keys: string[] = [];
      const firstKeys: YScalar[] = [];
      for (const pair of node.items) {
        const key = keyText(pair.key);
        let first: YScalar | undefined;
        if (seen) {
          first = seen.get(key);
          if (!first) seen.set(key, pair.key);
        } else {
          const at = keys.indexOf(key);
          if (at === -1) {
            keys.push(key);
            firstKeys.push(pair.key);
          } else {
            first = firstKeys[at];
          }
        }
        if (first) (found ??= []).push([pair.key, first]);
        found = append(found, visit(pair.value, depth + 1));
      }
    }
    const result = found ?? NONE;
    if (remember) duplicateCache.set(node, result);
    return result;
  };
  return visit(root, 0);
}

/** `list` with `more` added (made only when there is something to add). */
function append(list: Duplicate[] | undefined, more: readonly Duplicate[]): Duplicate[] | undefined {
  if (more.length === 0) return list;
  const out = list ?? [];
  for (const duplicate of more) out.push(duplicate);
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
