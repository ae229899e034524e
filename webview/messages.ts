/**
 * Messages from the extension, checked before use. The extension is ours, but a message
 * event can come from anything that holds a reference to this window, and a malformed
 * diagram must fail here, with a reason, not half-way through drawing.
 */
import type {
  DiagramEdgeInfo,
  DiagramFindingCounts,
  DiagramGroupInfo,
  DiagramNodeInfo,
  DiagramResult,
  DiagramSeverity,
  DiagramVerdict,
  MermaidStatementInfo,
} from '../src/protocol/lsp';
import type { Layout, ToWebview } from '../src/protocol/webview';

/** Far beyond any real architecture; a bound, so a runaway message cannot freeze the view. */
const MAX_MERMAID = 10 * 1024 * 1024;
const MAX_NODES = 20_000;
const MAX_EDGES = 50_000;
const MAX_MESSAGES = 200;
const MAX_TEXT = 10_000;
const NODE_ID = /^n\d{1,6}$/;
const GROUP_ID = /^g\d{1,6}$/;
const MAX_LINES = MAX_NODES + MAX_EDGES + 2 * MAX_NODES + 16;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isVersion = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isLayout = (value: unknown): value is Layout => value === 'dagre' || value === 'elk';
const isSeverity = (value: unknown): value is DiagramSeverity | undefined =>
  value === undefined || value === 'error' || value === 'warning' || value === 'info';
const isShortText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

function messagesOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_MESSAGES) return undefined;
  return value.every(isShortText) ? [...value] : undefined;
}

function rangeOf(value: unknown): DiagramNodeInfo['range'] {
  // The webview never uses ranges; keep a well-formed one so the type stays honest.
  const position = (p: unknown) =>
    isObject(p) && isVersion(p['line']) && isVersion(p['character'])
      ? { line: p['line'], character: p['character'] }
      : { line: 0, character: 0 };
  return isObject(value)
    ? { start: position(value['start']), end: position(value['end']) }
    : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function countsOf(value: unknown): DiagramFindingCounts {
  // Only shown as numbers; a malformed count reads as none rather than refusing the diagram.
  const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);
  return isObject(value)
    ? { errors: count(value['errors']), warnings: count(value['warnings']), infos: count(value['infos']) }
    : { errors: 0, warnings: 0, infos: 0 };
}

function nodeOf(value: unknown): DiagramNodeInfo | undefined {
  if (!isObject(value)) return undefined;
  const { id, resourceId, type, typeName, label, severity, group, icon } = value;
  const messages = messagesOf(value['messages']);
  if (typeof id !== 'string' || !NODE_ID.test(id) || !isShortText(resourceId) || !isShortText(label)) return undefined;
  if (
    !(type === undefined || isShortText(type)) ||
    !(typeName === undefined || isShortText(typeName)) ||
    !isSeverity(severity) ||
    !messages
  )
    return undefined;
  if (!(group === undefined || (typeof group === 'string' && GROUP_ID.test(group))) || !(icon === undefined || isShortText(icon)))
    return undefined;
  return {
    id,
    resourceId,
    type,
    typeName,
    label,
    range: rangeOf(value['range']),
    group,
    deadLetter: value['deadLetter'] === true,
    icon,
    severity,
    messages,
    findings: countsOf(value['findings']),
  };
}

const EDGE_KINDS: readonly unknown[] = ['flow', 'subscription', 'deadLetter', 'onFailure'];

