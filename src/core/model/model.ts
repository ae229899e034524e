/**
 * The typed model of one document: resources with normalised properties (seconds,
 * bytes, MB, per-second rates), `defaults` applied, flows parsed into connections with
 * a range for every id, and references resolved. Built from whatever the parser could
 * read, so a half-typed file still gives a partial model.
 */
import { findPair, isMap, isScalar, isSeq, keyText, type YMap, type YNode, type YPair, type YScalar } from '../parse/ast';
import { sourceOf } from '../parse/chunks';
import { parseFlow, type FlowSyntaxError, type FlowToken } from '../parse/flows';
import { exactArray } from '../util/exact-array';
import { parseDuration, parseMegabytes, parseRate, parseSize } from '../parse/values';
import { CONNECTION_PROPERTIES, isResourceType, propertySpec, type PropertySpec, type ResourceType } from './properties';

export type Encryption =
  { kind: 'none' } | { kind: 'sqs-managed' } | { kind: 'kms-aws-managed' } | { kind: 'kms-customer-managed'; key: string };

export interface Prop {
  readonly name: string;
  readonly key: YScalar;
  /** The value node; for a value inherited from `defaults`, the node there. */
  readonly node: YNode | null;
  /** The plain value written (a scalar's value, or undefined for collections). */
  readonly raw: unknown;
  /** Normalised: seconds, bytes, MB, CPU units, per second; undefined when the value cannot be read. */
  readonly value: number | string | boolean | Encryption | undefined;
  readonly fromDefaults: boolean;
  readonly children: ReadonlyMap<string, Prop>;
}

export interface Resource {
  readonly id: string;
  readonly key: YScalar;
  readonly pair: YPair;
  readonly node: YMap | null;
  /** undefined when `type` is missing or unknown (the schema reports it). */
  readonly type: ResourceType | undefined;
  readonly props: ReadonlyMap<string, Prop>;
  readonly fifo: boolean;
  /** `name:` or the id. */
  readonly physicalName: string;
}

export type ConnectionOrigin = 'flow' | 'deadLetter' | 'onFailure';

export interface FlowEntry {
  readonly index: number;
  /** The list item: a string, or a one-key map. */
  readonly node: YNode;
  /** The `a -> b` scalar. */
  readonly flowNode: YScalar;
  readonly propsNode: YMap | null;
  readonly props: ReadonlyMap<string, Prop>;
  readonly steps: FlowToken[][];
  readonly errors: FlowSyntaxError[];
  readonly connections: Connection[];
  /** The ids the flow string names (kind 'flow'). */
  readonly references: readonly Reference[];
}

export interface Connection {
  readonly source: FlowToken;
  readonly target: FlowToken;
  readonly from: Resource | undefined;
  readonly to: Resource | undefined;
  readonly origin: ConnectionOrigin;
  /** The flow entry that makes it (origin 'flow' and 'onFailure', and 'deadLetter' of a subscription). */
  readonly entry: FlowEntry | undefined;
  readonly props: ReadonlyMap<string, Prop>;
}

/**
 * `subscriptionDeadLetter`: the `deadLetter` of an `sns -> <subscriber>` flow entry (the subscription's redrive policy).
 * `enrich`: the enrichment function or state machine of a Pipe (`via: pipe`).
 */
export type ReferenceKind = 'flow' | 'deadLetter' | 'subscriptionDeadLetter' | 'onFailure' | 'volume' | 'enrich';

export interface Reference {
  readonly id: string;
  start: number;
  end: number;
  readonly kind: ReferenceKind;
  /** The scalar holding the reference (for flows, the whole flow string). */
  readonly node: YScalar;
}

export interface RuleSetting {
  readonly ruleId: string;
  readonly severity: string;
  readonly key: YScalar;
  readonly node: YNode | null;
}

