/**
 * What each resource type's properties are, in the model's terms: how a value is read
 * (its kind and the unit it is normalised to), AWS's default and range where AWS sets
 * one. The schema describes the same properties for editors; a conformance test keeps
 * the two in step. Range checks read `min`/`max` here (the `<type>/range` rules).
 */
import { API_GATEWAY, COMPUTE, ECS, ESM, FIREHOSE, KINESIS, LAMBDA, SQS, type Fact } from '../limits/aws';

import { RESOURCE_TYPES, type ResourceType } from './resource-types';

// The types themselves live in one table (resource-types.ts); many modules read them from here.
export { RESOURCE_TYPES, isResourceType, type ResourceType } from './resource-types';

export type ValueKind =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'duration' // seconds
  | 'size' // bytes; a bare number is bytes
  | 'megabytes' // MB; a bare number is MB
  | 'cpu' // CPU units (1024 = 1 vCPU); `0.5 vCPU` accepted
  | 'rate' // per second
  | 'enum'
  | 'encryption'
  | 'object'
  | 'map'
  | 'list';

export interface PropertySpec {
  readonly kind: ValueKind;
  /** AWS's default, in the normalised unit. */
  readonly default?: number | string | boolean;
  readonly min?: Fact;
  readonly max?: Fact;
  /**
   * The unit AWS's API counts the value in, when it takes whole numbers of it (Lambda's
   * `Timeout` in whole seconds): a value between two steps is rejected like one out of range.
   */
  readonly step?: Fact;
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
    visibilityTimeout: p('duration', {
      default: SQS.visibilityTimeoutDefault.value,
      min: SQS.visibilityTimeoutMin,
      max: SQS.visibilityTimeoutMax,
      step: SQS.secondsStep,
    }),
    retention: p('duration', { default: SQS.retentionDefault.value, min: SQS.retentionMin, max: SQS.retentionMax, step: SQS.secondsStep }),
    maxMessageSize: p('size', {
      default: SQS.maxMessageSizeMax.value,
      min: SQS.maxMessageSizeMin,
      max: SQS.maxMessageSizeMax,
      step: SQS.maxMessageSizeStep,
    }),
    receiveWait: p('duration', { default: 0, min: SQS.receiveWaitMin, max: SQS.receiveWaitMax, step: SQS.secondsStep }),
    delay: p('duration', { default: 0, min: SQS.delayMin, max: SQS.delayMax, step: SQS.secondsStep }),
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
    retention: p('duration', {
      default: KINESIS.retentionDefault.value,
      min: KINESIS.retentionMin,
      max: KINESIS.retentionMax,
      step: KINESIS.retentionStep,
    }),
    encryption: ENCRYPTION,
  },
  firehose: {
    buffer: p('object', {
      properties: {
        size: p('size', {
          default: FIREHOSE.bufferSizeDefault.value,
          min: FIREHOSE.bufferSizeMin,
          max: FIREHOSE.bufferSizeMax,
          step: FIREHOSE.bufferSizeStep,
        }),
        interval: p('duration', {
          default: FIREHOSE.bufferIntervalDefault.value,
          min: FIREHOSE.bufferIntervalMin,
          max: FIREHOSE.bufferIntervalMax,
          step: FIREHOSE.bufferIntervalStep,
        }),
      },
    }),
    encryption: ENCRYPTION,
  },
  lambda: {
    runtime: p('string'),
    memory: p('megabytes', { default: LAMBDA.memoryDefault.value, min: LAMBDA.memoryMin, max: LAMBDA.memoryMax, step: LAMBDA.memoryStep }),
    timeout: p('duration', {
      default: LAMBDA.timeoutDefault.value,
      min: LAMBDA.timeoutMin,
      max: LAMBDA.timeoutMax,
      step: LAMBDA.timeoutStep,
    }),
    ephemeralStorage: p('megabytes', {
      default: LAMBDA.ephemeralStorageDefault.value,
      min: LAMBDA.ephemeralStorageMin,
      max: LAMBDA.ephemeralStorageMax,
      step: LAMBDA.ephemeralStorageStep,
    }),
    env: p('map'),
    reservedConcurrency: p('integer', { min: LAMBDA.reservedConcurrencyMin }),
    provisionedConcurrency: p('integer', { min: LAMBDA.provisionedConcurrencyMin }),
    duration: p('duration'),
    capacity: p('enum', { values: ['on-demand', 'managed-instances'], default: 'on-demand' }),
    deadLetter: p('object', { properties: { target: p('string') } }),
  },
  ecs: {
    launchType: p('enum', { values: ['fargate', 'ec2'] }),
    cpu: p('cpu'),
    memory: p('megabytes'),
    desiredCount: p('integer', { min: ECS.desiredCountMin }),
    autoscaling: p('object', {
      properties: {
        min: p('integer', { min: ECS.autoscalingCapacityMin }),
        max: p('integer', { min: ECS.autoscalingCapacityMin }),
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
  apprunner: { cpu: p('cpu'), memory: p('megabytes'), instances: p('integer', { min: COMPUTE.instancesMin }) },
  beanstalk: { cpu: p('cpu'), memory: p('megabytes'), instances: p('integer', { min: COMPUTE.instancesMin }) },
  ec2: { cpu: p('cpu'), memory: p('megabytes'), instances: p('integer', { min: COMPUTE.instancesMin }) },
  schedule: {
    expression: p('string'),
    // No default: without `kind`, `at(…)`, `timezone` or `flexibleWindow` imply `scheduler`, else `rule`.
    kind: p('enum', { values: ['rule', 'scheduler'] }),
    timezone: p('string'),
    flexibleWindow: p('duration', { default: 0 }),
  },
  'api-gateway': {
    timeout: p('duration', {
      default: API_GATEWAY.integrationTimeoutDefault.value,
      min: API_GATEWAY.integrationTimeoutMin,
      step: API_GATEWAY.integrationTimeoutStep,
    }),
  },
  alb: {},
  cloudfront: {},
  dynamodb: { ...STORE, stream: p('boolean', { default: false }) },
  s3: STORE,
  rds: STORE,
  efs: STORE,
  client: {},
  eventbridge: {
    encryption: ENCRYPTION,
    archive: p('object', { properties: { retention: p('duration') } }),
  },
  stepfunctions: {
    workflow: p('enum', { values: ['standard', 'express'], default: 'standard' }),
    timeout: p('duration'),
  },
};

export function propertySpec(type: ResourceType, name: string): PropertySpec | undefined {
  return TYPE_PROPERTIES[type][name] ?? COMMON_PROPERTIES[name];
}

/**
 * The keys of `account`: the account's quotas where they differ from AWS's defaults. The model
 * and the rules read these (test/conformance/schema.test.ts keeps the list, the schema and
 * completion in step).
 */
export const ACCOUNT_PROPERTIES: Readonly<Record<string, PropertySpec>> = {
  lambdaConcurrency: p('integer', { default: LAMBDA.accountConcurrencyDefault.value }),
  apiGatewayThrottle: p('rate', { default: API_GATEWAY.accountThrottleDefault.value }),
};

/** The properties a connection (a flow entry's value map) may have. */
export const CONNECTION_PROPERTIES: Readonly<Record<string, PropertySpec>> = {
  rate: p('rate'),
  size: p('size'),
  batching: p('boolean', { default: false }),
  // The maximum batch size depends on the source (esm/batch-window, sqs/fifo-batch-size own it).
  batchSize: p('integer', { min: ESM.batchSizeMin }),
  batchWindow: p('duration', { default: 0, min: ESM.batchWindowMin, max: ESM.batchWindowMax, step: ESM.batchWindowStep }),
  maxConcurrency: p('integer', { min: ESM.maxConcurrencyMin, max: ESM.maxConcurrencyMax }),
  messageGroups: p('integer', { min: SQS.messageGroupsMin }),
  filter: p('object'),
  rawDelivery: p('boolean', { default: false }),
  partitionKey: p('string'),
  enhancedFanOut: p('boolean', { default: false }),
  onFailure: p('string'),
  deadLetter: p('string'),
  label: p('string'),
  // Format 1.1: EventBridge rules and Pipes, S3 notifications, Step Functions tasks, DynamoDB streams.
  pattern: p('object'),
  rule: p('string'),
  retry: p('object', { properties: { attempts: p('integer'), maxAge: p('duration') } }),
  via: p('enum', { values: ['pipe'] }),
  enrich: p('string'),
  events: p('list'),
  callback: p('boolean', { default: false }),
  parallelization: p('integer', { default: 1 }),
  maxLatency: p('duration'),
};
