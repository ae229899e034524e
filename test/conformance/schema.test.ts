/**
 * One description of the format, four places: the schema, the model's property table,
 * the value parsers and docs/format.md. These tests keep them saying the same thing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACCOUNT_PROPERTIES,
  COMMON_PROPERTIES,
  CONNECTION_PROPERTIES,
  RESOURCE_TYPES,
  TYPE_PROPERTIES,
  type PropertySpec,
} from '../../src/core/model/properties';
import { RESOURCE_TYPE_TABLE, type ResourceType } from '../../src/core/model/resource-types';
import { complete } from '../../src/core/services/completion';
import { parseDuration, parseRate, parseSize } from '../../src/core/parse/values';
import { analyze } from '../../src/core/index';

const root = join(__dirname, '../../..');
type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; $defs?: Record<string, Schema>; $ref?: string };
const schema = JSON.parse(readFileSync(join(root, 'schemas/awsflow.schema.json'), 'utf8')) as Schema;
const defs = schema.$defs!;

const KIND_REFS: Partial<Record<PropertySpec['kind'], string>> = {
  duration: '#/$defs/duration',
  size: '#/$defs/size',
  megabytes: '#/$defs/megabytes',
  rate: '#/$defs/rate',
  cpu: '#/$defs/cpu',
  encryption: '#/$defs/encryption',
};

function checkProperties(where: string, specs: Readonly<Record<string, PropertySpec>>, properties: Record<string, Schema>) {
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(specs).sort(), `${where}: the same property names`);
  for (const [name, spec] of Object.entries(specs)) {
    const property = properties[name]!;
    assert.equal(typeof property['description'], 'string', `${where}.${name} has a description`);
    const ref = KIND_REFS[spec.kind];
    if (ref) assert.equal(property.$ref, ref, `${where}.${name} is a ${spec.kind}`);
    if (spec.kind === 'boolean') assert.equal(property['type'], 'boolean', `${where}.${name}`);
    if (spec.kind === 'integer') assert.equal(property['type'], 'integer', `${where}.${name}`);
    if (spec.kind === 'enum' && name !== 'type') assert.deepEqual(property['enum'], spec.values, `${where}.${name}`);
    if (spec.kind === 'object' && spec.properties) checkProperties(`${where}.${name}`, spec.properties, property.properties ?? {});
  }
}

describe('schema and model agree', () => {
  test('the resource types', () => {
    const typeEnum = (defs['resource']!.properties!['type']!['enum'] as string[]).slice().sort();
    assert.deepEqual(typeEnum, [...RESOURCE_TYPES].sort());
  });
  test('the resource types, in the order of the table of resource types', () => {
    assert.deepEqual(defs['resource']!.properties!['type']!['enum'], [...RESOURCE_TYPES]);
  });
  test("the type's description names every type once, grouped by the table's categories", () => {
    // `sqs`, `sns`, … (messaging); `lambda`, … (compute); … : one group per category, in table order.
    const description = defs['resource']!.properties!['type']!['description'] as string;
    const groups = description
      .replace(/^[^`]*/, '')
      .split('; ')
      .map((group) => [...group.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
    assert.deepEqual(groups.flat(), [...RESOURCE_TYPES]);
    const categories = groups.map((group) => new Set(group.map((type) => RESOURCE_TYPE_TABLE[type as ResourceType].category)));
    for (const [index, found] of categories.entries())
      assert.equal(found.size, 1, `group ${groups[index]!.join(', ')} mixes categories ${[...found].join(', ')}`);
    assert.equal(new Set(categories.map((found) => [...found][0])).size, groups.length, 'one group per category');
  });
  for (const type of RESOURCE_TYPES) {
    test(`the properties of ${type}`, () => {
      const def = defs[type]!;
      assert.equal(def['additionalProperties'], false, 'unknown keys are reported');
      assert.equal(typeof def['description'], 'string');
      checkProperties(type, { ...COMMON_PROPERTIES, ...TYPE_PROPERTIES[type] }, def.properties!);
    });
  }
  test('the connection properties', () => {
    checkProperties('connection', CONNECTION_PROPERTIES, defs['connection']!.properties!);
  });
});

/** Every TypeScript file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Completion's labels at the cursor `‸`. */
function offered(marked: string): string[] {
  const offset = marked.indexOf('‸');
  const text = marked.replace('‸', '');
  return complete(analyze(text), offset)
    .map((entry) => entry.label)
    .sort();
}

