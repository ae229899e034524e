/**
 * Smaller views of a large diagram, worked out from the server's DiagramResult: the
 * resources upstream and downstream of one, or one `group`, instead of one illegible
 * drawing. The reduced Mermaid text is the full text with the lines of the other nodes
 * left out, so labels, icons, styles and classes stay exactly as the server wrote them.
 * Pure: no DOM.
 */
import type { DiagramEdgeInfo, DiagramResult } from '../src/protocol/lsp';

/** Beyond this many resources one drawing is no longer legible (and takes seconds). */
export const LARGE_DIAGRAM_NODES = 150;

export interface Group {
  /** The Mermaid subgraph id (`g0`, `g1`, …). */
  readonly id: string;
  /** The group's name, as the user wrote it (decoded from the escaped subgraph title). */
  readonly title: string;
  readonly nodeIds: readonly string[];
}

const SUBGRAPH = /^subgraph (g\d+)\["(.*)"\]$/;
const EDGE = /^(n\d+) (?:-->|==>|-\.->)(?:\|"[^"]*"\|)? (n\d+)$/;
const CLASS = /^class (n\d+(?:,n\d+)*) ([A-Za-z][\w-]*)$/;
const NODE = /^(n\d+)(?![\w-])/;

/** The text behind Mermaid entity codes (`#34;` → `"`), as the core's `escapeLabel` wrote them. */
export function decodeEntityCodes(text: string): string {
  return text.replace(/#(\d{1,7});/g, (_, code: string) => {
    const point = Number(code);
    return point <= 0x10ffff ? String.fromCodePoint(point) : '';
  });
}

/** The `group` clusters of the diagram, in the order the server wrote them. */
export function groupsOf(mermaid: string): Group[] {
  const groups: Group[] = [];
  let current: { id: string; title: string; nodeIds: string[] } | undefined;
  for (const raw of mermaid.split('\n')) {
    const line = raw.trim();
    const subgraph = SUBGRAPH.exec(line);
    if (subgraph) {
      current = { id: subgraph[1]!, title: decodeEntityCodes(subgraph[2]!), nodeIds: [] };
      groups.push(current);
    } else if (line === 'end') current = undefined;
    else if (current && !EDGE.test(line)) {
      const node = NODE.exec(line);
      if (node) current.nodeIds.push(node[1]!);
    }
  }
  return groups;
}

/** The node ids of the Mermaid text, in the order written, and its edges. */
export function linksOf(mermaid: string): { nodeIds: string[]; edges: { from: string; to: string }[] } {
  const nodeIds: string[] = [];
  const edges: { from: string; to: string }[] = [];
  for (const raw of mermaid.split('\n')) {
    const line = raw.trim();
    const edge = EDGE.exec(line);
    if (edge) edges.push({ from: edge[1]!, to: edge[2]! });
    else {
      const node = NODE.exec(line);
      if (node) nodeIds.push(node[1]!);
    }
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
 * The Mermaid text with only the given nodes: their node lines, the edges between them,
 * their class assignments, and the subgraphs that still hold one of them. Lines of any
 * other form are left out (the core writes none), so nothing can name a dropped node and
 * bring it back as a bare box.
 */
export function reduceMermaid(mermaid: string, keep: ReadonlySet<string>): string {
  const lines = mermaid.split('\n');
  const out: string[] = [];
  let subgraph: string[] | undefined;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (index === 0 && /^flowchart\b/.test(line)) return void out.push(raw);
    if (SUBGRAPH.test(line)) return void (subgraph = [raw]);
    if (line === 'end' && subgraph) {
      if (subgraph.length > 1) out.push(...subgraph, raw);
      return void (subgraph = undefined);
    }
    if (line.startsWith('classDef ')) return void out.push(raw);
    const edge = EDGE.exec(line);
    if (edge) {
      if (keep.has(edge[1]!) && keep.has(edge[2]!)) out.push(raw);
      return;
    }
    const cls = CLASS.exec(line);
    if (cls) {
      const ids = cls[1]!.split(',').filter((id) => keep.has(id));
      if (ids.length > 0) out.push(raw.replace(cls[1]!, ids.join(',')));
      return;
    }
    const node = NODE.exec(line);
    if (node && keep.has(node[1]!)) (subgraph ?? out).push(raw);
  });
  return out.join('\n') + '\n';
}

