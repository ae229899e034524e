import { defineRule } from '../define-rule';
import { writeMegabytes } from '../../edit/write-values';
import { LAMBDA } from '../../limits/aws';
import { isScalar, type YNode } from '../../parse/ast';
import { formatNumber } from '../../parse/values';

export default defineRule({
  id: 'lambda/memory-range',
  defaultSeverity: 'error',
  summary: 'Lambda memory outside 128 MB – 10,240 MB, or not a whole number of MB',
  facts: [LAMBDA.memoryMin, LAMBDA.memoryMax, LAMBDA.memoryStep],
  fixable: true,
  hasSuggestions: false,
  messages: {
    overMax: 'Lambda memory {given} ({megabytes}) is over the {max} maximum; AWS rejects the function.',
    underMin: 'Lambda memory {given} ({megabytes}) is under the {min} minimum; AWS rejects the function.',
    notWhole: 'Lambda memory {given} ({megabytes}) is not a whole number of MB; AWS takes memory in whole MB and rejects the function.',
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
      const under = megabytes < LAMBDA.memoryMin.value;
      // `1.5GB` is 1,536 MB and fine; `128.5MB` is between two whole MB.
      const whole = Math.abs(megabytes - Math.round(megabytes)) < 1e-6;
      if (!over && !under && whole) continue;
      seen.add(memory.node);
      const node = memory.node;
      const value = writeMegabytes(over ? LAMBDA.memoryMax.value : under ? LAMBDA.memoryMin.value : Math.round(megabytes), memory.raw);
      context.report({
        at: node,
        messageId: over ? 'overMax' : under ? 'underMin' : 'notWhole',
        data: {
          given: String(memory.raw),
          megabytes: `${formatNumber(megabytes)} MB`,
          max: LAMBDA.memoryMax.text,
          min: LAMBDA.memoryMin.text,
        },
        fix: { messageId: 'setValue', data: { value }, build: (edits) => (isScalar(node) ? edits.replace(node, value) : undefined) },
      });
    }
  },
});
