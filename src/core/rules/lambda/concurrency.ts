import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import { capacityOf } from '../../model/capacity';
import { formatNumber, formatSeconds } from '../../parse/values';

export default defineRule({
  id: 'lambda/concurrency',
  defaultSeverity: 'warning',
  summary: 'Derived Lambda concurrency (invocations/s × duration) over the function\'s reserved concurrency or the account\'s concurrency',
  facts: [LAMBDA.accountConcurrencyDefault],
  sources: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html'],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overReserved: '{invocations} invocations/s × {duration} duration = {concurrency} concurrent executions of {fn}, over reservedConcurrency {limit}; Lambda throttles the invocations beyond it.',
    overAccount: '{invocations} invocations/s × {duration} duration = {concurrency} concurrent executions of {fn}, over the account\'s Lambda concurrency of {limit} ({source}); Lambda throttles the invocations beyond it.',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    for (const fn of model.ofType('lambda')) {
      const load = capacity.resource(fn);
      const duration = fn.props.get('duration');
      if (load.concurrency === undefined || load.invocations === undefined || typeof duration?.value !== 'number') continue;
      const reserved = fn.props.get('reservedConcurrency');
      // A half-typed reservedConcurrency: no limit to compare with, and the account one would be the wrong one.
      if (reserved && (typeof reserved.value !== 'number' || !reserved.node)) continue;
      const account = model.accountLambdaConcurrency;
      const limit = reserved ? (reserved.value as number) : account ?? LAMBDA.accountConcurrencyDefault.value;
      if (load.concurrency <= limit) continue;

      const related = [];
      if (duration.node) related.push({ at: duration.node, message: `duration of ${fn.id}: ${formatSeconds(duration.value)}` });
      for (const connection of model.inbound(fn)) {
        const carried = connection.origin === 'flow' ? capacity.connection(connection) : undefined;
        if (!carried || !(carried.rate > 0) || !connection.entry) continue;
        related.push({ at: connection, message: `${formatNumber(carried.rate)}/s from ${connection.source.id}` });
      }
      context.report({
        at: reserved?.node ?? fn.key,
        messageId: reserved ? 'overReserved' : 'overAccount',
        data: {
          invocations: formatNumber(load.invocations),
          duration: formatSeconds(duration.value),
          concurrency: formatNumber(load.concurrency),
          fn: fn.id,
          limit: formatNumber(limit),
          source: account !== undefined ? 'account.lambdaConcurrency' : 'AWS default',
        },
        related,
      });
    }
  },
});
