/**
 * Capacity: the rates users declare on flows, carried through the architecture.
 *
 * - A connection's rate is the one declared on it, or else what its source passes on.
 * - A resource's inbound rate is the sum of its inbound connections' rates.
 * - A topic delivers its whole inbound rate to every subscription (fan-out); a queue or a
 *   stream passes its inbound rate to each consumer; compute passes its inbound rate on
 *   along each outgoing connection that does not declare its own.
 * - A schedule written as `rate(…)` fires at that rate.
 * - An EventBridge bus delivers its whole inbound rate to every rule target (a rule's pattern
 *   may match fewer: declare `rate` on its edge to say how many); a Pipe passes its source's
 *   rate on (enrichment does not change it).
 * - A Step Functions state machine runs one execution per message that starts it (a Pipe
 *   starts one per batch), and each task edge carries one call per execution.
 * - A data store (S3, DynamoDB, RDS, EFS) passes nothing on by itself: its notifications and
 *   streams carry the rate declared on them, or none (a read and a write share one arrow).
 * Dead-letter connections carry no rate: failures are not declared.
 *
 * - A resource over its limit (FIFO queue or topic, Kinesis stream, Lambda concurrency)
 *   passes on only what it takes; connections keep the demand beside the delivered rate.
 * Sizes travel the same way (declared, or the source's inbound average) so that bytes/s
 * add up; the largest message size travels on its own, with no rate needed, for payload
 * limits. Cycles are cut: a resource inside a loop counts only what reaches the loop.
 * Everything here is derived once per analysis, in time linear in the graph (two walks
 * at most: the second only when functions without reservations share an overfull pool).
 */
import type { Connection, Model, Prop, Resource } from './model';
import type { ResourceType } from './properties';
import {
  API_GATEWAY,
  ESM,
  EVENTBRIDGE,
  EVENTBRIDGE_THROUGHPUT,
  LAMBDA,
  PAYLOAD,
  SNS_FIFO,
  SQS_FIFO,
  STEP_FUNCTIONS,
  STEP_FUNCTIONS_START,
  type RegionalTier,
} from '../limits/aws';
import { formatNumber } from '../parse/values';
import { classifyConnection, connectionOptions, type ConnectionKind } from './connections';
import { onDemandWriteMax, shardsNeeded, shardWriteLimit, streamMode } from './kinesis';
import { typesOf } from './resource-types';

export interface Flow {
  /** Messages (records, requests) per second: what gets through, after any throttle upstream. */
  readonly rate: number;
  /** What would flow if nothing upstream throttled (equal to `rate` when nothing does). */
  readonly demand: number;
  /** Bytes per second (rate × size, where a size is known). */
  readonly bytes: number;
  /** Whether every contribution had a known size. */
  readonly sized: boolean;
  /** The largest single message size known on the way. */
  readonly maxSize: number | undefined;
}

export interface ConnectionLoad extends Flow {
  /** True when the rate was declared on this connection (rather than passed on). */
  readonly declared: boolean;
}

/** A resource that takes less than reaches it: what it passes on, and why. */
export interface Throttle {
  /** Messages (records, invocations' messages) per second it delivers downstream. */
  readonly delivered: number;
  /** The limit, for people: `FIFO send limit of 300 API calls/s`. */
  readonly limit: string;
}

export interface ResourceLoad {
  readonly inbound: Flow | undefined;
  /** Set when the inbound rate is over what the resource takes: downstream gets `throttle.delivered`. */
  readonly throttle?: Throttle;
  /** Lambda: invocations per second (rate ÷ batch size for event source mappings). */
  readonly invocations?: number;
  /** Lambda: invocations/s × `duration`, when `duration` is declared. */
  readonly concurrency?: number;
  /** Kinesis: shards the inbound writes need (1 MiB/s and 1,000 records/s per shard). */
  readonly shardsNeeded?: number;
  /** Step Functions: executions started per second (one per message; one per batch from a Pipe). */
  readonly executions?: number;
  /** EventBridge bus: rule target invocations per second (each target's rate, added up). */
  readonly ruleInvocations?: number;
}

