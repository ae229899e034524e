import { defineRule } from '../define-rule';
import { SNS_FIFO } from '../../limits/aws';
import { capacityOf, type ConnectionLoad } from '../../model/capacity';
import type { Connection, FlowEntry, Prop } from '../../model/model';
import { formatBytes, formatNumber } from '../../parse/values';
import type { OffsetRange } from '../../text/line-index';

const PER_GROUP = SNS_FIFO.perGroupMessagesPerSecond.value;

interface Carrier {
  readonly connection: Connection;
  readonly entry: FlowEntry;
  readonly load: ConnectionLoad;
}

/** `messageGroups` declared on the connection: distinct group ids it publishes with. */
function groupCount(carrier: Carrier): number | undefined {
  const value = carrier.connection.props.get('messageGroups')?.value;
  return typeof value === 'number' && value >= 1 ? value : undefined;
}

export default defineRule({
  id: 'sns/fifo-throughput',
  defaultSeverity: 'error',
  summary: 'Inbound rate into a FIFO topic over 3,000 messages/s or 20 MB/s, or over 300 messages/s per declared message group',
  facts: [SNS_FIFO.messagesPerSecond, SNS_FIFO.bytesPerSecond, SNS_FIFO.perGroupMessagesPerSecond],
  sources: [SNS_FIFO.highThroughput],
  fixable: false,
  hasSuggestions: true,
  messages: {
    overMessages: '{rate} messages/s published to FIFO topic {topic} is over its {limit} limit; SNS throttles the publishes beyond it.',
    overBytes:
      '{bytes}/s published to FIFO topic {topic} ({rate} messages/s) is over its {limit} limit; SNS throttles the publishes beyond it.',
    overBoth:
      '{rate} messages/s ({bytes}/s) published to FIFO topic {topic} is over both its {limit} and {bytesLimit} limits; SNS throttles the publishes beyond them.',
    overGroups:
      '{rate} messages/s published to FIFO topic {topic} over {groups} are over the {groupLimit} messages/s those groups take ({perGroup} messages/s per message group); SNS throttles the publishes beyond it.',
    moreGroups: 'Spread the publishes over more message groups ({groups})',
  },
  check(context) {
    const { model } = context;
    /** Within the topic's quota, but connections that publish into too few message groups. */
    const reportShortOfGroups = (topic: string, topicKey: OffsetRange, carriers: readonly Carrier[]) => {
      const short = carriers.filter((c) => {
        const groups = groupCount(c);
        return groups !== undefined && c.load.rate > groups * PER_GROUP;
      });
      if (short.length === 0) return;
      const groups = short.reduce((sum, c) => sum + groupCount(c)!, 0);
      const props = new Set(short.map((c) => c.connection.props.get('messageGroups')!));
      const only = props.size === 1 ? [...props][0]!.node : null;
      const raise = new Map<Prop, number>();
      for (const c of short) {
        const prop = c.connection.props.get('messageGroups')!;
        raise.set(prop, Math.max(raise.get(prop) ?? 0, Math.ceil(c.load.rate / PER_GROUP - 1e-9)));
      }
      const editable = [...raise.keys()].every((prop) => prop.node);
      const raised = [...raise]
        .map(
          ([prop, n]) =>
            `messageGroups: ${formatNumber(n)} from ${[...new Set(short.filter((c) => c.connection.props.get('messageGroups') === prop).map((c) => c.connection.source.id))].join(', ')}`,
        )
        .join('; ');
      context.report({
        at: only ?? topicKey,
        // About the connections short of groups (their entries may fan out to others).
        connections: short.map((c) => c.connection),
        messageId: 'overGroups',
        data: {
          rate: formatNumber(short.reduce((sum, c) => sum + c.load.rate, 0)),
          topic,
          groups: `${formatNumber(groups)} message group${groups === 1 ? '' : 's'}`,
          groupLimit: formatNumber(groups * PER_GROUP),
          perGroup: formatNumber(PER_GROUP),
        },
        related: only
          ? []
          : short.map((c) => ({
              at: c.connection,
              message: `${formatNumber(c.load.rate)} messages/s from ${c.connection.source.id} over ${formatNumber(groupCount(c)!)} message group(s)`,
            })),
        suggest: editable
          ? [
              {
                messageId: 'moreGroups',
                data: { groups: raised },
                build: (edits) => [...raise].map(([prop, n]) => edits.replace(prop.node!, String(n))),
              },
            ]
          : [],
      });
    };
    const capacity = capacityOf(model);
    for (const topic of model.ofType('sns')) {
      if (!topic.fifo) continue;
      const carriers: Carrier[] = [];
      for (const connection of model.inbound(topic)) {
        const load = connection.origin === 'flow' ? capacity.connection(connection) : undefined;
        if (!load || !(load.rate > 0) || !connection.entry) continue;
        carriers.push({ connection, entry: connection.entry, load });
      }
      if (carriers.length === 0) continue;
      const rate = carriers.reduce((sum, c) => sum + c.load.rate, 0);
      // Known bytes only: with some sizes unknown this is a lower bound, still enough to flag.
      const bytes = carriers.reduce((sum, c) => sum + c.load.bytes, 0);
      const overMessages = rate > SNS_FIFO.messagesPerSecond.value;
      const overBytes = bytes > SNS_FIFO.bytesPerSecond.value;
      if (!overMessages && !overBytes) {
        reportShortOfGroups(topic.id, topic.key, carriers);
        continue;
      }

      // One declared connection carrying everything: the finding sits on the value at fault.
      const only = carriers.length === 1 && carriers[0]!.load.declared ? carriers[0]!.connection : undefined;
      const rateNode = only?.props.get('rate')?.node ?? undefined;
      const sizeNode = only?.props.get('size')?.node ?? undefined;
      const at = rateNode ? (!overMessages && sizeNode ? sizeNode : rateNode) : topic.key;
      const related = rateNode
        ? []
        : carriers.map((c) => ({
            at: c.connection,
            message: `${formatNumber(c.load.rate)} messages/s${c.load.sized ? ` (${formatBytes(c.load.bytes)}/s)` : ''} from ${c.connection.source.id}`,
          }));
      context.report({
        at,
        // On the one connection's rate or size: about that connection (its entry may fan out to others).
        ...(rateNode && only ? { connections: [only] } : {}),
        messageId: overMessages && overBytes ? 'overBoth' : overMessages ? 'overMessages' : 'overBytes',
        data: {
          rate: formatNumber(rate),
          bytes: formatBytes(bytes),
          topic: topic.id,
          limit: overMessages ? SNS_FIFO.messagesPerSecond.text : SNS_FIFO.bytesPerSecond.text,
          bytesLimit: SNS_FIFO.bytesPerSecond.text,
        },
        related,
      });
    }
  },
});
