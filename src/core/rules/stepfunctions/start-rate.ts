import { defineRule } from '../define-rule';
import { STEP_FUNCTIONS_START } from '../../limits/aws';
import { capacityOf, startExecutionQuota, workflowType } from '../../model/capacity';
import type { Resource } from '../../model/model';
import { formatNumber } from '../../parse/values';
import { quotaSite, type QuotaCarrier } from '../account-quota';

export default defineRule({
  id: 'stepfunctions/start-rate',
  defaultSeverity: 'warning',
  summary:
    "Step Functions executions started per second over the account's StartExecution quota in the file's Region: standard workflows 300/s (bucket 1,300) in us-east-1, us-west-2 and eu-west-1, 150/s (bucket 800) elsewhere; express workflows 6,000/s",
  facts: [
    STEP_FUNCTIONS_START.standardLargeRefill,
    STEP_FUNCTIONS_START.standardOtherRefill,
    STEP_FUNCTIONS_START.expressRefill,
    STEP_FUNCTIONS_START.standardLargeBucket,
    STEP_FUNCTIONS_START.standardOtherBucket,
    STEP_FUNCTIONS_START.expressBucket,
  ],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overQuota:
      "{rate} executions/s of {workflow} {machines} are over the account's StartExecution quota for {workflow} workflows, {refill} calls/s ({where}; a bucket of {bucket} absorbs a burst, not a sustained rate); Step Functions throttles the starts beyond it.",
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    for (const workflow of ['standard', 'express'] as const) {
      // Each machine's executions, and the connections that start them.
      const machines: { machine: Resource; executions: number }[] = [];
      const carriers: QuotaCarrier[] = [];
      for (const machine of model.ofType('stepfunctions')) {
        if (workflowType(machine) !== workflow) continue;
        const executions = capacity.resource(machine).executions;
        if (executions === undefined || !(executions > 0)) continue;
        machines.push({ machine, executions });
        for (const connection of model.inbound(machine)) {
          const load = connection.origin === 'flow' ? capacity.connection(connection) : undefined;
          if (load && load.rate > 0) carriers.push({ connection, load });
        }
      }
      const quota = startExecutionQuota(workflow, model.region);
      const rate = machines.reduce((sum, m) => sum + m.executions, 0);
      if (rate <= quota.refill) continue;
      const executionsOf = new Map(machines.map((m) => [m.machine, m.executions]));
      const site = quotaSite(
        carriers,
        (c) => c.connection.to!,
        // A machine's executions shared among the connections that start it, in proportion.
        (c) => (executionsOf.get(c.connection.to!)! * c.load.rate) / (capacity.resource(c.connection.to!).inbound?.rate ?? c.load.rate),
        (c) => `${formatNumber(c.load.rate)}/s from ${c.connection.source.id} starts ${c.connection.target.id}`,
      );
      context.report({
        ...site,
        messageId: 'overQuota',
        data: {
          rate: formatNumber(rate),
          workflow,
          machines:
            machines.length === 1
              ? `state machine ${machines[0]!.machine.id}`
              : `state machines ${machines.map((m) => m.machine.id).join(', ')}`,
          refill: formatNumber(quota.refill),
          bucket: formatNumber(quota.bucket),
          where: quota.where,
        },
      });
    }
  },
});