/**
 * The account's Lambda concurrency, one pool per Region: reservations are carved out of it,
 * and every function without a reservation shares what is left. AWS keeps at least 100
 * unreserved, so reservations can take at most limit − 100.
 */
export interface LambdaPool {
  /** The account's concurrency: `account.lambdaConcurrency`, or AWS's default 1,000. */
  readonly limit: number;
  readonly declared: boolean;
  /** Functions with a numeric reservedConcurrency, in document order. */
  readonly reserved: readonly Resource[];
  readonly reservedTotal: number;
  /** The most the reservations may add up to (limit − 100, never below 0). */
  readonly reservable: number;
  /** What functions without a reservation share: limit − reservations, never below the 100 AWS keeps. */
  readonly unreservedPool: number;
  /** Functions without a reservation whose concurrency is known (> 0), in document order. */
  readonly unreserved: readonly Resource[];
  /** Their concurrency added up. */
  readonly unreservedDemand: number;
}

/** The largest single message on a connection, and where its size was declared. */
export interface MessageSize {
  readonly bytes: number;
  /** The `size` that gave it: on this connection, or upstream. */
  readonly declared: Prop;
  /** The connection that declares it (this one when the size is declared here). */
  readonly declaredOn: Connection;
}

/** What a hop accepts per message; undefined when nothing there rejects a large one. */
export interface PayloadLimit {
  readonly bytes: number;
  readonly target:
    | 'sqs'
    | 'sns'
    | 'kinesis'
    | 'lambda-async'
    | 'lambda-sync'
    | 'api-gateway'
    | 'eventbridge'
    | 'stepfunctions-input'
    | 'stepfunctions-state';
}

export interface Capacity {
  connection(connection: Connection): ConnectionLoad | undefined;
  /** The message size a flow connection carries, declared on it or from upstream, whether or not a rate is known. */
  size(connection: Connection): MessageSize | undefined;
  resource(resource: Resource): ResourceLoad;
  lambdaPool(): LambdaPool;
}

/** A function's reservedConcurrency: a number, 'invalid' when half-typed, undefined when not set. */
export function reservedConcurrency(fn: Resource): number | 'invalid' | undefined {
  const reserved = fn.props.get('reservedConcurrency');
  if (!reserved) return undefined;
  return typeof reserved.value === 'number' && reserved.node ? reserved.value : 'invalid';
}

export interface FifoLimit {
  /** Send calls per second the queue takes. */
  readonly calls: number;
  /** How the limit was chosen: `no high-throughput mode`, `high-throughput mode, us-east-1`… */
  readonly mode: string;
  /** The Region the quota is for: `us-east-1`, or `no region set: lowest Regional tier`. */
  readonly where: string;
}

/** A FIFO queue's send quota: 300 calls/s, or high-throughput mode's for the Region (an unlisted or absent Region gets the lowest tier). */
export function sqsFifoLimit(highThroughput: boolean, region: string | undefined): FifoLimit {
  if (!highThroughput) return { calls: SQS_FIFO.callsPerSecond.value, mode: 'no high-throughput mode', where: '' };
  const tier = region ? SQS_FIFO.highThroughputTiers.find((t) => t.regions.includes(region)) : undefined;
  const where = tier ? `${region}` : `${region ? `Region ${region}` : 'no region set'}: lowest Regional tier`;
  return { calls: tier ? tier.callsPerSecond : SQS_FIFO.highThroughputOtherRegions, mode: `high-throughput mode, ${where}`, where };
}

/** An account's quota in the file's Region: the tier that lists the Region, else the lowest figure (also without `region`). */
export interface RegionalQuota {
  readonly perSecond: number;
  /** `us-east-1`, `Region ca-west-1: lowest Regional figure`, `no region set: lowest Regional figure`. */
  readonly where: string;
}

