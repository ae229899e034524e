import { defineRule } from '../define-rule';
import type { Connection, FlowEntry, Resource } from '../../model/model';

const LOOP_DETECTION = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html';

interface Edge {
  readonly to: number;
  readonly connection: Connection;
}

export default defineRule({
  id: 'graph/cycle',
  defaultSeverity: 'warning',
  summary: 'Flows that form a cycle, so a message can go round forever',
  sources: [LOOP_DETECTION],
  fixable: false,
  hasSuggestions: false,
  messages: {
    cycle: 'Flows form a cycle: {cycle}. A message can go round it forever unless something ends the loop.',
    cycleInGroup:
      'Flows form a cycle: {cycle}. A message can go round it forever unless something ends the loop; {count} resources loop into one another here: {members}.',
  },
  check(context) {
    const { model } = context;
    // One node per resource id (a duplicated id is the parser's finding, not a second node).
    const nodes: Resource[] = [...model.byId.values()];
    const index = new Map<Resource, number>(nodes.map((resource, i) => [resource, i]));
    const adjacency: Edge[][] = nodes.map(() => []);
    for (const connection of model.connections) {
      if (connection.origin !== 'flow' || !connection.entry || !connection.from || !connection.to) continue;
      const from = index.get(connection.from);
      const to = index.get(connection.to);
      // A resource connected to itself is flows/invalid-connection's finding.
      if (from === undefined || to === undefined || from === to) continue;
      adjacency[from]!.push({ to, connection });
    }

    for (const component of stronglyConnected(adjacency)) {
      if (component.length < 2) continue;
      const cycle = shortestCycle(adjacency, component);
      if (cycle.length === 0) continue;
      // The flow entry written last closes the loop, reading the file from the top.
      let closing = 0;
      for (let i = 1; i < cycle.length; i++) if (entryOrder(cycle[i]!) > entryOrder(cycle[closing]!)) closing = i;
      const ordered = [...cycle.slice(closing + 1), ...cycle.slice(0, closing + 1)];
      const ids = [ordered[0]!.from!.id, ...ordered.map((connection) => connection.to!.id)];
      const last = ordered[ordered.length - 1]!;
      const inGroup = component.length > cycle.length;
      const members = component
        .map((i) => nodes[i]!)
        .sort((a, b) => a.key.start - b.key.start)
        .map((resource) => resource.id);
      const related = new Map<FlowEntry, Connection>();
      for (const connection of ordered.slice(0, -1))
        if (connection.entry !== last.entry && !related.has(connection.entry!)) related.set(connection.entry!, connection);
      context.report({
        at: last,
        messageId: inGroup ? 'cycleInGroup' : 'cycle',
        data: { cycle: pathText(ids), count: members.length, members: listIds(members) },
        related: [...related.values()].map((connection) => ({
          at: connection,
          message: `Part of the cycle: ${connection.from!.id} -> ${connection.to!.id}`,
        })),
      });
    }
  },
});

function entryOrder(connection: Connection): number {
  // Targets lie inside their entry, so this is document order, also within a chain `a -> b -> a`.
  return connection.target.start;
}

/** `a -> b -> c -> a`; a long cycle keeps its first and last steps. */
function pathText(ids: readonly string[]): string {
  if (ids.length <= 12) return ids.join(' -> ');
  return `${ids.slice(0, 5).join(' -> ')} -> … (${ids.length - 10} more) -> ${ids.slice(-5).join(' -> ')}`;
}

function listIds(ids: readonly string[]): string {
  const shown = ids
    .slice(0, 10)
    .map((id) => `'${id}'`)
    .join(', ');
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown;
}

/**
 * Tarjan's algorithm without recursion: files can hold thousands of resources in one
 * chain. Runs on every edit, so it allocates little: typed arrays for the walk, and an
 * array only for components of two or more resources (the only ones that can loop).
 */
function stronglyConnected(adjacency: readonly (readonly Edge[])[]): number[][] {
  const count = adjacency.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack = new Int32Array(count);
  let stackSize = 0;
  // The depth-first walk: the node of each frame and the index of its next edge.
  const workNode = new Int32Array(count);
  const workEdge = new Int32Array(count);
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    workNode[0] = root;
    workEdge[0] = 0;
    order[root] = low[root] = counter++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const node = workNode[depth]!;
      const edges = adjacency[node]!;
      const edgeIndex = workEdge[depth]!;
      if (edgeIndex < edges.length) {
        workEdge[depth] = edgeIndex + 1;
        const next = edges[edgeIndex]!.to;
        if (order[next] === -1) {
          order[next] = low[next] = counter++;
          stack[stackSize++] = next;
          onStack[next] = 1;
          depth++;
          workNode[depth] = next;
          workEdge[depth] = 0;
        } else if (onStack[next]) {
          low[node] = Math.min(low[node]!, order[next]!);
        }
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = workNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] === order[node]) {
        if (stack[stackSize - 1] === node) {
          // A component of one resource: no cycle (self-loops are left out of the graph).
          stackSize--;
          onStack[node] = 0;
          continue;
        }
        const component: number[] = [];
        let member: number;
        do {
          member = stack[--stackSize]!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest cycle through the component's first resource (breadth-first, inside the component). */
function shortestCycle(adjacency: readonly (readonly Edge[])[], component: readonly number[]): Connection[] {
  const members = new Set(component);
  let start = component[0]!;
  for (const member of component) if (member < start) start = member;
  const via = new Map<number, { parent: number; connection: Connection } | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const edge of adjacency[node]!) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path: Connection[] = [edge.connection];
        for (let step = via.get(node); step; step = via.get(step.parent)) path.push(step.connection);
        return path.reverse();
      }
      if (!via.has(edge.to)) {
        via.set(edge.to, { parent: node, connection: edge.connection });
        queue.push(edge.to);
      }
    }
  }
  return [];
}
