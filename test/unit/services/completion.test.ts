import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../../schemas/awsflow.schema.json';
import { analyze } from '../../../src/core/index';
import { CONNECTION_KIND_TEXT } from '../../../src/core/model/connections';
import { RESOURCE_TYPES } from '../../../src/core/model/properties';
import { rules } from '../../../src/core/rules/index';
import { complete, plainSnippet } from '../../../src/core/services/completion';
import type { CompletionEntry } from '../../../src/core/services/types';

/**
 * A fixture with a cursor `‸` and expected ranges `«…»`: the plain text, the cursor's
 * offset and the ranges in document order.
 */
function fixture(marked: string): { text: string; offset: number; ranges: { start: number; end: number }[] } {
  let text = '';
  let offset = -1;
  const open: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  for (const char of marked) {
    if (char === '‸') offset = text.length;
    else if (char === '«') open.push(text.length);
    else if (char === '»') ranges.push({ start: open.pop()!, end: text.length });
    else text += char;
  }
  assert.notEqual(offset, -1, 'no ‸ in fixture');
  assert.equal(open.length, 0, 'unbalanced « in fixture');
  return { text, offset, ranges: ranges.sort((a, b) => a.start - b.start) };
}

function completeAt(marked: string): CompletionEntry[] {
  const { text, offset } = fixture(marked);
  return complete(analyze(text), offset);
}

function labels(marked: string): string[] {
  return completeAt(marked).map((entry) => entry.label);
}

function find(entries: readonly CompletionEntry[], label: string): CompletionEntry {
  const entry = entries.find((e) => e.label === label);
  if (!entry) assert.fail(`no entry '${label}' among ${JSON.stringify(entries.map((e) => e.label))}`);
  return entry;
}

/** Every entry replaces exactly the marked span. */
function assertReplaces(marked: string, expectedCount?: number): CompletionEntry[] {
  const { text, offset, ranges } = fixture(marked);
  const entries = complete(analyze(text), offset);
  assert.ok(entries.length > 0, 'no entries');
  if (expectedCount !== undefined) assert.equal(entries.length, expectedCount);
  const range = ranges[0] ?? { start: offset, end: offset };
  for (const entry of entries) assert.deepEqual(entry.replace, range, `replace of ${entry.label}`);
  return entries;
}

const SCHEMA = schema as unknown as {
  $defs: Record<string, { description?: string; properties?: Record<string, { description?: string }> }>;
  properties: Record<string, { description?: string }>;
};

const FILE = `awsflow: 1
resources:
  api: { type: api-gateway }
  jobs: { type: sqs }
  worker: { type: lambda }
  busy: { type: lambda }
  events: { type: sns }
  service: { type: ecs }
  table: { type: dynamodb }
  other-dlq: { type: sqs }
  jobs-dlq: { type: sqs }
  orders.fifo: { type: sqs, fifo: true }
  orders-dlq.fifo: { type: sqs, fifo: true }
`;

