/**
 * Hover: what the thing under the cursor means in AWS's terms. Texts come from the schema
 * (descriptions), properties.ts (AWS defaults and ranges) and limits/aws.ts (sources);
 * numbers are shown in the unit AWS counts in, and each fact once (a description's own
 * default and range give way to the linked facts line). Findings are not repeated where
 * the editor shows them beside the hover by itself (on the node they sit on); a flow's
 * hover, on its arrow, lists the findings about each of its connections, which sit on an id.
 *
 * The cursor is found in the tree when it reaches the offset; otherwise (a block the
 * parser could not make sense of) from the line's text and the indentation above it.
 */
import schemaJson from '../../../schemas/awsflow.schema.json';
import type { Analysis } from '../analyze';
import type { HoverResult } from './types';
import type { OffsetRange } from '../text/line-index';
import { isMap, isScalar, isSeq, keyText, type ScalarValue, type YMap, type YPair, type YScalar, type YSeq } from '../parse/ast';
import { normalise, type Connection, type Encryption, type FlowEntry, type Resource } from '../model/model';
import {
  COMMON_PROPERTIES,
  CONNECTION_PROPERTIES,
  TYPE_PROPERTIES,
  isResourceType,
  propertySpec,
  type PropertySpec,
  type ResourceType,
  type ValueKind,
} from '../model/properties';
import { typeRecord } from '../model/resource-types';
import {
  CONNECTION_KIND_TEXT,
  classifyConnection,
  connectionKey,
  connectionOptions,
  typeDisplayName as typeName,
} from '../model/connections';
import { API_GATEWAY, ESM, EVENTBRIDGE, LAMBDA, SCHEDULER, SQS, STEP_FUNCTIONS, type Fact } from '../limits/aws';
import { capacityOf } from '../model/capacity';
import { formatLatency, latencyOf, type LatencyPath } from '../model/latency';
import { estimateCost, PRICES } from '../model/cost';
import { formatBytes, formatNumber, formatRate, formatSeconds, parseSize } from '../parse/values';
import { compactDuration } from '../edit/write-values';
import { ruleById } from '../rules/index';
import { docsUrl, type DocsLinks } from '../rules/define-rule';
import { findIgnoreComments } from '../suppress';
import { cursorContext, memo, wordAt, yamlTextOf, type CursorContext } from './cursor-context';

/** `links` says where rule pages are (see `docsUrl`); without a root, rule hovers have no link. */
export function hover(analysis: Analysis, offset: number, links: DocsLinks = {}): HoverResult | undefined {
  if (!(offset >= 0 && offset <= analysis.text.length)) return undefined;
  const context = memo(() => cursorContext(yamlTextOf(analysis), offset));
  return (
    ignoreCommentHover(analysis, offset, context, links) ??
    hoverInTree(analysis, offset, links) ??
    hoverFromText(analysis, context(), links)
  );
}

// ---------------------------------------------------------------------------------------
// Finding what is under the cursor

/** A key or a scalar value in the document's maps, named by the keys that lead to it. */
interface MapTarget {
  readonly path: readonly string[];
  readonly on: 'key' | 'value';
  /** The node hovered: the hover's range. */
  readonly range: OffsetRange;
  /** The scalar value, when `on` is 'value'. */
  readonly value?: YScalar;
  /** The resource the path is in, when the tree says which (ids may be duplicated). */
  readonly resource?: Resource;
  /** The resource's type, when only the text says it. */
  readonly type?: ResourceType;
  /** The flow entry whose connection properties the path is in. */
  readonly entry?: FlowEntry;
}

/** Deep enough for every nesting the format has (`resources.q.encryption.kms`), and no deeper. */
const MAX_DEPTH = 6;

function hoverInTree(analysis: Analysis, offset: number, links: DocsLinks): HoverResult | undefined {
  let map = analysis.model.root;
  const path: string[] = [];
  let resource: Resource | undefined;
  for (let depth = 0; map && depth < MAX_DEPTH; depth++) {
    const hit = pairAt(map, offset);
    if (!hit) return undefined;
    path.push(keyText(hit.pair.key));
    if (depth === 1 && path[0] === 'resources') resource = analysis.model.resources.find((r) => r.pair === hit.pair);
    if (hit.on === 'key') return hoverAtPath(analysis, { path, on: 'key', range: hit.pair.key, resource }, links);
    const value = hit.pair.value;
    if (isScalar(value)) return hoverAtPath(analysis, { path, on: 'value', range: value, value, resource }, links);
    if (isSeq(value)) return hoverInSeq(analysis, path, value, offset);
    map = isMap(value) ? value : null;
  }
  return undefined;
}

function hoverInSeq(analysis: Analysis, path: readonly string[], seq: YSeq, offset: number): HoverResult | undefined {
  const item = seq.items.find((node) => within(node, offset));
  if (!item) return undefined;
  if (path.length === 1 && path[0] === 'flows') {
    const entry = analysis.model.flows.find((e) => e.node === item);
    if (!entry) return undefined;
    if (within(entry.flowNode, offset)) return flowStringHover(analysis, entry, offset);
    const hit = entry.propsNode ? pairAt(entry.propsNode, offset) : undefined;
    if (!hit) return undefined;
    const name = keyText(hit.pair.key);
    if (hit.on === 'key') return hoverAtPath(analysis, { path: ['flows', name], on: 'key', range: hit.pair.key, entry });
    if (isScalar(hit.pair.value))
      return hoverAtPath(analysis, { path: ['flows', name], on: 'value', range: hit.pair.value, value: hit.pair.value, entry });
    // One level down: a rule's `retry: { attempts, maxAge }`, an S3 notification's `filter: { prefix }`.
    const inner = isMap(hit.pair.value) ? pairAt(hit.pair.value, offset) : undefined;
    if (!inner) return undefined;
    const innerPath = ['flows', name, keyText(inner.pair.key)];
    if (inner.on === 'key') return hoverAtPath(analysis, { path: innerPath, on: 'key', range: inner.pair.key, entry });
    return isScalar(inner.pair.value)
      ? hoverAtPath(analysis, { path: innerPath, on: 'value', range: inner.pair.value, value: inner.pair.value, entry })
      : undefined;
  }
  if (path.length === 3 && path[0] === 'resources' && path[2] === 'volumes' && isScalar(item) && typeof item.value === 'string') {
    return referenceHover(analysis, item.value, item);
  }
  return undefined;
}

