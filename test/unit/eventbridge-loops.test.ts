/**
 * A rule on a bus that delivers back to the bus (issue 16's "loop"): no rule of its own.
 * `bus -> bus` is flows/invalid-connection's `self` (a warning: AWS can make the
 * connection), and a longer way back to the bus (through another bus, a function, a
 * state machine) is graph/cycle's. These tests hold that division.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';

const R =
  'awsflow: 1\nresources:\n  bus: { type: eventbridge }\n  other: { type: eventbridge }\n  f: { type: lambda }\n  dlq: { type: sqs }\n  g: { type: lambda }\n';

function loops(text: string): string[] {
  return analyze(text)
    .findings.filter((f) => f.ruleId === 'flows/invalid-connection' || f.ruleId === 'graph/cycle')
    .map((f) => `${f.ruleId} ${f.severity} '${text.slice(f.start, f.end)}'@${f.start}: ${f.message}`);
}

test('a rule on a bus targeting the same bus: flows/invalid-connection reports the loop, as a warning, on the target', () => {
  const text = `${R}flows:\n  - bus -> bus: { pattern: { source: [shop] }, onFailure: dlq }\n  - dlq -> g\n`;
  const at = text.indexOf('-> bus') + 3;
  assert.deepEqual(loops(text), [
    `flows/invalid-connection warning 'bus'@${at}: 'bus' is connected to itself: whatever it sends comes straight back to it, a loop that never ends. Name the resource it really sends to.`,
  ]);
});

test('a bus delivering back through another bus, and through a function: graph/cycle', () => {
  const viaBus = `${R}flows:\n  - bus -> other\n  - other -> bus\n`;
  assert.deepEqual(
    loops(viaBus).map((line) => line.replace(/@\d+/, '')),
    [
      "graph/cycle warning 'bus': Flows form a cycle: bus -> other -> bus. A message can go round it forever unless something ends the loop.",
    ],
  );
  const viaFunction = `${R}flows:\n  - bus -> f\n  - f -> bus\n`;
  assert.deepEqual(
    loops(viaFunction).map((line) => line.replace(/@\d+/, '')),
    ["graph/cycle warning 'bus': Flows form a cycle: bus -> f -> bus. A message can go round it forever unless something ends the loop."],
  );
});

test('a bus to a function that puts events on another bus: no loop', () => {
  assert.deepEqual(loops(`${R}flows:\n  - bus -> f\n  - f -> other\n  - other -> g\n`), []);
});