describe('top-level keys', () => {
  test('an empty file offers `awsflow: 1` first, the other keys, and a whole-file skeleton', () => {
    const entries = assertReplaces('‸');
    assert.equal(entries[0]!.label, 'awsflow');
    assert.equal(entries[0]!.insertText, 'awsflow: 1');
    assert.equal(entries[1]!.label, 'awsflow skeleton');
    assert.equal(entries[1]!.snippet, true);
    assert.deepEqual(
      entries.filter((e) => e.kind === 'keyword').map((e) => e.label),
      ['awsflow', 'name', 'description', 'region', 'account', 'defaults', 'rules', 'resources', 'flows'],
    );
    assert.equal(find(entries, 'resources').documentation, SCHEMA.properties.resources!.description);
  });

  test('the skeleton is a file awsflow finds nothing wrong with', () => {
    const skeleton = find(completeAt('‸'), 'awsflow skeleton');
    const text = plainSnippet(skeleton.insertText);
    assert.match(text, /^awsflow: 1\nname: my-architecture\n\nresources:\n {2}api:\n {4}type: api-gateway\n {2}jobs:\n/);
    assert.deepEqual(
      analyze(text).findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  test('a file with only comments is still empty; a file with keys offers the missing ones, no skeleton', () => {
    assert.ok(labels('# my architecture\n‸').includes('awsflow skeleton'));
    assert.deepEqual(labels('awsflow: 1\nname: x\nresources:\n  q: { type: sqs }\n‸\n'), [
      'description',
      'region',
      'account',
      'defaults',
      'rules',
      'flows',
    ]);
  });

  test('a half-typed key is replaced exactly', () => {
    const entries = assertReplaces('awsflow: 1\n«res»‸\n');
    assert.equal(find(entries, 'resources').insertText, 'resources:\n  ');
    assert.equal(find(entries, 'flows').insertText, 'flows:\n  - ');
    assert.ok(!entries.some((e) => e.label === 'awsflow'));
  });

  test("inserted blocks use the file's indentation", () => {
    const entries = completeAt('awsflow: 1\nresources:\n    q:\n        type: sqs\n‸');
    assert.equal(find(entries, 'flows').insertText, 'flows:\n    - ');
    assert.equal(find(entries, 'account').insertText, 'account:\n    lambdaConcurrency: ${1:1000}');
  });

  test('top-level keys only at column 0; none inside a value', () => {
    assert.deepEqual(labels('awsflow: 1\nname: ‸\n'), []);
    assert.deepEqual(labels('awsflow: 1\n  ‸\n'), []);
  });

  test('values of awsflow and region', () => {
    assert.deepEqual(
      completeAt('awsflow: ‸').map((e) => e.insertText),
      ['1'],
    );
    // Right after the colon, the value needs its space.
    assert.deepEqual(
      completeAt('awsflow:‸').map((e) => e.insertText),
      [' 1'],
    );
    const regions = assertReplaces('awsflow: 1\nregion: «eu-»‸\n');
    assert.ok(regions.some((e) => e.label === 'eu-west-1'));
    assert.ok(regions.some((e) => e.label === 'us-east-1'));
  });
});

describe('account quotas', () => {
  test('every key of account, each once, with its AWS default', () => {
    const entries = completeAt('awsflow: 1\naccount:\n  ‸\nresources: {}\n');
    assert.deepEqual(
      entries.map((e) => e.label),
      ['lambdaConcurrency', 'apiGatewayThrottle'],
    );
    assert.equal(find(entries, 'lambdaConcurrency').detail, 'integer · default 1000');
    assert.equal(find(entries, 'apiGatewayThrottle').detail, 'rate · default 10000/s');
    assert.match(String(find(entries, 'apiGatewayThrottle').documentation), /API Gateway throttle quota/);
    assert.deepEqual(labels('awsflow: 1\naccount:\n  lambdaConcurrency: 2000\n  ‸\nresources: {}\n'), ['apiGatewayThrottle']);
    assert.deepEqual(labels('awsflow: 1\naccount: { apiGatewayThrottle: 20000/s, ‸ }\nresources: {}\n'), ['lambdaConcurrency']);
  });

  test('values: the AWS default as written, units after a number', () => {
    assert.deepEqual(
      completeAt('awsflow: 1\naccount:\n  apiGatewayThrottle: ‸\nresources: {}\n').map((e) => [e.insertText, e.detail]),
      [['10000/s', 'AWS default']],
    );
    assert.deepEqual(
      completeAt('awsflow: 1\naccount:\n  lambdaConcurrency: ‸\nresources: {}\n').map((e) => e.insertText),
      ['1000'],
    );
    const units = assertReplaces('awsflow: 1\naccount:\n  apiGatewayThrottle: «20000»‸\nresources: {}\n');
    assert.deepEqual(
      units.map((e) => e.label),
      ['20000/s', '20000/min', '20000/h', '20000/day'],
    );
    assert.deepEqual(labels('awsflow: 1\naccount:\n  nonsense: ‸\nresources: {}\n'), []);
  });
});

describe('resource types', () => {
  test('after `type: ` all 21 types, with the schema description and a one-line detail', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  q:\n    type: «sq»‸\n', 21);
    assert.deepEqual(
      entries.map((e) => e.label),
      [...RESOURCE_TYPES],
    );
    const sqs = find(entries, 'sqs');
    assert.equal(sqs.detail, 'SQS queue');
    assert.equal(sqs.kind, 'type');
    assert.equal(sqs.insertText, 'sqs');
    assert.equal(sqs.documentation, SCHEMA.$defs.sqs!.description);
    assert.equal(find(entries, 'kinesis').detail, 'Kinesis data stream');
    assert.equal(find(entries, 'schedule').detail, 'EventBridge scheduled rule');
  });

  test('flow style and an empty value', () => {
    assertReplaces('awsflow: 1\nresources:\n  q: { type: ‸ }\n', 21);
    assertReplaces('awsflow: 1\nresources:\n  q: { label: x, type: «lam»‸ }\n', 21);
    assert.equal(find(completeAt('awsflow: 1\nresources:\n  q:\n    type:‸\n'), 'sqs').insertText, ' sqs');
  });
});

describe('properties of a resource', () => {
  test("block style: the type's own properties and the common ones not yet set, with `key: `", () => {
    const entries = assertReplaces(
      'awsflow: 1\nresources:\n  q:\n    type: sqs\n    visibilityTimeout: 3m\n    ‸\n    label: Jobs\n  w:\n    type: lambda\n',
    );
    const names = entries.map((e) => e.label);
    assert.deepEqual(names, [
      'fifo',
      'highThroughput',
      'contentBasedDeduplication',
      'retention',
      'maxMessageSize',
      'receiveWait',
      'delay',
      'encryption',
      'deadLetter',
      'description',
      'group',
      'name',
    ]);
    assert.equal(find(entries, 'fifo').insertText, 'fifo: ');
    assert.equal(find(entries, 'retention').detail, 'duration · default 4d');
    assert.equal(find(entries, 'retention').documentation, SCHEMA.$defs.sqs!.properties!.retention!.description);
    const deadLetter = find(entries, 'deadLetter');
    assert.equal(deadLetter.insertText, 'deadLetter: { target: ${1}, maxReceiveCount: ${2:5} }');
    assert.equal(deadLetter.snippet, true);
    // Lambda properties are not offered in a queue.
    assert.ok(!names.includes('memory'));
  });

  test('a half-typed key is replaced exactly; the type is offered when missing', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  q:\n    «ty»‸\n');
    assert.deepEqual(
      entries.map((e) => e.label),
      ['type', 'label', 'description', 'group', 'name'],
    );
    assert.equal(entries[0]!.insertText, 'type: ');
  });

  test("the lambda's deadLetter has no maxReceiveCount; ECS autoscaling and Firehose buffer are snippets", () => {
    const lambda = completeAt('awsflow: 1\nresources:\n  f:\n    type: lambda\n    ‸\n');
    assert.equal(find(lambda, 'deadLetter').insertText, 'deadLetter: { target: ${1} }');
    assert.equal(find(lambda, 'env').insertText, 'env: { ${1:NAME}: ${2:value} }');
    assert.equal(find(lambda, 'capacity').detail, 'on-demand | managed-instances · default on-demand');
    const ecs = completeAt('awsflow: 1\nresources:\n  e:\n    type: ecs\n    ‸\n');
    assert.equal(
      find(ecs, 'autoscaling').insertText,
      'autoscaling: { min: ${1:1}, max: ${2:10}, metric: ${3|cpu,memory,requests|}, target: ${4:70} }',
    );
    const firehose = completeAt('awsflow: 1\nresources:\n  h:\n    type: firehose\n    ‸\n');
    assert.equal(find(firehose, 'buffer').insertText, 'buffer: { size: ${1:5MB}, interval: ${2:300s} }');
  });

  test('flow style: keys before and after the cursor are not offered again', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  q: { type: sqs, «de»‸, fifo: true, deadLetter: { target: x } }\n');
    const names = entries.map((e) => e.label);
    assert.ok(!names.includes('fifo'));
    assert.ok(!names.includes('deadLetter'));
    assert.ok(!names.includes('type'));
    assert.ok(names.includes('delay'));
    assert.ok(names.includes('description'));
  });

  test('a multi-line flow map', () => {
    const names = labels('awsflow: 1\nresources:\n  q: {\n    type: sqs,\n    ‸\n  }\n  w: { type: lambda }\n');
    assert.ok(names.includes('visibilityTimeout'));
    assert.ok(!names.includes('type'));
  });

  test('the type comes from the model when the text around the cursor does not say it', () => {
    // `type` is inherited from nowhere here, but the resource block is parsed: the model knows it.
    const names = labels('awsflow: 1\nresources:\n  w:\n    memory: 1GB\n    ‸\n    type: lambda\n');
    assert.ok(names.includes('timeout'));
    assert.ok(!names.includes('memory'));
  });

  test("inside defaults.<type>: that type's properties, no `type` or common keys", () => {
    const names = labels('awsflow: 1\ndefaults:\n  sqs: { receiveWait: 20s, ‸ }\n');
    assert.deepEqual(names, [
      'fifo',
      'highThroughput',
      'contentBasedDeduplication',
      'visibilityTimeout',
      'retention',
      'maxMessageSize',
      'delay',
      'encryption',
      'deadLetter',
    ]);
    const types = completeAt('awsflow: 1\ndefaults:\n  sqs: {}\n  ‸\n');
    assert.ok(!types.some((e) => e.label === 'sqs'));
    assert.equal(find(types, 'lambda').insertText, 'lambda:\n    ');
    // alb, cloudfront and client have nothing to default.
    assert.ok(!types.some((e) => e.label === 'alb'));
  });

  test('nested objects: deadLetter, autoscaling, buffer, encryption', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: sqs\n    deadLetter:\n      target: q-dlq\n      ‸\n'), [
      'maxReceiveCount',
    ]);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  e:\n    type: ecs\n    autoscaling: { min: 1, ‸ }\n'), ['max', 'metric', 'target']);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  h:\n    type: firehose\n    buffer:\n      ‸\n'), ['size', 'interval']);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  t:\n    type: sns\n    encryption:\n      ‸\n'), ['kms']);
    assert.deepEqual(labels('awsflow: 1\ndefaults:\n  ecs:\n    autoscaling:\n      max: 4\n      ‸\n'), ['min', 'metric', 'target']);
  });

  test('no property keys under a scalar value or in a resource of unknown type beyond the common ones', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: sqs\n      ‸\n'), []);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: nonsense\n    ‸\n'), ['label', 'description', 'group', 'name']);
  });
});

