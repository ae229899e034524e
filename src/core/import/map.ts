/**
 * The mapping from CloudFormation/SAM resources to awsflow resources and flows. One
 * `ImportBuilder` collects the result of every template of an import (a CDK assembly has
 * several); each template is read in two passes: first which logical ids become which
 * awsflow types (a flow needs both ends' types), then properties and flows.
 *
 * Flows are only what the template states: event sources, subscriptions, rule targets,
 * notifications, integrations, destinations, state machine tasks, and permissions to
 * send/publish/put/start scoped to a resource of the template (never `Resource: "*"`).
 */
import { Resolver, resourcesIn, type ExportTarget, type Resolved } from './resolve';
import { entryOf, field, type Template, type TemplateEntry, type TemplateMap, type TemplateResource, type TemplateValue } from './template';
import type { ImportedFlow, ImportedProperty, ImportedResource, ImportedValue, TemplateRange } from './imported';
import { durationText, jsonText, megabytesText, sizeText, stringText } from './values';
import type { OffsetRange } from '../text/line-index';

/** The id of the account's default event bus, when rules or S3 notifications use it. */
export const DEFAULT_BUS_ID = 'default-bus';

const DIRECT_TYPES: Readonly<Record<string, string>> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::SNS::Topic': 'sns',
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::KinesisFirehose::DeliveryStream': 'firehose',
  'AWS::Lambda::Function': 'lambda',
  'AWS::Serverless::Function': 'lambda',
  'AWS::ECS::Service': 'ecs',
  'AWS::Scheduler::Schedule': 'schedule',
  'AWS::Events::EventBus': 'eventbridge',
  'AWS::StepFunctions::StateMachine': 'stepfunctions',
  'AWS::Serverless::StateMachine': 'stepfunctions',
  'AWS::ApiGateway::RestApi': 'api-gateway',
  'AWS::ApiGatewayV2::Api': 'api-gateway',
  'AWS::Serverless::Api': 'api-gateway',
  'AWS::Serverless::HttpApi': 'api-gateway',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb',
  'AWS::Serverless::SimpleTable': 'dynamodb',
  'AWS::S3::Bucket': 's3',
  'AWS::EKS::Cluster': 'eks',
  'AWS::AppRunner::Service': 'apprunner',
  'AWS::ElasticBeanstalk::Environment': 'beanstalk',
  'AWS::EC2::Instance': 'ec2',
  'AWS::CloudFront::Distribution': 'cloudfront',
  'AWS::RDS::DBInstance': 'rds',
  'AWS::RDS::DBCluster': 'rds',
  'AWS::EFS::FileSystem': 'efs',
};

/** Nested stacks: their resources are in another template, which the import does not fetch. */
const NESTED_STACK_TYPES = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);

/** Actions that send to, publish to, put to or start a resource of the type given. */
const PRODUCER_ACTIONS: readonly (readonly [string, string])[] = [
  ['sqs:SendMessage', 'sqs'],
  ['sqs:SendMessageBatch', 'sqs'],
  ['sns:Publish', 'sns'],
  ['kinesis:PutRecord', 'kinesis'],
  ['kinesis:PutRecords', 'kinesis'],
  ['firehose:PutRecord', 'firehose'],
  ['firehose:PutRecordBatch', 'firehose'],
  ['events:PutEvents', 'eventbridge'],
  ['states:StartExecution', 'stepfunctions'],
  ['states:StartSyncExecution', 'stepfunctions'],
  ['lambda:InvokeFunction', 'lambda'],
  ['lambda:InvokeAsync', 'lambda'],
  // Writes to a store: the table or bucket a function fills (a DynamoDB stream or an S3 notification may carry on from it).
  ['dynamodb:PutItem', 'dynamodb'],
  ['dynamodb:BatchWriteItem', 'dynamodb'],
  ['dynamodb:UpdateItem', 'dynamodb'],
  ['s3:PutObject', 's3'],
];

/** Service actions that read or manage a resource rather than carry a message into it. */
const READING_ACTION = /^(?:Receive|Get|Describe|List|Delete|Query|Scan|Purge|ChangeMessageVisibility)/;

/** SAM policy templates that let a function produce to a resource, and the parameter naming it. */
const SAM_POLICY_TEMPLATES: Readonly<Record<string, { readonly parameter: string; readonly type: string }>> = {
  SQSSendMessagePolicy: { parameter: 'QueueName', type: 'sqs' },
  SNSPublishMessagePolicy: { parameter: 'TopicName', type: 'sns' },
  SNSCrudPolicy: { parameter: 'TopicName', type: 'sns' },
  KinesisCrudPolicy: { parameter: 'StreamName', type: 'kinesis' },
  FirehoseWritePolicy: { parameter: 'DeliveryStreamName', type: 'firehose' },
  FirehoseCrudPolicy: { parameter: 'DeliveryStreamName', type: 'firehose' },
  EventBridgePutEventsPolicy: { parameter: 'EventBusName', type: 'eventbridge' },
  StepFunctionsExecutionPolicy: { parameter: 'StateMachineName', type: 'stepfunctions' },
  LambdaInvokePolicy: { parameter: 'FunctionName', type: 'lambda' },
  DynamoDBCrudPolicy: { parameter: 'TableName', type: 'dynamodb' },
  DynamoDBWritePolicy: { parameter: 'TableName', type: 'dynamodb' },
  S3CrudPolicy: { parameter: 'BucketName', type: 's3' },
  S3WritePolicy: { parameter: 'BucketName', type: 's3' },
};

/** SAM event source types that awsflow does not model (yet), named in a comment. */
const SAM_PHYSICAL_NAME_KEYS = [
  'QueueName',
  'TopicName',
  'Name',
  'FunctionName',
  'DeliveryStreamName',
  'TableName',
  'BucketName',
  'StateMachineName',
  'ClusterName',
  'ServiceName',
];

export interface ImportInput {
  readonly template: Template;
  /** The stack's name (a CDK stack): its resources form a `group`. */
  readonly group?: string;
}

export class ImportBuilder {
  readonly resources: ImportedResource[] = [];
  readonly flows: ImportedFlow[] = [];
  /** Template types left out, with their counts, for the header. */
  readonly omitted = new Map<string, number>();
  /** Header comments: macros, nested stacks, what could not be read. */
  readonly headerNotes: string[] = [];
  private readonly byId = new Map<string, ImportedResource>();
  private readonly flowKeys = new Map<string, ImportedFlow>();
  /** Logical id -> awsflow type, over every template (first pass). */
  private readonly types = new Map<string, string>();
  /** Export name -> resource, over every template. */
  private readonly exports = new Map<string, ExportTarget>();
  /** Physical name -> logical id, to match ARNs and names written out literally. */
  private readonly physicalNames = new Map<string, string>();

  constructor(inputs: readonly ImportInput[]) {
    inputs.forEach((input) => this.declare(input.template));
    inputs.forEach((input, index) => new TemplateImport(this, input, index).run());
  }

  typeOf(id: string): string | undefined {
    return this.types.get(id);
  }

  exportsMap(): ReadonlyMap<string, ExportTarget> {
    return this.exports;
  }

  byPhysicalName(name: string): string | undefined {
    return this.physicalNames.get(name);
  }

  /** The first pass: which ids become which types (SAM's generated ones included). */
  private declare(template: Template): void {
    const resolver = new Resolver(template);
    for (const resource of template.resources) {
      const type = importedType(resource, resolver);
      if (type) this.types.set(resource.id, type);
      for (const key of SAM_PHYSICAL_NAME_KEYS) {
        const name = resolver.resolve(field(resource.properties, key));
        if (name.kind === 'literal' && typeof name.value === 'string' && !this.physicalNames.has(name.value))
          this.physicalNames.set(name.value, resource.id);
      }
      if (resource.type === 'AWS::Serverless::Function' || resource.type === 'AWS::Serverless::StateMachine') {
        const events = field(resource.properties, 'Events');
        if (events?.kind === 'map') {
          for (const event of events.entries) {
            const eventType = field(event.value, 'Type');
            const kind = eventType?.kind === 'scalar' ? String(eventType.value) : '';
            const properties = field(event.value, 'Properties');
            if (kind === 'Schedule' || kind === 'ScheduleV2') this.types.set(resource.id + event.key, 'schedule');
            if (kind === 'Api' && !field(properties, 'RestApiId')) this.types.set('ServerlessRestApi', 'api-gateway');
            if (kind === 'HttpApi' && !field(properties, 'ApiId')) this.types.set('ServerlessHttpApi', 'api-gateway');
            if (kind === 'SNS' && isTrue(field(properties, 'SqsSubscription'))) this.types.set(`${resource.id}${event.key}Queue`, 'sqs');
          }
        }
      }
    }
    const outputs = template.sections.get('Outputs')?.value;
    if (outputs?.kind === 'map') {
      for (const output of outputs.entries) {
        const exportName = resolver.resolve(field(field(output.value, 'Export'), 'Name'));
        const value = resolver.resolve(field(output.value, 'Value'));
        if (exportName.kind === 'literal') {
          const ids = resourcesIn(value);
          if (value.kind === 'resource') this.exports.set(String(exportName.value), { id: value.id, attribute: value.attribute });
          else if (ids.length === 1) this.exports.set(String(exportName.value), { id: ids[0]!, attribute: undefined });
        }
      }
    }
  }

