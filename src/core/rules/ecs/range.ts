import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

const REGISTER_SCALABLE_TARGET = 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html';

export default defineRule({
  id: 'ecs/range',
  defaultSeverity: 'error',
  summary:
    'ECS service counts outside what AWS accepts: negative counts, autoscaling min over max (error), desiredCount over autoscaling max (warning) or under its min (info)',
  facts: rangeFacts('ecs'),
  sources: [REGISTER_SCALABLE_TARGET],
  fixable: true,
  hasSuggestions: false,
  messages: {
    ...RANGE_MESSAGES,
    minOverMax: 'ECS autoscaling.min {min} is over autoscaling.max {max}; Application Auto Scaling rejects the scalable target.',
    desiredBelowMin:
      'ECS desiredCount {desired} is below autoscaling.min {min}; Application Auto Scaling raises the service to {min} tasks as soon as it registers the target.',
    desiredOverMax:
      'ECS desiredCount {desired} is over autoscaling.max {max}; Application Auto Scaling lowers the service to {max} tasks as soon as it registers the target.',
    setDesired: 'Set desiredCount to {value}',
  },
  check(context) {
    checkRanges(context, 'ecs', { service: 'ECS' });
    const seen = new Set<number>();
    for (const service of context.model.ofType('ecs')) {
      const autoscaling = service.props.get('autoscaling');
      const min = autoscaling?.children.get('min');
      const max = autoscaling?.children.get('max');
      const minValue = typeof min?.value === 'number' && min.value >= 0 ? min.value : undefined;
      const maxValue = typeof max?.value === 'number' && max.value >= 0 ? max.value : undefined;
      if (min?.node && max?.node && minValue !== undefined && maxValue !== undefined && minValue > maxValue) {
        if (!seen.has(min.node.start)) {
          seen.add(min.node.start);
          context.report({
            at: min.node,
            messageId: 'minOverMax',
            data: { min: minValue, max: maxValue },
            related: [{ at: max.node, message: `autoscaling.max of ${service.id}: ${maxValue}` }],
          });
        }
        continue;
      }
      const desired = service.props.get('desiredCount');
      if (!desired?.node || typeof desired.value !== 'number' || desired.value < 0 || seen.has(desired.node.start)) continue;
      const desiredNode = desired.node;
      // Auto scaling moves the count into its range: AWS accepts the file, but the written count never holds.
      const bound =
        minValue !== undefined && desired.value < minValue
          ? { messageId: 'desiredBelowMin' as const, value: minValue, node: min!.node! }
          : maxValue !== undefined && desired.value > maxValue
            ? { messageId: 'desiredOverMax' as const, value: maxValue, node: max!.node! }
            : undefined;
      if (!bound) continue;
      seen.add(desiredNode.start);
      context.report({
        at: desiredNode,
        messageId: bound.messageId,
        severity: bound.messageId === 'desiredBelowMin' ? 'info' : 'warning',
        data: { desired: desired.value, min: minValue ?? '', max: maxValue ?? '' },
        related: [
          {
            at: bound.node,
            message: `autoscaling.${bound.messageId === 'desiredBelowMin' ? 'min' : 'max'} of ${service.id}: ${bound.value}`,
          },
        ],
        fix: { messageId: 'setDesired', data: { value: bound.value }, build: (edits) => edits.replace(desiredNode, String(bound.value)) },
      });
    }
  },
});