function pairAt(map: YMap, offset: number): { pair: YPair; on: 'key' | 'value' } | undefined {
  for (const pair of map.items) {
    if (within(pair.key, offset)) return { pair, on: 'key' };
    if (pair.value && within(pair.value, offset)) return { pair, on: 'value' };
  }
  return undefined;
}

/** The end counts as inside: the cursor right after a word is on it. */
function within(range: OffsetRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/**
 * Where the tree does not reach (a block the YAML reader could not make sense of), the
 * scanner shared with completion says what the cursor is on: a key or a scalar (the whole
 * word, on both sides of the cursor), the keys above it, and a resource's written type.
 * Paths through list items are left to the tree (flows are read from the tree only).
 */
function hoverFromText(analysis: Analysis, context: CursorContext, links: DocsLinks): HoverResult | undefined {
  if (context.kind === 'comment' || context.kind === 'block-scalar') return undefined;
  const word = wordAt(yamlTextOf(analysis), context.at);
  if (!word || !within(word, context.at.offset)) return undefined;
  const keys = context.path.filter((key): key is string => key !== null);
  if (keys.length !== context.path.length) return undefined;
  const on = context.at.kind;
  if (on === 'key' && !word.isKey) return undefined;
  const path = on === 'key' ? [...keys, word.value] : keys;
  if (path.length === 0 || path.length > MAX_DEPTH) return undefined;
  const type = context.kind === 'resource-key' || context.kind === 'resource-value' ? context.writtenType() : undefined;
  const range = { start: word.start, end: word.end };
  if (on === 'key') return hoverAtPath(analysis, { path, on, range, type }, links);
  const value: YScalar = { kind: 'scalar', value: word.quoted ? word.value : scalarFromText(word.value), quoted: word.quoted, ...range };
  return hoverAtPath(analysis, { path, on, range, value, type }, links);
}

function scalarFromText(text: string): ScalarValue {
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

// ---------------------------------------------------------------------------------------
// What a path means

function hoverAtPath(analysis: Analysis, target: MapTarget, links: DocsLinks = {}): HoverResult | undefined {
  const [top, second] = target.path;
  if (top === undefined) return undefined;
  if (target.path.length === 1) return topLevelHover(top, target.range);
  switch (top) {
    case 'resources': {
      const resource = target.resource ?? analysis.model.byId.get(second!);
      if (target.path.length === 2) return target.on === 'key' && resource ? resourceHover(analysis, resource, target.range) : undefined;
      const type = resource?.type ?? target.type;
      return propertyTarget(analysis, { owner: 'resource', type, resource }, target.path.slice(2), target);
    }
    case 'defaults': {
      if (!isResourceType(second)) return undefined;
      if (target.path.length === 2) return target.on === 'key' ? typeHover(second, target.range) : undefined;
      return propertyTarget(analysis, { owner: 'defaults', type: second }, target.path.slice(2), target);
    }
    case 'rules':
      return target.path.length === 2 ? ruleHover(analysis, second!, target.range, links) : undefined;
    case 'account':
      return target.path.length === 2 ? accountHover(second!, target) : undefined;
    case 'flows':
      return target.entry
        ? propertyTarget(analysis, { owner: 'connection', type: undefined, entry: target.entry }, target.path.slice(1), target)
        : undefined;
    default:
      return undefined;
  }
}

interface PropertyContext {
  readonly owner: 'resource' | 'defaults' | 'connection';
  readonly type: ResourceType | undefined;
  readonly resource?: Resource;
  readonly entry?: FlowEntry;
}

function propertyTarget(analysis: Analysis, context: PropertyContext, path: readonly string[], target: MapTarget): HoverResult | undefined {
  if (target.on === 'value' && target.value) {
    const written = target.value.value;
    if (context.owner === 'resource' && path.length === 1 && path[0] === 'type') {
      return isResourceType(written) ? typeHover(written, target.range) : undefined;
    }
    if (isReferencePath(context, path)) return typeof written === 'string' ? referenceHover(analysis, written, target.range) : undefined;
  }
  return propertyHover(context, path, target.range, target.on === 'value' ? target.value : undefined);
}

function isReferencePath(context: PropertyContext, path: readonly string[]): boolean {
  if (context.owner === 'connection')
    return path.length === 1 && (path[0] === 'onFailure' || path[0] === 'deadLetter' || path[0] === 'enrich');
  return path.length === 2 && path[0] === 'deadLetter' && path[1] === 'target';
}

// ---------------------------------------------------------------------------------------
// Hovers

function topLevelHover(key: string, range: OffsetRange): HoverResult | undefined {
  const node = SCHEMA.properties?.[key];
  if (!node?.description) return undefined;
  const required = SCHEMA.required?.includes(key) ? ' (required)' : '';
  return result(range, [`**${code(key)}**${required}`, node.description]);
}

function accountHover(key: string, target: MapTarget): HoverResult | undefined {
  const node = SCHEMA.properties?.account?.properties?.[key];
  if (!node?.description) return undefined;
  const sections = [`**${code(`account.${key}`)}**`];
  if (key === 'lambdaConcurrency')
    sections.push(`AWS default: [${LAMBDA.accountConcurrencyDefault.text}](${LAMBDA.accountConcurrencyDefault.source})`);
  if (key === 'apiGatewayThrottle')
    sections.push(`AWS default: [${API_GATEWAY.accountThrottleDefault.text}](${API_GATEWAY.accountThrottleDefault.source})`);
  sections.push(node.description);
  return result(target.range, sections);
}

/** The service, its description and the AWS limits of its properties. */
function typeHover(type: ResourceType, range: OffsetRange): HoverResult {
  const sections = [`**${code(type)}** — ${typeName(type)}`];
  const description = SCHEMA.$defs[type]?.description;
  if (description) sections.push(description);
  const limits = typeLimits(type);
  if (limits.length) sections.push(`**AWS limits**\n\n${limits.join('\n')}`);
  return result(range, sections);
}

function typeLimits(type: ResourceType): string[] {
  const lines: string[] = [];
  const walk = (specs: Readonly<Record<string, PropertySpec>>, prefix: string): void => {
    for (const [name, spec] of Object.entries(specs)) {
      const facts = [
        rangeText(spec.kind, spec.min, spec.max, true),
        spec.default !== undefined ? `default ${defaultText(spec.kind, spec.default)}` : undefined,
      ].filter(Boolean);
      if (facts.length && (spec.min || spec.max)) lines.push(`- ${code(prefix + name)}: ${facts.join(', ')}`);
      if (spec.properties) walk(spec.properties, `${prefix}${name}.`);
    }
  };
  walk(TYPE_PROPERTIES[type], '');
  for (const [what, limit] of OTHER_LIMITS[type] ?? []) lines.push(`- ${what}: ${link(limit.text, limit.source)}`);
  return lines;
}

/** Limits of a type that no property carries. */
const OTHER_LIMITS: Partial<Record<ResourceType, readonly (readonly [string, Fact])[]>> = {
  sqs: [['name', SQS.nameMaxLength]],
  eventbridge: [
    ['targets per rule', EVENTBRIDGE.targetsPerRuleMax],
    ['entries per PutEvents call', EVENTBRIDGE.putEventsEntriesMax],
    ['event size (one PutEvents entry)', EVENTBRIDGE.putEventsEntrySizeMax],
    ['retry attempts of a target', EVENTBRIDGE.retryAttemptsMax],
    ['oldest event a target retries', EVENTBRIDGE.retryMaxAgeMax],
  ],
  stepfunctions: [
    ['a standard execution runs at most', STEP_FUNCTIONS.standardDurationMax],
    ['an express execution runs at most', STEP_FUNCTIONS.expressDurationMax],
    ['input or output of a state', STEP_FUNCTIONS.payloadMax],
  ],
  schedule: [['flexible window (Scheduler)', SCHEDULER.flexibleWindowMax]],
  lambda: [
    ['environment variables', LAMBDA.environmentMax],
    ['synchronous payload', LAMBDA.syncPayloadMax],
    ['asynchronous payload', LAMBDA.asyncPayloadMax],
    ['account concurrency per Region (default quota)', LAMBDA.accountConcurrencyDefault],
  ],
};

function propertyHover(
  context: PropertyContext,
  path: readonly string[],
  range: OffsetRange,
  value: YScalar | undefined,
): HoverResult | undefined {
  const spec = specAt(context, path);
  const description = schemaAt(context, path)?.description;
  if (!spec && !description) return undefined;
  const limits = limitsOf(context, path, spec);
  const sections = [`**${code(path.join('.'))}** — ${ownerText(context, path)}`];
  if (value && spec) {
    const line = valueLine(context, spec, value);
    if (line) sections.push(line);
  }
  const showsDefault = spec !== undefined && limits.default !== undefined;
  // A description whose range has a bound no limit fact carries (`0 – the account concurrency minus 100`) says it better than `at least 0`.
  const describesRange = description !== undefined && /(?:^|[.;]\s+)range\b/i.test(description);
  const allowed = spec && (limits.max || !describesRange) ? rangeText(spec.kind, limits.min, limits.max, true) : undefined;
  // The schema's description states the default and range for editors that show it alone; here the facts line says them, linked.
  const shown = description ? withoutShownFacts(description, showsDefault, allowed !== undefined) : '';
  if (shown) sections.push(shown);
  if (spec) {
    const facts: string[] = [];
    if (limits.default !== undefined) facts.push(`AWS default: ${defaultText(spec.kind, limits.default)}`);
    if (allowed) facts.push(`${limits.service} allows ${allowed}${limits.note ? ` ${limits.note}` : ''}`);
    if (facts.length) sections.push(facts.join(' · '));
  }
  return result(range, sections);
}

/**
 * A description without its clauses stating the AWS default (`AWS default 3 s`) or the
 * range (`range 1 s – 15 min (900 s)`) when the hover's facts line says them: each fact once.
 */
function withoutShownFacts(description: string, defaultShown: boolean, rangeShown: boolean): string {
  const isShown = (clause: string) => (defaultShown && /^(?:AWS )?default\b/i.test(clause)) || (rangeShown && /^range\b/i.test(clause));
  return description
    .split(/(?<=\.)\s+/)
    .map((sentence) => {
      const clauses = sentence.replace(/\.$/, '').split(/;\s+/);
      const kept = clauses.filter((clause) => !isShown(clause));
      if (kept.length === clauses.length) return sentence;
      return kept.length ? `${kept.join('; ')}.` : '';
    })
    .filter((sentence) => sentence !== '')
    .join(' ');
}

function ownerText(context: PropertyContext, path: readonly string[]): string {
  if (context.owner === 'connection') return 'connection property';
  if (context.owner === 'defaults') return `default for every ${code(context.type ?? '')} resource`;
  if (path.length === 1 && path[0]! in COMMON_PROPERTIES) return 'property of every resource';
  return context.type ? `${typeName(context.type)} property` : 'property';
}

interface Limits {
  readonly min?: Fact;
  readonly max?: Fact;
  readonly default?: number | string | boolean;
  /** Who allows the range: `Lambda`, `SQS`… */
  readonly service: string;
  /** Said after the range. */
  readonly note?: string;
}

function limitsOf(context: PropertyContext, path: readonly string[], spec: PropertySpec | undefined): Limits {
  if (context.owner === 'connection') return connectionLimits(context, path.join('.'), spec);
  const service = context.type ? SERVICE[context.type] : 'AWS';
  const base: Limits = { min: spec?.min, max: spec?.max, default: spec?.default, service };
  if (path.length === 1 && path[0] === 'timeout' && context.type === 'stepfunctions') {
    // The most an execution may run is the workflow type's: written on the resource, or in defaults.
    const express = (context.resource?.props.get('workflow')?.value ?? 'standard') === 'express';
    return express
      ? { ...base, max: STEP_FUNCTIONS.expressDurationMax, note: 'for an express workflow' }
      : { ...base, max: STEP_FUNCTIONS.standardDurationMax, note: 'for a standard workflow' };
  }
  if (path.length === 1 && path[0] === 'flexibleWindow' && context.type === 'schedule') {
    return {
      ...base,
      service: 'EventBridge Scheduler',
      min: SCHEDULER.flexibleWindowMin,
      max: SCHEDULER.flexibleWindowMax,
      note: 'when on (0 is off)',
    };
  }
  if (
    context.type === 'lambda' &&
    path.length === 1 &&
    path[0] === 'timeout' &&
    context.resource?.props.get('capacity')?.value === 'managed-instances'
  ) {
    return {
      ...base,
      max: LAMBDA.timeoutMaxManagedInstances,
      note: 'with `capacity: managed-instances`, for asynchronous and event-source invocations',
    };
  }
  return base;
}

/** Event source mapping settings: their limits depend on the source (SQS standard or FIFO, Kinesis). */
function connectionLimits(context: PropertyContext, name: string, spec: PropertySpec | undefined): Limits {
  const base: Limits = { min: spec?.min, max: spec?.max, default: spec?.default, service: 'AWS' };
  const sources = context.entry?.connections.map((c) => c.from).filter((r): r is Resource => r !== undefined) ?? [];
  const queue = sources.find((r) => r.type === 'sqs');
  const stream = sources.find((r) => r.type === 'kinesis');
  switch (name) {
    case 'batchSize':
      if (queue)
        return {
          ...base,
          service: 'Lambda',
          max: queue.fifo ? ESM.sqsFifoBatchSizeMax : ESM.sqsStandardBatchSizeMax,
          default: ESM.sqsBatchSizeDefault.value,
          note: queue.fifo ? 'from a FIFO queue' : 'from a standard queue',
        };
      if (stream)
        return {
          ...base,
          service: 'Lambda',
          max: ESM.kinesisBatchSizeMax,
          default: ESM.kinesisBatchSizeDefault.value,
          note: 'from a Kinesis stream',
        };
      return { ...base, service: 'Lambda', max: ESM.sqsStandardBatchSizeMax };
    case 'batchWindow':
      return { ...base, service: 'Lambda', max: ESM.batchWindowMax, default: 0 };
    case 'maxConcurrency':
      return { ...base, service: 'Lambda', min: ESM.maxConcurrencyMin, max: ESM.maxConcurrencyMax };
    // An EventBridge rule's or schedule's retry policy.
    case 'retry.attempts':
      return {
        ...base,
        service: 'EventBridge',
        min: EVENTBRIDGE.retryAttemptsMin,
        max: EVENTBRIDGE.retryAttemptsMax,
        default: EVENTBRIDGE.retryAttemptsDefault.value,
      };
    case 'retry.maxAge':
      return {
        ...base,
        service: 'EventBridge',
        min: EVENTBRIDGE.retryMaxAgeMin,
        max: EVENTBRIDGE.retryMaxAgeMax,
        default: EVENTBRIDGE.retryMaxAgeDefault.value,
      };
    default:
      return base;
  }
}

/** "`20m` = 1,200 s": the value as AWS counts it. */
function valueLine(context: PropertyContext, spec: PropertySpec, node: YScalar): string | undefined {
  if (spec.kind === 'encryption') {
    const encryption = normalise(spec, node);
    return typeof encryption === 'object' ? `${code(String(node.value))}: ${encryptionText(context.type, encryption)}.` : undefined;
  }
  if (!QUANTITY_KINDS.includes(spec.kind)) return undefined;
  const value = normalise(spec, node);
  if (typeof value !== 'number') return undefined;
  const written = String(node.value);
  // The range is said once, in the facts line below.
  return `${code(written)} = ${isSelfExplaining(spec.kind, node, value) ? baseText(spec.kind, value) : quantityText(spec.kind, value)}`;
}

const QUANTITY_KINDS: readonly ValueKind[] = ['duration', 'size', 'megabytes', 'rate', 'cpu'];

/** Written with a unit that already says what a human would: `20m`, `2KB`, `0.5 vCPU`. */
function isSelfExplaining(kind: ValueKind, node: YScalar, value: number): boolean {
  const written = String(node.value).replace(/\s+/g, '');
  if (typeof node.value === 'number' || /^\d+(?:\.\d+)?$/.test(written)) return false;
  return kind === 'duration' ? compactDuration(value) === written : true;
}

// ---------------------------------------------------------------------------------------
// Resources and their connections

function referenceHover(analysis: Analysis, id: string, range: OffsetRange): HoverResult | undefined {
  const resource = analysis.model.byId.get(id);
  return resource ? resourceHover(analysis, resource, range) : undefined;
}

/** The most connections listed per section; the rest are counted. */
const MAX_LISTED = 20;
/** The most entry points whose latency a resource's hover lists (it must stay short). */
const MAX_LATENCY_ENTRY_POINTS = 2;

function resourceHover(analysis: Analysis, resource: Resource, range: OffsetRange): HoverResult {
  const { model } = analysis;
  const kind = resource.type ? `${typeName(resource.type)}${resource.fifo ? ' (FIFO)' : ''}` : 'resource';
  const sections = [`**${code(resource.id)}** — ${kind}`];
  const meta: string[] = [];
  const label = textProp(resource, 'label');
  if (label) meta.push(`Label: ${escapeMarkdown(label)}`);
  const name = textProp(resource, 'name');
  if (name) meta.push(`AWS name: ${code(name)}`);
  const group = textProp(resource, 'group');
  if (group) meta.push(`Group: ${escapeMarkdown(group)}`);
  if (meta.length) sections.push(meta.join(' · '));
  const description = textProp(resource, 'description');
  if (description) sections.push(escapeMarkdown(truncate(description, 2000)));
  const encryption = encryptionSection(resource);
  if (encryption) sections.push(encryption);

  const inbound = model.inbound(resource);
  const outbound = model.outbound(resource);
  const relations = [
    ...peersByKind(
      inbound.filter((c) => c.origin === 'flow'),
      'in',
    ),
    ...peersByKind(
      outbound.filter((c) => c.origin === 'flow'),
      'out',
    ),
    ...outbound.filter((c) => c.origin !== 'flow').map((c) => deadLetterLine(c, 'out')),
    ...inbound.filter((c) => c.origin !== 'flow').map((c) => deadLetterLine(c, 'in')),
  ];
  if (relations.length) sections.push(relations.join('\n'));
  const capacity = capacitySection(analysis, resource);
  if (capacity) sections.push(`**Capacity**\n\n${capacity}`);
  const latency = latencySection(analysis, resource);
  if (latency) sections.push(`**Latency** (estimated p50 · worst case)\n\n${latency}`);
  return result(range, sections);
}

/**
 * The resource's latency from each entry point that reaches it (the slowest path by each
 * measure), then what each hop into it costs and why: the file's values, AWS's figures, and
 * the assumptions where AWS publishes none, said as such.
 */
function latencySection(analysis: Analysis, resource: Resource): string | undefined {
  const reached = latencyOf(analysis.model).fromEntryPoints(resource);
  if (reached.size === 0) return undefined;
  const lines: string[] = [];
  for (const [entryPoint, slowest] of [...reached].slice(0, MAX_LATENCY_ENTRY_POINTS)) {
    lines.push(
      `- From ${code(entryPoint.id)}: **${formatLatency(slowest.p50.p50)}** · **${formatLatency(slowest.worst.worst)}** by ${code(pathIdsText(slowest.p50))}`,
    );
  }
  const more = reached.size - MAX_LATENCY_ENTRY_POINTS;
  if (more > 0) lines.push(`- … and ${formatNumber(more)} more entry point${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/**
 * A connection's latency line for the flow hover: the hop (the connection, then the run time
 * of what it reaches) part by part, each figure AWS publishes none for marked as assumed.
 */
function connectionLatencyLines(analysis: Analysis, connection: Connection): string[] {
  const hop = latencyOf(analysis.model).hop(connection);
  if (!hop) return [];
  const parts = hop.parts.map((part) => {
    const figure =
      part.p50 === part.worst
        ? formatLatency(part.p50)
        : part.p50 === 0
          ? `up to ${formatLatency(part.worst)}`
          : `${formatLatency(part.p50)} – ${formatLatency(part.worst)}`;
    return `${escapeMarkdown(part.what)} ${figure}${part.basis === 'assumption' ? ' (assumed)' : ''}`;
  });
  const lines = [`  - Latency: **${formatLatency(hop.p50)}** · **${formatLatency(hop.worst)}** (p50 · worst case): ${parts.join(', ')}`];
  if (hop.notes.length) lines.push(`  - Not counted: ${escapeMarkdown(hop.notes.join('; '))}`);
  return lines;
}

/** `a -> b -> c`; a longer path keeps its first and last ids (the hover has little room). */
function pathIdsText(path: LatencyPath): string {
  const first = path.connections[0];
  if (!first) return '';
  const ids = [first.source.id, ...path.connections.map((c) => c.target.id)];
  return ids.length <= 3 ? ids.join(' -> ') : `${ids[0]!} -> … -> ${ids[ids.length - 1]!}`;
}

/**
 * One line per kind of connection: `**Receives from** `api`, `web` — producer`. The ids
 * of one kind share a line, so that a fan-out or fan-in stays short; past MAX_LISTED ids
 * the rest are counted.
 */
function peersByKind(connections: readonly Connection[], direction: 'in' | 'out'): string[] {
  const byKind = new Map<string, string[]>();
  for (const connection of connections) {
    const kind = connectionKindText(connection)?.split(':')[0] ?? '';
    const peer = direction === 'in' ? connection.source.id : connection.target.id;
    const peers = byKind.get(kind) ?? [];
    if (!peers.includes(peer)) peers.push(peer);
    byKind.set(kind, peers);
  }
  const title = direction === 'in' ? '**Receives from**' : '**Sends to**';
  return [...byKind].map(([kind, peers]) => {
    const shown = peers.slice(0, MAX_LISTED).map(code);
    if (peers.length > MAX_LISTED) shown.push(`and ${formatNumber(peers.length - MAX_LISTED)} more`);
    return `- ${title} ${shown.join(', ')}${kind ? ` — ${kind}` : ''}`;
  });
}

/**
 * The resource's load, from the capacity model, and how each figure was worked out:
 * messages/s and bytes/s in, Lambda invocations and concurrency, Kinesis shards.
 */
function capacitySection(analysis: Analysis, resource: Resource): string | undefined {
  const capacity = capacityOf(analysis.model);
  const load = capacity.resource(resource);
  if (!load.inbound) return undefined;
  const lines: string[] = [];
  const inbound = load.inbound;
  const bytes = inbound.sized ? ` · ${formatBytes(inbound.bytes)}/s` : '';
  const wanted = (flow: { rate: number; demand: number }) =>
    flow.demand > flow.rate * (1 + 1e-9) ? `; demand ${formatRate(flow.demand)}, throttled upstream` : '';
  const contributions: string[] = [];
  let only: string | undefined;
  for (const connection of analysis.model.inbound(resource)) {
    const connectionLoad = capacity.connection(connection);
    if (!connectionLoad) continue;
    const name = code(`${connection.source.id} -> ${connection.target.id}`);
    only = `${connectionLoad.declared ? `declared on ${name}` : `passed on by ${code(connection.source.id)}`}${wanted(connectionLoad)}`;
    contributions.push(
      `  - ${name}: ${formatRate(connectionLoad.rate)} (${connectionLoad.declared ? 'declared' : `passed on by ${code(connection.source.id)}`}${wanted(connectionLoad)})`,
    );
  }
  // One inbound connection says where the rate comes from on the same line; several get a line each.
  const origin = contributions.length === 1 ? ` (${only})` : wanted(inbound) ? ` (${wanted(inbound).slice(2)})` : '';
  lines.push(`- In: **${formatRate(inbound.rate)}**${bytes}${origin}`);
  if (contributions.length > 1) {
    lines.push(...contributions.slice(0, MAX_LISTED));
    if (contributions.length > MAX_LISTED) lines.push(`  - … and ${formatNumber(contributions.length - MAX_LISTED)} more`);
  }
  if (load.throttle) {
    lines.push(
      `- Throttled: demand **${formatRate(inbound.rate)}** · delivered **${formatRate(load.throttle.delivered)}** (${load.throttle.limit}); downstream figures use what is delivered`,
    );
  }
  if (load.invocations !== undefined) {
    lines.push(`- Invocations: **${formatRate(load.invocations)}** (messages ÷ batch size for event source mappings)`);
    if (load.concurrency !== undefined) {
      const duration = resource.props.get('duration')?.value;
      const reserved = resource.props.get('reservedConcurrency')?.value;
      const pool = capacity.lambdaPool();
      const shared =
        pool.unreserved.length > 1
          ? `, shared by ${formatNumber(pool.unreserved.length)} functions needing ${formatNumber(pool.unreservedDemand)}`
          : '';
      const limit =
        typeof reserved === 'number'
          ? `reservedConcurrency ${formatNumber(reserved)}`
          : pool.reservedTotal > 0
            ? `${formatNumber(pool.unreservedPool)} unreserved of the account's ${formatNumber(pool.limit)}${shared}`
            : `account concurrency ${formatNumber(pool.limit)}${shared}`;
      lines.push(
        `- Concurrency: **${formatNumber(load.concurrency)}** = ${formatRate(load.invocations)} × ${typeof duration === 'number' ? formatSeconds(duration) : '?'} duration (limit: ${limit})`,
      );
    } else {
      lines.push('- Concurrency: set `duration` (the average run time) to work it out');
    }
  }
  const cost = estimateCost(analysis.model, resource);
  if (cost) {
    lines.push(
      `- Cost: about **$${cost.monthly < 10 ? cost.monthly.toFixed(2) : formatNumber(Math.round(cost.monthly))}/month** — ${cost.basis} ([${PRICES.region} prices, ${PRICES.asOf}](${cost.source}))`,
    );
  }
  if (load.executions !== undefined) {
    lines.push(`- Executions: **${formatRate(load.executions)}** (one per start; one per batch from a Pipe)`);
  }
  if (load.ruleInvocations !== undefined) {
    lines.push(`- Rule target invocations: **${formatRate(load.ruleInvocations)}** (every target's rate, added up)`);
  }
  if (load.shardsNeeded !== undefined) {
    const shards = resource.props.get('shards')?.value;
    lines.push(
      `- Shards needed: **${formatNumber(load.shardsNeeded)}** (1 MiB/s and 1,000 records/s each)${typeof shards === 'number' ? `; declared ${formatNumber(shards)}` : ''}`,
    );
  }
  return lines.join('\n');
}

function listSection(title: string, lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LISTED);
  if (lines.length > MAX_LISTED) shown.push(`- … and ${formatNumber(lines.length - MAX_LISTED)} more`);
  return `**${title}**\n\n${shown.join('\n')}`;
}