function edgeOf(value: unknown): DiagramEdgeInfo | undefined {
  if (!isObject(value)) return undefined;
  const { key, from, to, style, kind, label, rate, severity } = value;
  const messages = messagesOf(value['messages']);
  if (typeof from !== 'string' || !NODE_ID.test(from) || typeof to !== 'string' || !NODE_ID.test(to)) return undefined;
  if (style !== 'flow' && style !== 'subscription' && style !== 'dead-letter' && style !== 'rule' && style !== 'pipe' && style !== 'task')
    return undefined;
  if (!EDGE_KINDS.includes(kind) || !isShortText(key)) return undefined;
  if (!(label === undefined || isShortText(label)) || !isSeverity(severity) || !messages) return undefined;
  if (!(rate === undefined || (typeof rate === 'number' && Number.isFinite(rate)))) return undefined;
  return {
    key,
    from,
    to,
    style,
    kind: kind as DiagramEdgeInfo['kind'],
    label,
    rate,
    derivedRate: value['derivedRate'] === true,
    range: rangeOf(value['range']),
    severity,
    messages,
    findings: countsOf(value['findings']),
  };
}

function groupOf(value: unknown, nodeIds: ReadonlySet<string>): DiagramGroupInfo | undefined {
  if (!isObject(value)) return undefined;
  const { id, label, members } = value;
  if (typeof id !== 'string' || !GROUP_ID.test(id) || !isShortText(label) || !Array.isArray(members)) return undefined;
  if (!members.every((member) => typeof member === 'string' && nodeIds.has(member))) return undefined;
  return { id, label, members: [...(members as string[])] };
}

/** One line's statement; its ids must be the diagram's. */
function statementOf(value: unknown, nodeIds: ReadonlySet<string>, groupIds: ReadonlySet<string>): MermaidStatementInfo | undefined {
  if (!isObject(value)) return undefined;
  const isNode = (id: unknown): id is string => typeof id === 'string' && nodeIds.has(id);
  const isGroup = (id: unknown): id is string => typeof id === 'string' && groupIds.has(id);
  switch (value['kind']) {
    case 'header':
      return { kind: 'header' };
    case 'node':
      return isNode(value['id']) ? { kind: 'node', id: value['id'] } : undefined;
    case 'groupStart':
    case 'groupEnd':
      return isGroup(value['id']) ? { kind: value['kind'], id: value['id'] } : undefined;
    case 'edge':
      return isNode(value['from']) && isNode(value['to']) ? { kind: 'edge', from: value['from'], to: value['to'] } : undefined;
    case 'class': {
      const members = value['members'];
      const className = value['className'];
      if (
        typeof className !== 'string' ||
        !/^[A-Za-z][\w-]*$/.test(className) ||
        !Array.isArray(members) ||
        members.length === 0 ||
        !members.every(isNode)
      )
        return undefined;
      return { kind: 'class', className, members: [...members] };
    }
    default:
      return undefined;
  }
}

function verdictOf(value: unknown): DiagramVerdict | undefined {
  if (!isObject(value)) return undefined;
  if (value['kind'] === 'drawable') return { kind: 'drawable' };
  const { reason, ruleId, more } = value;
  if (value['kind'] !== 'broken' || !isShortText(reason) || !isShortText(ruleId) || !isVersion(more)) return undefined;
  return { kind: 'broken', reason, ruleId, more, range: rangeOf(value['range']) };
}

