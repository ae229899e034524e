/**
 * Shared by the rules whose remedy is "make this queue or topic FIFO" or "make it
 * standard" (sqs/dlq-type, sns/fifo-subscription): the edits, and whether the change
 * leaves the resource's other connections valid. A FIFO queue's or topic's name must end
 * in `.fifo` and a standard one's must not, so the change renames it where needed, as
 * sqs/fifo-name's fix does: the `name:` value, or the id and every reference.
 */
import { SQS } from '../limits/aws';
import type { Edits, TextEdit } from '../edit/edits';
import type { Model, Resource } from '../model/model';
import { isScalar } from '../parse/ast';

const SUFFIX = '.fifo';
const SNS_NAME_MAX = 256;
/** Properties only a FIFO queue or topic takes. */
const FIFO_ONLY = ['highThroughput', 'contentBasedDeduplication'];

/** The name the resource has after the change. */
export function nameAfterChange(resource: Resource, fifo: boolean): string {
  const name = resource.physicalName;
  if (fifo) return name.endsWith(SUFFIX) ? name : name + SUFFIX;
  return name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : name;
}

/**
 * Whether making `resource` FIFO (or standard) keeps every connection it has valid: its
 * queues and topics on both sides must be of the new type, S3 sends only to standard ones,
 * a FIFO topic delivers only to queues, a FIFO queue takes no batch window and batches of at
 * most 10, and a standard one takes no FIFO-only property.
 */
export function canChangeFifo(model: Model, resource: Resource, fifo: boolean): boolean {
  if (!resource.node || resource.fifo === fifo) return false;
  for (const connection of model.inbound(resource)) {
    const from = connection.from;
    if (!from?.type) return false;
    if ((from.type === 'sqs' || from.type === 'sns') && from.fifo !== fifo) return false;
    if (fifo && from.type === 's3') return false;
    // Lambda's dead-letter queue and failure destinations take only standard queues.
    if (fifo && connection.origin !== 'flow' && from.type !== 'sqs') return false;
  }
  for (const connection of model.outbound(resource)) {
    const to = connection.to;
    if (!to?.type) return false;
    if ((to.type === 'sqs' || to.type === 'sns') && to.fifo !== fifo) return false;
    if (fifo && resource.type === 'sns' && to.type !== 'sqs') return false;
    if (fifo && resource.type === 'sqs') {
      const size = connection.props.get('batchSize')?.value;
      if (connection.props.has('batchWindow') || (typeof size === 'number' && size > 10)) return false;
    }
  }
  if (!fifo && FIFO_ONLY.some((name) => resource.props.get(name)?.value === true)) return false;
  return renamable(model, resource, nameAfterChange(resource, fifo));
}

/** The edits: `fifo: true` right after `type:` (or `fifo: false`), and the rename. */
export function changeFifo(edits: Edits, model: Model, resource: Resource, fifo: boolean): TextEdit[] | undefined {
  const map = resource.node;
  if (!map) return undefined;
  const result: TextEdit[] = [];
  const own = resource.props.get('fifo');
  if (fifo) {
    result.push(
      own && !own.fromDefaults && own.node ? edits.replace(own.node, 'true') : edits.insertProperty(map, 'fifo', 'true', { after: 'type' }),
    );
  } else if (own && !own.fromDefaults && own.node) {
    // `false` in place keeps the line and any comment on it.
    result.push(edits.replace(own.node, 'false'));
  } else {
    // `fifo: true` from `defaults` stays for the others: this one says false.
    result.push(edits.insertProperty(map, 'fifo', 'false', { after: 'type' }));
  }
  const newName = nameAfterChange(resource, fifo);
  if (newName !== resource.physicalName) {
    const renamed = rename(edits, model, resource, newName);
    if (!renamed) return undefined;
    result.push(...renamed);
  }
  return result;
}

function ownNameNode(resource: Resource) {
  const prop = resource.props.get('name');
  if (!prop || prop.fromDefaults || !isScalar(prop.node) || typeof prop.value !== 'string') return undefined;
  return prop.value === resource.physicalName ? prop.node : undefined;
}

function renamable(model: Model, resource: Resource, newName: string): boolean {
  if (newName === resource.physicalName) return true;
  const max = resource.type === 'sqs' ? SQS.nameMaxLength.value : SNS_NAME_MAX;
  if (newName === '' || newName.length > max) return false;
  if (ownNameNode(resource)) return true;
  // The id is the name: a taken id, or an id written twice, is left to the user.
  return !model.byId.has(newName) && model.resources.filter((r) => r.id === resource.id).length === 1 && /^[A-Za-z0-9]/.test(newName);
}

function rename(edits: Edits, model: Model, resource: Resource, newName: string): TextEdit[] | undefined {
  const nameNode = ownNameNode(resource);
  if (!nameNode) return edits.renameResource(model, resource.id, newName);
  const written = edits.textOf(nameNode);
  const name = resource.physicalName;
  if (written === name) return [edits.replace(nameNode, newName)];
  if (written === `"${name}"` || written === `'${name}'`)
    return [edits.replace({ start: nameNode.start + 1, end: nameNode.end - 1 }, newName)];
  return undefined;
}
