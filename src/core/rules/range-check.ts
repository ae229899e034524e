/**
 * Shared by the `<type>/range` rules and `flows/range`: finds every property (nested
 * objects included) whose normalised value is outside the min/max that `TYPE_PROPERTIES`
 * or `CONNECTION_PROPERTIES` gives it, or between two of the whole units AWS's API takes
 * (`step`: Lambda's timeout in whole seconds), and reports it on the value node with a fix
 * that clamps or rounds to the nearest accepted value, written the way the user writes
 * values (`14d`, `20s`, `1MB`, bare numbers stay bare).
 */
import { findPair, isMap, isScalar, keyText, type YMap, type YScalar } from '../parse/ast';
import { normalise } from '../model/model';
import { CONNECTION_PROPERTIES, TYPE_PROPERTIES, type PropertySpec, type ResourceType, type ValueKind } from '../model/properties';
import type { Fact } from '../limits/aws';
import { formatBytes, formatNumber, formatSeconds, parseSize } from '../parse/values';
import type { RuleContext } from './types';

/** The messages every range rule declares (spread them into the rule's `messages`). */
export const RANGE_MESSAGES = {
  belowMin: '{service} {property} {given} is below the minimum of {limit}.',
  overMax: '{service} {property} {given} is over the maximum of {limit}.',
  notWhole: '{service} {property} {given} is not a whole number of {unit}; AWS takes {property} in {step} and rejects the value.',
  clamp: 'Set {property} to {value}',
} as const;

export type RangeMessageId = keyof typeof RANGE_MESSAGES;

/** What a range rule checks of a property: its minimum, its maximum, its step. */
export type Bound = 'min' | 'max' | 'step';

/**
 * A property path another rule owns: the whole property (`memory`), or one bound of it
 * (`{ path: 'timeout', bound: 'max' }`: lambda/timeout-limit owns the 15-minute maximum).
 */
export type OwnedElsewhere = string | { readonly path: string; readonly bound: Bound };

export interface RangeOptions {
  /** Service name at the start of messages: `SQS`, `Lambda`… */
  readonly service: string;
  readonly skip?: readonly OwnedElsewhere[];
}

/** Whether `skip` gives `bound` of the property at `path` to another rule. */
export function ownedElsewhere(skip: readonly OwnedElsewhere[] | undefined, path: string, bound: Bound): boolean {
  return skip?.some((owned) => (typeof owned === 'string' ? owned === path : owned.path === path && owned.bound === bound)) ?? false;
}

/** Facts (min, max and step) of a type's properties, or of the connection properties, for a rule's `facts`. */
export function rangeFacts(type: ResourceType | 'connection', skip: readonly OwnedElsewhere[] = []): Fact[] {
  const facts: Fact[] = [];
  const walk = (specs: Readonly<Record<string, PropertySpec>>, prefix: string): void => {
    for (const [name, spec] of Object.entries(specs)) {
      const path = prefix + name;
      for (const bound of ['min', 'max', 'step'] as const) {
        const limit = spec[bound];
        if (limit && !ownedElsewhere(skip, path, bound) && !facts.includes(limit)) facts.push(limit);
      }
      if (spec.properties) walk(spec.properties, `${path}.`);
    }
  };
  walk(type === 'connection' ? CONNECTION_PROPERTIES : TYPE_PROPERTIES[type], '');
  return facts;
}

/**
 * Checks `defaults.<type>` and every resource of the type. A value in `defaults` is
 * reported once, on its own node, whether or not a resource overrides it.
 */
export function checkRanges(context: RuleContext<RangeMessageId>, type: ResourceType, options: RangeOptions): void {
  const { model } = context;
  const seen = new Set<number>();
  const defaults = findPair(model.root, 'defaults')?.value;
  const inherited = isMap(defaults) ? findPair(defaults, type)?.value : undefined;
  if (isMap(inherited)) checkMap(context, inherited, TYPE_PROPERTIES[type], '', options, seen);
  for (const resource of model.ofType(type)) if (resource.node) checkMap(context, resource.node, TYPE_PROPERTIES[type], '', options, seen);
}

