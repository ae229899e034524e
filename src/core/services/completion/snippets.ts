/** Snippets: a new resource of each type, the patterns (queue with DLQ, fan-out…), flows entries, the whole-file skeleton. */
import { RESOURCE_TYPES, type ResourceType } from '../../model/properties';
import { RESOURCE_ID } from '../../parse/flows';
import type { CompletionEntry } from '../types';
import type { Context } from './context';
import { followedByColon, ID_WORD, pad, TYPE_DETAILS } from './context';

export function skeleton(u: string, eol: string): string {
  return [
    'awsflow: 1',
    'name: ${1:my-architecture}',
    '',
    'resources:',
    `${u}\${2:api}:`,
    `${u}${u}type: api-gateway`,
    `${u}\${3:jobs}:`,
    `${u}${u}type: sqs`,
    `${u}${u}visibilityTimeout: 3m`,
    `${u}${u}deadLetter: { target: \${3}-dlq, maxReceiveCount: 5 }`,
    `${u}\${3}-dlq:`,
    `${u}${u}type: sqs`,
    `${u}${u}retention: 14d`,
    `${u}\${4:worker}:`,
    `${u}${u}type: lambda`,
    `${u}${u}memory: 512MB`,
    `${u}${u}timeout: 30s`,
    '',
    'flows:',
    `${u}- \${2} -> \${3} -> \${4}`,
    '',
  ].join(eol);
}

export type Lines = readonly (readonly [number, string])[];

/** A new resource of each type, with the properties most worth setting. */
const TYPE_SNIPPETS: Readonly<Record<ResourceType, Lines>> = {
  sqs: [
    [1, 'type: sqs'],
    [1, 'visibilityTimeout: ${2:3m}'],
  ],
  sns: [
    [1, 'type: sns'],
    [1, 'encryption: ${2:kms}'],
  ],
  kinesis: [
    [1, 'type: kinesis'],
    [1, 'mode: ${2|on-demand,provisioned|}'],
    [1, 'encryption: ${3:kms}'],
  ],
  firehose: [
    [1, 'type: firehose'],
    [1, 'buffer: { size: ${2:5MB}, interval: ${3:300s} }'],
  ],
  lambda: [
    [1, 'type: lambda'],
    [1, 'memory: ${2:512MB}'],
    [1, 'timeout: ${3:30s}'],
  ],
  ecs: [
    [1, 'type: ecs'],
    [1, 'launchType: ${2|fargate,ec2|}'],
    [1, 'cpu: ${3:512}'],
    [1, 'memory: ${4:1GB}'],
    [1, 'desiredCount: ${5:2}'],
  ],
  eks: [
    [1, 'type: eks'],
    [1, 'nodeType: ${2|managed,fargate,self-managed|}'],
  ],
  apprunner: [
    [1, 'type: apprunner'],
    [1, 'cpu: ${2:1024}'],
    [1, 'memory: ${3:2GB}'],
  ],
  beanstalk: [
    [1, 'type: beanstalk'],
    [1, 'instances: ${2:2}'],
  ],
  ec2: [
    [1, 'type: ec2'],
    [1, 'instances: ${2:2}'],
  ],
  schedule: [
    [1, 'type: schedule'],
    [1, 'expression: ${2:rate(5 minutes)}'],
  ],
  'api-gateway': [
    [1, 'type: api-gateway'],
    [1, 'timeout: ${2:29s}'],
  ],
  alb: [[1, 'type: alb']],
  cloudfront: [[1, 'type: cloudfront']],
  dynamodb: [[1, 'type: dynamodb']],
  s3: [[1, 'type: s3']],
  rds: [
    [1, 'type: rds'],
    [1, 'encryption: ${2:kms}'],
  ],
  efs: [
    [1, 'type: efs'],
    [1, 'encryption: ${2:kms}'],
  ],
  client: [
    [1, 'type: client'],
    [1, 'label: ${2:Web app}'],
  ],
  eventbridge: [
    [1, 'type: eventbridge'],
    [1, 'name: ${2:default}'],
  ],
  stepfunctions: [
    [1, 'type: stepfunctions'],
    [1, 'workflow: ${2|standard,express|}'],
  ],
};

interface Pattern {
  readonly label: string;
  readonly detail: string;
  readonly resources: Lines;
  /** The flows entry that connects the pattern's resources, offered under `flows:`. */
  readonly flow: { readonly label: string; readonly text: string; readonly detail: string };
}

