import { defineRule } from '../define-rule';
import { API_GATEWAY } from '../../limits/aws';
import { capacityOf } from '../../model/capacity';
import type { Model, Resource } from '../../model/model';
import { findPair, isMap, isScalar, type YNode } from '../../parse/ast';
import type { OffsetRange } from '../../text/line-index';
import { formatNumber, parseRate } from '../../parse/values';

export default defineRule({
  id: 'api-gateway/throttle',
  defaultSeverity: 'warning',
  summary:
    "Requests into all the account's API Gateways over the account throttle (10,000 requests/s per Region by default, or `account.apiGatewayThrottle`)",
  facts: [API_GATEWAY.accountThrottleDefault, API_GATEWAY.accountBurstDefault, API_GATEWAY.accountThrottleLowRegionsDefault],
  sources: [API_GATEWAY.throttling],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overThrottle:
      "Requests into API Gateway total {total} requests/s across the account's APIs ({apis}), over the account throttle of {limit} requests/s ({limitSource}): API Gateway answers the excess with 429 Too Many Requests, beyond a burst of about {burst} requests. Raise the quota through Service Quotas (and set `account.apiGatewayThrottle`), or spread the load over accounts or Regions.",
  },
  check(context) {
    const { model } = context;
    const limit = throttleOf(model);
    if (!limit) return;
    const capacity = capacityOf(model);
    // The throttle is one token bucket for every API of the account in the Region.
    const perApi: { api: Resource; rate: number; at: OffsetRange[] }[] = [];
    let total = 0;
    for (const api of model.ofType('api-gateway')) {
      let rate = 0;
      const at: OffsetRange[] = [];
      for (const connection of model.inbound(api)) {
        if (connection.origin !== 'flow') continue;
        const load = capacity.connection(connection);
        if (!load || !(load.rate > 0)) continue;
        rate += load.rate;
        // On the rate written on the connection; a rate passed on from upstream sits on the API's id in the flow.
        const declared = load.declared ? connection.props.get('rate')?.node : undefined;
        at.push(declared ?? connection.target);
      }
      if (rate > 0) {
        perApi.push({ api, rate, at });
        total += rate;
      }
    }
    if (total <= limit.rate) return;
    const data = {
      total: formatNumber(total),
      apis: perApi.map(({ api, rate }) => `'${api.id}' ${formatNumber(rate)}/s`).join(', '),
      limit: formatNumber(limit.rate),
      limitSource: limit.source,
      burst: formatNumber(limit.burst),
    };
    // A fan-in entry (`a, b -> api: { rate: … }`) writes one rate for several connections: one finding.
    const seen = new Set<string>();
    for (const { at } of perApi) {
      for (const range of at) {
        const key = `${range.start}:${range.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        context.report({ at: range, messageId: 'overThrottle', data });
      }
    }
  },
});

interface Throttle {
  readonly rate: number;
  readonly burst: number;
  readonly source: string;
}

/** The account's throttle: `account.apiGatewayThrottle`, else the Region's default; undefined while the override cannot be read. */
function throttleOf(model: Model): Throttle | undefined {
  const account = findPair(model.root, 'account')?.value;
  const written: YNode | null | undefined = isMap(account) ? findPair(account, 'apiGatewayThrottle')?.value : undefined;
  const low = model.region !== undefined && API_GATEWAY.accountThrottleLowRegions.includes(model.region);
  const burst = low ? API_GATEWAY.accountBurstLowRegionsDefault.value : API_GATEWAY.accountBurstDefault.value;
  if (written !== undefined) {
    const rate = isScalar(written) ? parseRate(written.value) : undefined;
    // AWS sizes the burst bucket from the rate quota: keep the default's proportion.
    return rate === undefined ? undefined : { rate, burst: Math.round(rate / 2), source: 'account.apiGatewayThrottle' };
  }
  if (low) return { rate: API_GATEWAY.accountThrottleLowRegionsDefault.value, burst, source: `AWS default in ${model.region!}` };
  return {
    rate: API_GATEWAY.accountThrottleDefault.value,
    burst,
    source: model.region ? `AWS default in ${model.region}` : 'AWS default; no region set',
  };
}
