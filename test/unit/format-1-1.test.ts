/**
 * Format 1.1 (FORMAT.md, "Additions of format version 1.1"): the new types and properties
 * are accepted and wrong values rejected; the new connections are valid and every other
 * pairing with a new type (or through a Pipe) is `flows/invalid-connection`; `enrich`,
 * `onFailure` and `deadLetter` are references; the model marks the dead-letter queues;
 * capacity passes rates through the new types; the diagram draws them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, buildDiagram, RESOURCE_TYPES, type ResourceType } from '../../src/core/index';
import { applyEdits } from '../../src/core/edit/edits';
import { capacityOf } from '../../src/core/model/capacity';
import { scheduleKind } from '../../src/core/model/model';
import { definition, rename } from '../../src/core/services/navigation';
import schemaRule from '../../src/core/rules/schema/invalid';
import unknownResource from '../../src/core/rules/flows/unknown-resource';
import { ruleTester } from '../helpers/rule-tester';

const ALL = `awsflow: 1
resources:
  orders-bus: { type: eventbridge, name: default, encryption: { kms: alias/events }, archive: { retention: 30d } }
  audit-bus: { type: eventbridge, encryption: kms }
  checkout: { type: stepfunctions, workflow: express, timeout: 5m }
  fulfil: { type: stepfunctions }
  nightly: { type: schedule, expression: cron(0 2 * * ? *), kind: scheduler, timezone: Europe/Paris, flexibleWindow: 15m }
  hourly: { type: schedule, kind: rule, expression: rate(1 hour) }
  orders: { type: dynamodb, stream: true }
  uploads: { type: s3 }
  jobs: { type: sqs }
  failed: { type: sqs }
  fn: { type: lambda }
  enricher: { type: lambda }
  clicks: { type: kinesis, encryption: kms }
  archive: { type: firehose }
  lake: { type: s3 }
  news: { type: sns, encryption: { kms: alias/news } }
  partner: { type: client }
flows:
  - fn -> orders-bus: { rate: 10/s, maxLatency: 2s }
  - orders-bus -> checkout: { pattern: { source: [orders] }, rule: placed, onFailure: failed, retry: { attempts: 3, maxAge: 1h }, label: placed }
  - orders-bus -> partner: { rule: placed }
  - nightly -> fulfil: { onFailure: failed, retry: { attempts: 0, maxAge: 60s } }
  - jobs -> news: { via: pipe, filter: { detail: { kind: [big] } }, enrich: enricher, batchSize: 10, batchWindow: 5s, onFailure: failed, label: big jobs }
  - checkout -> jobs, orders-bus, orders: { callback: true }
  - uploads -> jobs, orders-bus: { events: ['s3:ObjectCreated:*'], filter: { prefix: in/, suffix: .jpg } }
  - orders -> fn: { batchSize: 100, batchWindow: 1s, onFailure: failed, parallelization: 4 }
  - clicks -> archive -> lake
  - news -> fn: { deadLetter: failed }
  - hourly -> fn
`;

describe('format 1.1: the schema accepts every new type, property and connection', () => {
  test('a file using all of them has no schema, connection or reference finding', () => {
    const analysis = analyze(ALL);
    const structural = analysis.findings.filter(
      (f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('flows/') || f.ruleId.startsWith('syntax/'),
    );
    assert.deepEqual(
      structural.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
    assert.deepEqual(analysis.internalErrors, []);
  });

  test('defaults take the new types and properties', () => {
    const text =
      'awsflow: 1\ndefaults:\n  eventbridge: { encryption: kms }\n  stepfunctions: { workflow: express }\n  schedule: { kind: scheduler, timezone: UTC }\n  dynamodb: { stream: true }\nresources:\n  b: { type: eventbridge }\n';
    assert.deepEqual(
      analyze(text)
        .findings.filter((f) => f.ruleId === 'schema/invalid')
        .map((f) => f.message),
      [],
    );
  });

  test('the model reads the values in its units', () => {
    const model = analyze(ALL).model;
    assert.equal(model.byId.get('orders-bus')!.props.get('archive')!.children.get('retention')!.value, 30 * 86400);
    assert.equal(model.byId.get('checkout')!.props.get('timeout')!.value, 300);
    assert.equal(model.byId.get('nightly')!.props.get('flexibleWindow')!.value, 900);
    assert.equal(model.byId.get('orders')!.props.get('stream')!.value, true);
    const rule = model.flows[1]!.props;
    assert.equal(rule.get('retry')!.children.get('maxAge')!.value, 3600);
    assert.equal(rule.get('retry')!.children.get('attempts')!.value, 3);
    assert.equal(model.flows[0]!.props.get('maxLatency')!.value, 2);
  });
});

ruleTester(schemaRule, {
  valid: [
    'resources:\n  s: { type: schedule, expression: at(2027-01-01T09:00:00) }\n',
    'resources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f: { via: pipe }\n',
  ],
  invalid: [
    {
      name: 'workflow: not standard or express',
      code: 'resources:\n  m: { type: stepfunctions, workflow: «fast» }\n',
      errors: [{ messageId: 'enum', message: /'fast'.*standard.*express/ }],
    },
    {
      name: 'schedule kind: not rule or scheduler',
      code: 'resources:\n  s: { type: schedule, expression: rate(1 hour), kind: «cron» }\n',
      errors: [{ messageId: 'enum', message: /'cron'.*rule.*scheduler/ }],
    },
    {
      name: 'stream is a boolean',
      code: 'resources:\n  t: { type: dynamodb, stream: «NEW_IMAGE» }\n',
      errors: [{ messageId: 'type' }],
    },
    {
      name: 'flexibleWindow is a duration',
      code: 'resources:\n  s: { type: schedule, expression: rate(1 hour), flexibleWindow: «soon» }\n',
      errors: [{ messageId: 'pattern' }],
    },
    {
      name: 'an unknown key of the archive',
      code: 'resources:\n  b: { type: eventbridge, archive: { «retain»: 30d } }\n',
      errors: [{ messageId: 'unknownProperty' }],
    },
    {
      name: 'a property of another type on an event bus',
      code: 'resources:\n  b: { type: eventbridge, «fifo»: true }\n',
      errors: [{ messageId: 'unknownPropertyOfType', message: /^Unknown property 'fifo' for a resource of type eventbridge\./ }],
    },
    {
      name: 'via: only pipe',
      code: 'resources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f: { via: «rule» }\n',
      errors: [{ messageId: 'enum' }],
    },
    {
      name: 'retry: attempts a whole number, an unknown key',
      code: 'resources:\n  b: { type: eventbridge }\n  f: { type: lambda }\nflows:\n  - b -> f: { retry: { attempts: «2.5», «tries»: 3 } }\n',
      errors: [{ messageId: 'type' }, { messageId: 'unknownProperty' }],
    },
    {
      name: 'events is a list, pattern a map, callback a boolean',
      code: 'resources:\n  u: { type: s3 }\n  q: { type: sqs }\n  b: { type: eventbridge }\n  m: { type: stepfunctions }\nflows:\n  - u -> q: { events: «s3:ObjectCreated:*» }\n  - b -> q: { pattern: «orders» }\n  - m -> q: { callback: «yes» }\n',
      errors: [{ messageId: 'type' }, { messageId: 'type' }, { messageId: 'type' }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Connections: FORMAT.md's list, as data, and every other pairing with a new type.

const COMPUTE: readonly ResourceType[] = ['lambda', 'ecs', 'eks', 'apprunner', 'beanstalk', 'ec2'];
const RULE_TARGETS: readonly ResourceType[] = [
  'lambda',
  'sqs',
  'sns',
  'kinesis',
  'firehose',
  'stepfunctions',
  'ecs',
  'api-gateway',
  'eventbridge',
  'client',
];
const TASK_TARGETS: readonly ResourceType[] = [
  'lambda',
  'sqs',
  'sns',
  'eventbridge',
  'dynamodb',
  'kinesis',
  'firehose',
  'stepfunctions',
  'ecs',
  // Beyond FORMAT.md's list, as AWS offers them: optimized integrations (API Gateway, EKS) and S3's SDK integration.
  'api-gateway',
  'eks',
  's3',
];
const PIPE_SOURCES: readonly ResourceType[] = ['sqs', 'kinesis', 'dynamodb'];

/** `from>to` (and `from>to>pipe`) pairings FORMAT.md 1.1 lists, plus compute and clients calling StartExecution (documented). */
const LISTED = new Set<string>([
  // <producer> -> eventbridge (PutEvents), S3 notifications, a rule or schedule targeting a bus.
  ...[...COMPUTE, 'client', 'api-gateway', 's3', 'stepfunctions', 'eventbridge', 'schedule'].map((from) => `${from}>eventbridge`),
  ...RULE_TARGETS.map((to) => `eventbridge>${to}`),
  ...TASK_TARGETS.map((to) => `stepfunctions>${to}`),
  // Starting an execution: API Gateway, rules and schedules (and tasks, above); compute and clients call StartExecution.
  ...['api-gateway', 'schedule', ...COMPUTE, 'client'].map((from) => `${from}>stepfunctions`),
  ...PIPE_SOURCES.flatMap((from) => RULE_TARGETS.map((to) => `${from}>${to}>pipe`)),
  's3>sqs',
  's3>sns',
  's3>lambda',
  'dynamodb>lambda',
  'kinesis>firehose',
  'firehose>s3',
]);