function flowConnectionLine(connection: Connection): string {
  const kind = connectionKindText(connection);
  return `- ${code(`${connection.source.id} -> ${connection.target.id}`)}${kind ? `: ${kind}` : ''}`;
}

function connectionKindText(connection: Connection): string | undefined {
  const from = connection.from?.type;
  const to = connection.to?.type;
  if (!from || !to) return undefined;
  const verdict = classifyConnection(from, to, connectionOptions(connection));
  return verdict.kind === 'invalid' ? 'a connection AWS cannot make' : CONNECTION_KIND_TEXT[verdict.kind];
}

/** Where this resource's failures go (`out`), or whose failures come here (`in`). */
function deadLetterLine(connection: Connection, direction: 'in' | 'out'): string {
  const source = code(connection.source.id);
  const target = code(connection.target.id);
  const to = (what: string) => `- **Dead letters to** ${target}${what}`;
  const from = (what: string) => `- **Dead letters from** ${what}`;
  if (connection.origin === 'onFailure') {
    const flow = code(flowText(connection.entry));
    // A rule's, a schedule's or a Pipe's dead-letter queue takes the events it could not deliver.
    const sourceType = connection.from?.type;
    const viaPipe = connection.entry?.props.get('via')?.value === 'pipe';
    if (viaPipe || sourceType === 'eventbridge' || sourceType === 'schedule') {
      const what = viaPipe ? 'the Pipe' : sourceType === 'schedule' ? 'the schedule target' : 'the rule target';
      return direction === 'out' ? to(`: events ${what} ${flow} could not deliver`) : from(`${what} ${flow}: events it could not deliver`);
    }
    return direction === 'out'
      ? to(`: records the event source mapping ${flow} gives up on`)
      : from(`the event source mapping ${flow}: records it gave up on`);
  }
  if (connection.from?.type === 'sns') {
    const flow = code(flowText(connection.entry));
    return direction === 'out'
      ? to(`: deliveries of ${flow} that SNS gives up on`)
      : from(`the subscription ${flow}: messages SNS could not deliver`);
  }
  if (connection.from?.type === 'lambda') {
    return direction === 'out'
      ? to(': failed asynchronous invocations')
      : from(`the Lambda function ${source}: failed asynchronous invocations`);
  }
  const count = connection.from?.props.get('deadLetter')?.children.get('maxReceiveCount')?.value;
  const after = typeof count === 'number' ? `, after ${formatNumber(count)} ${count === 1 ? 'receive' : 'receives'} without a delete` : '';
  return direction === 'out' ? to(after) : from(`${source}${after}`);
}

