import { defineRule } from '../define-rule';
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

/**
 * `megabytes` written the way the user wrote the old value: `12GB` -> `10GB`, `12 GiB` -> `10 GiB`,
 * `20000` -> `10240`, `64MB` -> `128MB`. A size that is not whole gigabytes falls back to MB.
 */
function writeMegabytes(megabytes: number, raw: unknown): string {
  if (typeof raw === 'number') return String(megabytes);
  const match = typeof raw === 'string' ? /^\s*\d+(?:\.\d+)?(\s*)([KMGT]i?B|B)?\s*$/i.exec(raw) : null;
  if (!match) return `${megabytes}MB`;
  const space = match[1] ?? '';
  const unit = match[2];
  if (!unit) return String(megabytes);
  if (/^g/i.test(unit) && megabytes % 1024 === 0) return `${megabytes / 1024}${space}${unit}`;
  // Keep the user's spelling of the unit (MB, MiB, mb) by swapping only its first letter.
  const megaUnit = /^[kgt]/i.test(unit) ? (unit[0] === unit[0]!.toLowerCase() ? 'm' : 'M') + unit.slice(1) : /^b$/i.test(unit) ? 'MB' : unit;
  return `${megabytes}${space}${megaUnit}`;
}
