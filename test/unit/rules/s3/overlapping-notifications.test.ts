import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/s3/overlapping-notifications';
import { analyze } from '../../../../src/core/index';
import { ruleTester } from '../../../helpers/rule-tester';

const R = 'resources:\n  uploads: { type: s3 }\n  a: { type: lambda }\n  b: { type: lambda }\n  c: { type: lambda }\n';

ruleTester(rule, {
  valid: [
    {
      name: "AWS's example: prefixes images/ and logs/ for the same event type",
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:Put], filter: { prefix: images/ } }\n  - uploads -> b: { events: [s3:ObjectCreated:Put], filter: { prefix: logs/ } }`,
    },
    {
      name: "AWS's example: suffixes .jpg and .png share a last letter, but no key ends with both",
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:Put], filter: { suffix: .jpg } }\n  - uploads -> b: { events: [s3:ObjectCreated:Put], filter: { suffix: .png } }`,
    },
    {
      name: "AWS's example: one prefix, suffixes that do not overlap",
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:Put], filter: { prefix: images, suffix: .jpg } }\n  - uploads -> b: { events: [s3:ObjectCreated:Put], filter: { prefix: images, suffix: .png } }`,
    },
    {
      name: 'the same filter for event types that do not overlap',
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*], filter: { prefix: image/ } }\n  - uploads -> b: { events: [s3:ObjectRemoved:*], filter: { prefix: image/ } }\n  - uploads -> c: { events: [s3:ObjectCreated:Post] , filter: { prefix: raw/ } }`,
    },
    {
      name: 'two specific types of one family do not overlap',
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:Put] }\n  - uploads -> b: { events: [s3:ObjectCreated:Post, s3:ObjectCreated:Copy] }`,
    },
    {
      name: 'prefixes that differ in their last character: images vs imagex',
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*], filter: { prefix: images } }\n  - uploads -> b: { events: [s3:ObjectCreated:*], filter: { prefix: imagex } }`,
    },
    {
      name: 'EventBridge takes every event without a filter: it overlaps nothing',
      code: 'resources:\n  uploads: { type: s3 }\n  a: { type: lambda }\n  bus: { type: eventbridge, name: default }\nflows:\n  - uploads -> a: { events: [s3:ObjectCreated:*] }\n  - uploads -> bus',
    },
    {
      name: 'two buckets with the same notification',
      code: 'resources:\n  uploads: { type: s3 }\n  archive: { type: s3 }\n  a: { type: lambda }\nflows:\n  - uploads, archive -> a: { events: [s3:ObjectCreated:*] }',
    },
    {
      name: 'without events nothing is compared (the format has no default)',
      code: `${R}flows:\n  - uploads -> a, b\n  - uploads -> c: { events: [s3:ObjectCreated:*] }`,
    },
    {
      name: 'half-typed: events with no value yet, a filter with no value yet',
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*] }\n  - uploads -> b:\n      events:\n  - uploads -> c:\n      events: [s3:ObjectCreated:*]\n      filter:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: "AWS's example: no filter (every key) and prefix images, both s3:ObjectCreated:*",
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*] }\n  - uploads -> «b»: { events: [s3:ObjectCreated:*], filter: { prefix: images } }\n`,
      errors: [
        {
          messageId: 'overlap',
          severity: 'error',
          message:
            "S3 bucket 'uploads' notifies 'b' and 'a' of the same objects: both take s3:ObjectCreated:* events for keys beginning 'images'. S3 rejects a notification configuration whose notifications overlap in event type and in key prefix and suffix. Give them prefixes or suffixes no key can have both of, or send one notification to an SNS topic (or EventBridge) that fans out to both.",
        },
      ],
    },
    {
      name: "AWS's example: suffixes jpg and pg, s3:ObjectCreated:* covering s3:ObjectCreated:Put",
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*], filter: { suffix: jpg } }\n  - uploads -> «b»: { events: [s3:ObjectCreated:Put], filter: { suffix: pg } }\n`,
      errors: [{ messageId: 'overlap', message: /both take s3:ObjectCreated:Put events for keys ending 'jpg'\./ }],
    },
    {
      name: "AWS's example: prefix and suffix against the same suffix alone",
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*], filter: { prefix: images, suffix: jpg } }\n  - uploads -> «b»: { events: [s3:ObjectCreated:Put], filter: { suffix: jpg } }\n`,
      errors: [{ messageId: 'overlap', message: /for keys beginning 'images' and ending 'jpg'\./ }],
    },
    {
      name: 'a nested prefix overlaps (images/ and images/2024/)',
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*], filter: { prefix: images/2024/ } }\n  - uploads -> «b»: { events: [s3:ObjectCreated:*], filter: { prefix: images/ } }\n`,
      errors: [{ messageId: 'overlap', message: /notifies 'b' and 'a' .* for keys beginning 'images\/2024\/'\./ }],
    },
    {
      name: 'a fan-out is two notifications with the same filter: on the second target',
      code: `${R}flows:\n  - uploads -> a, «b»:\n      events: [s3:ObjectCreated:*]\n      filter: { suffix: .csv }\n`,
      errors: [
        {
          messageId: 'overlap',
          message: /notifies 'b' and 'a' of the same objects: both take s3:ObjectCreated:\* events for keys ending '\.csv'/,
        },
      ],
    },
    {
      name: 'only one event type of a list overlaps; a queue and a topic count as well as functions',
      code: 'resources:\n  uploads: { type: s3 }\n  q: { type: sqs }\n  t: { type: sns, encryption: { kms: alias/t } }\n  f: { type: lambda }\nflows:\n  - uploads -> q: { events: [s3:ObjectRemoved:Delete, s3:ObjectCreated:Copy] }\n  - uploads -> «t»: { events: [s3:ObjectRestore:*, s3:ObjectCreated:*] }\n  - t -> f\n',
      errors: [{ messageId: 'overlap', message: /notifies 't' and 'q' .* both take s3:ObjectCreated:Copy events for every key\./ }],
    },
    {
      name: 'the same destination twice still overlaps',
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*] }\n  - uploads -> «a»: { events: [s3:ObjectCreated:*], filter: { suffix: .png } }\n`,
      errors: [{ messageId: 'overlap', message: /notifies 'a' and 'a'/ }],
    },
    {
      name: 'three: the second and the third each reported once, naming the first they overlap',
      code: `${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*], filter: { prefix: in/ } }\n  - uploads -> «b»: { events: [s3:ObjectCreated:*], filter: { prefix: in/ } }\n  - uploads -> «c»: { events: [s3:ObjectCreated:*] }\n`,
      errors: [
        { messageId: 'overlap', message: /notifies 'b' and 'a'/ },
        { messageId: 'overlap', message: /notifies 'c' and 'a'/ },
      ],
    },
  ],
});

test('every earlier overlapping notification is related information, on its target', () => {
  const text = `awsflow: 1\n${R}flows:\n  - uploads -> a: { events: [s3:ObjectCreated:*], filter: { prefix: in/ } }\n  - uploads -> b: { events: [s3:ObjectRemoved:*] }\n  - uploads -> c: { events: [s3:ObjectCreated:Put] }\n`;
  const findings = analyze(text).findings.filter((f) => f.ruleId === rule.id);
  assert.equal(findings.length, 1);
  const c = text.indexOf('-> c') + 3;
  assert.deepEqual([findings[0]!.start, findings[0]!.end], [c, c + 1]);
  const a = text.indexOf('-> a') + 3;
  assert.deepEqual(
    findings[0]!.related.map((r) => [r.start, r.end, r.message]),
    [[a, a + 1, "the overlapping notification of 'uploads' to 'a'"]],
  );
});