function flowText(entry: FlowEntry | undefined): string {
  const value = entry?.flowNode.value;
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
}

/** Every connection a flow entry makes, what AWS sets up for each, and its properties. */
function flowStringHover(analysis: Analysis, entry: FlowEntry, offset: number): HoverResult | undefined {
  // A token's range is the whole scalar when the string has escapes: then it is no id's own.
  const tokens = entry.steps.flat().filter((t) => t.end - t.start === t.id.length);
  const operators = flowOperators(analysis.text, entry.flowNode);
  const inside = (r: OffsetRange) => r.start <= offset && offset < r.end;
  const touching = (r: OffsetRange) => r.end === offset;
  const token = tokens.find(inside);
  const operator = token ? undefined : operators.find(inside);
  const id = token ?? (operator ? undefined : tokens.find(touching));
  if (id) return referenceHover(analysis, id.id, id);
  const connections = [...entry.connections, ...analysis.model.connections.filter((c) => c.entry === entry && c.origin !== 'flow')];
  if (connections.length === 0) return undefined;
  const sections = [`**Flow** ${code(flowText(entry))}`];
  const lines = connections.map((c) =>
    [
      c.origin === 'onFailure'
        ? `- ${code(`${c.source.id} -> ${c.target.id}`)}: on-failure destination: records the event source mapping gives up on`
        : c.origin === 'deadLetter'
          ? `- ${code(`${c.source.id} -> ${c.target.id}`)}: the subscription's dead-letter queue: messages SNS could not deliver`
          : flowConnectionLine(c),
      ...(c.origin === 'flow' ? connectionLoadLines(analysis, c) : []),
      ...(c.origin === 'flow' ? connectionLatencyLines(analysis, c) : []),
      ...connectionFindingLines(analysis, c),
    ].join('\n'),
  );
  sections.push(listSection(connections.length === 1 ? 'Connection' : `Connections (${formatNumber(connections.length)})`, lines));
  const properties = [...entry.props.values()].map((prop) => {
    const spec = CONNECTION_PROPERTIES[prop.name];
    if (!isScalar(prop.node)) return `- ${code(prop.name)}`;
    const written = `${prop.name}: ${String(prop.node.value)}`;
    if (spec && QUANTITY_KINDS.includes(spec.kind) && typeof prop.value === 'number') {
      return `- ${code(written)} = ${isSelfExplaining(spec.kind, prop.node, prop.value) ? baseText(spec.kind, prop.value) : quantityText(spec.kind, prop.value)}`;
    }
    return `- ${code(written)}`;
  });
  if (properties.length) sections.push(listSection('Connection properties', properties));
  return result(operator ?? operators.find(touching) ?? entry.flowNode, sections);
}

