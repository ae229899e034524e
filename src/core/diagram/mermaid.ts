/**
 * The architecture as a left-to-right Mermaid flowchart. Node ids are generated (`n0`,
 * `n1`, …) and every label is escaped, so no user text can become Mermaid syntax or a
 * `%%{init}%%` directive. The node and edge maps tie the drawing back to the document.
 */
import type { Analysis } from '../analyze';
import type { Connection, Resource } from '../model/model';
import type { ResourceType } from '../model/properties';
import type { Severity } from '../rules/types';
import { formatRate } from '../parse/values';
import { capacityOf } from '../model/capacity';
import { connectionKey } from '../model/connections';
import type { Finding } from '../rules/types';
import type { Model } from '../model/model';
import { findPair, isScalar } from '../parse/ast';
import { iconOf } from './icons';
import { TYPE_DETAILS } from '../services/completion';

export interface DiagramNode {
  readonly id: string;
  readonly resourceId: string;
  readonly type: ResourceType | undefined;
  /** The type's name for people (`SQS queue`), as completion shows it. */
  readonly typeName: string | undefined;
  readonly label: string;
  /** The resource's key in the document. */
  readonly start: number;
  readonly end: number;
  /** The worst finding inside the resource's definition. */
  readonly severity: Severity | undefined;
  readonly messages: readonly string[];
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** `rule`: an EventBridge rule target; `pipe`: an EventBridge Pipe; `task`: a Step Functions task. */
  readonly style: 'flow' | 'subscription' | 'dead-letter' | 'rule' | 'pipe' | 'task';
  readonly label: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly severity: Severity | undefined;
  readonly messages: readonly string[];
}

export interface DiagramOptions {
  /**
   * Draw resources as AWS icon nodes (`n1@{ icon: "logos:aws-sqs", … }`) where the type has
   * an icon. The reader must register the `logos` icon pack (the preview does); the CLI's
   * plain shapes need nothing.
   */
  readonly icons?: boolean;
}

