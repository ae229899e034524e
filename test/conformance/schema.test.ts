/**
 * One description of the format, four places: the schema, the model's property table,
 * the value parsers and docs/format.md. These tests keep them saying the same thing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_PROPERTIES, CONNECTION_PROPERTIES, RESOURCE_TYPES, TYPE_PROPERTIES, type PropertySpec } from '../../src/core/model/properties';
import { parseDuration, parseRate, parseSize } from '../../src/core/parse/values';
import { analyze } from '../../src/core/index';

const root = join(__dirname, '../../..');
type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; $defs?: Record<string, Schema>; $ref?: string };
const schema = JSON.parse(readFileSync(join(root, 'schemas/awsflow.schema.json'), 'utf8')) as Schema;
const defs = schema.$defs!;

const KIND_REFS: Partial<Record<PropertySpec['kind'], string>> = {
  duration: '#/$defs/duration', size: '#/$defs/size', megabytes: '#/$defs/megabytes', rate: '#/$defs/rate', cpu: '#/$defs/cpu', encryption: '#/$defs/encryption',
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
