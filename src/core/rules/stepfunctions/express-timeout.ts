import { defineRule } from '../define-rule';
import { STEP_FUNCTIONS } from '../../limits/aws';
import { compactDuration } from '../../edit/write-values';
import { isScalar } from '../../parse/ast';
import { formatSeconds } from '../../parse/values';
import { clampText } from '../range-check';

export default defineRule({
  id: 'stepfunctions/express-timeout',
  defaultSeverity: 'error',
  summary:
    'A state machine `timeout` over the longest run of its workflow type: 5 minutes for an Express workflow, 1 year for a standard one',
  facts: [STEP_FUNCTIONS.expressDurationMax, STEP_FUNCTIONS.standardDurationMax],
  fixable: true,
  hasSuggestions: false,
  messages: {
    overExpress:
      "Express workflow timeout {given} ({seconds}) is over {max}, the longest an Express execution runs: Step Functions stops it at {max} whatever the timeout, and the work in flight is lost. Set 5 minutes or less, or make '{id}' a standard workflow.",
    overStandard:
      'Standard workflow timeout {given} ({seconds}) is over {max}, the longest a standard execution runs: Step Functions stops it at {max} whatever the timeout.',
    setMax: 'Set the timeout to {value}',
  },
  check(context) {
    // A timeout inherited from `defaults` is one node shared by several state machines: report it once.
    const reported = new Set<number>();
    for (const machine of context.model.ofType('stepfunctions')) {
      const timeout = machine.props.get('timeout');
      if (!timeout?.node || typeof timeout.value !== 'number' || reported.has(timeout.node.start)) continue;
      const express = machine.props.get('workflow')?.value === 'express';
      const max = express ? STEP_FUNCTIONS.expressDurationMax : STEP_FUNCTIONS.standardDurationMax;
      if (timeout.value <= max.value) continue;
      const node = timeout.node;
      reported.add(node.start);
      // In the user's notation: `10m` becomes `5m`, `400` becomes `300`.
      const value = isScalar(node) ? clampText('duration', node, max.value) : compactDuration(max.value);
      context.report({
        at: node,
        messageId: express ? 'overExpress' : 'overStandard',
        data: { given: String(timeout.raw), seconds: formatSeconds(timeout.value), max: max.text, id: machine.id },
        // The longer timeout is what the user wrote on purpose, perhaps for a standard workflow: a decision, not a clamp.
        fix: { messageId: 'setMax', data: { value }, build: (edits) => edits.replace(node, value), safeForFixAll: false },
      });
    }
  },
});
