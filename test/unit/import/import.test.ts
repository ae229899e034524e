import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTemplates, GENERATED_HEADER, type ImportResult } from '../../../src/core/index';
import { strip } from '../../helpers/markers';
import { assertAccepted } from './helpers';

const fixtures = join(__dirname, '../../../../test/fixtures/templates');

function imported(text: string, name = 'template.yaml'): Extract<ImportResult, { kind: 'imported' }> {
  const result = importTemplates([{ name, text }], 'test');
  assert.equal(result.kind, 'imported', JSON.stringify(result));
  return result as Extract<ImportResult, { kind: 'imported' }>;
}

/** The output from `resources:` on, without the header and the comments naming lines. */
function body(text: string): string {
  return text
    .slice(text.indexOf('resources:'))
    .split('\n')
    .filter((line) => !/^\s*# /.test(line))
    .map((line) => line.replace(/ {2}# .*$/, ''))
    .join('\n');
}

describe('awsflow import: fixtures (golden files)', () => {
  for (const file of ['cfn-messaging.yaml', 'sam-app.yaml', 'cfn-events.json']) {
    test(`${file} imports to exactly its reviewed .awsflow file, which check accepts`, () => {
      const result = imported(readFileSync(join(fixtures, file), 'utf8'), file);
      const expected = readFileSync(join(fixtures, file.replace(/\.(yaml|json)$/, '.expected.awsflow')), 'utf8');
      // The title is the file name without its extension, as the CLI gives it.
      const actual = importTemplates(
        [{ name: file, text: readFileSync(join(fixtures, file), 'utf8') }],
        file.replace(/\.(yaml|json)$/, ''),
      );
      assert.equal(actual.kind === 'imported' && actual.text, expected);
      assertAccepted(result.text, file);
    });
  }
});

describe('awsflow import: mapping', () => {
  test('SQS properties with their units, a redrive policy, parameters at their Default', () => {
    const result = imported(
      [
        'Parameters:',
        '  Wait: { Type: Number, Default: 20 }',
        'Resources:',
        '  Jobs:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      FifoQueue: true',
        '      QueueName: jobs.fifo',
        '      FifoThroughputLimit: perMessageGroupId',
        '      DeduplicationScope: messageGroup',
        '      VisibilityTimeout: 90',
        '      MessageRetentionPeriod: 86400',
        '      MaximumMessageSize: 1048576',
        '      ReceiveMessageWaitTimeSeconds: !Ref Wait',
        '      DelaySeconds: 0',
        '      SqsManagedSseEnabled: true',
        '      RedrivePolicy: { deadLetterTargetArn: !GetAtt Dead.Arn, maxReceiveCount: 3 }',
        '  Dead:',
        '    Type: AWS::SQS::Queue',
        '    Properties: { FifoQueue: true, QueueName: dead.fifo }',
        '',
      ].join('\n'),
    );
    assert.equal(
      body(result.text),
      [
        'resources:',
        '  Jobs:',
        '    type: sqs',
        '    name: jobs.fifo',
        '    fifo: true',
        '    highThroughput: true',
        '    visibilityTimeout: 90s',
        '    retention: 1d',
        '    maxMessageSize: 1MB',
        '    receiveWait: 20s',
        '    delay: 0s',
        '    encryption: sqs-managed',
        '    deadLetter:',
        '      target: Dead',
        '      maxReceiveCount: 3',
        '  Dead:',
        '    type: sqs',
        '    name: dead.fifo',
        '    fifo: true',
        '',
      ].join('\n'),
    );
    assertAccepted(result.text);
  });

  test('a value known only at deploy is left out with a comment saying why; a condition is named', () => {
    const result = imported(
      [
        'Parameters:',
        '  Size: { Type: Number }',
        'Conditions:',
        '  Big: !Equals [!Ref AWS::Region, us-east-1]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Lambda::Function',
        '    Condition: Big',
        '    Properties:',
        '      MemorySize: !Ref Size',
        '      Timeout: !If [Big, 60, 30]',
        '      FunctionName: !Sub "${AWS::StackName}-fn"',
        '      Runtime: !Magic x',
        '',
      ].join('\n'),
    );
    assert.match(result.text, /^ {2}# only created when condition 'Big' holds$/m);
    assert.match(result.text, /^ {2}# memory left out: parameter 'Size' has no Default$/m);
    assert.match(result.text, /^ {2}# timeout left out: depends on condition 'Big', which is known only at deploy$/m);
    assert.match(result.text, /^ {2}# name left out: AWS::StackName is known only at deploy$/m);
    assert.match(result.text, /^ {2}# runtime left out: unknown intrinsic function 'Magic'$/m);
    assert.equal(body(result.text), 'resources:\n  Fn:\n    type: lambda\n');
    assertAccepted(result.text);
  });

  test('conditions evaluate from parameter defaults; Sub, Join, Select, Split and FindInMap compute', () => {
    const result = imported(
      [
        'Parameters:',
        '  Env: { Type: String, Default: prod }',
        'Mappings:',
        '  Sizes: { prod: { memory: 2048 } }',
        'Conditions:',
        '  IsProd: !Equals [!Ref Env, prod]',
        '  NotProd: !Not [!Condition IsProd]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      FunctionName: !Join ["-", [!Ref Env, worker]]',
        '      MemorySize: !FindInMap [Sizes, !Ref Env, memory]',
        '      Timeout: !If [NotProd, 3, !Select [1, !Split [",", "10,40"]]]',
        '      Runtime: !Sub "python${Version}"',
        '',
      ]
        .join('\n')
        .replace('!Sub "python${Version}"', '!Sub ["python${V}", { V: "3.13" }]'),
    );
    assert.equal(
      body(result.text),
      'resources:\n  Fn:\n    type: lambda\n    name: prod-worker\n    runtime: python3.13\n    memory: 2GB\n    timeout: 40s\n',
    );
  });

  test('SNS: Topic.Subscription and Subscription resources with raw delivery, filter policy and redrive; Resource "*" is never a flow', () => {
    const result = imported(
      [
        'Resources:',
        '  T:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      Subscription:',
        '        - { Protocol: lambda, Endpoint: !GetAtt F.Arn }',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '  D:',
        '    Type: AWS::SQS::Queue',
        '  S:',
        '    Type: AWS::SNS::Subscription',
        '    Properties:',
        '      TopicArn: !Ref T',
        '      Endpoint: !GetAtt Q.Arn',
        '      Protocol: sqs',
        '      RawMessageDelivery: "true"',
        '      FilterPolicy: \'{"kind": ["a"]}\'',
        '      RedrivePolicy: { deadLetterTargetArn: !GetAtt D.Arn }',
        '  F:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Policies: []',
        '  R:',
        '    Type: AWS::IAM::Role',
        '',
      ].join('\n'),
    );
    const flows = result.text
      .slice(result.text.indexOf('flows:'))
      .split('\n')
      .map((l) => l.replace(/ {2}# .*$/, ''));
    assert.deepEqual(flows, ['flows:', '  - T -> F', '  - T -> Q: { rawDelivery: true, filter: {"kind":["a"]}, deadLetter: D }', '']);
    assert.match(result.text, /^# Not modelled, left out: AWS::IAM::Role ×1$/m);
    assertAccepted(result.text);
  });

  test('IAM: send/publish/put/start scoped to a template resource is a flow; "*" and read-only actions are not', () => {
    const template = [
      'Resources:',
      '  Q: { Type: AWS::SQS::Queue }',
      '  Other: { Type: AWS::SQS::Queue }',
      '  K: { Type: AWS::Kinesis::Stream, Properties: { StreamModeDetails: { StreamMode: ON_DEMAND } } }',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      Policies:',
      '        - PolicyDocument:',
      '            Statement:',
      '              - { Effect: Allow, Action: "sqs:Send*", Resource: !GetAtt Q.Arn }',
      '              - { Effect: Allow, Action: sqs:ReceiveMessage, Resource: !GetAtt Other.Arn }',
      '              - { Effect: Allow, Action: "kinesis:*", Resource: "*" }',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties: { Role: !GetAtt Role.Arn }',
      '  Put:',
      '    Type: AWS::IAM::Policy',
      '    Properties:',
      '      Roles: [!Ref Role]',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: [kinesis:PutRecords]',
      '            Resource: !Sub "arn:aws:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${K}"',
      '',
    ].join('\n');
    const result = imported(template);
    assert.deepEqual(
      result.text
        .slice(result.text.indexOf('flows:'))
        .split('\n')
        .map((l) => l.replace(/ {2}# .*$/, '')),
      ['flows:', '  - Fn -> Q', '  - Fn -> K', ''],
    );
    assert.match(result.text, /^ {4}mode: on-demand$/m);
  });

  test("SAM: Globals merge under the function's own values; Kinesis/DynamoDB events with on-failure; SQS-subscribed SNS event", () => {
    const result = imported(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Timeout: 10',
        '    Environment: { Variables: { A: "1", B: "2" } }',
        'Resources:',
        '  S: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }',
        '  T: { Type: AWS::SNS::Topic }',
        '  Fails: { Type: AWS::SQS::Queue }',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Timeout: 60',
        '      Environment: { Variables: { B: "3" } }',
        '      Events:',
        '        Read:',
        '          Type: Kinesis',
        '          Properties:',
        '            Stream: !GetAtt S.Arn',
        '            StartingPosition: LATEST',
        '            BatchSize: 100',
        '            DestinationConfig: { OnFailure: { Destination: !GetAtt Fails.Arn } }',
        '        Sub:',
        '          Type: SNS',
        '          Properties: { Topic: !Ref T, SqsSubscription: true }',
        '',
      ].join('\n'),
    );
    assert.equal(
      body(result.text),
      [
        'resources:',
        '  S:',
        '    type: kinesis',
        '    shards: 1',
        '  T:',
        '    type: sns',
        '  Fails:',
        '    type: sqs',
        '  Fn:',
        '    type: lambda',
        '    timeout: 1m',
        '    env:',
        '      A: "1"',
        '      B: "3"',
        '  FnSubQueue:',
        '    type: sqs',
        'flows:',
        '  - S -> Fn: { batchSize: 100, onFailure: Fails }',
        '  - T -> FnSubQueue',
        '  - FnSubQueue -> Fn',
        '',
      ].join('\n'),
    );
    assertAccepted(result.text);
  });

  test('SAM connectors and EventBridgePutEventsPolicy on the default bus; a macro and a nested stack are named in the header', () => {
    const result = imported(
      [
        'Transform: [AWS::Serverless-2016-10-31, MyMacro]',
        'Resources:',
        '  Q: { Type: AWS::SQS::Queue }',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Connectors:',
        '      ToQ: { Properties: { Destination: { Id: Q }, Permissions: [Write] } }',
        '    Properties:',
        '      Policies: [{ EventBridgePutEventsPolicy: { EventBusName: default } }]',
        '  Reader:',
        '    Type: AWS::Serverless::Connector',
        '    Properties: { Source: { Id: Fn }, Destination: { Id: Q }, Permissions: [Read] }',
        '  App: { Type: AWS::Serverless::Application, Properties: { Location: x } }',
        '',
      ].join('\n'),
    );
    assert.match(result.text, /^# Transform 'MyMacro' is a macro: what it generates is not imported\.$/m);
    assert.match(result.text, /^# App \(AWS::Serverless::Application\) is a nested stack: its resources are not imported\.$/m);
    const flows = result.text
      .slice(result.text.indexOf('flows:'))
      .split('\n')
      .map((l) => l.replace(/ {2}# .*$/, ''));
    assert.deepEqual(flows, ['flows:', '  - Fn -> default-bus', '  - Fn -> Q', '']);
    assert.match(result.text, /^ {2}default-bus:\n {4}type: eventbridge\n {4}name: default$/m);
  });

  test("ECS service: launch type, count, and the task definition's cpu and memory", () => {
    const result = imported(
      'Resources:\n  Svc: { Type: AWS::ECS::Service, Properties: { LaunchType: FARGATE, DesiredCount: 3, TaskDefinition: !Ref Td } }\n  Td: { Type: AWS::ECS::TaskDefinition, Properties: { Cpu: "1024", Memory: "3072" } }\n',
    );
    assert.equal(
      body(result.text),
      'resources:\n  Svc:\n    type: ecs\n    launchType: fargate\n    desiredCount: 3\n    cpu: 1024\n    memory: 3GB\n',
    );
    assertAccepted(result.text);
  });

  test('a template with no modelled resource still gives a valid file', () => {
    const result = imported('Resources:\n  R: { Type: AWS::IAM::Role }\n');
    assert.match(result.text, /^resources: \{\}$/m);
    assert.ok(result.text.startsWith(GENERATED_HEADER));
    assertAccepted(result.text);
  });
});

describe('awsflow import: source map', () => {
  test('each value, each resource id and each flow maps to its exact template range', () => {
    const { text, ranges } = strip(
      [
        'Resources:',
        '  «Jobs»:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      VisibilityTimeout: «120»',
        '  «Worker»:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      MemorySize: «512»',
        '  «Map»:',
        '    Type: AWS::Lambda::EventSourceMapping',
        '    Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Worker, BatchSize: «7» }',
        '',
      ].join('\n'),
    );
    const result = imported(text);
    const out = result.text;
    const at = (generated: { start: number; end: number }) => out.slice(generated.start, generated.end);
    assert.deepEqual(
      result.sourceMap.resources.map((r) => [r.id, at(r.generated), r.source.template, r.source.start, r.source.end]),
      [
        ['Jobs', 'Jobs', 0, ranges[0]!.start, ranges[0]!.end],
        ['Worker', 'Worker', 0, ranges[2]!.start, ranges[2]!.end],
      ],
    );
    assert.deepEqual(
      result.sourceMap.values.map((v) => [at(v.generated), text.slice(v.source.start, v.source.end)]),
      [
        ['2m', '120'],
        ['512MB', '512'],
        ['7', '7'],
      ],
    );
    assert.deepEqual(
      result.sourceMap.values.map((v) => ({ start: v.source.start, end: v.source.end })),
      [ranges[1], ranges[3], ranges[5]],
    );
    assert.deepEqual(
      result.sourceMap.flows.map((f) => [at(f.generated), f.source.start, f.source.end]),
      [['Jobs -> Worker: { batchSize: 7 }', ranges[4]!.start, ranges[4]!.end]],
    );
  });
});

describe('awsflow import: bad input', () => {
  test('syntax errors and files that are not templates are results, never exceptions', () => {
    const broken = importTemplates([{ name: 'x.yaml', text: 'Resources: {\n' }], 'x');
    assert.equal(broken.kind, 'syntax-errors');
    assert.equal(importTemplates([{ name: 'x.yaml', text: 'just: text\n' }], 'x').kind, 'not-a-template');
    assert.equal(importTemplates([{ name: 'x.json', text: '"a string"' }], 'x').kind, 'not-a-template');
  });

  test('hostile shapes: wrong types everywhere, self references, deep nesting, odd ids', () => {
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters: [1, 2]',
      'Conditions: { A: !Condition A, B: !Not [!Condition B] }',
      'Resources:',
      '  Q: { Type: AWS::SQS::Queue, Properties: [1] }',
      '  T: { Type: AWS::SNS::Topic, Properties: { Subscription: 5, KmsMasterKeyId: [x] } }',
      '  F: { Type: AWS::Lambda::Function, Properties: { Timeout: !If [A, 1, 2], MemorySize: "lots", Environment: { Variables: [1] }, Role: !GetAtt [] } }',
      '  M: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !GetAtt Q.Arn, FunctionName: !Ref F, BatchSize: !Join [] } }',
      '  N: { Type: AWS::Lambda::EventSourceMapping, Properties: { EventSourceArn: !Ref N, FunctionName: !Sub [] } }',
      '  S: { Type: AWS::StepFunctions::StateMachine, Properties: { DefinitionString: "{not json" } }',
      '  E: { Type: AWS::Events::Rule, Properties: { Targets: { Arn: 1 } } }',
      '  X: !Ref Q',
      '  Y: { Type: 7 }',
      '  Z: { Type: AWS::SQS::Queue, Properties: { DelaySeconds: ' + '['.repeat(200) + ']'.repeat(200) + ' } }',
      '',
    ].join('\n');
    const result = imported(text);
    assert.match(result.text, /^ {2}# timeout left out: depends on condition 'A', which is known only at deploy$/m);
    assert.match(result.text, /^ {2}# memory left out: MemorySize "lots" is not a value awsflow reads$/m);
    assertAccepted(result.text);
  });

  test('macros and nested stacks are left out and named: Fn::Transform (a property, in Resources), Fn::ForEach, AWS::LanguageExtensions, AWS::CloudFormation::Stack', () => {
    const result = imported(
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Transform: AWS::LanguageExtensions',
        'Resources:',
        '  Orders:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      VisibilityTimeout:',
        '        Fn::Transform: { Name: Numbers, Parameters: { Value: 60 } }',
        '      DelaySeconds: { "Fn::Transform": [1] }',
        '  Fn::Transform:',
        '    Name: AWS::Include',
        '    Parameters: { Location: s3://bucket/more.yaml }',
        '  Fn::ForEach::Topics:',
        '    - TopicName',
        '    - [A, B]',
        '    - Topic${TopicName}: { Type: AWS::SNS::Topic }',
        '  Child:',
        '    Type: AWS::CloudFormation::Stack',
        '    Properties: { TemplateURL: https://s3.amazonaws.com/b/child.yaml }',
        '  Worker: { Type: AWS::Lambda::Function, Properties: { Timeout: 10 } }',
        '',
      ].join('\n'),
    );
    const header = result.text.slice(0, result.text.indexOf('awsflow: 1')).split('\n');
    assert.deepEqual(header.slice(1), [
      "# Transform 'AWS::LanguageExtensions' is not applied: Fn::ForEach and the other language extensions are not expanded.",
      "# Fn::Transform 'AWS::Include' in Resources is a macro: the resources it adds are not imported.",
      '# Fn::ForEach::Topics in Resources is expanded by AWS::LanguageExtensions at deploy: the resources it makes are not imported.',
      '# Child (AWS::CloudFormation::Stack) is a nested stack: its resources are not imported.',
      '',
    ]);
    assert.match(result.text, /^ {2}# visibilityTimeout left out: a macro 'Numbers' \(Fn::Transform\) decides it at deploy$/m);
    assert.match(result.text, /^ {2}# delay left out: a macro \(Fn::Transform\) decides it at deploy$/m);
    assert.equal(body(result.text), 'resources:\n  Orders:\n    type: sqs\n  Worker:\n    type: lambda\n    timeout: 10s\n');
    assertAccepted(result.text);
  });
});

/** The flows of an import, without their comments. */
function flowsOf(text: string): string[] {
  return text
    .slice(text.indexOf('flows:'))
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/ {2}# .*$/, ''));
}

describe('awsflow import: shapes found in public templates (docs/import.md, "Tested on")', () => {
  test('an API Gateway integration that reads a queue (ReceiveMessage) carries nothing into it: no flow', () => {
    const template = (action: string) =>
      [
        'Resources:',
        '  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: x } }',
        '  Get:',
        '    Type: AWS::ApiGateway::Method',
        '    Properties:',
        '      RestApiId: !Ref Api',
        '      HttpMethod: GET',
        '      Integration:',
        '        Type: AWS',
        '        IntegrationHttpMethod: POST',
        `        RequestParameters: { integration.request.querystring.Action: "'${action}'" }`,
        "        Uri: !Join ['', ['arn:aws:apigateway:', !Ref AWS::Region, ':sqs:path/', !Ref AWS::AccountId, '/', !GetAtt Jobs.QueueName]]",
        '  Jobs: { Type: AWS::SQS::Queue }',
        '',
      ].join('\n');
    const reading = imported(template('ReceiveMessage'));
    assert.equal(reading.text.includes('flows:'), false, reading.text);
    assertAccepted(reading.text);
    // The same integration sending: a flow, as before.
    assert.deepEqual(flowsOf(imported(template('SendMessage')).text), ['  - Api -> Jobs']);
    // Sending through a request template's `Action=SendMessage`, the Uri naming the queue by !Sub.
    const viaTemplate = imported(
      [
        'Resources:',
        '  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: x } }',
        '  Post:',
        '    Type: AWS::ApiGateway::Method',
        '    Properties:',
        '      RestApiId: !Ref Api',
        '      Integration:',
        '        Type: AWS',
        '        Uri: !Sub arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${Jobs.QueueName}',
        "        RequestTemplates: { application/json: 'Action=SendMessage&MessageBody=$input.body' }",
        '  Jobs: { Type: AWS::SQS::Queue }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(flowsOf(viaTemplate.text), ['  - Api -> Jobs']);
  });

  test('kinesis:action/PutRecord names no stream: the integration role’s kinesis:PutRecord statement says which', () => {
    const text = [
      'Resources:',
      '  Stream: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }',
      '  Other: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }',
      '  Queue: { Type: AWS::SQS::Queue }',
      '  ApiRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      Policies:',
      '        - PolicyName: put',
      '          PolicyDocument:',
      '            Statement:',
      "              - { Effect: Allow, Action: ['kinesis:PutRecord', 'kinesis:GetRecords'], Resource: !Sub ['${Arn}*', { Arn: !GetAtt Stream.Arn }] }",
      '              - { Effect: Allow, Action: kinesis:GetRecords, Resource: !GetAtt Other.Arn }',
      '              - { Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn }',
      '  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: x } }',
      '  Put:',
      '    Type: AWS::ApiGateway::Method',
      '    Properties:',
      '      RestApiId: !Ref Api',
      '      Integration:',
      '        Type: AWS',
      '        Credentials: !GetAtt ApiRole.Arn',
      "        Uri: !Sub 'arn:aws:apigateway:${AWS::Region}:kinesis:action/PutRecord'",
      '        RequestTemplates: { application/json: "{ \\"StreamName\\": \\"$input.params(\'stream\')\\" }" }',
      '  Read:',
      '    Type: AWS::ApiGateway::Method',
      '    Properties:',
      '      RestApiId: !Ref Api',
      '      Integration:',
      '        Type: AWS',
      '        Credentials: !GetAtt ApiRole.Arn',
      "        Uri: !Sub 'arn:aws:apigateway:${AWS::Region}:kinesis:action/GetRecords'",
      '',
    ].join('\n');
    const result = imported(text);
    // Only the stream the role may PutRecord to; not the queue the same role may send to, nor the stream it only reads.
    assert.deepEqual(flowsOf(result.text), ['  - Api -> Stream']);
    assert.match(result.text, /- Api -> Stream {2}# API integration \(its role\), template\.yaml:16$/m);
    assertAccepted(result.text);
  });

  test('a function that writes a table or a bucket (SAM CRUD/write policies, dynamodb:PutItem, s3:PutObject): a flow into it', () => {
    const result = imported(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Table:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties: { StreamSpecification: { StreamViewType: NEW_IMAGE } }',
        '  Archive: { Type: AWS::S3::Bucket }',
        '  Reports: { Type: AWS::S3::Bucket }',
        '  Writer:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.13',
        '      Policies: { DynamoDBCrudPolicy: { TableName: !Ref Table } }',
        '  Archiver:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.13',
        '      Policies:',
        '        - S3WritePolicy: { BucketName: !Ref Archive }',
        '        - S3ReadPolicy: { BucketName: !Ref Reports }',
        '        - Statement: [{ Effect: Allow, Action: [dynamodb:GetItem, dynamodb:Query], Resource: !GetAtt Table.Arn }]',
        '  Loader:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.13',
        "      Policies: [{ Statement: [{ Effect: Allow, Action: ['s3:PutObject'], Resource: !Sub '${Reports.Arn}/*' }] }]",
        '  Reader:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: python3.13',
        '      Events: { Changes: { Type: DynamoDB, Properties: { Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST } } }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(flowsOf(result.text).sort(), [
      '  - Archiver -> Archive',
      '  - Loader -> Reports',
      '  - Table -> Reader',
      '  - Writer -> Table',
    ]);
    assertAccepted(result.text);
  });

  test('a table with KinesisStreamSpecification writes its changes to the stream: a flow table -> stream', () => {
    const result = imported(
      [
        'Resources:',
        '  Changes: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }',
        '  Table:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      KinesisStreamSpecification: { StreamArn: !GetAtt Changes.Arn }',
        '  Plain:',
        '    Type: AWS::DynamoDB::Table',
        "    Properties: { KinesisStreamSpecification: { StreamArn: 'arn:aws:kinesis:us-east-1:1:stream/elsewhere' } }",
        '',
      ].join('\n'),
    );
    assert.deepEqual(flowsOf(result.text), ['  - Table -> Changes']);
    assert.match(result.text, /- Table -> Changes {2}# KinesisStreamSpecification, template\.yaml:6$/m);
    assertAccepted(result.text);
  });

  test('the CDK’s Custom::S3BucketNotifications (S3 API keys: TopicArn, QueueArn, LambdaFunctionArn, Events) is the bucket’s notifications', () => {
    const text = JSON.stringify(
      {
        Resources: {
          images9BF4DCD5: { Type: 'AWS::S3::Bucket' },
          imagesNotifications: {
            Type: 'Custom::S3BucketNotifications',
            Properties: {
              ServiceToken: { 'Fn::GetAtt': ['Handler', 'Arn'] },
              BucketName: { Ref: 'images9BF4DCD5' },
              NotificationConfiguration: {
                TopicConfigurations: [{ Events: ['s3:ObjectCreated:*'], TopicArn: { Ref: 'Topic' } }],
                QueueConfigurations: [{ Events: ['s3:ObjectRemoved:*'], QueueArn: { 'Fn::GetAtt': ['Queue', 'Arn'] } }],
                LambdaConfigurations: [{ Events: ['s3:ObjectCreated:Put'], LambdaFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] } }],
              },
              Managed: true,
            },
          },
          Other: { Type: 'Custom::S3BucketNotifications', Properties: { BucketName: 'not-in-this-template' } },
          Topic: { Type: 'AWS::SNS::Topic' },
          Queue: { Type: 'AWS::SQS::Queue' },
          Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Timeout: 5 } },
        },
      },
      null,
      1,
    );
    const result = imported(text, 'Stack.template.json');
    assert.deepEqual(flowsOf(result.text), [
      '  - images9BF4DCD5 -> Queue: { events: ["s3:ObjectRemoved:*"] }',
      '  - images9BF4DCD5 -> Topic: { events: ["s3:ObjectCreated:*"] }',
      '  - images9BF4DCD5 -> Fn: { events: ["s3:ObjectCreated:Put"] }',
    ]);
    // The one naming no bucket of this template is listed as not modelled; the other is folded into the bucket.
    assert.match(result.text, /^# Not modelled, left out: Custom::S3BucketNotifications ×1$/m);
    assertAccepted(result.text);
  });

  test('an API whose OpenAPI definition is in another file says its integrations are left out', () => {
    const result = imported(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Included:',
        '    Type: AWS::Serverless::HttpApi',
        "    Properties: { DefinitionBody: { 'Fn::Transform': { Name: AWS::Include, Parameters: { Location: api.yaml } } } }",
        '  FromS3:',
        '    Type: AWS::Serverless::Api',
        '    Properties: { StageName: prod, DefinitionUri: s3://bucket/api.yaml }',
        '  Rest:',
        '    Type: AWS::ApiGateway::RestApi',
        '    Properties: { Name: rest, BodyS3Location: { Bucket: b, Key: api.yaml } }',
        '  Inline:',
        '    Type: AWS::Serverless::HttpApi',
        '    Properties: { DefinitionBody: { openapi: 3.0.1 } }',
        '',
      ].join('\n'),
    );
    const notes = result.text.split('\n').filter((line) => line.includes('integrations left out'));
    assert.deepEqual(notes, [
      "  # integrations left out: its OpenAPI definition is included from 'api.yaml'",
      '  # integrations left out: its OpenAPI definition is in another file (DefinitionUri)',
      '  # integrations left out: its OpenAPI definition is in another file (BodyS3Location)',
    ]);
    assertAccepted(result.text);
  });

  test('a Firehose Lambda processor is named in a note (the format has no place for it)', () => {
    const result = imported(
      [
        'Resources:',
        '  Transform: { Type: AWS::Lambda::Function, Properties: { Runtime: nodejs22.x, Timeout: 60 } }',
        '  Bucket: { Type: AWS::S3::Bucket }',
        '  Delivery:',
        '    Type: AWS::KinesisFirehose::DeliveryStream',
        '    Properties:',
        '      ExtendedS3DestinationConfiguration:',
        '        BucketARN: !GetAtt Bucket.Arn',
        '        ProcessingConfiguration:',
        '          Enabled: true',
        '          Processors:',
        '            - Type: Lambda',
        '              Parameters: [{ ParameterName: LambdaArn, ParameterValue: !GetAtt Transform.Arn }]',
        '',
      ].join('\n'),
    );
    assert.match(
      result.text,
      /^ {2}# record transformation by 'Transform' left out: the format has no Firehose processor\n {2}Delivery:$/m,
    );
    assert.deepEqual(flowsOf(result.text), ['  - Delivery -> Bucket']);
    assertAccepted(result.text);
  });

  test('a negative size or time is left out with its reason, never written (the corpus found MemorySize: -1)', () => {
    const result = imported(
      [
        'Resources:',
        '  Fn: { Type: AWS::Lambda::Function, Properties: { MemorySize: -1, Timeout: -5, EphemeralStorage: { Size: -1 } } }',
        '  Q: { Type: AWS::SQS::Queue, Properties: { VisibilityTimeout: -1, MaximumMessageSize: -2, DelaySeconds: 0 } }',
        '',
      ].join('\n'),
    );
    for (const [key, templateKey, value] of [
      ['memory', 'MemorySize', '-1'],
      ['timeout', 'Timeout', '-5'],
      ['ephemeralStorage', 'EphemeralStorage.Size', '-1'],
      ['visibilityTimeout', 'VisibilityTimeout', '-1'],
      ['maxMessageSize', 'MaximumMessageSize', '-2'],
    ])
      assert.match(result.text, new RegExp(`^ {2}# ${key} left out: ${templateKey} ${value} is not a value awsflow reads$`, 'm'));
    assert.match(result.text, /^ {4}delay: 0s$/m);
    assertAccepted(result.text);
  });

  test('a stream mapping’s ParallelizationFactor and retry limits are its parallelization and retry, whether the stream comes before or after it; never on a queue’s', () => {
    const result = imported(
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  ClicksMapping:',
        '    Type: AWS::Lambda::EventSourceMapping',
        '    Properties:',
        '      EventSourceArn: !GetAtt Clicks.Arn',
        '      FunctionName: !Ref Counter',
        '      ParallelizationFactor: 4',
        '      MaximumRetryAttempts: 3',
        '      MaximumRecordAgeInSeconds: 3600',
        '      DestinationConfig: { OnFailure: { Destination: !GetAtt Failed.Arn } }',
        '  Clicks: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }',
        '  Failed: { Type: AWS::SQS::Queue }',
        '  Jobs: { Type: AWS::SQS::Queue }',
        '  JobsMapping:',
        '    Type: AWS::Lambda::EventSourceMapping',
        '    Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Counter, ParallelizationFactor: 2 }',
        '  Orders: { Type: AWS::DynamoDB::Table, Properties: { StreamSpecification: { StreamViewType: NEW_IMAGE } } }',
        '  Counter:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: index.handler',
        '      Events:',
        '        Changes:',
        '          Type: DynamoDB',
        '          Properties: { Stream: !GetAtt Orders.StreamArn, StartingPosition: LATEST, ParallelizationFactor: 2, MaximumRetryAttempts: -1, MaximumRecordAgeInSeconds: -1 }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(flowsOf(result.text), [
      '  - Clicks -> Counter: { parallelization: 4, retry: { attempts: 3, maxAge: 1h }, onFailure: Failed }',
      '  - Jobs -> Counter',
      '  - Orders -> Counter: { parallelization: 2, retry: { attempts: -1 } }',
    ]);
    assertAccepted(result.text);
  });
});