/** The edges of the diagram that join two kept nodes. */
export function edgesWithin<T extends { from: string; to: string }>(edges: readonly T[], keep: ReadonlySet<string>): T[] {
  return edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to));
}

/** `focus`, `all`, or `group:<subgraph id>`. */
export type ViewChoice = string;

export interface Plan {
  readonly text: string;
  /** The nodes drawn; undefined when all are. */
  readonly keep: ReadonlySet<string> | undefined;
  readonly edges: readonly DiagramEdgeInfo[];
  /** For large diagrams: what is shown, in words, and the choices. */
  readonly notice: { readonly summary: string; readonly detail: string; readonly choices: readonly { value: ViewChoice; label: string }[]; readonly selected: ViewChoice } | undefined;
  /** Identifies the view (not the text): when it changes, the preview fits the new drawing. */
  readonly viewKey: string;
}

export function planView(diagram: DiagramResult, choice: ViewChoice, highlighted: string | null): Plan {
  const total = diagram.nodes.length;
  if (total <= LARGE_DIAGRAM_NODES) return { text: diagram.mermaid, keep: undefined, edges: diagram.edges, notice: undefined, viewKey: 'all' };
  const groups = groupsOf(diagram.mermaid);
  const choices = [
    { value: 'focus', label: 'Focus: the resource at the cursor, upstream and downstream' },
    ...groups.map((group) => ({ value: `group:${group.id}`, label: `Group: ${group.title} (${group.nodeIds.length})` })),
    { value: 'all', label: `Everything (${total} resources; slow, hard to read)` },
  ];
  const summary = `This architecture has ${total} resources, more than can be drawn legibly at once (${LARGE_DIAGRAM_NODES}).`;
  const group: Group | undefined = choice.startsWith('group:') ? groups.find((g) => `group:${g.id}` === choice) : undefined;
  if (choice === 'all') {
    return { text: diagram.mermaid, keep: undefined, edges: diagram.edges, viewKey: 'all', notice: { summary, detail: `Showing all ${total} resources.`, choices, selected: 'all' } };
  }
  if (group) {
    const keep = groupSet(diagram, group);
    const outside = keep.size - group.nodeIds.length;
    const detail = `Showing group “${group.title}”: its ${group.nodeIds.length} resources${outside > 0 ? ` and the ${outside} connected to them from outside it` : ''} (${keep.size} of ${total}).`;
    return { text: reduceMermaid(diagram.mermaid, keep), keep, edges: edgesWithin(diagram.edges, keep), viewKey: choice, notice: { summary, detail, choices, selected: choice } };
  }
  // Focus: on the resource at the cursor; before the cursor is on one, on the first resource with a problem.
  const atCursor = highlighted === null ? undefined : diagram.nodes.find((node) => node.resourceId === highlighted);
  const center = atCursor ?? diagram.nodes.find((node) => node.severity === 'error') ?? diagram.nodes.find((node) => node.severity === 'warning') ?? diagram.nodes[0]!;
  const keep = focusSet(diagram, center.id);
  const why = atCursor ? 'the resource at the cursor' : center.severity ? 'the first resource with a problem; move the cursor onto a resource to focus on it' : 'move the cursor onto a resource to focus on it';
  const detail = `Showing ${center.resourceId} (${why}) and everything upstream and downstream of it: ${keep.size} of ${total} resources.`;
  return { text: reduceMermaid(diagram.mermaid, keep), keep, edges: edgesWithin(diagram.edges, keep), viewKey: `focus:${center.id}`, notice: { summary, detail, choices, selected: 'focus' } };
}
