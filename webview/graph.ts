/**
 * Smaller views of a large diagram, worked out from the server's DiagramResult: the
 * resources upstream and downstream of one, or one `group`, instead of one illegible
 * drawing. Everything comes from the typed graph and the outline the server sends beside
 * the Mermaid text (which statement each line writes); the reduced Mermaid text is the
 * full text with the lines of the other nodes left out, so labels, icons, styles and
 * classes stay exactly as the server wrote them. The text is never parsed here. Pure: no DOM.
 */
import type { DiagramEdgeInfo, DiagramResult, MermaidStatementInfo } from '../src/protocol/lsp';

/** Beyond this many resources one drawing is no longer legible (and takes seconds). */
export const LARGE_DIAGRAM_NODES = 150;

export interface Group {
  /** The Mermaid subgraph id (`g0`, `g1`, …). */
  readonly id: string;
  /** The group's name, as the user wrote it. */
  readonly title: string;
  readonly nodeIds: readonly string[];
}

/** Mermaid text with the statement each of its lines writes (`outline[i]` for line i). */
export interface MermaidView {
  readonly text: string;
  readonly outline: readonly MermaidStatementInfo[];
}

/**
 * Whether the outline describes the text line by line (the server's always does). A text
 * it does not describe is never cut: it is drawn whole, and if it is wrong Mermaid says so.
 */
export function outlines(view: MermaidView): boolean {
  const lines = view.text.split('\n');
  return lines.at(-1) === '' && lines.length - 1 === view.outline.length;
}

/** The `group` clusters of the diagram, in the order the server wrote them. */
export function groupsOf(diagram: Pick<DiagramResult, 'groups'>): Group[] {
  return diagram.groups.map((group) => ({ id: group.id, title: group.label, nodeIds: group.members }));
}

/** The node ids of a view, in the order written, and its edges. */
export function linksOf(view: MermaidView): { nodeIds: string[]; edges: { from: string; to: string }[] } {
  const nodeIds: string[] = [];
  const edges: { from: string; to: string }[] = [];
  for (const statement of view.outline) {
    if (statement.kind === 'node') nodeIds.push(statement.id);
    else if (statement.kind === 'edge') edges.push({ from: statement.from, to: statement.to });
  }
  return { nodeIds, edges };
}

/** The node and everything upstream and downstream of it (all connection styles). */
export function focusSet(diagram: Pick<DiagramResult, 'edges'>, nodeId: string): Set<string> {
  const downstream = new Map<string, string[]>();
  const upstream = new Map<string, string[]>();
  for (const edge of diagram.edges) {
    (downstream.get(edge.from) ?? downstream.set(edge.from, []).get(edge.from)!).push(edge.to);
    (upstream.get(edge.to) ?? upstream.set(edge.to, []).get(edge.to)!).push(edge.from);
  }
  const keep = new Set([nodeId]);
  for (const links of [downstream, upstream]) {
    const seen = new Set([nodeId]);
    const queue = [nodeId];
    while (queue.length > 0) {
      for (const next of links.get(queue.pop()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        keep.add(next);
        queue.push(next);
      }
    }
  }
  return keep;
}

/** A group's members, and the resources one connection away, so what enters and leaves the group shows. */
export function groupSet(diagram: Pick<DiagramResult, 'edges'>, group: Group): Set<string> {
  const members = new Set(group.nodeIds);
  const keep = new Set(members);
  for (const edge of diagram.edges) {
    if (members.has(edge.from)) keep.add(edge.to);
    if (members.has(edge.to)) keep.add(edge.from);
  }
  return keep;
}

/**
 * The view with only the given nodes: their node lines, the edges between them, their
 * class assignments, and the groups that still hold one of them; the header lines (the
 * `flowchart` line, the `classDef`s) stay. Nothing can name a dropped node and bring it
 * back as a bare box. A view its outline does not describe is returned whole (`outlines`).
 */
export function reduceMermaid(view: MermaidView, keep: ReadonlySet<string>): MermaidView {
  if (!outlines(view)) return view;
  const lines = view.text.split('\n');
  const text: string[] = [];
  const outline: MermaidStatementInfo[] = [];
  // A group's lines wait until it is known to keep a member.
  let group: { lines: string[]; outline: MermaidStatementInfo[] } | undefined;
  const add = (line: string, statement: MermaidStatementInfo) => {
    (group?.lines ?? text).push(line);
    (group?.outline ?? outline).push(statement);
  };
  view.outline.forEach((statement, index) => {
    const line = lines[index]!;
    switch (statement.kind) {
      case 'header':
        return add(line, statement);
      case 'groupStart':
        group = { lines: [line], outline: [statement] };
        return;
      case 'groupEnd': {
        const held = group;
        group = undefined;
        if (held && held.lines.length > 1) {
          text.push(...held.lines, line);
          outline.push(...held.outline, statement);
        }
        return;
      }
      case 'node':
        if (keep.has(statement.id)) add(line, statement);
        return;
      case 'edge':
        if (keep.has(statement.from) && keep.has(statement.to)) add(line, statement);
        return;
      case 'class': {
        const members = statement.members.filter((id) => keep.has(id));
        // The line names its members once, joined by commas: write it with the kept ones.
        if (members.length > 0) add(line.replace(statement.members.join(','), members.join(',')), { ...statement, members });
        return;
      }
    }
  });
  return { text: text.join('\n') + '\n', outline };
}

/** The edges of the diagram that join two kept nodes. */
export function edgesWithin<T extends { from: string; to: string }>(edges: readonly T[], keep: ReadonlySet<string>): T[] {
  return edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to));
}