describe('values', () => {
  test('enums: mode, launchType, nodeType, capacity, metric', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  s:\n    type: kinesis\n    mode: ‸\n'), ['provisioned', 'on-demand']);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  e: { type: ecs, launchType: ‸ }\n'), ['fargate', 'ec2']);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  k:\n    type: eks\n    nodeType: «s»‸\n'), ['fargate', 'managed', 'self-managed']);
    const capacity = completeAt('awsflow: 1\nresources:\n  f:\n    type: lambda\n    capacity: ‸\n');
    assert.deepEqual(
      capacity.map((e) => e.label),
      ['on-demand', 'managed-instances'],
    );
    assert.equal(capacity[0]!.detail, 'AWS default');
    assert.deepEqual(labels('awsflow: 1\nresources:\n  e:\n    type: ecs\n    autoscaling:\n      metric: ‸\n'), [
      'cpu',
      'memory',
      'requests',
    ]);
    assert.deepEqual(labels('awsflow: 1\ndefaults:\n  ecs: { autoscaling: { metric: ‸ } }\n'), ['cpu', 'memory', 'requests']);
  });

  test('encryption: sqs-managed only for queues, no `none` where AWS always encrypts, a customer key snippet', () => {
    const sqs = assertReplaces('awsflow: 1\nresources:\n  q:\n    type: sqs\n    encryption: «k»‸\n');
    assert.deepEqual(
      sqs.map((e) => e.label),
      ['kms', '{ kms: alias/… }', 'sqs-managed', 'none'],
    );
    assert.equal(find(sqs, '{ kms: alias/… }').insertText, '{ kms: ${1:alias/my-key} }');
    assert.equal(find(sqs, '{ kms: alias/… }').snippet, true);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  t: { type: sns, encryption: ‸ }\n'), ['kms', '{ kms: alias/… }', 'none']);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  d:\n    type: dynamodb\n    encryption: ‸\n'), ['kms', '{ kms: alias/… }']);
    assert.deepEqual(labels('awsflow: 1\ndefaults:\n  sqs:\n    encryption: ‸\n'), ['kms', '{ kms: alias/… }', 'sqs-managed', 'none']);
  });

  test('customer keys already used in the file, inside `{ kms: }`', () => {
    const entries = completeAt(
      'awsflow: 1\nresources:\n  t:\n    type: sns\n    encryption: { kms: ‸ }\n  q: { type: sqs, encryption: { kms: alias/orders } }\n',
    );
    assert.deepEqual(
      entries.map((e) => e.label),
      ['alias/orders'],
    );
  });

  test('booleans, with the AWS default marked', () => {
    const entries = completeAt('awsflow: 1\nresources:\n  q:\n    type: sqs\n    fifo: ‸\n');
    assert.deepEqual(
      entries.map((e) => [e.label, e.detail]),
      [
        ['true', undefined],
        ['false', 'AWS default'],
      ],
    );
  });

  test("an object property's value: the inline snippet", () => {
    const entries = completeAt('awsflow: 1\nresources:\n  q:\n    type: sqs\n    deadLetter: ‸\n');
    assert.deepEqual(
      entries.map((e) => [e.label, e.insertText]),
      [['{ target: …, maxReceiveCount: 5 }', '{ target: ${1}, maxReceiveCount: ${2:5} }']],
    );
  });

  test('schedule expressions and groups used elsewhere', () => {
    assert.deepEqual(
      completeAt('awsflow: 1\nresources:\n  s:\n    type: schedule\n    expression: ‸\n').map((e) => e.insertText),
      ['rate(${1:5 minutes})', 'cron(${1:0 2 * * ? *})', 'at(${1:2027-01-01T09:00:00})'],
    );
    assert.deepEqual(labels('awsflow: 1\nresources:\n  a: { type: sqs, group: Orders }\n  b:\n    type: sqs\n    group: ‸\n'), ['Orders']);
  });

  test("severities under rules:, with the rule's default marked", () => {
    const entries = assertReplaces('awsflow: 1\nrules:\n  sqs/no-dlq: «of»‸\n');
    assert.deepEqual(
      entries.map((e) => [e.label, e.detail]),
      [
        ['error', undefined],
        ['warning', undefined],
        ['info', 'default'],
        ['off', 'turn the rule off'],
      ],
    );
  });

  test('rule ids as keys under rules:, with summaries, minus those already set', () => {
    const entries = assertReplaces('awsflow: 1\nrules:\n  sqs/no-dlq: off\n  «sqs/no»‸\n');
    assert.equal(entries.length, rules.length - 1);
    assert.ok(!entries.some((e) => e.label === 'sqs/no-dlq'));
    const noConsumer = find(entries, 'sqs/no-consumer');
    assert.equal(noConsumer.insertText, 'sqs/no-consumer: ');
    assert.equal(noConsumer.kind, 'rule');
    assert.equal(noConsumer.detail, rules.find((r) => r.id === 'sqs/no-consumer')!.summary);
    assert.equal(noConsumer.documentation, `${rules.find((r) => r.id === 'sqs/no-consumer')!.summary}.\n\nDefault severity: \`warning\`.`);
  });

  test('the documentation of a rule id links its page when the host has the docs', () => {
    const { text, offset } = fixture('awsflow: 1\nrules:\n  sqs/no-con‸\n');
    const entry = find(complete(analyze(text), offset, { links: { packageRoot: 'file:///opt/awsflow/' } }), 'sqs/no-consumer');
    assert.ok(
      entry.documentation!.endsWith('Default severity: `warning`. [sqs/no-consumer](file:///opt/awsflow/docs/rules/sqs/no-consumer.md)'),
      entry.documentation,
    );
  });
});

