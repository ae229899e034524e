/**
 * Both ends of every range, generated from the tables: every property of `TYPE_PROPERTIES`
 * and `CONNECTION_PROPERTIES` with a `min`, `max` or `step`, and every source-dependent
 * event source mapping limit of the limits sheet. For each bound, values just inside (in
 * every unit spelling the value can be written in) give no finding on the value, and values
 * just outside give exactly one, from the rule that owns the bound, on the value's exact
 * range. A new ranged property is covered without a line here, and fails here until a rule
 * reports it. The schema must accept every in-range value and leave ranges to the rules.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/index';
import {
  CONNECTION_PROPERTIES,
  TYPE_PROPERTIES,
  type PropertySpec,
  type ResourceType,
  type ValueKind,
} from '../../src/core/model/properties';
import { ESM, type Fact } from '../../src/core/limits/aws';
import { compactDuration } from '../../src/core/edit/write-values';

const root = join(__dirname, '../../..');

type Bound = 'min' | 'max' | 'step';
type Owner = ResourceType | 'connection';

/**
 * Bounds that a rule other than `<type>/range` (`flows/range` for connections) owns, keyed
 * `<type> <path> <bound>`. Every entry must name a bound the tables have.
 */
const OTHER_OWNERS: Readonly<Record<string, string>> = {
  'lambda timeout max': 'lambda/timeout-limit',
  'lambda memory min': 'lambda/memory-range',
  'lambda memory max': 'lambda/memory-range',
  'lambda memory step': 'lambda/memory-range',
  'connection batchWindow max': 'esm/batch-window',
  'connection batchWindow step': 'esm/batch-window',
  'connection maxConcurrency min': 'esm/max-concurrency',
  'connection maxConcurrency max': 'esm/max-concurrency',
};

/** Kinds that are never negative: `-1` is not a duration, size or memory size at all (schema/invalid). */
const NON_NEGATIVE_KINDS: readonly ValueKind[] = ['duration', 'size', 'megabytes'];

/**
 * Event source mapping limits that depend on the source, so no single spec holds them. Every
 * `…Min`/`…Max` fact of `ESM` is either a spec bound of `CONNECTION_PROPERTIES`, one of these,
 * or a threshold that is not a range (tested with its rule).
 */
const SOURCE_BOUNDS: readonly {
  readonly fact: keyof typeof ESM;
  readonly source: 'standard' | 'fifo' | 'kinesis';
  readonly rule: string;
}[] = [
  { fact: 'sqsStandardBatchSizeMax', source: 'standard', rule: 'esm/batch-window' },
  { fact: 'sqsFifoBatchSizeMax', source: 'fifo', rule: 'sqs/fifo-batch-size' },
  { fact: 'kinesisBatchSizeMax', source: 'kinesis', rule: 'esm/batch-window' },
];
/** `batchSizeWithoutWindowMax`: over 10 needs a window (esm/batch-window's own tests); not a range. */
const NOT_RANGES: readonly (keyof typeof ESM)[] = ['batchSizeWithoutWindowMax'];

interface Ranged {
  readonly owner: Owner;
  readonly path: string;
  readonly spec: PropertySpec;
}

function rangedProperties(): Ranged[] {
  const found: Ranged[] = [];
  const walk = (owner: Owner, specs: Readonly<Record<string, PropertySpec>>, prefix: string): void => {
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.min || spec.max || spec.step) found.push({ owner, path: prefix + name, spec });
      if (spec.properties) walk(owner, spec.properties, `${prefix}${name}.`);
    }
  };
  for (const [type, specs] of Object.entries(TYPE_PROPERTIES)) walk(type as ResourceType, specs, '');
  walk('connection', CONNECTION_PROPERTIES, '');
  return found;
}

function ownerOf(owner: Owner, path: string, bound: Bound): string {
  return OTHER_OWNERS[`${owner} ${path} ${bound}`] ?? (owner === 'connection' ? 'flows/range' : `${owner}/range`);
}

