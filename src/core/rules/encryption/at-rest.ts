import { defineRule } from '../define-rule';
import { FIREHOSE, SNS, SQS } from '../../limits/aws';
import { removeProperty } from '../../edit/remove';
import type { Edits, TextEdit } from '../../edit/edits';
import type { Model, Prop, Resource } from '../../model/model';
import type { ResourceType } from '../../model/properties';
import { findPair, isMap, type YMap, type YNode } from '../../parse/ast';
import type { RuleContext } from '../types';

const KINESIS_SSE = 'https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html';
const S3_DEFAULT = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html';
const DYNAMODB_AT_REST = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html';

/** What each type keeps at rest, for the message. */
const CONTENT: Partial<Record<ResourceType, string>> = {
  sqs: 'messages',
  sns: 'messages',
  kinesis: 'records',
  firehose: 'buffered records',
  rds: 'data',
  efs: 'files',
};

/** Services that encrypt everything at rest whatever the configuration says. */
const ALWAYS: Partial<Record<ResourceType, string>> = {
  s3: 'S3 encrypts every new object (SSE-S3 by default since January 2023)',
  dynamodb: 'DynamoDB encrypts every table, at least with an AWS owned key, and cannot turn it off',
};

/** Producers that cannot use a topic's AWS managed key (see encryption/service-producer-key). */
const SERVICE_PRODUCERS: readonly ResourceType[] = ['schedule', 's3'];

export default defineRule({
  id: 'encryption/at-rest',
  defaultSeverity: 'warning',
  summary:
    'An SNS topic or Kinesis stream without encryption, a Firehose stream without it (info), or any resource with `encryption: none`',
  sources: [SNS.encryptionAtRest, KINESIS_SSE, FIREHOSE.encryption, SQS.defaultEncryption, S3_DEFAULT, DYNAMODB_AT_REST],
  fixable: true,
  hasSuggestions: true,
  messages: {
    missingTopic: "Topic '{id}' has no `encryption`: SNS stores its messages unencrypted at rest unless server-side encryption is on.",
    missingStream: "Stream '{id}' has no `encryption`: Kinesis stores its records unencrypted at rest unless server-side encryption is on.",
    missingFirehose:
      "Firehose stream '{id}' has no `encryption`: server-side encryption of the records it takes by direct put is off. Turn it on if they are sensitive (`encryption: kms`, or a customer managed key).",
    none: "'{id}' sets `encryption: none`: its {content} are stored unencrypted at rest.",
    noneDefaults: '`defaults` set `encryption: none` for {type}: {ids} store their {content} unencrypted at rest.',
    noneAlways: "'{id}' sets `encryption: none`, but {always}: the file does not describe what AWS deploys.",
    noneAlwaysDefaults: '`defaults` set `encryption: none` for {type}, but {always}: the file does not describe what AWS deploys.',
    setKms: 'Set encryption to `kms` (the AWS managed key)',
    overrideNoneKms: 'Encrypt with KMS (overrides `encryption: none`)',
    overrideNoneSqsManaged: 'Encrypt with SSE-SQS (overrides `encryption: none`)',
    setCustomerKey: 'Use a customer managed key (`{ kms: {alias} }`)',
    removeNone: 'Remove `encryption: none` (AWS encrypts by default)',
  },
  check(context) {
    const { model } = context;
    const fromDefaults = new Map<YNode, { prop: Prop; type: ResourceType; resources: Resource[] }>();
    for (const resource of model.resources) {
      const type = resource.type;
      if (!type) continue;
      const encryption = resource.props.get('encryption');
      if (!encryption) {
        if ((type === 'sns' || type === 'kinesis') && resource.node) reportMissing(context, model, resource, type);
        // With a Kinesis stream as its source, Firehose keeps nothing at rest: the stream's encryption is what counts.
        else if (type === 'firehose' && resource.node && !fedByKinesis(model, resource))
          reportMissingFirehose(context, resource, resource.node);
        continue;
      }
      const value = encryption.value;
      if (!encryption.node || typeof value !== 'object' || value.kind !== 'none') continue;
      if (encryption.fromDefaults) {
        const group = fromDefaults.get(encryption.node);
        if (group) group.resources.push(resource);
        else fromDefaults.set(encryption.node, { prop: encryption, type, resources: [resource] });
        continue;
      }
      reportNone(context, model, encryption, type, [resource]);
    }
    for (const { prop, type, resources } of fromDefaults.values()) reportNone(context, model, prop, type, resources);
  },
});

