import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/latency/budget';
import { analyze } from '../../../../src/core/index';
import { ruleTester, withHeader } from '../../../helpers/rule-tester';
import { strip } from '../../../helpers/markers';

// A Kinesis stream read by Lambda: polled once a second (0.5 s on average, 1 s at most), then the
// batch window (4 s: no rate, so it runs out), then the function (0.5 s duration, 5 s timeout):
// p50 0.5 + 4 + 0.5 = 5 s, worst case 1 + 4 + 5 = 10 s, both exact in binary.
function stream(budget: string): string {
  return `resources:\n  clicks: { type: kinesis, encryption: kms }\n  fn: { type: lambda, duration: 500ms, timeout: 5s }\n  failed: { type: sqs }\nflows:\n  - clicks -> fn: { batchWindow: 4s, onFailure: failed, maxLatency: ${budget} }`;
}

ruleTester(rule, {
  valid: [
    {
      name: 'no maxLatency: nothing to check, however slow',
      code: 'resources:\n  q: { type: sqs, delay: 15m, visibilityTimeout: 2h }\n  fn: { type: lambda, timeout: 15m }\nflows:\n  - q -> fn: { batchSize: 100, batchWindow: 5m }',
    },
    {
      name: 'a synchronous call within the budget, p50 and worst case',
      code: 'resources:\n  api: { type: api-gateway }\n  fn: { type: lambda, duration: 1s }\nflows:\n  - api -> fn: { maxLatency: 5s }',
    },
    { name: 'worst case exactly the budget (10 s): not over', code: stream('10s') },
    { name: 'the budget in bare seconds', code: stream('11') },
    {
      name: 'a chain with an unknown id is not estimated',
      code: 'resources:\n  api: { type: api-gateway }\nflows:\n  - api -> nowhere: { maxLatency: 1ms }',
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
    {
      name: 'a maxLatency that is not a duration is the schema’s finding',
      code: 'resources:\n  api: { type: api-gateway }\n  fn: { type: lambda }\nflows:\n  - api -> fn: { maxLatency: soon }',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'the budget covers its own chain only: the slow hop after it is another entry',
      code: 'resources:\n  api: { type: api-gateway }\n  q: { type: sqs }\n  fn: { type: lambda }\nflows:\n  - api -> q: { maxLatency: 1s }\n  - q -> fn: { batchSize: 100, batchWindow: 1m }',
    },
  ],
  invalid: [
    {
      name: 'p50 exactly the budget (5 s), worst case over: info',
      code: stream('«5s»'),
      errors: [
        {
          messageId: 'overWorst',
          severity: 'info',
          message:
            'Estimated latency of clicks -> fn: p50 5 s, within the budget maxLatency 5 s, but up to 10 s in the worst case. Costliest: clicks -> fn 10 s.',
        },
      ],
    },
    {
      name: 'worst case just over (9 s): info',
      code: stream('«9s»'),
      errors: [{ messageId: 'overWorst', severity: 'info', message: /but up to 10 s in the worst case/ }],
    },
    {
      name: 'p50 over (4 s): warning',
      code: stream('«4s»'),
      errors: [
        {
          messageId: 'overTypical',
          severity: 'warning',
          message:
            'Estimated latency of clicks -> fn: p50 5 s, worst case 10 s; over the budget maxLatency 4 s even in the typical case. Costliest: clicks -> fn 5 s.',
        },
      ],
    },
    {
      name: 'a delivery delay and redeliveries up to maxReceiveCount: the worst case counts them',
      code: 'resources:\n  q:\n    type: sqs\n    delay: 2s\n    visibilityTimeout: 1m\n    deadLetter: { target: dlq, maxReceiveCount: 3 }\n  dlq: { type: sqs }\n  fn: { type: lambda, timeout: 3s }\nflows:\n  - q -> fn: { maxLatency: «3s» }',
      errors: [
        {
          messageId: 'overWorst',
          message:
            'Estimated latency of q -> fn: p50 2.02 s, within the budget maxLatency 3 s, but up to 2 min 5.2 s in the worst case. Costliest: q -> fn 2 min 5.2 s.',
        },
      ],
    },
    {
      name: 'a batch window with no rate runs out: p50 over',
      code: 'resources:\n  q: { type: sqs }\n  fn: { type: lambda }\nflows:\n  - q -> fn: { batchSize: 50, batchWindow: 10s, maxLatency: «2s» }',
      errors: [
        { messageId: 'overTypical', severity: 'warning', message: /^Estimated latency of q -> fn: p50 10\.02 s, worst case 13\.2 s;/ },
      ],
    },
    {
      name: 'the same window with a rate that fills the batch in 0.5 s: only the worst case is over',
      code: 'resources:\n  q: { type: sqs }\n  fn: { type: lambda }\nflows:\n  - q -> fn: { rate: 100/s, batchSize: 50, batchWindow: 10s, maxLatency: «2s» }',
      errors: [
        {
          messageId: 'overWorst',
          severity: 'info',
          message: /^Estimated latency of q -> fn: p50 520 ms, within the budget maxLatency 2 s, but up to 13\.2 s/,
        },
      ],
    },
    {
      name: 'fan-out in the chain: the slowest path is reported, once',
      code: 'resources:\n  api: { type: api-gateway }\n  fast: { type: lambda, duration: 100ms }\n  slow: { type: lambda, duration: 4s, timeout: 10s }\nflows:\n  - api -> fast, slow: { maxLatency: «2s» }',
      errors: [
        {
          messageId: 'overTypical',
          message:
            'Estimated latency of api -> slow: p50 4.02 s, worst case 10.2 s; over the budget maxLatency 2 s even in the typical case. Costliest: api -> slow 4.02 s.',
        },
      ],
    },
    {
      name: 'a long chain names the three costliest hops, costliest first',
      code: 'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  put: { type: lambda, duration: 1s }\n  q: { type: sqs, delay: 30s }\n  work: { type: lambda, duration: 2s, timeout: 10s }\n  topic: { type: sns, encryption: kms }\n  tell: { type: lambda, duration: 200ms }\nflows:\n  - web -> api -> put -> q -> work -> topic -> tell: { maxLatency: «20s» }',
      errors: [
        {
          messageId: 'overTypical',
          message:
            /^Estimated latency of web -> api -> put -> q -> work -> topic -> tell: p50 33\.\d+ s, .* Costliest: q -> work 32\.02 s, api -> put 1\.02 s, topic -> tell 350 ms\.$/,
        },
      ],
    },
    {
      name: 'a chain that comes back to a resource is walked as written, and ends',
      code: 'resources:\n  f: { type: lambda, deadLetter: { target: dlq } }\n  g: { type: lambda, deadLetter: { target: dlq } }\n  dlq: { type: sqs }\nflows:\n  - f -> g -> f: { maxLatency: «1s» }',
      errors: [
        {
          messageId: 'overWorst',
          message: /^Estimated latency of f -> g -> f: p50 140 ms, within the budget maxLatency 1 s, but up to 6 min 20\.4 s/,
        },
      ],
    },
    {
      name: 'S3 notifications take up to a minute by AWS’s own words',
      code: "resources:\n  uploads: { type: s3 }\n  fn: { type: lambda, duration: 1s, deadLetter: { target: dlq } }\n  dlq: { type: sqs }\nflows:\n  - uploads -> fn: { events: ['s3:ObjectCreated:*'], maxLatency: «30s» }",
      errors: [
        { messageId: 'overWorst', message: /p50 2\.05 s, within the budget maxLatency 30 s, but up to 4 min 10 s in the worst case/ },
      ],
    },
    {
      name: "a rule's written retries count in the worst case",
      code: 'resources:\n  bus: { type: eventbridge }\n  q: { type: sqs }\n  dlq: { type: sqs }\nflows:\n  - bus -> q: { retry: { attempts: 4 }, onFailure: dlq, maxLatency: «10s» }',
      errors: [{ messageId: 'overWorst', message: /p50 100 ms, within the budget maxLatency 10 s, but up to 16 s in the worst case/ }],
    },
    {
      name: 'a severity set in the file applies to both levels',
      code: 'rules:\n  latency/budget: error\nresources:\n  api: { type: api-gateway }\n  fn: { type: lambda, duration: 3s, timeout: 10s }\nflows:\n  - api -> fn: { maxLatency: «1s» }',
      errors: [{ messageId: 'overTypical', severity: 'error' }],
      allowOtherErrors: true,
    },
  ],
});

test('the finding names the costliest hops in related information, on their ids in the flow', () => {
  const { text } = strip(
    withHeader(
      'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  put: { type: lambda, duration: 1s }\n  q: { type: sqs, delay: 30s }\n  work: { type: lambda, duration: 2s, timeout: 10s }\nflows:\n  - web -> api -> put -> q -> work: { maxLatency: 5s }',
    ),
  );
  const finding = analyze(text).findings.find((f) => f.ruleId === 'latency/budget');
  assert.ok(finding);
  assert.equal(text.slice(finding.start, finding.end), '5s');
  assert.deepEqual(
    finding.related.map((r) => [text.slice(r.start, r.end), r.message]),
    [
      ['work', "q -> work: p50 32.02 s, worst case 40.2 s — delivery delay 30 s (q's delay); work runs 2 s (duration 2 s, timeout 10 s)"],
      [
        'put',
        "api -> put: p50 1.02 s, worst case 3.2 s — put runs 1 s (duration 1 s, Lambda's default timeout 3 s); synchronous call 20 ms (assumption: about 20 ms for one API call within a Region; assumption: up to 200 ms for one API call, SDK retries aside)",
      ],
      // Two hops tie at 20 ms: the first on the path is named.
      [
        'api',
        'web -> api: p50 20 ms, worst case 200 ms — synchronous call 20 ms (assumption: about 20 ms for one API call within a Region; assumption: up to 200 ms for one API call, SDK retries aside)',
      ],
    ],
  );
  // The diagram marks the edges of the slowest path.
  assert.equal(finding.connections?.length, 4);
});
