import { defineRule } from '../define-rule';
import { SNS_FIFO } from '../../limits/aws';
import { capacityOf, type ConnectionLoad } from '../../model/capacity';
import type { Connection, FlowEntry } from '../../model/model';
import { formatBytes, formatNumber } from '../../parse/values';

interface Carrier {
  readonly connection: Connection;
  readonly entry: FlowEntry;
  readonly load: ConnectionLoad;
}

export default defineRule({
  id: 'sns/fifo-throughput',
  defaultSeverity: 'error',
  summary: 'Inbound rate into a FIFO topic over 3,000 messages/s or 20 MB/s',
  facts: [SNS_FIFO.messagesPerSecond, SNS_FIFO.bytesPerSecond],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overMessages: '{rate} messages/s published to FIFO topic {topic} is over its {limit} limit; SNS throttles the publishes beyond it.',
    overBytes: '{bytes}/s published to FIFO topic {topic} ({rate} messages/s) is over its {limit} limit; SNS throttles the publishes beyond it.',
    overBoth: '{rate} messages/s ({bytes}/s) published to FIFO topic {topic} is over both its {limit} and {bytesLimit} limits; SNS throttles the publishes beyond them.',
  },
  check(context) {
    const { model } = context;
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
      if (!overMessages && !overBytes) continue;

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