function regionalQuota(tiers: readonly RegionalTier[], other: number, region: string | undefined): RegionalQuota {
  const tier = region ? tiers.find((t) => t.regions.includes(region)) : undefined;
  if (tier) return { perSecond: tier.perSecond, where: region! };
  return { perSecond: other, where: `${region ? `Region ${region}` : 'no region set'}: lowest Regional figure` };
}

/** PutEvents requests per second the account gets in the Region (every bus together). */
export function putEventsQuota(region: string | undefined): RegionalQuota {
  return regionalQuota(EVENTBRIDGE_THROUGHPUT.putEventsTiers, EVENTBRIDGE_THROUGHPUT.putEventsOtherRegions.value, region);
}

/** Rule target invocations per second the account gets in the Region (every bus together). */
export function invocationsQuota(region: string | undefined): RegionalQuota {
  return regionalQuota(EVENTBRIDGE_THROUGHPUT.invocationsTiers, EVENTBRIDGE_THROUGHPUT.invocationsOtherRegions.value, region);
}

export interface StartExecutionQuota {
  /** Sustained StartExecution calls per second: the bucket's refill rate. */
  readonly refill: number;
  /** The burst the bucket absorbs. */
  readonly bucket: number;
  readonly where: string;
}

/** StartExecution's token bucket for a workflow type in the Region: Express has one figure everywhere. */
export function startExecutionQuota(workflow: 'standard' | 'express', region: string | undefined): StartExecutionQuota {
  const q = STEP_FUNCTIONS_START;
  if (workflow === 'express') return { refill: q.expressRefill.value, bucket: q.expressBucket.value, where: 'every Region' };
  if (region && q.largeRegions.includes(region))
    return { refill: q.standardLargeRefill.value, bucket: q.standardLargeBucket.value, where: region };
  return {
    refill: q.standardOtherRefill.value,
    bucket: q.standardOtherBucket.value,
    where: region ? region : 'no region set: the figure of Regions other than us-east-1, us-west-2 and eu-west-1',
  };
}

/** A state machine's `workflow`: express, or standard (AWS's default). */
export function workflowType(machine: Resource): 'standard' | 'express' {
  return machine.props.get('workflow')?.value === 'express' ? 'express' : 'standard';
}

/** The batch a Pipe or an event source mapping delivers: `batchSize`, or AWS's default for the source (queues 10, streams 100). */
export function batchSizeOf(connection: Connection): number {
  const written = connection.props.get('batchSize')?.value;
  if (typeof written === 'number' && written > 0) return written;
  return connection.from?.type === 'sqs' ? ESM.sqsBatchSizeDefault.value : ESM.kinesisBatchSizeDefault.value;
}

/** Data stores: what flows out of them (notifications, streams) is declared there or unknown. */
const STORES: ReadonlySet<ResourceType> = new Set<ResourceType>(typesOf('data-store'));

/** Resources that do not pass a message on as it came: stores (notifications describe the change) and Firehose (it buffers). */
const SIZE_STOPS: ReadonlySet<ResourceType> = new Set<ResourceType>(['dynamodb', 's3', 'rds', 'efs', 'firehose', 'schedule']);

/**
 * The per-message maximum of a hop: SQS (the queue's maxMessageSize), SNS, a Kinesis record,
 * Lambda (asynchronous 1 MB, synchronous 6 MB) and API Gateway (10 MB). An event source
 * mapping fills its batches up to the synchronous limit instead of rejecting them, and a
 * notification carries a description of the change, not the object: neither has one.
 */
