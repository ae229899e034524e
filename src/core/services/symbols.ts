/**
 * The outline of one document (resources grouped by type, then the flows) and the
 * flat resource list the server merges across files for workspace symbol search.
 */
import type { Analysis } from '../analyze';
import type { FlowEntry, Resource } from '../model/model';
import { findPair, isScalar, type YPair } from '../parse/ast';
import type { ResourceType } from '../model/properties';
import type { OffsetRange } from '../text/line-index';
import { writtenIdRange } from './navigation';
import type { DocumentSymbolEntry, SymbolKind } from './types';

export interface WorkspaceSymbolEntry extends OffsetRange {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly detail: string;
}

/** Icons by role: messaging, compute, entry points, data stores. */
const KIND_BY_TYPE: Record<ResourceType, SymbolKind> = {
  sqs: 'event', sns: 'event', kinesis: 'event', firehose: 'event',
  lambda: 'function', ecs: 'function', eks: 'function', apprunner: 'function', beanstalk: 'function', ec2: 'function', schedule: 'function',
  'api-gateway': 'interface', alb: 'interface', cloudfront: 'interface',
  dynamodb: 'field', s3: 'field', rds: 'field', efs: 'field',
  client: 'object',
};

/** VS Code rejects a symbol with an empty name, which a half-typed key can have. */
const NO_ID = '(no id)';
const NO_TYPE = '(no type)';
const EMPTY_FLOW = '(empty flow)';
const MAX_NAME_LENGTH = 200;

export function documentSymbols(analysis: Analysis): DocumentSymbolEntry[] {
  const { model } = analysis;
  const symbols: DocumentSymbolEntry[] = [];
  const resourcesPair = findPair(model.root, 'resources');
  if (resourcesPair) symbols.push(resourcesSymbol(analysis, resourcesPair));
  const flowsPair = findPair(model.root, 'flows');
  if (flowsPair) symbols.push(flowsSymbol(analysis, flowsPair));
  return symbols.sort((a, b) => a.start - b.start);
}

function resourcesSymbol(analysis: Analysis, pair: YPair): DocumentSymbolEntry {
  const groups = new Map<string, Resource[]>();
  for (const resource of analysis.model.resources) {
    const type = typeText(resource);
    const group = groups.get(type);
    if (group) group.push(resource);
    else groups.set(type, [resource]);
  }
  const children: DocumentSymbolEntry[] = [];
  for (const [type, resources] of groups) {
    const members = resources.map((resource) => resourceSymbol(analysis, resource));
    children.push({
      name: `${type} (${members.length})`,
      kind: 'namespace',
      // A type's resources need not be next to each other: the group spans from its first to its last.
      ...spanOf(members),
      selection: members[0]!.selection,
      children: members,
    });
  }
  const count = analysis.model.resources.length;
  return {
    name: 'resources',
    detail: `${count} ${count === 1 ? 'resource' : 'resources'}`,
    kind: 'module',
    ...spanOf([pair, ...children]),
    selection: { start: pair.key.start, end: pair.key.end },
    children,
  };
}

function resourceSymbol(analysis: Analysis, resource: Resource): DocumentSymbolEntry {
  const label = resource.props.get('label');
  const detail = typeof label?.raw === 'string' && label.raw.trim() !== '' ? label.raw : typeText(resource);
  const selection = writtenIdRange(analysis.text, resource.key, resource.id).range;
  return {
    name: displayName(resource.id, NO_ID),
    detail,
    kind: resource.type ? KIND_BY_TYPE[resource.type] : 'object',
    start: resource.pair.start,
    end: Math.max(resource.pair.end, selection.end),
    selection,
    children: [],
  };
}

function flowsSymbol(analysis: Analysis, pair: YPair): DocumentSymbolEntry {
  const children = analysis.model.flows.map(flowSymbol);
  const count = children.length;
  return {
    name: 'flows',
    detail: `${count} ${count === 1 ? 'entry' : 'entries'}`,
    kind: 'array',
    ...spanOf([pair, ...children]),
    selection: { start: pair.key.start, end: pair.key.end },
    children,
  };
}

function flowSymbol(entry: FlowEntry): DocumentSymbolEntry {
  const written = String(entry.flowNode.value ?? '').replace(/\s+/g, ' ').trim();
  const count = entry.connections.length;
  return {
    name: displayName(written, EMPTY_FLOW),
    ...(count > 0 ? { detail: `${count} ${count === 1 ? 'connection' : 'connections'}` } : {}),
    kind: 'event',
    start: Math.min(entry.node.start, entry.flowNode.start),
    end: Math.max(entry.node.end, entry.flowNode.end),
    selection: { start: entry.flowNode.start, end: entry.flowNode.end },
    children: [],
  };
}

/** Every resource of the document, for the server to merge across files and filter with `matchesQuery`. */
export function workspaceSymbols(analysis: Analysis): WorkspaceSymbolEntry[] {
  return analysis.model.resources
    .filter((resource) => resource.id !== '')
    .map((resource) => ({
      name: resource.id,
      kind: resource.type ? KIND_BY_TYPE[resource.type] : 'object',
      detail: typeText(resource),
      ...writtenIdRange(analysis.text, resource.key, resource.id).range,
    }));
}

/**
 * VS Code's workspace symbol filter: every character of the query appears in the name,
 * in order, ignoring case (`ojd` finds `orders-jobs-dlq`). Spaces in the query are
 * ignored; an empty query matches everything.
 */
export function matchesQuery(name: string, query: string): boolean {
  const wanted = query.replace(/\s+/g, '').toLowerCase();
  if (wanted === '') return true;
  const haystack = name.toLowerCase();
  let next = 0;
  for (let i = 0; i < haystack.length && next < wanted.length; i++) {
    if (haystack[i] === wanted[next]) next++;
  }
  return next === wanted.length;
}

/** The type as written, so that a half-typed `type: sq` still groups under what the user sees. */
function typeText(resource: Resource): string {
  if (resource.type) return resource.type;
  const typeNode = findPair(resource.node, 'type')?.value;
  if (isScalar(typeNode) && typeNode.value !== null && String(typeNode.value).trim() !== '') return shorten(String(typeNode.value));
  return NO_TYPE;
}

/** The smallest range holding all of `ranges` (a loop: a spread of 40,000 arguments can overflow the stack). */
function spanOf(ranges: readonly OffsetRange[]): OffsetRange {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const range of ranges) {
    if (range.start < start) start = range.start;
    if (range.end > end) end = range.end;
  }
  return { start, end };
}

function displayName(text: string, whenEmpty: string): string {
  return text === '' ? whenEmpty : shorten(text);
}

function shorten(text: string): string {
  return text.length > MAX_NAME_LENGTH ? text.slice(0, MAX_NAME_LENGTH - 1) + '…' : text;
}
