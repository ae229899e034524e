import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

export default defineRule({
  id: 'beanstalk/range',
  defaultSeverity: 'error',
  summary: 'Elastic Beanstalk instance count below 0',
  facts: rangeFacts('beanstalk'),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'beanstalk', { service: 'Elastic Beanstalk' });
  },
});
