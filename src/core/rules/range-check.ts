/**
 * Shared by the `<type>/range` rules: finds every property (nested objects included)
 * whose normalised value is outside the min/max that `TYPE_PROPERTIES` gives it, and
 * reports it on the value node with a fix that clamps to the limit, written the way the
 * user writes values (`14d`, `20s`, `1MB`, bare numbers stay bare).
 */
import { findPair, isMap, isScalar, keyText, type YMap, type YScalar } from '../parse/ast';
import { normalise } from '../model/model';
import { TYPE_PROPERTIES, type PropertySpec, type ResourceType, type ValueKind } from '../model/properties';
import type { Fact } from '../limits/aws';
import { formatBytes, formatNumber, formatSeconds, parseSize } from '../parse/values';
import type { RuleContext } from './types';

/** The messages every range rule declares (spread them into the rule's `messages`). */
export const RANGE_MESSAGES = {
  belowMin: '{service} {property} {given} is below the minimum of {limit}.',
  overMax: '{service} {property} {given} is over the maximum of {limit}.',
  clamp: 'Set {property} to {value}',
} as const;

export type RangeMessageId = keyof typeof RANGE_MESSAGES;

export interface RangeOptions {
  /** Service name at the start of messages: `SQS`, `Lambda`… */
  readonly service: string;
  /** Property paths another rule owns (`timeout`, `deadLetter.maxReceiveCount`). */
  readonly skip?: readonly string[];
}

/** Facts (min and max) of a type's properties, for a rule's `facts`. */
export function rangeFacts(type: ResourceType, skip: readonly string[] = []): Fact[] {
  const facts: Fact[] = [];
  const walk = (specs: Readonly<Record<string, PropertySpec>>, prefix: string): void => {
    for (const [name, spec] of Object.entries(specs)) {
      const path = prefix + name;
      if (skip.includes(path)) continue;
      for (const limit of [spec.min, spec.max]) if (limit && limit.source !== '' && !facts.includes(limit)) facts.push(limit);
      if (spec.properties) walk(spec.properties, `${path}.`);
    }
  };
  walk(TYPE_PROPERTIES[type], '');
  return facts;
}

/**
 * Checks `defaults.<type>` and every resource of the type. A value in `defaults` is
 * reported once, on its own node, whether or not a resource overrides it.
 */
export function checkRanges(context: RuleContext<RangeMessageId>, type: ResourceType, options: RangeOptions): void {
  const { model } = context;
  const seen = new Set<number>();
  const maps: YMap[] = [];
  const defaults = findPair(model.root, 'defaults')?.value;
  const inherited = isMap(defaults) ? findPair(defaults, type)?.value : undefined;
  if (isMap(inherited)) maps.push(inherited);
  for (const resource of model.ofType(type)) if (resource.node) maps.push(resource.node);

  const walk = (map: YMap, specs: Readonly<Record<string, PropertySpec>>, prefix: string): void => {
    for (const pair of map.items) {
      const name = keyText(pair.key);
      const spec = specs[name];
      if (!spec) continue;
      const path = prefix + name;
      if (options.skip?.includes(path)) continue;
      const node = pair.value;
      if (spec.kind === 'object' && spec.properties && isMap(node)) walk(node, spec.properties, `${path}.`);
      if (!spec.min && !spec.max) continue;
      if (!isScalar(node) || seen.has(node.start)) continue;
      const value = normalise(spec, node);
      if (typeof value !== 'number') continue;
      const limit = spec.min && value < spec.min.value - EPSILON ? spec.min : spec.max && value > spec.max.value + EPSILON ? spec.max : undefined;
      if (!limit) continue;
      seen.add(node.start);
      const text = clampText(spec.kind, node, limit.value);
      context.report({
        at: node,
        messageId: limit === spec.min ? 'belowMin' : 'overMax',
        data: { service: options.service, property: path, given: givenText(spec.kind, node, value), limit: limitText(spec.kind, limit) },
        fix: { messageId: 'clamp', data: { property: path, value: text }, build: (edits) => edits.replace(node, text) },
      });
    }
  };
  for (const map of maps) walk(map, TYPE_PROPERTIES[type], '');
}

