/** Property values: enums, booleans, encryption, units after a number, AWS defaults, examples. */
import { COMMON_PROPERTIES, RESOURCE_TYPES, TYPE_PROPERTIES, type PropertySpec, type ResourceType } from '../../model/properties';
import { formatBytes, formatMegabytes, formatSeconds, parseDuration, parseMegabytes, parseSize } from '../../parse/values';
import type { CompletionEntry } from '../types';
import type { Context } from './context';
import { pad, SCHEMA, type SchemaNode, schemaProperty, TYPE_DETAILS } from './context';
import { deadLetterTargets } from './resource-ids';
import { describe, objectSnippet } from './resource-keys';
import { plainSnippet } from './snippets';

interface Slot {
  readonly name: string;
  readonly spec: PropertySpec | undefined;
  readonly node: SchemaNode | undefined;
  readonly type: ResourceType | undefined;
}

export function slot(type: ResourceType, name: string): Slot {
  return { name, spec: TYPE_PROPERTIES[type][name] ?? COMMON_PROPERTIES[name], node: schemaProperty(type, name), type };
}

export function typeValues(c: Context): CompletionEntry[] {
  return RESOURCE_TYPES.map((type, index) =>
    c.value(type, 'type', {
      detail: TYPE_DETAILS[type],
      documentation: SCHEMA.$defs[type]?.description,
      sortText: pad(index),
    }),
  );
}

export function propertyValues(c: Context, target: Slot): CompletionEntry[] {
  const spec = target.spec;
  if (!spec) return [];
  switch (spec.kind) {
    case 'enum':
      return (spec.values ?? []).map((value, index) =>
        c.value(value, 'value', {
          ...(value === (target.node?.default ?? spec.default) ? { detail: 'AWS default' } : {}),
          ...(target.node?.description ? { documentation: target.node.description } : {}),
          sortText: pad(index),
        }),
      );
    case 'boolean':
      return booleans(c, target.node, spec);
    case 'encryption':
      return encryptionValues(c, target.type);
    case 'duration':
    case 'size':
    case 'megabytes':
    case 'rate':
    case 'cpu':
      return unitValues(c, spec.kind, target.name) ?? defaultValue(c, target.node);
    case 'object':
    case 'map':
    case 'list': {
      const value = objectSnippet(target.name, target.type);
      if (!value || c.place.inFlow || c.place.quoted || c.partial !== '') return [];
      return [
        c.value(
          plainSnippet(value.replace(/\$\{(\d+)\}/g, '$${$1:…}')),
          'snippet',
          {
            snippet: true,
            detail: describe(spec, target.node, target.type),
            ...(target.node?.description ? { documentation: target.node.description } : {}),
          },
          value,
        ),
      ];
    }
    default:
      return stringValues(c, target);
  }
}

function booleans(c: Context, node: SchemaNode | undefined, spec: PropertySpec): CompletionEntry[] {
  const fallback = node?.default ?? spec.default;
  return ['true', 'false'].map((value, index) =>
    c.value(value, 'value', {
      ...(String(fallback) === value ? { detail: 'AWS default' } : {}),
      ...(node?.description ? { documentation: node.description } : {}),
      sortText: pad(index),
    }),
  );
}

function encryptionValues(c: Context, type: ResourceType | undefined): CompletionEntry[] {
  const entries: CompletionEntry[] = [
    c.value('kms', 'value', {
      detail: 'SSE-KMS, AWS managed key',
      documentation: `SSE-KMS with the service's AWS managed key (\`alias/aws/${type === 'sqs' || type === 'sns' || type === 'kinesis' ? type : '…'}\`). SNS, EventBridge and S3 cannot publish into a queue or topic encrypted with it (\`encryption/service-producer-key\`).`,
      sortText: '000',
    }),
  ];
  if (!c.place.quoted) {
    entries.push(
      c.value(
        '{ kms: alias/… }',
        'value',
        {
          snippet: true,
          detail: 'SSE-KMS, customer managed key',
          documentation:
            'SSE-KMS with a customer managed key (an alias, key id or ARN): its key policy can let SNS, EventBridge and S3 use it.',
          filterText: 'kms',
          sortText: '001',
        },
        '{ kms: ${1:alias/my-key} }',
      ),
    );
  }
  if (type === 'sqs')
    entries.push(
      c.value('sqs-managed', 'value', {
        detail: 'SSE-SQS',
        documentation: 'SSE-SQS: encryption with keys owned by SQS, at no cost. New queues get it by default (since 2022).',
        sortText: '002',
      }),
    );
  // DynamoDB and S3 always encrypt: there is no `none` to choose.
  if (type !== 'dynamodb' && type !== 's3' && type !== 'eventbridge')
    entries.push(
      c.value('none', 'value', {
        detail: 'not encrypted',
        documentation: 'No encryption at rest (`encryption/at-rest` warns).',
        sortText: '003',
      }),
    );
  return entries;
}

