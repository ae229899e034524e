/** Under `flows:`: the ids on each side of an arrow, ranked by what the other side can connect to, and the connection properties. */
import { classifyConnection, PIPE_SOURCES, type Verdict } from '../../model/connections';
import type { Resource } from '../../model/model';
import { CONNECTION_PROPERTIES, type PropertySpec, type ResourceType } from '../../model/properties';
import type { CompletionEntry } from '../types';
import type { KeyPath } from '../cursor-context';
import { flowSnippets } from './snippets';
import type { Context } from './context';
import { pad, SCHEMA, type SchemaNode } from './context';
import {
  candidates,
  enrichmentIds,
  hasFlowOutbound,
  idEntries,
  onFailureTargets,
  rankConnection,
  type RankedId,
  SINKS,
  subscriptionDeadLetterTargets,
} from './resource-ids';
import { propertyKeyEntry } from './resource-keys';
import { propertyValues, s3EventNames } from './values';

/** What a connection's kind makes relevant, shown first. */
const RELEVANT_CONNECTION_KEYS: Readonly<Record<string, readonly string[]>> = {
  'event-source-mapping': ['batchSize', 'batchWindow', 'maxConcurrency', 'onFailure', 'parallelization'],
  subscription: ['filter', 'rawDelivery', 'deadLetter'],
  send: ['batching', 'messageGroups', 'partitionKey'],
  'rule-target': ['pattern', 'rule', 'onFailure', 'retry', 'label'],
  pipe: ['filter', 'enrich', 'batchSize', 'batchWindow', 'onFailure', 'label'],
  task: ['callback'],
  notification: ['events', 'filter'],
};

/**
 * The keys of format 1.1 that mean something on one kind of connection only: offered
 * where one of the entry's connections is of that kind, and left out where none is (a
 * `callback` on an SNS subscription, a `pattern` on a queue's consumer). An entry with an
 * id of unknown type keeps them all: what it connects is not known yet.
 */
const KEY_APPLIES: Readonly<Record<string, (pair: Pair) => boolean>> = {
  pattern: (pair) => pair.kind === 'rule-target' && pair.source === 'eventbridge',
  rule: (pair) => pair.kind === 'rule-target' && pair.source === 'eventbridge',
  retry: (pair) => pair.kind === 'rule-target',
  via: (pair) => PIPE_SOURCES.includes(pair.source),
  enrich: (pair) => pair.kind === 'pipe',
  events: (pair) => pair.kind === 'notification' && pair.source === 's3',
  callback: (pair) => pair.kind === 'task',
  parallelization: (pair) => pair.kind === 'event-source-mapping' && pair.source !== 'sqs',
};

/** One connection a flow entry makes, as completion sees it. */
interface Pair {
  readonly source: ResourceType;
  readonly target: ResourceType;
  readonly targetFifo: boolean;
  readonly kind: Verdict['kind'];
  /** Not a connection as written, but one through an EventBridge Pipe (`via: pipe`). */
  readonly pipeable: boolean;
}

/** The keys written in the flow entry's map of properties, wherever in it the cursor is. */
function connectionEntries(c: Context): ReadonlyMap<string, string> {
  const segment = c.place.path[3];
  return segment ? segment.entries() : c.place.entries();
}

