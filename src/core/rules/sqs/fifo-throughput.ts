import { defineRule } from '../define-rule';
import { SQS_FIFO } from '../../limits/aws';
import { capacityOf, type ConnectionLoad } from '../../model/capacity';
import type { Connection, FlowEntry } from '../../model/model';
import type { ResourceType } from '../../model/properties';
import type { Edits, TextEdit } from '../../edit/edits';
import { formatNumber } from '../../parse/values';

/** Producers that run code and can call SendMessageBatch; API Gateway, SNS and S3 send one message per call. */
const CAN_BATCH: ReadonlySet<ResourceType> = new Set<ResourceType>(['lambda', 'ecs', 'eks', 'apprunner', 'beanstalk', 'ec2', 'client']);

interface Limit {
  readonly calls: number;
  /** How the limit was chosen: `no high-throughput mode`, `high-throughput mode, us-east-1`… */
  readonly mode: string;
  /** The Region the quota is for: `us-east-1`, or `no region set: lowest Regional tier`. */
  readonly where: string;
}

/** High-throughput mode's quota for the file's Region; an unlisted or absent Region gets the lowest tier. */
function highThroughputLimit(region: string | undefined): Limit {
  const tier = region ? SQS_FIFO.highThroughputTiers.find((t) => t.regions.includes(region)) : undefined;
  const where = tier ? `${region}` : `${region ? `Region ${region}` : 'no region set'}: lowest Regional tier`;
  return { calls: tier ? tier.callsPerSecond : SQS_FIFO.highThroughputOtherRegions, mode: `high-throughput mode, ${where}`, where };
}

const NORMAL: Limit = { calls: SQS_FIFO.callsPerSecond.value, mode: 'no high-throughput mode', where: '' };

interface Carrier {
  readonly connection: Connection;
  readonly entry: FlowEntry;
  readonly load: ConnectionLoad;
  readonly batched: boolean;
}

export default defineRule({
  id: 'sqs/fifo-throughput',
  defaultSeverity: 'error',
  summary: 'Inbound rate into a FIFO queue over its send limit: 300 API calls/s (3,000 messages/s in batches of 10), or the Regional quota of high-throughput mode',
  facts: [SQS_FIFO.callsPerSecond, SQS_FIFO.messagesPerSecondBatched],
  sources: [SQS_FIFO.highThroughputSource],
  fixable: false,
  hasSuggestions: true,
  messages: {
    overLimit: '{rate} messages/s into FIFO queue {queue} is over its {limit} API calls/s send limit (no batching, {mode}); SQS throttles the sends beyond it.',
    overLimitBatched: '{rate} messages/s into FIFO queue {queue} make {calls} send calls/s ({batching}), over its {limit} API calls/s send limit ({mode}); SQS throttles the sends beyond it.',
    enableBatching: 'Send in batches of 10 (batching: true) from {producers}',
    enableHighThroughput: 'Turn on high-throughput mode ({limit} API calls/s, {where})',
    enableBoth: 'Send in batches of 10 from {producers} and turn on high-throughput mode ({limit} API calls/s, {where})',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    for (const queue of model.ofType('sqs')) {
      if (!queue.fifo) continue;
      const carriers: Carrier[] = [];
      for (const connection of model.inbound(queue)) {
        const load = connection.origin === 'flow' ? capacity.connection(connection) : undefined;
        if (!load || !(load.rate > 0) || !connection.entry) continue;
        carriers.push({ connection, entry: connection.entry, load, batched: connection.props.get('batching')?.value === true });
      }
      if (carriers.length === 0) continue;

      const highThroughput = queue.props.get('highThroughput')?.value === true;
      const limit = highThroughput ? highThroughputLimit(model.region) : NORMAL;
      const callsOf = (batched: (c: Carrier) => boolean) =>
        carriers.reduce((sum, c) => sum + c.load.rate / (batched(c) ? SQS_FIFO.batchSize : 1), 0);
      const calls = callsOf((c) => c.batched);
      if (calls <= limit.calls) continue;

      const rate = carriers.reduce((sum, c) => sum + c.load.rate, 0);
      const batchedCount = carriers.filter((c) => c.batched).length;
      const only = carriers.length === 1 ? carriers[0]! : undefined;
      const rateNode = only?.load.declared ? only.connection.props.get('rate')?.node : undefined;
      const related = rateNode
        ? []
        : carriers.map((c) => ({
            at: c.connection,
            message: `${formatNumber(c.load.rate)} messages/s from ${c.connection.source.id}${c.batched ? ' in batches of 10' : ''}`,
          }));

      // What would be enough: batching the producers that can batch, high-throughput mode, or both.
      const batchable = carriers.filter((c) => !c.batched && c.connection.from?.type !== undefined && CAN_BATCH.has(c.connection.from.type));
      const ifBatched = callsOf((c) => c.batched || batchable.includes(c));
      const tier = highThroughputLimit(model.region);
      const producers = [...new Set(batchable.map((c) => c.connection.source.id))].join(', ');
      const batchEdits = (edits: Edits) => setOnEntries(edits, batchable.map((c) => c.entry), 'batching', 'true');
      const queueMap = queue.node;
      const htEdit = (edits: Edits) => (queueMap ? edits.setProperty(queueMap, 'highThroughput', 'true') : undefined);
      const suggest = [];
      if (batchable.length > 0 && ifBatched <= limit.calls) {
        suggest.push({ messageId: 'enableBatching' as const, data: { producers }, build: batchEdits });
      }
      if (!highThroughput && queueMap && calls <= tier.calls) {
        suggest.push({ messageId: 'enableHighThroughput' as const, data: { limit: formatNumber(tier.calls), where: tier.where }, build: htEdit });
      }
      if (suggest.length === 0 && !highThroughput && queueMap && batchable.length > 0 && ifBatched <= tier.calls) {
        suggest.push({
          messageId: 'enableBoth' as const,
          data: { producers, limit: formatNumber(tier.calls), where: tier.where },
          build: (edits: Edits) => {
            const batching = batchEdits(edits);
            const ht = htEdit(edits);
            return batching && ht ? [...batching, ht] : undefined;
          },
        });
      }

      context.report({
        at: rateNode ?? queue.key,
        // On the one connection's rate: about that connection (its entry may fan out to others).
        ...(rateNode && only ? { connections: [only.connection] } : {}),
        messageId: batchedCount > 0 ? 'overLimitBatched' : 'overLimit',
        data: {
          rate: formatNumber(rate),
          queue: queue.id,
          calls: formatNumber(calls),
          batching: batchedCount === carriers.length ? 'batches of 10' : 'partly in batches of 10',
          limit: formatNumber(limit.calls),
          mode: limit.mode,
        },
        related,
        suggest,
      });
    }
  },
});

/**
 * Set a connection property on flow entries: in the entry's property map, or by turning a
 * plain `a -> b` entry into `a -> b: { key: value }`. Undefined when an entry cannot take it.
 */
function setOnEntries(edits: Edits, entries: readonly FlowEntry[], key: string, value: string): TextEdit[] | undefined {
  const result: TextEdit[] = [];
  for (const entry of new Set(entries)) {
    if (entry.propsNode) result.push(edits.setProperty(entry.propsNode, key, value));
    else if (entry.node === entry.flowNode) result.push(edits.replace(entry.flowNode, `${edits.textOf(entry.flowNode)}: { ${key}: ${value} }`));
    else return undefined;
  }
  return result;
}
