/**
 * Property-based tests: random and mutated `.awsflow` texts, seeded from the examples.
 * The analysis never throws, every finding lies inside the text, the same text gives
 * the same answer twice, and an Analyzer that saw earlier versions (the incremental
 * path) answers exactly as a fresh one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, Analyzer, buildDiagram, type Analysis } from '../../src/core/index';

const dir = join(__dirname, '../../../examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.awsflow')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));

/** An edit: replace `length` characters at a relative position with a fragment. */
const fragment = fc.oneof(
  fc.constantFrom('', ' ', '\n', '  ', '    ', ':', ': ', '- ', '->', ', ', '{', '}', '[', ']', '"', "'", '#', '&a ', '*a', '|', '>', '\t', '\r\n', '\u0000', '🙂', 'é',
    'type: sqs', 'type: lambda', 'fifo: true', 'timeout: 20m', 'memory: 12GB', 'rate: 5000/s', 'x -> y', 'resources:', 'flows:', '  q:\n    type: sqs\n', '  - a -> b\n', 'awsflow: 1\n'),
  fc.string({ maxLength: 12 }),
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 20 }), insert: fragment });

function applyRandomEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
}

function summary(analysis: Analysis) {
  return analysis.findings.map((f) => `${f.ruleId} ${f.severity} ${f.start}-${f.end} ${f.message}`);
}

function checkInvariants(text: string, analysis: Analysis) {
  assert.deepEqual(analysis.internalErrors, []);
  for (const finding of analysis.findings) {
    assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, `${finding.ruleId} range ${finding.start}-${finding.end} inside 0-${text.length}`);
    for (const fix of [finding.fix, ...finding.suggestions]) {
      for (const e of fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${finding.ruleId} edit inside the text`);
    }
  }
  buildDiagram(analysis);
}

test('mutated examples: no throw, ranges inside the text, the same answer twice', () => {
  fc.assert(
    fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 6 }), (seed, edits) => {
      const text = edits.reduce(applyRandomEdit, seed);
      const first = analyze(text);
      checkInvariants(text, first);
      assert.deepEqual(summary(analyze(text)), summary(first));
    }),
    { numRuns: 300, seed: 20261126 },
  );
});

test('an analyzer that saw earlier versions answers as a fresh one (the incremental path)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, edits) => {
      const analyzer = new Analyzer();
      let text = seed;
      analyzer.analyze(text);
      for (const e of edits) {
        text = applyRandomEdit(text, e);
        const incremental = analyzer.analyze(text);
        checkInvariants(text, incremental);
        assert.deepEqual(summary(incremental), summary(analyze(text)));
      }
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('random text: no throw, ranges inside', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      checkInvariants(text, analyze(text));
    }),
    { numRuns: 300, seed: 42 },
  );
});
