import { defineRule } from '../define-rule';
import { EVENTBRIDGE, SCHEDULER, SNS, SQS } from '../../limits/aws';
import type { Edits, TextEdit } from '../../edit/edits';
import { scheduleKind, type Connection, type Prop, type Resource } from '../../model/model';
import type { ResourceType } from '../../model/properties';
import { isMap } from '../../parse/ast';
import { nodeEnd } from '../../edit/remove';

/** AWS services that deliver with their own service principal, which the AWS managed key's policy leaves out. */
const SERVICE: Partial<Record<ResourceType, string>> = {
  sns: 'SNS',
  schedule: 'EventBridge',
  eventbridge: 'EventBridge',
  s3: 'S3 event notifications',
};

export default defineRule({
  id: 'encryption/service-producer-key',
  defaultSeverity: 'error',
  summary:
    "An SQS queue or SNS topic encrypted with the AWS managed KMS key and fed by SNS, EventBridge or S3 (also as an EventBridge rule's or schedule's dead-letter queue), whose deliveries then fail",
  sources: [SQS.keyManagement, SNS.keyManagement, EVENTBRIDGE.targetDeadLetterQueue, SCHEDULER.deadLetterQueue],
  fixable: false,
  hasSuggestions: true,
  messages: {
    awsManagedKey:
      "{kind} '{id}' is encrypted with the AWS managed key ({alias}), whose key policy cannot be changed to let {service} use it: {failure}. Use a customer managed key that grants {principal} kms:GenerateDataKey* and kms:Decrypt{orSqs}.",
    useSqsManaged: 'Use SSE-SQS (`encryption: sqs-managed`)',
    useCustomerKey: 'Use a customer managed key (`{ kms: {alias} }`)',
  },
  check(context) {
    const { model } = context;
    for (const resource of [...model.ofType('sqs'), ...model.ofType('sns')]) {
      const encryption = resource.props.get('encryption');
      const value = encryption?.value;
      if (!encryption?.node || typeof value !== 'object' || value.kind !== 'kms-aws-managed') continue;
      const producers = model.inbound(resource).filter((connection) => {
        const type = connection.from?.type;
        if (!type || !SERVICE[type]) return false;
        // EventBridge Scheduler delivers (and dead-letters) with the schedule's execution role, an IAM
        // principal of the account, which the AWS managed key's policy lets use SQS and SNS.
        if (type === 'schedule' && scheduleKind(connection.from!) === 'scheduler') return false;
        // A rule's or schedule's target sends the events it could not deliver to its dead-letter queue (`onFailure`).
        if (connection.origin === 'onFailure') return isDeadLetterSender(connection);
        if (connection.origin !== 'flow') return false;
        return type !== 'sns' || resource.type === 'sqs';
      });
      const first = producers[0];
      if (!first?.from?.type) continue;
      const queue = resource.type === 'sqs';
      const customerKey = `alias/${resource.id.replace(/[^A-Za-z0-9/_-]/g, '-')}-key`;
      const services = [...new Set(producers.map((connection) => SERVICE[connection.from!.type!]!))];
      context.report({
        at: { start: encryption.node.start, end: nodeEnd(encryption.node) },
        // The deliveries that fail: the diagram marks their edges.
        connections: producers,
        messageId: 'awsManagedKey',
        data: {
          kind: queue ? 'Queue' : 'Topic',
          id: resource.id,
          alias: queue ? 'alias/aws/sqs' : 'alias/aws/sns',
          service: services.join(' or '),
          failure: isDeadLetterSender(first)
            ? `the events '${first.from.id}' could not deliver cannot be sent to this dead-letter queue, and are lost`
            : `deliveries from '${first.from.id}' fail`,
          principal: services.map(principalOf).join(' and '),
          orSqs: queue ? ', or SSE-SQS (`sqs-managed`)' : '',
        },
        related: producers
          .filter((connection) => connection.entry)
          .map((connection) => ({
            at: connection,
            message: isDeadLetterSender(connection)
              ? `${SERVICE[connection.from!.type!]} sends the events it could not deliver to '${resource.id}' here`
              : `${SERVICE[connection.from!.type!]} delivers to '${resource.id}' here`,
          })),
        suggest: [
          ...(queue
            ? [{ messageId: 'useSqsManaged' as const, build: (edits: Edits) => setEncryption(edits, resource, encryption, 'sqs-managed') }]
            : []),
          {
            messageId: 'useCustomerKey',
            data: { alias: customerKey },
            build: (edits) => setEncryption(edits, resource, encryption, `{ kms: ${customerKey} }`),
          },
        ],
      });
    }
  },
});

/** The `onFailure` of a bus's or schedule's target: EventBridge (or Scheduler) itself writes to that queue. */
function isDeadLetterSender(connection: Connection): boolean {
  const type = connection.from?.type;
  return connection.origin === 'onFailure' && (type === 'eventbridge' || type === 'schedule');
}

function principalOf(service: string): string {
  if (service === 'SNS') return 'sns.amazonaws.com';
  if (service === 'EventBridge') return 'events.amazonaws.com';
  return 's3.amazonaws.com';
}

/**
 * Change the resource's encryption. A value from `defaults` stays for the other
 * resources: the resource gets its own. A block map value is replaced from its key's
 * colon, so no line break is swallowed.
 */
function setEncryption(edits: Edits, resource: Resource, encryption: Prop, valueText: string): TextEdit | undefined {
  const node = encryption.node;
  if (!node) return undefined;
  if (encryption.fromDefaults) return resource.node ? edits.insertProperty(resource.node, 'encryption', valueText) : undefined;
  if (isMap(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    return last ? edits.replace({ start: encryption.key.end, end: last.end }, `: ${valueText}`) : undefined;
  }
  return edits.replace(node, valueText);
}
