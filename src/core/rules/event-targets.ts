/**
 * Shared by the EventBridge rules: which connections are targets of an EventBridge rule
 * or of a schedule (a scheduled rule or a Scheduler schedule). Their targets take the
 * same `onFailure` (a dead-letter queue) and `retry` (a retry policy).
 */
import { classifyConnection, connectionOptions } from '../model/connections';
import type { Connection, FlowEntry } from '../model/model';

/** A flow connection from a bus or a schedule that AWS makes as a rule or schedule target. */
export function isEventTarget(connection: Connection): boolean {
  const from = connection.from?.type;
  const to = connection.to?.type;
  if (connection.origin !== 'flow' || !from || !to || (from !== 'eventbridge' && from !== 'schedule')) return false;
  return classifyConnection(from, to, connectionOptions(connection)).kind === 'rule-target';
}

/** The entry's rule and schedule targets, in document order. */
export function eventTargetsOf(entry: FlowEntry): Connection[] {
  return entry.connections.filter(isEventTarget);
}

/** `rule` for a bus's target, `schedule` for a schedule's: what the messages call the sender. */
export function senderText(connection: Connection): string {
  return connection.from?.type === 'schedule' ? `Schedule '${connection.from.id}'` : `The rule on bus '${connection.from!.id}'`;
}