const EPSILON = 1e-9;

/** `20d (20 d)`: the value as written, then in AWS's unit when that says something more. */
export function givenText(kind: ValueKind, node: YScalar, value: number): string {
  const written = String(node.value);
  const unit = unitText(kind, value);
  return unit === undefined || unit === written ? written : `${written} (${unit})`;
}

function unitText(kind: ValueKind, value: number): string | undefined {
  switch (kind) {
    case 'duration':
      return formatSeconds(value);
    case 'size': {
      // `1 MiB` for 1,048,577 bytes would hide the very byte that is over.
      const text = formatBytes(value);
      return parseSize(text) === value ? text : `${formatNumber(value)} bytes`;
    }
    case 'megabytes':
      return `${formatNumber(value)} MB`;
    default:
      return undefined;
  }
}

/** `14 days (1,209,600 s)`: the fact's text and the number AWS's API takes. */
export function limitText(kind: ValueKind, limit: Fact): string {
  const base = kind === 'duration' ? `${formatNumber(limit.value)} s`
    : kind === 'size' ? `${formatNumber(limit.value)} bytes`
    : kind === 'megabytes' ? `${formatNumber(limit.value)} MB`
    : formatNumber(limit.value);
  if (base === limit.text) return limit.text;
  // `365 days (8,760 hours)` -> `365 days (8,760 hours, 31,536,000 s)`
  return limit.text.endsWith(')') ? `${limit.text.slice(0, -1)}, ${base})` : `${limit.text} (${base})`;
}

import { compactDuration, DURATION_UNITS } from '../edit/write-values';
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3, tb: 1024 ** 4, tib: 1024 ** 4 };
const DECIMAL_FAMILY = ['TB', 'GB', 'MB', 'KB', 'B'];
const BINARY_FAMILY = ['TiB', 'GiB', 'MiB', 'KiB', 'B'];

/**
 * `value` (in the kind's normalised unit) written like `node`: a bare number stays a bare
 * number; otherwise the unit the user wrote when the value is a whole number of it (for
 * durations, under 1,000 of it), else the shortest duration or the largest size unit of
 * the same family (KB or KiB) that gives a whole number.
 */
export function clampText(kind: ValueKind, node: YScalar, value: number): string {
  const raw = node.value;
  const bare = typeof raw === 'number' || (typeof raw === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(raw));
  if (kind === 'duration') return bare ? String(value) : durationLike(typeof raw === 'string' ? raw : '', value);
  if (kind === 'size' || kind === 'megabytes') {
    const base = kind === 'megabytes' ? value * 1024 ** 2 : value;
    return bare ? String(value) : sizeLike(typeof raw === 'string' ? raw : '', base);
  }
  return String(value);
}

function durationLike(written: string, seconds: number): string {
  const unit = /\d(ms|s|m|h|d)/.exec(written)?.[1];
  const factor = DURATION_UNITS.find(([name]) => name === unit)?.[1];
  // `24h` for someone who wrote `12h`, but `2h` rather than `7200s`.
  if (factor !== undefined && isWhole(seconds / factor) && seconds / factor < 1000) return `${round(seconds / factor)}${unit}`;
  return compactDuration(seconds);
}


function sizeLike(written: string, bytes: number): string {
  const match = /(\s*)([KMGT]i?B|B)\s*$/i.exec(written);
  const space = match?.[1] ? ' ' : '';
  const unit = match?.[2];
  const factor = unit ? SIZE_UNITS[unit.toLowerCase()] : undefined;
  if (unit && factor !== undefined && isWhole(bytes / factor)) return `${round(bytes / factor)}${space}${unit}`;
  const family = unit && /i/i.test(unit) ? BINARY_FAMILY : DECIMAL_FAMILY;
  for (const name of family) {
    const size = SIZE_UNITS[name.toLowerCase()]!;
    if (bytes >= size && isWhole(bytes / size)) return `${round(bytes / size)}${space}${name}`;
  }
  return String(bytes);
}

function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-6;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