/** `focus`, `all`, or `group:<subgraph id>`. */
export type ViewChoice = string;

export interface Plan {
  readonly text: string;
  /** What each line of `text` writes. */
  readonly outline: readonly MermaidStatementInfo[];
  /** The nodes drawn; undefined when all are. */
  readonly keep: ReadonlySet<string> | undefined;
  readonly edges: readonly DiagramEdgeInfo[];
  /** For large diagrams: what is shown, in words, and the choices. */
  readonly notice:
    | {
        readonly summary: string;
        readonly detail: string;
        readonly choices: readonly { value: ViewChoice; label: string }[];
        readonly selected: ViewChoice;
      }
    | undefined;
  /** Identifies the view (not the text): when it changes, the preview fits the new drawing. */
  readonly viewKey: string;
}

export function planView(diagram: DiagramResult, choice: ViewChoice, highlighted: string | null): Plan {
  const total = diagram.nodes.length;
  if (total <= LARGE_DIAGRAM_NODES)
    return { text: diagram.mermaid, outline: diagram.outline, keep: undefined, edges: diagram.edges, notice: undefined, viewKey: 'all' };
  const groups = groupsOf(diagram);
  const whole: MermaidView = { text: diagram.mermaid, outline: diagram.outline };
  const choices = [
    { value: 'focus', label: 'Focus: the resource at the cursor, upstream and downstream' },
    ...groups.map((group) => ({ value: `group:${group.id}`, label: `Group: ${group.title} (${group.nodeIds.length})` })),
    { value: 'all', label: `Everything (${total} resources; slow, hard to read)` },
  ];
  const summary = `This architecture has ${total} resources, more than can be drawn legibly at once (${LARGE_DIAGRAM_NODES}).`;
  const group: Group | undefined = choice.startsWith('group:') ? groups.find((g) => `group:${g.id}` === choice) : undefined;
  if (choice === 'all') {
    return {
      ...whole,
      keep: undefined,
      edges: diagram.edges,
      viewKey: 'all',
      notice: { summary, detail: `Showing all ${total} resources.`, choices, selected: 'all' },
    };
  }
  if (group) {
    const keep = groupSet(diagram, group);
    const outside = keep.size - group.nodeIds.length;
    const detail = `Showing group “${group.title}”: its ${group.nodeIds.length} resources${outside > 0 ? ` and the ${outside} connected to them from outside it` : ''} (${keep.size} of ${total}).`;
    return {
      ...reduceMermaid(whole, keep),
      keep,
      edges: edgesWithin(diagram.edges, keep),
      viewKey: choice,
      notice: { summary, detail, choices, selected: choice },
    };
  }
  // Focus: on the resource at the cursor; before the cursor is on one, on the first resource with a problem.
  const atCursor = highlighted === null ? undefined : diagram.nodes.find((node) => node.resourceId === highlighted);
  const center =
    atCursor ??
    diagram.nodes.find((node) => node.severity === 'error') ??
    diagram.nodes.find((node) => node.severity === 'warning') ??
    diagram.nodes[0]!;
  const keep = focusSet(diagram, center.id);
  const why = atCursor
    ? 'the resource at the cursor'
    : center.severity
      ? 'the first resource with a problem; move the cursor onto a resource to focus on it'
      : 'move the cursor onto a resource to focus on it';
  const detail = `Showing ${center.resourceId} (${why}) and everything upstream and downstream of it: ${keep.size} of ${total} resources.`;
  return {
    ...reduceMermaid(whole, keep),
    keep,
    edges: edgesWithin(diagram.edges, keep),
    viewKey: `focus:${center.id}`,
    notice: { summary, detail, choices, selected: 'focus' },
  };
}
