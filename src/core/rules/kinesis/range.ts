import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

export default defineRule({
  id: 'kinesis/range',
  defaultSeverity: 'error',
  summary: 'Kinesis stream property outside the range AWS accepts (retention 24 hours to 365 days in whole hours, at least 1 shard)',
  facts: rangeFacts('kinesis'),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'kinesis', { service: 'Kinesis' });
  },
});