/**
 * What one connection carries, from the capacity model: its rate (what gets through, and
 * the demand when something upstream throttles), and for an event source mapping the
 * batch size in effect (written, or AWS's default for the source) and the invocations it makes.
 */
function connectionLoadLines(analysis: Analysis, connection: Connection): string[] {
  const lines: string[] = [];
  const load = capacityOf(analysis.model).connection(connection);
  if (load) {
    const how = load.declared ? 'declared' : `passed on by ${code(connection.source.id)}`;
    const throttled = load.demand > load.rate * (1 + 1e-9) ? `; demand ${formatRate(load.demand)}, throttled upstream` : '';
    lines.push(`  - Rate: **${formatRate(load.rate)}** (${how}${throttled})`);
  } else {
    lines.push('  - Rate: not known (no `rate` declared here or upstream)');
  }
  const from = connection.from?.type;
  const to = connection.to?.type;
  const kind = from && to ? classifyConnection(from, to, connectionOptions(connection)).kind : undefined;
  if (from && (kind === 'event-source-mapping' || (kind === 'pipe' && (to === 'lambda' || to === 'stepfunctions')))) {
    const written = connection.props.get('batchSize')?.value;
    const declared = typeof written === 'number' && written > 0;
    const batch = declared ? written : from === 'sqs' ? ESM.sqsBatchSizeDefault.value : ESM.kinesisBatchSizeDefault.value;
    const why = declared
      ? 'declared'
      : `AWS default from ${from === 'kinesis' ? 'a Kinesis stream' : from === 'dynamodb' ? 'a DynamoDB stream' : 'an SQS queue'}`;
    const invocations = load
      ? `: ${formatRate(load.rate / batch)} ${to === 'stepfunctions' ? 'executions' : 'invocations'} with full batches`
      : '';
    lines.push(`  - Batch size: **${formatNumber(batch)}** (${why})${invocations}`);
  } else if (connection.props.get('batching')?.value === true) {
    lines.push('  - Sent in batches of up to 10 (`batching: true`)');
  }
  return lines;
}