const PATTERNS: readonly Pattern[] = [
  {
    label: 'queue with DLQ',
    detail: 'SQS queue and its dead-letter queue',
    resources: [
      [0, '${1:jobs}:'],
      [1, 'type: sqs'],
      [1, 'visibilityTimeout: ${2:3m}'],
      [1, 'deadLetter: { target: ${1}-dlq, maxReceiveCount: ${3:5} }'],
      [0, '${1}-dlq:'],
      [1, 'type: sqs'],
      [1, 'retention: 14d'],
    ],
    flow: {
      label: 'queue consumer flow',
      text: '${1:jobs} -> ${2:worker}: { batchSize: ${3:10} }',
      detail: 'a queue read by its consumer',
    },
  },
  {
    label: 'SNS fan-out',
    detail: 'SNS topic and two subscribed queues',
    resources: [
      [0, '${1:events}:'],
      [1, 'type: sns'],
      [1, 'encryption: kms'],
      [0, '${2:queue-a}:'],
      [1, 'type: sqs'],
      [0, '${3:queue-b}:'],
      [1, 'type: sqs'],
    ],
    flow: { label: 'fan-out flow', text: '${1:events} -> ${2:queue-a}, ${3:queue-b}', detail: 'a topic delivering to every queue' },
  },
  {
    label: 'stream with consumer',
    detail: 'Kinesis stream and the Lambda function reading it',
    resources: [
      [0, '${1:stream}:'],
      [1, 'type: kinesis'],
      [1, 'mode: on-demand'],
      [1, 'encryption: kms'],
      [0, '${2:consumer}:'],
      [1, 'type: lambda'],
      [1, 'timeout: ${3:1m}'],
      [0, '${2}-failed:'],
      [1, 'type: sqs'],
      [1, 'retention: 14d'],
    ],
    // Without an on-failure destination one bad record blocks its shard (esm/on-failure).
    flow: {
      label: 'stream consumer flow',
      text: '${1:stream} -> ${2:consumer}: { batchSize: ${3:100}, onFailure: ${2}-failed }',
      detail: 'a stream read by a Lambda function',
    },
  },
  {
    label: 'scheduled job',
    detail: 'EventBridge schedule and the Lambda function it runs',
    resources: [
      [0, '${1:nightly}:'],
      [1, 'type: schedule'],
      [1, 'expression: ${2:cron(0 2 * * ? *)}'],
      [0, '${3:job}:'],
      [1, 'type: lambda'],
      [1, 'timeout: ${4:5m}'],
      [1, 'deadLetter: { target: ${3}-failed }'],
      [0, '${3}-failed:'],
      [1, 'type: sqs'],
      [1, 'retention: 14d'],
    ],
    flow: { label: 'schedule flow', text: '${1:nightly} -> ${2:job}', detail: 'a schedule running its target' },
  },
];

export function resourceSnippets(c: Context): CompletionEntry[] {
  if (c.place.inFlow || c.place.quoted || followedByColon(c)) return [];
  const entries: CompletionEntry[] = [];
  const { model } = c.analysis;
  // Ids the flows name but no resource defines: the likeliest thing to type here.
  const missing = new Set(
    model.references
      .filter((reference) => !model.byId.has(reference.id) && RESOURCE_ID.test(reference.id))
      .map((reference) => reference.id),
  );
  [...missing].forEach((id, index) => {
    const body = c.lines([
      [0, `${id}:`],
      [1, 'type: ${1}'],
    ]);
    entries.push(
      c.entry(id, 'resource', body, {
        snippet: true,
        detail: 'named in flows, not defined yet',
        documentation: yamlBlock(plainSnippet(body)),
        sortText: `0${pad(index)}`,
      }),
    );
  });
  RESOURCE_TYPES.forEach((type, index) => {
    const body = c.lines([[0, '${1:name}:'], ...TYPE_SNIPPETS[type]]);
    entries.push(
      c.entry(type, 'snippet', body, {
        snippet: true,
        detail: `new ${TYPE_DETAILS[type]}`,
        documentation: yamlBlock(plainSnippet(body)),
        sortText: `1${pad(index)}`,
      }),
    );
  });
  PATTERNS.forEach((pattern, index) => {
    const body = c.lines(pattern.resources);
    entries.push(
      c.entry(pattern.label, 'snippet', body, {
        snippet: true,
        detail: pattern.detail,
        documentation: `${yamlBlock(plainSnippet(body))}\n\nConnect them under \`flows:\` with the **${pattern.flow.label}** snippet.`,
        sortText: `2${pad(index)}`,
      }),
    );
  });
  return entries;
}

export function flowSnippets(c: Context, withDash: boolean): CompletionEntry[] {
  if (c.place.inFlow || c.place.quoted || (withDash && !ID_WORD.test(c.partial))) return [];
  const all = [{ label: 'flow', text: '${1:source} -> ${2:target}', detail: 'a connection' }, ...PATTERNS.map((pattern) => pattern.flow)];
  return all.map((flow, index) => {
    const body = (withDash ? '- ' : c.place.needsSpace ? ' ' : '') + flow.text;
    return c.entry(flow.label, 'snippet', body, {
      snippet: true,
      detail: flow.detail,
      documentation: yamlBlock(plainSnippet(body)),
      sortText: `5${pad(index)}`,
    });
  });
}

/** The text a snippet inserts when every placeholder keeps its default. */
export function plainSnippet(body: string): string {
  const defaults = new Map<string, string>();
  for (const match of body.matchAll(/\$\{(\d+):([^}]*)\}/g)) if (!defaults.has(match[1]!)) defaults.set(match[1]!, match[2]!);
  for (const match of body.matchAll(/\$\{(\d+)\|([^,|]*)[^}]*\}/g)) if (!defaults.has(match[1]!)) defaults.set(match[1]!, match[2]!);
  return body
    .replace(/\$\{(\d+):[^}]*\}/g, (_whole, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\|[^}]*\}/g, (_whole, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_whole, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

export function yamlBlock(body: string): string {
  return '```yaml\n' + body.replace(/\r\n/g, '\n') + '\n```';
}