export function payloadLimit(connection: Connection, known?: ConnectionKind | 'invalid'): PayloadLimit | undefined {
  const { from, to } = connection;
  if (!from?.type || !to?.type) return undefined;
  const kind = known ?? classifyConnection(from.type, to.type, connectionOptions(connection)).kind;
  if (kind === 'invalid' || kind === 'notification' || kind === 'event-source-mapping') return undefined;
  // A task's input is a state's data: Step Functions' limit comes first, unless the target's own is lower.
  if (from.type === 'stepfunctions' && kind === 'task') {
    const own = payloadLimit(connection, 'call');
    return own && own.bytes < STEP_FUNCTIONS.payloadMax.value
      ? own
      : { bytes: STEP_FUNCTIONS.payloadMax.value, target: 'stepfunctions-state' };
  }
  switch (to.type) {
    case 'sqs': {
      const own = to.props.get('maxMessageSize')?.value;
      return { bytes: typeof own === 'number' ? own : PAYLOAD.sqsMax.value, target: 'sqs' };
    }
    case 'sns':
      return { bytes: PAYLOAD.snsDefaultMax.value, target: 'sns' };
    case 'kinesis':
      return { bytes: PAYLOAD.kinesisRecordMax.value, target: 'kinesis' };
    case 'api-gateway':
      return { bytes: API_GATEWAY.payloadMax.value, target: 'api-gateway' };
    case 'eventbridge':
      return { bytes: EVENTBRIDGE.putEventsEntrySizeMax.value, target: 'eventbridge' };
    case 'stepfunctions':
      return { bytes: STEP_FUNCTIONS.payloadMax.value, target: 'stepfunctions-input' };
    case 'lambda': {
      // Schedules, SNS and other functions invoke asynchronously; callers that wait for a response (and compute's default Invoke) synchronously.
      const asynchronous = kind === 'subscription' || kind === 'rule-target' || kind === 'asynchronous-invoke';
      return asynchronous
        ? { bytes: PAYLOAD.lambdaAsyncMax.value, target: 'lambda-async' }
        : { bytes: PAYLOAD.lambdaSyncMax.value, target: 'lambda-sync' };
    }
    default:
      return undefined;
  }
}

const SCHEDULE_RATE = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/;

/** Events per second of a `rate(…)` schedule; undefined for cron or anything else. */
export function scheduleRate(expression: unknown): number | undefined {
  if (typeof expression !== 'string') return undefined;
  const match = SCHEDULE_RATE.exec(expression.trim());
  if (!match) return undefined;
  const unit = match[2]!.startsWith('minute') ? 60 : match[2]!.startsWith('hour') ? 3600 : 86400;
  const value = Number(match[1]);
  return value > 0 ? 1 / (value * unit) : undefined;
}

const capacityCache = new WeakMap<Model, Capacity>();

/** The capacity of a model, computed on first use and kept with it. */
export function capacityOf(model: Model): Capacity {
  let capacity = capacityCache.get(model);
  if (!capacity) {
    capacity = computeCapacity(model);
    capacityCache.set(model, capacity);
  }
  return capacity;
}

function add(a: Flow | undefined, b: Flow | undefined): Flow | undefined {
  if (!a) return b;
  if (!b) return a;
  const maxSize = a.maxSize === undefined ? b.maxSize : b.maxSize === undefined ? a.maxSize : Math.max(a.maxSize, b.maxSize);
  return { rate: a.rate + b.rate, demand: a.demand + b.demand, bytes: a.bytes + b.bytes, sized: a.sized && b.sized, maxSize };
}

/** Invocations per second of a function: each inbound rate, ÷ the batch size for an event source mapping. */
function lambdaInvocations(model: Model, fn: Resource, loads: ReadonlyMap<Connection, ConnectionLoad>): number | undefined {
  let invocations: number | undefined;
  for (const connection of model.inbound(fn)) {
    const load = loads.get(connection);
    if (!load || connection.origin !== 'flow' || !connection.from?.type) continue;
    const kind = classifyConnection(connection.from.type, 'lambda', connectionOptions(connection)).kind;
    let perSecond = load.rate;
    // An event source mapping and a Pipe both invoke the function with batches (streams: 100 by default, queues: 10).
    if (kind === 'event-source-mapping' || kind === 'pipe') perSecond = load.rate / batchSizeOf(connection);
    invocations = (invocations ?? 0) + perSecond;
  }
  return invocations;
}

