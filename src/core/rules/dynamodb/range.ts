import { defineRule } from '../define-rule';
import { DYNAMODB_STREAMS, ESM, type Fact } from '../../limits/aws';
import type { Connection, Prop } from '../../model/model';
import type { ValueKind } from '../../model/properties';
import { isScalar } from '../../parse/ast';
import { clampText, givenText, limitText, RANGE_MESSAGES } from '../range-check';

/** A property of a DynamoDB stream reader with AWS's range for it. */
interface Bounded {
  readonly path: string;
  readonly kind: ValueKind;
  readonly min?: Fact;
  readonly max?: Fact;
  /** The unit AWS takes the value in (whole seconds). */
  readonly step?: Fact;
  /** Checked on event source mappings only: a Pipe's batch settings are pipes/batch-size's. */
  readonly mappingOnly?: boolean;
}

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

const EPSILON = 1e-9;

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
    // A fan-out or fan-in shares one props map among its connections: one finding per value.
    const seen = new Set<number>();
    for (const connection of context.model.connections) {
      const reader = readerKind(connection);
      if (!reader || !connection.entry) continue;
      // From a queue or a Kinesis stream too, the entry's batch settings are esm/batch-window's.
      const batchOwnedElsewhere = connection.entry.connections.some(
        (other) => other.to?.type === 'lambda' && (other.from?.type === 'sqs' || other.from?.type === 'kinesis') && !readerKind(other),
      );
      for (const bounded of BOUNDED) {
        if (bounded.mappingOnly && (reader === 'pipe' || batchOwnedElsewhere)) continue;
        const prop = propAt(connection, bounded.path);
        const node = prop?.node;
        if (!prop || !isScalar(node) || typeof prop.value !== 'number' || seen.has(node.start)) continue;
        const value = prop.value;
        const service = reader === 'pipe' ? 'DynamoDB stream Pipe' : 'DynamoDB stream event source mapping';
        const limit =
          bounded.min && value < bounded.min.value - EPSILON
            ? bounded.min
            : bounded.max && value > bounded.max.value + EPSILON
              ? bounded.max
              : undefined;
        if (limit) {
          seen.add(node.start);
          const text = clampText(bounded.kind, node, limit.value);
          context.report({
            at: node,
            connections: connection.entry.connections.filter((other) => readerKind(other)),
            messageId: limit === bounded.min ? 'belowMin' : 'overMax',
            data: { service, property: bounded.path, given: givenText(bounded.kind, node, value), limit: limitText(bounded.kind, limit) },
            fix: { messageId: 'clamp', data: { property: bounded.path, value: text }, build: (edits) => edits.replace(node, text) },
          });
          continue;
        }
        const step = bounded.step;
        if (!step || Math.abs(value / step.value - Math.round(value / step.value)) < 1e-6) continue;
        seen.add(node.start);
        const nearest = Math.min(
          Math.max(Math.round(value / step.value) * step.value, bounded.min?.value ?? step.value),
          bounded.max?.value ?? Infinity,
        );
        const text = clampText(bounded.kind, node, nearest);
        context.report({
          at: node,
          connections: connection.entry.connections.filter((other) => readerKind(other)),
          messageId: 'notWhole',
          data: {
            service,
            property: bounded.path,
            given: givenText(bounded.kind, node, value),
            unit: step.text.replace(/^whole /, ''),
            step: step.text,
          },
          fix: { messageId: 'clamp', data: { property: bounded.path, value: text }, build: (edits) => edits.replace(node, text) },
        });
      }
    }
  },
});

/** How the connection reads a table's stream: an event source mapping, a Pipe, or not at all. */
function readerKind(connection: Connection): 'mapping' | 'pipe' | undefined {
  if (connection.origin !== 'flow' || connection.from?.type !== 'dynamodb' || !connection.to?.type) return undefined;
  if (connection.props.get('via')?.value === 'pipe') return 'pipe';
  return connection.to.type === 'lambda' ? 'mapping' : undefined;
}

/** `retry.attempts` -> the connection's `retry` map's `attempts`. */
function propAt(connection: Connection, path: string): Prop | undefined {
  const [first, second] = path.split('.');
  const prop = connection.props.get(first!);
  return second === undefined ? prop : prop?.children.get(second);
}
