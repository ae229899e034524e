import { defineRule } from '../define-rule';
import { setOnEntries } from '../account-quota';
import { SQS_FIFO } from '../../limits/aws';
import { capacityOf, sqsFifoLimit, type ConnectionLoad } from '../../model/capacity';
import type { Connection, FlowEntry, Prop } from '../../model/model';
import type { ResourceType } from '../../model/properties';
import { typesOf } from '../../model/resource-types';
import type { Edits, TextEdit } from '../../edit/edits';
import { formatNumber } from '../../parse/values';

/** Producers that run code and can call SendMessageBatch; API Gateway, SNS and S3 send one message per call. */
const CAN_BATCH: ReadonlySet<ResourceType> = new Set<ResourceType>([...typesOf('compute'), 'client']);
const PER_GROUP = SQS_FIFO.perGroupCallsPerSecond.value;

interface Carrier {
  readonly connection: Connection;
  readonly entry: FlowEntry;
  readonly load: ConnectionLoad;
  readonly batched: boolean;
  /** `messageGroups` declared on the connection: distinct group ids it sends with. */
  readonly groups: Prop | undefined;
}

const groupCount = (c: Carrier): number | undefined =>
  typeof c.groups?.value === 'number' && c.groups.value >= 1 ? c.groups.value : undefined;
const callsOf = (c: Carrier, batched: boolean): number => c.load.rate / (batched ? SQS_FIFO.batchSize : 1);
/** Groups a carrier needs so that none takes more than a partition's calls. */
const groupsNeeded = (c: Carrier, batched: boolean): number => Math.max(1, Math.ceil(callsOf(c, batched) / PER_GROUP - 1e-9));
/** A carrier whose declared groups cannot take its calls, one partition each. */
const shortOfGroups = (c: Carrier, batched: boolean): boolean => {
  const groups = groupCount(c);
  return groups !== undefined && callsOf(c, batched) > groups * PER_GROUP;
};
const plural = (n: number, word: string): string => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

