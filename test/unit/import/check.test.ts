import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer, checkTemplate, TemplateReader, type Finding } from '../../../src/core/index';
import { MAX_TEMPLATE_LENGTH } from '../../../src/core/import/index';
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

  test('a finding on a flow with properties sits on what states the flow, not on its first property; one on a property, on that value', () => {
    const { text, ranges } = strip(`AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
      StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis }
  «ClicksMapping»:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Clicks.Arn
      FunctionName: !Ref Tally
      BatchSize: 100
      StartingPosition: LATEST
  Tally:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
  Counter:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Events:
        «Stream»:
          Type: Kinesis
          Properties:
            Stream: !GetAtt Clicks.Arn
            StartingPosition: LATEST
            BatchSize: «20000»
`);
    const findings = checked(text).filter((f) => f.ruleId === 'esm/on-failure' || f.ruleId === 'esm/batch-window');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.start, f.end]),
      [
        ['esm/on-failure', ranges[0]!.start, ranges[0]!.end],
        ['esm/on-failure', ranges[1]!.start, ranges[1]!.end],
        ['esm/batch-window', ranges[2]!.start, ranges[2]!.end],
      ],
      placed(text, findings).join('\n'),
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

describe('checkTemplate: what the CLI needs', () => {
  test('fixesDropped counts the findings whose fix was dropped, after suppression', () => {
    const text = `Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
  Audit:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30 # awsflow-ignore sqs/visibility-timeout -- finishes in 20 s
  Worker:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.13, Timeout: 60 }
  Auditor:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.13, Timeout: 60 }
  OrdersMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Orders.Arn, FunctionName: !Ref Worker }
  AuditMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Audit.Arn, FunctionName: !Ref Auditor }
`;
    const result = checkTemplate(text, { today: TODAY });
    assert.equal(result.kind, 'checked');
    if (result.kind !== 'checked') return;
    assert.ok(result.imported.analysis.findings.filter((f) => f.ruleId === 'sqs/visibility-timeout' && f.fix).length === 2);
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'sqs/visibility-timeout').map((f) => text.slice(f.start, f.end)),
      ['30'],
    );
    assert.equal(result.fixesDropped, 1);
    const clean = checkTemplate(text.replaceAll('VisibilityTimeout: 30', 'VisibilityTimeout: 360'), { today: TODAY });
    assert.equal(clean.kind === 'checked' && clean.fixesDropped, 0);
  });

  test('looksLikeTemplate tells a broken template from a broken file of another kind', () => {
    const cases: [string, boolean][] = [
      ['AWSTemplateFormatVersion: "2010-09-09"\nResources: [\n', true],
      ['Transform: AWS::Serverless-2016-10-31\nResources:\n  F: {\n', true],
      ['Resources:\n  Q:\n    Type: AWS::SQS::Queue\n   Properties: [\n', true],
      ['{ "Resources": { "Q": { "Type": "AWS::SNS::Topic" ,, } } }', true],
      ['name: settings\nitems: [1, 2\n', false],
      ['{ "name": "package", "version": 1,, }', false],
    ];
    for (const [text, expected] of cases) {
      const result = checkTemplate(text, { today: TODAY });
      assert.equal(result.kind, 'syntax-errors', text);
      assert.equal(result.kind === 'syntax-errors' && result.looksLikeTemplate, expected, text);
    }
  });

  test('a template longer than MAX_TEMPLATE_LENGTH is refused unread, with one syntax/limits finding; one at the limit is read', () => {
    const body = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q: { Type: AWS::SQS::Queue }\n';
    // A comment pads the text to the length wanted: the parser passes over it quickly.
    const padded = (length: number) => body + '#' + 'x'.repeat(length - body.length - 2) + '\n';
    const atLimit = checkTemplate(padded(MAX_TEMPLATE_LENGTH), { today: TODAY });
    assert.equal(atLimit.kind, 'checked');
    const over = checkTemplate(padded(MAX_TEMPLATE_LENGTH + 1), { today: TODAY });
    assert.deepEqual(over, {
      kind: 'syntax-errors',
      looksLikeTemplate: true,
      findings: [
        {
          start: 0,
          end: 0,
          ruleId: 'syntax/limits',
          severity: 'error',
          message:
            'The template has 2.0 M characters; awsflow imports templates up to 2 M characters (CloudFormation itself takes templates of 1 MB at most). Split it into several stacks.',
          messageId: 'limit',
          suggestions: [],
          related: [],
        },
      ],
    });
    const json = `{ "Resources": { "Q": { "Type": "AWS::SQS::Queue" } }, "Description": "${'x'.repeat(MAX_TEMPLATE_LENGTH)}" }`;
    const refused = checkTemplate(json, { today: TODAY });
    assert.equal(refused.kind === 'syntax-errors' && refused.findings.map((f) => f.ruleId).join(), 'syntax/limits');
  });

  test('a repeated key is read as the first and reported as a syntax/yaml error on the repeat; the rest is still checked', () => {
    const { text, ranges } = strip(`Resources:
  «Jobs»:
    Type: AWS::SQS::Queue
Outputs:
  Name:
    Description: the queue
    «Description»: its name
    Value: !GetAtt Jobs.QueueName
`);
    const result = checkTemplate(text, { today: TODAY });
    assert.equal(result.kind, 'checked');
    assert.deepEqual(placed(text, result.kind === 'checked' ? result.findings : []), [
      `sqs/no-consumer «Jobs» ${ranges[0]!.start}`,
      `syntax/yaml «Description» ${ranges[1]!.start}`,
    ]);
  });
});