/** Checks the properties of every flow entry (a fan-out's one map is checked once). */
export function checkConnectionRanges(context: RuleContext<RangeMessageId>, options: RangeOptions): void {
  const seen = new Set<number>();
  for (const entry of context.model.flows)
    if (entry.propsNode) checkMap(context, entry.propsNode, CONNECTION_PROPERTIES, '', options, seen);
}

function checkMap(
  context: RuleContext<RangeMessageId>,
  map: YMap,
  specs: Readonly<Record<string, PropertySpec>>,
  prefix: string,
  options: RangeOptions,
  seen: Set<number>,
): void {
  for (const pair of map.items) {
    const name = keyText(pair.key);
    const spec = specs[name];
    if (!spec) continue;
    const path = prefix + name;
    if (options.skip?.includes(path)) continue;
    const node = pair.value;
    if (spec.kind === 'object' && spec.properties && isMap(node)) checkMap(context, node, spec.properties, `${path}.`, options, seen);
    if (!spec.min && !spec.max && !spec.step) continue;
    if (!isScalar(node) || seen.has(node.start)) continue;
    const value = normalise(spec, node);
    if (typeof value !== 'number') continue;
    const min = ownedElsewhere(options.skip, path, 'min') ? undefined : spec.min;
    const max = ownedElsewhere(options.skip, path, 'max') ? undefined : spec.max;
    const limit = min && value < min.value - EPSILON ? min : max && value > max.value + EPSILON ? max : undefined;
    if (limit) {
      seen.add(node.start);
      const text = clampText(spec.kind, node, limit.value);
      context.report({
        at: node,
        messageId: limit === min ? 'belowMin' : 'overMax',
        data: { service: options.service, property: path, given: givenText(spec.kind, node, value), limit: limitText(spec.kind, limit) },
        fix: { messageId: 'clamp', data: { property: path, value: text }, build: (edits) => edits.replace(node, text) },
      });
      continue;
    }
    // A value out of a range another rule owns is that rule's finding, not a second one here.
    const inRange = (!spec.min || value >= spec.min.value - EPSILON) && (!spec.max || value <= spec.max.value + EPSILON);
    const step = spec.step;
    if (!step || ownedElsewhere(options.skip, path, 'step') || !inRange || isWhole(value / step.value)) continue;
    seen.add(node.start);
    const nearest = Math.min(
      Math.max(round(Math.round(value / step.value) * step.value), spec.min?.value ?? -Infinity),
      spec.max?.value ?? Infinity,
    );
    const text = clampText(spec.kind, node, nearest);
    context.report({
      at: node,
      messageId: 'notWhole',
      data: {
        service: options.service,
        property: path,
        given: givenText(spec.kind, node, value),
        unit: step.text.replace(/^whole /, ''),
        step: step.text,
      },
      fix: { messageId: 'clamp', data: { property: path, value: text }, build: (edits) => edits.replace(node, text) },
    });
  }
}

const EPSILON = 1e-9;

/** `20d (20 d)`: the value as written, then in AWS's unit when that says something more. */
export function givenText(kind: ValueKind, node: YScalar, value: number): string {
  const written = String(node.value);
  // `0s` says all there is; `0 ms` would only confuse.
  const unit = value === 0 ? undefined : unitText(kind, value);
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
  const base =
    kind === 'duration'
      ? `${formatNumber(limit.value)} s`
      : kind === 'size'
        ? `${formatNumber(limit.value)} bytes`
        : kind === 'megabytes'
          ? `${formatNumber(limit.value)} MB`
          : formatNumber(limit.value);
  if (base === limit.text) return limit.text;
  // `365 days (8,760 hours)` -> `365 days (8,760 hours, 31,536,000 s)`
  return limit.text.endsWith(')') ? `${limit.text.slice(0, -1)}, ${base})` : `${limit.text} (${base})`;
}

import { compactDuration, DURATION_UNITS } from '../edit/write-values';
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};
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