  addResource(resource: ImportedResource): ImportedResource {
    const existing = this.byId.get(resource.id);
    if (existing) return existing;
    this.byId.set(resource.id, resource);
    this.resources.push(resource);
    return resource;
  }

  resource(id: string): ImportedResource | undefined {
    return this.byId.get(id);
  }

  /** The default bus, created at its first use. */
  defaultBus(source: TemplateRange, group: string | undefined): string {
    this.types.set(DEFAULT_BUS_ID, 'eventbridge');
    this.addResource({
      id: DEFAULT_BUS_ID,
      type: 'eventbridge',
      source,
      templateType: "the account's default event bus",
      ...(group ? { group } : {}),
      properties: [{ key: 'name', value: { text: 'default' } }],
      notes: [],
    });
    return DEFAULT_BUS_ID;
  }

  omit(type: string): void {
    this.omitted.set(type, (this.omitted.get(type) ?? 0) + 1);
  }

  /**
   * A flow, once per pair of ends: a second statement of the same connection (a policy
   * beside the event source) adds the properties the first did not have.
   */
  addFlow(flow: ImportedFlow): void {
    if (!this.types.has(flow.from) || !this.types.has(flow.to) || flow.from === flow.to) return;
    const key = `${flow.from}\u0000${flow.to}`;
    const existing = this.flowKeys.get(key);
    if (existing) {
      for (const property of flow.properties)
        if (!existing.properties.some((p) => p.key === property.key)) existing.properties.push(property);
      return;
    }
    this.flowKeys.set(key, flow);
    this.flows.push(flow);
  }

  /** Drops what names a resource the output does not have (an omitted type), so the file stays valid. */
  finish(): void {
    const ids = new Set(this.resources.map((r) => r.id));
    for (let i = this.flows.length - 1; i >= 0; i--) {
      const flow = this.flows[i]!;
      if (!ids.has(flow.from) || !ids.has(flow.to)) this.flows.splice(i, 1);
    }
  }
}

function isTrue(value: TemplateValue | undefined): boolean {
  return value?.kind === 'scalar' && (value.value === true || value.value === 'true');
}

function scalarString(value: TemplateValue | undefined): string | undefined {
  return value?.kind === 'scalar' && value.value !== null ? String(value.value) : undefined;
}

/** The awsflow type of a template resource, or undefined when it is not modelled as a resource. */
function importedType(resource: TemplateResource, resolver: Resolver): string | undefined {
  const direct = DIRECT_TYPES[resource.type];
  if (direct) return direct;
  if (resource.type === 'AWS::Events::Rule') return field(resource.properties, 'ScheduleExpression') ? 'schedule' : undefined;
  if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
    const type = resolver.resolve(field(resource.properties, 'Type'));
    return type.kind === 'literal' && type.value !== 'application' ? undefined : 'alb';
  }
  return undefined;
}

/** The import of one template into the shared builder. */
class TemplateImport {
  private readonly resolver: Resolver;
  private readonly template: Template;
  private readonly group: string | undefined;

  constructor(
    private readonly out: ImportBuilder,
    input: ImportInput,
    private readonly index: number,
  ) {
    this.template = input.template;
    this.group = input.group;
    const samIds = [...['ServerlessRestApi', 'ServerlessHttpApi'].filter((id) => out.typeOf(id))];
    this.resolver = new Resolver(input.template, out.exportsMap(), samIds);
  }

  run(): void {
    for (const transform of this.template.transforms) {
      if (transform === 'AWS::LanguageExtensions')
        this.out.headerNotes.push(
          `Transform '${transform}' is not applied: Fn::ForEach and the other language extensions are not expanded.`,
        );
      else if (!transform.startsWith('AWS::Serverless'))
        this.out.headerNotes.push(`Transform '${transform}' is a macro: what it generates is not imported.`);
    }
    for (const macro of this.template.macros) {
      this.out.headerNotes.push(
        macro.key === 'Fn::Transform'
          ? `Fn::Transform${macro.name !== undefined ? ` '${macro.name}'` : ''} in Resources is a macro: the resources it adds are not imported.`
          : `${macro.key} in Resources is expanded by AWS::LanguageExtensions at deploy: the resources it makes are not imported.`,
      );
    }
    for (const resource of this.template.resources) this.importResource(resource);
  }

  /**
   * An API whose OpenAPI definition is in another file (`DefinitionUri`, `BodyS3Location`,
   * or `Fn::Transform` AWS::Include): its integrations are not read, and the note says so.
   */
  private externalDefinition(p: PropertyWriter, resource: TemplateResource): void {
    for (const key of ['DefinitionBody', 'Body']) {
      const body = field(resource.properties, key);
      if (body?.kind !== 'intrinsic' || body.name !== 'Transform') continue;
      const location = scalarString(field(field(body.argument, 'Parameters'), 'Location'));
      p.note(`integrations left out: its OpenAPI definition is included from ${location !== undefined ? `'${location}'` : 'another file'}`);
      return;
    }
    for (const key of ['DefinitionUri', 'BodyS3Location']) {
      if (field(resource.properties, key) === undefined) continue;
      p.note(`integrations left out: its OpenAPI definition is in another file (${key})`);
      return;
    }
  }

  private range(range: OffsetRange): TemplateRange {
    return { template: this.index, start: range.start, end: range.end };
  }

