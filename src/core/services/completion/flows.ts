/** Under `flows:`: the ids on each side of an arrow, ranked by what the other side can connect to, and the connection properties. */
import { classifyConnection } from '../../model/connections';
import type { Resource } from '../../model/model';
import { CONNECTION_PROPERTIES } from '../../model/properties';
import type { CompletionEntry } from '../types';
import { flowSnippets } from './snippets';
import type { Context } from './context';
import { pad, SCHEMA } from './context';
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
import { propertyValues } from './values';

/** What a connection's kind makes relevant, shown first. */
const RELEVANT_CONNECTION_KEYS: Readonly<Record<string, readonly string[]>> = {
  'event-source-mapping': ['batchSize', 'batchWindow', 'maxConcurrency', 'onFailure', 'parallelization'],
  subscription: ['filter', 'rawDelivery', 'deadLetter'],
  send: ['batching', 'messageGroups', 'partitionKey'],
  'rule-target': ['pattern', 'rule', 'onFailure', 'retry'],
  pipe: ['filter', 'enrich', 'batchSize', 'batchWindow', 'onFailure'],
  task: ['callback'],
  notification: ['events', 'filter'],
};

export function connectionKeys(c: Context, flowText: string): CompletionEntry[] {
  const present = c.place.entries();
  const relevant = new Set<string>(['rate', 'size']);
  const { model } = c.analysis;
  const steps = flowText.split('->').map((side) =>
    side
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
  for (let step = 0; step + 1 < steps.length; step++) {
    for (const from of steps[step]!) {
      for (const to of steps[step + 1]!) {
        const source = model.byId.get(from)?.type;
        const target = model.byId.get(to)?.type;
        if (!source || !target) continue;
        const kind = classifyConnection(source, target).kind;
        for (const key of RELEVANT_CONNECTION_KEYS[kind] ?? []) {
          if (key === 'partitionKey' && target !== 'kinesis') continue;
          if (key === 'messageGroups' && !model.byId.get(to)?.fifo) continue;
          // SQS sources have maxConcurrency; stream sources (Kinesis, DynamoDB) the parallelization factor.
          if (key === 'maxConcurrency' && source !== 'sqs') continue;
          if (key === 'parallelization' && source === 'sqs') continue;
          if ((key === 'events' || key === 'filter') && kind === 'notification' && source !== 's3') continue;
          relevant.add(key);
        }
      }
    }
  }
  const connection = SCHEMA.$defs.connection?.properties ?? {};
  return Object.entries(CONNECTION_PROPERTIES)
    .filter(([name]) => !present.has(name))
    .map(([name, spec], index) => {
      const entry = propertyKeyEntry(c, name, spec, connection[name], undefined, index);
      return { ...entry, sortText: `${relevant.has(name) ? 0 : 1}${pad(index)}` };
    });
}

export function connectionValues(c: Context, name: string): CompletionEntry[] {
  if (name === 'onFailure') return onFailureTargets(c);
  if (name === 'deadLetter') return subscriptionDeadLetterTargets(c);
  if (name === 'enrich') return enrichmentIds(c);
  const spec = CONNECTION_PROPERTIES[name];
  return propertyValues(c, { name, spec, node: SCHEMA.$defs.connection?.properties?.[name], type: undefined });
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
  const pool = candidates(c).filter((resource) => !sameStep.has(resource.id));
  const typed = (list: string[]): Resource[] => list.map((id) => model.byId.get(id)).filter((r): r is Resource => r !== undefined);
  let ranked: RankedId[];
  if (previous.length > 0) {
    const sources = typed(previous);
    ranked = pool.map((candidate) => rankConnection(c, candidate, sources, 'target', previous.includes(candidate.id)));
  } else if (next.length > 0) {
    const targets = typed(next);
    ranked = pool.map((candidate) => rankConnection(c, candidate, targets, 'source', next.includes(candidate.id)));
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
