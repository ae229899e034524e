/**
 * The parts of a diagram that are drawn separately: its connected components, where two
 * resources belong together when a connection joins them or when they share a `group`
 * (a group is one Mermaid subgraph and must stay one box). The nodes, edges and groups
 * come from the view's outline (what each line of the text writes), never from reading
 * the text. Each part is its own Mermaid text, cut from the whole by `reduceMermaid`, so
 * labels, icons, classes and styles stay exactly as the server wrote them, and a part
 * whose text did not change can keep its drawing. Pure: no DOM.
 */
import type { MermaidStatementInfo } from '../src/protocol/lsp';
import { linksOf, outlines, reduceMermaid, type MermaidView } from './graph';

export interface Component {
  /** Its nodes, in the order the text writes them. */
  readonly nodeIds: readonly string[];
  /** The Mermaid text of this part alone. */
  readonly text: string;
  /** What each line of `text` writes. */
  readonly outline: readonly MermaidStatementInfo[];
}

/** The members of each group of a view, from its outline: the node lines between a group's start and end. */
function groupMembers(view: MermaidView): string[][] {
  const groups: string[][] = [];
  let current: string[] | undefined;
  for (const statement of view.outline) {
    if (statement.kind === 'groupStart') groups.push((current = []));
    else if (statement.kind === 'groupEnd') current = undefined;
    else if (statement.kind === 'node') current?.push(statement.id);
  }
  return groups;
}

const numberOf = (nodeId: string) => Number(nodeId.slice(1));

/**
 * The connected components of the view, in the order of their first resource in
 * the file (node `n<i>` is the file's i-th resource): a fixed order, so a part keeps its
 * place in the grid while the file grows around it.
 */
export function componentsOf(view: MermaidView): Component[] {
  const { nodeIds, edges } = linksOf(view);
  // Not cut when the outline does not describe the text (see `outlines`): one part, drawn whole.
  if (!outlines(view)) return [{ nodeIds, ...view }];
  const parent = new Map(nodeIds.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: later finds are short.
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const join = (a: string, b: string) => {
    if (!parent.has(a) || !parent.has(b)) return;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(numberOf(ra) < numberOf(rb) ? rb : ra, numberOf(ra) < numberOf(rb) ? ra : rb);
  };
  for (const edge of edges) join(edge.from, edge.to);
  for (const members of groupMembers(view)) for (const id of members.slice(1)) join(members[0]!, id);
  const members = new Map<string, string[]>();
  for (const id of nodeIds) {
    const root = find(id);
    (members.get(root) ?? members.set(root, []).get(root)!).push(id);
  }
  const first = (ids: readonly string[]) => Math.min(...ids.map(numberOf));
  const parts = [...members.values()].sort((a, b) => first(a) - first(b));
  return parts.map((ids) => ({ nodeIds: ids, ...reduceMermaid(view, new Set(ids)) }));
}