type Context = RuleContext<
  | 'missingTopic'
  | 'missingStream'
  | 'missingFirehose'
  | 'none'
  | 'noneDefaults'
  | 'noneAlways'
  | 'noneAlwaysDefaults'
  | 'setKms'
  | 'overrideNoneKms'
  | 'overrideNoneSqsManaged'
  | 'setCustomerKey'
  | 'removeNone'
>;

function reportMissing(context: Context, model: Model, resource: Resource, type: 'sns' | 'kinesis'): void {
  const map = resource.node!;
  const insert = (valueText: string) => (edits: Edits) => edits.insertProperty(map, 'encryption', valueText);
  const data = { id: resource.id };
  const messageId = type === 'sns' ? 'missingTopic' : 'missingStream';
  if (type === 'sns' && fedByService(model, resource)) {
    // `kms` would break EventBridge or S3 deliveries: only a customer managed key fits, and it needs a key policy.
    const alias = customerKey(resource);
    context.report({
      at: resource.key,
      messageId,
      data,
      suggest: [{ messageId: 'setCustomerKey', data: { alias }, build: insert(`{ kms: ${alias} }`) }],
    });
    return;
  }
  context.report({ at: resource.key, messageId, data, fix: { messageId: 'setKms', build: insert('kms') } });
}

/** Advice, not a risk of loss: Firehose's own interim storage is encrypted, SSE adds a key the user chooses. */
function reportMissingFirehose(context: Context, resource: Resource, map: YMap): void {
  context.report({
    at: resource.key,
    messageId: 'missingFirehose',
    severity: 'info',
    data: { id: resource.id },
    fix: { messageId: 'setKms', build: (edits: Edits) => edits.insertProperty(map, 'encryption', 'kms') },
  });
}

function fedByKinesis(model: Model, resource: Resource): boolean {
  return model.inbound(resource).some((connection) => connection.origin === 'flow' && connection.from?.type === 'kinesis');
}

function reportNone(context: Context, model: Model, prop: Prop, type: ResourceType, resources: readonly Resource[]): void {
  const node = prop.node!;
  const ids = resources.map((resource) => `'${resource.id}'`).join(', ');
  const always = ALWAYS[type];
  if (always) {
    const map = prop.fromDefaults ? defaultsMap(model, type) : resources[0]!.node;
    context.report({
      at: node,
      messageId: prop.fromDefaults ? 'noneAlwaysDefaults' : 'noneAlways',
      severity: 'info',
      data: { id: resources[0]!.id, type, always },
      ...(map ? { fix: { messageId: 'removeNone' as const, build: (edits: Edits) => removeProperty(edits, map, 'encryption') } } : {}),
    });
    return;
  }
  const messageId = prop.fromDefaults ? 'noneDefaults' : 'none';
  const data = { id: resources[0]!.id, ids, type, content: CONTENT[type] ?? 'data' };
  const replace =
    (valueText: string) =>
    (edits: Edits): TextEdit =>
      edits.replace(node, valueText);
  if (type === 'sns' && resources.some((resource) => fedByService(model, resource))) {
    const alias = customerKey(resources[0]!);
    context.report({
      at: node,
      messageId,
      data,
      suggest: [{ messageId: 'setCustomerKey', data: { alias }, build: replace(`{ kms: ${alias} }`) }],
    });
    return;
  }
  // `none` is a choice AWS accepts, perhaps made on purpose: the fix waits for the user's decision.
  const fix =
    type === 'sqs'
      ? { messageId: 'overrideNoneSqsManaged' as const, build: replace('sqs-managed'), safeForFixAll: false as const }
      : { messageId: 'overrideNoneKms' as const, build: replace('kms'), safeForFixAll: false as const };
  context.report({ at: node, messageId, data, fix });
}

function fedByService(model: Model, resource: Resource): boolean {
  return model
    .inbound(resource)
    .some((connection) => connection.origin === 'flow' && !!connection.from?.type && SERVICE_PRODUCERS.includes(connection.from.type));
}

function customerKey(resource: Resource): string {
  return `alias/${resource.id.replace(/[^A-Za-z0-9/_-]/g, '-')}-key`;
}

function defaultsMap(model: Model, type: ResourceType): YMap | null {
  const defaults = findPair(model.root, 'defaults')?.value;
  const map = isMap(defaults) ? findPair(defaults, type)?.value : undefined;
  return isMap(map) ? map : null;
}
