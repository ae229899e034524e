import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import { isMap, isScalar, keyText, type YNode } from '../../parse/ast';
import { formatNumber } from '../../parse/values';

export default defineRule({
  id: 'lambda/env-size',
  defaultSeverity: 'error',
  summary: 'Lambda environment variables over 4 KB in total (names and values)',
  facts: [LAMBDA.environmentMax],
  fixable: false,
  hasSuggestions: false,
  messages: {
    tooLarge:
      "Environment variables total {total} bytes ({count}, names plus values in UTF-8), over Lambda's {max} limit ({maxBytes} bytes); the largest is {largest} ({largestBytes} bytes). AWS rejects the function.",
  },
  check(context) {
    const { text } = context;
    // A map inherited from `defaults` is one node shared by several functions: report it once.
    const seen = new Set<YNode>();
    for (const fn of context.model.ofType('lambda')) {
      const env = fn.props.get('env');
      if (!env || !isMap(env.node) || seen.has(env.node)) continue;
      seen.add(env.node);
      let total = 0;
      let largest = { name: '', bytes: -1 };
      for (const pair of env.node.items) {
        const name = keyText(pair.key);
        const bytes = utf8Length(name) + utf8Length(valueText(pair.value, text));
        total += bytes;
        if (bytes > largest.bytes) largest = { name, bytes };
      }
      if (total <= LAMBDA.environmentMax.value) continue;
      context.report({
        at: env.key,
        messageId: 'tooLarge',
        data: {
          total: formatNumber(total),
          count: `${env.node.items.length} variable${env.node.items.length === 1 ? '' : 's'}`,
          max: LAMBDA.environmentMax.text,
          maxBytes: formatNumber(LAMBDA.environmentMax.value),
          largest: largest.name,
          largestBytes: formatNumber(largest.bytes),
        },
      });
    }
  },
});

/**
 * The string Lambda stores for a value. Numbers and booleans become strings as written
 * (`8080`, `true`); something that is not a scalar is the schema's business and counts nothing.
 */
function valueText(node: YNode | null, text: string): string {
  if (!isScalar(node) || node.value === null) return '';
  if (typeof node.value === 'string') return node.value;
  return text.slice(node.start, node.end);
}

/** Bytes of `value` in UTF-8 (a lone surrogate is sent as U+FFFD, 3 bytes). */
function utf8Length(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
