/**
 * Latency: how long a message takes along the flows, estimated from what the file says.
 *
 * Each flow connection gets an estimate (p50 and worst case) from what makes it wait: the
 * source's polling, a queue's delivery delay, a batch window, an SNS or EventBridge delivery,
 * an S3 notification, a Pipe's enrichment, Lambda's queue of asynchronous events, and in the
 * worst case the retries the file bounds (an SQS queue's `maxReceiveCount` × its visibility
 * timeout, a rule's `retry`) and Lambda's fixed asynchronous retries. Each compute resource
 * gets its run time: a function's `duration` (p50) and `timeout` (worst case). Every figure
 * says where it comes from: the file, an AWS fact, or an assumption where AWS publishes none
 * (limits/aws.ts, LATENCY).
 *
 * A hop is a connection plus the run time of the resource it reaches. Paths:
 * - a flow entry's chain (`a -> b, c -> d`): every path through its steps, slowest kept
 *   (latency/budget); a chain that names a resource twice is walked as written, so it ends;
 * - from each entry point (a resource no flow reaches) to every resource downstream (hover):
 *   the walk cuts each connection back into a resource already on it, so cycles count once.
 * Derived once per analysis and kept with the model.
 */
import type { Connection, FlowEntry, Model, Resource } from './model';
import { numberOf } from './model';
import { classifyConnection, connectionOptions, type ConnectionKind } from './connections';
import { capacityOf } from './capacity';
import { ESM, FIREHOSE, LAMBDA, LATENCY, SQS, type Fact } from '../limits/aws';
import { formatNumber, formatSeconds } from '../parse/values';

/** Where a figure comes from: the file's own values, an AWS fact, or an assumption (AWS publishes no figure). */
export type LatencyBasis = 'file' | 'aws' | 'assumption';

export interface LatencyPart {
  /** What the time is spent on, short: `batch window 5 s`, `SNS delivery`. */
  readonly what: string;
  /** How the figure was worked out: the AWS fact or assumption, the file's values. */
  readonly detail?: string;
  /** Seconds. */
  readonly p50: number;
  readonly worst: number;
  readonly basis: LatencyBasis;
  /** The AWS page behind an 'aws' or 'assumption' figure. */
  readonly source?: string;
}

export interface LatencyEstimate {
  readonly p50: number;
  readonly worst: number;
  readonly parts: readonly LatencyPart[];
  /** What is not counted, and why: `a's run time in p50 (no duration)`. */
  readonly notes: readonly string[];
}

export interface LatencyPath {
  /** The connections walked, first to last. */
  readonly connections: readonly Connection[];
  readonly p50: number;
  readonly worst: number;
}

/** The slowest path by each measure: they can differ (a long batch window against a long timeout). */
export interface SlowestPaths {
  readonly p50: LatencyPath;
  readonly worst: LatencyPath;
}

export interface Latency {
  /** A flow connection's own time (undefined for dead-letter connections and connections AWS cannot make). */
  connection(connection: Connection): LatencyEstimate | undefined;
  /** A resource's run time: 0 for what only stores or passes messages on. */
  resource(resource: Resource): LatencyEstimate;
  /** A connection and the run time of the resource it reaches. */
  hop(connection: Connection): LatencyEstimate | undefined;
  /** The slowest paths through a flow entry's chain, first step to last; undefined when a hop cannot be estimated. */
  chain(entry: FlowEntry): SlowestPaths | undefined;
  /** The slowest paths from each entry point that reaches the resource, in document order of the entry points. */
  fromEntryPoints(resource: Resource): ReadonlyMap<Resource, SlowestPaths>;
}

/**
 * An estimate for reading at a glance (hover): milliseconds below a second, one decimal below
 * ten seconds, then the two largest units (`1 h 39 min`): the figures are estimates.
 */
export function formatLatency(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const units = formatSeconds(Math.round(seconds)).split(' ');
  return units.slice(0, 4).join(' ');
}

const cache = new WeakMap<Model, Latency>();

/** The latency of a model, derived on first use and kept with it. */
export function latencyOf(model: Model): Latency {
  let latency = cache.get(model);
  if (!latency) {
    latency = computeLatency(model);
    cache.set(model, latency);
  }
  return latency;
}

