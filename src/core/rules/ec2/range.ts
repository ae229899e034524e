import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

export default defineRule({
  id: 'ec2/range',
  defaultSeverity: 'error',
  summary: 'EC2 instance count below 0',
  facts: rangeFacts('ec2'),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'ec2', { service: 'EC2' });
  },
});
