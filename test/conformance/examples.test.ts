/** The shipped examples: mistakes.awsflow gives what its comments name; the others are clean. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, rules } from '../../src/core/index';

const dir = join(__dirname, '../../../examples');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.awsflow'))
  .sort();
const known = new Set(rules.map((r) => r.id));
/**
 * The day the examples were last reviewed: lambda/runtime's findings follow the calendar
 * (a runtime's deprecation date), and a test must not start failing on a date. Move it
 * forward when the examples are brought up to date.
 */
const AS_OF = { today: '2026-12-04' } as const;

test('mistakes.awsflow gives at least the finding each `expect:` comment names', () => {
  const text = readFileSync(join(dir, 'mistakes.awsflow'), 'utf8');
  const analysis = analyze(text, AS_OF);
  const lineOf = (offset: number) => analysis.lineIndex.positionAt(offset).line;
  const expectations = text.split('\n').flatMap((line, index) => {
    const match = /#\s*expect:\s*([a-z0-9-]+\/[a-z0-9-]+)/.exec(line);
    return match ? [{ line: index, ruleId: match[1]! }] : [];
  });
  assert.ok(expectations.length >= 15);
  const missing: string[] = [];
  for (const { line, ruleId } of expectations) {
    // Capacity rules (declared rates) arrive with the capacity work.
    if (!known.has(ruleId)) continue;
    // A comment names the line of the value, or of the key just above; a cross-resource
    // finding may sit at the other end and point here with related information.
    const found = analysis.findings.some(
      (f) => f.ruleId === ruleId && ([line, line - 1].includes(lineOf(f.start)) || f.related.some((r) => lineOf(r.start) === line)),
    );
    if (!found) missing.push(`line ${line + 1}: ${ruleId}`);
  }
  assert.deepEqual(missing, []);
});

for (const file of files.filter((f) => f !== 'mistakes.awsflow')) {
  test(`${file} gives no error or warning`, () => {
    const analysis = analyze(readFileSync(join(dir, file), 'utf8'), AS_OF);
    assert.deepEqual(
      analysis.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
    assert.deepEqual(analysis.internalErrors, []);
  });
}
