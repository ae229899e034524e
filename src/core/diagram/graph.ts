/**
 * The architecture as a typed graph: the resources to draw, the connections between
 * them, the `group` clusters, and the findings that mark each one. Both flowcharts are
 * written from it (mermaid.ts for the preview, with the graph sent beside the text so
 * the preview never reads the text back; plain-mermaid.ts for pasting elsewhere). Node
 * ids are generated (`n0`, `n1`, … in the file's order); group ids too (`g0`, `g1`, …).
 */
import type { Analysis } from '../analyze';
import type { Connection, Model, Resource } from '../model/model';
import type { ResourceType } from '../model/properties';
import type { Finding, Severity } from '../rules/types';
import { formatRate } from '../parse/values';
import { capacityOf } from '../model/capacity';
import { connectionKey } from '../model/connections';
import { findPair, isMap, isScalar, isSeq, keyText, type YMap, type YNode } from '../parse/ast';
import { iconOf } from './icons';
import { formatLatency, latencyOf, type LatencyPath } from '../model/latency';
import { typeRecord } from '../model/resource-types';

/** How many findings of each severity mark a node or an edge. */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** What the findings say about one node or edge. */
export interface Marks {
  /** The worst of them. */
  readonly severity: Severity | undefined;
  /** Each as `severity: message (rule id)`, in the document's order. */
  readonly messages: readonly string[];
  readonly findings: FindingCounts;
}

export interface DiagramNode extends Marks {
  readonly id: string;
  readonly resourceId: string;
  readonly type: ResourceType | undefined;
  /** The type's name for people (`SQS queue`), as completion shows it. */
  readonly typeName: string | undefined;
  readonly label: string;
  /** The resource's key in the document. */
  readonly start: number;
  readonly end: number;
  /** The id of the group (`g0`, …) it is drawn in, if it has a `group`. */
  readonly group: string | undefined;
  /** Another resource sends its failed messages here (a dead-letter or on-failure target). */
  readonly deadLetter: boolean;
  /** The `pack:name` AWS icon that draws it in the preview, if its type has one. */
  readonly icon: string | undefined;
}

/** Where a connection comes from: a flow, a flow out of an SNS topic, a `deadLetter` or an `onFailure`. */
export type EdgeKind = 'flow' | 'subscription' | 'deadLetter' | 'onFailure';

export interface DiagramEdge extends Marks {
  /** `from>to>style`: the connections between the same two nodes in the same style are drawn as this one edge. */
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /**
   * How it is drawn: a plain, a thick or a dotted arrow. `rule`: an EventBridge rule target;
   * `pipe`: an EventBridge Pipe; `task`: a Step Functions task.
   */
  readonly style: 'flow' | 'subscription' | 'dead-letter' | 'rule' | 'pipe' | 'task';
  /** The kind of its first connection. */
  readonly kind: EdgeKind;
  readonly label: string | undefined;
  /** Messages per second: the declared rate, or the one worked out from upstream (then `derivedRate`). */
  readonly rate: number | undefined;
  readonly derivedRate: boolean;
  /** The flow entry (or the dead-letter reference) that makes its first connection. */
  readonly start: number;
  readonly end: number;
}

export interface DiagramGroup {
  readonly id: string;
  /** The `group` value, as the user wrote it. */
  readonly label: string;
  /** Its nodes' ids, in drawing order. */
  readonly members: readonly string[];
}

/**
 * The architecture's critical path: of every path from an entry point (a resource no flow
 * reaches), the one with the longest worst-case latency (src/core/model/latency.ts, as hover
 * and `latency/budget` estimate it). The preview can show it.
 */
export interface CriticalPath {
  /** The keys of the drawn edges it takes, first to last. */
  readonly edges: readonly string[];
  /** Seconds. */
  readonly p50: number;
  readonly worst: number;
  /** `api → orders → worker: worst 5 min 20 s, p50 1.2 s`, for reading. */
  readonly text: string;
}

/**
 * Above this many resources the critical path is not worked out for the diagram: the walk
 * from every entry point grows with entry points × connections, and the preview shows such
 * architectures a focus view at a time (hover still gives each resource's latency).
 */
export const CRITICAL_PATH_MAX_RESOURCES = 500;

