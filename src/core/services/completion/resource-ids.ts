/** Resource ids as values: dead-letter queues, on-failure destinations, volumes, and the ranking of a connection's other end. */
import { classifyConnection, CONNECTION_KIND_TEXT, type Verdict } from '../../model/connections';
import type { Resource } from '../../model/model';
import type { ResourceType } from '../../model/properties';
import { RESOURCE_ID } from '../../parse/flows';
import type { CompletionEntry } from '../types';
import type { Context } from './context';
import { pad } from './context';
import { likelyTargetsOf, typeRecord } from '../../model/resource-types';

export const SINKS: readonly ResourceType[] = ['dynamodb', 'rds', 'efs'];

/** For a source type, the target types people connect it to, most usual first. */
const LIKELY_TARGETS = typeRecord((_facts, type) => likelyTargetsOf(type));

export function candidates(c: Context): Resource[] {
  const seen = new Set<string>();
  return c.analysis.model.resources.filter((resource) => {
    if (seen.has(resource.id) || !RESOURCE_ID.test(resource.id)) return false;
    seen.add(resource.id);
    return true;
  });
}

function idDetail(resource: Resource): string {
  return `${resource.type ?? 'unknown type'}${resource.fifo ? ' · FIFO' : ''}`;
}

export interface RankedId {
  readonly resource: Resource;
  readonly rank: string;
  readonly documentation?: string;
}

export function idEntries(c: Context, ranked: RankedId[], insertPrefix = '', replaceStart = c.place.partialStart): CompletionEntry[] {
  const order = new Map(c.analysis.model.resources.map((resource, index) => [resource, index]));
  return ranked.map(({ resource, rank, documentation }) => ({
    ...c.value(
      resource.id,
      'resource',
      {
        detail: idDetail(resource),
        ...(documentation ? { documentation } : {}),
        sortText: `${rank}${pad(order.get(resource) ?? 0, 6)}`,
      },
      insertPrefix + resource.id,
    ),
    replace: { start: replaceStart, end: c.end },
  }));
}

function hasFlowInbound(c: Context, resource: Resource): boolean {
  return c.analysis.model.inbound(resource).some((connection) => connection.origin === 'flow');
}

export function hasFlowOutbound(c: Context, resource: Resource): boolean {
  return c.analysis.model.outbound(resource).some((connection) => connection.origin === 'flow');
}

/**
 * Rank a candidate for the other end of a connection: the types usually connected first,
 * then the others AWS allows, then those of unknown type, and what AWS cannot connect last.
 */
export function rankConnection(
  c: Context,
  candidate: Resource,
  others: Resource[],
  role: 'source' | 'target',
  loops: boolean,
  via?: string,
): RankedId {
  if (loops)
    return {
      resource: candidate,
      rank: '3999',
      documentation: 'Connects the resource to itself: a message would loop forever (`graph/cycle`).',
    };
  if (!candidate.type) return { resource: candidate, rank: '2999' };
  let best = 99;
  let verdict: Verdict | undefined;
  let other: Resource | undefined;
  for (const resource of others) {
    if (!resource.type) continue;
    const [source, target] = role === 'target' ? [resource, candidate] : [candidate, resource];
    const [from, to] = [source.type!, target.type!];
    const current = classifyConnection(from, to, { via });
    const reason = current.kind === 'invalid' ? current.reason : fifoProblem(source, target);
    if (reason !== undefined) {
      // `queue -> workflow`: no connection as written, one through a Pipe: after those AWS makes as written.
      if (current.kind === 'invalid' && via === undefined && classifyConnection(from, to, { via: 'pipe' }).kind === 'pipe') {
        const arrow = role === 'target' ? `${resource.id} → ${candidate.id}` : `${candidate.id} → ${resource.id}`;
        return {
          resource: candidate,
          rank: '2000',
          documentation: `**${arrow}** through an EventBridge Pipe: add \`{ via: pipe }\` (${CONNECTION_KIND_TEXT.pipe}).`,
        };
      }
      return { resource: candidate, rank: '3999', documentation: `Not a connection AWS can make: ${reason}.` };
    }
    verdict ??= current;
    other ??= resource;
    const index = LIKELY_TARGETS[from].indexOf(to);
    // A FIFO topic can deliver to a standard queue, but order and deduplication are lost.
    const mixed = from === 'sns' && source.fifo && !target.fifo;
    if (index >= 0 && !mixed) best = Math.min(best, index);
  }
  if (!verdict || !other) return { resource: candidate, rank: '1999' };
  // A dead-letter queue receives failures, not flows: offer it after every ordinary target.
  if (role === 'target' && c.analysis.model.deadLetterIds.has(candidate.id)) best = Math.max(best, 98);
  const inbound = role === 'target' ? hasFlowInbound(c, candidate) : hasFlowOutbound(c, candidate);
  const arrow = role === 'target' ? `${other.id} → ${candidate.id}` : `${candidate.id} → ${other.id}`;
  const documentation = verdict.kind === 'invalid' ? undefined : `**${arrow}**: ${CONNECTION_KIND_TEXT[verdict.kind]}.`;
  return {
    resource: candidate,
    rank: `${best < 99 ? 0 : 1}${pad(best, 2)}${inbound ? 1 : 0}`,
    ...(documentation ? { documentation } : {}),
  };
}

