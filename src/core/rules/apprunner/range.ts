import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

export default defineRule({
  id: 'apprunner/range',
  defaultSeverity: 'error',
  summary: 'App Runner instance count below 0',
  facts: rangeFacts('apprunner'),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'apprunner', { service: 'App Runner' });
  },
});