/** A well-formed diagram, or the reason it is not one. */
export function diagramOf(value: unknown): DiagramResult | string {
  if (!isObject(value)) return 'the diagram is not an object';
  const { uri, version, title, mermaid, nodes, edges, groups, outline, errors, warnings } = value;
  if (typeof mermaid !== 'string' || mermaid.length > MAX_MERMAID) return 'the Mermaid text is missing or too large';
  if (!Array.isArray(nodes) || nodes.length > MAX_NODES || !Array.isArray(edges) || edges.length > MAX_EDGES)
    return 'the node or edge list is missing or too large';
  if (!Array.isArray(groups) || groups.length > MAX_NODES || !Array.isArray(outline) || outline.length > MAX_LINES)
    return 'the group list or the outline is missing or too large';
  const verdict = verdictOf(value['verdict']);
  if (!verdict) return 'the verdict is missing or malformed';
  const nodeInfos = nodes.map(nodeOf);
  const edgeInfos = edges.map(edgeOf);
  if (nodeInfos.some((node) => !node)) return 'a node is malformed';
  if (edgeInfos.some((edge) => !edge)) return 'an edge is malformed';
  const ids = new Set(nodeInfos.map((node) => node!.id));
  if (ids.size !== nodeInfos.length) return 'two nodes share an id';
  if (edgeInfos.some((edge) => !ids.has(edge!.from) || !ids.has(edge!.to))) return 'an edge refers to a node that is not in the diagram';
  const groupInfos = groups.map((group) => groupOf(group, ids));
  if (groupInfos.some((group) => !group)) return 'a group is malformed';
  const groupIds = new Set(groupInfos.map((group) => group!.id));
  if (groupIds.size !== groupInfos.length) return 'two groups share an id';
  const statements = outline.map((statement) => statementOf(statement, ids, groupIds));
  if (statements.some((statement) => !statement)) return 'a line of the outline is malformed';
  return {
    uri: typeof uri === 'string' ? uri : '',
    version: isVersion(version) ? version : 0,
    verdict,
    // Optional: a title that is not short text is left out, not a reason to refuse the diagram.
    ...(isShortText(title) && title !== '' ? { title } : {}),
    mermaid,
    outline: statements as MermaidStatementInfo[],
    nodes: nodeInfos as DiagramNodeInfo[],
    edges: edgeInfos as DiagramEdgeInfo[],
    groups: groupInfos as DiagramGroupInfo[],
    errors: isVersion(errors) ? errors : 0,
    warnings: isVersion(warnings) ? warnings : 0,
    ...criticalPathOf(value['criticalPath'], new Set(edgeInfos.map((edge) => edge!.key))),
  };
}

/** Optional: a critical path naming edges the diagram does not have, or malformed, is left out. */
function criticalPathOf(value: unknown, edgeKeys: ReadonlySet<string>): { criticalPath?: NonNullable<DiagramResult['criticalPath']> } {
  if (!isObject(value)) return {};
  const { edges, p50, worst, text } = value;
  const seconds = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (!Array.isArray(edges) || edges.length === 0 || edges.length > MAX_EDGES) return {};
  if (!edges.every((key): key is string => typeof key === 'string' && edgeKeys.has(key))) return {};
  if (!seconds(p50) || !seconds(worst) || typeof text !== 'string' || text.length > 4000) return {};
  return { criticalPath: { edges, p50, worst, text } };
}

/** What was wrong with a message the extension sent, for the log and the banner. */
export class MalformedMessage {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {}
}

/**
 * The message as a `ToWebview`, `undefined` for messages that are not ours (no `type` we
 * know: other code may post to this window), or a `MalformedMessage` for one of ours that
 * is broken.
 */
export function parseToWebview(value: unknown): ToWebview | MalformedMessage | undefined {
  if (!isObject(value)) return undefined;
  switch (value['type']) {
    case 'render': {
      if (!isVersion(value['version'])) return new MalformedMessage('render', 'no version');
      if (!isLayout(value['layout'])) return new MalformedMessage('render', 'the layout is neither dagre nor elk');
      const diagram = diagramOf(value['diagram']);
      if (typeof diagram === 'string') return new MalformedMessage('render', diagram);
      return { type: 'render', version: value['version'], layout: value['layout'], diagram };
    }
    case 'stale':
      if (!isVersion(value['version']) || typeof value['reason'] !== 'string') return new MalformedMessage('stale', 'no version or reason');
      return { type: 'stale', version: value['version'], reason: value['reason'].slice(0, MAX_TEXT) };
    case 'highlight': {
      const resourceId = value['resourceId'];
      if (!(resourceId === null || isShortText(resourceId)))
        return new MalformedMessage('highlight', 'the resource id is neither text nor null');
      return { type: 'highlight', resourceId };
    }
    case 'fit':
      return { type: 'fit' };
    default:
      return undefined;
  }
}

/** For the `default` of a switch that handles every case: the compiler proves it unreachable. */
export function assertNever(value: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(value)}`);
}