describe('unit suffixes', () => {
  test('after a number typed as a duration: the number with each unit, replacing it', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  w:\n    type: lambda\n    timeout: «30»‸\n');
    assert.deepEqual(
      entries.map((e) => e.label),
      ['30s', '30m', '30h', '30ms', '30d'],
    );
    assert.deepEqual(
      entries.map((e) => e.detail),
      ['30 s', '30 min', '1 d 6 h', '30 ms', '30 d'],
    );
    assert.ok(entries.every((e) => e.kind === 'unit' && e.insertText === e.label));
  });

  test('a unit half typed is part of the replaced word; retention lists days first', () => {
    assertReplaces('awsflow: 1\nresources:\n  w: { type: lambda, timeout: «30m»‸ }\n', 5);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: sqs\n    retention: 4‸\n'), ['4d', '4h', '4m', '4s', '4ms']);
  });

  test('sizes, memory sizes and rates', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: sqs\n    maxMessageSize: 256‸\n'), [
      '256KB',
      '256MB',
      '256GB',
      '256KiB',
      '256MiB',
      '256GiB',
      '256B',
    ]);
    const memory = completeAt('awsflow: 1\nresources:\n  w:\n    type: lambda\n    memory: 2‸\n');
    assert.deepEqual(
      memory.map((e) => e.label),
      ['2MB', '2GB', '2MiB', '2GiB'],
    );
    assert.equal(find(memory, '2GB').detail, '2 GB (2,048 MB)');
    const rates = assertReplaces(
      'awsflow: 1\nresources:\n  a: { type: client }\n  w: { type: lambda }\nflows:\n  - a -> w: { rate: «20/»‸ }\n',
    );
    assert.deepEqual(
      rates.map((e) => e.label),
      ['20/s', '20/min', '20/h', '20/day'],
    );
    assert.deepEqual(labels('awsflow: 1\nresources:\n  a: { type: client }\n  q: { type: sqs }\nflows:\n  - a -> q:\n      size: 1.5‸\n'), [
      '1.5KB',
      '1.5MB',
      '1.5GB',
      '1.5KiB',
      '1.5MiB',
      '1.5GiB',
      '1.5B',
    ]);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  e:\n    type: ecs\n    cpu: 2‸\n'), ['2 vCPU']);
  });

  test('no units after something that is not a number; the AWS default when nothing is typed', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  w:\n    type: lambda\n    timeout: abc‸\n'), []);
    assert.deepEqual(
      completeAt('awsflow: 1\nresources:\n  w:\n    type: lambda\n    timeout: ‸\n').map((e) => [e.label, e.detail]),
      [['3s', 'AWS default']],
    );
  });
});

