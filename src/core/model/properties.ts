/**
 * What each resource type's properties are, in the model's terms: how a value is read
 * (its kind and the unit it is normalised to), AWS's default and range where AWS sets
 * one. The schema describes the same properties for editors; a conformance test keeps
 * the two in step. Range checks read `min`/`max` here (the `<type>/range` rules).
 */
import { FIREHOSE, KINESIS, LAMBDA, SQS, API_GATEWAY, type Fact } from '../limits/aws';

export const RESOURCE_TYPES = [
  'sqs', 'sns', 'kinesis', 'firehose',
  'lambda', 'ecs', 'eks', 'apprunner', 'beanstalk', 'ec2', 'schedule',
  'api-gateway', 'alb', 'cloudfront',
  'dynamodb', 's3', 'rds', 'efs',
  'client',
] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === 'string' && (RESOURCE_TYPES as readonly string[]).includes(value);
}

export type ValueKind =
  | 'string' | 'boolean' | 'integer' | 'number'
  | 'duration'   // seconds
  | 'size'       // bytes; a bare number is bytes
  | 'megabytes'  // MB; a bare number is MB
  | 'cpu'        // CPU units (1024 = 1 vCPU); `0.5 vCPU` accepted
  | 'rate'       // per second
  | 'enum' | 'encryption' | 'object' | 'map' | 'list';

export interface PropertySpec {
  readonly kind: ValueKind;
  /** AWS's default, in the normalised unit. */
  readonly default?: number | string | boolean;
  readonly min?: Fact;
  readonly max?: Fact;
  readonly values?: readonly string[];
  /** Properties of a nested object (`deadLetter`, `autoscaling`, `buffer`). */
  readonly properties?: Readonly<Record<string, PropertySpec>>;
}

const p = (kind: ValueKind, extra: Omit<PropertySpec, 'kind'> = {}): PropertySpec => ({ kind, ...extra });

export const COMMON_PROPERTIES: Readonly<Record<string, PropertySpec>> = {
  type: p('enum', { values: RESOURCE_TYPES }),
  label: p('string'),
  description: p('string'),
  group: p('string'),
  name: p('string'),
};

const ENCRYPTION = p('encryption');
const STORE = { encryption: ENCRYPTION };