function computeLatency(model: Model): Latency {
  const connections = new Map<Connection, LatencyEstimate | undefined>();
  const resources = new Map<Resource, LatencyEstimate>();
  const hops = new Map<Connection, LatencyEstimate | undefined>();
  let reached: Map<Resource, Map<Resource, SlowestPaths>> | undefined;

  const connection = (c: Connection): LatencyEstimate | undefined => {
    if (!connections.has(c)) connections.set(c, connectionLatency(model, c));
    return connections.get(c);
  };
  const resource = (r: Resource): LatencyEstimate => {
    let estimate = resources.get(r);
    if (!estimate) {
      estimate = runTime(r);
      resources.set(r, estimate);
    }
    return estimate;
  };
  const hop = (c: Connection): LatencyEstimate | undefined => {
    if (hops.has(c)) return hops.get(c);
    const own = connection(c);
    const estimate = own && c.to ? combine([own, resource(c.to)]) : undefined;
    hops.set(c, estimate);
    return estimate;
  };
  return {
    connection,
    resource,
    hop,
    chain: (entry) => chainPaths(entry, hop),
    fromEntryPoints: (r) => {
      reached ??= entryPointPaths(model, hop);
      return reached.get(r) ?? new Map();
    },
  };
}

function combine(estimates: readonly LatencyEstimate[]): LatencyEstimate {
  let p50 = 0;
  let worst = 0;
  const parts: LatencyPart[] = [];
  const notes: string[] = [];
  for (const estimate of estimates) {
    p50 += estimate.p50;
    worst += estimate.worst;
    parts.push(...estimate.parts);
    notes.push(...estimate.notes);
  }
  return { p50, worst, parts, notes };
}

function estimate(parts: readonly LatencyPart[], notes: readonly string[] = []): LatencyEstimate {
  let p50 = 0;
  let worst = 0;
  for (const part of parts) {
    p50 += part.p50;
    worst += part.worst;
  }
  return { p50, worst, parts, notes };
}

function basisOf(fact: Fact): LatencyBasis {
  return fact.text.startsWith('assumption') ? 'assumption' : 'aws';
}

/** A part from a typical and a worst-case fact. */
function fromFacts(what: string, typical: Fact, worst: Fact): LatencyPart {
  const basis = basisOf(typical) === 'assumption' || basisOf(worst) === 'assumption' ? 'assumption' : 'aws';
  return { what, detail: `${typical.text}; ${worst.text}`, p50: typical.value, worst: worst.value, basis, source: typical.source };
}

/** A part from a polling interval: on average half of it, at most all of it. */
function polling(what: string, interval: Fact): LatencyPart {
  return {
    what,
    detail: `${interval.text}: ${formatSeconds(interval.value / 2)} on average`,
    p50: interval.value / 2,
    worst: interval.value,
    basis: basisOf(interval),
    source: interval.source,
  };
}

const API_CALL = (what: string) => fromFacts(what, LATENCY.apiCallTypical, LATENCY.apiCallWorst);