describe('resource ids in flows', () => {
  test('after `queue ->`: consumers first (lambdas without a trigger before those with one), what AWS cannot connect last', () => {
    const text = FILE + 'flows:\n  - other-dlq -> busy\n  - jobs -> ‸\n';
    const entries = assertReplaces(text);
    // What only an EventBridge Pipe connects (format 1.1) next; the loop back to the queue itself
    // and what AWS cannot connect come last, in file order.
    assert.deepEqual(
      entries.map((e) => e.label),
      ['worker', 'busy', 'service', 'api', 'events', 'other-dlq', 'jobs-dlq', 'orders.fifo', 'orders-dlq.fifo', 'jobs', 'table'],
    );
    const worker = find(entries, 'worker');
    assert.equal(worker.detail, 'lambda');
    assert.equal(worker.kind, 'resource');
    assert.equal(worker.insertText, 'worker');
    assert.equal(worker.documentation, `**jobs → worker**: ${CONNECTION_KIND_TEXT['event-source-mapping']}.`);
    assert.match(find(entries, 'events').documentation!, /^\*\*jobs → events\*\* through an EventBridge Pipe: add `\{ via: pipe \}`/);
    assert.match(find(entries, 'table').documentation!, /^Not a connection AWS can make: an SQS queue cannot deliver to a DynamoDB table/);
    assert.match(find(entries, 'jobs').documentation!, /itself/);
    assert.equal(find(entries, 'orders.fifo').detail, 'sqs · FIFO');
  });

  test('after `api -> `: functions first, then what API Gateway can send to, itself last', () => {
    const entries = assertReplaces(FILE + 'flows:\n  - other-dlq -> busy\n  - api -> ‸\n');
    assert.deepEqual(
      entries.map((e) => e.label),
      ['worker', 'busy', 'jobs', 'other-dlq', 'jobs-dlq', 'orders.fifo', 'orders-dlq.fifo', 'events', 'table', 'service', 'api'],
    );
    assert.equal(find(entries, 'worker').documentation, `**api → worker**: ${CONNECTION_KIND_TEXT['synchronous-call']}.`);
  });

  test('the partial id is replaced exactly; the flow string may be quoted or a key with properties', () => {
    assertReplaces(FILE + 'flows:\n  - api -> «wor»‸\n');
    assertReplaces(FILE + 'flows:\n  - "api -> «jo»‸"\n');
    const entries = assertReplaces(FILE + 'flows:\n  - api -> «wo»‸: { rate: 5/s }\n');
    assert.equal(entries[0]!.label, 'worker');
  });

  test('after `,`: the same ranking, without the ids already on that side', () => {
    const names = labels(FILE + 'flows:\n  - events -> jobs, ‸, other-dlq\n');
    assert.ok(!names.includes('jobs'));
    assert.ok(!names.includes('other-dlq'));
    // Queues first, then functions; an HTTP endpoint is a valid but unusual subscriber; a
    // standard topic cannot deliver to a FIFO queue (sns/fifo-subscription).
    assert.deepEqual(names, ['jobs-dlq', 'worker', 'busy', 'api', 'service', 'events', 'table', 'orders.fifo', 'orders-dlq.fifo']);
    assert.match(
      find(completeAt(FILE + 'flows:\n  - events -> ‸\n'), 'orders.fifo').documentation!,
      /standard topic cannot deliver to a FIFO queue/,
    );
  });

  test('a chain: the step before the cursor is the source', () => {
    assert.deepEqual(labels(FILE + 'flows:\n  - api -> jobs -> ‸\n').slice(0, 2), ['worker', 'busy']);
  });

  test('at the start of an entry: resources that send nothing yet first, then the others, then the flow snippets', () => {
    const entries = completeAt(
      'awsflow: 1\nresources:\n  api: { type: api-gateway }\n  jobs: { type: sqs }\n  w: { type: lambda }\n  t: { type: dynamodb }\nflows:\n  - api -> jobs\n  - ‸\n',
    );
    assert.deepEqual(
      entries.map((e) => e.label),
      ['jobs', 'w', 'api', 't', 'flow', 'queue consumer flow', 'fan-out flow', 'stream consumer flow', 'schedule flow'],
    );
    assert.equal(find(entries, 'fan-out flow').insertText, '${1:events} -> ${2:queue-a}, ${3:queue-b}');
  });

  test('a source typed before an existing arrow is ranked by the target after it; no snippets there', () => {
    const names = labels(FILE + 'flows:\n  - ‸ -> worker\n');
    // API Gateway, queues and DynamoDB streams invoke functions; file order within.
    assert.deepEqual(names.slice(0, 5), ['api', 'jobs', 'table', 'other-dlq', 'jobs-dlq']);
    assert.equal(names[names.length - 1], 'worker');
    assert.ok(!names.includes('flow'));
  });

  test('`-‸` and `->‸` get a space before the id', () => {
    const dash = completeAt('awsflow: 1\nresources:\n  a: { type: sqs }\nflows:\n  -‸\n');
    assert.equal(find(dash, 'a').insertText, ' a');
    assert.equal(find(dash, 'flow').insertText, ' ${1:source} -> ${2:target}');
    assert.equal(
      find(completeAt('awsflow: 1\nresources:\n  a: { type: sqs }\n  b: { type: lambda }\nflows:\n  - a ->‸\n'), 'b').insertText,
      ' b',
    );
  });

  test('compact sequences, flow sequences and CRLF lines', () => {
    assert.equal(labels(FILE + 'flows:\n- jobs -> ‸\n')[0], 'worker');
    assert.equal(labels(FILE + 'flows: [api -> jobs, jobs -> ‸]\n')[0], 'worker');
    assert.equal(labels((FILE + 'flows:\n  - jobs -> ‸\n').replace(/\n/g, '\r\n'))[0], 'worker');
  });

  test("nothing after a complete id followed by a space, or inside a flow's comment", () => {
    assert.deepEqual(labels(FILE + 'flows:\n  - jobs -> worker ‸\n'), []);
    assert.deepEqual(labels(FILE + 'flows:\n  - jobs -> worker # wor‸\n'), []);
  });

  test('ids that cannot be written in a flow are not offered', () => {
    const names = labels('awsflow: 1\nresources:\n  "a b": { type: sqs }\n  "-x": { type: sqs }\n  ok: { type: sqs }\nflows:\n  - ‸\n');
    assert.deepEqual(
      names.filter((n) => !n.includes('flow')),
      ['ok'],
    );
  });
});

describe('dead-letter targets and onFailure', () => {
  test('deadLetter.target: queues first, DLQ-looking names first, the queue itself not offered', () => {
    const entries = assertReplaces(FILE.replace('  jobs: { type: sqs }\n', '  jobs:\n    type: sqs\n    deadLetter: { target: «j»‸ }\n'));
    assert.deepEqual(
      entries.map((e) => e.label),
      ['jobs-dlq', 'other-dlq', 'orders-dlq.fifo', 'orders.fifo', 'api', 'worker', 'busy', 'events', 'service', 'table'],
    );
    assert.match(find(entries, 'orders-dlq.fifo').documentation!, /standard queue needs a standard dead-letter queue/);
  });

  test('a FIFO queue: FIFO queues first', () => {
    const text = FILE.replace(
      '  orders.fifo: { type: sqs, fifo: true }\n',
      '  orders.fifo:\n    type: sqs\n    fifo: true\n    deadLetter:\n      target: ‸\n',
    );
    assert.deepEqual(labels(text).slice(0, 3), ['orders-dlq.fifo', 'other-dlq', 'jobs-dlq']);
  });

  test("a Lambda function's deadLetter: standard queues and topics", () => {
    const names = labels(FILE + '  fn:\n    type: lambda\n    deadLetter: { target: ‸ }\n');
    assert.deepEqual(names.slice(0, 4), ['other-dlq', 'jobs-dlq', 'jobs', 'events']);
    assert.ok(names.indexOf('orders.fifo') > names.indexOf('events'));
  });

  test('onFailure in a flow entry: standard queues and topics first', () => {
    const names = labels(FILE + '  stream: { type: kinesis }\nflows:\n  - stream -> worker: { batchSize: 100, onFailure: ‸ }\n');
    assert.deepEqual(names.slice(0, 4), ['other-dlq', 'jobs-dlq', 'jobs', 'events']);
  });

  test('ECS volumes: file systems first', () => {
    assert.equal(
      labels('awsflow: 1\nresources:\n  fs: { type: efs }\n  q: { type: sqs }\n  e:\n    type: ecs\n    volumes:\n      - ‸\n')[0],
      'fs',
    );
    assert.equal(labels('awsflow: 1\nresources:\n  q: { type: sqs }\n  fs: { type: efs }\n  e: { type: ecs, volumes: [‸] }\n')[0], 'fs');
  });
});

