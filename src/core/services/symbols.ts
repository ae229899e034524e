/**
 * The outline of one document (the resources, in their `group`s where a group's members
 * stand together, then the flows) and the flat resource list the server merges across
 * files for workspace symbol search. Sibling ranges never overlap: editors find the
 * symbol at the cursor (breadcrumbs, sticky scroll) by range.
 */
import type { Analysis } from '../analyze';
import type { FlowEntry, Resource } from '../model/model';
import { findPair, isScalar, type YPair } from '../parse/ast';
import { typeRecord, type ResourceCategory } from '../model/resource-types';
import type { OffsetRange } from '../text/line-index';
import { writtenIdRange } from './navigation';
import { typeDisplayName } from '../model/connections';
import type { DocumentSymbolEntry, SymbolKind } from './types';

export interface WorkspaceSymbolEntry extends OffsetRange {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly detail: string;
}

/** Icons by role: messaging, compute, entry points, data stores. */
const KIND_BY_CATEGORY: Record<ResourceCategory, SymbolKind> = {
  messaging: 'event',
  compute: 'function',
  schedule: 'function',
  'entry-point': 'interface',
  'data-store': 'field',
  external: 'object',
  'event-bus': 'event',
  workflow: 'function',
};
const KIND_BY_TYPE = typeRecord((facts) => KIND_BY_CATEGORY[facts.category]);

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
  const children = resourceChildren(analysis);
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

/**
 * The resources in document order. A `group:` whose members stand next to each other
 * becomes a symbol holding them; a group whose members are interleaved with other
 * resources stays flat, its name in each member's detail: a range spanning from its
 * first to its last member would hold other resources too, and breadcrumbs and sticky
 * scroll would then name the wrong group for them.
 */
function resourceChildren(analysis: Analysis): DocumentSymbolEntry[] {
  const { resources } = analysis.model;
  const groups = resources.map(groupOf);
  const contiguous = contiguousGroups(groups);
  const children: DocumentSymbolEntry[] = [];
  for (let i = 0; i < resources.length; i++) {
    const group = groups[i];
    if (group === undefined || !contiguous.has(group)) {
      children.push(resourceSymbol(analysis, resources[i]!, group));
      continue;
    }
    let last = i;
    while (last + 1 < resources.length && groups[last + 1] === group) last++;
    const members = resources.slice(i, last + 1).map((resource) => resourceSymbol(analysis, resource, undefined));
    children.push({
      name: shorten(group),
      detail: `${members.length} ${members.length === 1 ? 'resource' : 'resources'}`,
      kind: 'namespace',
      ...spanOf(members),
      selection: groupSelection(resources[i]!) ?? members[0]!.selection,
      children: members,
    });
    i = last;
  }
  return children;
}

/** The resource's `group`, trimmed; undefined when it has none. */
function groupOf(resource: Resource): string | undefined {
  const raw = resource.props.get('group')?.raw;
  if (raw === undefined || raw === null || typeof raw === 'object') return undefined;
  const group = String(raw).trim();
  return group === '' ? undefined : group;
}

/** The groups whose members form one run in document order. */
function contiguousGroups(groups: readonly (string | undefined)[]): Set<string> {
  const seen = new Set<string>();
  const broken = new Set<string>();
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (group === undefined || group === groups[i - 1]) continue;
    if (seen.has(group)) broken.add(group);
    seen.add(group);
  }
  return new Set([...seen].filter((group) => !broken.has(group)));
}

/** The group's name as written on its first member (inside that member's range), when written there. */
function groupSelection(resource: Resource): OffsetRange | undefined {
  const prop = resource.props.get('group');
  // An alias's node is where its anchor is, which may be another resource.
  if (!prop || prop.fromDefaults || !prop.node || prop.node.start < resource.pair.start || prop.node.end > resource.pair.end)
    return undefined;
  return { start: prop.node.start, end: prop.node.end };
}

/** Detail: the type for people, the label, and the group when no group symbol holds the resource. */
function resourceSymbol(analysis: Analysis, resource: Resource, flatGroup: string | undefined): DocumentSymbolEntry {
  const label = resource.props.get('label');
  const details = [resource.type ? typeDisplayName(resource.type) : typeText(resource)];
  if (typeof label?.raw === 'string' && label.raw.trim() !== '') details.push(shorten(label.raw.trim()));
  if (flatGroup !== undefined) details.push(`group ${shorten(flatGroup)}`);
  const selection = writtenIdRange(analysis.text, resource.key, resource.id).range;
  return {
    name: displayName(resource.id, NO_ID),
    detail: details.join(' · '),
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
  const written = String(entry.flowNode.value ?? '')
    .replace(/\s+/g, ' ')
    .trim();
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