/** The findings about this connection (they sit on an id of the flow, not where the hover is). */
function connectionFindingLines(analysis: Analysis, connection: Connection): string[] {
  const key = connectionKey(connection);
  return analysis.findings
    .filter((finding) => finding.connections?.includes(key))
    .map(
      (finding) =>
        `  - ${finding.severity === 'error' ? 'Error' : finding.severity === 'warning' ? 'Warning' : 'Info'} ${code(finding.ruleId)}: ${escapeMarkdown(finding.message)}`,
    );
}

/** The `->` arrows and `,` separators of a flow string, in the document. */
function flowOperators(text: string, node: YScalar): OffsetRange[] {
  const operators: OffsetRange[] = [];
  const raw = text.slice(node.start, node.end);
  for (let at = raw.indexOf('->'); at !== -1; at = raw.indexOf('->', at + 2))
    operators.push({ start: node.start + at, end: node.start + at + 2 });
  for (let at = raw.indexOf(','); at !== -1; at = raw.indexOf(',', at + 1))
    operators.push({ start: node.start + at, end: node.start + at + 1 });
  return operators.sort((a, b) => a.start - b.start);
}

function encryptionSection(resource: Resource): string | undefined {
  const type = resource.type;
  if (!type || !('encryption' in TYPE_PROPERTIES[type])) return undefined;
  const value = resource.props.get('encryption')?.value;
  if (typeof value === 'object') return `Encryption at rest: ${encryptionText(type, value)}.`;
  if (resource.props.has('encryption')) return undefined;
  return UNSET_ENCRYPTION[type];
}

