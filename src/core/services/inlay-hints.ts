/**
 * Inlay hints: after a value whose unit a reader could get wrong, the value as AWS counts
 * it. A bare number is seconds for a duration, bytes for a size, MB for memory and CPU
 * units for cpu; `1h30m` is easier to compare in seconds. Values that say their unit
 * plainly (`30s`, `2GB`, `0.5 vCPU`) get nothing.
 */
import type { Analysis } from '../analyze';
import type { InlayHintEntry } from './types';
import type { OffsetRange } from '../text/line-index';
import { findPair, isMap, isScalar, keyText, type YMap, type YScalar } from '../parse/ast';
import { normalise } from '../model/model';
import { CONNECTION_PROPERTIES, isResourceType, propertySpec, type PropertySpec, type ValueKind } from '../model/properties';
import { describeRate, formatBytes, formatNumber, formatRate, formatSeconds, parseSize } from '../parse/values';
import { capacityOf } from '../model/capacity';

export function inlayHints(analysis: Analysis, range: OffsetRange): InlayHintEntry[] {
  const hints: InlayHintEntry[] = [];
  const root = analysis.model.root;
  const add = (hint: InlayHintEntry | undefined): void => {
    if (hint && hint.offset >= range.start && hint.offset <= range.end) hints.push(hint);
  };
  const overlaps = (node: OffsetRange): boolean => node.start <= range.end && node.end >= range.start;

  const resources = findPair(root, 'resources')?.value;
  if (isMap(resources)) {
    for (const pair of resources.items) {
      if (!isMap(pair.value) || !overlaps(pair.value)) continue;
      const typeNode = findPair(pair.value, 'type')?.value;
      const type = isScalar(typeNode) && isResourceType(typeNode.value) ? typeNode.value : undefined;
      if (type) walk(pair.value, (name) => propertySpec(type, name), add, overlaps);
    }
  }
  const defaults = findPair(root, 'defaults')?.value;
  if (isMap(defaults)) {
    for (const pair of defaults.items) {
      const type = keyText(pair.key);
      if (isResourceType(type) && isMap(pair.value) && overlaps(pair.value))
        walk(pair.value, (name) => propertySpec(type, name), add, overlaps);
    }
  }
  for (const entry of analysis.model.flows) {
    if (entry.propsNode && overlaps(entry.propsNode)) walk(entry.propsNode, (name) => CONNECTION_PROPERTIES[name], add, overlaps);
  }
  for (const hint of flowRateHints(analysis, range)) add(hint);
  return hints.sort((a, b) => a.offset - b.offset);
}

/**
 * Rates worked out along the flows: after a flow string whose rate is not declared on
 * the entry, the rate that reaches it from upstream (` = 20/s`; ` ≈ 33.33/s` when rounded;
 * ` = 300/s (demand 5,000/s)` when a throttle on the way lets less through).
 */
function flowRateHints(analysis: Analysis, range: OffsetRange): InlayHintEntry[] {
  const capacity = capacityOf(analysis.model);
  const hints: InlayHintEntry[] = [];
  for (const entry of analysis.model.flows) {
    if (entry.flowNode.end < range.start || entry.flowNode.end > range.end) continue;
    if (entry.props.has('rate')) continue; // declared: already on screen
    const loads = entry.connections.map((connection) => capacity.connection(connection)).filter((load) => load !== undefined);
    if (loads.length === 0) continue;
    const described = loads.map((load) => describeRate(load.rate));
    const distinct = [...new Set(described.map((rate) => rate.text))];
    const exact = described.every((rate) => rate.exact);
    // Less gets through than upstream sends: a throttle on the way; say what was wanted.
    const demands = [...new Set(loads.filter((load) => load.demand > load.rate * (1 + 1e-9)).map((load) => formatRate(load.demand)))];
    const demand = demands.length > 0 ? ` (demand ${demands.join(' / ')})` : '';
    const many = entry.connections.length > 1;
    // On a fan-out or fan-in line the figure is per arrow; say so, and say when some are unknown.
    const each = many ? (distinct.length === 1 ? ' each' : '') : '';
    const known =
      many && loads.length < entry.connections.length ? ` (${loads.length} of ${entry.connections.length} connections known)` : '';
    hints.push({
      offset: entry.flowNode.end,
      label: ` ${exact ? '=' : '≈'} ${distinct.join(' / ')}${each}${demand}${known}`,
      tooltip:
        (many
          ? 'Rate carried by each connection of this line, worked out from the rates declared upstream.'
          : 'Rate carried by this connection, worked out from the rates declared upstream.') +
        (demand ? ' Upstream would send more, but a resource on the way throttles it: this is what gets through.' : ''),
    });
  }
  return hints;
}

function walk(
  map: YMap,
  specFor: (name: string) => PropertySpec | undefined,
  add: (hint: InlayHintEntry | undefined) => void,
  overlaps: (node: OffsetRange) => boolean,
): void {
  for (const pair of map.items) {
    const spec = specFor(keyText(pair.key));
    const value = pair.value;
    if (!spec || !value || !overlaps(value)) continue;
    if (isScalar(value)) add(hintFor(spec.kind, value, normalise(spec, value)));
    else if (isMap(value) && spec.properties) {
      const properties = spec.properties;
      walk(value, (name) => properties[name], add, overlaps);
    }
  }
}

function hintFor(kind: ValueKind, node: YScalar, value: unknown): InlayHintEntry | undefined {
  if (typeof value !== 'number') return undefined;
  const written = String(node.value).trim();
  const bare = typeof node.value === 'number' || /^\d+(?:\.\d+)?$/.test(written);
  const label = labelFor(kind, value, written, bare);
  if (!label) return undefined;
  return { offset: node.end, label, tooltip: tooltipFor(kind, written, value) };
}

function labelFor(kind: ValueKind, value: number, written: string, bare: boolean): string | undefined {
  switch (kind) {
    case 'duration':
      if (bare) return ` = ${formatSeconds(value)}`;
      // Several parts (`1h30m`) add up more easily in seconds.
      return (written.match(/\d(?:ms|s|m|h|d)/g) ?? []).length > 1 ? ` = ${formatNumber(value)} s` : undefined;
    case 'size': {
      if (!bare) return undefined;
      const human = formatBytes(value);
      return value >= 1024 && parseSize(human.replace(' ', '')) === value ? ` = ${human}` : ' bytes';
    }
    case 'megabytes':
      return bare ? ' MB' : undefined;
    case 'cpu':
      return bare ? ` = ${formatNumber(value / 1024)} vCPU` : undefined;
    default:
      return undefined;
  }
}

function tooltipFor(kind: ValueKind, written: string, value: number): string {
  switch (kind) {
    case 'duration':
      return `\`${written}\` is ${formatNumber(value)} seconds.`;
    case 'size':
      return `\`${written}\` is ${formatNumber(value)} bytes (1 KiB = 1,024 bytes).`;
    case 'megabytes':
      return `\`${written}\` is ${formatNumber(value)} MB: a bare number here is megabytes (MiB, as AWS counts).`;
    default:
      return `\`${written}\` is ${formatNumber(value)} CPU units (1,024 units = 1 vCPU).`;
  }
}