function connectionLatency(model: Model, c: Connection): LatencyEstimate | undefined {
  if (c.origin !== 'flow' || !c.from?.type || !c.to?.type) return undefined;
  const verdict = classifyConnection(c.from.type, c.to.type, connectionOptions(c));
  if (verdict.kind === 'invalid') return undefined;
  const kind: ConnectionKind = verdict.kind;
  const from = c.from;
  const to = c.to;
  const parts: LatencyPart[] = [];
  const notes: string[] = [];
  switch (kind) {
    case 'event-source-mapping':
    case 'pipe':
    case 'polling-consumer': {
      parts.push(...pollParts(from, c, kind));
      if (from.type === 'sqs') parts.push(...queueParts(from, to, notes));
      else if (kind !== 'polling-consumer') notes.push(`retries of a failing batch from ${from.id}, until its records expire`);
      const window = batchWindowPart(model, c, from);
      if (window) parts.push(window);
      if (kind === 'pipe') {
        const enrich = c.props.get('enrich')?.value;
        const enricher = typeof enrich === 'string' ? model.byId.get(enrich) : undefined;
        if (enricher) {
          const run = runTime(enricher);
          parts.push(API_CALL(`enrichment call`), ...run.parts);
          notes.push(...run.notes);
        }
        parts.push(API_CALL('pipe delivery'));
      }
      break;
    }
    case 'subscription':
      parts.push(fromFacts('SNS delivery', LATENCY.snsDeliveryTypical, LATENCY.snsDeliveryWorst));
      break;
    case 'rule-target': {
      if (from.type === 'schedule') {
        const window = from.props.get('flexibleWindow')?.value;
        if (typeof window === 'number' && window > 0)
          parts.push({
            what: 'flexible window',
            detail: `${formatSeconds(window)}, half of it on average`,
            p50: window / 2,
            worst: window,
            basis: 'file',
          });
      }
      parts.push(fromFacts('EventBridge delivery', LATENCY.eventBridgeDeliveryTypical, LATENCY.eventBridgeDeliveryWorst));
      const retry = retryPart(c);
      if (retry) parts.push(retry);
      break;
    }
    case 'notification':
      if (from.type === 's3') parts.push(fromFacts('S3 event notification', LATENCY.s3NotificationTypical, LATENCY.s3NotificationWorst));
      else parts.push(API_CALL('notification'));
      break;
    case 'delivery':
      if (from.type === 'firehose') parts.push(firehoseBufferPart(model, from));
      else parts.push(polling('Firehose polling', LATENCY.kinesisConsumerPoll));
      break;
    case 'task':
      parts.push(fromFacts('Step Functions task', LATENCY.stepFunctionsTransitionTypical, LATENCY.stepFunctionsTransitionWorst));
      if (c.props.get('callback')?.value === true) {
        const timeout = from.props.get('timeout')?.value;
        if (typeof timeout === 'number')
          parts.push({
            what: 'callback',
            detail: `waits for the task token, at most ${from.id}'s timeout ${formatSeconds(timeout)}`,
            p50: 0,
            worst: timeout,
            basis: 'file',
          });
        notes.push(
          `the wait for the callback's task token (in p50${typeof timeout === 'number' ? '' : `, and in the worst case: ${from.id} has no timeout`})`,
        );
      }
      break;
    default:
      parts.push(API_CALL(callText(kind)));
  }
  if (to.type === 'lambda' && invokesAsynchronously(kind, from)) {
    parts.push(fromFacts('Lambda async queue', LATENCY.lambdaAsyncQueueTypical, LATENCY.lambdaAsyncQueueWorst));
    const timeout = numberOf(to, 'timeout') ?? LAMBDA.timeoutDefault.value;
    parts.push({
      what: 'Lambda retries',
      detail: `after function errors Lambda retries ${to.id} ${LATENCY.lambdaAsyncRetries.text} (${LATENCY.lambdaAsyncRetryWaits.text}), each failed run up to its timeout ${formatSeconds(timeout)}`,
      p50: 0,
      worst: LATENCY.lambdaAsyncRetryWaits.value + LATENCY.lambdaAsyncRetries.value * timeout,
      basis: 'aws',
      source: LATENCY.lambdaAsyncRetryWaits.source,
    });
  }
  return estimate(parts, notes);
}

/** Lambda runs the function from its own queue of events when SNS, S3, EventBridge or another function invokes it. */
function invokesAsynchronously(kind: ConnectionKind, from: Resource): boolean {
  if (kind === 'subscription' || kind === 'asynchronous-invoke') return true;
  if (kind === 'rule-target') return true;
  return kind === 'notification' && from.type === 's3';
}

function callText(kind: ConnectionKind): string {
  switch (kind) {
    case 'send':
      return 'send';
    case 'put-events':
      return 'PutEvents';
    case 'start-execution':
      return 'StartExecution';
    case 'asynchronous-invoke':
      return 'invoke';
    case 'synchronous-call':
      return 'synchronous call';
    default:
      return 'API call';
  }
}

/** How long the reader takes to see a message: Lambda's or a Pipe's pollers, or a consumer's own polling. */
function pollParts(from: Resource, c: Connection, kind: ConnectionKind): LatencyPart[] {
  const enhanced = c.props.get('enhancedFanOut')?.value === true;
  if (kind === 'pipe' && from.type !== 'dynamodb' && !(from.type === 'kinesis' && enhanced))
    return [fromFacts('pipe polling', LATENCY.pipePollTypical, LATENCY.pipePollWorst)];
  switch (from.type) {
    case 'sqs':
      if (kind === 'polling-consumer' && !(numberOf(from, 'receiveWait')! > 0))
        return [fromFacts('short polling', LATENCY.sqsShortPollTypical, LATENCY.sqsShortPollWorst)];
      return [fromFacts('long polling', LATENCY.sqsLongPollTypical, LATENCY.sqsLongPollWorst)];
    case 'kinesis':
      if (enhanced) return [fromFacts('enhanced fan-out', LATENCY.kinesisEnhancedFanOut, LATENCY.kinesisEnhancedFanOutWorst)];
      return [polling('shard polling', kind === 'polling-consumer' ? LATENCY.kinesisConsumerPoll : LATENCY.kinesisLambdaPoll)];
    case 'dynamodb':
      return [polling('stream polling', LATENCY.dynamodbLambdaPoll)];
    default:
      return [];
  }
}

