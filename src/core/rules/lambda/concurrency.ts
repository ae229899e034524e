import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import { capacityOf, reservedConcurrency, type LambdaPool } from '../../model/capacity';
import type { Resource } from '../../model/model';
import { formatNumber, formatSeconds } from '../../parse/values';

/** Functions named in a message at most; the rest are counted. */
const MAX_NAMED = 10;

export default defineRule({
  id: 'lambda/concurrency',
  defaultSeverity: 'warning',
  summary:
    "Derived Lambda concurrency (invocations/s × duration) over the function's reserved concurrency, or, added up over the functions without one, over what the account leaves them; reservations over the account's concurrency − 100",
  facts: [LAMBDA.accountConcurrencyDefault, LAMBDA.unreservedMinimum],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html'],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overReserved:
      '{invocations} invocations/s × {duration} duration = {concurrency} concurrent executions of {fn}, over reservedConcurrency {limit}; Lambda throttles the invocations beyond it.',
    overAccount:
      '{invocations} invocations/s × {duration} duration = {concurrency} concurrent executions of {fn}, over {pool}; Lambda throttles the invocations beyond it.',
    overPool:
      'Functions without reserved concurrency need {concurrency} concurrent executions together ({functions}), over {pool}, which they share; Lambda throttles the invocations beyond it.',
    overReservations:
      'Reserved concurrency adds up to {total} ({functions}), over the {reservable} an account with Lambda concurrency {limit} ({source}) can reserve: {minimum} must stay unreserved; Lambda rejects the reservation that goes over.',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    const pool = capacity.lambdaPool();
    const source = pool.declared ? 'account.lambdaConcurrency' : 'AWS default';
    const durationOf = (fn: Resource) => {
      const duration = fn.props.get('duration')?.value;
      return typeof duration === 'number' ? duration : undefined;
    };
    const inboundRelated = (fn: Resource) => {
      const related = [];
      const duration = fn.props.get('duration');
      if (duration?.node && typeof duration.value === 'number')
        related.push({ at: duration.node, message: `duration of ${fn.id}: ${formatSeconds(duration.value)}` });
      for (const connection of model.inbound(fn)) {
        const carried = connection.origin === 'flow' ? capacity.connection(connection) : undefined;
        if (!carried || !(carried.rate > 0) || !connection.entry) continue;
        related.push({ at: connection, message: `${formatNumber(carried.rate)}/s from ${connection.source.id}` });
      }
      return related;
    };

    // Each reservation against itself.
    for (const fn of pool.reserved) {
      const load = capacity.resource(fn);
      const duration = durationOf(fn);
      const limit = reservedConcurrency(fn) as number;
      if (load.concurrency === undefined || load.invocations === undefined || duration === undefined || load.concurrency <= limit) continue;
      context.report({
        at: fn.props.get('reservedConcurrency')!.node!,
        messageId: 'overReserved',
        data: {
          invocations: formatNumber(load.invocations),
          duration: formatSeconds(duration),
          concurrency: formatNumber(load.concurrency),
          fn: fn.id,
          limit: formatNumber(limit),
        },
        related: inboundRelated(fn),
      });
    }

    // The reservations together: AWS refuses the one that leaves fewer than 100 unreserved.
    if (pool.reservedTotal > pool.reservable && pool.reserved.length > 0) {
      const last = pool.reserved[pool.reserved.length - 1]!;
      const lastNode = last.props.get('reservedConcurrency')!.node!;
      context.report({
        at: lastNode,
        messageId: 'overReservations',
        severity: 'error',
        data: {
          total: formatNumber(pool.reservedTotal),
          functions: named(pool.reserved.map((fn) => `${fn.id} ${formatNumber(reservedConcurrency(fn) as number)}`)),
          reservable: formatNumber(pool.reservable),
          limit: formatNumber(pool.limit),
          source,
          minimum: LAMBDA.unreservedMinimum.text,
        },
        related: pool.reserved
          .filter((fn) => fn.props.get('reservedConcurrency')!.node !== lastNode)
          .map((fn) => ({
            at: fn.props.get('reservedConcurrency')!.node!,
            message: `reservedConcurrency of ${fn.id}: ${formatNumber(reservedConcurrency(fn) as number)}`,
          })),
      });
    }

    // The functions without a reservation share one pool.
    if (pool.unreservedDemand <= pool.unreservedPool) return;
    const poolText = describePool(pool, source);
    if (pool.unreserved.length === 1) {
      const fn = pool.unreserved[0]!;
      const load = capacity.resource(fn);
      context.report({
        at: fn.key,
        messageId: 'overAccount',
        data: {
          invocations: formatNumber(load.invocations ?? 0),
          duration: formatSeconds(durationOf(fn) ?? 0),
          concurrency: formatNumber(load.concurrency ?? 0),
          fn: fn.id,
          pool: poolText,
        },
        related: inboundRelated(fn),
      });
      return;
    }
    const byNeed = [...pool.unreserved].sort((a, b) => (capacity.resource(b).concurrency ?? 0) - (capacity.resource(a).concurrency ?? 0));
    const largest = byNeed[0]!;
    context.report({
      at: largest.key,
      messageId: 'overPool',
      data: {
        concurrency: formatNumber(pool.unreservedDemand),
        functions: named(byNeed.map((fn) => `${fn.id} ${formatNumber(capacity.resource(fn).concurrency ?? 0)}`)),
        pool: poolText,
      },
      related: byNeed.slice(1).map((fn) => {
        const load = capacity.resource(fn);
        return {
          at: fn.key,
          message: `${fn.id}: ${formatNumber(load.invocations ?? 0)} invocations/s × ${formatSeconds(durationOf(fn) ?? 0)} = ${formatNumber(load.concurrency ?? 0)} concurrent executions`,
        };
      }),
    });
  },
});

/** `the account's Lambda concurrency of 1,000 (AWS default)`, or what reservations leave of it. */
function describePool(pool: LambdaPool, source: string): string {
  const account = `the account's Lambda concurrency of ${formatNumber(pool.limit)} (${source})`;
  if (pool.reservedTotal === 0) return account;
  return `the ${formatNumber(pool.unreservedPool)} left unreserved of ${account} after ${formatNumber(pool.reservedTotal)} reserved by ${named(pool.reserved.map((fn) => fn.id))}`;
}

function named(items: readonly string[]): string {
  const shown = items.slice(0, MAX_NAMED).join(', ');
  return items.length > MAX_NAMED ? `${shown} and ${formatNumber(items.length - MAX_NAMED)} more` : shown;
}
