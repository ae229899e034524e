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
import dynamodbStreamRequired from './dynamodb/stream-required';
import ec2Range from './ec2/range';
import ecsFargateSize from './ecs/fargate-size';
import ecsRange from './ecs/range';
import encryptionAtRest from './encryption/at-rest';
import encryptionServiceProducerKey from './encryption/service-producer-key';
import esmBatchWindow from './esm/batch-window';
import esmMaxConcurrency from './esm/max-concurrency';
import esmOnFailure from './esm/on-failure';
import eventbridgeRuleTargets from './eventbridge/rule-targets';
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
import scheduleExpression from './schedule/expression';
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
  dynamodbStreamRequired,
  ec2Range,
  ecsFargateSize,
  ecsRange,
  encryptionAtRest,
  encryptionServiceProducerKey,
  esmBatchWindow,
  esmMaxConcurrency,
  esmOnFailure,
  eventbridgeRuleTargets,
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
  scheduleExpression,
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
  suppressionMissingReason,
  suppressionUnused,
  syntaxLimits,
  syntaxYaml,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