/** The connections a flow entry's text makes between ids of known type; `complete` is false when an id's type is unknown. */
function entryPairs(c: Context, flowText: string, via: string | undefined): { pairs: Pair[]; complete: boolean } {
  const { model } = c.analysis;
  const steps = flowText.split('->').map((side) =>
    side
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
  const pairs: Pair[] = [];
  let complete = steps.length >= 2;
  for (let step = 0; step + 1 < steps.length; step++) {
    for (const from of steps[step]!) {
      for (const to of steps[step + 1]!) {
        const source = model.byId.get(from)?.type;
        const targetResource = model.byId.get(to);
        const target = targetResource?.type;
        if (!source || !target) {
          complete = false;
          continue;
        }
        const kind = classifyConnection(source, target, { via }).kind;
        const pipeable = kind === 'invalid' && via !== 'pipe' && classifyConnection(source, target, { via: 'pipe' }).kind === 'pipe';
        pairs.push({ source, target, targetFifo: targetResource.fifo, kind, pipeable });
      }
    }
  }
  return { pairs, complete };
}

export function connectionKeys(c: Context, flowText: string, parents: KeyPath): CompletionEntry[] {
  if (parents.length > 0) return nestedConnectionKeys(c, flowText, parents);
  const present = c.place.entries();
  const relevant = new Set<string>(['rate', 'size']);
  const { pairs, complete } = entryPairs(c, flowText, connectionEntries(c).get('via'));
  for (const pair of pairs) {
    // `queue -> workflow` is no connection as written: `via: pipe` makes it one.
    if (pair.pipeable) relevant.add('via');
    for (const key of RELEVANT_CONNECTION_KEYS[pair.kind] ?? []) {
      if (key === 'partitionKey' && pair.target !== 'kinesis') continue;
      if (key === 'messageGroups' && !pair.targetFifo) continue;
      // SQS sources have maxConcurrency; stream sources (Kinesis, DynamoDB) the parallelization factor.
      if (key === 'maxConcurrency' && pair.source !== 'sqs') continue;
      if (key === 'parallelization' && pair.source === 'sqs') continue;
      if ((key === 'events' || key === 'filter') && pair.kind === 'notification' && pair.source !== 's3') continue;
      // A schedule's target has no event pattern and no rule name of its own.
      if ((key === 'pattern' || key === 'rule') && pair.source !== 'eventbridge') continue;
      relevant.add(key);
    }
  }
  const applies = (name: string): boolean => {
    const test = KEY_APPLIES[name];
    return !test || !complete || pairs.some(test);
  };
  const connection = SCHEMA.$defs.connection?.properties ?? {};
  const s3Filter = pairs.some((pair) => pair.kind === 'notification' && pair.source === 's3');
  const pipeFilter = pairs.some((pair) => pair.kind === 'pipe');
  return Object.entries(CONNECTION_PROPERTIES)
    .filter(([name]) => !present.has(name) && applies(name))
    .map(([name, spec], index) => {
      let entry = propertyKeyEntry(c, name, spec, connection[name], undefined, index);
      // A notification's filter is an object key prefix and suffix; a Pipe's, an event pattern.
      const filter =
        name === 'filter' && entry.snippet ? (s3Filter ? S3_FILTER_SNIPPET : pipeFilter ? PIPE_FILTER_SNIPPET : undefined) : undefined;
      if (filter) entry = { ...entry, insertText: `filter: ${filter}` };
      return { ...entry, sortText: `${relevant.has(name) ? 0 : 1}${pad(index)}` };
    });
}

const S3_FILTER_SNIPPET = '{ prefix: ${1:uploads/}, suffix: ${2:.jpg} }';
const PIPE_FILTER_SNIPPET = '{ body: { ${1:status}: [${2:PAID}] } }';

/** Keys inside a connection property's map: a rule's `retry`, an S3 notification's `filter`. */
function nestedConnectionKeys(c: Context, flowText: string, parents: KeyPath): CompletionEntry[] {
  const [parent] = parents;
  if (parents.length !== 1 || typeof parent !== 'string') return [];
  const present = c.place.entries();
  const node = SCHEMA.$defs.connection?.properties?.[parent];
  let children: Readonly<Record<string, PropertySpec>> | undefined = CONNECTION_PROPERTIES[parent]?.properties;
  let nodes = node?.properties;
  if (parent === 'filter') {
    // Only an S3 notification's filter has keys of the format's own; a filter policy's or a pattern's are the user's fields.
    const { pairs } = entryPairs(c, flowText, connectionEntries(c).get('via'));
    if (!pairs.some((pair) => pair.kind === 'notification' && pair.source === 's3')) return [];
    children = S3_FILTER_KEYS;
    nodes = S3_FILTER_NODES;
  }
  if (!children) return [];
  return Object.entries(children)
    .filter(([name]) => !present.has(name))
    .map(([name, spec], index) => propertyKeyEntry(c, name, spec, nodes?.[name], undefined, index));
}

const S3_FILTER_KEYS: Readonly<Record<string, PropertySpec>> = { prefix: { kind: 'string' }, suffix: { kind: 'string' } };
const S3_FILTER_NODES: Readonly<Record<string, SchemaNode>> = {
  prefix: {
    description:
      'The start of the object keys that trigger the notification (`uploads/`). S3 rejects two notifications of the same event type whose prefixes and suffixes overlap.',
  },
  suffix: { description: 'The end of the object keys that trigger the notification (`.jpg`).' },
};

export function connectionValues(c: Context, flowText: string, name: string, nested: KeyPath): CompletionEntry[] {
  if (nested.length > 0) return nestedConnectionValues(c, name, nested);
  if (name === 'onFailure')
    return onFailureTargets(
      c,
      entryPairs(c, flowText, connectionEntries(c).get('via')).pairs.map((pair) => pair.kind),
    );
  if (name === 'deadLetter') return subscriptionDeadLetterTargets(c);
  if (name === 'enrich') return enrichmentIds(c);
  const spec = CONNECTION_PROPERTIES[name];
  return propertyValues(c, { name, spec, node: SCHEMA.$defs.connection?.properties?.[name], type: undefined });
}

function nestedConnectionValues(c: Context, name: string, nested: KeyPath): CompletionEntry[] {
  const [child] = nested;
  if (nested.length !== 1) return [];
  if (name === 'events' && child === null) return s3EventNames(c);
  if (typeof child !== 'string') return [];
  const spec = CONNECTION_PROPERTIES[name]?.properties?.[child];
  return propertyValues(c, { name: child, spec, node: SCHEMA.$defs.connection?.properties?.[name]?.properties?.[child], type: undefined });
}

export function flowIds(c: Context): CompletionEntry[] {
  const before = c.text.slice(c.place.valueStart, c.end);
  if (before.includes(':')) return [];
  const sides = before.split('->');
  const pieces = sides[sides.length - 1]!.split(',');
  const last = /^\s*([A-Za-z0-9_.-]*)$/.exec(pieces[pieces.length - 1]!);
  if (!last) return [];
  const ids = (side: string | undefined): string[] =>
    (side ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  const previous = sides.length >= 2 ? ids(sides[sides.length - 2]) : [];
  let rest = c.restOfLine();
  const stop = rest.search(/:(\s|$)|\s#|["'\]}]/);
  if (stop >= 0) rest = rest.slice(0, stop);
  const restSides = rest.split('->');
  const sameStep = new Set([
    ...pieces.slice(0, -1).map((id) => id.trim()),
    ...ids(restSides[0]).slice(restSides[0]!.trimStart().startsWith(',') ? 0 : 1),
  ]);
  const next = ids(restSides[1]);
  const { model } = c.analysis;
  // `- a -> ‸: { via: pipe }`: the entry is a Pipe, whatever the two ends could be without it.
  const via = /\bvia\s*:\s*['"]?pipe\b/.test(c.restOfLine()) ? 'pipe' : undefined;
  const pool = candidates(c).filter((resource) => !sameStep.has(resource.id));
  const typed = (list: string[]): Resource[] => list.map((id) => model.byId.get(id)).filter((r): r is Resource => r !== undefined);
  let ranked: RankedId[];
  if (previous.length > 0) {
    const sources = typed(previous);
    ranked = pool.map((candidate) => rankConnection(c, candidate, sources, 'target', previous.includes(candidate.id), via));
  } else if (next.length > 0) {
    const targets = typed(next);
    ranked = pool.map((candidate) => rankConnection(c, candidate, targets, 'source', next.includes(candidate.id), via));
  } else {
    ranked = pool.map((candidate) => {
      const likely =
        candidate.type !== undefined &&
        !SINKS.includes(candidate.type) &&
        !model.deadLetterIds.has(candidate.id) &&
        !hasFlowOutbound(c, candidate);
      return { resource: candidate, rank: likely ? '0' : '1' };
    });
  }
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  // `a ->‸`: a space keeps the arrow readable.
  const prefix = last[1] === '' && /->$/.test(before) ? ' ' : '';
  const entries = idEntries(c, ranked, prefix, c.end - last[1]!.length);
  if (sides.length === 1 && pieces.length === 1 && rest.trim() === '' && !c.place.quoted) entries.push(...flowSnippets(c, false));
  return entries;
}
