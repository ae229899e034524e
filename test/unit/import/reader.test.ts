/**
 * TemplateReader (an editor's reader of a template's versions) against readTemplate: the
 * same template, every value and range, on examples, on edge cases it must leave to the
 * whole parse, and on thousands of texts mutated one edit after another with one reader
 * (so pieces are taken from the last read, moved, and parsed again in every order).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readTemplate, TemplateReader, type Template } from '../../../src/core/index';

const fixtures = join(__dirname, '../../../../test/fixtures/templates');

const HAND_WRITTEN = [
  '# Orders, by hand',
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Transform: AWS::Serverless-2016-10-31',
  'Description: >',
  '  Orders pipeline',
  '  with comments everywhere',
  '"Parameters":',
  '  Stage: { Type: String, Default: prod }',
  'Resources:',
  '  # the queue',
  '  Orders:',
  '    Type: AWS::SQS::Queue   # standard',
  '    Properties:',
  '      QueueName: !Sub "orders-${Stage}"',
  '      VisibilityTimeout: 60',
  '      RedrivePolicy: { deadLetterTargetArn: !GetAtt Dead.Arn, maxReceiveCount: 5 }',
  '',
  '# between resources, at the margin',
  '  Dead:',
  '    Type: AWS::SQS::Queue',
  "    Properties: { MessageRetentionPeriod: 1209600, QueueName: 'dead' }",
  '  Worker:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: nodejs22.x',
  '      InlineCode: |',
  '        exports.handler = async () => {',
  '          return 1;',
  '        };',
  '',
  '      Events:',
  '        Jobs:',
  '          Type: SQS',
  '          Properties: { Queue: !GetAtt Orders.Arn, BatchSize: 10 }',
  '      Policies:',
  '        - SQSSendMessagePolicy:',
  '            QueueName: !GetAtt Dead.QueueName',
  '  Topic:',
  '    Type: AWS::SNS::Topic',
  '    Properties:',
  '      Subscription:',
  '      - Protocol: sqs',
  '        Endpoint: !GetAtt Orders.Arn',
  'Outputs:',
  '  Queue: { Value: !Ref Orders }',
  '',
].join('\n');

const SEEDS = [
  HAND_WRITTEN,
  HAND_WRITTEN.replace(/\n/g, '\r\n'),
  readFileSync(join(fixtures, 'cfn-messaging.yaml'), 'utf8'),
  readFileSync(join(fixtures, 'sam-app.yaml'), 'utf8'),
  readFileSync(join(fixtures, 'check-orders.yaml'), 'utf8'),
];

function assertSame(reader: TemplateReader, text: string): Template {
  const read = reader.read(text);
  assert.deepStrictEqual(read, readTemplate(text), JSON.stringify(text));
  return read;
}

test('every example reads as readTemplate reads it, in pieces that the next read takes as they are', () => {
  for (const seed of SEEDS) {
    const reader = new TemplateReader();
    const first = assertSame(reader, seed);
    assert.ok(first.resources.length >= 3);
    const again = assertSame(reader, seed);
    // Read in pieces (not whole): an unchanged resource is the very object of the last read.
    for (let index = 0; index < first.resources.length; index++) assert.equal(again.resources[index]!.body, first.resources[index]!.body);
  }
});

test('an edit re-reads the resource it touches; resources after it move, and those before it stay as they were', () => {
  const reader = new TemplateReader();
  const before = assertSame(reader, HAND_WRITTEN);
  const edited = HAND_WRITTEN.replace('VisibilityTimeout: 60', 'VisibilityTimeout: 600');
  const after = assertSame(reader, edited);
  const ids = after.resources.map((resource) => resource.id);
  assert.deepEqual(ids, ['Orders', 'Dead', 'Worker', 'Topic']);
  assert.notEqual(after.resources[0]!.body, before.resources[0]!.body);
  const timeout = after.resources[0]!.properties!.entries.find((entry) => entry.key === 'VisibilityTimeout')!.value;
  assert.equal(edited.slice(timeout.range.start, timeout.range.end), '600');
  // Moved by one character: new objects with the new ranges, no longer the old ones.
  assert.notEqual(after.resources[1]!.body, before.resources[1]!.body);
  assert.equal(after.resources[1]!.idRange.start, before.resources[1]!.idRange.start + 1);
  // An edit after the last resource leaves every resource where it was: the same objects.
  const outputs = assertSame(reader, edited.replace('Value: !Ref Orders', 'Value: !GetAtt Orders.Arn'));
  for (let index = 0; index < after.resources.length; index++) assert.equal(outputs.resources[index]!.body, after.resources[index]!.body);
});

test('what the pieces cannot be sure of is read whole, and reads as readTemplate reads it', () => {
  const cases = [
    // JSON, flow style at the top, a document marker, a directive.
    '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}',
    'Resources: { Q: { Type: AWS::SQS::Queue } }\n',
    '---\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n',
    '%YAML 1.2\n---\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n',
    // An anchor in one resource, its alias in another.
    'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: &props { VisibilityTimeout: 60 }\n  B:\n    Type: AWS::SQS::Queue\n    Properties: *props\n',
    // A tab in the indentation, a line indented less than the resources, a list of resources.
    'Resources:\n  Q:\n\tType: AWS::SQS::Queue\n',
    'Resources:\n    Q:\n      Type: AWS::SQS::Queue\n  R:\n    Type: AWS::SNS::Topic\n',
    'Resources:\n  - Q: { Type: AWS::SQS::Queue }\n',
    // YAML errors in a piece: the whole parse's problems.
    'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: { VisibilityTimeout: 60\n  R:\n    Type: AWS::SNS::Topic\n',
    'Resources:\n  Q:\n    Type: "AWS::SQS::Queue\n',
    // Duplicate keys: sections, resources, properties.
    'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SNS::Topic\nResources:\n  R:\n    Type: AWS::SQS::Queue\n',
    'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Type: AWS::SNS::Topic\n',
    // Empty and odd sections; a macro alone in Resources (the long form of an intrinsic).
    'Resources:\nOutputs: {}\n',
    'Resources:\n  # nothing yet\n',
    'Resources:\n  Fn::Transform:\n    Name: AWS::Include\n',
    '# only a comment\n',
    '',
    '\uFEFFResources:\n  Q:\n    Type: AWS::SQS::Queue\n',
    '  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n',
  ];
  for (const text of cases) {
    assertSame(new TemplateReader(), text);
    // And after a version that was read in pieces.
    const reader = new TemplateReader();
    assertSame(reader, HAND_WRITTEN);
    assertSame(reader, text);
    assertSame(reader, HAND_WRITTEN);
  }
});

const fragment = fc.oneof(
  fc.constantFrom(
    '  Extra:\n    Type: AWS::SNS::Topic\n',
    '\n',
    '# note\n',
    '  ',
    '    ',
    'Outputs:\n',
    '!Ref ',
    '&a ',
    '*a',
    '|\n',
    '\t',
    '---\n',
    '"',
    'Resources:\n',
  ),
  fc.string({
    maxLength: 8,
    unit: fc.constantFrom('a', 'Q', ' ', ':', '-', '#', '\n', '"', "'", '[', ']', '{', '}', ',', '0', '!', '&', '*', '|', '>', '\r'),
  }),
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 12 }), insert: fragment });
/** What typing mostly is: words, numbers, spaces, a new line with its indentation, a deleted character or two. */
const typing = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 2 }),
  insert: fc.oneof(
    fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'Z', '7', '0', ' ', '-', '_', '.') }),
    fc.constantFrom('\n    ', '\n      Extra: 1', '\n  Added:\n    Type: AWS::SQS::Queue', ': ', '# ', ''),
  ),
});