/** What `sns/fifo-subscription` and `s3/fifo-notification` report as errors, before they are written. */
function fifoProblem(source: Resource, target: Resource): string | undefined {
  if (source.type === 's3') return target.type === 'sqs' && target.fifo ? 'S3 event notifications cannot go to a FIFO queue' : undefined;
  if (source.type !== 'sns') return undefined;
  if (source.fifo && target.type !== 'sqs') return 'a FIFO topic delivers only to SQS queues';
  if (!source.fifo && target.type === 'sqs' && target.fifo) return 'a standard topic cannot deliver to a FIFO queue';
  return undefined;
}

const DLQ_NAME = /dlq|dead/i;

export function deadLetterTargets(c: Context, ownerType: ResourceType, ownerId: string | undefined): CompletionEntry[] {
  const ownerFifo = ownerId !== undefined && c.resourceFifo();
  const ranked = candidates(c)
    .filter((resource) => resource.id !== ownerId)
    .map((resource): RankedId => {
      let tier: number;
      let documentation: string | undefined;
      if (ownerType === 'lambda') {
        tier = (resource.type === 'sqs' || resource.type === 'sns') && !resource.fifo ? 0 : 3;
        if (tier === 3)
          documentation = 'Lambda sends failed asynchronous invocations only to a standard SQS queue or SNS topic (`lambda/dlq-target`).';
      } else if (ownerType === 'sqs') {
        tier = resource.type !== 'sqs' ? 3 : resource.fifo === ownerFifo ? 0 : 1;
        if (tier === 1)
          documentation = `A ${ownerFifo ? 'FIFO' : 'standard'} queue needs a ${ownerFifo ? 'FIFO' : 'standard'} dead-letter queue (\`sqs/dlq-type\`).`;
        if (tier === 3) documentation = 'A dead-letter queue must be an SQS queue.';
      } else {
        tier = resource.type === 'sqs' ? 0 : resource.type === 'sns' ? 1 : 3;
      }
      const named = DLQ_NAME.test(resource.id) ? (ownerId && resource.id.startsWith(ownerId) ? 0 : 1) : 2;
      return { resource, rank: `${tier}${named}${hasFlowInbound(c, resource) ? 1 : 0}`, ...(documentation ? { documentation } : {}) };
    });
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

/**
 * `onFailure`: an event source mapping sends what it gave up on to a standard SQS queue or
 * SNS topic; an EventBridge rule's or schedule's target, and a Pipe, to a standard SQS queue,
 * its dead-letter queue (a FIFO one is `eventbridge/dlq-type`).
 */
export function onFailureTargets(c: Context, kinds: readonly string[]): CompletionEntry[] {
  const queueOnly = kinds.length > 0 && kinds.every((kind) => kind === 'rule-target' || kind === 'pipe');
  const why = queueOnly
    ? "An EventBridge rule's or schedule's target, or a Pipe, sends what it could not deliver to a standard SQS queue, its dead-letter queue."
    : 'An event source mapping sends what it gave up on to a standard SQS queue or SNS topic.';
  const ranked = candidates(c).map((resource): RankedId => {
    const fits = (resource.type === 'sqs' || (resource.type === 'sns' && !queueOnly)) && !resource.fifo;
    return fits ? { resource, rank: `0${DLQ_NAME.test(resource.id) ? 0 : 1}` } : { resource, rank: '39', documentation: why };
  });
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

/** A subscription's dead-letter queue is an SQS queue (FIFO for a FIFO topic's subscription). */
export function subscriptionDeadLetterTargets(c: Context): CompletionEntry[] {
  const ranked = candidates(c).map((resource): RankedId =>
    resource.type === 'sqs'
      ? { resource, rank: `0${DLQ_NAME.test(resource.id) ? 0 : 1}` }
      : { resource, rank: '39', documentation: "A subscription's redrive policy names an SQS queue." },
  );
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

/** A Pipe's enrichment step is a Lambda function or a Step Functions state machine. */
export function enrichmentIds(c: Context): CompletionEntry[] {
  const ranked = candidates(c).map((resource): RankedId =>
    resource.type === 'lambda' || resource.type === 'stepfunctions'
      ? { resource, rank: '0' }
      : { resource, rank: '39', documentation: 'A Pipe enriches with a Lambda function or a Step Functions state machine.' },
  );
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}

export function volumeIds(c: Context, ownerId: string): CompletionEntry[] {
  const ranked = candidates(c)
    .filter((resource) => resource.id !== ownerId)
    .map((resource): RankedId => ({ resource, rank: resource.type === 'efs' ? '0' : '3' }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return idEntries(c, ranked);
}