export default defineRule({
  id: 'sqs/fifo-throughput',
  defaultSeverity: 'error',
  summary:
    'Inbound rate into a FIFO queue over its send limit: 300 API calls/s (3,000 messages/s in batches of 10), the Regional quota of high-throughput mode, or 300 API calls/s per declared message group',
  facts: [SQS_FIFO.callsPerSecond, SQS_FIFO.messagesPerSecondBatched, SQS_FIFO.perGroupCallsPerSecond],
  sources: [SQS_FIFO.highThroughputSource, SQS_FIFO.partitionsSource],
  fixable: false,
  hasSuggestions: true,
  messages: {
    overLimit:
      '{rate} messages/s into FIFO queue {queue} is over its {limit} API calls/s send limit (no batching, {mode}); SQS throttles the sends beyond it.',
    overLimitBatched:
      '{rate} messages/s into FIFO queue {queue} make {calls} send calls/s ({batching}), over its {limit} API calls/s send limit ({mode}); SQS throttles the sends beyond it.',
    overGroups:
      "{rate} messages/s into FIFO queue {queue} make {calls} send calls/s ({batching}) over {groups}, which take at most {groupLimit} API calls/s ({perGroup} per message group: each group is one partition), whatever the queue's {limit} ({mode}); SQS throttles the sends beyond it.",
    enableBatching: 'Send in batches of 10 (batching: true) from {producers}{groups}',
    enableHighThroughput: 'Turn on high-throughput mode ({limit} API calls/s, {where}){groups}',
    enableBoth: 'Send in batches of 10 from {producers} and turn on high-throughput mode ({limit} API calls/s, {where}){groups}',
    moreGroups: 'Spread the sends over more message groups ({groups})',
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
        carriers.push({
          connection,
          entry: connection.entry,
          load,
          batched: connection.props.get('batching')?.value === true,
          groups: connection.props.get('messageGroups'),
        });
      }
      if (carriers.length === 0) continue;

      const highThroughput = queue.props.get('highThroughput')?.value === true;
      const limit = sqsFifoLimit(highThroughput, model.region);
      const tier = sqsFifoLimit(true, model.region);
      const total = (batched: (c: Carrier) => boolean) => carriers.reduce((sum, c) => sum + callsOf(c, batched(c)), 0);
      const calls = total((c) => c.batched);
      const short = carriers.filter((c) => shortOfGroups(c, c.batched));
      if (calls <= limit.calls && short.length === 0) continue;

      const batchable = carriers.filter(
        (c) => !c.batched && c.connection.from?.type !== undefined && CAN_BATCH.has(c.connection.from.type),
      );
      const producersOf = (list: readonly Carrier[]) => [...new Set(list.map((c) => c.connection.source.id))].join(', ');
      const batchEdits = (list: readonly Carrier[]) => (edits: Edits) =>
        setOnEntries(
          edits,
          list.map((c) => c.entry),
          'batching',
          'true',
        );
      const queueMap = queue.node;
      const htEdit = (edits: Edits) => (queueMap ? edits.setProperty(queueMap, 'highThroughput', 'true') : undefined);

      /**
       * A way out: batch `batch`, perhaps turn on high-throughput mode, and raise the message
       * groups of the carriers still short of them. Undefined when it would not be enough.
       */
      const plan = (batch: readonly Carrier[], ht: boolean) => {
        const batched = (c: Carrier) => c.batched || batch.includes(c);
        if (total(batched) > (ht ? tier.calls : limit.calls)) return undefined;
        const raise = new Map<Prop, number>();
        for (const c of carriers) {
          if (!shortOfGroups(c, batched(c))) continue;
          if (!c.groups?.node) return undefined;
          raise.set(c.groups, Math.max(raise.get(c.groups) ?? 0, groupsNeeded(c, batched(c))));
        }
        const raised = [...raise]
          .map(([prop, n]) => `messageGroups: ${formatNumber(n)} from ${producersOf(carriers.filter((c) => c.groups === prop))}`)
          .join('; ');
        return {
          groups: raised === '' ? '' : ` and spread the sends over more message groups (${raised})`,
          raised,
          edits: (edits: Edits): TextEdit[] => [...raise].map(([prop, n]) => edits.replace(prop.node!, String(n))),
        };
      };
      const combine =
        (...parts: ((edits: Edits) => TextEdit | readonly TextEdit[] | undefined)[]) =>
        (edits: Edits) => {
          const result: TextEdit[] = [];
          for (const part of parts) {
            const made = part(edits);
            if (made === undefined) return undefined;
            result.push(...(Array.isArray(made) ? made : [made as TextEdit]));
          }
          return result;
        };

      const batchingText = (list: readonly Carrier[]) => {
        const count = list.filter((c) => c.batched).length;
        return count === 0 ? 'no batching' : count === list.length ? 'batches of 10' : 'partly in batches of 10';
      };

      if (calls > limit.calls) {
        const rate = carriers.reduce((sum, c) => sum + c.load.rate, 0);
        const only = carriers.length === 1 ? carriers[0]! : undefined;
        const rateNode = only?.load.declared ? only.connection.props.get('rate')?.node : undefined;
        const related = rateNode
          ? []
          : carriers.map((c) => ({
              at: c.connection,
              message: `${formatNumber(c.load.rate)} messages/s from ${c.connection.source.id}${c.batched ? ' in batches of 10' : ''}`,
            }));
        const suggest = [];
        const byBatching = batchable.length > 0 ? plan(batchable, false) : undefined;
        if (byBatching)
          suggest.push({
            messageId: 'enableBatching' as const,
            data: { producers: producersOf(batchable), groups: byBatching.groups },
            build: combine(batchEdits(batchable), byBatching.edits),
          });
        const byHighThroughput = !highThroughput && queueMap ? plan([], true) : undefined;
        if (byHighThroughput) {
          suggest.push({
            messageId: 'enableHighThroughput' as const,
            data: { limit: formatNumber(tier.calls), where: tier.where, groups: byHighThroughput.groups },
            build: combine(htEdit, byHighThroughput.edits),
          });
        }
        const byBoth = suggest.length === 0 && !highThroughput && queueMap && batchable.length > 0 ? plan(batchable, true) : undefined;
        if (byBoth) {
          suggest.push({
            messageId: 'enableBoth' as const,
            data: { producers: producersOf(batchable), limit: formatNumber(tier.calls), where: tier.where, groups: byBoth.groups },
            build: combine(batchEdits(batchable), htEdit, byBoth.edits),
          });
        }
        context.report({
          at: rateNode ?? queue.key,
          // On the one connection's rate: about that connection (its entry may fan out to others).
          ...(rateNode && only ? { connections: [only.connection] } : {}),
          messageId: carriers.some((c) => c.batched) ? 'overLimitBatched' : 'overLimit',
          data: {
            rate: formatNumber(rate),
            queue: queue.id,
            calls: formatNumber(calls),
            batching: batchingText(carriers),
            limit: formatNumber(limit.calls),
            mode: limit.mode,
          },
          related,
          suggest,
        });
        continue;
      }

      // Within the queue's quota, but some senders crowd too few message groups.
      const groups = short.reduce((sum, c) => sum + groupCount(c)!, 0);
      const onlyNode = short.length === 1 || new Set(short.map((c) => c.groups)).size === 1 ? short[0]!.groups?.node : undefined;
      const suggest = [];
      const shortBatchable = short.filter((c) => batchable.includes(c));
      const byBatching = shortBatchable.length > 0 ? plan(shortBatchable, false) : undefined;
      if (byBatching && byBatching.raised === '')
        suggest.push({
          messageId: 'enableBatching' as const,
          data: { producers: producersOf(shortBatchable), groups: '' },
          build: batchEdits(shortBatchable),
        });
      const byGroups = plan([], false);
      if (byGroups && byGroups.raised !== '')
        suggest.push({ messageId: 'moreGroups' as const, data: { groups: byGroups.raised }, build: byGroups.edits });
      context.report({
        at: onlyNode ?? queue.key,
        // About the connections short of groups (their entries may fan out to others).
        connections: short.map((c) => c.connection),
        messageId: 'overGroups',
        data: {
          rate: formatNumber(short.reduce((sum, c) => sum + c.load.rate, 0)),
          queue: queue.id,
          calls: formatNumber(short.reduce((sum, c) => sum + callsOf(c, c.batched), 0)),
          batching: batchingText(short),
          groups: plural(groups, 'message group'),
          groupLimit: formatNumber(groups * PER_GROUP),
          perGroup: formatNumber(PER_GROUP),
          limit: formatNumber(limit.calls),
          mode: limit.mode,
        },
        related: onlyNode
          ? []
          : short.map((c) => ({
              at: c.connection,
              message: `${formatNumber(callsOf(c, c.batched))} send calls/s from ${c.connection.source.id} over ${plural(groupCount(c)!, 'message group')}`,
            })),
        suggest,
      });
    }
  },
});