describe('connection properties', () => {
  test("inside a flow entry's { }: what the connection makes relevant first, those set left out", () => {
    const entries = assertReplaces(FILE + 'flows:\n  - jobs -> worker: { rate: 5/s, «b»‸ }\n');
    const names = entries.map((e) => e.label);
    assert.ok(!names.includes('rate'));
    assert.deepEqual(names.slice(0, 5), ['size', 'batchSize', 'batchWindow', 'maxConcurrency', 'onFailure']);
    assert.equal(find(entries, 'filter').insertText, 'filter: { ${1:eventType}: [${2:order_placed}] }');
    assert.equal(find(entries, 'batchSize').documentation, SCHEMA.$defs.connection!.properties!.batchSize!.description);
  });

  test('a subscription puts filter and rawDelivery first; block style works too', () => {
    const names = labels(FILE + 'flows:\n  - events -> jobs:\n      rate: 1/s\n      ‸\n');
    assert.deepEqual(names.slice(0, 3), ['size', 'filter', 'rawDelivery']);
  });

  test('values of connection properties', () => {
    assert.deepEqual(labels(FILE + 'flows:\n  - api -> jobs: { batching: ‸ }\n'), ['true', 'false']);
    assert.deepEqual(labels(FILE + 'flows:\n  - jobs -> worker: { batchWindow: 5‸ }\n'), ['5s', '5m', '5h', '5ms', '5d']);
  });
});

describe('rule ids in ignore comments', () => {
  test('after `# awsflow-ignore `: every rule with its summary, those with a finding here first', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  w:\n    type: lambda\n    # awsflow-ignore ‸\n    timeout: 20m\n');
    assert.equal(entries.length, rules.length);
    assert.equal(entries[0]!.label, 'lambda/timeout-limit');
    assert.equal(entries[0]!.insertText, 'lambda/timeout-limit');
    assert.match(entries[0]!.documentation!, /^Silences: /);
    assert.equal(find(entries, 'sqs/no-dlq').detail, rules.find((r) => r.id === 'sqs/no-dlq')!.summary);
  });

  test('a trailing comment; ids already listed left out; the partial id replaced', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  q:\n    type: sqs # awsflow-ignore sqs/no-dlq, «sqs/no»‸\n');
    assert.ok(!entries.some((e) => e.label === 'sqs/no-dlq'));
    assert.ok(entries.some((e) => e.label === 'sqs/no-consumer'));
  });

  test('the directive itself, and nothing in the reason or in other comments', () => {
    const directive = assertReplaces('awsflow: 1\n# «awsf»‸\n');
    assert.deepEqual(
      directive.map((e) => e.insertText),
      ['awsflow-ignore '],
    );
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: sqs # awsflow-ignore sqs/no-dlq -- not ‸\n'), []);
    assert.deepEqual(labels('awsflow: 1\n# just a note ‸\n'), []);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: sqs # ty‸\n'), []);
  });
});

describe('snippets', () => {
  const resourcesLine = 'awsflow: 1\nresources:\n  a: { type: sqs }\n  ‸\n';

  test('under resources: a snippet per type, indented to the cursor, and the pattern snippets', () => {
    const entries = assertReplaces(resourcesLine);
    assert.deepEqual(
      entries.map((e) => e.label),
      [...RESOURCE_TYPES, 'queue with DLQ', 'SNS fan-out', 'stream with consumer', 'scheduled job'],
    );
    const lambda = find(entries, 'lambda');
    assert.equal(lambda.insertText, '${1:name}:\n    type: lambda\n    memory: ${2:512MB}\n    timeout: ${3:30s}');
    assert.equal(lambda.snippet, true);
    assert.equal(lambda.detail, 'new Lambda function');
    assert.equal(lambda.documentation, '```yaml\nname:\n    type: lambda\n    memory: 512MB\n    timeout: 30s\n```');
    assert.equal(
      find(entries, 'queue with DLQ').insertText,
      '${1:jobs}:\n    type: sqs\n    visibilityTimeout: ${2:3m}\n    deadLetter: { target: ${1}-dlq, maxReceiveCount: ${3:5} }\n  ${1}-dlq:\n    type: sqs\n    retention: 14d',
    );
    assert.equal(
      find(entries, 'SNS fan-out').insertText,
      '${1:events}:\n    type: sns\n    encryption: kms\n  ${2:queue-a}:\n    type: sqs\n  ${3:queue-b}:\n    type: sqs',
    );
  });

  test('a four-space file', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n    a:\n        type: sqs\n    ‸\n');
    assert.equal(
      find(entries, 'lambda').insertText,
      '${1:name}:\n        type: lambda\n        memory: ${2:512MB}\n        timeout: ${3:30s}',
    );
  });

  test('every snippet inserted as it is gives a file without errors', () => {
    const entries = completeAt('awsflow: 1\nresources:\n  ‸\n');
    for (const entry of entries) {
      const text = `awsflow: 1\nresources:\n  ${plainSnippet(entry.insertText)}\n`;
      const errors = analyze(text)
        .findings.filter((f) => f.severity === 'error')
        .map((f) => `${f.ruleId}: ${f.message}`);
      assert.deepEqual(errors, [], entry.label);
    }
  });

  test('patterns and their flows entries together give a clean file', () => {
    const resources = completeAt('awsflow: 1\nresources:\n  ‸\n');
    const flows = completeAt('awsflow: 1\nresources:\n  a: { type: sqs }\nflows:\n  ‸\n');
    const pairs: [string, string, string[]][] = [
      // The fan-out's queues still need their consumers.
      ['SNS fan-out', 'fan-out flow', ['sqs/no-consumer', 'sqs/no-consumer']],
      ['stream with consumer', 'stream consumer flow', []],
      ['scheduled job', 'schedule flow', []],
    ];
    for (const [pattern, flow, expected] of pairs) {
      const text = `awsflow: 1\nresources:\n  ${plainSnippet(find(resources, pattern).insertText)}\nflows:\n  ${plainSnippet(find(flows, flow).insertText)}\n`;
      assert.deepEqual(
        analyze(text)
          .findings.filter((f) => f.severity !== 'info')
          .map((f) => f.ruleId),
        expected,
        pattern,
      );
    }
  });

  test('under flows: the flows entries as snippets starting with `- `', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  a: { type: sqs }\nflows:\n  ‸\n');
    assert.deepEqual(
      entries.map((e) => e.label),
      ['flow', 'queue consumer flow', 'fan-out flow', 'stream consumer flow', 'schedule flow'],
    );
    assert.equal(find(entries, 'fan-out flow').insertText, '- ${1:events} -> ${2:queue-a}, ${3:queue-b}');
  });

  test('an id the flows name but no resource defines is offered first', () => {
    const entries = completeAt('awsflow: 1\nresources:\n  a: { type: sqs }\n  ‸\nflows:\n  - a -> worker\n');
    assert.equal(entries[0]!.label, 'worker');
    assert.equal(entries[0]!.insertText, 'worker:\n    type: ${1}');
  });

  test('no snippets inside a resource or in flow style', () => {
    assert.ok(!labels('awsflow: 1\nresources:\n  a:\n    ‸\n').includes('lambda'));
    assert.deepEqual(labels('awsflow: 1\nresources: { ‸ }\n'), []);
  });
});

