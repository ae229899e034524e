import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isTemplate, readTemplate } from '../../../src/core/index';
import { strip } from '../../helpers/markers';

function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

describe('template reader', () => {
  test('YAML short-form tags become intrinsics, each keeping the range of its argument', () => {
    const { text, ranges } = strip(
      [
        'Resources:',
        '  «Queue»:',
        '    Type: «AWS::SQS::Queue»',
        '    Properties:',
        '      QueueName: !Sub «"${AWS::StackName}-jobs"»',
        '      RedrivePolicy:',
        '        deadLetterTargetArn: !GetAtt «[Dlq, Arn]»',
        '      Tags: !If [IsProd, !Ref «Tags», !Ref AWS::NoValue]',
        '',
      ].join('\n'),
    );
    const template = readTemplate(text);
    assert.deepEqual(template.problems, []);
    assert.equal(template.format, 'yaml');
    const [queue] = template.resources;
    assert.equal(queue!.id, 'Queue');
    assert.deepEqual(queue!.idRange, ranges[0]);
    assert.equal(queue!.type, 'AWS::SQS::Queue');
    assert.deepEqual(queue!.typeRange, ranges[1]);
    const name = queue!.properties!.entries[0]!.value;
    assert.equal(name.kind, 'intrinsic');
    assert.equal(name.kind === 'intrinsic' && name.name, 'Sub');
    assert.deepEqual(name.range, ranges[2]);
    const getAtt = queue!.properties!.entries[1]!.value.kind === 'map' ? queue!.properties!.entries[1]!.value.entries[0]!.value : undefined;
    assert.equal(getAtt?.kind === 'intrinsic' && getAtt.name, 'GetAtt');
    assert.deepEqual(getAtt?.range, ranges[3]);
    const tags = queue!.properties!.entries[2]!.value;
    assert.equal(tags.kind === 'intrinsic' && tags.name, 'If');
    const ref = tags.kind === 'intrinsic' && tags.argument.kind === 'list' ? tags.argument.items[1] : undefined;
    assert.equal(ref?.kind === 'intrinsic' && ref.name, 'Ref');
    assert.equal(slice(text, ref!.range), 'Tags');
    assert.deepEqual(ref!.range, ranges[4]);
  });

  test('JSON is read with ranges too, and one-key maps Ref / Fn::* are the long form of intrinsics', () => {
    const { text, ranges } = strip(
      '{"Resources": {«"T"»: {"Type": «"AWS::SNS::Topic"», "Properties": {"KmsMasterKeyId": {"Fn::GetAtt": «["Key", "Arn"]»}, "TopicName": «{"Ref": "Name"}»}}}}',
    );
    const template = readTemplate(text);
    assert.equal(template.format, 'json');
    const [topic] = template.resources;
    assert.equal(topic!.id, 'T');
    assert.deepEqual(topic!.idRange, ranges[0]);
    assert.deepEqual(topic!.typeRange, ranges[1]);
    const key = topic!.properties!.entries[0]!.value;
    assert.equal(key.kind === 'intrinsic' && key.name, 'GetAtt');
    assert.deepEqual(key.kind === 'intrinsic' && key.argument.range, ranges[2]);
    const name = topic!.properties!.entries[1]!.value;
    assert.equal(name.kind === 'intrinsic' && name.name, 'Ref');
    assert.deepEqual(name.range, ranges[3]);
  });

  test('syntax errors are problems with their range; what was read is kept', () => {
    const template = readTemplate('Resources:\n  A:\n    Type: AWS::SQS::Queue\n  A:\n    Type: AWS::SNS::Topic\n');
    assert.equal(template.problems.length, 1);
    assert.match(template.problems[0]!.message, /unique/i);
    assert.equal(template.problems[0]!.code, 'DUPLICATE_KEY');
    assert.equal(template.resources.length, 1, 'the first A is read');
    assert.equal(template.resources[0]!.type, 'AWS::SQS::Queue');
    const broken = readTemplate('Resources: [1\n');
    assert.ok(broken.problems.length > 0);
    assert.ok(broken.problems.every((p) => p.start <= p.end));
  });

  test('detection: the format version, the SAM transform, or a resource of an AWS:: type', () => {
    assert.equal(isTemplate(readTemplate('AWSTemplateFormatVersion: "2010-09-09"\n')), true);
    assert.equal(isTemplate(readTemplate('Transform: [AWS::Serverless-2016-10-31]\n')), true);
    assert.equal(isTemplate(readTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n')), true);
    assert.equal(isTemplate(readTemplate('Resources:\n  Q:\n    Type: Custom::Thing\n')), false);
    assert.equal(isTemplate(readTemplate('awsflow: 1\nresources: {}\n')), false);
    assert.equal(isTemplate(readTemplate('name: x\n')), false);
    assert.equal(isTemplate(readTemplate('')), false);
    assert.equal(isTemplate(readTemplate('[1, 2]')), false);
  });

  test('an unknown tag is kept as an intrinsic of that name (the import says it cannot resolve it)', () => {
    const template = readTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: !Magic 5\n');
    const delay = template.resources[0]!.properties!.entries[0]!.value;
    assert.equal(delay.kind === 'intrinsic' && delay.name, 'Magic');
  });
});