/**
 * Where leaving `encryption` out still encrypts. Types that stay unencrypted are left
 * out: encryption/at-rest says so on the same key.
 */
const UNSET_ENCRYPTION: Partial<Record<ResourceType, string>> = {
  sqs: `Encryption at rest: SSE-SQS. \`encryption\` is not set, and SSE-SQS is AWS's default for new queues since 2022 (${link('AWS announcement', SQS.defaultEncryption)}).`,
  dynamodb: 'Encryption at rest: a key AWS owns. `encryption` is not set, and DynamoDB always encrypts tables.',
  s3: "Encryption at rest: SSE-S3. `encryption` is not set, and SSE-S3 is AWS's default for new objects since January 2023.",
};

const AWS_MANAGED_KEY: Partial<Record<ResourceType, string>> = {
  sqs: 'alias/aws/sqs',
  sns: 'alias/aws/sns',
  kinesis: 'alias/aws/kinesis',
  firehose: 'alias/aws/firehose',
  dynamodb: 'alias/aws/dynamodb',
  s3: 'alias/aws/s3',
  rds: 'alias/aws/rds',
  efs: 'alias/aws/elasticfilesystem',
};

function encryptionText(type: ResourceType | undefined, encryption: Encryption): string {
  switch (encryption.kind) {
    case 'none':
      return 'not encrypted at rest';
    case 'sqs-managed':
      return 'SSE-SQS, with keys SQS owns and manages';
    case 'kms-aws-managed': {
      const alias = type ? AWS_MANAGED_KEY[type] : undefined;
      return `SSE-KMS with the AWS managed key${alias ? ` ${code(alias)}` : ''}`;
    }
    case 'kms-customer-managed':
      return `SSE-KMS with the customer managed key ${code(encryption.key)}`;
  }
}

// ---------------------------------------------------------------------------------------
// Rules