/** A queue's delivery delay, and in the worst case its redeliveries up to `maxReceiveCount`. */
function queueParts(queue: Resource, reader: Resource, notes: string[]): LatencyPart[] {
  const parts: LatencyPart[] = [];
  const delay = numberOf(queue, 'delay');
  if (delay !== undefined && delay > 0)
    parts.push({ what: 'delivery delay', detail: `${queue.id}'s delay`, p50: delay, worst: delay, basis: 'file' });
  const visibility = numberOf(queue, 'visibilityTimeout') ?? SQS.visibilityTimeoutDefault.value;
  const receives = queue.props.get('deadLetter')?.children.get('maxReceiveCount')?.value;
  if (typeof receives === 'number' && receives > 1) {
    parts.push({
      what: 'redeliveries',
      detail: `${formatNumber(receives - 1)} redeliveries after failures (maxReceiveCount ${formatNumber(receives)}), each after the visibility timeout ${formatSeconds(visibility)}`,
      p50: 0,
      worst: (receives - 1) * visibility,
      basis: 'file',
      source: SQS.deadLetterQueues,
    });
  } else if (typeof receives !== 'number') {
    notes.push(`redeliveries of a message ${reader.id} keeps failing, until its retention ends (${queue.id} has no dead-letter queue)`);
  }
  return parts;
}

function batchWindowPart(model: Model, c: Connection, from: Resource): LatencyPart | undefined {
  const window = c.props.get('batchWindow')?.value;
  if (typeof window !== 'number' || !(window > 0)) return undefined;
  const written = c.props.get('batchSize')?.value;
  const batch =
    typeof written === 'number' && written > 0
      ? written
      : from.type === 'sqs'
        ? ESM.sqsBatchSizeDefault.value
        : ESM.kinesisBatchSizeDefault.value;
  const rate = capacityOf(model).connection(c)?.rate;
  const fill = rate !== undefined && rate > 0 ? batch / rate : Infinity;
  if (fill < window) {
    return {
      what: 'batch window',
      detail: `window ${formatSeconds(window)}; at ${formatNumber(rate!)}/s a batch of ${formatNumber(batch)} fills in ${formatSeconds(fill)}`,
      p50: fill,
      worst: window,
      basis: 'file',
    };
  }
  return {
    what: 'batch window',
    detail: `window ${formatSeconds(window)}; ${rate === undefined ? 'no rate declared: it runs out before a batch fills' : `a batch of ${formatNumber(batch)} takes longer to fill`}`,
    p50: window,
    worst: window,
    basis: 'file',
  };
}

/** A rule's or schedule's written `retry`: attempts with a backoff AWS does not publish, up to `maxAge`. */
function retryPart(c: Connection): LatencyPart | undefined {
  const retry = c.props.get('retry');
  if (!retry) return undefined;
  const attempts = retry.children.get('attempts')?.value;
  const maxAge = retry.children.get('maxAge')?.value;
  const first = LATENCY.eventBridgeFirstBackoff.value;
  const backoff = typeof attempts === 'number' && attempts >= 0 ? first * (2 ** attempts - 1) : Infinity;
  const cap = typeof maxAge === 'number' ? maxAge : Infinity;
  const worst = Math.min(backoff, cap);
  if (!Number.isFinite(worst)) return undefined;
  const why =
    backoff <= cap
      ? `${formatNumber(attempts as number)} retries, ${LATENCY.eventBridgeFirstBackoff.text}`
      : `retries until maxAge ${formatSeconds(cap)}`;
  return {
    what: 'retries',
    detail: why,
    p50: 0,
    worst,
    basis: backoff <= cap ? 'assumption' : 'file',
    source: LATENCY.eventBridgeFirstBackoff.source,
  };
}