/**
 * Edits each seed with one reader, checking every version against readTemplate. Counts
 * the versions without YAML errors (`valid`) and those of them read in pieces.
 */
function mutate(
  edits: fc.Arbitrary<{ at: number; length: number; insert: string }[]>,
  numRuns: number,
  seed: number,
  maxParsed = Infinity,
): { valid: number; inPieces: number } {
  let valid = 0;
  let inPieces = 0;
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS), edits, (template, list) => {
      const reader = new TemplateReader();
      assertSame(reader, template);
      let text = template;
      for (const e of list) {
        const start = Math.floor(e.at * text.length);
        text = text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
        const wasInPieces = !reader.lastRead.whole;
        const read = assertSame(reader, text);
        if (read.problems.some((problem) => problem.code === undefined)) continue;
        valid++;
        if (!reader.lastRead.whole) {
          inPieces++;
          // After a whole read every piece is new; after a read in pieces, only those the edit touched.
          if (wasInPieces) assert.ok(reader.lastRead.parsed <= maxParsed, JSON.stringify(reader.lastRead));
        }
      }
    }),
    // AWSFLOW_FUZZ_RUNS / AWSFLOW_FUZZ_SEED run it longer or elsewhere by hand.
    { numRuns: Number(process.env.AWSFLOW_FUZZ_RUNS ?? numRuns), seed: Number(process.env.AWSFLOW_FUZZ_SEED ?? seed) },
  );
  return { valid, inPieces };
}

test('texts mutated edit after edit, read by one reader: always what readTemplate reads', () => {
  const { valid, inPieces } = mutate(fc.array(edit, { minLength: 1, maxLength: 5 }), 300, 20261205);
  // Most of these texts are broken YAML, read whole (as they must be); many of the others are read in pieces.
  assert.ok(valid > 100 && inPieces > valid / 3, `read in pieces ${inPieces} of ${valid} texts without YAML errors`);
});

test('texts typed into, key after key, read by one reader: always what readTemplate reads, in pieces when YAML has no error', () => {
  // A typed edit touches one piece, or two when it deletes across their boundary (one more when it adds a resource).
  const { valid, inPieces } = mutate(fc.array(typing, { minLength: 1, maxLength: 8 }), 200, 20261206, 3);
  // Read whole: texts whose lines the cut cannot be sure of, a resource line that starts `-Name:` or a key
  // broken over two lines (`Audit\n    :`); once typed, they stay for the edits after.
  assert.ok(valid > 200 && inPieces > valid * 0.75, `read in pieces ${inPieces} of ${valid} texts without YAML errors`);
});
