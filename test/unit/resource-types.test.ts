/**
 * The table of resource types (src/core/model/resource-types.ts) and the lists derived
 * from it: each category's types, the type guard, the names with their article, the
 * icons the preview bundles.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isResourceType,
  likelyTargetsOf,
  RESOURCE_TYPE_TABLE,
  RESOURCE_TYPES,
  resourceTypeFacts,
  typeRecord,
  typesOf,
  type ResourceCategory,
} from '../../src/core/model/resource-types';
import { RESOURCE_TYPES as PROPERTY_TYPES, TYPE_PROPERTIES, COMMON_PROPERTIES } from '../../src/core/model/properties';
import { article, classifyConnection, typeDisplayName } from '../../src/core/model/connections';
import { AWS_ICON_NAMES } from '../../src/core/diagram/icons';

const CATEGORIES: readonly ResourceCategory[] = [
  'messaging',
  'compute',
  'schedule',
  'entry-point',
  'data-store',
  'external',
  'event-bus',
  'workflow',
];

describe('the table of resource types', () => {
  test('every type, in the order completion offers them, is the one list the model reads', () => {
    assert.deepEqual(
      [...RESOURCE_TYPES],
      [
        'sqs',
        'sns',
        'kinesis',
        'firehose',
        'lambda',
        'ecs',
        'eks',
        'apprunner',
        'beanstalk',
        'ec2',
        'schedule',
        'api-gateway',
        'alb',
        'cloudfront',
        'dynamodb',
        's3',
        'rds',
        'efs',
        'client',
        'eventbridge',
        'stepfunctions',
      ],
    );
    assert.equal(PROPERTY_TYPES, RESOURCE_TYPES, 'properties.ts re-exports the table, not a copy');
    assert.deepEqual(COMMON_PROPERTIES['type']!.values, RESOURCE_TYPES);
    assert.deepEqual(Object.keys(TYPE_PROPERTIES), [...RESOURCE_TYPES], 'every type has its properties');
  });

  test('the categories split the types: each type in exactly one', () => {
    assert.deepEqual(CATEGORIES.flatMap((category) => typesOf(category)).sort(), [...RESOURCE_TYPES].sort());
    assert.deepEqual(typesOf('messaging'), ['sqs', 'sns', 'kinesis', 'firehose']);
    assert.deepEqual(typesOf('compute'), ['lambda', 'ecs', 'eks', 'apprunner', 'beanstalk', 'ec2']);
    assert.deepEqual(typesOf('data-store'), ['dynamodb', 's3', 'rds', 'efs']);
    assert.deepEqual(typesOf('external'), ['client']);
    assert.deepEqual(typesOf('event-bus'), ['eventbridge']);
    assert.deepEqual(typesOf('workflow'), ['stepfunctions']);
  });

  test("the type guard accepts the table's keys and nothing an object inherits", () => {
    for (const type of RESOURCE_TYPES) assert.equal(isResourceType(type), true, type);
    for (const other of ['SQS', 'queue', '', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 1, undefined, null]) {
      assert.equal(isResourceType(other), false, String(other));
    }
  });

  test('names carry the article their first sound takes, and the display name drops it', () => {
    for (const type of RESOURCE_TYPES) {
      const { name } = resourceTypeFacts(type);
      const match = /^(a|an) (.+)$/.exec(name);
      assert.ok(match, `${type}: "${name}" starts with a or an`);
      // `an` before a vowel, and before an acronym spelt out from a letter that sounds like one (`an SQS queue`).
      const vowelSound = /^[aeiouAEIOU]/.test(match[2]!) || /^[FHLMNRSX][A-Z0-9]+\b/.test(match[2]!);
      assert.equal(match[1], vowelSound ? 'an' : 'a', `${type}: "${name}"`);
      assert.equal(article(type), name);
      assert.equal(typeDisplayName(type), match[2]);
    }
    assert.equal(article('sqs'), 'an SQS queue');
    assert.equal(typeDisplayName('apprunner'), 'App Runner service');
  });

  test('likely targets are types the source can connect to', () => {
    for (const type of RESOURCE_TYPES) {
      const targets = likelyTargetsOf(type);
      assert.ok(targets.length > 0, type);
      assert.equal(new Set(targets).size, targets.length, `${type}: no target twice`);
      for (const target of targets) assert.notEqual(classifyConnection(type, target).kind, 'invalid', `${type} -> ${target}`);
    }
  });

  test('every icon a row names is one the preview bundles', () => {
    const named = RESOURCE_TYPES.map((type) => (RESOURCE_TYPE_TABLE[type] as { icon?: string }).icon).filter((icon) => icon !== undefined);
    for (const icon of named) assert.ok((AWS_ICON_NAMES as readonly string[]).includes(icon), icon);
    assert.deepEqual(
      RESOURCE_TYPES.filter((type) => !('icon' in RESOURCE_TYPE_TABLE[type])),
      ['apprunner', 'efs', 'client'],
    );
  });

  test('typeRecord reads one value per type, keyed by type', () => {
    const titles = typeRecord((facts) => facts.title);
    assert.deepEqual(Object.keys(titles), [...RESOURCE_TYPES]);
    assert.equal(titles.lambda, 'Lambda');
    assert.equal(typeRecord((_facts, type) => type).alb, 'alb');
  });
});