/** Firehose delivers when its buffer's interval or size is reached, whichever comes first. */
function firehoseBufferPart(model: Model, firehose: Resource): LatencyPart {
  const buffer = firehose.props.get('buffer');
  const interval = buffer?.children.get('interval')?.value;
  const size = buffer?.children.get('size')?.value;
  const seconds = typeof interval === 'number' ? interval : FIREHOSE.bufferIntervalDefault.value;
  const bytes = typeof size === 'number' ? size : FIREHOSE.bufferSizeDefault.value;
  const inbound = capacityOf(model).resource(firehose).inbound;
  const fill = inbound?.sized && inbound.bytes > 0 ? bytes / inbound.bytes : Infinity;
  const written = typeof interval === 'number';
  return {
    what: 'Firehose buffer',
    detail: `interval ${formatSeconds(seconds)}${written ? '' : ' (default)'}${fill < seconds ? `; the ${formatNumber(bytes / 1048576)} MiB buffer fills in ${formatSeconds(fill)}` : ''}`,
    p50: Math.min(fill, seconds),
    worst: seconds,
    basis: written ? 'file' : 'aws',
    source: FIREHOSE.bufferIntervalDefault.source,
  };
}

/** A resource's own run time: a function's `duration` and `timeout`; a state machine's transitions. */
function runTime(resource: Resource): LatencyEstimate {
  switch (resource.type) {
    case 'lambda': {
      const duration = resource.props.get('duration')?.value;
      const timeout = numberOf(resource, 'timeout') ?? LAMBDA.timeoutDefault.value;
      const written = resource.props.get('timeout')?.value === timeout;
      const parts: LatencyPart[] = [
        {
          what: `${resource.id} runs`,
          detail: `${typeof duration === 'number' ? `duration ${formatSeconds(duration)}` : 'no duration'}, ${written ? 'timeout' : `Lambda's default timeout`} ${formatSeconds(timeout)}`,
          p50: typeof duration === 'number' ? duration : 0,
          worst: timeout,
          basis: written || typeof duration === 'number' ? 'file' : 'aws',
          ...(written ? {} : { source: LAMBDA.timeoutDefault.source }),
        },
      ];
      return estimate(parts, typeof duration === 'number' ? [] : [`${resource.id}'s run time in p50 (no duration)`]);
    }
    case 'stepfunctions':
      return estimate([
        fromFacts(`${resource.id} state transitions`, LATENCY.stepFunctionsTransitionTypical, LATENCY.stepFunctionsTransitionWorst),
      ]);
    case 'ecs':
    case 'eks':
    case 'ec2':
    case 'apprunner':
    case 'beanstalk':
      return estimate([], [`${resource.id}'s run time (the file gives none for ${resource.type})`]);
    default:
      return estimate([]);
  }
}

interface Best {
  p50: number;
  worst: number;
  /** The connection that brought the best p50 / worst case here, and the node it came from. */
  viaP50: { connection: Connection; from: number } | undefined;
  viaWorst: { connection: Connection; from: number } | undefined;
}

function emptyBest(): Best {
  return { p50: -Infinity, worst: -Infinity, viaP50: undefined, viaWorst: undefined };
}

function relax(best: Best[], from: number, to: number, connection: Connection, hop: LatencyEstimate): void {
  const source = best[from]!;
  const target = best[to]!;
  if (source.p50 + hop.p50 > target.p50) {
    target.p50 = source.p50 + hop.p50;
    target.viaP50 = { connection, from };
  }
  if (source.worst + hop.worst > target.worst) {
    target.worst = source.worst + hop.worst;
    target.viaWorst = { connection, from };
  }
}

function pathTo(best: readonly Best[], node: number, measure: 'p50' | 'worst'): LatencyPath {
  const connections: Connection[] = [];
  const seen = new Set<number>();
  for (let at = node; ;) {
    const via = measure === 'p50' ? best[at]!.viaP50 : best[at]!.viaWorst;
    if (!via || seen.has(at)) break;
    seen.add(at);
    connections.push(via.connection);
    at = via.from;
  }
  connections.reverse();
  return { connections, p50: best[node]!.p50, worst: best[node]!.worst };
}

/**
 * The chain of one flow entry, step by step: the nodes are the entry's tokens (so a resource
 * named twice is two nodes, and the walk ends with the chain). The slowest path ends at any
 * token of the last step.
 */
