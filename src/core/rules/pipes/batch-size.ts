import { defineRule } from '../define-rule';
import { PIPES, type Fact } from '../../limits/aws';
import { classifyConnection, connectionOptions } from '../../model/connections';
import type { Connection, Prop } from '../../model/model';
import type { ResourceType } from '../../model/properties';
import { formatNumber, formatSeconds } from '../../parse/values';

/** The largest batch a Pipe can deliver to each target type (`undefined`: the customer's choice, bounded by payload size). */
const TARGET_BATCH_MAX: Partial<Record<ResourceType, Fact>> = {
  sqs: PIPES.sqsTargetBatchMax,
  sns: PIPES.snsTargetBatchMax,
  eventbridge: PIPES.eventBusTargetBatchMax,
  kinesis: PIPES.kinesisTargetBatchMax,
  firehose: PIPES.firehoseTargetBatchMax,
  // No batch API: an ECS task, an API Gateway or an API destination (a client) takes one event per call.
  ecs: PIPES.unbatchedBatchMax,
  'api-gateway': PIPES.unbatchedBatchMax,
  client: PIPES.unbatchedBatchMax,
};
/** Enrichments that do not take batches: API Gateway and API destinations. */
const UNBATCHED_ENRICHMENTS: readonly ResourceType[] = ['api-gateway', 'client'];

const SOURCE_BATCH_MAX: Partial<Record<ResourceType, Fact>> = {
  sqs: PIPES.sqsBatchSizeMax,
  kinesis: PIPES.kinesisBatchSizeMax,
  dynamodb: PIPES.dynamodbBatchSizeMax,
};

interface Limit {
  readonly fact: Fact;
  readonly connection: Connection;
  /** What sets it, for the message: `source queue 'q'`, `target queue 'out'`, `enrichment 'api'`. */
  readonly by: string;
}

export default defineRule({
  id: 'pipes/batch-size',
  defaultSeverity: 'error',
  summary:
    'EventBridge Pipe batch settings AWS rejects: a batch size over the source’s maximum (10,000) or over what the target or enrichment takes, a batch window over 300 s or not whole seconds',
  facts: [
    PIPES.sqsBatchSizeMax,
    PIPES.kinesisBatchSizeMax,
    PIPES.dynamodbBatchSizeMax,
    PIPES.sqsTargetBatchMax,
    PIPES.kinesisTargetBatchMax,
    PIPES.unbatchedBatchMax,
    PIPES.batchWindowMax,
    PIPES.batchWindowStep,
  ],
  fixable: true,
  hasSuggestions: false,
  messages: {
    sizeOverMax:
      'Pipe batch size {given} is over {max}, the most {by} takes: EventBridge Pipes cannot be configured with a larger batch than its source, enrichment or target supports, and rejects the pipe.',
    windowOverMax: 'Pipe batchWindow {given} ({seconds}) is over the {max} maximum; EventBridge Pipes rejects the pipe.',
    windowNotWhole:
      'Pipe batchWindow {given} ({seconds}) is not a whole number of seconds; EventBridge Pipes takes the batching window in whole seconds and rejects the pipe.',
    setSize: 'Set batchSize to {value}',
    setWindow: 'Set batchWindow to {value}',
  },
  check(context) {
    for (const entry of context.model.flows) {
      // The entry's Pipes: a fan-out or fan-in shares one batchSize and one batchWindow among them.
      const pipes = entry.connections.filter(
        (c) =>
          c.from?.type &&
          c.to?.type &&
          c.props.get('via')?.value === 'pipe' &&
          classifyConnection(c.from.type, c.to.type, connectionOptions(c)).kind === 'pipe',
      );
      if (pipes.length === 0) continue;

      const size = numberProp(entry.props.get('batchSize'));
      if (size) {
        const limits = pipes.flatMap((connection) => limitsOf(connection, context.model.byId));
        const over = limits.filter((limit) => size.value > limit.fact.value);
        if (over.length > 0) {
          const tightest = over.reduce((a, b) => (b.fact.value < a.fact.value ? b : a));
          const value = String(tightest.fact.value);
          context.report({
            at: size.node,
            connections: [...new Set(over.map((limit) => limit.connection))],
            messageId: 'sizeOverMax',
            data: { given: String(size.prop.raw), max: formatNumber(tightest.fact.value), by: tightest.by },
            fix: { messageId: 'setSize', data: { value }, build: (edits) => edits.replace(size.node, value) },
          });
        }
      }

      const window = numberProp(entry.props.get('batchWindow'));
      if (!window) continue;
      if (window.value > PIPES.batchWindowMax.value) {
        const value = `${PIPES.batchWindowMax.value}s`;
        context.report({
          at: window.node,
          connections: pipes,
          messageId: 'windowOverMax',
          data: { given: String(window.prop.raw), seconds: formatSeconds(window.value), max: PIPES.batchWindowMax.text },
          fix: { messageId: 'setWindow', data: { value }, build: (edits) => edits.replace(window.node, value) },
        });
      } else if (!Number.isInteger(Math.round(window.value * 1e6) / 1e6)) {
        const value = `${Math.round(window.value)}s`;
        context.report({
          at: window.node,
          connections: pipes,
          messageId: 'windowNotWhole',
          data: { given: String(window.prop.raw), seconds: formatSeconds(window.value) },
          fix: { messageId: 'setWindow', data: { value }, build: (edits) => edits.replace(window.node, value) },
        });
      }
    }
  },
});

/** Every maximum that bounds one Pipe's batch: its source's, its target's, its enrichment's. */
function limitsOf(connection: Connection, byId: ReadonlyMap<string, { readonly type: ResourceType | undefined }>): Limit[] {
  const limits: Limit[] = [];
  const from = connection.from!;
  const to = connection.to!;
  const source = SOURCE_BATCH_MAX[from.type!];
  if (source) limits.push({ fact: source, connection, by: `source ${noun(from.type!, from.fifo)} '${from.id}'` });
  const target = TARGET_BATCH_MAX[to.type!];
  // A Lambda function or a state machine takes the whole batch in one call; its payload size bounds it.
  if (target) limits.push({ fact: target, connection, by: `target ${noun(to.type!, to.fifo)} '${to.id}'` });
  const enrich = connection.props.get('enrich')?.raw;
  const enrichment = typeof enrich === 'string' ? byId.get(enrich)?.type : undefined;
  if (enrichment && UNBATCHED_ENRICHMENTS.includes(enrichment)) {
    limits.push({ fact: PIPES.unbatchedBatchMax, connection, by: `enrichment ${noun(enrichment, false)} '${String(enrich)}'` });
  }
  return limits;
}

function noun(type: ResourceType, fifo: boolean): string {
  switch (type) {
    case 'sqs':
      return fifo ? 'FIFO queue' : 'queue';
    case 'sns':
      return 'topic';
    case 'kinesis':
      return 'Kinesis stream';
    case 'dynamodb':
      return 'DynamoDB stream';
    case 'firehose':
      return 'Firehose stream';
    case 'eventbridge':
      return 'event bus';
    case 'ecs':
      return 'ECS task';
    case 'api-gateway':
      return 'API Gateway';
    case 'client':
      return 'API destination';
    default:
      return type;
  }
}

/** A connection property with a node and a number; undefined for absent or half-typed values. */
function numberProp(prop: Prop | undefined): { prop: Prop; node: NonNullable<Prop['node']>; value: number } | undefined {
  if (!prop?.node || typeof prop.value !== 'number') return undefined;
  return { prop, node: prop.node, value: prop.value };
}
