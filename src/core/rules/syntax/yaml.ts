import { defineRule } from '../define-rule';
import type { YNode, YScalar } from '../../parse/ast';
import { keyText } from '../../parse/ast';

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
    for (const [duplicate, first] of duplicatesIn(context.model.rootNode)) {
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

/**
 * Duplicate keys in a subtree, remembered per node: an unchanged block keeps its node
 * objects from one version to the next (parse/chunks.ts), so it is not walked again.
 * Shared (aliased) nodes are walked once.
 */
const duplicateCache = new WeakMap<YNode, readonly Duplicate[]>();

function duplicatesIn(root: YNode | null): Duplicate[] {
  const out: Duplicate[] = [];
  const visit = (node: YNode | null, depth: number): readonly Duplicate[] => {
    if (!node || node.kind === 'scalar' || depth > 250) return [];
    const cached = duplicateCache.get(node);
    if (cached) return cached;
    duplicateCache.set(node, []); // a cycle through aliases ends here
    const found: Duplicate[] = [];
    if (node.kind === 'seq') for (const item of node.items) found.push(...visit(item, depth + 1));
    else {
      const seen = new Map<string, YScalar>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const first = seen.get(key);
        if (first) found.push([pair.key, first]);
        else seen.set(key, pair.key);
        found.push(...visit(pair.value, depth + 1));
      }
    }
    duplicateCache.set(node, found);
    return found;
  };
  out.push(...visit(root, 0));
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