describe('a brand-new resource id', () => {
  // An id is a name the user invents: no list while it is typed, where Enter or Tab would
  // replace it with a snippet, a type or an id the flows name.
  const flowsNameWorker = 'flows:\n  - a -> worker\n';

  test('while the id is typed: nothing, whatever the first letters match', () => {
    for (const typed of ['o', 'orders', 'la', 'lambda', 'sqs', 'stream', 'wor', 'worker', 'jobs-dlq', 'orders.fifo', 'my_queue', 'q-']) {
      assert.deepEqual(labels(`awsflow: 1\nresources:\n  a: { type: sqs }\n  ${typed}‸\n${flowsNameWorker}`), [], typed);
    }
    // The first resource, in a four-space file, and a CRLF file alike.
    assert.deepEqual(labels('awsflow: 1\nresources:\n  ord‸\n'), []);
    assert.deepEqual(labels('awsflow: 1\nresources:\n    ord‸\n'), []);
    assert.deepEqual(labels('awsflow: 1\r\nresources:\r\n  ord‸\r\n'), []);
    // A key after the ids written below it.
    assert.deepEqual(labels('awsflow: 1\nresources:\n  new‸\n  b: { type: lambda }\n'), []);
  });

  test('a space typed on the empty line (a trigger character) opens no list either', () => {
    const { text, offset } = fixture(`awsflow: 1\nresources:\n  a: { type: sqs }\n  ‸\n${flowsNameWorker}`);
    assert.deepEqual(complete(analyze(text), offset, { triggerCharacter: ' ' }), []);
    // Asked for on that empty line (Ctrl+Space): the id the flows name, then the snippets.
    const asked = complete(analyze(text), offset);
    assert.deepEqual(
      asked.slice(0, 3).map((e) => e.label),
      ['worker', ...RESOURCE_TYPES.slice(0, 2)],
    );
    assert.equal(asked.length, 1 + RESOURCE_TYPES.length + 4);
  });

  test('after `id:` and a new line, the properties are offered as before', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  orders:\n    ‸\n').slice(0, 1), ['type']);
    const typed = assertReplaces('awsflow: 1\nresources:\n  orders:\n    «ty»‸\n');
    assert.equal(find(typed, 'type').insertText, 'type: ');
    // A trigger character does not change that: the space after `type:` asks for the types.
    const { text, offset } = fixture('awsflow: 1\nresources:\n  orders:\n    type: ‸\n');
    assert.equal(complete(analyze(text), offset, { triggerCharacter: ' ' }).length, RESOURCE_TYPES.length);
  });

  test("other keys being typed still complete: top-level keys, rules, a resource's properties", () => {
    assert.deepEqual(labels('awsflow: 1\nres‸\n'), ['name', 'description', 'region', 'account', 'defaults', 'rules', 'resources', 'flows']);
    assert.ok(labels('awsflow: 1\nrules:\n  sqs/‸\n').includes('sqs/no-dlq'));
    assert.ok(labels('awsflow: 1\nresources:\n  q:\n    type: sqs\n    vis‸\n').includes('visibilityTimeout'));
  });
});

describe('CRLF documents', () => {
  const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

  test('properties, ranges and inserted line breaks follow the document', () => {
    const entries = assertReplaces(crlf('awsflow: 1\nresources:\n  q:\n    type: sqs\n    «vis»‸\n'));
    assert.ok(entries.some((e) => e.label === 'visibilityTimeout'));
    const snippets = completeAt(crlf('awsflow: 1\nresources:\n  ‸\n'));
    assert.equal(find(snippets, 'lambda').insertText, '${1:name}:\r\n    type: lambda\r\n    memory: ${2:512MB}\r\n    timeout: ${3:30s}');
    assert.equal(find(completeAt(crlf('awsflow: 1\n‸\n')), 'resources').insertText, 'resources:\r\n  ');
  });

  test('a cursor between \\r and \\n is at the end of the line', () => {
    const text = 'awsflow: 1\r\nresources:\r\n  q:\r\n    type: sq\r\n';
    const at = text.indexOf('sq\r') + 3;
    const entries = complete(analyze(text), at);
    assert.equal(entries.length, 21);
    assert.deepEqual(entries[0]!.replace, { start: at - 3, end: at - 1 });
  });
});