function invalidConnections(from: ResourceType, to: ResourceType, pipe: boolean) {
  const properties = [pipe ? 'via: pipe' : '', from === 'schedule' ? '' : ''].filter(Boolean).join(', ');
  const text = `awsflow: 1\nresources:\n  a: { type: ${from} }\n  b: { type: ${to} }\nflows:\n  - a -> b${properties ? `: { ${properties} }` : ''}\n`;
  const analysis = analyze(text);
  return { text, findings: analysis.findings.filter((f) => f.ruleId === 'flows/invalid-connection') };
}

describe('format 1.1 connections: listed pairings valid, every other pairing with a new type invalid', () => {
  const NEW: readonly ResourceType[] = ['eventbridge', 'stepfunctions'];
  const cases: [ResourceType, ResourceType, boolean][] = [];
  for (const from of RESOURCE_TYPES) {
    for (const to of RESOURCE_TYPES) {
      if (NEW.includes(from) || NEW.includes(to)) cases.push([from, to, false]);
      cases.push([from, to, true]);
    }
  }
  for (const [from, to, pipe] of cases) {
    const key = `${from}>${to}${pipe ? '>pipe' : ''}`;
    const listed = LISTED.has(key);
    test(`${from} -> ${to}${pipe ? ' via pipe' : ''}: ${listed ? 'valid' : 'flows/invalid-connection'}`, () => {
      const { text, findings } = invalidConnections(from, to, pipe);
      if (pipe && !PIPE_SOURCES.includes(from)) {
        // A source no Pipe reads is pipes/source's finding, on the source's id.
        assert.deepEqual(findings, []);
        const flow = text.indexOf('a -> b');
        const source = analyze(text).findings.filter((f) => f.ruleId === 'pipes/source');
        assert.deepEqual(
          source.map((f) => [f.start, f.end]),
          [[flow, flow + 1]],
        );
      } else if (listed) {
        assert.deepEqual(
          findings.map((f) => f.message),
          [],
        );
      } else {
        assert.equal(findings.length, 1, `one finding for ${key}`);
        const flow = text.indexOf('a -> b');
        // On the target's id in the flow entry, as every connection finding.
        assert.deepEqual([findings[0]!.start, findings[0]!.end], [flow + 5, flow + 6]);
        assert.equal(findings[0]!.severity, 'error');
        assert.match(findings[0]!.message, new RegExp(`^AWS cannot connect 'a' \\(${from}\\) to 'b' \\(${to}\\): `));
      }
    });
  }

  test('the reasons name what AWS offers instead', () => {
    assert.match(
      invalidConnections('sqs', 'eventbridge', false).findings[0]!.message,
      /connect it through an EventBridge Pipe \(`via: pipe`\)\.$/,
    );
    assert.match(
      invalidConnections('eventbridge', 's3', false).findings[0]!.message,
      /an EventBridge rule cannot target an S3 bucket: its targets are Lambda function, SQS queue/,
    );
    // A Pipe from an SNS topic is pipes/source's finding (test/unit/rules/pipes/source.test.ts).
    assert.match(
      invalidConnections('stepfunctions', 'rds', false).findings[0]!.message,
      /a Step Functions task cannot call an RDS database here/,
    );
  });

  test('1.0 pairings keep their meaning: without via, sqs -> sns stays invalid', () => {
    assert.equal(invalidConnections('sqs', 'sns', false).findings.length, 1);
    assert.equal(invalidConnections('sqs', 'sns', true).findings.length, 0);
  });
});

