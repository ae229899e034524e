import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts, type OwnedElsewhere } from '../range-check';

// lambda/memory-range owns memory; lambda/timeout-limit owns the timeout's maximum, which
// depends on the capacity type and the callers. The 1 s minimum and whole seconds are here.
export const OWNED_ELSEWHERE: readonly OwnedElsewhere[] = ['memory', { path: 'timeout', bound: 'max' }];
const PROVISIONED_CONCURRENCY = 'https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html';

export default defineRule({
  id: 'lambda/range',
  defaultSeverity: 'error',
  summary:
    'Lambda property outside the range AWS accepts (timeout at least 1 s in whole seconds, ephemeral storage 512–10,240 MB, concurrency settings at least 0, provisioned concurrency within reserved concurrency)',
  facts: rangeFacts('lambda', OWNED_ELSEWHERE),
  sources: [PROVISIONED_CONCURRENCY],
  fixable: true,
  hasSuggestions: true,
  messages: {
    ...RANGE_MESSAGES,
    provisionedOverReserved:
      "Lambda provisionedConcurrency {provisioned} is over the function's reservedConcurrency {reserved}; AWS rejects provisioned concurrency above the reserved concurrency.",
    lowerProvisioned: 'Set provisionedConcurrency to {value}',
    raiseReserved: 'Set reservedConcurrency to {value}',
  },
  check(context) {
    checkRanges(context, 'lambda', { service: 'Lambda', skip: OWNED_ELSEWHERE });
    const seen = new Set<number>();
    for (const fn of context.model.ofType('lambda')) {
      const provisioned = fn.props.get('provisionedConcurrency');
      const reserved = fn.props.get('reservedConcurrency');
      if (!provisioned?.node || !reserved?.node) continue;
      if (typeof provisioned.value !== 'number' || typeof reserved.value !== 'number') continue;
      if (provisioned.value < 0 || reserved.value < 0 || provisioned.value <= reserved.value) continue;
      // Both inherited from `defaults`: one finding for the pair, not one per function.
      if (seen.has(provisioned.node.start)) continue;
      seen.add(provisioned.node.start);
      const provisionedNode = provisioned.node;
      const reservedNode = reserved.node;
      context.report({
        at: provisionedNode,
        messageId: 'provisionedOverReserved',
        data: { provisioned: provisioned.value, reserved: reserved.value },
        related: [{ at: reservedNode, message: `reservedConcurrency of ${fn.id}: ${reserved.value}` }],
        suggest: [
          {
            messageId: 'lowerProvisioned',
            data: { value: reserved.value },
            build: (edits) => edits.replace(provisionedNode, String(reserved.value)),
          },
          {
            messageId: 'raiseReserved',
            data: { value: provisioned.value },
            build: (edits) => edits.replace(reservedNode, String(provisioned.value)),
          },
        ],
      });
    }
  },
});
