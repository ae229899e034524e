/**
 * Where a finding about an account-wide rate quota sits (EventBridge's PutEvents and
 * invocation quotas, Step Functions' StartExecution quota): AWS counts every bus or state
 * machine of the account in the Region together, so one finding covers them all.
 */
import type { ConnectionLoad } from '../model/capacity';
import type { Connection, FlowEntry, Resource } from '../model/model';
import type { Edits, TextEdit } from '../edit/edits';
import type { Report } from './types';

/** A connection that counts against the quota, with what it carries. */
export interface QuotaCarrier {
  readonly connection: Connection;
  readonly load: ConnectionLoad;
}

type Site = Pick<Report<string>, 'at' | 'connections' | 'related'>;

/**
 * On the `rate` value when one connection declares the whole of it (the finding is about that
 * connection); otherwise on the id of the resource that takes the most (`holder`: the bus, the
 * state machine; the first in document order on a tie), with related information on each
 * carrier's flow (`describe`), and about all of them.
 */
export function quotaSite(
  carriers: readonly QuotaCarrier[],
  holder: (carrier: QuotaCarrier) => Resource,
  weight: (carrier: QuotaCarrier) => number,
  describe: (carrier: QuotaCarrier) => string,
): Site {
  const only = carriers.length === 1 ? carriers[0]! : undefined;
  const rateNode = only?.load.declared ? only.connection.props.get('rate')?.node : undefined;
  if (only && rateNode) return { at: rateNode, connections: [only.connection], related: [] };
  const totals = new Map<Resource, number>();
  for (const carrier of carriers) totals.set(holder(carrier), (totals.get(holder(carrier)) ?? 0) + weight(carrier));
  let top: Resource | undefined;
  for (const [resource, total] of totals) if (!top || total > totals.get(top)!) top = resource;
  return {
    at: top!.key,
    connections: carriers.map((c) => c.connection),
    related: carriers.map((c) => ({ at: c.connection, message: describe(c) })),
  };
}

/**
 * Set a connection property on flow entries: in the entry's property map, or by turning a
 * plain `a -> b` entry into `a -> b: { key: value }`. Undefined when an entry cannot take it.
 */
export function setOnEntries(edits: Edits, entries: readonly FlowEntry[], key: string, value: string): TextEdit[] | undefined {
  const result: TextEdit[] = [];
  for (const entry of new Set(entries)) {
    if (entry.propsNode) result.push(edits.setProperty(entry.propsNode, key, value));
    else if (entry.node === entry.flowNode)
      result.push(edits.replace(entry.flowNode, `${edits.textOf(entry.flowNode)}: { ${key}: ${value} }`));
    else return undefined;
  }
  return result;
}
