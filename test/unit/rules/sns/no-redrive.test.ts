import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/sns/no-redrive';
import { ruleTester } from '../../../helpers/rule-tester';
import { analyze } from '../../../../src/core/index';

const T = 'resources:\n  t: { type: sns, encryption: kms }\n  q: { type: sqs }\n  failed: { type: sqs }\n';

ruleTester(rule, {
  valid: [
    { name: 'a subscription with a dead-letter queue', code: `${T}flows:\n  - t -> q: { deadLetter: failed }` },
    {
      name: 'fan-out sharing one dead-letter queue',
      code: `${T}  f: { type: lambda, deadLetter: { target: failed } }\nflows:\n  - t -> q, f: { deadLetter: failed }`,
    },
    { name: 'a topic nothing subscribes to', code: 'resources:\n  t: { type: sns, encryption: kms }' },
    {
      name: 'publishing to a topic is not a subscription',
      code: 'resources:\n  app: { type: ecs, launchType: ec2 }\n  t: { type: sns, encryption: kms }\n  q: { type: sqs }\nflows:\n  - app -> t\n  - t -> q: { deadLetter: q-dlq }\n  - app -> q\n',
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
    {
      name: "an invalid connection is flows/invalid-connection's",
      code: 'resources:\n  t: { type: sns, encryption: kms }\n  s: { type: kinesis, encryption: kms }\nflows:\n  - t -> s',
      ruleSeverities: { 'flows/invalid-connection': 'off' },
    },
    {
      name: 'half-typed: deadLetter with no value yet',
      code: `${T}flows:\n  - t -> q:\n      deadLetter:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'SNS -> SQS without a dead-letter queue',
      code: `${T}flows:\n  - t -> «q»\n`,
      errors: [
        {
          messageId: 'noRedrive',
          severity: 'info',
          message:
            'The subscription t -> q has no deadLetter: a message SNS cannot deliver (after its delivery retries, or at once on a client-side error such as a deleted endpoint or a denied key) is discarded. Set deadLetter to an SQS queue.',
        },
      ],
    },
    {
      name: 'fan-out: one finding per subscription; the other entry has its own',
      code: `${T}  f: { type: lambda, deadLetter: { target: failed } }\n  h: { type: client }\nflows:\n  - t -> «q», «f»: { rawDelivery: false }\n  - t -> «h»\n`,
      errors: [
        { messageId: 'noRedrive', message: /t -> q has/ },
        { messageId: 'noRedrive', message: /t -> f has/ },
        { messageId: 'noRedrive', message: /t -> h has/ },
      ],
    },
  ],
});

test("a subscription's deadLetter: a reference, a dotted connection from the topic, a dead-letter queue", () => {
  const text = `awsflow: 1\n${T}  w: { type: lambda }\nflows:\n  - t -> q: { deadLetter: failed }\n  - q -> w\n`;
  const analysis = analyze(text);
  const { model } = analysis;
  assert.ok(model.deadLetterIds.has('failed'));
  const reference = model.references.find((r) => r.kind === 'subscriptionDeadLetter');
  assert.deepEqual(reference && { id: reference.id, text: text.slice(reference.start, reference.end) }, { id: 'failed', text: 'failed' });
  const dotted = model.connections.filter((c) => c.origin === 'deadLetter').map((c) => `${c.source.id} -> ${c.target.id}`);
  assert.deepEqual(dotted, ['t -> failed']);
  // The dead-letter queue needs no consumer, and the schema accepts the property.
  assert.deepEqual(
    analysis.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId),
    [],
  );
});

test("a subscription's deadLetter naming nothing is flows/unknown-resource's error", () => {
  const text = `awsflow: 1\n${T}flows:\n  - t -> q: { deadLetter: faild }\n`;
  const finding = analyze(text).findings.find((f) => f.ruleId === 'flows/unknown-resource');
  assert.equal(
    finding?.message,
    "The subscription's `deadLetter` names 'faild', which is not a resource in this file. Did you mean 'failed'?",
  );
  assert.equal(text.slice(finding.start, finding.end), 'faild');
});
