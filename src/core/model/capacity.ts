/**
 * Capacity: the rates users declare on flows, carried through the architecture.
 *
 * - A connection's rate is the one declared on it, or else what its source passes on.
 * - A resource's inbound rate is the sum of its inbound connections' rates.
 * - A topic delivers its whole inbound rate to every subscription (fan-out); a queue or a
 *   stream passes its inbound rate to each consumer; compute passes its inbound rate on
 *   along each outgoing connection that does not declare its own.
 * - A schedule written as `rate(…)` fires at that rate.
 * Dead-letter connections carry no rate: failures are not declared.
 *
 * Sizes travel the same way (declared, or the source's inbound average) so that bytes/s
 * add up. Cycles are cut: a resource inside a loop counts only what reaches the loop.
 * Everything here is derived once per analysis, in time linear in the graph.
 */
import type { Connection, Model, Resource } from './model';
import { ESM, KINESIS_THROUGHPUT } from '../limits/aws';
import { classifyConnection } from './connections';

export interface Flow {
  /** Messages (records, requests) per second. */
  readonly rate: number;
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

export interface ResourceLoad {
  readonly inbound: Flow | undefined;
  /** Lambda: invocations per second (rate ÷ batch size for event source mappings). */
  readonly invocations?: number;
  /** Lambda: invocations/s × `duration`, when `duration` is declared. */
  readonly concurrency?: number;
  /** Kinesis: shards the inbound writes need (1 MiB/s and 1,000 records/s per shard). */
  readonly shardsNeeded?: number;
}

export interface Capacity {
  connection(connection: Connection): ConnectionLoad | undefined;
  resource(resource: Resource): ResourceLoad;
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
  return { rate: a.rate + b.rate, bytes: a.bytes + b.bytes, sized: a.sized && b.sized, maxSize };
}

function computeCapacity(model: Model): Capacity {
  const flows = model.connections.filter((c) => c.origin === 'flow' && c.from && c.to);
  const outgoing = new Map<Resource, Connection[]>();
  const incomingCount = new Map<Resource, number>();
  for (const connection of flows) {
    const list = outgoing.get(connection.from!) ?? [];
    list.push(connection);
    outgoing.set(connection.from!, list);
    incomingCount.set(connection.to!, (incomingCount.get(connection.to!) ?? 0) + 1);
  }

  const inbound = new Map<Resource, Flow>();
  const loads = new Map<Connection, ConnectionLoad>();

  // Kahn's order: a resource is settled when all its inbound connections are; what is
  // left in cycles is settled last with what reached it from outside.
  const remaining = new Map(incomingCount);
  const ready: Resource[] = model.resources.filter((r) => !remaining.get(r));
  const settled = new Set<Resource>();
  const settle = (resource: Resource) => {
    if (settled.has(resource)) return;
    settled.add(resource);
    const own = resource.type === 'schedule' ? scheduleRate(resource.props.get('expression')?.value) : undefined;
    const source: Flow | undefined = own !== undefined ? { rate: own, bytes: 0, sized: false, maxSize: undefined } : inbound.get(resource);
    for (const connection of outgoing.get(resource) ?? []) {
      const declaredRate = connection.props.get('rate')?.value;
      const declaredSize = connection.props.get('size')?.value;
      let load: ConnectionLoad | undefined;
      if (typeof declaredRate === 'number') {
        const size = typeof declaredSize === 'number' ? declaredSize : source && source.rate > 0 && source.sized ? source.bytes / source.rate : undefined;
        load = { rate: declaredRate, bytes: size === undefined ? 0 : declaredRate * size, sized: size !== undefined, maxSize: typeof declaredSize === 'number' ? declaredSize : source?.maxSize, declared: true };
      } else if (source) {
        const size = typeof declaredSize === 'number' ? declaredSize : undefined;
        load = size !== undefined
          ? { rate: source.rate, bytes: source.rate * size, sized: true, maxSize: size, declared: false }
          : { ...source, declared: false };
      }
      if (load) {
        loads.set(connection, load);
        inbound.set(connection.to!, add(inbound.get(connection.to!), load)!);
      }
      const target = connection.to!;
      const left = (remaining.get(target) ?? 1) - 1;
      remaining.set(target, left);
      if (left === 0) ready.push(target);
    }
  };
  while (ready.length > 0) settle(ready.pop()!);
  for (const resource of model.resources) settle(resource); // cycles, in document order

  const resourceLoads = new Map<Resource, ResourceLoad>();
  return {
    connection: (connection) => loads.get(connection),
    resource(resource) {
      let load = resourceLoads.get(resource);
      if (!load) {
        load = deriveLoad(model, resource, inbound.get(resource), loads);
        resourceLoads.set(resource, load);
      }
      return load;
    },
  };
}

function deriveLoad(model: Model, resource: Resource, inbound: Flow | undefined, loads: Map<Connection, ConnectionLoad>): ResourceLoad {
  if (resource.type === 'lambda') {
    let invocations: number | undefined;
    for (const connection of model.inbound(resource)) {
      const load = loads.get(connection);
      if (!load || connection.origin !== 'flow' || !connection.from?.type) continue;
      const kind = classifyConnection(connection.from.type, 'lambda').kind;
      let perSecond = load.rate;
      if (kind === 'event-source-mapping') {
        const written = connection.props.get('batchSize')?.value;
        const batch = typeof written === 'number' && written > 0 ? written : connection.from.type === 'kinesis' ? ESM.kinesisBatchSizeDefault.value : ESM.sqsBatchSizeDefault.value;
        perSecond = load.rate / batch;
      }
      invocations = (invocations ?? 0) + perSecond;
    }
    const duration = resource.props.get('duration')?.value;
    const concurrency = invocations !== undefined && typeof duration === 'number' ? invocations * duration : undefined;
    return { inbound, ...(invocations !== undefined ? { invocations } : {}), ...(concurrency !== undefined ? { concurrency } : {}) };
  }
  if (resource.type === 'kinesis' && inbound) {
    const byBytes = inbound.sized ? inbound.bytes / KINESIS_THROUGHPUT.shardWriteBytes.value : 0;
    const byRecords = inbound.rate / KINESIS_THROUGHPUT.shardWriteRecords.value;
    return { inbound, shardsNeeded: Math.max(1, Math.ceil(Math.max(byBytes, byRecords) - 1e-9)) };
  }
  return { inbound };
}
