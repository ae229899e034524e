/**
 * Every error the JSON schema raises, anchored to the YAML node at fault: an unknown key
 * on the key, a bad value on the value, a missing property on its parent's key.
 */
import { defineRule } from '../define-rule';
import { findPair, isMap, isScalar, nodeAtPath, pairAtPath, type YNode } from '../../parse/ast';
import type { SchemaError } from '../../schema/validate';
import { closest } from '../../util/similar';
import type { OffsetRange } from '../../text/line-index';
import type { Report } from '../types';

const KIND_HINTS: Record<string, string> = {
  duration: 'a duration such as 30s, 5m, 2h, 4d, 250ms or 1h30m (a bare number is seconds)',
  size: 'a size such as 256KB, 1MB or 2GiB (a bare number is bytes; KB = 1,024 bytes)',
  megabytes: 'a size such as 512MB or 2GB (a bare number is MB)',
  rate: 'a rate such as 20/s, 1200/min, 5/h or 100000/day',
  cpu: 'CPU units such as 256, 1024 (1 vCPU) or a value such as 0.5 vCPU',
  encryption: 'none, kms, sqs-managed (queues only), or { kms: <key alias or ARN> }',
};

type MessageId =
  | 'empty'
  | 'emptyEnum'
  | 'unknownProperty'
  | 'unknownPropertyOfType'
  | 'missing'
  | 'missingVersion'
  | 'type'
  | 'enum'
  | 'badVersion'
  | 'pattern'
  | 'badId'
  | 'flowShape'
  | 'other'
  | 'renameTo'
  | 'replaceWith'
  | 'addVersion';

