import { defineRule } from '../define-rule';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';

export default defineRule({
  id: 'sqs/range',
  defaultSeverity: 'error',
  summary:
    'SQS queue property outside the range AWS accepts (visibility timeout, retention, message size, receive wait, delay, maxReceiveCount), or durations that are not whole seconds',
  facts: rangeFacts('sqs'),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'sqs', { service: 'SQS' });
  },
});