describe('checkTemplate in an editor: one reader and one analyzer for every version', () => {
  test('edit after edit, the findings are those a fresh check gives, and the generated text names no template lines', () => {
    const template = readFileSync(join(__dirname, '../../../../test/fixtures/templates/cfn-messaging.yaml'), 'utf8');
    const at = (text: string, needle: string): number => {
      const index = text.indexOf(needle);
      assert.ok(index >= 0, needle);
      return index;
    };
    const edits: ((text: string) => string)[] = [
      (t) => t.replace('VisibilityTimeout: !Ref VisibilitySeconds', 'VisibilityTimeout: 5'),
      // A new line before the resources: every resource moves, none changes.
      (t) => t.replace('Resources:\n', 'Resources:\n\n'),
      (t) => t.replace('ShardCount: 2', 'ShardCount: 20000'),
      (t) => t.slice(0, at(t, '  OrdersDlq:')) + '  # the dead letters\n' + t.slice(at(t, '  OrdersDlq:')),
      (t) => t.replace('Timeout: 20', 'Timeout: 1200'),
      // A broken line, then mended.
      (t) => t.replace('MemorySize: 1024', 'MemorySize: [1024'),
      (t) => t.replace('MemorySize: [1024', 'MemorySize: 1024'),
      // A resource taken away (the dead-letter queue others name), then put back.
      (t) => t.slice(0, at(t, '  OrdersDlq:')) + t.slice(at(t, '  OrdersTopic:')),
      () => template,
    ];
    const analyzer = new Analyzer();
    const reader = new TemplateReader();
    let text = template;
    const options = { name: 'template.yaml', today: TODAY };
    let inPieces = 0;
    for (const edit of [(t: string) => t, ...edits]) {
      text = edit(text);
      const editor = checkTemplate(text, options, analyzer, reader);
      const fresh = checkTemplate(text, options);
      if (!reader.lastRead.whole) inPieces++;
      assert.equal(editor.kind, fresh.kind);
      if (editor.kind === 'checked' && fresh.kind === 'checked') {
        assert.deepEqual(placed(text, editor.findings), placed(text, fresh.findings));
        assert.equal(editor.imported.text, fresh.imported.text);
        assert.doesNotMatch(editor.imported.text, /template\.yaml:\d/);
      } else assert.deepEqual(editor, fresh);
    }
    // Every version but the broken one (read whole, for the parser's own errors).
    assert.equal(inPieces, edits.length + 1 - 1);
  });
});
