import { defineRule } from '../define-rule';
import { writeMegabytes } from '../../edit/write-values';
import { LAMBDA } from '../../limits/aws';
import { isScalar, type YNode } from '../../parse/ast';
import { formatNumber } from '../../parse/values';

export default defineRule({
  id: 'lambda/memory-range',
  defaultSeverity: 'error',
  summary: 'Lambda memory outside 128 MB – 10,240 MB',
  facts: [LAMBDA.memoryMin, LAMBDA.memoryMax],
  fixable: true,
  hasSuggestions: false,
  messages: {
    overMax: 'Lambda memory {given} ({megabytes}) is over the {max} maximum; AWS rejects the function.',
    underMin: 'Lambda memory {given} ({megabytes}) is under the {min} minimum; AWS rejects the function.',
    setValue: 'Set the memory to {value}',
  },
  check(context) {
    // A value inherited from `defaults` is one node shared by several functions: report it once.
    const seen = new Set<YNode>();
    for (const fn of context.model.ofType('lambda')) {
      const memory = fn.props.get('memory');
      if (!memory?.node || typeof memory.value !== 'number' || seen.has(memory.node)) continue;
      const megabytes = memory.value;
      const over = megabytes > LAMBDA.memoryMax.value;
      if (!over && megabytes >= LAMBDA.memoryMin.value) continue;
      seen.add(memory.node);
      const node = memory.node;
      const value = writeMegabytes(over ? LAMBDA.memoryMax.value : LAMBDA.memoryMin.value, memory.raw);
      context.report({
        at: node,
        messageId: over ? 'overMax' : 'underMin',
        data: { given: String(memory.raw), megabytes: `${formatNumber(megabytes)} MB`, max: LAMBDA.memoryMax.text, min: LAMBDA.memoryMin.text },
        fix: { messageId: 'setValue', data: { value }, build: (edits) => (isScalar(node) ? edits.replace(node, value) : undefined) },
      });
    }
  },
});

