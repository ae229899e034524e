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

/**
 * The two examples of format 1.1 (issue 16) show what they are about: the order system
 * EventBridge rules with a pattern and a name and a Step Functions workflow with its tasks;
 * the claims system a Pipe from a queue to a workflow with an enrichment. Both are clean,
 * infos included.
 */
test('the format 1.1 examples: what each shows, and no finding at all', () => {
  const kindsOf = (file: string) => {
    const analysis = analyze(readFileSync(join(dir, file), 'utf8'), AS_OF);
    assert.deepEqual(
      analysis.findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      file,
    );
    return analysis.model.connections.filter((c) => c.origin === 'flow');
  };
  const orders = kindsOf('event-driven-orders.awsflow');
  const rules = orders.filter((c) => c.from?.type === 'eventbridge');
  assert.ok(rules.some((c) => c.props.has('pattern') && c.props.has('rule') && c.to?.type === 'stepfunctions'));
  assert.ok(
    orders.some((c) => c.to?.type === 'eventbridge'),
    'a producer puts events on the bus',
  );
  assert.ok(orders.filter((c) => c.from?.type === 'stepfunctions').length >= 2, "the workflow's tasks");
  const claims = kindsOf('pipe-to-workflow.awsflow');
  const pipe = claims.find((c) => c.props.get('via')?.value === 'pipe');
  assert.equal(pipe?.from?.type, 'sqs');
  assert.equal(pipe?.to?.type, 'stepfunctions');
  assert.equal(pipe?.props.get('enrich')?.value, 'lookup-customer');
  assert.equal(
    claims.find((c) => c.source.id === 'lookup-customer' || c.target.id === 'lookup-customer'),
    undefined,
  );
});