const isWhole = (value: number): boolean => Math.abs(value - Math.round(value)) < 1e-9;
const tidy = (value: number): number => Math.round(value * 1e9) / 1e9;

/** The ways `value` (in the kind's normalised unit) can be written, each exact. */
function spellings(kind: ValueKind, value: number): string[] {
  const out = new Set<string>();
  const unit = (count: number, name: string): void => {
    if (count >= 0 && isWhole(count * 1000)) out.add(`${tidy(count)}${name}`);
  };
  switch (kind) {
    case 'duration':
      out.add(String(tidy(value)));
      unit(value, 's');
      if (isWhole(value * 1000)) out.add(`${tidy(value * 1000)}ms`);
      for (const [name, size] of [
        ['m', 60],
        ['h', 3600],
        ['d', 86_400],
      ] as const)
        if (isWhole(value / size)) unit(value / size, name);
      if (value > 0 && isWhole(value * 1000)) out.add(compactDuration(value));
      break;
    case 'size':
      // Up to three decimals: `1.001KB` is 1,025.024 bytes, a size no API takes but one a file can hold.
      if (isWhole(value * 1000)) out.add(String(tidy(value)));
      if (isWhole(value)) out.add(`${value}B`);
      for (const [names, size] of [
        [['KB', 'KiB', 'kb'], 1024],
        [['MB', 'MiB', 'mib'], 1024 ** 2],
        [['GB', 'GiB'], 1024 ** 3],
      ] as const) {
        const count = value / size;
        if (count >= 1 && isWhole(count * 1000)) for (const name of names) out.add(`${tidy(count)}${name}`);
        if (count >= 1 && isWhole(count)) out.add(`${tidy(count)} ${names[0]}`);
      }
      break;
    case 'megabytes':
      out.add(String(tidy(value)));
      unit(value, 'MB');
      unit(value, 'MiB');
      if (isWhole(value / 1024)) unit(value / 1024, 'GB');
      if (isWhole(value * 1024)) out.add(`${tidy(value * 1024)}KB`);
      break;
    default:
      out.add(String(value));
  }
  return [...out];
}

/** The smallest step a value of the kind can take when the spec has none. */
function finestStep(kind: ValueKind): number {
  return kind === 'duration' ? 0.001 : 1;
}