const DURATION_UNITS: readonly string[] = ['s', 'm', 'h', 'ms', 'd'];

const LONG_DURATION_UNITS: readonly string[] = ['d', 'h', 'm', 's', 'ms'];

const SIZE_UNITS: readonly string[] = ['KB', 'MB', 'GB', 'KiB', 'MiB', 'GiB', 'B'];

const MEGABYTE_UNITS: readonly string[] = ['MB', 'GB', 'MiB', 'GiB'];

const RATE_UNITS: readonly { unit: string; text: string }[] = [
  { unit: '/s', text: 'per second' },
  { unit: '/min', text: 'per minute' },
  { unit: '/h', text: 'per hour' },
  { unit: '/day', text: 'per day' },
];

/** After a number: the number with each unit of the property's kind, replacing it. */
export function unitValues(
  c: Context,
  kind: 'duration' | 'size' | 'megabytes' | 'rate' | 'cpu',
  name: string,
): CompletionEntry[] | undefined {
  const match = /^(\d+(?:\.\d+)?)(\s*)([A-Za-z/]*)$/.exec(c.partial);
  if (!match || c.place.quoted) return undefined;
  const number = match[1]!;
  const value = Number(number);
  const made = (label: string, detail: string, index: number): CompletionEntry => c.value(label, 'unit', { detail, sortText: pad(index) });
  switch (kind) {
    case 'duration':
      return (name === 'retention' ? LONG_DURATION_UNITS : DURATION_UNITS).map((unit, index) =>
        made(`${number}${unit}`, formatSeconds(parseDuration(`${number}${unit}`) ?? 0), index),
      );
    case 'size':
      return SIZE_UNITS.map((unit, index) => made(`${number}${unit}`, sizeDetail(parseSize(`${number}${unit}`) ?? 0), index));
    case 'megabytes':
      return MEGABYTE_UNITS.map((unit, index) => made(`${number}${unit}`, formatMegabytes(parseMegabytes(`${number}${unit}`) ?? 0), index));
    case 'rate':
      return RATE_UNITS.map(({ unit, text }, index) => made(`${number}${unit}`, `${number} ${text}`, index));
    case 'cpu':
      return [made(`${number} vCPU`, `${Math.round(value * 1024)} CPU units`, 0)];
  }
}

function sizeDetail(bytes: number): string {
  const exact = bytes.toLocaleString('en-US');
  return bytes < 1024 ? `${exact} bytes` : `${formatBytes(bytes)} (${exact} bytes)`;
}

export function defaultValue(c: Context, node: SchemaNode | undefined): CompletionEntry[] {
  if (node?.default === undefined || (c.partial !== '' && !String(node.default).startsWith(c.partial))) return [];
  return [
    c.value(String(node.default), 'value', { detail: 'AWS default', ...(node.description ? { documentation: node.description } : {}) }),
  ];
}

export function examples(c: Context, node: SchemaNode | undefined): CompletionEntry[] {
  return (node?.examples ?? [])
    .filter((example): example is string => typeof example === 'string')
    .map((example, index) =>
      c.value(example, 'value', { ...(node?.description ? { documentation: node.description } : {}), sortText: pad(index) }),
    );
}

function stringValues(c: Context, target: Slot): CompletionEntry[] {
  if (target.name === 'expression') {
    return [
      c.value(
        'rate(…)',
        'snippet',
        { snippet: true, detail: 'every fixed interval', documentation: target.node?.description, filterText: 'rate', sortText: '000' },
        'rate(${1:5 minutes})',
      ),
      c.value(
        'cron(…)',
        'snippet',
        { snippet: true, detail: 'at set times (UTC)', documentation: target.node?.description, filterText: 'cron', sortText: '001' },
        'cron(${1:0 2 * * ? *})',
      ),
      // A one-time schedule is EventBridge Scheduler's alone (`schedule/scheduler-only` on a `kind: rule`).
      ...(c.where.kind === 'resource-value' && c.where.resourceEntries().get('kind') === 'rule'
        ? []
        : [
            c.value(
              'at(…)',
              'snippet',
              {
                snippet: true,
                detail: 'once, at a date and time (Scheduler only)',
                documentation: target.node?.description,
                filterText: 'at',
                sortText: '002',
              },
              'at(${1:2027-01-01T09:00:00})',
            ),
          ]),
    ];
  }
  if (target.name === 'group') {
    const groups = new Set<string>();
    for (const resource of c.analysis.model.resources) {
      const group = resource.props.get('group')?.raw;
      if (typeof group === 'string' && group !== '') groups.add(group);
    }
    return [...groups].map((group) => c.value(group, 'value', { detail: 'group used in this file' }));
  }
  return examples(c, target.node);
}

