import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

export default defineRule({
  id: 'api-gateway/range',
  defaultSeverity: 'error',
  summary: 'API Gateway integration timeout below the 50 ms minimum, or not in whole milliseconds',
  facts: rangeFacts('api-gateway'),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'api-gateway', { service: 'API Gateway' });
  },
});