function ruleHover(analysis: Analysis, id: string, range: OffsetRange, links: DocsLinks): HoverResult | undefined {
  const rule = ruleById(id);
  if (!rule) return undefined;
  const sections = [`**${code(rule.id)}** — rule, default severity ${rule.defaultSeverity}`, rule.summary];
  const setting = analysis.model.ruleSettings.find((s) => s.ruleId === id);
  if (setting && setting.severity) sections.push(`Set to ${code(setting.severity)} in this file.`);
  const url = docsUrl(rule.id, links);
  if (url) sections.push(link('Documentation', url));
  return result(range, sections);
}

/** A rule id in a `# awsflow-ignore` comment: a real comment, not a `#` inside a quoted value. */
function ignoreCommentHover(analysis: Analysis, offset: number, context: () => CursorContext, links: DocsLinks): HoverResult | undefined {
  const doc = yamlTextOf(analysis);
  const line = doc.lineAt(offset);
  // Most hovers are nowhere near one: a look at the line before the scanner is asked.
  if (!analysis.text.slice(doc.starts[line], doc.ends[line]).includes('awsflow-ignore')) return undefined;
  const at = context();
  if (at.kind !== 'comment') return undefined;
  const comment = analysis.text.slice(at.start, doc.ends[line]);
  for (const found of findIgnoreComments(comment)) {
    for (const id of found.ruleIds) {
      const range = { start: at.start + id.start, end: at.start + id.end };
      if (within(range, offset)) return ruleHover(analysis, id.id, range, links);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Schema and specs

interface SchemaNode {
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly $ref?: string;
  readonly then?: SchemaNode;
}

const SCHEMA = schemaJson as unknown as SchemaNode & { readonly $defs: Readonly<Record<string, SchemaNode>> };

function specAt(context: PropertyContext, path: readonly string[]): PropertySpec | undefined {
  const [name, child] = path;
  if (name === undefined || path.length > 2) return undefined;
  let spec: PropertySpec | undefined;
  if (context.owner === 'connection') spec = CONNECTION_PROPERTIES[name];
  else spec = context.type ? propertySpec(context.type, name) : COMMON_PROPERTIES[name];
  return child === undefined ? spec : spec?.properties?.[child];
}

function schemaAt(context: PropertyContext, path: readonly string[]): SchemaNode | undefined {
  const [name, ...rest] = path;
  if (name === undefined) return undefined;
  let node: SchemaNode | undefined;
  if (context.owner === 'connection') node = SCHEMA.$defs.connection?.properties?.[name];
  // Each type's own `type` only says `Resource type sqs`: the common one lists them all.
  else if (name === 'type') node = SCHEMA.$defs.resource?.properties?.type;
  else node = SCHEMA.$defs[context.type ?? 'client']?.properties?.[name];
  for (const key of rest) node = node ? childSchema(node, key) : undefined;
  return node;
}

function childSchema(node: SchemaNode, key: string): SchemaNode | undefined {
  const direct = node.properties?.[key];
  if (direct) return direct;
  const target = node.$ref?.startsWith('#/$defs/') ? SCHEMA.$defs[node.$ref.slice('#/$defs/'.length)] : undefined;
  return target?.properties?.[key] ?? target?.then?.properties?.[key];
}

// ---------------------------------------------------------------------------------------
// Quantities, in the unit AWS counts in and in human form

const SERVICE = typeRecord((facts) => facts.service);

/** The number in AWS's unit: `1,200 s`, `2,048 bytes`, `512 MB`, `20/s`, `512 CPU units`. */
function baseText(kind: ValueKind, value: number): string {
  switch (kind) {
    case 'duration':
      return `${formatNumber(value)} s`;
    case 'size':
      return `${formatNumber(value)} bytes`;
    case 'megabytes':
      return `${formatNumber(value)} MB`;
    case 'rate':
      return `${value >= 1 || value === 0 ? formatNumber(value) : String(Number(value.toPrecision(2)))}/s`;
    case 'cpu':
      return `${formatNumber(value)} CPU units`;
    default:
      return formatNumber(value);
  }
}

/** `baseText`, with the human form after it where that says more: `900 s (15 min)`, `262,144 bytes (256 KiB)`. */
function quantityText(kind: ValueKind, value: number): string {
  const base = baseText(kind, value);
  switch (kind) {
    case 'duration':
      return value >= 60 || (value > 0 && value < 1) ? `${base} (${formatSeconds(value)})` : base;
    case 'size': {
      if (value < 1024) return base;
      const human = formatBytes(value);
      return `${base} (${parseSize(human.replace(' ', '')) === value ? '' : '≈ '}${human})`;
    }
    case 'megabytes':
      return value >= 1024 ? `${base} (${formatNumber(value / 1024)} GB)` : base;
    case 'rate':
      return value > 0 && value < 1 ? `${base} (${formatRate(value)})` : base;
    case 'cpu':
      return `${base} (${formatNumber(value / 1024)} vCPU)`;
    default:
      return base;
  }
}

/** `1 s – 900 s (15 min)`, `at least 1`; with `links`, each bound links to its source. */
function rangeText(kind: ValueKind, min: Fact | undefined, max: Fact | undefined, links: boolean): string | undefined {
  const bound = (fact: Fact): string => {
    const text = quantityText(kind, fact.value);
    return links && fact.source ? link(text, fact.source) : text;
  };
  if (min && max) return `${bound(min)} – ${bound(max)}`;
  if (min) return `at least ${bound(min)}`;
  if (max) return `at most ${bound(max)}`;
  return undefined;
}

function defaultText(kind: ValueKind, value: number | string | boolean): string {
  return typeof value === 'number' ? quantityText(kind, value) : code(String(value));
}

// ---------------------------------------------------------------------------------------
// Markdown

function result(range: OffsetRange, sections: readonly string[]): HoverResult {
  return { start: range.start, end: range.end, markdown: sections.join('\n\n') };
}

function textProp(resource: Resource, name: string): string | undefined {
  const prop = resource.props.get(name);
  if (!prop || prop.fromDefaults) return undefined;
  const value = prop.raw;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A code span that holds any text: the fence is longer than any run of backticks inside. */
function code(text: string): string {
  const shown = truncate(text.replace(/[\r\n]+/g, ' '), 120);
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&');
}

function link(text: string, url: string): string {
  return `[${text}](${url})`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