describe('block scalars and document markers', () => {
  const resource = 'awsflow: 1\nresources:\n  q:\n    type: sqs\n';

  test("a block scalar's text is text: no keys, no values, no comment directives in it", () => {
    assert.deepEqual(labels(`${resource}    description: |\n      vis‸`), []);
    assert.deepEqual(labels(`${resource}    description: >-\n      encryption: ‸`), []);
    assert.deepEqual(labels(`${resource}    description: |\n      # awsflow-ig‸`), []);
    assert.deepEqual(labels(`${resource}    description: |\n      text\n\n      ‸`), []);
  });

  test("after the block scalar, at its key's column, the resource's keys again; its lines are not keys", () => {
    const after = labels(`${resource}    description: |\n      retention: 4d\n    ‸\n`);
    assert.ok(after.includes('visibilityTimeout'));
    // `retention:` is the scalar's text, not a key already set.
    assert.ok(after.includes('retention'));
    assert.ok(!after.includes('description'));
    assert.ok(labels(`${resource}    description: |\n      text\n    encryption: ‸\n`).includes('sqs-managed'));
  });

  test('a document marker ends the path: a key under it is not in the document above', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q:\n    type: sqs\n---\n    vis‸'), []);
  });
});

describe('robustness', () => {
  const examples = join(__dirname, '../../../../examples');
  const hostile = [
    '',
    '\n\n\n',
    'awsflow: 1\nresources:\n  q: { type: sqs, deadLetter: { target: [ { a: "unterminated\n',
    '- a\n- b: [c, {d: e}]\n',
    'awsflow: 1\nresources:\n  "we ird": { type: "sqs }\nflows:\n  - "we ird -> x\n',
    `awsflow: 1\nresources:\n  q:\n    description: ${'x'.repeat(50_000)}\n    `,
    `awsflow: 1\nresources:\n  q: ${'['.repeat(3000)}\n`,
    `awsflow: 1\nresources:\n  q: ${'{a: '.repeat(500)}\n`,
    'awsflow: 1\n\tresources:\n\t\tq:\n\t\t\ttype: sqs\n',
    '}}]]]\n  }\n- ]\nresources:\n  ]: x\n',
    'awsflow: 1\r\rresources:\r  q:\r    type: sqs\r',
    'resources:\n  ü:\n    type: 𝔰𝔮𝔰\nflows:\n  - ü -> 𝔰\n',
  ];

  test('never throws, at every offset of the examples and of hostile text', () => {
    const texts = [
      ...readdirSync(examples)
        .filter((f) => f.endsWith('.awsflow'))
        .map((f) => readFileSync(join(examples, f), 'utf8')),
      ...hostile,
    ];
    for (const text of texts) {
      const analysis = analyze(text);
      const step = text.length > 5000 ? 997 : 1;
      for (let offset = 0; offset <= text.length; offset += step) {
        const entries = complete(analysis, offset);
        for (const entry of entries) {
          assert.ok(entry.replace.start <= entry.replace.end && entry.replace.end === offset, `replace at ${offset}`);
          assert.ok(entry.replace.start >= 0);
        }
      }
      complete(analysis, -5);
      complete(analysis, text.length + 10);
      complete(analysis, Number.NaN);
    }
  });

  test('the end of a long line is still completed, in time linear in the line', () => {
    // Judged by how the time grows with the line (10× longer: about 10× the time; reading
    // the line again per character would be 100×), not by a wall-clock limit that a loaded
    // machine would break. The median of three runs at each length.
    const timeAt = (length: number) => {
      const { text, offset } = fixture(`awsflow: 1\nresources:\n  q:\n    description: ${'y'.repeat(length)}\n    type: s‸\n`);
      const analysis = analyze(text);
      const samples = [0, 1, 2].map(() => {
        const started = performance.now();
        assert.equal(complete(analysis, offset).length, 21);
        return performance.now() - started;
      });
      return samples.sort((a, b) => a - b)[1]!;
    };
    const short = timeAt(10_000);
    const long = timeAt(100_000);
    assert.ok(long < short * 40 + 50, `${long} ms at 100,000 characters, ${short} ms at 10,000`);
  });

  test('a large file: flow ids at the end in a fraction of the time of its analysis', () => {
    let text = 'awsflow: 1\nresources:\n';
    for (let i = 0; i < 5000; i++) text += `  q${i}: { type: sqs }\n  f${i}:\n    type: lambda\n`;
    text += 'flows:\n  - q1 -> ';
    const analysisStarted = performance.now();
    const analysis = analyze(text);
    const analysisTime = performance.now() - analysisStarted;
    const started = performance.now();
    const entries = complete(analysis, text.length);
    const elapsed = performance.now() - started;
    assert.equal(entries.length, 10_000);
    assert.equal(entries[0]!.label, 'f0');
    // The other queues are a Pipe's targets; the queue itself, a loop, comes last.
    assert.equal(entries[entries.length - 2]!.label, 'q4999');
    assert.equal(entries[entries.length - 1]!.label, 'q1');
    // Relative to the analysis of the same text, timed next to it, so a loaded machine slows both.
    assert.ok(elapsed < analysisTime / 2, `completion ${elapsed} ms, the analysis ${analysisTime} ms`);
  });

  test('positions deep in nested flow collections', () => {
    assert.deepEqual(labels('awsflow: 1\nresources:\n  e: { type: ecs, autoscaling: { min: 1, metric: ‸ } }\n'), [
      'cpu',
      'memory',
      'requests',
    ]);
    assert.deepEqual(labels('awsflow: 1\nresources:\n  q: { type: sqs, deadLetter: { maxReceiveCount: 3, ‸ } }\n'), ['target']);
    assert.deepEqual(
      labels('awsflow: 1\nresources:\n  q: { type: sqs, deadLetter: { target: x, maxReceiveCount: 3 }, ‸ }\n').includes('deadLetter'),
      false,
    );
    assert.deepEqual(labels('awsflow: 1\nflows:\n  - a -> b: { filter: { eventType: [‸] } }\n'), []);
  });

  test('a key typed before an existing colon: the key alone is inserted', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  q:\n    «ty»‸: sqs\n');
    assert.deepEqual(
      entries.map((e) => e.insertText),
      ['type', 'label', 'description', 'group', 'name'],
    );
  });

  test('quoted keys: the key alone is inserted', () => {
    const entries = assertReplaces('awsflow: 1\nresources:\n  q:\n    type: sqs\n    "«vis»‸\n');
    assert.equal(find(entries, 'visibilityTimeout').insertText, 'visibilityTimeout');
  });
});