/**
 * Executions per second of a state machine: one per message that starts it, one per batch
 * from a Pipe (a Pipe hands its Step Functions target the whole batch as one input).
 */
function executionsOf(model: Model, machine: Resource, loads: ReadonlyMap<Connection, ConnectionLoad>): number | undefined {
  let executions: number | undefined;
  for (const connection of model.inbound(machine)) {
    const load = loads.get(connection);
    if (!load || connection.origin !== 'flow' || !connection.from?.type) continue;
    const kind = classifyConnection(connection.from.type, 'stepfunctions', connectionOptions(connection)).kind;
    executions = (executions ?? 0) + (kind === 'pipe' ? load.rate / batchSizeOf(connection) : load.rate);
  }
  return executions;
}

/** Rule target invocations per second of a bus: the rates of its rule-target connections, added up. */
function ruleInvocationsOf(model: Model, bus: Resource, loads: ReadonlyMap<Connection, ConnectionLoad>): number | undefined {
  let invocations: number | undefined;
  for (const connection of model.outbound(bus)) {
    const load = loads.get(connection);
    if (!load || connection.origin !== 'flow' || !connection.to?.type) continue;
    if (classifyConnection('eventbridge', connection.to.type, connectionOptions(connection)).kind !== 'rule-target') continue;
    invocations = (invocations ?? 0) + load.rate;
  }
  return invocations;
}

/**
 * What a resource can take of its inbound flow, when that is less: a FIFO queue over its send
 * quota or its message groups' share, a FIFO topic over 3,000 messages/s, 20 MB/s or its
 * groups' share, a Kinesis stream over its shards (or the on-demand maximum), a function over
 * its reserved concurrency or its share of the account's. The rules report these; capacity
 * carries the delivered rate downstream so that later hops see what really arrives.
 */
function throttleOf(
  model: Model,
  resource: Resource,
  inbound: Flow,
  loads: ReadonlyMap<Connection, ConnectionLoad>,
  lambdaCap: (fn: Resource) => number | undefined,
): Throttle | undefined {
  const rate = inbound.rate;
  if (!(rate > 0)) return undefined;
  const cap = (delivered: number, limit: string): Throttle | undefined =>
    delivered < rate * (1 - 1e-12) ? { delivered, limit } : undefined;
  switch (resource.type) {
    case 'sqs': {
      if (!resource.fifo) return undefined;
      const limit = sqsFifoLimit(resource.props.get('highThroughput')?.value === true, model.region);
      let calls = 0;
      let messages = 0;
      for (const connection of model.inbound(resource)) {
        const load = loads.get(connection);
        if (!load || connection.origin !== 'flow') continue;
        const batch = connection.props.get('batching')?.value === true ? SQS_FIFO.batchSize : 1;
        const groups = connection.props.get('messageGroups')?.value;
        const wanted = load.rate / batch;
        const taken = typeof groups === 'number' && groups >= 1 ? Math.min(wanted, groups * SQS_FIFO.perGroupCallsPerSecond.value) : wanted;
        calls += taken;
        messages += taken * batch;
      }
      const scale = calls > limit.calls ? limit.calls / calls : 1;
      return cap(
        messages * scale,
        `FIFO send limit: ${formatNumber(limit.calls)} API calls/s (${limit.mode})${messages < rate ? ' and 300 API calls/s per message group' : ''}`,
      );
    }
    case 'sns': {
      if (!resource.fifo) return undefined;
      let messages = 0;
      for (const connection of model.inbound(resource)) {
        const load = loads.get(connection);
        if (!load || connection.origin !== 'flow') continue;
        const groups = connection.props.get('messageGroups')?.value;
        messages +=
          typeof groups === 'number' && groups >= 1 ? Math.min(load.rate, groups * SNS_FIFO.perGroupMessagesPerSecond.value) : load.rate;
      }
      const byBytes = inbound.bytes > SNS_FIFO.bytesPerSecond.value ? rate * (SNS_FIFO.bytesPerSecond.value / inbound.bytes) : rate;
      return cap(
        Math.min(messages, SNS_FIFO.messagesPerSecond.value, byBytes),
        `FIFO topic limit: ${SNS_FIFO.messagesPerSecond.text}, ${SNS_FIFO.bytesPerSecond.text}, ${SNS_FIFO.perGroupMessagesPerSecond.text}`,
      );
    }
    case 'kinesis': {
      const mode = streamMode(resource);
      if (mode.mode !== 'provisioned') {
        const { max } = onDemandWriteMax(model.region);
        return inbound.bytes > max.value ? cap(rate * (max.value / inbound.bytes), `on-demand write maximum of ${max.text}`) : undefined;
      }
      if (mode.shards === undefined) return undefined;
      const count = mode.shards;
      const limit = shardWriteLimit(count);
      const byRecords = limit.records;
      const byBytes = inbound.bytes > 0 ? rate * (limit.bytes / inbound.bytes) : Infinity;
      return cap(Math.min(byRecords, byBytes), `${formatNumber(count)} shard${count === 1 ? '' : 's'}: 1,000 records/s and 1 MiB/s each`);
    }
    case 'lambda': {
      const duration = resource.props.get('duration')?.value;
      const invocations = lambdaInvocations(model, resource, loads);
      const limit = lambdaCap(resource);
      if (typeof duration !== 'number' || !(duration > 0) || invocations === undefined || limit === undefined) return undefined;
      const concurrency = invocations * duration;
      if (concurrency <= limit) return undefined;
      const reserved = reservedConcurrency(resource);
      return cap(
        rate * (limit / concurrency),
        typeof reserved === 'number'
          ? `reservedConcurrency ${formatNumber(reserved)}`
          : `its share of the account's unreserved concurrency: ${formatNumber(limit)}`,
      );
    }
    default:
      return undefined;
  }
}

