import { defineRule } from '../define-rule';
import { checkConnectionRanges, RANGE_MESSAGES, rangeFacts, type OwnedElsewhere } from '../range-check';

// esm/batch-window owns the batching window (its maximum and whole seconds, with its other
// window checks, so that one window gets one finding); the batch size's maximum depends on
// the source and is esm/batch-window's and sqs/fifo-batch-size's. A negative window is not a
// duration at all (schema/invalid). esm/max-concurrency owns maxConcurrency (its range with
// the check against the function's reserved concurrency).
export const OWNED_ELSEWHERE: readonly OwnedElsewhere[] = ['batchWindow', 'maxConcurrency'];

export default defineRule({
  id: 'flows/range',
  defaultSeverity: 'error',
  summary: 'Connection property outside the range AWS accepts (batchSize at least 1, messageGroups at least 1)',
  facts: rangeFacts('connection', OWNED_ELSEWHERE),
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkConnectionRanges(context, { service: 'Connection', skip: OWNED_ELSEWHERE });
  },
});
