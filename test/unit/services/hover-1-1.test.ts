/** Hover for format 1.1: the new types and properties with their AWS limits, and the rule, Pipe and task connections. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { hover } from '../../../src/core/services/hover';
import { cursor, strip } from '../../helpers/markers';

/** Hover at `‸`; asserts its range is the `«…»` one and returns the markdown. */
function hoverAt(marked: string): string {
  const { text: withCursor, ranges } = strip(marked);
  const { text, offset } = cursor(withCursor);
  const shift = (n: number) => (n > offset ? n - 1 : n);
  const result = hover(analyze(text), offset);
  assert.ok(result, 'expected a hover');
  assert.ok(ranges[0], 'fixture needs a «range»');
  assert.deepEqual({ start: result.start, end: result.end }, { start: shift(ranges[0].start), end: shift(ranges[0].end) });
  return result.markdown;
}

const EB_API = 'https://docs.aws.amazon.com/eventbridge/latest/APIReference';
const SFN = 'https://docs.aws.amazon.com/step-functions/latest/dg';
const SCHEDULER_API = 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_FlexibleTimeWindow.html';

describe('format 1.1 types: what they are and their AWS limits', () => {
  test('eventbridge: targets per rule, PutEvents entries and size, retry bounds, each linked to its source', () => {
    const markdown = hoverAt('awsflow: 1\nresources:\n  bus: { type: «event‸bridge» }\n');
    assert.match(markdown, /^\*\*`eventbridge`\*\* — EventBridge bus/);
    assert.ok(markdown.includes(`- targets per rule: [5 targets per rule](${EB_API}/API_PutTargets.html)`));
    assert.ok(markdown.includes(`- entries per PutEvents call: [10 entries per PutEvents call](${EB_API}/API_PutEvents.html)`));
    assert.ok(markdown.includes('- event size (one PutEvents entry): [1 MB per PutEvents entry]('));
    assert.ok(markdown.includes(`- retry attempts of a target: [185](${EB_API}/API_RetryPolicy.html)`));
    assert.ok(markdown.includes(`- oldest event a target retries: [24 hours](${EB_API}/API_RetryPolicy.html)`));
  });

  test('stepfunctions: the longest execution of each workflow type and the payload', () => {
    const markdown = hoverAt('awsflow: 1\nresources:\n  flow: { type: «step‸functions» }\n');
    assert.ok(markdown.includes(`- a standard execution runs at most: [1 year](${SFN}/limits.html)`));
    assert.ok(markdown.includes(`- an express execution runs at most: [5 minutes](${SFN}/express-limits.html)`));
    assert.ok(markdown.includes(`- input or output of a state: [256 KiB (262,144 bytes) of input or output](${SFN}/limits.html)`));
  });

  test("schedule: Scheduler's flexible window", () => {
    const markdown = hoverAt('awsflow: 1\nresources:\n  tick: { type: «sched‸ule», expression: rate(1 hour) }\n');
    assert.ok(markdown.includes(`- flexible window (Scheduler): [1,440 minutes (24 hours)](${SCHEDULER_API})`));
  });
});

