import { defineRule } from '../define-rule';
import { EVENTBRIDGE, EVENTBRIDGE_THROUGHPUT } from '../../limits/aws';
import { capacityOf, putEventsQuota } from '../../model/capacity';
import { classifyConnection, connectionOptions } from '../../model/connections';
import type { ResourceType } from '../../model/properties';
import { typesOf } from '../../model/resource-types';
import type { Edits } from '../../edit/edits';
import { formatNumber } from '../../parse/values';
import { quotaSite, setOnEntries, type QuotaCarrier } from '../account-quota';

/** Producers that run code and can put up to 10 entries in one PutEvents call; API Gateway, S3 and the others put one. */
const CAN_BATCH: ReadonlySet<ResourceType> = new Set<ResourceType>([...typesOf('compute'), 'client']);
const ENTRIES = EVENTBRIDGE.putEventsEntriesMax.value;

const batched = (c: QuotaCarrier): boolean => c.connection.props.get('batching')?.value === true;
const requestsOf = (c: QuotaCarrier, inBatches = batched(c)): number => c.load.rate / (inBatches ? ENTRIES : 1);

export default defineRule({
  id: 'eventbridge/put-events-throughput',
  defaultSeverity: 'warning',
  summary:
    "Events put on EventBridge buses need more PutEvents requests per second than the account's quota in the file's Region (10,000/s in us-east-1, us-west-2 and eu-west-1; 400/s in the smallest Regions)",
  facts: [EVENTBRIDGE_THROUGHPUT.putEventsOtherRegions, EVENTBRIDGE.putEventsEntriesMax],
  fixable: false,
  hasSuggestions: true,
  messages: {
    overQuota:
      "{rate} events/s put on EventBridge {buses} make {requests} PutEvents requests/s ({batching}), over the account's {limit} requests/s ({where}); EventBridge throttles the requests beyond it and the producers must retry them.",
    enableBatching: 'Put up to 10 events per request (batching: true) from {producers}',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    const carriers: QuotaCarrier[] = [];
    for (const connection of model.connections) {
      const { from, to } = connection;
      if (connection.origin !== 'flow' || !connection.entry || to?.type !== 'eventbridge' || !from?.type) continue;
      if (classifyConnection(from.type, to.type, connectionOptions(connection)).kind !== 'put-events') continue;
      const load = capacity.connection(connection);
      if (load && load.rate > 0) carriers.push({ connection, load });
    }
    const quota = putEventsQuota(model.region);
    const total = (inBatches: (c: QuotaCarrier) => boolean) => carriers.reduce((sum, c) => sum + requestsOf(c, inBatches(c)), 0);
    const requests = total(batched);
    if (requests <= quota.perSecond) return;

    const buses = [...new Set(carriers.map((c) => c.connection.target.id))];
    const batchable = carriers.filter((c) => !batched(c) && CAN_BATCH.has(c.connection.from!.type!));
    const suggest = [];
    if (batchable.length > 0 && total((c) => batched(c) || batchable.includes(c)) <= quota.perSecond) {
      suggest.push({
        messageId: 'enableBatching' as const,
        data: { producers: [...new Set(batchable.map((c) => c.connection.source.id))].join(', ') },
        build: (edits: Edits) =>
          setOnEntries(
            edits,
            batchable.map((c) => c.connection.entry!),
            'batching',
            'true',
          ),
      });
    }
    const inBatches = carriers.filter(batched).length;
    context.report({
      ...quotaSite(
        carriers,
        (c) => c.connection.to!,
        (c) => requestsOf(c),
        (c) =>
          `${formatNumber(c.load.rate)} events/s from ${c.connection.source.id} to ${c.connection.target.id}${batched(c) ? ' in batches of 10' : ''}`,
      ),
      messageId: 'overQuota',
      data: {
        rate: formatNumber(carriers.reduce((sum, c) => sum + c.load.rate, 0)),
        buses: buses.length === 1 ? `bus ${buses[0]}` : `buses ${buses.join(', ')}`,
        requests: formatNumber(requests),
        batching: inBatches === 0 ? 'one event per request' : inBatches === carriers.length ? 'batches of 10' : 'partly in batches of 10',
        limit: formatNumber(quota.perSecond),
        where: quota.where,
      },
      suggest,
    });
  },
});
