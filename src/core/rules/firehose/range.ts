import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

export default defineRule({
  id: 'firehose/range',
  defaultSeverity: 'error',
  summary: 'Firehose buffer outside the range AWS accepts (size 1–128 MiB in whole MiB, interval 0–900 s in whole seconds)',
  facts: rangeFacts('firehose'),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'firehose', { service: 'Firehose' });
  },
});
