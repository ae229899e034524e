import { defineRule } from '../define-rule';
import { EVENTBRIDGE_THROUGHPUT } from '../../limits/aws';
import { capacityOf, invocationsQuota } from '../../model/capacity';
import { classifyConnection, connectionOptions } from '../../model/connections';
import { formatNumber } from '../../parse/values';
import { quotaSite, type QuotaCarrier } from '../account-quota';

export default defineRule({
  id: 'eventbridge/invocations-throughput',
  defaultSeverity: 'warning',
  summary:
    "Rule target invocations per second, across the account's EventBridge buses, over the invocations quota of the file's Region (18,750/s in us-east-1, us-west-2 and eu-west-1; 750/s in the smallest Regions)",
  facts: [EVENTBRIDGE_THROUGHPUT.invocationsOtherRegions],
  sources: [EVENTBRIDGE_THROUGHPUT.retryPolicy],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overQuota:
      "{rate} rule target invocations/s from EventBridge {buses} are over the account's {limit} invocations/s ({where}); EventBridge delays the invocations beyond it (retrying them for up to 24 hours by default), so the targets fall further behind.",
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    const carriers: QuotaCarrier[] = [];
    for (const connection of model.connections) {
      const { from, to } = connection;
      if (connection.origin !== 'flow' || from?.type !== 'eventbridge' || !to?.type) continue;
      if (classifyConnection(from.type, to.type, connectionOptions(connection)).kind !== 'rule-target') continue;
      const load = capacity.connection(connection);
      if (load && load.rate > 0) carriers.push({ connection, load });
    }
    const quota = invocationsQuota(model.region);
    const rate = carriers.reduce((sum, c) => sum + c.load.rate, 0);
    if (rate <= quota.perSecond) return;
    const buses = [...new Set(carriers.map((c) => c.connection.source.id))];
    context.report({
      ...quotaSite(
        carriers,
        (c) => c.connection.from!,
        (c) => c.load.rate,
        (c) => `${formatNumber(c.load.rate)} invocations/s of ${c.connection.target.id} from ${c.connection.source.id}`,
      ),
      messageId: 'overQuota',
      data: {
        rate: formatNumber(rate),
        buses: buses.length === 1 ? `bus ${buses[0]}` : `buses ${buses.join(', ')}`,
        limit: formatNumber(quota.perSecond),
        where: quota.where,
      },
    });
  },
});
