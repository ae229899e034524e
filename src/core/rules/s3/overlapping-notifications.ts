import { defineRule } from '../define-rule';
import { S3_NOTIFICATIONS } from '../../limits/aws';
import type { Connection, Prop } from '../../model/model';
import { isMap, isScalar, isSeq } from '../../parse/ast';

/** What one notification configuration of a bucket matches: its event types and its key filter. */
interface Notification {
  readonly connection: Connection;
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

export default defineRule({
  id: 's3/overlapping-notifications',
  defaultSeverity: 'error',
  summary:
    "Two event notifications of one S3 bucket for overlapping event types whose prefixes and suffixes overlap: S3 rejects the bucket's notification configuration",
  sources: [S3_NOTIFICATIONS.overlap, S3_NOTIFICATIONS.filterRule],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overlap:
      "S3 bucket '{bucket}' notifies '{target}' and '{other}' of the same objects: both take {event} events for {keys}. S3 rejects a notification configuration whose notifications overlap in event type and in key prefix and suffix. Give them prefixes or suffixes no key can have both of, or send one notification to an SNS topic (or EventBridge) that fans out to both.",
  },
  check(context) {
    const byBucket = new Map<string, Notification[]>();
    for (const connection of context.model.connections) {
      const { from: bucket, to: target } = connection;
      // EventBridge takes all of a bucket's events, with no event types or filter of its own: it never overlaps.
      if (connection.origin !== 'flow' || bucket?.type !== 's3') continue;
      if (target?.type !== 'sqs' && target?.type !== 'sns' && target?.type !== 'lambda') continue;
      const notification = readNotification(connection);
      if (!notification) continue;
      const list = byBucket.get(bucket.id) ?? [];
      byBucket.set(bucket.id, list);
      list.push(notification);
    }
    for (const [bucket, notifications] of byBucket) {
      notifications.forEach((later, index) => {
        const earlier = notifications
          .slice(0, index)
          .filter((other) => overlapEvent(other, later) !== undefined && overlapKeys(other, later));
        const first = earlier[0];
        if (!first) return;
        context.report({
          at: later.connection,
          messageId: 'overlap',
          data: {
            bucket,
            target: later.connection.target.id,
            other: first.connection.target.id,
            event: overlapEvent(first, later)!,
            keys: keysText(first, later),
          },
          related: earlier.map((other) => ({
            at: other.connection,
            message: `the overlapping notification of '${bucket}' to '${other.connection.target.id}'`,
          })),
        });
      });
    }
  },
});

/**
 * The notification's event types and key filter, or undefined when they are not known: without
 * `events` (the format gives no default), or with values still being typed.
 */
function readNotification(connection: Connection): Notification | undefined {
  const eventsProp = connection.props.get('events');
  if (!eventsProp) return undefined;
  const events = isSeq(eventsProp.node)
    ? eventsProp.node.items.map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : undefined))
    : [typeof eventsProp.raw === 'string' ? eventsProp.raw : undefined];
  if (events.length === 0 || events.some((event) => event === undefined || event === '')) return undefined;
  const filter = connection.props.get('filter');
  const prefix = filterValue(filter, 'prefix');
  const suffix = filterValue(filter, 'suffix');
  if (prefix === undefined || suffix === undefined) return undefined;
  return { connection, events: events as string[], prefix, suffix };
}

/** A filter rule's value: '' when absent (it matches every key), undefined when not a plain value yet. */
function filterValue(filter: Prop | undefined, name: 'prefix' | 'suffix'): string | undefined {
  if (!filter) return '';
  if (!isMap(filter.node)) return undefined;
  const rule = filter.children.get(name);
  if (!rule) return '';
  if (!isScalar(rule.node) || (typeof rule.raw !== 'string' && typeof rule.raw !== 'number')) return undefined;
  return String(rule.raw);
}

/**
 * The event type both notifications take, or undefined. `s3:ObjectCreated:*` covers every
 * `s3:ObjectCreated:…` type; two types overlap when they are equal or one covers the other.
 */
function overlapEvent(a: Notification, b: Notification): string | undefined {
  for (const first of a.events) {
    for (const second of b.events) {
      if (first === second || covers(second, first)) return first;
      if (covers(first, second)) return second;
    }
  }
  return undefined;
}

function covers(wildcard: string, event: string): boolean {
  return wildcard.endsWith('*') && event.startsWith(wildcard.slice(0, -1));
}

/** Some key matches both filters: a key can begin with both prefixes and end with both suffixes. */
function overlapKeys(a: Notification, b: Notification): boolean {
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return prefixes && suffixes;
}

/** The keys both match, for the message: `every key`, `keys beginning 'images/' and ending '.jpg'`. */
function keysText(a: Notification, b: Notification): string {
  const prefix = a.prefix.length >= b.prefix.length ? a.prefix : b.prefix;
  const suffix = a.suffix.length >= b.suffix.length ? a.suffix : b.suffix;
  if (!prefix && !suffix) return 'every key';
  const parts = [...(prefix ? [`beginning '${prefix}'`] : []), ...(suffix ? [`ending '${suffix}'`] : [])];
  return `keys ${parts.join(' and ')}`;
}
