/** The keys and values of `account:`, `defaults:` and `rules:`. */
import { ACCOUNT_PROPERTIES, RESOURCE_TYPES, TYPE_PROPERTIES } from '../../model/properties';
import { rules } from '../../rules/index';
import type { CompletionEntry } from '../types';
import type { Context } from './context';
import { followedByColon, keyInsert, pad, ruleDocumentation, SCHEMA, TYPE_DETAILS } from './context';
import { describe } from './resource-keys';
import { defaultValue, unitValues } from './values';

export function accountKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  return Object.entries(ACCOUNT_PROPERTIES)
    .filter(([name]) => !present.has(name))
    .map(([name, spec], index) => {
      const node = SCHEMA.properties.account?.properties?.[name];
      const fallback = accountDefault(name);
      const detail =
        fallback === undefined
          ? describe(spec, node, undefined)
          : `${describe({ kind: spec.kind }, undefined, undefined)} · default ${fallback}`;
      return c.entry(name, 'property', keyInsert(c, name), { detail, documentation: node?.description, sortText: pad(index) });
    });
}

/** AWS's default of an `account` quota as it is written: a rate with its unit. */
function accountDefault(name: string): string | undefined {
  const spec = ACCOUNT_PROPERTIES[name];
  const value = SCHEMA.properties.account?.properties?.[name]?.default ?? spec?.default;
  if (value === undefined) return undefined;
  return spec?.kind === 'rate' ? `${String(value)}/s` : String(value);
}

/** A value of an `account` quota: AWS's default (a rate with its unit), or units after a number. */
export function accountValues(c: Context, name: string): CompletionEntry[] {
  const spec = ACCOUNT_PROPERTIES[name];
  if (!spec) return [];
  const node = SCHEMA.properties.account?.properties?.[name];
  if (spec.kind === 'rate') {
    const units = unitValues(c, 'rate', name);
    if (units) return units;
  }
  return defaultValue(c, { ...node, default: accountDefault(name) });
}

export function defaultsTypeKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  return RESOURCE_TYPES.filter((type) => !present.has(type) && Object.keys(TYPE_PROPERTIES[type]).length > 0).map((type, index) =>
    c.entry(
      type,
      'type',
      c.place.quoted || followedByColon(c)
        ? type
        : c.place.inFlow
          ? `${type}: { \${1} }`
          : `${type}:${c.doc.eol}${c.place.indent}${c.unit}`,
      {
        detail: `defaults for every ${TYPE_DETAILS[type]}`,
        documentation: SCHEMA.$defs[type]?.description,
        sortText: pad(index),
        ...(c.place.inFlow && !c.place.quoted && !followedByColon(c) ? { snippet: true } : {}),
      },
    ),
  );
}

export function ruleKeys(c: Context): CompletionEntry[] {
  const present = c.place.entries();
  return rules
    .filter((rule) => !present.has(rule.id))
    .map((rule) =>
      c.entry(rule.id, 'rule', keyInsert(c, rule.id), {
        detail: rule.summary,
        documentation: ruleDocumentation(rule.id, rule.summary, rule.defaultSeverity, c.links),
      }),
    );
}

export function severities(c: Context, ruleId: string): CompletionEntry[] {
  const rule = rules.find((r) => r.id === ruleId);
  const node = SCHEMA.$defs.severity;
  return ['error', 'warning', 'info', 'off'].map((severity, index) =>
    c.value(severity, 'value', {
      ...(rule?.defaultSeverity === severity ? { detail: 'default' } : severity === 'off' ? { detail: 'turn the rule off' } : {}),
      ...(node?.description ? { documentation: node.description } : {}),
      sortText: pad(index),
    }),
  );
}