// ---------------------------------------------------------------------------------------
// References, dead-letter queues, schedule kind, capacity, diagram.

function marked(text: string): { text: string; ranges: { start: number; end: number }[] } {
  const ranges: { start: number; end: number }[] = [];
  let plain = '';
  let open = -1;
  for (const char of text) {
    if (char === '«') open = plain.length;
    else if (char === '»') ranges.push({ start: open, end: plain.length });
    else plain += char;
  }
  return { text: plain, ranges };
}

describe('format 1.1 references: enrich, onFailure and deadLetter', () => {
  const { text, ranges } = marked(`awsflow: 1
resources:
  jobs: { type: sqs }
  «shape»: { type: stepfunctions, workflow: express }
  «dlq»: { type: sqs }
  bus: { type: eventbridge }
  out: { type: sns }
  fn: { type: lambda }
flows:
  - jobs -> out: { via: pipe, enrich: shape, onFailure: dlq }
  - bus -> fn: { onFailure: dlq }
  - out -> fn: { deadLetter: dlq }
`);
  const analysis = analyze(text);

  test('definition from each reference leads to the resource', () => {
    assert.deepEqual(definition(analysis, text.indexOf('enrich: shape') + 9), [ranges[0]]);
    assert.deepEqual(definition(analysis, text.indexOf('onFailure: dlq }') + 12), [ranges[1]]);
    assert.deepEqual(definition(analysis, text.indexOf('onFailure: dlq }\n  - out') + 12), [ranges[1]]);
    assert.deepEqual(definition(analysis, text.indexOf('deadLetter: dlq') + 13), [ranges[1]]);
  });

  test('rename reaches enrich, every onFailure and the subscription deadLetter, and nothing else', () => {
    const renameAt = (offset: number, name: string) => {
      const result = rename(analysis, offset, name);
      if ('error' in result) assert.fail(result.error);
      return applyEdits(text, result.edits);
    };
    assert.equal(
      renameAt(text.indexOf('enrich: shape') + 9, 'reshape'),
      text.replace('«', '').replace(/shape/g, 'reshape').replace('jobs -> out', 'jobs -> out'),
    );
    assert.equal(renameAt(text.indexOf('deadLetter: dlq') + 13, 'failures'), text.replace(/\bdlq\b/g, 'failures'));
  });

  test('queues named by onFailure or deadLetter are dead-letter queues; an enrichment function is not', () => {
    assert.deepEqual([...analysis.model.deadLetterIds].sort(), ['dlq']);
    assert.ok(!analysis.findings.some((f) => f.ruleId === 'sqs/no-consumer' && f.message.includes("'dlq'")));
  });

  test('the pipe draws its onFailure connection from the source', () => {
    const failures = analysis.model.connections.filter((c) => c.origin === 'onFailure').map((c) => `${c.source.id}>${c.target.id}`);
    assert.deepEqual(failures, ['jobs>dlq', 'bus>dlq']);
  });
});