describe('format 1.1 properties', () => {
  test("a state machine's timeout: the maximum of its own workflow type", () => {
    const express = hoverAt('awsflow: 1\nresources:\n  flow: { type: stepfunctions, workflow: express, «time‸out»: 10m }\n');
    assert.ok(express.includes(`Step Functions allows at most [300 s (5 min)](${SFN}/express-limits.html) for an express workflow`));
    const standard = hoverAt('awsflow: 1\nresources:\n  flow: { type: stepfunctions, «time‸out»: 10m }\n');
    assert.ok(standard.includes(`Step Functions allows at most [31,536,000 s`));
    assert.ok(standard.includes(`](${SFN}/limits.html) for a standard workflow`));
    // The value: 10 minutes in the seconds AWS counts.
    const value = hoverAt('awsflow: 1\nresources:\n  flow: { type: stepfunctions, workflow: express, timeout: «1‸0m» }\n');
    assert.match(value, /`10m` = 600 s/);
  });

  test("a schedule's flexibleWindow: off by default, 1 minute to 24 hours when on", () => {
    const markdown = hoverAt('awsflow: 1\nresources:\n  tick: { type: schedule, expression: rate(1 hour), «flexible‸Window»: 15m }\n');
    assert.ok(
      markdown.includes(
        `AWS default: 0 s · EventBridge Scheduler allows [60 s (1 min)](${SCHEDULER_API}) – [86,400 s (1 d)](${SCHEDULER_API}) when on (0 is off)`,
      ),
    );
  });

  test("a rule target's retry: attempts and maxAge, nested in the entry's map, with EventBridge's bounds and defaults", () => {
    const flows = (inner: string) =>
      `awsflow: 1\nresources:\n  bus: { type: eventbridge }\n  fn: { type: lambda }\nflows:\n  - bus -> fn: { retry: { ${inner} } }\n`;
    const attempts = hoverAt(flows('«att‸empts»: 3, maxAge: 1h'));
    assert.match(attempts, /^\*\*`retry\.attempts`\*\* — connection property/);
    assert.ok(
      attempts.includes(
        `AWS default: 185 · EventBridge allows [0](${EB_API}/API_RetryPolicy.html) – [185](${EB_API}/API_RetryPolicy.html)`,
      ),
    );
    const maxAge = hoverAt(flows('attempts: 3, «max‸Age»: 1h'));
    assert.ok(maxAge.includes('AWS default: 86,400 s (1 d) · EventBridge allows [60 s (1 min)]('));
    // The description's own default and range are not said twice.
    assert.ok(!maxAge.includes('AWS default 24 h'));
    const value = hoverAt(flows('attempts: 3, maxAge: «1‸h»'));
    assert.match(value, /`1h` = 3,600 s/);
  });
});

describe('format 1.1 connections on a resource', () => {
  test("a rule target's, a schedule's and a Pipe's onFailure: the events it could not deliver, not a mapping's records", () => {
    const text = `awsflow: 1
resources:
  bus: { type: eventbridge }
  tick: { type: schedule, expression: rate(1 hour) }
  jobs: { type: sqs }
  dlq: { type: sqs }
  flow: { type: stepfunctions }
  fn: { type: lambda }
flows:
  - bus -> fn: { onFailure: dlq }
  - tick -> fn: { onFailure: dlq }
  - jobs -> flow: { via: pipe, onFailure: dlq }
`;
    const bus = hoverAt(text.replace('  bus: {', '  «b‸us»: {'));
    assert.ok(bus.includes('- **Sends to** `fn` — EventBridge rule target'));
    assert.ok(bus.includes('- **Dead letters to** `dlq`: events the rule target `bus -> fn` could not deliver'));
    const dlq = hoverAt(text.replace('  dlq: {', '  «d‸lq»: {'));
    assert.ok(dlq.includes('- **Dead letters from** the rule target `bus -> fn`: events it could not deliver'));
    assert.ok(dlq.includes('- **Dead letters from** the schedule target `tick -> fn`: events it could not deliver'));
    assert.ok(dlq.includes('- **Dead letters from** the Pipe `jobs -> flow`: events it could not deliver'));
    const flow = hoverAt(text.replace('  flow: {', '  «fl‸ow»: {'));
    assert.ok(flow.includes('- **Receives from** `jobs` — EventBridge Pipe'));
    // A Kinesis mapping's on-failure destination keeps its own words.
    const stream = hoverAt(
      'awsflow: 1\nresources:\n  s: { type: kinesis }\n  fn: { type: lambda }\n  «d‸lq»: { type: sqs }\nflows:\n  - s -> fn: { onFailure: dlq }\n',
    );
    assert.ok(stream.includes('- **Dead letters from** the event source mapping `s -> fn`: records it gave up on'));
  });
});
