import { defineRule } from '../define-rule';
import type { YNode } from '../../parse/ast';
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
    // Aliases share nodes, so the tree can be a graph: visit each node once.
    const visited = new Set<YNode>();
    const visit = (node: YNode | null, depth: number): void => {
      if (!node || depth > 250 || visited.has(node)) return;
      visited.add(node);
      if (node.kind === 'seq') for (const item of node.items) visit(item, depth + 1);
      if (node.kind !== 'map') return;
      const seen = new Map<string, YNode>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const first = seen.get(key);
        if (first) {
          const line = lineOf(context.text, first.start);
          context.report({
            at: pair.key,
            messageId: 'duplicateKey',
            data: { key, line },
            related: [{ at: first, message: `first '${key}'` }],
          });
        } else seen.set(key, pair.key);
        visit(pair.value, depth + 1);
      }
    };
    visit(context.model.root, 0);
  },
});

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