export function nestedValues(
  c: Context,
  type: ResourceType,
  parent: string,
  name: string,
  resourceId: string | undefined,
): CompletionEntry[] {
  const parentSpec = TYPE_PROPERTIES[type][parent];
  if (!parentSpec) return [];
  if (parentSpec.kind === 'encryption' && name === 'kms') return kmsKeys(c);
  if (parentSpec.kind !== 'object') return [];
  if (parent === 'deadLetter' && name === 'target') return deadLetterTargets(c, type, resourceId);
  const spec = parentSpec.properties?.[name];
  return propertyValues(c, { name, spec, node: schemaProperty(type, parent)?.properties?.[name], type });
}

function kmsKeys(c: Context): CompletionEntry[] {
  const keys = new Set<string>();
  for (const resource of c.analysis.model.resources) {
    const encryption = resource.props.get('encryption')?.value;
    if (typeof encryption === 'object' && encryption.kind === 'kms-customer-managed') keys.add(encryption.key);
  }
  return [...keys].map((key) => c.value(key, 'value', { detail: 'key used in this file' }));
}

/**
 * The S3 event types a notification to SQS, SNS or Lambda can name, the families first
 * (`s3:ObjectCreated:*` is every way an object is created). From "Supported event types for
 * SQS, SNS, and Lambda": https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
 */
const S3_EVENT_TYPES: readonly (readonly [string, string])[] = [
  ['s3:ObjectCreated:*', 'an object is created, by any API'],
  ['s3:ObjectRemoved:*', 'an object or version is deleted'],
  ['s3:ObjectCreated:Put', 'PutObject'],
  ['s3:ObjectCreated:Post', 'a browser POST upload'],
  ['s3:ObjectCreated:Copy', 'CopyObject'],
  ['s3:ObjectCreated:CompleteMultipartUpload', 'a multipart upload completes'],
  ['s3:ObjectRemoved:Delete', 'an object or version is deleted for good'],
  ['s3:ObjectRemoved:DeleteMarkerCreated', 'a delete marker is created (versioned bucket)'],
  ['s3:ObjectRestore:*', 'a restore from an archive class starts, completes or expires'],
  ['s3:ObjectRestore:Post', 'a restore starts'],
  ['s3:ObjectRestore:Completed', 'a restore completes'],
  ['s3:ObjectRestore:Delete', 'a restored copy expires'],
  ['s3:ObjectTagging:*', 'tags are added or removed'],
  ['s3:ObjectTagging:Put', 'tags are added or replaced'],
  ['s3:ObjectTagging:Delete', 'tags are removed'],
  ['s3:ObjectAcl:Put', 'an object ACL changes'],
  ['s3:LifecycleExpiration:*', 'a lifecycle rule expires an object'],
  ['s3:LifecycleExpiration:Delete', 'a lifecycle rule deletes an object'],
  ['s3:LifecycleExpiration:DeleteMarkerCreated', 'a lifecycle rule creates a delete marker'],
  ['s3:LifecycleTransition', 'a lifecycle rule moves an object to another storage class'],
  ['s3:IntelligentTiering', 'Intelligent-Tiering moves an object to an archive tier'],
  ['s3:Replication:*', 'a replication event'],
  ['s3:Replication:OperationFailedReplication', 'an object failed to replicate'],
  ['s3:Replication:OperationMissedThreshold', 'an object missed the replication time threshold'],
  ['s3:Replication:OperationReplicatedAfterThreshold', 'an object replicated after the threshold'],
  ['s3:Replication:OperationNotTracked', 'an object is no longer tracked by replication metrics'],
  ['s3:ReducedRedundancyLostObject', 'a Reduced Redundancy object was lost'],
];

/** An item of an S3 notification's `events` list: the event types not listed yet. */
export function s3EventNames(c: Context): CompletionEntry[] {
  // In `[a, b, ‸]` the names before the cursor's item are on its line.
  const before = c.text.slice(c.doc.starts[c.doc.lineAt(c.end)], c.place.partialStart);
  const listed = new Set(before.split(/[\s,[\]'"]+/).filter(Boolean));
  const node = SCHEMA.$defs.connection?.properties?.events;
  return S3_EVENT_TYPES.filter(([name]) => !listed.has(name)).map(([name, detail], index) =>
    c.value(name, 'value', {
      detail,
      ...(node?.description ? { documentation: node.description } : {}),
      // The name is one word to the editor only from `s3:` on: filter on all of it.
      filterText: name,
      sortText: pad(index),
    }),
  );
}
