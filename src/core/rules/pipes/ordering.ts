import { defineRule } from '../define-rule';
import { PIPES, SNS } from '../../limits/aws';
import { classifyConnection, connectionOptions } from '../../model/connections';
import type { Resource } from '../../model/model';

const SQS_STANDARD_ORDERING = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues.html';
const EVENTBRIDGE_ORDERING = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-custom-bus-ordering.html';
const ECS_RUN_TASK = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html#pipes-targets-specifics-ecs-task';

export default defineRule({
  id: 'pipes/ordering',
  defaultSeverity: 'warning',
  summary:
    'An EventBridge Pipe from an ordered source (a FIFO queue, a Kinesis or DynamoDB stream) into a target that does not keep the order (a standard queue or topic, an event bus, a standard workflow, an ECS task)',
  sources: [PIPES.ordering, SQS_STANDARD_ORDERING, SNS.fifoSubscriptions, EVENTBRIDGE_ORDERING, PIPES.stateMachineTarget, ECS_RUN_TASK],
  fixable: false,
  hasSuggestions: false,
  messages: {
    losesOrder:
      "The Pipe from {source} into '{target}' loses that order: {why}. Pipe into {instead}, or accept that records are processed out of order.",
  },
  check(context) {
    for (const connection of context.model.connections) {
      const { from, to } = connection;
      if (connection.origin !== 'flow' || !from?.type || !to?.type || connection.props.get('via')?.value !== 'pipe') continue;
      if (classifyConnection(from.type, to.type, connectionOptions(connection)).kind !== 'pipe') continue;
      const source = orderedSource(from);
      if (!source) continue;
      const loss = orderLoss(to);
      if (!loss) continue;
      context.report({ at: connection, messageId: 'losesOrder', data: { source, target: to.id, why: loss.why, instead: loss.instead } });
    }
  },
});

/** How the source orders its records, or undefined for a source without order (a standard queue). */
function orderedSource(resource: Resource): string | undefined {
  if (resource.type === 'sqs') return resource.fifo ? `FIFO queue '${resource.id}' (in order per message group)` : undefined;
  if (resource.type === 'kinesis') return `Kinesis stream '${resource.id}' (in order per shard)`;
  if (resource.type === 'dynamodb') return `the DynamoDB stream of '${resource.id}' (in order per item)`;
  return undefined;
}

/** Why the target reorders, and what keeps the order instead; undefined for a target that keeps it. */
function orderLoss(target: Resource): { why: string; instead: string } | undefined {
  switch (target.type) {
    case 'sqs':
      return target.fifo
        ? undefined
        : { why: 'it is a standard queue, which delivers in best-effort order', instead: 'a FIFO queue (`fifo: true`)' };
    case 'sns':
      // A FIFO topic is no Pipe target at all (flows/invalid-connection).
      return target.fifo
        ? undefined
        : { why: 'it is a standard topic, which delivers in best-effort order', instead: 'a FIFO queue, or a Lambda function' };
    case 'eventbridge':
      return { why: 'an event bus does not keep the order of the events it routes', instead: 'a FIFO queue, or a Kinesis stream' };
    case 'stepfunctions':
      return target.props.get('workflow')?.value === 'express'
        ? undefined
        : {
            why: 'a Pipe starts a standard workflow only asynchronously (FIRE_AND_FORGET), so its executions run side by side and finish in any order',
            instead: 'an Express workflow (which a Pipe invokes synchronously, batch after batch)',
          };
    case 'ecs':
      return { why: 'a Pipe starts an ECS task per batch, and the tasks run side by side', instead: 'a Lambda function, or a FIFO queue' };
    default:
      return undefined;
  }
}
