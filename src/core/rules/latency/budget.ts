import { defineRule } from '../define-rule';
import { LATENCY } from '../../limits/aws';
import { latencyOf, type Latency, type LatencyPath } from '../../model/latency';
import type { Connection } from '../../model/model';
import { formatSeconds } from '../../parse/values';

/** How many hops a finding names, costliest first. */
const NAMED_HOPS = 3;

export default defineRule({
  id: 'latency/budget',
  defaultSeverity: 'warning',
  summary: "A flow entry's chain whose estimated latency (p50, or the worst case) is over its maxLatency",
  facts: [
    LATENCY.sqsLongPollTypical,
    LATENCY.kinesisLambdaPoll,
    LATENCY.dynamodbLambdaPoll,
    LATENCY.snsDeliveryTypical,
    LATENCY.eventBridgeDeliveryTypical,
    LATENCY.s3NotificationWorst,
    LATENCY.lambdaAsyncRetryWaits,
  ],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overTypical:
      'Estimated latency of {path}: p50 {p50}, worst case {worst}; over the budget maxLatency {budget} even in the typical case. Costliest: {hops}.',
    overWorst:
      'Estimated latency of {path}: p50 {p50}, within the budget maxLatency {budget}, but up to {worst} in the worst case. Costliest: {hops}.',
  },
  check(context) {
    const { model } = context;
    const latency = latencyOf(model);
    for (const entry of model.flows) {
      const budgetProp = entry.props.get('maxLatency');
      const budget = budgetProp?.value;
      if (!budgetProp?.node || typeof budget !== 'number') continue;
      const slowest = latency.chain(entry);
      if (!slowest) continue;
      const typical = slowest.p50.p50 > budget;
      if (!typical && !(slowest.worst.worst > budget)) continue;
      // The typical case over the budget is the path to show; otherwise the worst case's.
      const path = typical ? slowest.p50 : slowest.worst;
      const measure = typical ? 'p50' : 'worst';
      const costliest = costliestHops(latency, path, measure);
      context.report({
        at: budgetProp.node,
        connections: path.connections,
        messageId: typical ? 'overTypical' : 'overWorst',
        ...(typical ? {} : { severity: 'info' as const }),
        data: {
          path: pathText(path),
          p50: formatSeconds(path.p50),
          worst: formatSeconds(path.worst),
          budget: formatSeconds(budget),
          hops: costliest.map((hop) => `${hopName(hop.connection)} ${formatSeconds(hop.cost)}`).join(', '),
        },
        related: costliest.map((hop) => ({
          at: hop.connection,
          message: `${hopName(hop.connection)}: p50 ${formatSeconds(hop.p50)}, worst case ${formatSeconds(hop.worst)} — ${hop.why}`,
        })),
      });
    }
  },
});

interface CostlyHop {
  readonly connection: Connection;
  readonly cost: number;
  readonly p50: number;
  readonly worst: number;
  readonly why: string;
}

/** The hops that cost most by the measure over the budget, with what makes each cost (its largest parts). */
function costliestHops(latency: Latency, path: LatencyPath, measure: 'p50' | 'worst'): CostlyHop[] {
  const hops: CostlyHop[] = [];
  for (const connection of path.connections) {
    const hop = latency.hop(connection);
    if (!hop) continue;
    const parts = [...hop.parts].filter((part) => part[measure] > 0).sort((a, b) => b[measure] - a[measure]);
    const why = parts
      .slice(0, 2)
      .map((part) => `${part.what} ${formatSeconds(part[measure])}${part.detail ? ` (${part.detail})` : ''}`)
      .join('; ');
    hops.push({ connection, cost: hop[measure], p50: hop.p50, worst: hop.worst, why: why || 'no wait known' });
  }
  return hops
    .filter((hop) => hop.cost > 0)
    .sort((a, b) => b.cost - a.cost)
    .slice(0, NAMED_HOPS);
}

function hopName(connection: Connection): string {
  return `${connection.source.id} -> ${connection.target.id}`;
}

/** `a -> b -> c`: the ids along the path. */
function pathText(path: LatencyPath): string {
  const first = path.connections[0];
  if (!first) return '';
  return [first.source.id, ...path.connections.map((c) => c.target.id)].join(' -> ');
}