function computeCapacity(model: Model): Capacity {
  // Per resource state in arrays by position, one map from resource to position: an
  // analysis of 5,000 resources and 10,000 connections would otherwise spend most of its
  // capacity time hashing them into half a dozen maps.
  const { resources } = model;
  const position = new Map<Resource, number>();
  for (let i = 0; i < resources.length; i++) position.set(resources[i]!, i);
  const inboundCount = new Int32Array(resources.length);
  for (let i = 0; i < resources.length; i++) {
    for (const connection of model.inbound(resources[i]!)) if (connection.origin === 'flow' && connection.from) inboundCount[i]!++;
  }
  // Sizes travel apart from rates (a size needs no rate); a message a hop rejects goes no further.
  const inboundSize: (MessageSize | undefined)[] = new Array<MessageSize | undefined>(resources.length).fill(undefined);
  const sizes = new Map<Connection, MessageSize>();
  const reservations = lambdaPoolOf(model, () => undefined);

  /**
   * One walk in Kahn's order: a resource is settled when all its inbound connections are;
   * what is left in cycles is settled last with what reached it from outside. `lambdaCap`
   * is the most concurrency a function gets.
   */
  const propagate = (lambdaCap: (fn: Resource) => number | undefined, withSizes: boolean) => {
    const remaining = inboundCount.slice();
    const inbound: (Flow | undefined)[] = new Array<Flow | undefined>(resources.length).fill(undefined);
    const loads = new Map<Connection, ConnectionLoad>();
    const throttles = new Map<Resource, Throttle>();
    const ready: number[] = [];
    for (let i = 0; i < resources.length; i++) if (remaining[i] === 0) ready.push(i);
    const settled = new Uint8Array(resources.length);
    const settle = (index: number) => {
      if (settled[index]) return;
      settled[index] = 1;
      const resource = resources[index]!;
      const own = resource.type === 'schedule' ? scheduleRate(resource.props.get('expression')?.value) : undefined;
      let source: Flow | undefined =
        own !== undefined ? { rate: own, demand: own, bytes: 0, sized: false, maxSize: undefined } : inbound[index];
      const throttle = source && own === undefined ? throttleOf(model, resource, source, loads, lambdaCap) : undefined;
      if (source && throttle) {
        throttles.set(resource, throttle);
        const kept = throttle.delivered / source.rate;
        source = { ...source, rate: throttle.delivered, bytes: source.bytes * kept };
      }
      if (resource.type && STORES.has(resource.type)) source = undefined;
      if (source && resource.type === 'stepfunctions') {
        // Each task runs once per execution: a Pipe's batches make fewer executions than messages.
        const executions = executionsOf(model, resource, loads);
        if (executions !== undefined && source.rate > 0) {
          const per = executions / source.rate;
          source = { ...source, rate: executions, demand: source.demand * per, bytes: source.bytes * per };
        }
      }
      for (const connection of model.outbound(resource)) {
        if (connection.origin !== 'flow' || !connection.to) continue;
        const declaredRate = connection.props.get('rate')?.value;
        const declaredSize = connection.props.get('size')?.value;
        let load: ConnectionLoad | undefined;
        if (typeof declaredRate === 'number') {
          const size =
            typeof declaredSize === 'number'
              ? declaredSize
              : source && source.rate > 0 && source.sized
                ? source.bytes / source.rate
                : undefined;
          load = {
            rate: declaredRate,
            demand: declaredRate,
            bytes: size === undefined ? 0 : declaredRate * size,
            sized: size !== undefined,
            maxSize: typeof declaredSize === 'number' ? declaredSize : source?.maxSize,
            declared: true,
          };
        } else if (source) {
          const size = typeof declaredSize === 'number' ? declaredSize : undefined;
          load =
            size !== undefined
              ? { rate: source.rate, demand: source.demand, bytes: source.rate * size, sized: true, maxSize: size, declared: false }
              : {
                  rate: source.rate,
                  demand: source.demand,
                  bytes: source.bytes,
                  sized: source.sized,
                  maxSize: source.maxSize,
                  declared: false,
                };
        }
        const target = position.get(connection.to)!;
        if (load) {
          loads.set(connection, load);
          inbound[target] = add(inbound[target], load);
        }
        if (withSizes) {
          const sizeProp = connection.props.get('size');
          const size: MessageSize | undefined =
            typeof sizeProp?.value === 'number'
              ? { bytes: sizeProp.value, declared: sizeProp, declaredOn: connection }
              : resource.type && SIZE_STOPS.has(resource.type)
                ? undefined
                : inboundSize[index];
          const kind =
            size && resource.type && connection.to.type
              ? classifyConnection(resource.type, connection.to.type, connectionOptions(connection)).kind
              : undefined;
          if (size && kind !== 'notification') {
            sizes.set(connection, size);
            const limit = kind ? payloadLimit(connection, kind) : undefined;
            const before = inboundSize[target];
            if ((!limit || size.bytes <= limit.bytes) && (!before || size.bytes > before.bytes)) inboundSize[target] = size;
          }
        }
        if (--remaining[target]! === 0) ready.push(target);
      }
    };
    while (ready.length > 0) settle(ready.pop()!);
    for (let i = 0; i < resources.length; i++) settle(i); // cycles, in document order
    return { inbound, loads, throttles };
  };

  // First walk: each function without a reservation may take the whole unreserved pool.
  const reservedCap = (fn: Resource): number | undefined => {
    const reserved = reservedConcurrency(fn);
    return reserved === 'invalid' ? undefined : (reserved ?? reservations.unreservedPool);
  };
  let walk = propagate(reservedCap, true);
  // They share it, though: over it, walk again with each taking its part (its need ×
  // pool ÷ all needs). A second walk at most, so capacity stays linear.
  const firstPool = lambdaPoolOf(model, (fn) => lambdaConcurrency(model, fn, walk.loads));
  if (firstPool.unreservedDemand > firstPool.unreservedPool) {
    const share = firstPool.unreservedPool / firstPool.unreservedDemand;
    const need = new Map(firstPool.unreserved.map((fn) => [fn, lambdaConcurrency(model, fn, walk.loads)! * share] as const));
    walk = propagate((fn) => need.get(fn) ?? reservedCap(fn), false);
  }
  const { inbound, loads, throttles } = walk;

  const resourceLoads = new Map<Resource, ResourceLoad>();
  const resourceLoad = (resource: Resource): ResourceLoad => {
    let load = resourceLoads.get(resource);
    if (!load) {
      const at = position.get(resource);
      load = deriveLoad(model, resource, at === undefined ? undefined : inbound[at], loads, throttles.get(resource));
      resourceLoads.set(resource, load);
    }
    return load;
  };
  return {
    connection: (connection) => loads.get(connection),
    size: (connection) => sizes.get(connection),
    resource: resourceLoad,
    // The pool the throttles used: each function's need before sharing it.
    lambdaPool: () => firstPool,
  };
}