export interface Model {
  readonly text: string;
  /** The top-level mapping, or null when the document is anything else. */
  readonly root: YMap | null;
  /** The document's top node whatever it is (a list, a scalar, nothing). */
  readonly rootNode: YNode | null;
  readonly version: Prop | undefined;
  readonly region: string | undefined;
  readonly accountLambdaConcurrency: number | undefined;
  readonly resources: readonly Resource[];
  readonly byId: ReadonlyMap<string, Resource>;
  readonly flows: readonly FlowEntry[];
  readonly connections: readonly Connection[];
  readonly references: readonly Reference[];
  readonly ruleSettings: readonly RuleSetting[];
  /** Ids named as a `deadLetter.target`, `onFailure` or a subscription's `deadLetter`. */
  readonly deadLetterIds: ReadonlySet<string>;
  inbound(resource: Resource): readonly Connection[];
  outbound(resource: Resource): readonly Connection[];
  ofType(type: ResourceType): readonly Resource[];
}

export function buildModel(text: string, root: YNode | null): Model {
  const rootMap = isMap(root) ? root : null;
  const defaults = readDefaults(rootMap);
  const resources: Resource[] = [];
  const byId = new Map<string, Resource>();
  const references: Reference[] = [];
  const resourcesNode = findPair(rootMap, 'resources')?.value;
  if (isMap(resourcesNode)) {
    for (const pair of resourcesNode.items) {
      const resource = readResource(pair, defaults);
      resources.push(resource);
      if (!byId.has(resource.id)) byId.set(resource.id, resource);
    }
  }

  const connections: Connection[] = [];
  const deadLetterIds = new Set<string>();
  // A dead-letter target written under `defaults` is a reference too (checked, renamed), though it draws nothing.
  for (const typeDefaults of defaults.values()) {
    const deadLetter = findPair(typeDefaults, 'deadLetter')?.value;
    const target = isMap(deadLetter) ? findPair(deadLetter, 'target')?.value : undefined;
    if (isScalar(target) && typeof target.value === 'string') {
      references.push({ id: target.value, start: target.start, end: target.end, kind: 'deadLetter', node: target });
      deadLetterIds.add(target.value);
    }
  }
  for (const resource of resources) {
    const deadLetter = resource.props.get('deadLetter');
    const target = deadLetter?.children.get('target');
    if (target && !target.fromDefaults && isScalar(target.node) && typeof target.raw === 'string') {
      const token = { id: target.raw, start: target.node.start, end: target.node.end };
      references.push({ id: token.id, start: token.start, end: token.end, kind: 'deadLetter', node: target.node });
      deadLetterIds.add(target.raw);
      connections.push({
        source: { id: resource.id, start: resource.key.start, end: resource.key.end },
        target: token,
        from: resource,
        to: byId.get(target.raw),
        origin: 'deadLetter',
        entry: undefined,
        props: NO_CHILDREN,
      });
    }
    const volumes = resource.props.get('volumes');
    if (volumes && !volumes.fromDefaults && isSeq(volumes.node)) {
      for (const item of volumes.node.items) {
        if (isScalar(item) && typeof item.value === 'string' && byId.has(item.value)) {
          references.push({ id: item.value, start: item.start, end: item.end, kind: 'volume', node: item });
        }
      }
    }
  }

  const flows: FlowEntry[] = [];
  const flowsNode = findPair(rootMap, 'flows')?.value;
  if (isSeq(flowsNode)) {
    flowsNode.items.forEach((item, index) => {
      const entry = readFlowEntry(item, index, text, byId);
      if (!entry) return;
      flows.push(entry);
      for (const reference of entry.references) references.push(reference);
      for (const connection of entry.connections) connections.push(connection);
      const onFailure = entry.props.get('onFailure');
      if (onFailure && isScalar(onFailure.node) && typeof onFailure.raw === 'string') {
        const token = { id: onFailure.raw, start: onFailure.node.start, end: onFailure.node.end };
        references.push({ id: token.id, start: token.start, end: token.end, kind: 'onFailure', node: onFailure.node });
        deadLetterIds.add(onFailure.raw);
        // The event source mapping's source sends what it gave up on.
        for (const sourceToken of new Map(entry.connections.map((c) => [c.source.id, c.source])).values()) {
          connections.push({
            source: sourceToken,
            target: token,
            from: byId.get(sourceToken.id),
            to: byId.get(onFailure.raw),
            origin: 'onFailure',
            entry,
            props: NO_CHILDREN,
          });
        }
      }
      // A Pipe's enrichment step names a resource: a reference (checked, renamed, navigable), drawn with the pipe.
      const enrich = entry.props.get('enrich');
      if (enrich && isScalar(enrich.node) && typeof enrich.raw === 'string') {
        references.push({ id: enrich.raw, start: enrich.node.start, end: enrich.node.end, kind: 'enrich', node: enrich.node });
      }
      const deadLetter = entry.props.get('deadLetter');
      if (deadLetter && isScalar(deadLetter.node) && typeof deadLetter.raw === 'string') {
        const token = { id: deadLetter.raw, start: deadLetter.node.start, end: deadLetter.node.end };
        references.push({ id: token.id, start: token.start, end: token.end, kind: 'subscriptionDeadLetter', node: deadLetter.node });
        deadLetterIds.add(deadLetter.raw);
        // SNS moves what it could not deliver to the subscription's dead-letter queue: drawn from the topic.
        for (const sourceToken of new Map(entry.connections.map((c) => [c.source.id, c.source])).values()) {
          if (byId.get(sourceToken.id)?.type !== 'sns') continue;
          connections.push({
            source: sourceToken,
            target: token,
            from: byId.get(sourceToken.id),
            to: byId.get(deadLetter.raw),
            origin: 'deadLetter',
            entry,
            props: NO_CHILDREN,
          });
        }
      }
    });
  }

  const inbound = new Map<Resource, Connection[]>();
  const outbound = new Map<Resource, Connection[]>();
  for (const connection of connections) {
    if (connection.to) push(inbound, connection.to, connection);
    if (connection.from) push(outbound, connection.from, connection);
  }
  const byType = new Map<ResourceType, Resource[]>();
  for (const resource of resources) if (resource.type) push(byType, resource.type, resource);

  const account = findPair(rootMap, 'account')?.value;
  const concurrency = isMap(account) ? findPair(account, 'lambdaConcurrency')?.value : undefined;
  const regionNode = findPair(rootMap, 'region')?.value;
  const versionPair = findPair(rootMap, 'awsflow');

  return {
    text,
    root: rootMap,
    rootNode: root,
    version: versionPair ? makeProp('awsflow', versionPair, { kind: 'integer' }, false) : undefined,
    region: isScalar(regionNode) && typeof regionNode.value === 'string' ? regionNode.value : undefined,
    accountLambdaConcurrency: isScalar(concurrency) && typeof concurrency.value === 'number' ? concurrency.value : undefined,
    resources,
    byId,
    flows,
    connections,
    references,
    ruleSettings: readRuleSettings(rootMap),
    deadLetterIds,
    inbound: (resource) => inbound.get(resource) ?? [],
    outbound: (resource) => outbound.get(resource) ?? [],
    ofType: (type) => byType.get(type) ?? [],
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Defaults = Map<string, YMap>;

function readDefaults(root: YMap | null): Defaults {
  const defaults: Defaults = new Map();
  const node = findPair(root, 'defaults')?.value;
  if (isMap(node)) for (const pair of node.items) if (isMap(pair.value)) defaults.set(keyText(pair.key), pair.value);
  return defaults;
}

/**
 * Resources built from the same (unchanged) block, with the same defaults, are reused
 * from one version of a document to the next: their nodes are the same objects.
 */
const resourceCache = new WeakMap<YPair, { defaults: YMap | undefined; resource: Resource }>();

function readResource(pair: YPair, defaults: Defaults): Resource {
  const typeNode = isMap(pair.value) ? findPair(pair.value, 'type')?.value : undefined;
  const typeName = isScalar(typeNode) ? String(typeNode.value) : '';
  const inherited = defaults.get(typeName);
  const cached = resourceCache.get(pair);
  if (cached && cached.defaults === inherited) return cached.resource;
  // An edit above the block (or above its defaults) moved it: the nodes are copies of those
  // the resource was built from (parse/chunks.ts). Its values are the same; only the nodes
  // its properties point to change, so it is placed on the copies rather than read again.
  const earlier = cached ?? resourceCache.get(sourceOf(pair));
  const placed =
    earlier && sameSource(earlier.defaults, inherited) ? placeResource(earlier.resource, earlier.defaults, pair, inherited) : undefined;
  const resource = placed ?? buildResource(pair, defaults);
  resourceCache.set(pair, { defaults: inherited, resource });
  return resource;
}

function sameSource(a: YMap | undefined, b: YMap | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && sourceOf(a) === sourceOf(b));
}

/**
 * A resource built from an earlier copy of the same text, on this copy's nodes: each
 * property's pair is the one at the same place in the copy. Undefined where the shapes
 * differ (they never should: a copy has the tree it was made from).
 */
function placeResource(
  earlier: Resource,
  earlierDefaults: YMap | undefined,
  pair: YPair,
  inherited: YMap | undefined,
): Resource | undefined {
  const node = isMap(pair.value) ? pair.value : null;
  const pairs = new Map<YScalar, YPair>();
  if (!pairUp(earlierDefaults ?? null, inherited ?? null, pairs) || !pairUp(earlier.node, node, pairs)) return undefined;
  const props = placeProps(earlier.props, pairs);
  if (!props) return undefined;
  return { id: earlier.id, key: pair.key, pair, node, type: earlier.type, props, fifo: earlier.fifo, physicalName: earlier.physicalName };
}

/** Each pair of `from`, by its key node, to the pair at the same place in `to`. */
function pairUp(from: YNode | null, to: YNode | null, pairs: Map<YScalar, YPair>): boolean {
  if (!isMap(from) || !isMap(to)) return !isMap(from) && !isMap(to);
  if (from.items.length !== to.items.length) return false;
  for (let i = 0; i < from.items.length; i++) pairs.set(from.items[i]!.key, to.items[i]!);
  return true;
}

function placeProps(props: ReadonlyMap<string, Prop>, pairs: Map<YScalar, YPair>): Map<string, Prop> | undefined {
  const placed = new Map<string, Prop>();
  for (const [name, prop] of props) {
    const pair = pairs.get(prop.key);
    if (!pair) return undefined;
    let children = NO_CHILDREN;
    if (prop.children !== NO_CHILDREN) {
      const inner = new Map<YScalar, YPair>();
      if (!pairUp(prop.node, pair.value, inner)) return undefined;
      const moved = placeProps(prop.children, inner);
      if (!moved) return undefined;
      children = moved;
    }
    placed.set(name, {
      name: prop.name,
      key: pair.key,
      node: pair.value,
      raw: prop.raw,
      value: prop.value,
      fromDefaults: prop.fromDefaults,
      children,
    });
  }
  return placed;
}

function buildResource(pair: YPair, defaults: Defaults): Resource {
  const id = keyText(pair.key);
  const node = isMap(pair.value) ? pair.value : null;
  const typePair = findPair(node, 'type');
  const typeValue = isScalar(typePair?.value) ? typePair.value.value : undefined;
  const type = isResourceType(typeValue) ? typeValue : undefined;
  const props = new Map<string, Prop>();
  if (type) {
    const inherited = defaults.get(type);
    if (inherited) {
      for (const item of inherited.items) {
        const name = keyText(item.key);
        const spec = propertySpec(type, name);
        if (spec && name !== 'type') props.set(name, makeProp(name, item, spec, true));
      }
    }
  }
  if (node) {
    for (const item of node.items) {
      const name = keyText(item.key);
      const spec = type ? propertySpec(type, name) : undefined;
      props.set(name, makeProp(name, item, spec ?? { kind: 'string' }, false));
    }
  }
  const fifo = props.get('fifo')?.value === true;
  const nameProp = props.get('name');
  const physicalName = typeof nameProp?.value === 'string' && !nameProp.fromDefaults ? nameProp.value : id;
  return { id, key: pair.key, pair, node, type, props, fifo, physicalName };
}

/** Shared by every scalar property and every connection without properties (never written to). */
const NO_CHILDREN: ReadonlyMap<string, Prop> = new Map();

function makeProp(name: string, pair: YPair, spec: PropertySpec, fromDefaults: boolean): Prop {
  const node = pair.value;
  const raw = isScalar(node) ? node.value : undefined;
  // Most properties are scalars: they share one empty map instead of allocating their own.
  let children: ReadonlyMap<string, Prop> = NO_CHILDREN;
  if (spec.kind === 'object' && isMap(node)) {
    const map = new Map<string, Prop>();
    children = map;
    for (const item of node.items) {
      const childName = keyText(item.key);
      map.set(childName, makeProp(childName, item, spec.properties?.[childName] ?? { kind: 'string' }, fromDefaults));
    }
  }
  return { name, key: pair.key, node, raw, value: normalise(spec, node), fromDefaults, children };
}

export function normalise(spec: PropertySpec, node: YNode | null): Prop['value'] {
  if (spec.kind === 'encryption') return readEncryption(node);
  if (!isScalar(node)) return undefined;
  const value = node.value;
  switch (spec.kind) {
    case 'duration':
      return parseDuration(value);
    case 'size':
      return parseSize(value);
    case 'megabytes':
      return parseMegabytes(value);
    case 'rate':
      return parseRate(value);
    case 'cpu':
      return readCpu(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'number':
      return typeof value === 'number' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'string':
    case 'enum':
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    default:
      return undefined;
  }
}

function readCpu(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const vcpu = /^(\d+(?:\.\d+)?)\s*vCPU$/i.exec(value.trim());
  if (vcpu) return Number(vcpu[1]) * 1024;
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function readEncryption(node: YNode | null): Encryption | undefined {
  if (isScalar(node)) {
    if (node.value === 'none') return { kind: 'none' };
    if (node.value === 'kms') return { kind: 'kms-aws-managed' };
    if (node.value === 'sqs-managed') return { kind: 'sqs-managed' };
    return undefined;
  }
  if (isMap(node)) {
    const key = findPair(node, 'kms')?.value;
    if (isScalar(key) && typeof key.value === 'string' && key.value !== '') {
      // The AWS managed keys have fixed policies: naming one is the same as `kms`.
      if (/^alias\/aws\//.test(key.value)) return { kind: 'kms-aws-managed' };
      return { kind: 'kms-customer-managed', key: key.value };
    }
  }
  return undefined;
}

interface ParsedEntry {
  flowNode: YScalar;
  propsNode: YMap | null;
  props: ReadonlyMap<string, Prop>;
  steps: FlowToken[][];
  errors: FlowSyntaxError[];
  references: Reference[];
  /** The entry built last time, reused while its ids resolve to the same resources. */
  built?: FlowEntry;
}

/** Parsed flow entries by list item: an unchanged entry that did not move is not parsed again. */
const flowCache = new WeakMap<YNode, ParsedEntry>();

function parseEntry(item: YNode, text: string): ParsedEntry | undefined {
  // Nodes never move (a moved block is a new copy: parse/chunks.ts), so neither do the tokens.
  const cached = flowCache.get(item);
  if (cached) return cached;
  let flowNode: YScalar | undefined;
  let propsNode: YMap | null = null;
  if (isScalar(item)) flowNode = item;
  else if (isMap(item) && item.items.length >= 1) {
    const first = item.items[0]!;
    flowNode = first.key;
    propsNode = isMap(first.value) ? first.value : null;
  }
  if (!flowNode || typeof flowNode.value !== 'string') return undefined;
  const parsed = parseFlow(flowNode, text);
  let props = NO_CHILDREN;
  if (propsNode) {
    const map = new Map<string, Prop>();
    props = map;
    for (const pair of propsNode.items) {
      const name = keyText(pair.key);
      map.set(name, makeProp(name, pair, CONNECTION_PROPERTIES[name] ?? { kind: 'string' }, false));
    }
  }
  const references: Reference[] = [];
  for (const step of parsed.steps)
    for (const token of step) references.push({ id: token.id, start: token.start, end: token.end, kind: 'flow', node: flowNode });
  const entry: ParsedEntry = { flowNode, propsNode, props, steps: parsed.steps, errors: parsed.errors, references: exactArray(references) };
  flowCache.set(item, entry);
  return entry;
}

function readFlowEntry(item: YNode, index: number, text: string, byId: ReadonlyMap<string, Resource>): FlowEntry | undefined {
  const parsedEntry = parseEntry(item, text);
  if (!parsedEntry) return undefined;
  const { flowNode, propsNode, props } = parsedEntry;
  const built = parsedEntry.built;
  if (built && built.index === index && built.connections.every((c) => c.from === byId.get(c.source.id) && c.to === byId.get(c.target.id)))
    return built;
  const parsed = { steps: parsedEntry.steps, errors: parsedEntry.errors };
  // Sized up front (every source to every target, step by step): the entry keeps this list.
  let count = 0;
  for (let step = 0; step + 1 < parsed.steps.length; step++) count += parsed.steps[step]!.length * parsed.steps[step + 1]!.length;
  const connections: Connection[] = new Array<Connection>(count);
  const entry: FlowEntry = {
    index,
    node: item,
    flowNode,
    propsNode,
    props,
    steps: parsed.steps,
    errors: parsed.errors,
    connections,
    references: parsedEntry.references,
  };
  parsedEntry.built = entry;
  let next = 0;
  for (let step = 0; step + 1 < parsed.steps.length; step++) {
    for (const source of parsed.steps[step]!) {
      for (const target of parsed.steps[step + 1]!) {
        connections[next++] = { source, target, from: byId.get(source.id), to: byId.get(target.id), origin: 'flow', entry, props };
      }
    }
  }
  return entry;
}

function readRuleSettings(root: YMap | null): RuleSetting[] {
  const node = findPair(root, 'rules')?.value;
  if (!isMap(node)) return [];
  return node.items.map((pair) => ({
    ruleId: keyText(pair.key),
    severity: isScalar(pair.value) ? String(pair.value.value) : '',
    key: pair.key,
    node: pair.value,
  }));
}

/** A property's normalised number, or AWS's default for it when the resource does not set it. */
export function numberOf(resource: Resource, name: string): number | undefined {
  const value = resource.props.get(name)?.value;
  if (typeof value === 'number') return value;
  if (resource.props.has(name)) return undefined;
  const fallback = resource.type ? propertySpec(resource.type, name)?.default : undefined;
  return typeof fallback === 'number' ? fallback : undefined;
}

/**
 * Whether a schedule is an EventBridge scheduled rule or an EventBridge Scheduler schedule:
 * `kind` when written; otherwise `at(…)`, `timezone` or `flexibleWindow`, which only Scheduler
 * has, imply `scheduler` (so format 1.0 files, which had no `kind`, keep their meaning).
 */
export function scheduleKind(resource: Resource): 'rule' | 'scheduler' {
  const written = resource.props.get('kind')?.value;
  if (written === 'rule' || written === 'scheduler') return written;
  const expression = resource.props.get('expression')?.value;
  const oneTime = typeof expression === 'string' && /^\s*at\(/.test(expression);
  return oneTime || resource.props.has('timezone') || resource.props.has('flexibleWindow') ? 'scheduler' : 'rule';
}