interface Case {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `path` set to `value` on a resource of `type` (block style), and the value's range. */
function resourceCase(type: ResourceType, path: string, value: string): Case {
  const keys = path.split('.');
  let text = `awsflow: 1\nresources:\n  subject:\n    type: ${type}\n`;
  let indent = '    ';
  for (const key of keys.slice(0, -1)) {
    text += `${indent}${key}:\n`;
    indent += '  ';
  }
  text += `${indent}${keys.at(-1)!}: `;
  const start = text.length;
  text += `${value}\n`;
  return { text, start, end: start + value.length };
}

/** The same value in `defaults.<type>`, inherited by two resources (one finding, not two). */
function defaultsCase(type: ResourceType, path: string, value: string): Case {
  const keys = path.split('.');
  let text = `awsflow: 1\ndefaults:\n  ${type}:\n`;
  let indent = '    ';
  for (const key of keys.slice(0, -1)) {
    text += `${indent}${key}:\n`;
    indent += '  ';
  }
  text += `${indent}${keys.at(-1)!}: `;
  const start = text.length;
  text += `${value}\nresources:\n  first: { type: ${type} }\n  second: { type: ${type} }\n`;
  return { text, start, end: start + value.length };
}

const QUEUES = '  q: { type: sqs }\n  fq: { type: sqs, fifo: true, name: fq.fifo }\n  k: { type: kinesis }\n  f: { type: lambda }\n';

/** A connection property on an event source mapping from `source` (a fan-out: one map, one finding). */
function connectionCase(name: string, value: string, source: 'standard' | 'fifo' | 'kinesis' = 'standard', extra = ''): Case {
  const from = source === 'standard' ? 'q' : source === 'fifo' ? 'fq' : 'k';
  const head = `awsflow: 1\nresources:\n${QUEUES}  g: { type: lambda }\nflows:\n  - ${from} -> f, g: { ${extra}${name}: `;
  return { text: `${head}${value} }\n`, start: head.length, end: head.length + value.length };
}

function findingsOn(item: Case): string[] {
  return analyze(item.text)
    .findings.filter((f) => f.start === item.start && f.end === item.end)
    .map((f) => `${f.ruleId}:${f.messageId}`);
}

/** Findings of any rule that overlap the value (a schema error on it says the schema rejects it). */
function schemaFindingsOver(item: Case): string[] {
  return analyze(item.text)
    .findings.filter((f) => f.ruleId === 'schema/invalid' && f.start < item.end && f.end > item.start)
    .map((f) => f.message);
}

function casesFor(ranged: Ranged, value: string): Case[] {
  if (ranged.owner === 'connection') return [connectionCase(ranged.path, value)];
  return [resourceCase(ranged.owner, ranged.path, value), defaultsCase(ranged.owner, ranged.path, value)];
}

function assertInside(ranged: Ranged, value: string): void {
  for (const item of casesFor(ranged, value)) {
    assert.deepEqual(findingsOn(item), [], `no finding on ${value}:\n${item.text}`);
    assert.deepEqual(schemaFindingsOver(item), [], `the schema accepts ${value}:\n${item.text}`);
  }
}

function assertOutside(ranged: Ranged, value: string, rule: string): void {
  for (const item of casesFor(ranged, value)) {
    const found = findingsOn(item);
    assert.equal(found.length, 1, `exactly one finding on ${value}, from ${rule}; got ${JSON.stringify(found)}:\n${item.text}`);
    assert.equal(found[0]!.split(':')[0], rule, `${value}:\n${item.text}`);
  }
}

const RANGED = rangedProperties();

describe('ranges: both ends of every ranged property, in every unit spelling', () => {
  test('the tables have ranged properties to test, and every other owner names a real bound', () => {
    assert.ok(RANGED.length >= 20, `${RANGED.length} ranged properties`);
    for (const key of Object.keys(OTHER_OWNERS)) {
      const [owner, path, bound] = key.split(' ') as [Owner, string, Bound];
      const ranged = RANGED.find((r) => r.owner === owner && r.path === path);
      assert.ok(ranged?.spec[bound], `${key} is a bound of the tables`);
    }
  });

  for (const ranged of RANGED) {
    const { spec, owner, path } = ranged;
    const step = spec.step?.value ?? finestStep(spec.kind);
    describe(`${owner} ${path}`, () => {
      if (spec.min) {
        const min = spec.min;
        test(`minimum ${min.text}: inside gives nothing, outside one finding of ${ownerOf(owner, path, 'min')}`, () => {
          assert.notEqual(min.source, '', 'the minimum has its AWS source');
          for (const value of [min.value, min.value + step]) for (const text of spellings(spec.kind, value)) assertInside(ranged, text);
          if (min.value === 0 && NON_NEGATIVE_KINDS.includes(spec.kind)) {
            // Below 0 is not a value of the kind: the schema's one finding, and no range finding besides.
            assertOutside(ranged, '-1', 'schema/invalid');
            return;
          }
          const outside = [
            ...spellings(spec.kind, min.value - step),
            ...(spec.kind === 'integer' ? [] : spellings(spec.kind, min.value - step / 2)),
          ];
          if (min.value > 0 && NON_NEGATIVE_KINDS.includes(spec.kind)) outside.push(...spellings(spec.kind, 0));
          assert.ok(outside.length > 0);
          for (const text of outside) assertOutside(ranged, text, ownerOf(owner, path, 'min'));
        });
      }
      if (spec.max) {
        const max = spec.max;
        test(`maximum ${max.text}: inside gives nothing, outside one finding of ${ownerOf(owner, path, 'max')}`, () => {
          assert.notEqual(max.source, '', 'the maximum has its AWS source');
          for (const value of [max.value, max.value - step]) for (const text of spellings(spec.kind, value)) assertInside(ranged, text);
          const outside = [
            ...spellings(spec.kind, max.value + step),
            ...(spec.kind === 'integer' ? [] : spellings(spec.kind, max.value + step / 2)),
          ];
          assert.ok(outside.length > 0);
          for (const text of outside) assertOutside(ranged, text, ownerOf(owner, path, 'max'));
        });
      }
      if (spec.step) {
        const stepFact = spec.step;
        test(`${stepFact.text}: a value between two steps is one finding of ${ownerOf(owner, path, 'step')}`, () => {
          assert.notEqual(stepFact.source, '', 'the step has its AWS source');
          const low = spec.min?.value ?? 0;
          const between = low + stepFact.value * 1.5;
          assert.ok(spec.max === undefined || between < spec.max.value);
          const texts = spellings(spec.kind, between);
          assert.ok(texts.length > 0, `${between} can be written`);
          for (const text of texts) assertOutside(ranged, text, ownerOf(owner, path, 'step'));
          for (const text of spellings(spec.kind, low + stepFact.value * 2)) assertInside(ranged, text);
        });
      }
    });
  }
});

describe('ranges: event source mapping limits that depend on the source', () => {
  test('every minimum and maximum of the ESM limits is a spec bound, a source bound here, or no range', () => {
    const specFacts = new Set<Fact>(
      Object.values(CONNECTION_PROPERTIES).flatMap((spec) => [spec.min, spec.max].filter((f): f is Fact => f !== undefined)),
    );
    for (const [key, fact] of Object.entries(ESM)) {
      if (!/(Min|Max)$/.test(key)) continue;
      const covered =
        specFacts.has(fact as Fact) || SOURCE_BOUNDS.some((b) => b.fact === key) || NOT_RANGES.includes(key as keyof typeof ESM);
      assert.ok(covered, `ESM.${key} is tested`);
    }
  });

  for (const bound of SOURCE_BOUNDS) {
    const max = (ESM[bound.fact] as Fact).value;
    // From a standard queue, a batch over 10 also needs a window: give it one.
    const extra = bound.source === 'standard' ? 'batchWindow: 1s, ' : '';
    test(`batchSize from a ${bound.source} source: ${max} is fine, ${max + 1} one finding of ${bound.rule}`, () => {
      const inside = connectionCase('batchSize', String(max), bound.source, extra);
      assert.deepEqual(findingsOn(inside), [], inside.text);
      assert.deepEqual(schemaFindingsOver(inside), [], inside.text);
      const outside = connectionCase('batchSize', String(max + 1), bound.source, extra);
      const found = findingsOn(outside);
      assert.equal(found.length, 1, `${JSON.stringify(found)}\n${outside.text}`);
      assert.equal(found[0]!.split(':')[0], bound.rule);
    });
  }
});

describe('ranges: the schema leaves ranges to the rules', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/awsflow.schema.json'), 'utf8')) as Record<string, unknown>;
  const LIMIT_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

  test('the only numeric limit in the schema is the non-negativity of durations and sizes', () => {
    const limits: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${where}/${index}`));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (LIMIT_KEYWORDS.includes(key)) limits.push(`${where}/${key}=${String(value)}`);
          walk(value, `${where}/${key}`);
        }
      }
    };
    walk(schema, '#');
    assert.deepEqual(limits.sort(), NON_NEGATIVE_KINDS.map((kind) => `#/$defs/${kind}/then/minimum=0`).sort());
  });

  test('every ranged property is described in the schema, with no range of its own', () => {
    const defs = schema['$defs'] as Record<string, { properties?: Record<string, Record<string, unknown>> }>;
    for (const { owner, path } of RANGED) {
      let node: Record<string, unknown> | undefined = { properties: defs[owner]?.properties };
      for (const key of path.split('.')) node = (node?.['properties'] as Record<string, Record<string, unknown>> | undefined)?.[key];
      assert.ok(node, `${owner} ${path} is in the schema`);
      for (const keyword of LIMIT_KEYWORDS) assert.equal(node[keyword], undefined, `${owner} ${path} has no ${keyword}`);
    }
  });
});