function lambdaPoolOf(model: Model, concurrencyOf: (fn: Resource) => number | undefined): LambdaPool {
  const declared = model.accountLambdaConcurrency;
  const limit = declared ?? LAMBDA.accountConcurrencyDefault.value;
  const reserved: Resource[] = [];
  const unreserved: Resource[] = [];
  let reservedTotal = 0;
  let unreservedDemand = 0;
  for (const fn of model.ofType('lambda')) {
    const reservation = reservedConcurrency(fn);
    if (reservation === 'invalid') continue; // half-typed: neither a reservation nor surely without one
    if (reservation !== undefined) {
      reserved.push(fn);
      reservedTotal += reservation;
      continue;
    }
    const concurrency = concurrencyOf(fn);
    if (concurrency !== undefined && concurrency > 0) {
      unreserved.push(fn);
      unreservedDemand += concurrency;
    }
  }
  const kept = Math.min(LAMBDA.unreservedMinimum.value, limit);
  return {
    limit,
    declared: declared !== undefined,
    reserved,
    reservedTotal,
    reservable: Math.max(0, limit - LAMBDA.unreservedMinimum.value),
    unreservedPool: Math.max(limit - reservedTotal, kept),
    unreserved,
    unreservedDemand,
  };
}

/** A function's concurrency: invocations/s × `duration`, when both are known. */
function lambdaConcurrency(model: Model, fn: Resource, loads: ReadonlyMap<Connection, ConnectionLoad>): number | undefined {
  const duration = fn.props.get('duration')?.value;
  const invocations = lambdaInvocations(model, fn, loads);
  return invocations !== undefined && typeof duration === 'number' ? invocations * duration : undefined;
}