export interface Diagram {
  /** The architecture's top-level `name:`, the diagram's title; undefined when the file has none. */
  readonly title: string | undefined;
  readonly mermaid: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

export const SHAPES: Partial<Record<ResourceType, [string, string]>> = {
  sqs: ['[["', '"]]'],
  sns: ['{{"', '"}}'],
  kinesis: ['[/"', '"/]'],
  firehose: ['[\\"', '"\\]'],
  lambda: ['("', '")'],
  schedule: ['(("', '"))'],
  client: ['>"', '"]'],
  dynamodb: ['[("', '")]'],
  s3: ['[("', '")]'],
  rds: ['[("', '")]'],
  efs: ['[("', '")]'],
  'api-gateway': ['[/"', '"\\]'],
  alb: ['[/"', '"\\]'],
  cloudfront: ['[/"', '"\\]'],
  eventbridge: ['{{"', '"}}'],
  stepfunctions: ['[["', '"]]'],
};

export const TYPE_TITLES: Record<ResourceType, string> = {
  sqs: 'SQS queue', sns: 'SNS topic', kinesis: 'Kinesis stream', firehose: 'Firehose',
  lambda: 'Lambda', ecs: 'ECS service', eks: 'EKS', apprunner: 'App Runner', beanstalk: 'Beanstalk', ec2: 'EC2',
  schedule: 'schedule', 'api-gateway': 'API Gateway', alb: 'ALB', cloudfront: 'CloudFront',
  dynamodb: 'DynamoDB', s3: 'S3', rds: 'RDS', efs: 'EFS', client: 'client',
  eventbridge: 'EventBridge bus', stepfunctions: 'Step Functions',
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Mermaid-safe text: entity codes for everything that could close a label or open syntax,
 * and for control characters, which would reach the terminal raw when `awsflow diagram`
 * prints the source (an ESC can set the window title or clear the screen).
 */
export function escapeLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[&<>"'`#%{}[\]()|\\;:\u0000-\u001f\u007f-\u009f]/g, (char) => `#${char.charCodeAt(0)};`)
    .slice(0, 2000);
}

/**
 * A label inside an icon node's `@{ … }` block, which Mermaid reads as YAML: on top of
 * `escapeLabel` (no quote, backslash, brace or control character survives, so the string
 * cannot end early), the characters YAML refuses or reads as line breaks become entity
 * codes too, because one would make the whole diagram fail.
 */
function escapeShapeDataLabel(text: string): string {
  return escapeLabel(text).replace(/[\u2028\u2029\ufeff]/g, (char) => `#${char.charCodeAt(0)};`);
}

export function buildDiagram(analysis: Analysis, options: DiagramOptions = {}): Diagram {
  const { model, findings } = analysis;
  const nodes: DiagramNode[] = [];
  const idOf = new Map<Resource, string>();
  model.resources.forEach((resource, index) => idOf.set(resource, `n${index}`));

  const worstOf = (picked: (finding: Finding) => boolean) => {
    let severity: Severity | undefined;
    const messages: string[] = [];
    for (const finding of findings) {
      if (!picked(finding)) continue;
      messages.push(`${finding.severity}: ${finding.message} (${finding.ruleId})`);
      if (!severity || SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[severity]) severity = finding.severity;
    }
    return { severity, messages };
  };
  const worst = (start: number, end: number) => worstOf((finding) => finding.start >= start && finding.start <= end);

  const lines = ['flowchart LR'];
  const groups = new Map<string, Resource[]>();
  const ungrouped: Resource[] = [];
  for (const resource of model.resources) {
    const group = resource.props.get('group')?.value;
    if (typeof group === 'string' && group !== '') {
      const list = groups.get(group) ?? [];
      list.push(resource);
      groups.set(group, list);
    } else ungrouped.push(resource);
  }

  const nodeLine = (resource: Resource, indent: string) => {
    const id = idOf.get(resource)!;
    const label = labelOf(resource);
    const [open, close] = (resource.type && SHAPES[resource.type]) ?? ['["', '"]'];
    const title = resource.type ? TYPE_TITLES[resource.type] : 'unknown type';
    const icon = options.icons ? iconOf(resource) : undefined;
    if (icon) {
      // labelType "text": Mermaid reads a shape-data label as Markdown otherwise (`*x*` would turn italic).
      const text = `${escapeShapeDataLabel(label)}<br/><small>${escapeShapeDataLabel(title)}</small>`;
      lines.push(`${indent}${id}@{ icon: "${icon}", form: "square", label: "${text}", labelType: "text", pos: "b", h: 48 }`);
    } else {
      lines.push(`${indent}${id}${open}${escapeLabel(label)}<br/><small>${escapeLabel(title)}</small>${close}`);
    }
    const { severity, messages } = worst(resource.pair.start, resource.pair.end);
    nodes.push({ id, resourceId: resource.id, type: resource.type, typeName: resource.type ? TYPE_DETAILS[resource.type] : undefined, label, start: resource.key.start, end: resource.key.end, severity, messages });
  };

  let groupIndex = 0;
  for (const [group, members] of groups) {
    lines.push(`  subgraph g${groupIndex++}["${escapeLabel(group)}"]`);
    for (const resource of members) nodeLine(resource, '    ');
    lines.push('  end');
  }
  for (const resource of ungrouped) nodeLine(resource, '  ');

  const edges: DiagramEdge[] = [];
  // The connections each drawn edge stands for (the same two resources may be connected twice).
  const drawnConnections = new Map<string, Connection[]>();
  for (const connection of model.connections) {
    if (!connection.from || !connection.to) continue;
    const key = `${idOf.get(connection.from)!}>${idOf.get(connection.to)!}>${edgeStyle(connection)}`;
    const list = drawnConnections.get(key);
    if (list) list.push(connection);
    else drawnConnections.set(key, [connection]);
  }
  for (const { connection, from, to, style, key, label, arrow } of edgesToDraw(model, idOf)) {
    lines.push(`  ${from} ${arrow}${label ? `|"${escapeLabel(label)}"|` : ''} ${to}`);
    const range = connection.entry ? connection.entry.node : connection.target;
    const { severity, messages } = worstOf(aboutEdge(drawnConnections.get(key)!));
    edges.push({ from, to, style, label, start: range.start, end: range.end, severity, messages });
  }

  lines.push('  classDef error stroke:#e51400,stroke-width:3px');
  lines.push('  classDef warning stroke:#bf8803,stroke-width:3px,stroke-dasharray:4 2');
  // Grey at low opacity, not a light fill: it tints a dark theme's background as well as a
  // light one's, and the theme's label colour stays readable on it.
  lines.push('  classDef deadletter fill:#8080801f,stroke:#808080,stroke-dasharray:3 3');
  const byClass = (cls: string, pick: (node: DiagramNode) => boolean) => {
    const ids = nodes.filter(pick).map((node) => node.id);
    if (ids.length) lines.push(`  class ${ids.join(',')} ${cls}`);
  };
  byClass('deadletter', (node) => model.deadLetterIds.has(node.resourceId) && !node.severity);
  byClass('warning', (node) => node.severity === 'warning');
  byClass('error', (node) => node.severity === 'error');
  return { title: architectureName(model), mermaid: lines.join('\n') + '\n', nodes, edges };
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
  // eslint-disable-next-line no-control-regex
  const name = String(node.value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
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
  readonly arrow: '-->' | '-.->' | '==>' | '--o';
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
    const label = edgeLabel(connection, capacity.connection(connection)?.rate);
    const arrow = ARROWS[style];
    edges.push({ connection, from, to, style, key, label, arrow });
  }
  return edges;
}

/** Fan-out (a topic's subscriptions, a bus's rules) thick; failures dotted; a Pipe circle-ended. */
const ARROWS: Readonly<Record<DiagramEdge['style'], EdgeToDraw['arrow']>> = {
  flow: '-->', subscription: '==>', 'dead-letter': '-.->', rule: '==>', pipe: '--o', task: '-->',
};

export function edgeStyle(connection: Connection): DiagramEdge['style'] {
  if (connection.origin !== 'flow') return 'dead-letter';
  if (connection.props.get('via')?.value === 'pipe') return 'pipe';
  if (connection.from?.type === 'sns') return 'subscription';
  if (connection.from?.type === 'eventbridge') return 'rule';
  if (connection.from?.type === 'stepfunctions') return 'task';
  return 'flow';
}

/** The connection's own label, its declared rate, or (≈) the rate worked out from upstream. */
export function edgeLabel(connection: Connection, derivedRate: number | undefined): string | undefined {
  if (connection.origin === 'deadLetter') return 'dead letter';
  if (connection.origin === 'onFailure') return 'on failure';
  const label = connection.props.get('label')?.value;
  if (typeof label === 'string' && label !== '') return label;
  const rate = connection.props.get('rate')?.value;
  if (typeof rate === 'number') return formatRate(rate);
  return derivedRate !== undefined ? `≈${formatRate(derivedRate)}` : undefined;
}
