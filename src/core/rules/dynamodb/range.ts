import { defineRule } from '../define-rule';
import { DYNAMODB_STREAMS, ESM } from '../../limits/aws';
import { RANGE_MESSAGES } from '../range-check';
import { checkStreamReaderRanges, type Bounded } from '../stream-reader-range';

const BOUNDED: readonly Bounded[] = [
  { path: 'batchSize', kind: 'integer', max: DYNAMODB_STREAMS.batchSizeMax, mappingOnly: true },
  {
    path: 'batchWindow',
    kind: 'duration',
    min: ESM.batchWindowMin,
    max: DYNAMODB_STREAMS.batchWindowMax,
    step: ESM.batchWindowStep,
    mappingOnly: true,
  },
  { path: 'parallelization', kind: 'integer', min: DYNAMODB_STREAMS.parallelizationMin, max: DYNAMODB_STREAMS.parallelizationMax },
  { path: 'retry.attempts', kind: 'integer', min: DYNAMODB_STREAMS.retryAttemptsMin, max: DYNAMODB_STREAMS.retryAttemptsMax },
  { path: 'retry.maxAge', kind: 'duration', max: DYNAMODB_STREAMS.recordAgeMax, step: ESM.batchWindowStep },
];

export default defineRule({
  id: 'dynamodb/range',
  defaultSeverity: 'error',
  summary:
    "A DynamoDB stream's event source mapping or Pipe setting outside the range AWS accepts (parallelization 1 – 10, batch size up to 10,000, batch window up to 300 s, retry attempts up to 10,000, record age up to 7 days)",
  facts: [
    DYNAMODB_STREAMS.batchSizeMax,
    DYNAMODB_STREAMS.batchWindowMax,
    ESM.batchWindowStep,
    DYNAMODB_STREAMS.parallelizationMin,
    DYNAMODB_STREAMS.parallelizationMax,
    DYNAMODB_STREAMS.retryAttemptsMin,
    DYNAMODB_STREAMS.retryAttemptsMax,
    DYNAMODB_STREAMS.recordAgeMax,
  ],
  sources: [DYNAMODB_STREAMS.pipesSource],
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkStreamReaderRanges(context, 'dynamodb', BOUNDED, {
      mapping: 'DynamoDB stream event source mapping',
      pipe: 'DynamoDB stream Pipe',
    });
  },
});
