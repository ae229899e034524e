/**
 * Ranges of the settings of a stream's readers (Lambda event source mappings and EventBridge
 * Pipes reading a Kinesis stream or a DynamoDB stream): `dynamodb/range` and
 * `kinesis/range` check their source's with this, each with its own AWS facts.
 */
import type { Fact } from '../limits/aws';
import type { Connection, Prop } from '../model/model';
import type { ValueKind } from '../model/properties';
import { isScalar } from '../parse/ast';
import type { RuleContext } from './types';
import type { RANGE_MESSAGES } from './range-check';
import { clampText, givenText, limitText } from './range-check';

/** A property of a stream reader with AWS's range for it. */
export interface Bounded {
  readonly path: string;
  readonly kind: ValueKind;
  readonly min?: Fact;
  readonly max?: Fact;
  /** The unit AWS takes the value in (whole seconds). */
  readonly step?: Fact;
  /** Checked on event source mappings only: a Pipe's batch settings are pipes/batch-size's. */
  readonly mappingOnly?: boolean;
}

const EPSILON = 1e-9;

export function checkStreamReaderRanges(
  context: RuleContext<keyof typeof RANGE_MESSAGES>,
  source: 'dynamodb' | 'kinesis',
  bounded: readonly Bounded[],
  services: { readonly mapping: string; readonly pipe: string },
): void {
  const readerKind = (connection: Connection) => streamReaderKind(connection, source);
  // A fan-out or fan-in shares one props map among its connections: one finding per value.
  const seen = new Set<number>();
  for (const connection of context.model.connections) {
    const reader = readerKind(connection);
    if (!reader || !connection.entry) continue;
    // From a queue or a Kinesis stream too, the entry's batch settings are esm/batch-window's.
    const batchOwnedElsewhere = connection.entry.connections.some(
      (other) => other.to?.type === 'lambda' && (other.from?.type === 'sqs' || other.from?.type === 'kinesis') && !readerKind(other),
    );
    for (const range of bounded) {
      if (range.mappingOnly && (reader === 'pipe' || batchOwnedElsewhere)) continue;
      const prop = propAt(connection, range.path);
      const node = prop?.node;
      if (!prop || !isScalar(node) || typeof prop.value !== 'number' || seen.has(node.start)) continue;
      const value = prop.value;
      const service = reader === 'pipe' ? services.pipe : services.mapping;
      const limit =
        range.min && value < range.min.value - EPSILON ? range.min : range.max && value > range.max.value + EPSILON ? range.max : undefined;
      if (limit) {
        seen.add(node.start);
        const text = clampText(range.kind, node, limit.value);
        context.report({
          at: node,
          connections: connection.entry.connections.filter((other) => readerKind(other)),
          messageId: limit === range.min ? 'belowMin' : 'overMax',
          data: { service, property: range.path, given: givenText(range.kind, node, value), limit: limitText(range.kind, limit) },
          fix: { messageId: 'clamp', data: { property: range.path, value: text }, build: (edits) => edits.replace(node, text) },
        });
        continue;
      }
      const step = range.step;
      if (!step || Math.abs(value / step.value - Math.round(value / step.value)) < 1e-6) continue;
      seen.add(node.start);
      const nearest = Math.min(
        Math.max(Math.round(value / step.value) * step.value, range.min?.value ?? step.value),
        range.max?.value ?? Infinity,
      );
      const text = clampText(range.kind, node, nearest);
      context.report({
        at: node,
        connections: connection.entry.connections.filter((other) => readerKind(other)),
        messageId: 'notWhole',
        data: {
          service,
          property: range.path,
          given: givenText(range.kind, node, value),
          unit: step.text.replace(/^whole /, ''),
          step: step.text,
        },
        fix: { messageId: 'clamp', data: { property: range.path, value: text }, build: (edits) => edits.replace(node, text) },
      });
    }
  }
}

/** How the connection reads the source's stream: an event source mapping, a Pipe, or not at all. */
export function streamReaderKind(connection: Connection, source: 'dynamodb' | 'kinesis'): 'mapping' | 'pipe' | undefined {
  if (connection.origin !== 'flow' || connection.from?.type !== source || !connection.to?.type) return undefined;
  if (connection.props.get('via')?.value === 'pipe') return 'pipe';
  return connection.to.type === 'lambda' ? 'mapping' : undefined;
}

/** `retry.attempts` -> the connection's `retry` map's `attempts`. */
function propAt(connection: Connection, path: string): Prop | undefined {
  const [first, second] = path.split('.');
  const prop = connection.props.get(first!);
  return second === undefined ? prop : prop?.children.get(second);
}
