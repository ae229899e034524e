import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import { compactDuration } from '../../edit/write-values';
import { isScalar } from '../../parse/ast';
import { formatSeconds } from '../../parse/values';
import { clampText } from '../range-check';

export default defineRule({
  id: 'lambda/timeout-limit',
  defaultSeverity: 'error',
  summary: 'Lambda timeout over 15 minutes (90 minutes on Lambda Managed Instances, for asynchronous and event-source invocations)',
  facts: [LAMBDA.timeoutMax, LAMBDA.timeoutMaxManagedInstances],
  fixable: true,
  hasSuggestions: true,
  messages: {
    overLimit: 'Lambda timeout {given} ({seconds}) is over the {max} maximum; AWS rejects the function.',
    overManaged: 'Lambda timeout {given} ({seconds}) is over the {max} maximum of Lambda Managed Instances; AWS rejects the function.',
    overManagedSync: 'Lambda timeout {given} ({seconds}) is over 15 minutes: Lambda Managed Instances allow up to 90 minutes only for asynchronous and event-source invocations, and {caller} calls this function synchronously.',
    setMax: 'Set the timeout to {value}',
    useFargate: 'Run this work on ECS Fargate instead (no time limit)',
  },
  check(context) {
    const { model } = context;
    // A timeout inherited from `defaults` is one node shared by several functions: report it once.
    const reported = new Set<number>();
    for (const fn of model.ofType('lambda')) {
      const timeout = fn.props.get('timeout');
      if (!timeout?.node || typeof timeout.value !== 'number' || reported.has(timeout.node.start)) continue;
      const seconds = timeout.value;
      const managed = fn.props.get('capacity')?.value === 'managed-instances';
      const syncCaller = model.inbound(fn).find((c) => c.origin === 'flow' && (c.from?.type === 'api-gateway' || c.from?.type === 'alb' || c.from?.type === 'client' || c.from?.type === 'cloudfront'));
      const max = managed && !syncCaller ? LAMBDA.timeoutMaxManagedInstances : LAMBDA.timeoutMax;
      if (seconds <= max.value) continue;
      const node = timeout.node;
      reported.add(node.start);
      const messageId = !managed ? 'overLimit' : syncCaller ? 'overManagedSync' : 'overManaged';
      // In the user's notation: `901` becomes `900`, `16m` becomes `15m`, `2h` becomes `90m`.
      const maxText = isScalar(node) ? clampText('duration', node, max.value) : compactDuration(max.value);
      context.report({
        at: node,
        messageId,
        data: { given: String(timeout.raw), seconds: formatSeconds(seconds), max: max.text, caller: syncCaller?.from?.id ?? '' },
        fix: { messageId: 'setMax', data: { value: maxText }, build: (edits) => edits.replace(node, maxText) },
        suggest: [
          {
            messageId: 'useFargate',
            build: (edits) => {
              // Change the resource's type; memory and timeout have no meaning on ECS, so they stay for the user to move.
              const typePair = fn.node?.items.find((item) => item.key.value === 'type');
              return typePair?.value ? [edits.replace(typePair.value, 'ecs'), edits.insertProperty(fn.node!, 'launchType', 'fargate')] : undefined;
            },
          },
        ],
      });
    }
  },
});