function chainPaths(entry: FlowEntry, hop: (c: Connection) => LatencyEstimate | undefined): SlowestPaths | undefined {
  if (entry.steps.length < 2 || entry.connections.length === 0) return undefined;
  const index = new Map<object, number>();
  for (const step of entry.steps) for (const token of step) index.set(token, index.size);
  const best = Array.from({ length: index.size }, emptyBest);
  for (const token of entry.steps[0]!) {
    best[index.get(token)!]!.p50 = 0;
    best[index.get(token)!]!.worst = 0;
  }
  // Connections are in step order: every source is settled before its targets.
  for (const connection of entry.connections) {
    const estimate = hop(connection);
    if (!estimate) return undefined;
    relax(best, index.get(connection.source)!, index.get(connection.target)!, connection, estimate);
  }
  let slowestP50 = -1;
  let slowestWorst = -1;
  for (const token of entry.steps[entry.steps.length - 1]!) {
    const at = index.get(token)!;
    if (slowestP50 < 0 || best[at]!.p50 > best[slowestP50]!.p50) slowestP50 = at;
    if (slowestWorst < 0 || best[at]!.worst > best[slowestWorst]!.worst) slowestWorst = at;
  }
  return { p50: pathTo(best, slowestP50, 'p50'), worst: pathTo(best, slowestWorst, 'worst') };
}

/**
 * From each entry point, the slowest way to every resource it reaches. A depth-first walk (no
 * recursion: chains can be thousands long) orders the reachable resources and drops each
 * connection back into a resource still on the walk (a cycle); the longest paths then follow in
 * that order. Linear in the graph per entry point.
 */
function entryPointPaths(model: Model, hop: (c: Connection) => LatencyEstimate | undefined): Map<Resource, Map<Resource, SlowestPaths>> {
  const nodes = [...model.byId.values()];
  const index = new Map<Resource, number>(nodes.map((resource, i) => [resource, i]));
  const edges: { to: number; connection: Connection; hop: LatencyEstimate }[][] = nodes.map(() => []);
  const reachedByFlow = new Uint8Array(nodes.length);
  for (const connection of model.connections) {
    if (connection.origin !== 'flow' || !connection.from || !connection.to) continue;
    const from = index.get(connection.from);
    const to = index.get(connection.to);
    if (from === undefined || to === undefined || from === to) continue;
    reachedByFlow[to] = 1;
    const estimate = hop(connection);
    if (estimate) edges[from]!.push({ to, connection, hop: estimate });
  }
  const result = new Map<Resource, Map<Resource, SlowestPaths>>();
  const state = new Uint8Array(nodes.length); // 0 unseen, 1 on the walk, 2 done
  const order: number[] = [];
  const stackNode: number[] = [];
  const stackEdge: number[] = [];
  nodes.forEach((entryPoint, start) => {
    if (reachedByFlow[start] || edges[start]!.length === 0) return;
    state.fill(0);
    order.length = 0;
    const kept: { from: number; to: number; connection: Connection; hop: LatencyEstimate }[] = [];
    stackNode.push(start);
    stackEdge.push(0);
    state[start] = 1;
    while (stackNode.length) {
      const top = stackNode.length - 1;
      const node = stackNode[top]!;
      const next = stackEdge[top]!;
      if (next < edges[node]!.length) {
        stackEdge[top] = next + 1;
        const edge = edges[node]![next]!;
        if (state[edge.to] === 1) continue; // back into the walk: a cycle, counted once
        kept.push({ from: node, ...edge });
        if (state[edge.to] === 0) {
          state[edge.to] = 1;
          stackNode.push(edge.to);
          stackEdge.push(0);
        }
        continue;
      }
      state[node] = 2;
      order.push(node);
      stackNode.pop();
      stackEdge.pop();
    }
    // Reverse post-order is a topological order of the kept connections.
    const rank = new Map<number, number>();
    for (let i = order.length - 1, r = 0; i >= 0; i--, r++) rank.set(order[i]!, r);
    kept.sort((a, b) => rank.get(a.from)! - rank.get(b.from)!);
    const best = new Map<number, Best>();
    const bestOf = (node: number): Best => {
      let found = best.get(node);
      if (!found) best.set(node, (found = emptyBest()));
      return found;
    };
    const start0 = bestOf(start);
    start0.p50 = 0;
    start0.worst = 0;
    const dense: Best[] = [];
    const slot = new Map<number, number>();
    const slotOf = (node: number) => {
      let s = slot.get(node);
      if (s === undefined) {
        s = dense.length;
        slot.set(node, s);
        dense.push(bestOf(node));
      }
      return s;
    };
    for (const edge of kept) relax(dense, slotOf(edge.from), slotOf(edge.to), edge.connection, edge.hop);
    for (const [node, s] of slot) {
      if (node === start) continue;
      const reachedNode = nodes[node]!;
      let byEntry = result.get(reachedNode);
      if (!byEntry) result.set(reachedNode, (byEntry = new Map()));
      byEntry.set(entryPoint, { p50: pathTo(dense, s, 'p50'), worst: pathTo(dense, s, 'worst') });
    }
  });
  return result;
}