export interface ArchitectureGraph {
  /** The architecture's top-level `name:`, the diagram's title; undefined when the file has none. */
  readonly title: string | undefined;
  /** Undefined when no path can be estimated, or above CRITICAL_PATH_MAX_RESOURCES. */
  readonly criticalPath: CriticalPath | undefined;
  /** In drawing order: the groups' members group by group, then the resources in no group. */
  readonly nodes: readonly DiagramNode[];
  /** Message flows first, then dead-letter and on-failure paths. */
  readonly edges: readonly DiagramEdge[];
  readonly groups: readonly DiagramGroup[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function buildGraph(analysis: Analysis): ArchitectureGraph {
  const { model, findings } = analysis;
  const idOf = new Map<Resource, string>();
  model.resources.forEach((resource, index) => idOf.set(resource, `n${index}`));

  const marksOf = (picked: (finding: Finding) => boolean): Marks => {
    let severity: Severity | undefined;
    const messages: string[] = [];
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const finding of findings) {
      if (!picked(finding)) continue;
      messages.push(`${finding.severity}: ${finding.message} (${finding.ruleId})`);
      counts[finding.severity === 'error' ? 'errors' : finding.severity === 'warning' ? 'warnings' : 'infos']++;
      if (!severity || SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[severity]) severity = finding.severity;
    }
    return { severity, messages, findings: counts };
  };

  const byGroup = new Map<string, Resource[]>();
  const ungrouped: Resource[] = [];
  for (const resource of model.resources) {
    const group = resource.props.get('group')?.value;
    if (typeof group === 'string' && group !== '') {
      const list = byGroup.get(group) ?? [];
      list.push(resource);
      byGroup.set(group, list);
    } else ungrouped.push(resource);
  }

  const nodes: DiagramNode[] = [];
  const addNode = (resource: Resource, group: string | undefined) => {
    // Any finding inside the resource's definition marks it.
    const marks = marksOf((finding) => finding.start >= resource.pair.start && finding.start <= resource.pair.end);
    nodes.push({
      id: idOf.get(resource)!,
      resourceId: resource.id,
      type: resource.type,
      typeName: resource.type ? TYPE_DETAILS[resource.type] : undefined,
      label: labelOf(resource),
      start: resource.key.start,
      end: resource.key.end,
      group,
      deadLetter: model.deadLetterIds.has(resource.id),
      icon: iconOf(resource),
      ...marks,
    });
  };
  const groups: DiagramGroup[] = [];
  for (const [label, members] of byGroup) {
    const id = `g${groups.length}`;
    for (const resource of members) addNode(resource, id);
    groups.push({ id, label, members: members.map((resource) => idOf.get(resource)!) });
  }
  for (const resource of ungrouped) addNode(resource, undefined);

  // The connections each drawn edge stands for (the same two resources may be connected twice).
  const drawnConnections = new Map<string, Connection[]>();
  for (const connection of model.connections) {
    if (!connection.from || !connection.to) continue;
    const key = `${idOf.get(connection.from)!}>${idOf.get(connection.to)!}>${edgeStyle(connection)}`;
    const list = drawnConnections.get(key);
    if (list) list.push(connection);
    else drawnConnections.set(key, [connection]);
  }
  const edges: DiagramEdge[] = [];
  for (const { connection, from, to, style, key, label, rate, derivedRate } of edgesToDraw(model, idOf)) {
    const range = connection.entry ? connection.entry.node : connection.target;
    const marks = marksOf(aboutEdge(drawnConnections.get(key)!));
    edges.push({
      key,
      from,
      to,
      style,
      kind: edgeKind(connection),
      label,
      rate,
      derivedRate,
      start: range.start,
      end: range.end,
      ...marks,
    });
  }
  const criticalPath =
    model.resources.length <= CRITICAL_PATH_MAX_RESOURCES ? criticalPathOf(model, idOf, new Set(edges.map((edge) => edge.key))) : undefined;
  return { title: architectureName(model), criticalPath, nodes, edges, groups };
}

function criticalPathOf(model: Model, idOf: ReadonlyMap<Resource, string>, drawn: ReadonlySet<string>): CriticalPath | undefined {
  const latency = latencyOf(model);
  let slowest: LatencyPath | undefined;
  for (const resource of model.resources)
    for (const paths of latency.fromEntryPoints(resource).values())
      if (paths.worst.connections.length > 0 && (!slowest || paths.worst.worst > slowest.worst)) slowest = paths.worst;
  if (!slowest) return undefined;
  const edges: string[] = [];
  for (const connection of slowest.connections) {
    if (!connection.from || !connection.to) continue;
    const key = `${idOf.get(connection.from)!}>${idOf.get(connection.to)!}>${edgeStyle(connection)}`;
    if (drawn.has(key) && !edges.includes(key)) edges.push(key);
  }
  if (edges.length === 0) return undefined;
  const ids = [slowest.connections[0]!.from!.id, ...slowest.connections.map((connection) => connection.to!.id)];
  const text = `${ids.join(' → ')}: worst ${formatLatency(slowest.worst)}, p50 ${formatLatency(slowest.p50)}`;
  return { edges, p50: slowest.p50, worst: slowest.worst, text };
}

/** Longer names are cut: a title is a line, not a paragraph. */
const MAX_TITLE = 200;

/**
 * The architecture's top-level `name:` as a one-line title (a number such as `name: 2024`
 * counts too), or undefined when there is none. Control and line-break characters become
 * spaces: the title is drawn as one line of text in the preview and the exports.
 */
export function architectureName(model: Model): string | undefined {
  const node = findPair(model.root, 'name')?.value;
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return undefined;
  const name = String(node.value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name === '' ? undefined : name.slice(0, MAX_TITLE);
}

/**
 * Whether a finding marks the edge drawn for `connections`: a finding that names its
 * connections marks theirs only (one target of a fan-out, say); any other finding in a flow
 * entry (a connection property's value, which applies to every connection of the entry)
 * marks the entry's edges, except one on another connection's id.
 */
function aboutEdge(connections: readonly Connection[]): (finding: Finding) => boolean {
  const keys = new Set(connections.map(connectionKey));
  return (finding) => {
    if (finding.connections) return finding.connections.some((key) => keys.has(key));
    return connections.some((connection) => {
      const entry = connection.entry;
      if (!entry || finding.start < entry.node.start || finding.start > entry.node.end) return false;
      const onToken = entry.steps.some((step) => step.some((token) => token.start === finding.start && token.end === finding.end));
      if (!onToken) return true;
      return [connection.source, connection.target].some((token) => token.start === finding.start && token.end === finding.end);
    });
  };
}

export function labelOf(resource: Resource): string {
  const label = resource.props.get('label')?.value;
  return typeof label === 'string' && label !== '' ? label : resource.id;
}

/** One edge of a drawing: the first connection of its two ends and style, with what to draw. */
export interface EdgeToDraw {
  readonly connection: Connection;
  readonly from: string;
  readonly to: string;
  readonly style: DiagramEdge['style'];
  /** `from>to>style`: connections that share it are drawn as this one edge. */
  readonly key: string;
  readonly label: string | undefined;
  readonly rate: number | undefined;
  readonly derivedRate: boolean;
  readonly arrow: '-->' | '-.->' | '==>' | '--o' | '<-->';
}

/**
 * The edges both flowcharts draw (the preview's and the plain one), given each resource's
 * Mermaid id: message flows first and dead-letter connections after (Mermaid lays out in
 * that order), one edge per two ends and style.
 */
export function edgesToDraw(model: Model, idOf: ReadonlyMap<Resource, string>): EdgeToDraw[] {
  const capacity = capacityOf(model);
  const ordered = [...model.connections.filter((c) => c.origin === 'flow'), ...model.connections.filter((c) => c.origin !== 'flow')];
  const drawn = new Set<string>();
  const edges: EdgeToDraw[] = [];
  for (const connection of ordered) {
    if (!connection.from || !connection.to) continue;
    const from = idOf.get(connection.from)!;
    const to = idOf.get(connection.to)!;
    const style = edgeStyle(connection);
    const key = `${from}>${to}>${style}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const derived = capacity.connection(connection)?.rate;
    const label = edgeLabel(connection, derived);
    const declared = connection.origin === 'flow' ? connection.props.get('rate')?.value : undefined;
    const rate = typeof declared === 'number' ? declared : connection.origin === 'flow' ? derived : undefined;
    const arrow = ARROWS[style];
    edges.push({ connection, from, to, style, key, label, rate, derivedRate: typeof declared !== 'number' && rate !== undefined, arrow });
  }
  return edges;
}

/**
 * Fan-out (a topic's subscriptions, a bus's rules) thick; failures dotted; a Pipe
 * circle-ended; a Step Functions task headed both ways: the state machine calls the
 * service and takes its answer (or its task token's callback) before it moves on.
 */
export const ARROWS: Readonly<Record<DiagramEdge['style'], EdgeToDraw['arrow']>> = {
  flow: '-->',
  subscription: '==>',
  'dead-letter': '-.->',
  rule: '==>',
  pipe: '--o',
  task: '<-->',
};

export function edgeStyle(connection: Connection): DiagramEdge['style'] {
  if (connection.origin !== 'flow') return 'dead-letter';
  if (connection.props.get('via')?.value === 'pipe') return 'pipe';
  if (connection.from?.type === 'sns') return 'subscription';
  if (connection.from?.type === 'eventbridge') return 'rule';
  if (connection.from?.type === 'stepfunctions') return 'task';
  return 'flow';
}

const TYPE_DETAILS = typeRecord((facts) => facts.detail);

function edgeKind(connection: Connection): EdgeKind {
  if (connection.origin !== 'flow') return connection.origin;
  return edgeStyle(connection) === 'subscription' ? 'subscription' : 'flow';
}

/**
 * The connection's own label; else what the connection is, when its kind says more than
 * its arrow (a rule's name and pattern, a Pipe and its enrichment, a task that waits for
 * its token), with its declared rate, or (≈) the rate worked out from upstream.
 */
export function edgeLabel(connection: Connection, derivedRate: number | undefined): string | undefined {
  if (connection.origin === 'deadLetter') return 'dead letter';
  if (connection.origin === 'onFailure') return 'on failure';
  const label = connection.props.get('label')?.value;
  if (typeof label === 'string' && label !== '') return label;
  const declared = connection.props.get('rate')?.value;
  const rate = typeof declared === 'number' ? formatRate(declared) : derivedRate !== undefined ? `≈${formatRate(derivedRate)}` : undefined;
  const caption = connectionCaption(connection);
  return caption && rate ? `${caption} · ${rate}` : (caption ?? rate);
}

/** The longest pattern summary an edge shows; the rest is cut with `…`. */
const MAX_PATTERN = 48;

/** `orders: source=shop` for a rule, `pipe → enrich-fn` for an enriched Pipe, `task token` for a callback task. */
function connectionCaption(connection: Connection): string | undefined {
  const props = connection.props;
  switch (edgeStyle(connection)) {
    case 'rule': {
      if (connection.from?.type !== 'eventbridge') return undefined;
      const rule = props.get('rule')?.value;
      const pattern = patternSummary(props.get('pattern')?.node ?? null);
      return [typeof rule === 'string' && rule !== '' ? rule : undefined, pattern].filter(Boolean).join(': ') || undefined;
    }
    case 'pipe': {
      const enrich = props.get('enrich')?.value;
      return typeof enrich === 'string' && enrich !== '' ? `pipe → ${enrich}` : 'pipe';
    }
    case 'task':
      return props.get('callback')?.value === true ? 'task token' : undefined;
    default:
      return undefined;
  }
}

/**
 * An event pattern in one short line: each matched field by its path, with the values it
 * takes (`source=shop, detail.status=PAID|SENT`); a filter that is not a plain value (a
 * prefix, a numeric range) as `…`.
 */
export function patternSummary(node: YNode | null): string | undefined {
  if (!isMap(node)) return undefined;
  const parts: string[] = [];
  let length = 0;
  const walk = (map: YMap, prefix: string): void => {
    for (const pair of map.items) {
      // Enough to fill the label: a large pattern is not walked to its end.
      if (length > MAX_PATTERN) return;
      const path = `${prefix}${keyText(pair.key)}`;
      const value = pair.value;
      if (isMap(value)) walk(value, `${path}.`);
      else if (isSeq(value)) {
        const values = value.items.map((item) => (isScalar(item) && item.value !== null ? String(item.value) : '…'));
        parts.push(`${path}=${values.join('|')}`);
      } else if (isScalar(value)) parts.push(`${path}=${String(value.value)}`);
      length += (parts[parts.length - 1]?.length ?? 0) + 2;
    }
  };
  walk(node, '');
  const text = parts.join(', ');
  if (text === '') return undefined;
  return text.length > MAX_PATTERN ? `${text.slice(0, MAX_PATTERN - 1)}…` : text;
}
