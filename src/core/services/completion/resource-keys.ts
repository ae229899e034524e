/** Keys inside a resource (or `defaults.<type>`): its type's properties, the common ones, and the keys of nested objects. */
import { COMMON_PROPERTIES, TYPE_PROPERTIES, type PropertySpec, type ResourceType } from '../../model/properties';
import type { CompletionEntry } from '../types';
import type { Context } from './context';
import { followedByColon, keyInsert, pad, SCHEMA, type SchemaNode, schemaProperty } from './context';

const COMMON_KEYS = ['label', 'description', 'group', 'name'] as const;

export function propertyKeys(c: Context, type: ResourceType | undefined, withCommon: boolean): CompletionEntry[] {
  const present = c.place.entries();
  const entries: CompletionEntry[] = [];
  let order = 0;
  const add = (name: string, spec: PropertySpec, node: SchemaNode | undefined): void => {
    if (present.has(name)) return;
    entries.push(propertyKeyEntry(c, name, spec, node, type, order++));
  };
  if (withCommon) {
    add('type', COMMON_PROPERTIES.type!, SCHEMA.$defs.resource?.properties?.type);
  }
  if (type) for (const [name, spec] of Object.entries(TYPE_PROPERTIES[type])) add(name, spec, schemaProperty(type, name));
  if (withCommon) for (const name of COMMON_KEYS) add(name, COMMON_PROPERTIES[name]!, schemaProperty(type ?? 'client', name));
  return entries;
}

export function nestedKeys(c: Context, type: ResourceType, parent: string): CompletionEntry[] {
  const spec = TYPE_PROPERTIES[type][parent];
  if (!spec) return [];
  const present = c.place.entries();
  if (spec.kind === 'encryption') {
    if (present.has('kms')) return [];
    const node = SCHEMA.$defs.encryption?.then?.properties?.kms;
    return [c.entry('kms', 'property', keyInsert(c, 'kms'), { detail: 'customer managed key', documentation: node?.description })];
  }
  if (spec.kind !== 'object' || !spec.properties) return [];
  const parentNode = schemaProperty(type, parent);
  return Object.entries(spec.properties)
    .filter(([name]) => !present.has(name))
    .map(([name, child], index) => propertyKeyEntry(c, name, child, parentNode?.properties?.[name], type, index));
}

/** Values written inline for object properties: `deadLetter: { target: … }`. */
export function objectSnippet(name: string, type: ResourceType | undefined): string | undefined {
  switch (name) {
    case 'deadLetter':
      return type === 'lambda' ? '{ target: ${1} }' : '{ target: ${1}, maxReceiveCount: ${2:5} }';
    case 'autoscaling':
      return '{ min: ${1:1}, max: ${2:10}, metric: ${3|cpu,memory,requests|}, target: ${4:70} }';
    case 'buffer':
      return '{ size: ${1:5MB}, interval: ${2:300s} }';
    case 'env':
      return '{ ${1:NAME}: ${2:value} }';
    case 'volumes':
      return '[${1}]';
    case 'filter':
      return '{ ${1:eventType}: [${2:order_placed}] }';
    case 'archive':
      return '{ retention: ${1:30d} }';
    case 'retry':
      return '{ attempts: ${1:3}, maxAge: ${2:1h} }';
    case 'pattern':
      return '{ source: [${1:orders}] }';
    case 'events':
      return '[${1:s3:ObjectCreated:*}]';
    default:
      return undefined;
  }
}

export function propertyKeyEntry(
  c: Context,
  name: string,
  spec: PropertySpec,
  node: SchemaNode | undefined,
  type: ResourceType | undefined,
  order: number,
): CompletionEntry {
  const keyOnly = c.place.quoted || followedByColon(c);
  const value = keyOnly ? undefined : objectSnippet(name, type);
  return c.entry(name, 'property', value ? `${name}: ${value}` : keyInsert(c, name), {
    detail: describe(spec, node, type),
    ...(node?.description ? { documentation: node.description } : {}),
    sortText: pad(order),
    ...(value ? { snippet: true } : {}),
  });
}

export function describe(spec: PropertySpec, node: SchemaNode | undefined, type: ResourceType | undefined): string {
  let kind: string;
  switch (spec.kind) {
    case 'duration':
      kind = 'duration';
      break;
    case 'size':
      kind = 'size';
      break;
    case 'megabytes':
      kind = 'size (MB)';
      break;
    case 'rate':
      kind = 'rate';
      break;
    case 'cpu':
      kind = 'CPU units or vCPU';
      break;
    case 'boolean':
      kind = 'true | false';
      break;
    case 'enum':
      kind = (spec.values ?? []).join(' | ');
      break;
    case 'encryption':
      kind = type === 'sqs' ? 'none | kms | sqs-managed | { kms: key }' : 'none | kms | { kms: key }';
      break;
    case 'object':
      kind = spec.properties ? `{ ${Object.keys(spec.properties).join(', ')} }` : 'map';
      break;
    case 'map':
      kind = 'map';
      break;
    case 'list':
      kind = 'list';
      break;
    case 'integer':
      kind = 'integer';
      break;
    case 'number':
      kind = 'number';
      break;
    default:
      kind = 'text';
  }
  if (kind.length > 60) kind = 'resource type';
  const fallback = node?.default ?? spec.default;
  return fallback === undefined ? kind : `${kind} · default ${String(fallback)}`;
}
