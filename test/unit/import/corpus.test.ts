/**
 * A generated corpus of random valid templates (CloudFormation and SAM, YAML and JSON):
 * every one must import to a file `check` accepts without syntax, schema or unknown-id findings.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { importTemplates } from '../../../src/core/index';
import { assertAccepted } from './helpers';

const TYPES = [
  'AWS::SQS::Queue',
  'AWS::SNS::Topic',
  'AWS::Kinesis::Stream',
  'AWS::KinesisFirehose::DeliveryStream',
  'AWS::Lambda::Function',
  'AWS::Serverless::Function',
  'AWS::ECS::Service',
  'AWS::DynamoDB::Table',
  'AWS::S3::Bucket',
  'AWS::ApiGateway::RestApi',
  'AWS::IAM::Role',
  'AWS::Logs::LogGroup',
  'AWS::Lambda::EventSourceMapping',
  'AWS::SNS::Subscription',
  'AWS::Events::Rule',
] as const;

const id = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/);
const scalar = fc.oneof(fc.integer({ min: -5, max: 100000 }), fc.boolean(), fc.string({ maxLength: 12 }), fc.constant(null));

/** A value that may be a reference to another resource of the template, by index. */
function value(ids: readonly string[]) {
  return fc.oneof(
    scalar,
    fc.constantFrom(...ids).map((target) => ({ Ref: target })),
    fc.constantFrom(...ids).map((target) => ({ 'Fn::GetAtt': [target, 'Arn'] })),
    fc.constantFrom(...ids).map((target) => ({ 'Fn::Sub': `arn:aws:sqs:\${AWS::Region}:\${AWS::AccountId}:\${${target}}` })),
    fc.constant({ Ref: 'Param' }),
    fc.constant({ 'Fn::If': ['Cond', 1, 2] }),
    fc.constant({ 'Fn::Unknown': 'x' }),
  );
}

const PROPERTY_NAMES = [
  'QueueName',
  'VisibilityTimeout',
  'MessageRetentionPeriod',
  'MaximumMessageSize',
  'DelaySeconds',
  'ReceiveMessageWaitTimeSeconds',
  'FifoQueue',
  'KmsMasterKeyId',
  'ShardCount',
  'RetentionPeriodHours',
  'MemorySize',
  'Timeout',
  'Runtime',
  'ReservedConcurrentExecutions',
  'FunctionName',
  'EventSourceArn',
  'BatchSize',
  'MaximumBatchingWindowInSeconds',
  'TopicArn',
  'Endpoint',
  'RawMessageDelivery',
  'ScheduleExpression',
  'DesiredCount',
  'LaunchType',
  'TableName',
  'BucketName',
  'Name',
  'TopicName',
];

const template = fc.uniqueArray(id, { minLength: 1, maxLength: 12 }).chain((ids) =>
  fc.record({
    sam: fc.boolean(),
    resources: fc.tuple(
      ...ids.map((resourceId) =>
        fc.record({
          id: fc.constant(resourceId),
          type: fc.constantFrom(...TYPES),
          properties: fc.dictionary(fc.constantFrom(...PROPERTY_NAMES), value(ids), { maxKeys: 6 }),
          targets: fc.array(
            fc.constantFrom(...ids).map((t) => ({ Id: 'x', Arn: { 'Fn::GetAtt': [t, 'Arn'] } })),
            { maxLength: 2 },
          ),
          redrive: fc.option(
            fc.constantFrom(...ids).map((t) => ({ deadLetterTargetArn: { 'Fn::GetAtt': [t, 'Arn'] }, maxReceiveCount: 3 })),
          ),
          events: fc.array(
            fc.record({
              Type: fc.constantFrom('SQS', 'SNS', 'Kinesis', 'DynamoDB', 'S3', 'Schedule', 'Api', 'HttpApi', 'EventBridgeRule', 'IoTRule'),
              target: fc.constantFrom(...ids),
            }),
            { maxLength: 3 },
          ),
        }),
      ),
    ),
    json: fc.boolean(),
  }),
);

interface Generated {
  sam: boolean;
  json: boolean;
  resources: {
    id: string;
    type: string;
    properties: Record<string, unknown>;
    targets: unknown[];
    redrive: unknown;
    events: { Type: string; target: string }[];
  }[];
}

function build(generated: Generated) {
  const resources: Record<string, unknown> = {};
  for (const resource of generated.resources) {
    const properties: Record<string, unknown> = { ...resource.properties };
    if (resource.type === 'AWS::Events::Rule' && resource.targets.length) properties['Targets'] = resource.targets;
    if (resource.type === 'AWS::SQS::Queue' && resource.redrive) properties['RedrivePolicy'] = resource.redrive;
    if (resource.type === 'AWS::Serverless::Function' && resource.events.length) {
      properties['Events'] = Object.fromEntries(
        resource.events.map((event, index) => [
          `E${index}`,
          {
            Type: event.Type,
            Properties: {
              Queue: { 'Fn::GetAtt': [event.target, 'Arn'] },
              Stream: { 'Fn::GetAtt': [event.target, 'Arn'] },
              Topic: { Ref: event.target },
              Bucket: { Ref: event.target },
              Schedule: 'rate(1 hour)',
            },
          },
        ]),
      );
    }
    resources[resource.id] = { Type: resource.type, Properties: properties };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    ...(generated.sam ? { Transform: 'AWS::Serverless-2016-10-31', Globals: { Function: { Timeout: 10 } } } : {}),
    Parameters: { Param: { Type: 'String', Default: '30' } },
    Conditions: { Cond: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } },
    Resources: resources,
  };
}

describe('import corpus', () => {
  test('every generated template imports to a file check accepts', () => {
    fc.assert(
      fc.property(template, (generated) => {
        const body = build(generated as Generated);
        const text = generated.json ? JSON.stringify(body, null, 2) : stringify(body);
        const result = importTemplates([{ name: 't', text }], 'generated');
        assert.equal(result.kind, 'imported', text);
        if (result.kind === 'imported') assertAccepted(result.text, text);
      }),
      { numRuns: 150 },
    );
  });
});