export default defineRule({
  id: 'schema/invalid',
  defaultSeverity: 'error',
  summary: 'What the awsflow schema rejects: unknown keys, wrong types, values not in the list',
  sources: ['https://json-schema.org/draft/2020-12'],
  fixable: true,
  hasSuggestions: true,
  messages: {
    unknownProperty: "Unknown property '{name}'.{hint}",
    unknownPropertyOfType: "Unknown property '{name}' for a resource of type {type}.{hint}",
    missing: "Missing required property '{name}'.",
    missingVersion: 'Missing `awsflow: 1`, the format version, at the top of the file.',
    type: 'Expected {expected}, got {actual}.',
    empty:
      'The file is empty: start it with `awsflow: 1` and a `resources:` section, or type `awsflow` and pick the "awsflow skeleton" completion for a whole example.',
    enum: "'{value}' is not allowed here: use one of {allowed}.",
    emptyEnum: "'{key}' needs a value: one of {allowed}.",
    badVersion: 'awsflow: {value} is not a format version this tool reads; it reads version 1.',
    pattern: "'{value}' is not {kind}.",
    badId: "'{value}' is not a valid {what}: ids start with a letter and use letters, digits, '_', '.' and '-' (80 characters at most).",
    flowShape: 'A flow entry is either `a -> b` or one `a -> b:` key with the connection properties as its value.',
    other: '{message}.',
    renameTo: "Rename to '{name}'",
    replaceWith: "Replace with '{value}'",
    addVersion: 'Add `awsflow: 1`',
  },
  check(context) {
    const root = context.model.rootNode;
    const reports: PlacedReport[] = [];
    const errors = context.schemaErrors.filter((error) => !isWrapperNoise(error, context.schemaErrors));
    for (const error of errors) {
      const report = toReport(error, root, context.text);
      if (report) reports.push(report);
    }
    const seen = new Set<string>();
    for (const report of reports) {
      const key = `${report.at.start}:${report.at.end}:${report.messageId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      context.report(report);
    }
  },
});

/** `if`/`anyOf`/`oneOf` wrappers only say "some branch failed" when a nested error says which. */
function isWrapperNoise(error: SchemaError, all: readonly SchemaError[]): boolean {
  if (error.keyword === 'if') return true;
  if (error.keyword === 'propertyNames') return false;
  if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
    // An error inside a propertyNames check: the propertyNames error itself is reported.
    return error.propertyName !== undefined;
  }
  const path = error.path.join('/');
  return all.some(
    (other) => other !== error && other.keyword !== error.keyword && other.keyword !== 'if' && other.path.join('/').startsWith(path),
  );
}

/** Schema findings sit on document ranges, never on a connection. */
type PlacedReport = Report<MessageId> & { readonly at: OffsetRange };

function toReport(error: SchemaError, root: YNode | null, text: string): PlacedReport | undefined {
  const found = nodeAtPath(root, error.path);
  // An empty value (`key:` and nothing after it) has no width: point at its key instead.
  const emptyValue = isScalar(found) && found.value === null && found.start === found.end;
  const valueNode: OffsetRange = (emptyValue ? pairAtPath(root, error.path)?.key : found) ??
    nearestNode(root, error.path) ?? { start: 0, end: 0 };
  // The flow string itself (an entry, or the key of a one-key entry): flows/syntax is more precise there.
  const inFlows = error.path[0] === 'flows' && error.path.length <= 2;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params['additionalProperty']);
      const parent = nodeAtPath(root, error.path);
      const pair = isMap(parent) ? findPair(parent, name) : undefined;
      const at = pair?.key ?? valueNode;
      const properties = Object.keys((error.parentSchema?.['properties'] as Record<string, unknown> | undefined) ?? {});
      const candidates = closest(name, properties);
      const hint =
        candidates.length > 0
          ? ` Did you mean '${candidates[0]}'?`
          : properties.length > 0 && properties.length <= 30
            ? ` Allowed: ${properties.join(', ')}.`
            : '';
      const typeConst = (error.parentSchema?.['properties'] as Record<string, Record<string, unknown>> | undefined)?.['type']?.['const'];
      return {
        at,
        messageId: typeof typeConst === 'string' ? 'unknownPropertyOfType' : 'unknownProperty',
        data: { name, hint, type: String(typeConst ?? '') },
        suggest: candidates.map((candidate) => ({
          messageId: 'renameTo' as const,
          data: { name: candidate },
          build: (e) => e.replace(at, candidate),
        })),
      };
    }
    case 'required': {
      const name = String(error.params['missingProperty']);
      if (error.path.length === 0) {
        if (name === 'awsflow') {
          return {
            at: firstLine(text),
            messageId: 'missingVersion',
            fix: { messageId: 'addVersion', build: (e) => e.insertAt(0, 'awsflow: 1' + e.newline) },
          };
        }
        return { at: firstLine(text), messageId: 'missing', data: { name } };
      }
      const pair = pairAtPath(root, error.path);
      return { at: pair?.key ?? valueNode, messageId: 'missing', data: { name } };
    }
    case 'const':
      if (error.path.length === 1 && error.path[0] === 'awsflow') {
        return { at: valueNode, messageId: 'badVersion', data: { value: scalarText(valueNode, text) } };
      }
      return { at: valueNode, messageId: 'other', data: { message: error.message } };
    case 'enum': {
      const allowed = ((error.params['allowedValues'] as unknown[] | undefined) ?? []).map(String);
      if (emptyValue)
        return {
          at: valueNode,
          messageId: 'emptyEnum',
          data: { key: String(error.path[error.path.length - 1] ?? ''), allowed: allowed.join(', ') },
        };
      const value = scalarText(valueNode, text);
      const candidates = closest(value, allowed);
      return {
        at: valueNode,
        messageId: 'enum',
        data: { value, allowed: allowed.join(', ') },
        suggest: candidates.map((candidate) => ({
          messageId: 'replaceWith' as const,
          data: { value: candidate },
          build: (e) => e.replace(valueNode, candidate),
        })),
      };
    }
    case 'type': {
      // A file with nothing in it yet (a new file, or only comments) is not wrong, only
      // not written yet: a hint where to start, not an error.
      if (error.path.length === 0 && (!found || (isScalar(found) && found.value === null)))
        return { at: { start: 0, end: 0 }, messageId: 'empty', severity: 'info' };
      const expected = String(error.params['type']).replace(/,/g, ' or ');
      return { at: valueNode, messageId: 'type', data: { expected: describeType(expected), actual: describeNode(found ?? null) } };
    }
    case 'pattern': {
      if (inFlows) return undefined; // flows/syntax says exactly what is wrong in a flow string
      const title = String(error.parentSchema?.['title'] ?? '');
      const kind = KIND_HINTS[title];
      return {
        at: valueNode,
        messageId: 'pattern',
        data: { value: scalarText(valueNode, text), kind: kind ?? `in the expected form (${String(error.params['pattern'])})` },
      };
    }
    case 'propertyNames': {
      const name = String(error.params['propertyName']);
      const parent = nodeAtPath(root, error.path);
      const pair = isMap(parent) ? findPair(parent, name) : undefined;
      if (inFlows) return undefined;
      const what =
        error.path[0] === 'resources' && error.path.length === 1 ? 'resource id' : error.path[0] === 'rules' ? 'rule id' : 'name';
      if (what === 'rule id')
        return {
          at: pair?.key ?? valueNode,
          messageId: 'other',
          data: { message: `'${name}' is not a rule id (rule ids look like sqs/no-dlq)` },
        };
      return { at: pair?.key ?? valueNode, messageId: 'badId', data: { value: name, what } };
    }
    case 'minProperties':
    case 'maxProperties':
      if (inFlows) return { at: valueNode, messageId: 'flowShape' };
      return { at: valueNode, messageId: 'other', data: { message: error.message } };
    default:
      return { at: valueNode, messageId: 'other', data: { message: capitalise(error.message) } };
  }
}

function nearestNode(root: YNode | null, path: readonly (string | number)[]): YNode | undefined {
  for (let length = path.length - 1; length >= 0; length--) {
    const node = nodeAtPath(root, path.slice(0, length));
    if (node) return node;
  }
  return undefined;
}

function firstLine(text: string): OffsetRange {
  const newline = text.search(/\r?\n/);
  return { start: 0, end: newline === -1 ? text.length : newline };
}

function scalarText(node: OffsetRange, text: string): string {
  if ('kind' in node && isScalar(node as YNode)) {
    const value = (node as unknown as { value: unknown }).value;
    return value === null ? '' : String(value);
  }
  return text.slice(node.start, Math.min(node.end, node.start + 40));
}

function describeType(type: string): string {
  return type
    .replace('object', 'a mapping (key: value)')
    .replace('array', 'a list')
    .replace('string', 'text')
    .replace('integer', 'a whole number')
    .replace('number', 'a number')
    .replace('boolean', 'true or false');
}

function describeNode(node: YNode | null): string {
  if (!node) return 'nothing';
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'nothing';
  if (typeof node.value === 'string') return `text '${node.value.length > 40 ? node.value.slice(0, 39) + '…' : node.value}'`;
  return `${typeof node.value} ${String(node.value)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