function deriveLoad(
  model: Model,
  resource: Resource,
  inbound: Flow | undefined,
  loads: ReadonlyMap<Connection, ConnectionLoad>,
  throttle: Throttle | undefined,
): ResourceLoad {
  const throttled = throttle ? { throttle } : {};
  if (resource.type === 'lambda') {
    const invocations = lambdaInvocations(model, resource, loads);
    const concurrency = lambdaConcurrency(model, resource, loads);
    return {
      inbound,
      ...throttled,
      ...(invocations !== undefined ? { invocations } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
    };
  }
  if (resource.type === 'stepfunctions') {
    const executions = executionsOf(model, resource, loads);
    return { inbound, ...throttled, ...(executions !== undefined ? { executions } : {}) };
  }
  if (resource.type === 'eventbridge') {
    const ruleInvocations = ruleInvocationsOf(model, resource, loads);
    return { inbound, ...throttled, ...(ruleInvocations !== undefined ? { ruleInvocations } : {}) };
  }
  if (resource.type === 'kinesis' && inbound) {
    // Bytes count only when every connection in says its size; kinesis/shard-capacity adds the part known.
    return { inbound, ...throttled, shardsNeeded: shardsNeeded(inbound.rate, inbound.sized ? inbound.bytes : 0) };
  }
  return { inbound, ...throttled };
}
