/**
 * The rule registry: one import per rule, sorted by id (a conformance test keeps it so,
 * and keeps it equal to the files under rules/, the docs and the tests).
 */
import type { Rule } from './types';
import apiGatewayRange from './api-gateway/range';
import apiGatewayThrottle from './api-gateway/throttle';
import apprunnerClosed from './apprunner/closed';
import apprunnerRange from './apprunner/range';
import beanstalkRange from './beanstalk/range';
import configUnknownRule from './config/unknown-rule';
import dynamodbRange from './dynamodb/range';
import dynamodbStreamConsumers from './dynamodb/stream-consumers';
import dynamodbStreamRequired from './dynamodb/stream-required';
import ec2Range from './ec2/range';
import ecsFargateSize from './ecs/fargate-size';
import ecsRange from './ecs/range';
import encryptionAtRest from './encryption/at-rest';
import encryptionServiceProducerKey from './encryption/service-producer-key';
import esmBatchWindow from './esm/batch-window';
import esmMaxConcurrency from './esm/max-concurrency';
import esmOnFailure from './esm/on-failure';
import eventbridgeDlqType from './eventbridge/dlq-type';
import eventbridgeInvocationsThroughput from './eventbridge/invocations-throughput';
import eventbridgeNoDlq from './eventbridge/no-dlq';
import eventbridgePattern from './eventbridge/pattern';
import eventbridgePutEventsThroughput from './eventbridge/put-events-throughput';
import eventbridgeTargetsPerRule from './eventbridge/targets-per-rule';
import firehoseRange from './firehose/range';
import flowsInvalidConnection from './flows/invalid-connection';
import flowsRange from './flows/range';
import flowsSyntax from './flows/syntax';
import flowsUnknownResource from './flows/unknown-resource';
import graphCycle from './graph/cycle';
import kinesisHotPartition from './kinesis/hot-partition';
import kinesisRange from './kinesis/range';
import kinesisReadFanOut from './kinesis/read-fan-out';
import kinesisShardCapacity from './kinesis/shard-capacity';
import lambdaApiTimeout from './lambda/api-timeout';
import lambdaAsyncFailure from './lambda/async-failure';
import lambdaConcurrency from './lambda/concurrency';
import lambdaDlqTarget from './lambda/dlq-target';
import lambdaEnvSecret from './lambda/env-secret';
import lambdaEnvSize from './lambda/env-size';
import lambdaMemoryRange from './lambda/memory-range';
import lambdaRange from './lambda/range';
import lambdaReservedEnv from './lambda/reserved-env';
import lambdaRuntime from './lambda/runtime';
import lambdaTimeoutLimit from './lambda/timeout-limit';
import latencyBudget from './latency/budget';
import payloadSize from './payload/size';
import pipesBatchSize from './pipes/batch-size';
import pipesEnrichment from './pipes/enrichment';
import pipesOrdering from './pipes/ordering';
import pipesSource from './pipes/source';
import s3FifoNotification from './s3/fifo-notification';
import s3OverlappingNotifications from './s3/overlapping-notifications';
import scheduleExpression from './schedule/expression';
import scheduleRange from './schedule/range';
import scheduleSchedulerOnly from './schedule/scheduler-only';
import schemaInvalid from './schema/invalid';
import snsFifoSubscription from './sns/fifo-subscription';
import snsFifoThroughput from './sns/fifo-throughput';
import snsFilterPolicy from './sns/filter-policy';
import snsNoRedrive from './sns/no-redrive';
import snsNoSubscriber from './sns/no-subscriber';
import snsRawDelivery from './sns/raw-delivery';
import sqsDlqType from './sqs/dlq-type';
import sqsFifoAttributes from './sqs/fifo-attributes';
import sqsFifoBatchSize from './sqs/fifo-batch-size';
import sqsFifoName from './sqs/fifo-name';
import sqsFifoThroughput from './sqs/fifo-throughput';
import sqsLongPolling from './sqs/long-polling';
import sqsNoConsumer from './sqs/no-consumer';
import sqsNoDlq from './sqs/no-dlq';
import sqsRange from './sqs/range';
import sqsVisibilityTimeout from './sqs/visibility-timeout';
import stepfunctionsExpressCallback from './stepfunctions/express-callback';
import stepfunctionsExpressTimeout from './stepfunctions/express-timeout';
import stepfunctionsStartRate from './stepfunctions/start-rate';
import suppressionMissingReason from './suppression/missing-reason';
import suppressionUnused from './suppression/unused';
import syntaxLimits from './syntax/limits';
import syntaxYaml from './syntax/yaml';

export const rules: readonly Rule[] = [
  apiGatewayRange,
  apiGatewayThrottle,
  apprunnerClosed,
  apprunnerRange,
  beanstalkRange,
  configUnknownRule,
  dynamodbRange,
  dynamodbStreamConsumers,
  dynamodbStreamRequired,
  ec2Range,
  ecsFargateSize,
  ecsRange,
  encryptionAtRest,
  encryptionServiceProducerKey,
  esmBatchWindow,
  esmMaxConcurrency,
  esmOnFailure,
  eventbridgeDlqType,
  eventbridgeInvocationsThroughput,
  eventbridgeNoDlq,
  eventbridgePattern,
  eventbridgePutEventsThroughput,
  eventbridgeTargetsPerRule,
  firehoseRange,
  flowsInvalidConnection,
  flowsRange,
  flowsSyntax,
  flowsUnknownResource,
  graphCycle,
  kinesisHotPartition,
  kinesisRange,
  kinesisReadFanOut,
  kinesisShardCapacity,
  lambdaApiTimeout,
  lambdaAsyncFailure,
  lambdaConcurrency,
  lambdaDlqTarget,
  lambdaEnvSecret,
  lambdaEnvSize,
  lambdaMemoryRange,
  lambdaRange,
  lambdaReservedEnv,
  lambdaRuntime,
  lambdaTimeoutLimit,
  latencyBudget,
  payloadSize,
  pipesBatchSize,
  pipesEnrichment,
  pipesOrdering,
  pipesSource,
  s3FifoNotification,
  s3OverlappingNotifications,
  scheduleExpression,
  scheduleRange,
  scheduleSchedulerOnly,
  schemaInvalid,
  snsFifoSubscription,
  snsFifoThroughput,
  snsFilterPolicy,
  snsNoRedrive,
  snsNoSubscriber,
  snsRawDelivery,
  sqsDlqType,
  sqsFifoAttributes,
  sqsFifoBatchSize,
  sqsFifoName,
  sqsFifoThroughput,
  sqsLongPolling,
  sqsNoConsumer,
  sqsNoDlq,
  sqsRange,
  sqsVisibilityTimeout,
  stepfunctionsExpressCallback,
  stepfunctionsExpressTimeout,
  stepfunctionsStartRate,
  suppressionMissingReason,
  suppressionUnused,
  syntaxLimits,
  syntaxYaml,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
