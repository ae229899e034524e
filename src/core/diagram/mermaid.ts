/**
 * The architecture as a left-to-right Mermaid flowchart, written from its typed graph
 * (graph.ts). Node ids are generated (`n0`, `n1`, …) and every label is escaped, so no
 * user text can become Mermaid syntax or a `%%{init}%%` directive. The graph's nodes and
 * edges tie the drawing back to the document; the outline says which line of the text
 * writes which of them, so the preview cuts smaller views out of the text without
 * reading it back.
 */
import type { Analysis } from '../analyze';
import type { ResourceType } from '../model/properties';
import { ARROWS, buildGraph, type ArchitectureGraph, type DiagramNode } from './graph';
import { typeRecord } from '../model/resource-types';

export {
  architectureName,
  buildGraph,
  edgeLabel,
  patternSummary,
  edgeStyle,
  edgesToDraw,
  labelOf,
  type ArchitectureGraph,
  type DiagramEdge,
  type DiagramGroup,
  type DiagramNode,
  type EdgeKind,
  type EdgeToDraw,
  type FindingCounts,
} from './graph';

export interface DiagramOptions {
  /**
   * Draw resources as AWS icon nodes (`n1@{ icon: "logos:aws-sqs", … }`) where the type has
   * an icon. The reader must register the `logos` icon pack (the preview does); the CLI's
   * plain shapes need nothing.
   */
  readonly icons?: boolean;
}

/**
 * What one line of the Mermaid text writes. Lines of the `header` kind (the `flowchart`
 * line, the `classDef`s) belong in every view; the others name the graph's nodes.
 */
export type MermaidStatement =
  | { readonly kind: 'header' }
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'groupStart'; readonly id: string }
  | { readonly kind: 'groupEnd'; readonly id: string }
  | { readonly kind: 'edge'; readonly from: string; readonly to: string }
  /** `class <members joined by commas> <className>`: a view keeps the line with the members it keeps. */
  | { readonly kind: 'class'; readonly className: string; readonly members: readonly string[] };

export interface Diagram extends ArchitectureGraph {
  readonly mermaid: string;
  /** One statement per line of `mermaid` (split at `\n`; the empty last line has none). */
  readonly outline: readonly MermaidStatement[];
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

export const TYPE_TITLES = typeRecord((facts) => facts.title);

/**
 * Mermaid-safe text: entity codes for everything that could close a label or open syntax,
 * and for control characters, which would reach the terminal raw when `awsflow diagram`
 * prints the source (an ESC can set the window title or clear the screen).
 */
export function escapeLabel(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[&<>"'`#%{}[\]()|\\;:\u0000-\u001f\u007f-\u009f]/g, (char) => `#${char.charCodeAt(0)};`)
      .slice(0, 2000)
  );
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
  const graph = buildGraph(analysis);
  return { ...graph, ...writeMermaid(graph, options) };
}

/** The flowchart's text for a graph, with the statement each line writes. */
export function writeMermaid(graph: ArchitectureGraph, options: DiagramOptions = {}): { mermaid: string; outline: MermaidStatement[] } {
  const lines: string[] = [];
  const outline: MermaidStatement[] = [];
  const write = (line: string, statement: MermaidStatement) => {
    lines.push(line);
    outline.push(statement);
  };
  write('flowchart LR', { kind: 'header' });

  const nodeLine = (node: DiagramNode, indent: string) => {
    const [open, close] = (node.type && SHAPES[node.type]) ?? ['["', '"]'];
    const title = node.type ? TYPE_TITLES[node.type] : 'unknown type';
    const icon = options.icons ? node.icon : undefined;
    if (icon) {
      // labelType "text": Mermaid reads a shape-data label as Markdown otherwise (`*x*` would turn italic).
      const text = `${escapeShapeDataLabel(node.label)}<br/><small>${escapeShapeDataLabel(title)}</small>`;
      write(`${indent}${node.id}@{ icon: "${icon}", form: "square", label: "${text}", labelType: "text", pos: "b", h: 48 }`, {
        kind: 'node',
        id: node.id,
      });
    } else {
      write(`${indent}${node.id}${open}${escapeLabel(node.label)}<br/><small>${escapeLabel(title)}</small>${close}`, {
        kind: 'node',
        id: node.id,
      });
    }
  };

  const nodeById = new Map(graph.nodes.map((node) => [node.id, node]));
  for (const group of graph.groups) {
    write(`  subgraph ${group.id}["${escapeLabel(group.label)}"]`, { kind: 'groupStart', id: group.id });
    for (const id of group.members) nodeLine(nodeById.get(id)!, '    ');
    write('  end', { kind: 'groupEnd', id: group.id });
  }
  for (const node of graph.nodes) if (node.group === undefined) nodeLine(node, '  ');

  for (const { from, to, style, label } of graph.edges) {
    const arrow = ARROWS[style];
    write(`  ${from} ${arrow}${label ? `|"${escapeLabel(label)}"|` : ''} ${to}`, { kind: 'edge', from, to });
  }

  write('  classDef error stroke:#e51400,stroke-width:3px', { kind: 'header' });
  write('  classDef warning stroke:#bf8803,stroke-width:3px,stroke-dasharray:4 2', { kind: 'header' });
  // Grey at low opacity, not a light fill: it tints a dark theme's background as well as a
  // light one's, and the theme's label colour stays readable on it.
  write('  classDef deadletter fill:#8080801f,stroke:#808080,stroke-dasharray:3 3', { kind: 'header' });
  const byClass = (className: string, pick: (node: DiagramNode) => boolean) => {
    const members = graph.nodes.filter(pick).map((node) => node.id);
    if (members.length) write(`  class ${members.join(',')} ${className}`, { kind: 'class', className, members });
  };
  byClass('deadletter', (node) => node.deadLetter && !node.severity);
  byClass('warning', (node) => node.severity === 'warning');
  byClass('error', (node) => node.severity === 'error');
  return { mermaid: lines.join('\n') + '\n', outline };
}
