/**
 * The S3 notification and DynamoDB stream rules on a CloudFormation template: the import turns
 * the bucket's NotificationConfiguration and the event source mappings into flows, and each
 * finding comes back onto the template's own lines: a notification's on its `Event`, a mapping's on
 * its logical id.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplate } from '../../../src/core/index';
import { strip } from '../../helpers/markers';

const RULES = ['s3/fifo-notification', 's3/overlapping-notifications', 'dynamodb/stream-consumers'];

test('S3 notifications to a FIFO queue and overlapping ones, a fourth reader of a stream: on the template', () => {
  const { text, ranges } = strip(`AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt Thumbnail.Arn
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: images/
          - Event: «s3:ObjectCreated:Put»
            Function: !GetAtt Index.Arn
        QueueConfigurations:
          - Event: «s3:ObjectRemoved:*»
            Queue: !GetAtt Removed.Arn
  Removed:
    Type: AWS::SQS::Queue
    Properties:
      FifoQueue: true
      QueueName: removed.fifo
  Thumbnail:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
  Index:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      StreamSpecification: { StreamViewType: NEW_IMAGE }
  ToThumbnail:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Orders.StreamArn, FunctionName: !Ref Thumbnail, StartingPosition: LATEST }
  ToIndex:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Orders.StreamArn, FunctionName: !Ref Index, StartingPosition: LATEST }
  «ToRemoved»:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Orders.StreamArn, FunctionName: !Ref Cleanup, StartingPosition: LATEST }
  Cleanup:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
`);
  const result = checkTemplate(text, { name: 'template.yaml', today: '2026-12-04' });
  assert.equal(result.kind, 'checked');
  const findings = result.kind === 'checked' ? result.findings.filter((f) => RULES.includes(f.ruleId)) : [];
  const placed = findings.map((f) => `${f.ruleId} «${text.slice(f.start, f.end)}»`);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.start, f.end]),
    [
      ['s3/overlapping-notifications', ranges[0]!.start, ranges[0]!.end],
      ['s3/fifo-notification', ranges[1]!.start, ranges[1]!.end],
      ['dynamodb/stream-consumers', ranges[2]!.start, ranges[2]!.end],
    ],
    placed.join('\n'),
  );
});