describe('account and defaults: what the analysis reads, the schema allows and completion offers', () => {
  test("account: the keys the analysis reads are the model's list", () => {
    // The analysis reads an account quota as `findPair(account, '<key>')`.
    const read = new Set<string>();
    for (const file of sourceFiles(join(root, 'src/core'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/findPair\(account, '([A-Za-z]+)'\)/g)) read.add(match[1]!);
    }
    assert.deepEqual([...read].sort(), Object.keys(ACCOUNT_PROPERTIES).sort());
  });
  test('account: the schema has the same keys, of the same kinds', () => {
    const account = schema.properties!['account']!;
    assert.equal(account['additionalProperties'], false, 'unknown keys are reported');
    checkProperties('account', ACCOUNT_PROPERTIES, account.properties!);
  });
  test('account: completion offers every key', () => {
    assert.deepEqual(offered('awsflow: 1\naccount:\n  ‸\nresources: {}\n'), Object.keys(ACCOUNT_PROPERTIES).sort());
  });
  test("defaults: the schema has one entry per resource type, with that type's properties", () => {
    const defaults = schema.properties!['defaults']!;
    assert.equal(defaults['additionalProperties'], false, 'unknown keys are reported');
    assert.deepEqual(Object.keys(defaults.properties!).sort(), [...RESOURCE_TYPES].sort());
    for (const type of RESOURCE_TYPES) assert.equal(defaults.properties![type]!.$ref, `#/$defs/${type}`, type);
  });
  test('defaults: completion offers every type that has properties, and each property of it', () => {
    const withProperties = RESOURCE_TYPES.filter((type) => Object.keys(TYPE_PROPERTIES[type]).length > 0);
    assert.deepEqual(offered('awsflow: 1\ndefaults:\n  ‸\nresources: {}\n'), [...withProperties].sort());
    for (const type of withProperties) {
      assert.deepEqual(
        offered(`awsflow: 1\ndefaults:\n  ${type}:\n    ‸\nresources: {}\n`),
        Object.keys(TYPE_PROPERTIES[type]).sort(),
        type,
      );
    }
  });
});

describe('the schema patterns accept exactly what the parsers read', () => {
  const duration = ['30s', '6m', '2h', '4d', '250ms', '1h30m', '1.5h', '900', 'abc', '10 s', '5x', '1h 30m', '', 'ms', '-1s'];
  const size = ['2KB', '1MB', '10GB', '256KiB', '1 MiB', '2kb', '1024', '12XB', 'MB', '1.5 GB', 'KB2'];
  const rate = ['20/s', '1200/min', '5/h', '100000/day', '3 / s', '20', '20/week', '/s', '1.5/minute'];
  const check = (property: string, type: string, value: string) => {
    const text = `awsflow: 1\nresources:\n  r:\n    type: ${type}\n    ${property}: "${value}"\n`;
    return !analyze(text).findings.some((f) => f.ruleId === 'schema/invalid');
  };
  test('durations', () => {
    for (const value of duration) assert.equal(check('timeout', 'lambda', value), parseDuration(value) !== undefined, value);
  });
  test('sizes', () => {
    for (const value of size) assert.equal(check('maxMessageSize', 'sqs', value), parseSize(value) !== undefined, value);
  });
  test('rates', () => {
    for (const value of rate) {
      const text = `awsflow: 1\nresources:\n  a: { type: client }\n  q: { type: sqs }\nflows:\n  - a -> q: { rate: "${value}" }\n`;
      assert.equal(!analyze(text).findings.some((f) => f.ruleId === 'schema/invalid'), parseRate(value) !== undefined, value);
    }
  });
});

describe('docs/format.md documents every property the schema allows', () => {
  const page = readFileSync(join(root, 'docs/format.md'), 'utf8');
  for (const type of RESOURCE_TYPES) {
    test(type, () => {
      const section = new RegExp('### `' + type.replace('-', '\\-') + '`\\n([\\s\\S]*?)(?=\\n### |\\n## |$)').exec(page);
      assert.ok(section, `docs/format.md has a section for ${type}`);
      const documented = [...section[1]!.matchAll(/^\| `([A-Za-z.]+)`/gm)].map((m) => m[1]!.split('.')[0]!);
      const allowed = Object.keys(TYPE_PROPERTIES[type]);
      assert.deepEqual([...new Set(documented)].sort(), allowed.sort());
    });
  }
});