ruleTester(unknownResource, {
  valid: ['resources:\n  q: { type: sqs }\n  t: { type: sns }\n  e: { type: lambda }\nflows:\n  - q -> t: { via: pipe, enrich: e }\n'],
  invalid: [
    {
      name: "a Pipe's enrich names no resource: did-you-mean, or create a Lambda function",
      code: 'resources:\n  q: { type: sqs }\n  t: { type: sns }\n  enricher: { type: lambda }\nflows:\n  - q -> t: { via: pipe, enrich: «enricer» }\n',
      errors: [
        {
          messageId: 'unknown',
          message: "The Pipe's `enrich` names 'enricer', which is not a resource in this file. Did you mean 'enricher'?",
          suggestions: [
            'resources:\n  q: { type: sqs }\n  t: { type: sns }\n  enricher: { type: lambda }\nflows:\n  - q -> t: { via: pipe, enrich: enricher }\n',
            'resources:\n  q: { type: sqs }\n  t: { type: sns }\n  enricher: { type: lambda }\n  enricer:\n    type: lambda\nflows:\n  - q -> t: { via: pipe, enrich: enricer }\n',
          ],
        },
      ],
    },
  ],
});

describe('format 1.1 schedules: rule or scheduler', () => {
  const kindOf = (properties: string) =>
    scheduleKind(analyze(`awsflow: 1\nresources:\n  s: { type: schedule, ${properties} }\n`).model.byId.get('s')!);
  test('written kind wins', () => {
    assert.equal(kindOf('kind: rule, expression: rate(1 hour)'), 'rule');
    assert.equal(kindOf('kind: scheduler, expression: rate(1 hour)'), 'scheduler');
    assert.equal(kindOf('kind: rule, expression: at(2027-01-01T00:00:00)'), 'rule');
  });
  test('without kind: at(…), timezone or flexibleWindow imply scheduler; otherwise a rule, as in 1.0', () => {
    assert.equal(kindOf('expression: rate(1 hour)'), 'rule');
    assert.equal(kindOf('expression: cron(0 2 * * ? *)'), 'rule');
    assert.equal(kindOf('expression: " at(2027-01-01T00:00:00)"'), 'scheduler');
    assert.equal(kindOf('expression: rate(1 hour), timezone: Europe/Paris'), 'scheduler');
    assert.equal(kindOf('expression: rate(1 hour), flexibleWindow: 5m'), 'scheduler');
  });
});

