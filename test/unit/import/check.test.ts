import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplate, type Finding } from '../../../src/core/index';
import { strip } from '../../helpers/markers';

const TODAY = '2026-12-04';

function checked(text: string): readonly Finding[] {
  const result = checkTemplate(text, { name: 'template.yaml', today: TODAY });
  assert.equal(result.kind, 'checked');
  return result.kind === 'checked' ? result.findings : [];
}

/** `ruleId «text»` for each finding, in order, to compare with the marked fixture. */
function placed(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} «${text.slice(f.start, f.end)}» ${f.start}`);
}

describe('checkTemplate: findings on the template’s own lines', () => {
  test('a value’s finding sits on the template value; a missing value’s on the logical id; a flow’s on what states it', () => {
    const { text, ranges } = strip(`AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  «Orders»:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: «30»
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: «nodejs20.x»
      Handler: index.handler
      Timeout: 60
      Events:
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt Orders.Arn
            BatchSize: 10
`);
    const findings = checked(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.start, f.end]),
      [
        ['sqs/no-dlq', ranges[0]!.start, ranges[0]!.end],
        ['sqs/visibility-timeout', ranges[1]!.start, ranges[1]!.end],
        ['lambda/runtime', ranges[2]!.start, ranges[2]!.end],
      ],
      placed(text, findings).join('\n'),
    );
    assert.ok(
      findings.every((f) => f.fix === undefined && f.suggestions.length === 0),
      'fixes edit the generated text: dropped',
    );
  });

  test('JSON templates: the same findings on the JSON values', () => {
    const { text, ranges } = strip(`{
  "Resources": {
    "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "VisibilityTimeout": «20», "RedrivePolicy": { "deadLetterTargetArn": { "Fn::GetAtt": ["Dead", "Arn"] }, "maxReceiveCount": 5 } } },
    "Dead": { "Type": "AWS::SQS::Queue" },
    "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "python3.13", "Handler": "a.b", "Timeout": 120, "Role": "arn:aws:iam::1:role/x", "Code": { "ZipFile": "x" } } },
    "Mapping": { "Type": "AWS::Lambda::EventSourceMapping", "Properties": { "EventSourceArn": { "Fn::GetAtt": ["Jobs", "Arn"] }, "FunctionName": { "Ref": "Fn" } } }
  }
}`);
    const findings = checked(text).filter((f) => f.ruleId === 'sqs/visibility-timeout');
    assert.deepEqual(
      findings.map((f) => [f.start, f.end]),
      ranges.map((r) => [r.start, r.end]),
    );
  });

  test('# awsflow-ignore in the template suppresses, and an unused one is reported on the template', () => {
    const text = `Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30 # awsflow-ignore sqs/visibility-timeout -- the worker finishes in 20 s
      DelaySeconds: 0 # awsflow-ignore sqs/fifo-name -- nothing to ignore here
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Timeout: 60
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Orders.Arn
      FunctionName: !Ref Worker
`;
    const findings = checked(text);
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`),
      ['sqs/no-dlq Orders', 'suppression/unused sqs/fifo-name'],
    );
  });

  test('YAML errors are syntax findings on the template; a file that is not a template says so', () => {
    const broken = checkTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n   Properties: [\n', { today: TODAY });
    assert.equal(broken.kind, 'syntax-errors');
    assert.ok(broken.kind === 'syntax-errors' && broken.findings.length > 0 && broken.findings.every((f) => f.ruleId === 'syntax/yaml'));
    assert.deepEqual(checkTemplate('name: not a template\nitems: [1, 2]\n', { today: TODAY }), { kind: 'not-a-template' });
  });
});
