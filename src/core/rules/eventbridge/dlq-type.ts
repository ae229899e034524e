import { defineRule } from '../define-rule';
import { EVENTBRIDGE, SCHEDULER } from '../../limits/aws';
import { article } from '../../model/connections';
import { scheduleKind, type Connection } from '../../model/model';
import { eventTargetsOf } from '../event-targets';

export default defineRule({
  id: 'eventbridge/dlq-type',
  defaultSeverity: 'error',
  summary: 'The dead-letter queue (`onFailure`) of an EventBridge rule target or a schedule target is not a standard SQS queue',
  sources: [EVENTBRIDGE.targetDeadLetterQueue, SCHEDULER.deadLetterQueue],
  fixable: false,
  hasSuggestions: false,
  messages: {
    fifo: "'{dlq}' is a FIFO queue, and {service} takes only a standard SQS queue as a target's dead-letter queue: {api} rejects it. Use a standard queue for the events '{sender}' fails to deliver.",
    notQueue:
      "'{dlq}' is {kind}, and {service} takes only a standard SQS queue as a target's dead-letter queue: {api} rejects it. Use a standard queue for the events '{sender}' fails to deliver.",
  },
  check(context) {
    const { model } = context;
    for (const entry of model.flows) {
      const onFailure = entry.props.get('onFailure');
      if (!onFailure?.node || typeof onFailure.raw !== 'string') continue;
      const dlq = model.byId.get(onFailure.raw);
      // An unknown id is flows/unknown-resource's; a resource without a type is the schema's.
      if (!dlq?.type) continue;
      if (dlq.type === 'sqs' && !dlq.fifo) continue;
      const targets = eventTargetsOf(entry);
      const first = targets[0];
      if (!first) continue;
      const { service, api } = serviceOf(first);
      context.report({
        at: onFailure.node,
        connections: targets,
        messageId: dlq.type === 'sqs' ? 'fifo' : 'notQueue',
        data: { dlq: dlq.id, kind: article(dlq.type), service, api, sender: first.from!.id },
      });
    }
  },
});

/** Who takes the dead-letter queue: a bus's rule and a scheduled rule call PutTargets, a Scheduler schedule CreateSchedule. */
function serviceOf(connection: Connection): { service: string; api: string } {
  const from = connection.from!;
  if (from.type === 'schedule' && scheduleKind(from) === 'scheduler') return { service: 'EventBridge Scheduler', api: 'CreateSchedule' };
  return { service: 'EventBridge', api: 'PutTargets' };
}