describe('format 1.1 capacity: rates pass through buses, state machines and pipes', () => {
  test('a bus passes its inbound rate to every rule target; a state machine to its tasks; a declared rate wins', () => {
    const analysis = analyze(`awsflow: 1
resources:
  api: { type: api-gateway }
  bus: { type: eventbridge }
  flow: { type: stepfunctions }
  q: { type: sqs }
  f: { type: lambda, duration: 1s }
  t: { type: sns, encryption: kms }
flows:
  - api -> bus: { rate: 40/s }
  - bus -> flow, q
  - flow -> t: { rate: 5/s }
  - q -> f: { via: pipe, batchSize: 10 }
`);
    const capacity = capacityOf(analysis.model);
    const rate = (from: string, to: string) =>
      capacity.connection(analysis.model.connections.find((c) => c.source.id === from && c.target.id === to)!)?.rate;
    assert.equal(rate('bus', 'flow'), 40);
    assert.equal(rate('bus', 'q'), 40);
    assert.equal(rate('flow', 't'), 5);
    assert.equal(rate('q', 'f'), 40);
    // A Pipe invokes its Lambda target once per batch: 40/s ÷ 10 = 4 invocations/s, × 1 s = concurrency 4.
    assert.equal(capacity.resource(analysis.model.byId.get('f')!)?.invocations, 4);
  });
});

describe('format 1.1 diagram: icons and edge styles', () => {
  const analysis = analyze(ALL);
  const diagram = buildDiagram(analysis, { icons: true });
  const node = (id: string) => diagram.nodes.find((n) => n.resourceId === id)!;
  const edge = (from: string, to: string, style?: string) =>
    diagram.edges.find((e) => e.from === node(from).id && e.to === node(to).id && (!style || e.style === style));

  test('event buses and state machines have their AWS icons', () => {
    assert.match(diagram.mermaid, new RegExp(`${node('orders-bus').id}@\\{ icon: "logos:aws-eventbridge"`));
    assert.match(diagram.mermaid, new RegExp(`${node('checkout').id}@\\{ icon: "logos:aws-step-functions"`));
  });

  test('rule targets thick, pipes circle-ended, tasks headed both ways, failures dotted', () => {
    assert.equal(edge('orders-bus', 'checkout', 'rule')?.label, 'placed');
    assert.equal(edge('jobs', 'news', 'pipe')?.label, 'big jobs');
    assert.equal(edge('checkout', 'jobs')?.style, 'task');
    assert.equal(edge('uploads', 'jobs')?.style, 'flow');
    assert.equal(edge('orders-bus', 'failed')?.style, 'dead-letter');
    assert.match(diagram.mermaid, new RegExp(`^ {2}${node('orders-bus').id} ==>\\|"placed"\\| ${node('checkout').id}$`, 'm'));
    assert.match(diagram.mermaid, new RegExp(`^ {2}${node('jobs').id} --o\\|"big jobs"\\| ${node('news').id}$`, 'm'));
    assert.match(diagram.mermaid, new RegExp(`^ {2}${node('checkout').id} <-->\\|"task token"\\| ${node('jobs').id}$`, 'm'));
  });

  test('the dead-letter queue is drawn as one', () => {
    assert.match(diagram.mermaid, new RegExp(`^ {2}class .*\\b${node('failed').id}\\b.* deadletter$`, 'm'));
  });
});
