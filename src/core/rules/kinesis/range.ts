import { defineRule } from '../define-rule';
import { ESM, KINESIS_READERS } from '../../limits/aws';
import { checkRanges, RANGE_MESSAGES, rangeFacts } from '../range-check';
import { checkStreamReaderRanges, type Bounded } from '../stream-reader-range';

/** What a stream's readers (event source mappings, Pipes) may set; batch size and window are esm/batch-window's and pipes/batch-size's. */
const READERS: readonly Bounded[] = [
  { path: 'parallelization', kind: 'integer', min: KINESIS_READERS.parallelizationMin, max: KINESIS_READERS.parallelizationMax },
  { path: 'retry.attempts', kind: 'integer', min: KINESIS_READERS.retryAttemptsMin, max: KINESIS_READERS.retryAttemptsMax },
  { path: 'retry.maxAge', kind: 'duration', max: KINESIS_READERS.recordAgeMax, step: ESM.batchWindowStep },
];

export default defineRule({
  id: 'kinesis/range',
  defaultSeverity: 'error',
  summary:
    'Kinesis stream property outside the range AWS accepts (retention 24 hours to 365 days in whole hours, at least 1 shard), or a setting of a mapping or Pipe reading it (parallelization 1 – 10, retry attempts up to 10,000, record age up to 7 days)',
  facts: [
    ...rangeFacts('kinesis'),
    KINESIS_READERS.parallelizationMin,
    KINESIS_READERS.parallelizationMax,
    KINESIS_READERS.retryAttemptsMin,
    KINESIS_READERS.retryAttemptsMax,
    KINESIS_READERS.recordAgeMax,
  ],
  fixable: true,
  hasSuggestions: false,
  messages: RANGE_MESSAGES,
  check(context) {
    checkRanges(context, 'kinesis', { service: 'Kinesis' });
    checkStreamReaderRanges(context, 'kinesis', READERS, { mapping: 'Kinesis event source mapping', pipe: 'Kinesis Pipe' });
  },
});