export const TYPE_PROPERTIES: Readonly<Record<ResourceType, Readonly<Record<string, PropertySpec>>>> = {
  sqs: {
    fifo: p('boolean', { default: false }),
    highThroughput: p('boolean', { default: false }),
    contentBasedDeduplication: p('boolean', { default: false }),
    visibilityTimeout: p('duration', { default: SQS.visibilityTimeoutDefault.value, min: fact0('0 s'), max: SQS.visibilityTimeoutMax }),
    retention: p('duration', { default: SQS.retentionDefault.value, min: SQS.retentionMin, max: SQS.retentionMax }),
    maxMessageSize: p('size', { default: SQS.maxMessageSizeMax.value, min: SQS.maxMessageSizeMin, max: SQS.maxMessageSizeMax }),
    receiveWait: p('duration', { default: 0, min: fact0('0 s'), max: SQS.receiveWaitMax }),
    delay: p('duration', { default: 0, min: fact0('0 s'), max: SQS.delayMax }),
    encryption: ENCRYPTION,
    deadLetter: p('object', {
      properties: {
        target: p('string'),
        maxReceiveCount: p('integer', { min: SQS.maxReceiveCountMin, max: SQS.maxReceiveCountMax }),
      },
    }),
  },
  sns: {
    fifo: p('boolean', { default: false }),
    contentBasedDeduplication: p('boolean', { default: false }),
    encryption: ENCRYPTION,
  },
  kinesis: {
    mode: p('enum', { values: ['provisioned', 'on-demand'] }),
    shards: p('integer', { min: KINESIS.shardsMin }),
    retention: p('duration', { default: KINESIS.retentionDefault.value, min: KINESIS.retentionMin, max: KINESIS.retentionMax }),
    encryption: ENCRYPTION,
  },
  firehose: {
    buffer: p('object', {
      properties: {
        size: p('size', { default: FIREHOSE.bufferSizeDefault.value, min: FIREHOSE.bufferSizeMin, max: FIREHOSE.bufferSizeMax }),
        interval: p('duration', { default: FIREHOSE.bufferIntervalDefault.value, min: fact0('0 s'), max: FIREHOSE.bufferIntervalMax }),
      },
    }),
    encryption: ENCRYPTION,
  },
  lambda: {
    runtime: p('string'),
    memory: p('megabytes', { default: LAMBDA.memoryDefault.value, min: LAMBDA.memoryMin, max: LAMBDA.memoryMax }),
    timeout: p('duration', { default: LAMBDA.timeoutDefault.value, min: LAMBDA.timeoutMin, max: LAMBDA.timeoutMax }),
    ephemeralStorage: p('megabytes', { default: LAMBDA.ephemeralStorageDefault.value, min: LAMBDA.ephemeralStorageMin, max: LAMBDA.ephemeralStorageMax }),
    env: p('map'),
    reservedConcurrency: p('integer', { min: fact0('0') }),
    provisionedConcurrency: p('integer', { min: fact0('0') }),
    duration: p('duration'),
    capacity: p('enum', { values: ['on-demand', 'managed-instances'], default: 'on-demand' }),
    deadLetter: p('object', { properties: { target: p('string') } }),
  },
  ecs: {
    launchType: p('enum', { values: ['fargate', 'ec2'] }),
    cpu: p('cpu'),
    memory: p('megabytes'),
    desiredCount: p('integer', { min: fact0('0') }),
    autoscaling: p('object', {
      properties: {
        min: p('integer', { min: fact0('0') }),
        max: p('integer', { min: fact0('0') }),
        metric: p('enum', { values: ['cpu', 'memory', 'requests'] }),
        target: p('number'),
      },
    }),
    taskRole: p('string'),
    volumes: p('list'),
  },
  eks: {
    nodeType: p('enum', { values: ['fargate', 'managed', 'self-managed'] }),
  },
  apprunner: { cpu: p('cpu'), memory: p('megabytes'), instances: p('integer', { min: fact0('0') }) },
  beanstalk: { cpu: p('cpu'), memory: p('megabytes'), instances: p('integer', { min: fact0('0') }) },
  ec2: { cpu: p('cpu'), memory: p('megabytes'), instances: p('integer', { min: fact0('0') }) },
  schedule: { expression: p('string') },
  'api-gateway': {
    timeout: p('duration', { default: API_GATEWAY.integrationTimeoutDefault.value, min: API_GATEWAY.integrationTimeoutMin }),
  },
  alb: {},
  cloudfront: {},
  dynamodb: STORE,
  s3: STORE,
  rds: STORE,
  efs: STORE,
  client: {},
};

function fact0(text: string): Fact {
  return { value: 0, text, source: '' };
}

export function propertySpec(type: ResourceType, name: string): PropertySpec | undefined {
  return TYPE_PROPERTIES[type][name] ?? COMMON_PROPERTIES[name];
}

/** The properties a connection (a flow entry's value map) may have. */
export const CONNECTION_PROPERTIES: Readonly<Record<string, PropertySpec>> = {
  rate: p('rate'),
  size: p('size'),
  batching: p('boolean', { default: false }),
  batchSize: p('integer', { min: { value: 1, text: '1', source: '' } }),
  batchWindow: p('duration', { min: fact0('0 s') }),
  maxConcurrency: p('integer'),
  messageGroups: p('integer', { min: { value: 1, text: '1', source: '' } }),
  filter: p('object'),
  rawDelivery: p('boolean', { default: false }),
  partitionKey: p('string'),
  enhancedFanOut: p('boolean', { default: false }),
  onFailure: p('string'),
  deadLetter: p('string'),
  label: p('string'),
};