  private importResource(resource: TemplateResource): void {
    if (NESTED_STACK_TYPES.has(resource.type)) {
      this.out.headerNotes.push(`${resource.id} (${resource.type}) is a nested stack: its resources are not imported.`);
      return;
    }
    const type = this.out.typeOf(resource.id);
    if (
      !type ||
      (!DIRECT_TYPES[resource.type] &&
        !(resource.type === 'AWS::Events::Rule' || resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer'))
    ) {
      this.folded(resource);
      return;
    }
    const imported = this.out.addResource({
      id: resource.id,
      type,
      source: this.range(resource.idRange),
      templateType: resource.type,
      ...(this.group ? { group: this.group } : {}),
      properties: [],
      notes: [],
    });
    if (resource.condition) imported.notes.push(`only created when condition '${resource.condition}' holds`);
    const p = new PropertyWriter(this, imported, resource.properties);
    switch (resource.type) {
      case 'AWS::SQS::Queue':
        return this.queue(p, resource);
      case 'AWS::SNS::Topic':
        return this.topic(p, resource);
      case 'AWS::Kinesis::Stream':
        return this.stream(p);
      case 'AWS::KinesisFirehose::DeliveryStream':
        return this.firehose(p, resource);
      case 'AWS::Lambda::Function':
        return this.lambda(p, resource, false);
      case 'AWS::Serverless::Function':
        return this.lambda(p, resource, true);
      case 'AWS::ECS::Service':
        return this.ecs(p, resource);
      case 'AWS::Events::Rule':
        return this.rule(resource, imported);
      case 'AWS::Scheduler::Schedule':
        return this.scheduler(p, resource);
      case 'AWS::Events::EventBus':
        return this.bus(p, resource);
      case 'AWS::StepFunctions::StateMachine':
      case 'AWS::Serverless::StateMachine':
        return this.stateMachine(p, resource);
      case 'AWS::DynamoDB::Table':
      case 'AWS::DynamoDB::GlobalTable':
        p.scalar('TableName', 'name', stringValue);
        if (field(resource.properties, 'StreamSpecification')) p.fixed('stream', 'true', field(resource.properties, 'StreamSpecification'));
        if (isTrue(field(field(resource.properties, 'SSESpecification'), 'SSEEnabled')))
          p.fixed('encryption', 'kms', field(resource.properties, 'SSESpecification'));
        {
          // Kinesis Data Streams for DynamoDB: the table's changes are written to a stream.
          const kinesis = entryOf(resource.properties, 'KinesisStreamSpecification');
          const stream = this.target(field(kinesis?.value, 'StreamArn'));
          if (kinesis && stream && this.out.typeOf(stream) === 'kinesis')
            this.flow(resource.id, stream, kinesis.keyRange, 'KinesisStreamSpecification');
        }
        return;
      case 'AWS::Serverless::SimpleTable':
        p.scalar('TableName', 'name', stringValue);
        return;
      case 'AWS::S3::Bucket':
        return this.bucket(p, resource);
      case 'AWS::ApiGateway::RestApi':
      case 'AWS::ApiGatewayV2::Api':
      case 'AWS::Serverless::Api':
      case 'AWS::Serverless::HttpApi':
        p.scalar('Name', 'name', stringValue);
        this.externalDefinition(p, resource);
        return;
      default:
        return;
    }
  }

  /** Resources that are flows or properties of others; the rest are counted as left out. */
  private folded(resource: TemplateResource): void {
    switch (resource.type) {
      case 'AWS::SNS::Subscription':
        return this.subscription(resource);
      case 'AWS::Lambda::EventSourceMapping':
        return this.eventSourceMapping(resource);
      case 'AWS::Lambda::EventInvokeConfig':
        return this.invokeConfig(resource, field(resource.properties, 'FunctionName'), field(resource.properties, 'DestinationConfig'));
      case 'AWS::Events::Rule':
        return this.rule(resource, undefined);
      case 'AWS::Pipes::Pipe':
        return this.pipe(resource);
      case 'AWS::ApiGateway::Method':
        return this.restIntegration(resource);
      case 'AWS::ApiGatewayV2::Integration':
        return this.httpIntegration(resource);
      case 'AWS::Events::Archive':
        return this.archive(resource);
      case 'AWS::Serverless::Connector':
        return this.connector(resource, field(resource.properties, 'Source'), resource.properties);
      case 'AWS::ECS::TaskDefinition':
        return; // read through its service
      case 'Custom::S3BucketNotifications': {
        const bucket = this.target(field(resource.properties, 'BucketName'));
        if (bucket && this.out.typeOf(bucket) === 's3')
          return this.notifications(bucket, field(resource.properties, 'NotificationConfiguration'));
        return this.out.omit(resource.type);
      }
      default:
        this.out.omit(resource.type || '(no Type)');
    }
  }

  // ------------------------------------------------------------------ references

  /** The resource a value names: a Ref/GetAtt, a Sub/Join naming one resource, or a literal ARN or name of one. */
  target(value: TemplateValue | undefined): string | undefined {
    return this.targetOf(this.resolver.resolve(value));
  }

  private targetOf(resolved: Resolved): string | undefined {
    if (resolved.kind === 'resource') return resolved.id;
    if (resolved.kind === 'unresolved' && new Set(resolved.resources).size === 1) return resolved.resources[0];
    if (resolved.kind === 'literal' && typeof resolved.value === 'string') {
      const name = resolved.value.split(/[:/]/).pop() ?? '';
      return this.out.byPhysicalName(name) ?? this.out.byPhysicalName(resolved.value);
    }
    return undefined;
  }

  /** A connector's `Id`: a logical id written as a plain string. */
  private logicalId(value: TemplateValue | undefined): string | undefined {
    const id = scalarString(value);
    return id !== undefined && this.resolver.hasResource(id) ? id : undefined;
  }

  /** An event bus named by ARN, name or Ref; `default` (or nothing) is the default bus. */
  private bus_(value: TemplateValue | undefined, source: OffsetRange): string | undefined {
    const resolved = this.resolver.resolve(value);
    if (
      resolved.kind === 'absent' ||
      (resolved.kind === 'literal' && (resolved.value === 'default' || String(resolved.value).endsWith(':event-bus/default')))
    ) {
      return this.out.defaultBus(this.range(source), this.group);
    }
    return this.targetOf(resolved);
  }

  flow(from: string | undefined, to: string | undefined, source: OffsetRange, because: string, properties: ImportedProperty[] = []): void {
    if (!from || !to) return;
    this.out.addFlow({ from, to, properties, source: this.range(source), because });
  }

  resolve(value: TemplateValue | undefined): Resolved {
    return this.resolver.resolve(value);
  }

  templateRange(range: OffsetRange): TemplateRange {
    return this.range(range);
  }

  /** A JSON value from a map (an event pattern), its intrinsics resolved; undefined with a reason when one is not known. */
  json(value: TemplateValue | undefined): { value?: unknown; reason?: string } {
    if (!value) return {};
    const resolved = this.resolver.resolve(value);
    switch (resolved.kind) {
      case 'literal': {
        // Filter policies and patterns may be written as JSON strings.
        if (typeof resolved.value === 'string' && /^\s*[{[]/.test(resolved.value)) {
          try {
            return { value: JSON.parse(resolved.value) as unknown };
          } catch {
            return { value: resolved.value };
          }
        }
        return { value: resolved.value };
      }
      case 'absent':
        return {};
      case 'resource':
        return { reason: `names resource '${resolved.id}', known only at deploy` };
      case 'unresolved':
        return { reason: resolved.reason };
      case 'list': {
        const items: unknown[] = [];
        for (const item of value.kind === 'list' ? value.items : []) {
          const converted = this.json(item);
          if (converted.reason) return converted;
          items.push(converted.value);
        }
        return { value: items };
      }
      case 'map': {
        const result: Record<string, unknown> = {};
        for (const entry of value.kind === 'map' ? value.entries : []) {
          const converted = this.json(entry.value);
          if (converted.reason) return converted;
          if (converted.value !== undefined) result[entry.key] = converted.value;
        }
        return { value: result };
      }
    }
  }

  // ------------------------------------------------------------------ resources

  private queue(p: PropertyWriter, resource: TemplateResource): void {
    p.scalar('QueueName', 'name', stringValue);
    p.scalar('FifoQueue', 'fifo', booleanValue);
    p.scalar('ContentBasedDeduplication', 'contentBasedDeduplication', booleanValue);
    const limit = this.resolve(field(resource.properties, 'FifoThroughputLimit'));
    if (limit.kind === 'literal' && limit.value === 'perMessageGroupId')
      p.fixed('highThroughput', 'true', field(resource.properties, 'FifoThroughputLimit'));
    p.scalar('VisibilityTimeout', 'visibilityTimeout', seconds);
    p.scalar('MessageRetentionPeriod', 'retention', seconds);
    p.scalar('MaximumMessageSize', 'maxMessageSize', bytes);
    p.scalar('ReceiveMessageWaitTimeSeconds', 'receiveWait', seconds);
    p.scalar('DelaySeconds', 'delay', seconds);
    const key = field(resource.properties, 'KmsMasterKeyId');
    if (key) p.encryption(key, 'alias/aws/sqs');
    else if (field(resource.properties, 'SqsManagedSseEnabled')) {
      const managed = this.resolve(field(resource.properties, 'SqsManagedSseEnabled'));
      if (managed.kind === 'literal')
        p.fixed(
          'encryption',
          managed.value === true || managed.value === 'true' ? 'sqs-managed' : 'none',
          field(resource.properties, 'SqsManagedSseEnabled'),
        );
    }
    const redrive = field(resource.properties, 'RedrivePolicy');
    if (redrive) {
      const policy = redrive.kind === 'map' ? redrive : undefined;
      const target = this.target(field(policy, 'deadLetterTargetArn'));
      if (target && this.out.typeOf(target) === 'sqs') {
        const entries: ImportedProperty[] = [
          { key: 'target', value: { text: target, source: this.range(field(policy, 'deadLetterTargetArn')!.range) } },
        ];
        const count = this.resolve(field(policy, 'maxReceiveCount'));
        if (count.kind === 'literal' && Number.isFinite(Number(count.value)))
          entries.push({ key: 'maxReceiveCount', value: { text: String(Number(count.value)), source: this.range(count.range) } });
        p.push('deadLetter', { entries, source: this.range(redrive.range) });
      } else p.note(`deadLetter left out: the RedrivePolicy's target is not a queue of this template`);
    }
  }

  private topic(p: PropertyWriter, resource: TemplateResource): void {
    p.scalar('TopicName', 'name', stringValue);
    p.scalar('FifoTopic', 'fifo', booleanValue);
    p.scalar('ContentBasedDeduplication', 'contentBasedDeduplication', booleanValue);
    const key = field(resource.properties, 'KmsMasterKeyId');
    if (key) p.encryption(key, 'alias/aws/sns');
    const subscriptions = field(resource.properties, 'Subscription');
    if (subscriptions?.kind === 'list') {
      for (const subscription of subscriptions.items) {
        this.flow(resource.id, this.target(field(subscription, 'Endpoint')), subscription.range, 'subscription');
      }
    }
  }

  private stream(p: PropertyWriter): void {
    p.scalar('Name', 'name', stringValue);
    const mode = field(field(p.properties, 'StreamModeDetails'), 'StreamMode');
    if (mode) p.value('mode', mode, (v) => (v === 'ON_DEMAND' ? 'on-demand' : v === 'PROVISIONED' ? 'provisioned' : undefined));
    p.scalar('ShardCount', 'shards', integer);
    p.scalar('RetentionPeriodHours', 'retention', (v) => (Number.isFinite(Number(v)) ? durationText(Number(v) * 3600) : undefined));
    const encryption = field(p.properties, 'StreamEncryption');
    if (encryption) {
      const keyId = field(encryption, 'KeyId');
      if (keyId) p.encryption(keyId, 'alias/aws/kinesis');
    }
  }

  private firehose(p: PropertyWriter, resource: TemplateResource): void {
    p.scalar('DeliveryStreamName', 'name', stringValue);
    const source = field(field(resource.properties, 'KinesisStreamSourceConfiguration'), 'KinesisStreamARN');
    if (source) this.flow(this.target(source), resource.id, source.range, 'delivery stream source');
    for (const key of ['ExtendedS3DestinationConfiguration', 'S3DestinationConfiguration']) {
      const destination = field(resource.properties, key);
      if (!destination) continue;
      const bucket = field(destination, 'BucketARN');
      if (bucket) this.flow(resource.id, this.target(bucket), bucket.range, 'delivery stream destination');
      const hints = field(destination, 'BufferingHints');
      if (hints) {
        const entries: ImportedProperty[] = [];
        const size = this.resolve(field(hints, 'SizeInMBs'));
        if (size.kind === 'literal' && Number.isFinite(Number(size.value)))
          entries.push({ key: 'size', value: { text: megabytesText(Number(size.value)), source: this.range(size.range) } });
        const interval = this.resolve(field(hints, 'IntervalInSeconds'));
        if (interval.kind === 'literal' && Number.isFinite(Number(interval.value)))
          entries.push({ key: 'interval', value: { text: durationText(Number(interval.value)), source: this.range(interval.range) } });
        if (entries.length) p.push('buffer', { entries, source: this.range(hints.range) });
      }
      // A Lambda processor transforms the records on their way: the format has no place for it yet.
      const processors = field(field(destination, 'ProcessingConfiguration'), 'Processors');
      for (const processor of processors?.kind === 'list' ? processors.items : []) {
        const parameters = field(processor, 'Parameters');
        for (const parameter of parameters?.kind === 'list' ? parameters.items : []) {
          if (scalarString(field(parameter, 'ParameterName')) !== 'LambdaArn') continue;
          const fn = this.target(field(parameter, 'ParameterValue'));
          p.note(`record transformation${fn !== undefined ? ` by '${fn}'` : ''} left out: the format has no Firehose processor`);
        }
      }
    }
  }

  private lambda(p: PropertyWriter, resource: TemplateResource, sam: boolean): void {
    const globals = sam
      ? (field(field(this.template.sections.get('Globals')?.value, 'Function'), 'Properties') ??
        field(this.template.sections.get('Globals')?.value, 'Function'))
      : undefined;
    p.globals = globals?.kind === 'map' ? globals : undefined;
    p.scalar('FunctionName', 'name', stringValue);
    p.scalar('Runtime', 'runtime', stringValue);
    p.scalar('MemorySize', 'memory', megabytes);
    p.scalar('Timeout', 'timeout', seconds);
    const storage = p.lookup('EphemeralStorage');
    if (storage) p.value('ephemeralStorage', field(storage, 'Size'), megabytes, 'EphemeralStorage.Size');
    p.scalar('ReservedConcurrentExecutions', 'reservedConcurrency', integer);
    p.environment();
    // Where failed asynchronous invocations go.
    const deadLetter = sam ? field(p.lookup('DeadLetterQueue'), 'TargetArn') : field(p.lookup('DeadLetterConfig'), 'TargetArn');
    if (deadLetter) {
      const target = this.target(deadLetter);
      const type = target ? this.out.typeOf(target) : undefined;
      if (target && (type === 'sqs' || type === 'sns'))
        p.push('deadLetter', {
          entries: [{ key: 'target', value: { text: target, source: this.range(deadLetter.range) } }],
          source: this.range(deadLetter.range),
        });
      else p.note('deadLetter left out: its target is not a queue or topic of this template');
    }
    p.globals = undefined;
    if (sam) {
      const invoke = field(resource.properties, 'EventInvokeConfig');
      if (invoke) this.invokeConfig(resource, undefined, field(invoke, 'DestinationConfig'), resource.id);
      this.samEvents(resource);
      this.samPolicies(resource.id, field(resource.properties, 'Policies'));
      this.connectors(resource);
    }
    this.rolePolicies(resource.id, field(resource.properties, 'Role'));
  }

  private ecs(p: PropertyWriter, resource: TemplateResource): void {
    p.scalar('ServiceName', 'name', stringValue);
    const launch = field(resource.properties, 'LaunchType');
    if (launch) p.value('launchType', launch, (v) => (v === 'FARGATE' ? 'fargate' : v === 'EC2' ? 'ec2' : undefined));
    p.scalar('DesiredCount', 'desiredCount', integer);
    const taskId = this.target(field(resource.properties, 'TaskDefinition'));
    const task = this.resourceOf(taskId, 'AWS::ECS::TaskDefinition');
    if (task) {
      const taskProperties = new PropertyWriter(this, p.resource, task.properties?.kind === 'map' ? task.properties : undefined);
      taskProperties.scalar('Cpu', 'cpu', (v) => (/^\d+$/.test(String(v)) ? String(v) : undefined));
      taskProperties.scalar('Memory', 'memory', (v) => (/^\d+$/.test(String(v)) ? megabytesText(Number(v)) : undefined));
      this.rolePolicies(resource.id, field(task.properties, 'TaskRoleArn'));
    }
  }

  private bus(p: PropertyWriter, resource: TemplateResource): void {
    p.scalar('Name', 'name', stringValue);
    const key = field(resource.properties, 'KmsKeyIdentifier');
    if (key) p.encryption(key, undefined);
  }

  private archive(resource: TemplateResource): void {
    const bus = this.target(field(resource.properties, 'SourceArn'));
    const imported = bus ? this.out.resource(bus) : undefined;
    const days = this.resolve(field(resource.properties, 'RetentionDays'));
    if (imported && !imported.properties.some((p) => p.key === 'archive')) {
      const entries: ImportedProperty[] =
        days.kind === 'literal' && Number(days.value) > 0
          ? [{ key: 'retention', value: { text: durationText(Number(days.value) * 86400), source: this.range(days.range) } }]
          : [];
      imported.properties.push({ key: 'archive', value: { entries, source: this.range(resource.idRange) } });
    } else if (!imported) this.out.omit(resource.type);
  }

  private rule(resource: TemplateResource, schedule: ImportedResource | undefined): void {
    const properties = resource.properties;
    let from: string | undefined;
    const ruleProperties: ImportedProperty[] = [];
    if (schedule) {
      const p = new PropertyWriter(this, schedule, properties);
      p.scalar('ScheduleExpression', 'expression', stringValue);
      from = schedule.id;
    } else {
      from = this.bus_(field(properties, 'EventBusName'), resource.idRange);
      const pattern = this.json(field(properties, 'EventPattern'));
      if (pattern.value !== undefined)
        ruleProperties.push({
          key: 'pattern',
          value: { text: jsonText(pattern.value), source: this.range(field(properties, 'EventPattern')!.range) },
        });
      ruleProperties.push({ key: 'rule', value: { text: stringText(resource.id), source: this.range(resource.idRange) } });
    }
    const targets = field(properties, 'Targets');
    if (targets?.kind !== 'list') return;
    for (const target of targets.items) {
      const extra = [...ruleProperties, ...this.targetOptions(target, 'DeadLetterConfig', 'RetryPolicy')];
      this.flow(from, this.target(field(target, 'Arn')), target.range, schedule ? 'schedule target' : 'rule target', extra);
    }
  }

  /** A rule or schedule target's dead-letter queue and retry policy. */
  private targetOptions(target: TemplateValue, deadLetterKey: string, retryKey: string): ImportedProperty[] {
    const result: ImportedProperty[] = [];
    const deadLetter = field(field(target, deadLetterKey), 'Arn');
    const dlq = this.target(deadLetter);
    if (dlq && this.out.typeOf(dlq) === 'sqs')
      result.push({ key: 'onFailure', value: { text: dlq, source: this.range(deadLetter!.range) } });
    const retry = field(target, retryKey);
    if (retry) {
      const entries: ImportedProperty[] = [];
      const attempts = this.resolve(field(retry, 'MaximumRetryAttempts'));
      if (attempts.kind === 'literal')
        entries.push({ key: 'attempts', value: { text: String(Number(attempts.value)), source: this.range(attempts.range) } });
      const age = this.resolve(field(retry, 'MaximumEventAgeInSeconds'));
      if (age.kind === 'literal')
        entries.push({ key: 'maxAge', value: { text: durationText(Number(age.value)), source: this.range(age.range) } });
      if (entries.length) result.push({ key: 'retry', value: { entries, source: this.range(retry.range) } });
    }
    return result;
  }

  private scheduler(p: PropertyWriter, resource: TemplateResource): void {
    p.fixed('kind', 'scheduler', resource.typeRange ? { kind: 'scalar', value: null, range: resource.typeRange } : undefined);
    p.scalar('Name', 'name', stringValue);
    p.scalar('ScheduleExpression', 'expression', stringValue);
    p.scalar('ScheduleExpressionTimezone', 'timezone', stringValue);
    const window = field(resource.properties, 'FlexibleTimeWindow');
    const mode = this.resolve(field(window, 'Mode'));
    if (mode.kind === 'literal' && mode.value === 'FLEXIBLE') {
      p.value('flexibleWindow', field(window, 'MaximumWindowInMinutes'), (v) =>
        Number.isFinite(Number(v)) ? durationText(Number(v) * 60) : undefined,
      );
    }
    const target = field(resource.properties, 'Target');
    if (target)
      this.flow(
        resource.id,
        this.target(field(target, 'Arn')),
        target.range,
        'schedule target',
        this.targetOptions(target, 'DeadLetterConfig', 'RetryPolicy'),
      );
  }

  private stateMachine(p: PropertyWriter, resource: TemplateResource): void {
    p.scalar(resource.type === 'AWS::Serverless::StateMachine' ? 'Name' : 'StateMachineName', 'name', stringValue);
    const type = field(resource.properties, 'Type') ?? field(resource.properties, 'StateMachineType');
    if (type) p.value('workflow', type, (v) => (v === 'EXPRESS' ? 'express' : v === 'STANDARD' ? 'standard' : undefined));
    const substitutions = field(resource.properties, 'DefinitionSubstitutions');
    let definition = field(resource.properties, 'Definition');
    if (!definition) {
      const text = this.resolve(field(resource.properties, 'DefinitionString'));
      const raw = field(resource.properties, 'DefinitionString');
      if (text.kind === 'literal' && typeof text.value === 'string') {
        try {
          definition = jsonToValue(JSON.parse(text.value), raw!.range);
        } catch {
          p.note('the state machine definition is not valid JSON: its tasks are not imported');
        }
      } else if (raw?.kind === 'intrinsic' && raw.name === 'Sub') {
        // `!Sub` over a definition: its `${X}` placeholders name the resources.
        this.definitionText(resource, raw);
      }
    }
    if (definition) this.states(resource, field(definition, 'States'), substitutions);
    if (resource.type === 'AWS::Serverless::StateMachine') {
      this.samEvents(resource);
      this.samPolicies(resource.id, field(resource.properties, 'Policies'));
      this.connectors(resource);
    }
  }

  /** Tasks of a definition written as a `!Sub` string: every `"Resource"` and parameter naming `${X}`. */
  private definitionText(resource: TemplateResource, sub: TemplateValue): void {
    const argument = sub.kind === 'intrinsic' ? sub.argument : sub;
    const text = argument.kind === 'list' ? scalarString(argument.items[0]) : scalarString(argument);
    if (!text) return;
    const variables = argument.kind === 'list' ? argument.items[1] : undefined;
    for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g)) {
      const name = match[1]!;
      const id = field(variables, name) ? this.target(field(variables, name)) : this.resolver.hasResource(name) ? name : undefined;
      if (id && id !== resource.id)
        this.flow(resource.id, id, sub.range, 'state machine task', text.includes('.waitForTaskToken') ? [] : []);
    }
  }

  private states(resource: TemplateResource, states: TemplateValue | undefined, substitutions: TemplateValue | undefined, depth = 0): void {
    if (states?.kind !== 'map' || depth > 10) return;
    for (const state of states.entries) {
      const body = state.value;
      if (scalarString(field(body, 'Type')) === 'Task') {
        const taskResource = field(body, 'Resource');
        const resourceText = this.resolve(taskResource);
        const named = new Set<string>();
        const add = (value: TemplateValue | undefined): void => {
          const id = this.substituted(value, substitutions);
          if (id) named.add(id);
        };
        add(taskResource);
        const parameters = field(body, 'Parameters') ?? field(body, 'Arguments');
        for (const key of [
          'QueueUrl',
          'TopicArn',
          'FunctionName',
          'StreamName',
          'TableName',
          'StateMachineArn',
          'DeliveryStreamName',
          'QueueUrl.$',
          'Cluster',
          'TaskDefinition',
        ])
          add(field(parameters, key));
        const entries = field(parameters, 'Entries');
        if (entries?.kind === 'list') for (const entry of entries.items) add(field(entry, 'EventBusName'));
        const callback = resourceText.kind === 'literal' && String(resourceText.value).endsWith('.waitForTaskToken');
        for (const id of named) {
          if (id === resource.id) continue;
          const target = this.out.typeOf(id) === 'ecs' ? id : id;
          this.flow(
            resource.id,
            target,
            state.keyRange,
            'state machine task',
            callback ? [{ key: 'callback', value: { text: 'true', source: this.range(taskResource!.range) } }] : [],
          );
        }
        if (resourceText.kind === 'literal' && /:events:putEvents/.test(String(resourceText.value)) && named.size === 0) {
          this.flow(resource.id, this.out.defaultBus(this.range(state.keyRange), this.group), state.keyRange, 'state machine task');
        }
      }
      const branches = field(body, 'Branches');
      if (branches?.kind === 'list')
        for (const branch of branches.items) this.states(resource, field(branch, 'States'), substitutions, depth + 1);
      const iterator = field(body, 'Iterator') ?? field(body, 'ItemProcessor');
      if (iterator) this.states(resource, field(iterator, 'States'), substitutions, depth + 1);
    }
  }

  /** A value in a definition: a template reference, or `${Name}` of DefinitionSubstitutions. */
  private substituted(value: TemplateValue | undefined, substitutions: TemplateValue | undefined): string | undefined {
    if (!value) return undefined;
    const text = scalarString(value);
    if (text !== undefined) {
      const match = /\$\{([^}]+)\}/.exec(text);
      if (match) return this.target(field(substitutions, match[1]!));
      if (text.startsWith('arn:aws:states:::')) return undefined;
    }
    return this.target(value);
  }

  private bucket(p: PropertyWriter, resource: TemplateResource): void {
    p.scalar('BucketName', 'name', stringValue);
    const rules = field(field(resource.properties, 'BucketEncryption'), 'ServerSideEncryptionConfiguration');
    if (rules?.kind === 'list') {
      const algorithm = this.resolve(field(field(rules.items[0], 'ServerSideEncryptionByDefault'), 'SSEAlgorithm'));
      if (algorithm.kind === 'literal' && String(algorithm.value).startsWith('aws:kms')) p.fixed('encryption', 'kms', rules);
    }
    this.notifications(resource.id, field(resource.properties, 'NotificationConfiguration'));
  }

  /**
   * A bucket's notification configuration: a bucket's own, or that of the custom resource
   * the CDK writes for it (`Custom::S3BucketNotifications`, naming the bucket in `BucketName`).
   */
  private notifications(bucket: string | undefined, notifications: TemplateValue | undefined): void {
    if (!bucket) return;
    // CloudFormation's keys (`Queue`, `Event`), then the S3 API's the CDK's custom resource uses (`QueueArn`, `Events`).
    const configs: readonly (readonly [string, string, string])[] = [
      ['QueueConfigurations', 'Queue', 'QueueArn'],
      ['TopicConfigurations', 'Topic', 'TopicArn'],
      ['LambdaConfigurations', 'Function', 'LambdaFunctionArn'],
    ];
    for (const [listKey, targetKey, apiTargetKey] of configs) {
      const list = field(notifications, listKey);
      if (list?.kind !== 'list') continue;
      for (const config of list.items) {
        const events = field(config, 'Event') ?? field(config, 'Events');
        this.flow(
          bucket,
          this.target(field(config, targetKey) ?? field(config, apiTargetKey)),
          // A notification is stated by its event, the first line a reader looks at.
          events?.range ?? config.range,
          'event notification',
          this.s3Options(events, field(config, 'Filter')),
        );
      }
    }
    const eventBridge = field(notifications, 'EventBridgeConfiguration');
    if (eventBridge) {
      const enabled = field(eventBridge, 'EventBridgeEnabled');
      if (!enabled || isTrue(enabled))
        this.flow(bucket, this.out.defaultBus(this.range(eventBridge.range), this.group), eventBridge.range, 'EventBridge notifications');
    }
  }

  /** `events` and `filter: { prefix, suffix }` of an S3 notification (CloudFormation or SAM shape). */
  private s3Options(events: TemplateValue | undefined, filter: TemplateValue | undefined): ImportedProperty[] {
    const result: ImportedProperty[] = [];
    const names = this.resolve(events);
    const list =
      names.kind === 'literal'
        ? [names.value]
        : names.kind === 'list'
          ? names.items.map((i) => (i.kind === 'literal' ? i.value : undefined))
          : [];
    if (list.length && list.every((n) => n !== undefined))
      result.push({ key: 'events', value: { text: jsonText(list.map(String)), source: this.range(events!.range) } });
    const rules = field(field(filter, 'S3Key'), 'Rules');
    if (rules?.kind === 'list') {
      const entries: ImportedProperty[] = [];
      for (const rule of rules.items) {
        const name = this.resolve(field(rule, 'Name'));
        const value = this.resolve(field(rule, 'Value'));
        if (name.kind === 'literal' && value.kind === 'literal' && /^(?:prefix|suffix)$/i.test(String(name.value))) {
          entries.push({
            key: String(name.value).toLowerCase(),
            value: { text: stringText(String(value.value)), source: this.range(value.range) },
          });
        }
      }
      if (entries.length) result.push({ key: 'filter', value: { entries, source: this.range(filter!.range) } });
    }
    return result;
  }

  // ------------------------------------------------------------------ flows from folded resources

  private subscription(resource: TemplateResource): void {
    const properties = resource.properties;
    const extra: ImportedProperty[] = [];
    const raw = this.resolve(field(properties, 'RawMessageDelivery'));
    if (raw.kind === 'literal' && (raw.value === true || raw.value === 'true'))
      extra.push({ key: 'rawDelivery', value: { text: 'true', source: this.range(raw.range) } });
    const filter = this.json(field(properties, 'FilterPolicy'));
    if (filter.value !== undefined && typeof filter.value === 'object')
      extra.push({ key: 'filter', value: { text: jsonText(filter.value), source: this.range(field(properties, 'FilterPolicy')!.range) } });
    const redrive = field(properties, 'RedrivePolicy');
    const dlq = this.target(field(redrive, 'deadLetterTargetArn'));
    if (dlq && this.out.typeOf(dlq) === 'sqs')
      extra.push({ key: 'deadLetter', value: { text: dlq, source: this.range(field(redrive, 'deadLetterTargetArn')!.range) } });
    this.flow(
      this.target(field(properties, 'TopicArn')),
      this.target(field(properties, 'Endpoint')),
      resource.idRange,
      'subscription',
      extra,
    );
  }

  private eventSourceMapping(resource: TemplateResource): void {
    const properties = resource.properties;
    const source = this.target(field(properties, 'EventSourceArn'));
    // The template's type, not the import's: the stream may be declared after its mapping.
    const sourceType =
      source === undefined
        ? undefined
        : (this.resourceOf(source, 'AWS::Kinesis::Stream') ?? this.resourceOf(source, 'AWS::DynamoDB::Table'));
    this.flow(
      source,
      this.target(field(properties, 'FunctionName')),
      resource.idRange,
      'event source mapping',
      this.esmOptions(properties, sourceType !== undefined),
    );
  }

  /** Batch size, window, concurrency, filter and on-failure destination of an event source mapping (CloudFormation or SAM). */
  /** `stream`: the mapping reads a Kinesis or DynamoDB stream (parallelization and retries are stream settings). */
  private esmOptions(properties: TemplateValue | undefined, stream = false): ImportedProperty[] {
    const result: ImportedProperty[] = [];
    const batch = this.resolve(field(properties, 'BatchSize'));
    if (batch.kind === 'literal' && Number.isInteger(Number(batch.value)))
      result.push({ key: 'batchSize', value: { text: String(Number(batch.value)), source: this.range(batch.range) } });
    const window = this.resolve(field(properties, 'MaximumBatchingWindowInSeconds'));
    if (window.kind === 'literal' && Number.isFinite(Number(window.value)))
      result.push({ key: 'batchWindow', value: { text: durationText(Number(window.value)), source: this.range(window.range) } });
    const concurrency = this.resolve(field(field(properties, 'ScalingConfig'), 'MaximumConcurrency'));
    if (concurrency.kind === 'literal' && Number.isInteger(Number(concurrency.value)))
      result.push({ key: 'maxConcurrency', value: { text: String(Number(concurrency.value)), source: this.range(concurrency.range) } });
    const filters = field(field(properties, 'FilterCriteria'), 'Filters');
    if (filters?.kind === 'list' && filters.items.length === 1) {
      const pattern = this.json(field(filters.items[0], 'Pattern'));
      if (pattern.value !== undefined && typeof pattern.value === 'object')
        result.push({ key: 'filter', value: { text: jsonText(pattern.value), source: this.range(filters.range) } });
    }
    if (stream) {
      const parallelization = this.resolve(field(properties, 'ParallelizationFactor'));
      if (parallelization.kind === 'literal' && Number.isInteger(Number(parallelization.value)))
        result.push({
          key: 'parallelization',
          value: { text: String(Number(parallelization.value)), source: this.range(parallelization.range) },
        });
      const retry: ImportedProperty[] = [];
      const attempts = this.resolve(field(properties, 'MaximumRetryAttempts'));
      if (attempts.kind === 'literal' && Number.isInteger(Number(attempts.value)))
        retry.push({ key: 'attempts', value: { text: String(Number(attempts.value)), source: this.range(attempts.range) } });
      // -1, the default, is no limit: nothing to write.
      const age = this.resolve(field(properties, 'MaximumRecordAgeInSeconds'));
      if (age.kind === 'literal' && Number.isFinite(Number(age.value)) && Number(age.value) >= 0)
        retry.push({ key: 'maxAge', value: { text: durationText(Number(age.value)), source: this.range(age.range) } });
      if (retry.length > 0) result.push({ key: 'retry', value: { entries: retry } });
    }
    const onFailure = field(field(field(properties, 'DestinationConfig'), 'OnFailure'), 'Destination');
    const destination = this.target(onFailure);
    if (destination && (this.out.typeOf(destination) === 'sqs' || this.out.typeOf(destination) === 'sns'))
      result.push({ key: 'onFailure', value: { text: destination, source: this.range(onFailure!.range) } });
    return result;
  }

  /** Lambda destinations: the function sends its results on success and on failure. */
  private invokeConfig(
    resource: TemplateResource,
    functionValue: TemplateValue | undefined,
    destinations: TemplateValue | undefined,
    functionId?: string,
  ): void {
    const from = functionId ?? this.target(functionValue);
    for (const [key, label] of [
      ['OnSuccess', 'on success'],
      ['OnFailure', 'on failure'],
    ] as const) {
      const destination = field(field(destinations, key), 'Destination');
      if (destination)
        this.flow(from, this.target(destination), destination.range, 'Lambda destination', [
          { key: 'label', value: { text: stringText(label) } },
        ]);
    }
    void resource;
  }

  private pipe(resource: TemplateResource): void {
    const properties = resource.properties;
    const extra: ImportedProperty[] = [{ key: 'via', value: { text: 'pipe', source: this.range(resource.idRange) } }];
    const enrichment = this.target(field(properties, 'Enrichment'));
    if (enrichment) extra.push({ key: 'enrich', value: { text: enrichment, source: this.range(field(properties, 'Enrichment')!.range) } });
    const sourceParameters = field(properties, 'SourceParameters');
    for (const key of ['SqsQueueParameters', 'KinesisStreamParameters', 'DynamoDBStreamParameters']) {
      const parameters = field(sourceParameters, key);
      if (!parameters) continue;
      for (const option of this.esmOptions(parameters)) if (option.key !== 'maxConcurrency' && option.key !== 'filter') extra.push(option);
      const onFailure =
        field(field(field(parameters, 'DeadLetterConfig'), 'Arn'), 'Arn') ?? field(field(parameters, 'DeadLetterConfig'), 'Arn');
      const dlq = this.target(onFailure);
      if (dlq && this.out.typeOf(dlq) === 'sqs')
        extra.push({ key: 'onFailure', value: { text: dlq, source: this.range(onFailure!.range) } });
    }
    const filters = field(field(sourceParameters, 'FilterCriteria'), 'Filters');
    if (filters?.kind === 'list' && filters.items.length === 1) {
      const pattern = this.json(field(filters.items[0], 'Pattern'));
      if (pattern.value !== undefined && typeof pattern.value === 'object')
        extra.push({ key: 'filter', value: { text: jsonText(pattern.value), source: this.range(filters.range) } });
    }
    this.flow(this.target(field(properties, 'Source')), this.target(field(properties, 'Target')), resource.idRange, 'pipe', extra);
  }

  /** `AWS::ApiGateway::Method`: an AWS service integration (`arn:aws:apigateway:…:sqs:path/…`) or a Lambda proxy. */
  private restIntegration(resource: TemplateResource): void {
    const api = this.target(field(resource.properties, 'RestApiId'));
    const integration = field(resource.properties, 'Integration');
    const uri = field(integration, 'Uri');
    const resolved = this.resolve(uri);
    const named = resourcesIn(resolved).filter((id) => id !== api);
    let target = named.length ? named[named.length - 1] : this.targetOf(resolved);
    if (!target && resolved.kind === 'literal') target = this.out.byPhysicalName(String(resolved.value).split(/[:/]/).pop() ?? '');
    const called = integrationAction(integration);
    // An integration that reads (ReceiveMessage, GetRecords) carries no message into the resource.
    if (called?.action !== undefined && READING_ACTION.test(called.action)) return;
    if (!target) {
      // A Step Functions or SNS integration names its resource in the request template.
      const templates = field(integration, 'RequestTemplates');
      if (templates?.kind === 'map') for (const entry of templates.entries) target ??= resourcesIn(this.resolve(entry.value))[0];
    }
    if (!target && called && api) {
      // `kinesis:action/PutRecord` takes the stream from the request: the integration's role says which it may be.
      const allowed = (name: string) =>
        called.action !== undefined
          ? name.toLowerCase() === `${called.service}:${called.action}`.toLowerCase()
          : name.startsWith(`${called.service}:`);
      this.rolePolicies(api, field(integration, 'Credentials'), allowed, resource.idRange, 'API integration (its role)');
      return;
    }
    this.flow(api, target, resource.idRange, 'API integration');
  }

  private httpIntegration(resource: TemplateResource): void {
    const properties = resource.properties;
    const api = this.target(field(properties, 'ApiId'));
    let target = this.target(field(properties, 'IntegrationUri'));
    const parameters = field(properties, 'RequestParameters');
    for (const key of ['QueueUrl', 'StateMachineArn', 'StreamName', 'EventBusName']) target ??= this.target(field(parameters, key));
    this.flow(api, target, resource.idRange, 'API integration');
  }

  // ------------------------------------------------------------------ SAM

  private samEvents(resource: TemplateResource): void {
    const events = field(resource.properties, 'Events');
    if (events?.kind !== 'map') return;
    const imported = this.out.resource(resource.id)!;
    for (const event of events.entries) {
      const type = scalarString(field(event.value, 'Type')) ?? '';
      const properties = field(event.value, 'Properties');
      const at = event.keyRange;
      switch (type) {
        case 'SQS':
        case 'Kinesis':
        case 'DynamoDB': {
          const source = field(properties, type === 'SQS' ? 'Queue' : 'Stream');
          this.flow(this.target(source), resource.id, at, 'event source mapping', this.esmOptions(properties, type !== 'SQS'));
          break;
        }
        case 'SNS': {
          const topic = this.target(field(properties, 'Topic'));
          const filter = this.json(field(properties, 'FilterPolicy'));
          const extra: ImportedProperty[] =
            filter.value !== undefined && typeof filter.value === 'object'
              ? [{ key: 'filter', value: { text: jsonText(filter.value), source: this.range(field(properties, 'FilterPolicy')!.range) } }]
              : [];
          if (isTrue(field(properties, 'SqsSubscription'))) {
            const queue = `${resource.id}${event.key}Queue`;
            this.out.addResource({
              id: queue,
              type: 'sqs',
              source: this.range(at),
              templateType: `the queue SAM generates for event ${event.key}`,
              ...(this.group ? { group: this.group } : {}),
              properties: [],
              notes: [],
            });
            this.flow(topic, queue, at, 'SNS event (SqsSubscription)', extra);
            this.flow(queue, resource.id, at, 'SNS event (SqsSubscription)');
          } else this.flow(topic, resource.id, at, 'SNS event', extra);
          break;
        }
        case 'S3':
          this.flow(
            this.target(field(properties, 'Bucket')),
            resource.id,
            at,
            'S3 event',
            this.s3Options(field(properties, 'Events'), field(properties, 'Filter')),
          );
          break;
        case 'Schedule':
        case 'ScheduleV2': {
          const id = resource.id + event.key;
          const schedule = this.out.addResource({
            id,
            type: 'schedule',
            source: this.range(at),
            templateType: `the rule SAM generates for ${type} event ${event.key}`,
            ...(this.group ? { group: this.group } : {}),
            properties: [],
            notes: [],
          });
          const p = new PropertyWriter(this, schedule, properties?.kind === 'map' ? properties : undefined);
          if (type === 'ScheduleV2') {
            p.fixed('kind', 'scheduler', field(event.value, 'Type'));
            p.scalar('ScheduleExpression', 'expression', stringValue);
            p.scalar('ScheduleExpressionTimezone', 'timezone', stringValue);
          } else {
            // An EventBridge rule: the kind a schedule has when nothing Scheduler-only is written.
            p.scalar('Schedule', 'expression', stringValue);
          }
          const dlq = field(field(properties, 'DeadLetterConfig'), 'Arn');
          const options: ImportedProperty[] = [];
          const target = this.target(dlq);
          if (target && this.out.typeOf(target) === 'sqs')
            options.push({ key: 'onFailure', value: { text: target, source: this.range(dlq!.range) } });
          this.flow(id, resource.id, at, 'schedule event', options);
          break;
        }
        case 'CloudWatchEvent':
        case 'EventBridgeRule': {
          const bus = this.bus_(field(properties, 'EventBusName'), at);
          const extra: ImportedProperty[] = [];
          const pattern = this.json(field(properties, 'Pattern'));
          if (pattern.value !== undefined)
            extra.push({
              key: 'pattern',
              value: { text: jsonText(pattern.value), source: this.range(field(properties, 'Pattern')!.range) },
            });
          extra.push({ key: 'rule', value: { text: stringText(resource.id + event.key), source: this.range(at) } });
          const dlq = field(field(properties, 'DeadLetterConfig'), 'Arn');
          const target = this.target(dlq);
          if (target && this.out.typeOf(target) === 'sqs')
            extra.push({ key: 'onFailure', value: { text: target, source: this.range(dlq!.range) } });
          this.flow(bus, resource.id, at, 'EventBridge rule event', extra);
          break;
        }
        case 'Api':
        case 'HttpApi': {
          const explicit = field(properties, type === 'Api' ? 'RestApiId' : 'ApiId');
          let api = explicit ? this.target(explicit) : type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi';
          if (!explicit && api && !this.out.resource(api)) {
            this.out.addResource({
              id: api,
              type: 'api-gateway',
              source: this.range(at),
              templateType: `the implicit API SAM generates (${type} event ${event.key})`,
              ...(this.group ? { group: this.group } : {}),
              properties: [],
              notes: [],
            });
          }
          if (!api) api = undefined;
          this.flow(api, resource.id, at, `${type} event`);
          break;
        }
        default:
          imported.notes.push(`event ${event.key} (${type || 'no Type'}) is not modelled`);
      }
    }
  }

  /** SAM policy templates and inline statements in `Policies`. */
  private samPolicies(producer: string, policies: TemplateValue | undefined): void {
    const list = policies?.kind === 'list' ? policies.items : policies ? [policies] : [];
    for (const policy of list) {
      if (policy.kind !== 'map') continue;
      for (const entry of policy.entries) {
        const known = SAM_POLICY_TEMPLATES[entry.key];
        if (known) {
          const parameter = field(entry.value, known.parameter);
          let target: string | undefined;
          if (known.type === 'eventbridge') target = this.bus_(parameter, entry.keyRange);
          else target = this.target(parameter);
          if (target && this.out.typeOf(target) === known.type) this.flow(producer, target, entry.keyRange, entry.key);
        }
      }
      if (field(policy, 'Statement')) this.statements(producer, field(policy, 'Statement'));
    }
  }

  /**
   * IAM statements allowing a producer action on resources of this template. `allowed`
   * narrows the producer actions counted; `at` and `because` say where the flow is stated
   * when that is not the statement itself.
   */
  private statements(
    producer: string,
    statements: TemplateValue | undefined,
    allowed: (action: string) => boolean = () => true,
    at?: OffsetRange,
    because = 'IAM policy',
  ): void {
    const list = statements?.kind === 'list' ? statements.items : statements ? [statements] : [];
    for (const statement of list) {
      const effect = this.resolve(field(statement, 'Effect'));
      if (effect.kind === 'literal' && effect.value !== 'Allow') continue;
      const actions = this.resolve(field(statement, 'Action'));
      const actionNames = (actions.kind === 'list' ? actions.items : [actions]).flatMap((a) =>
        a.kind === 'literal' ? [String(a.value)] : [],
      );
      const types = new Set<string>();
      for (const action of actionNames) {
        const pattern = new RegExp('^' + action.split('*').map(escapeRegExp).join('.*') + '$', 'i');
        for (const [name, type] of PRODUCER_ACTIONS) if (pattern.test(name) && allowed(name)) types.add(type);
      }
      if (types.size === 0) continue;
      const resourceValue = field(statement, 'Resource');
      const resolved = this.resolve(resourceValue);
      const items = resolved.kind === 'list' ? resolved.items : [resolved];
      for (const item of items) {
        // `Resource: "*"` says nothing about which resource: never a flow.
        if (item.kind === 'literal' && String(item.value).includes('*') && !String(item.value).endsWith(':event-bus/default')) continue;
        let target = this.targetOf(item);
        if (!target && item.kind === 'literal' && String(item.value).endsWith(':event-bus/default'))
          target = this.out.defaultBus(this.range(item.range), this.group);
        if (target && types.has(this.out.typeOf(target) ?? '')) this.flow(producer, target, at ?? statement.range, because);
      }
    }
  }

  /** The policies of the role a function or task uses: the role's own, and `AWS::IAM::Policy` resources attached to it. */
  private rolePolicies(
    producer: string,
    roleValue: TemplateValue | undefined,
    allowed?: (action: string) => boolean,
    at?: OffsetRange,
    because?: string,
  ): void {
    const role = this.target(roleValue);
    if (!role) return;
    const roleResource = this.resourceOf(role, 'AWS::IAM::Role');
    if (roleResource) {
      const policies = field(roleResource.properties, 'Policies');
      if (policies?.kind === 'list')
        for (const policy of policies.items)
          this.statements(producer, field(field(policy, 'PolicyDocument'), 'Statement'), allowed, at, because);
    }
    for (const { policy, roles } of this.policies()) {
      if (roles.some((r) => this.targetOf(r) === role))
        this.statements(producer, field(field(policy.properties, 'PolicyDocument'), 'Statement'), allowed, at, because);
    }
  }

  /** The template's resources by logical id (ids are unique: a repeated one was read once). */
  private byId: Map<string, TemplateResource> | undefined;

  private resourceOf(id: string | undefined, type: string): TemplateResource | undefined {
    if (id === undefined) return undefined;
    this.byId ??= new Map(this.template.resources.map((resource) => [resource.id, resource]));
    const resource = this.byId.get(id);
    return resource?.type === type ? resource : undefined;
  }

  /**
   * `AWS::IAM::Policy` and `ManagedPolicy` resources with the roles they name, resolved
   * once: every function and task looks its role up in them, and a template with
   * thousands of resources must not be walked once per function.
   */
  private policyRoles: { policy: TemplateResource; roles: readonly Resolved[] }[] | undefined;

  private policies(): readonly { policy: TemplateResource; roles: readonly Resolved[] }[] {
    if (!this.policyRoles) {
      this.policyRoles = [];
      for (const policy of this.template.resources) {
        if (policy.type !== 'AWS::IAM::Policy' && policy.type !== 'AWS::IAM::ManagedPolicy') continue;
        const roles = this.resolve(field(policy.properties, 'Roles'));
        if (roles.kind === 'list') this.policyRoles.push({ policy, roles: roles.items });
      }
    }
    return this.policyRoles;
  }

  /** SAM connectors with `Write` permission: the source produces to the destination. */
  private connectors(resource: TemplateResource): void {
    const embedded = field(resource.body, 'Connectors');
    if (embedded?.kind !== 'map') return;
    for (const connector of embedded.entries)
      this.connector(resource, undefined, field(connector.value, 'Properties'), resource.id, connector);
  }

  private connector(
    resource: TemplateResource,
    sourceValue: TemplateValue | undefined,
    properties: TemplateValue | undefined,
    sourceId?: string,
    entry?: TemplateEntry,
  ): void {
    const from = sourceId ?? this.logicalId(field(sourceValue, 'Id')) ?? this.target(field(sourceValue, 'Arn'));
    const destinations = field(properties, 'Destination');
    const permissions = this.resolve(field(properties, 'Permissions'));
    const write = permissions.kind === 'list' && permissions.items.some((p) => p.kind === 'literal' && p.value === 'Write');
    if (!write) return;
    for (const destination of destinations?.kind === 'list' ? destinations.items : destinations ? [destinations] : []) {
      const to = this.logicalId(field(destination, 'Id')) ?? this.target(field(destination, 'Arn'));
      this.flow(from, to, entry?.keyRange ?? resource.idRange, 'SAM connector');
    }
  }
}

/** The plain strings in a value, intrinsics' arguments included: what a URI built with `!Join`/`!Sub` says. */
function stringsIn(value: TemplateValue | undefined): string[] {
  if (!value) return [];
  switch (value.kind) {
    case 'scalar':
      return typeof value.value === 'string' ? [value.value] : [];
    case 'list':
      return value.items.flatMap(stringsIn);
    case 'map':
      return value.entries.flatMap((entry) => stringsIn(entry.value));
    case 'intrinsic':
      return stringsIn(value.argument);
  }
}

/**
 * The service and action an API Gateway AWS integration calls: `…:kinesis:action/PutRecord`
 * in its Uri, or for a `…:sqs:path/…` Uri the `Action` query parameter or the `Action=`
 * of its request template. Undefined when the Uri is not a service integration's.
 */
function integrationAction(integration: TemplateValue | undefined): { service: string; action: string | undefined } | undefined {
  const uri = stringsIn(field(integration, 'Uri')).join('');
  const match = /:([a-z0-9-]+):(action|path)\/([A-Za-z]*)/.exec(uri);
  if (!match) return undefined;
  const service = match[1]!;
  if (match[2] === 'action') return { service, action: match[3] || undefined };
  const parameter = scalarString(field(field(integration, 'RequestParameters'), 'integration.request.querystring.Action'));
  const fromParameter = parameter !== undefined ? /^'(\w+)'$/.exec(parameter)?.[1] : undefined;
  const fromTemplate = /(?:^|[&?"\s])Action=(\w+)/.exec(stringsIn(field(integration, 'RequestTemplates')).join('\n'))?.[1];
  return { service, action: fromParameter ?? fromTemplate };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A JSON value (a parsed DefinitionString) as a template value, every node at `range`. */
function jsonToValue(value: unknown, range: OffsetRange): TemplateValue {
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => jsonToValue(v, range)), range };
  if (value && typeof value === 'object') {
    return {
      kind: 'map',
      entries: Object.entries(value).map(([key, v]) => ({ key, keyRange: range, value: jsonToValue(v, range) })),
      range,
    };
  }
  return {
    kind: 'scalar',
    value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null,
    range,
  };
}

// ------------------------------------------------------------------ properties

type Convert = (value: string | number | boolean) => string | undefined;

const stringValue: Convert = (v) => stringText(String(v));
const booleanValue: Convert = (v) => (v === true || v === 'true' ? 'true' : v === false || v === 'false' ? 'false' : undefined);
const integer: Convert = (v) => (Number.isInteger(Number(v)) && String(v).trim() !== '' ? String(Number(v)) : undefined);
/** A quantity: a number, not negative (a negative size or time is no value; the format's units cannot write it). */
const quantity = (v: unknown): number | undefined =>
  String(v).trim() !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined;
const seconds: Convert = (v) => {
  const n = quantity(v);
  return n === undefined ? undefined : durationText(n);
};
const bytes: Convert = (v) => {
  const n = quantity(v);
  return n === undefined ? undefined : sizeText(n);
};
const megabytes: Convert = (v) => {
  const n = quantity(v);
  return n === undefined ? undefined : megabytesText(n);
};

/** Writes one resource's properties from its template properties (and SAM Globals), noting what it leaves out. */
class PropertyWriter {
  /** SAM `Globals.Function`: a property the function does not set is taken from here. */
  globals: TemplateMap | undefined;

  constructor(
    private readonly importer: TemplateImport,
    readonly resource: ImportedResource,
    readonly properties: TemplateMap | undefined,
  ) {}

  lookup(key: string): TemplateValue | undefined {
    return field(this.properties, key) ?? field(this.globals, key);
  }

  push(key: string, value: ImportedValue): void {
    const existing = this.resource.properties.findIndex((p) => p.key === key);
    if (existing !== -1) this.resource.properties.splice(existing, 1);
    this.resource.properties.push({ key, value });
  }

  note(text: string): void {
    this.resource.notes.push(text);
  }

  scalar(templateKey: string, key: string, convert: Convert): void {
    const value = this.lookup(templateKey);
    if (value) this.value(key, value, convert, templateKey);
  }

  value(key: string, value: TemplateValue | undefined, convert: Convert, templateKey = key): void {
    if (!value) return;
    const resolved = this.importer.resolve(value);
    if (resolved.kind === 'absent') return;
    if (resolved.kind === 'literal') {
      const text = convert(resolved.value);
      if (text !== undefined) this.push(key, { text, source: this.importer.templateRange(resolved.range) });
      else this.note(`${key} left out: ${templateKey} ${JSON.stringify(resolved.value)} is not a value awsflow reads`);
      return;
    }
    this.note(`${key} left out: ${resolved.kind === 'unresolved' ? resolved.reason : `${templateKey} is not a single value`}`);
  }

  fixed(key: string, text: string, from: TemplateValue | undefined): void {
    this.push(key, from ? { text, source: this.importer.templateRange(from.range) } : { text });
  }

  /** A KMS key: the AWS managed key's alias is `kms`, any other key `{ kms: <key> }`. */
  encryption(key: TemplateValue, managedAlias: string | undefined): void {
    const resolved = this.importer.resolve(key);
    if (resolved.kind === 'literal') {
      const text = String(resolved.value);
      this.push(
        'encryption',
        text === managedAlias
          ? { text: 'kms', source: this.importer.templateRange(resolved.range) }
          : { entries: [{ key: 'kms', value: { text: stringText(text), source: this.importer.templateRange(resolved.range) } }] },
      );
    } else if (resolved.kind === 'resource' || resolved.kind === 'unresolved') {
      // A key of the template (or one known only at deploy): customer managed.
      const name = resolved.kind === 'resource' ? resolved.id : 'customer-managed-key';
      this.push('encryption', {
        entries: [{ key: 'kms', value: { text: stringText(name), source: this.importer.templateRange(resolved.range) } }],
      });
    }
  }

  environment(): void {
    const own = field(field(this.properties, 'Environment'), 'Variables');
    const global = field(field(this.globals, 'Environment'), 'Variables');
    const entries: ImportedProperty[] = [];
    for (const variables of [global, own]) {
      if (variables?.kind !== 'map') continue;
      for (const entry of variables.entries) {
        const resolved = this.importer.resolve(entry.value);
        const at = entries.findIndex((e) => e.key === entry.key);
        if (at !== -1) entries.splice(at, 1);
        if (resolved.kind === 'literal')
          entries.push({
            key: entry.key,
            value: { text: stringText(String(resolved.value)), source: this.importer.templateRange(resolved.range) },
          });
        else if (resolved.kind !== 'absent')
          this.note(
            `env ${entry.key} left out: ${resolved.kind === 'unresolved' ? resolved.reason : resolved.kind === 'resource' ? `names resource '${resolved.id}', known only at deploy` : 'not a single value'}`,
          );
      }
    }
    if (entries.length) this.push('env', { entries, source: this.importer.templateRange((own ?? global)!.range) });
  }
}
