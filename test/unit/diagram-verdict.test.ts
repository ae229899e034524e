import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, breaksTheDiagram, diagramVerdict, rules } from '../../src/core/index';

/** The verdict, with its range as the text it covers. */
function verdictOf(text: string, options: Parameters<typeof analyze>[1] = {}) {
  const verdict = diagramVerdict(analyze(text, options));
  return verdict.kind === 'broken' ? { ...verdict, at: text.slice(verdict.start, verdict.end) } : verdict;
}

describe('diagram verdict: can the file be drawn, or is it momentarily broken', () => {
  test('YAML that does not parse is broken, with the first problem, where it is, and how many more', () => {
    const text = 'awsflow: 1\nresources:\n  jobs: { type: sqs\n  worker: { type: lambda }\n';
    const verdict = verdictOf(text);
    assert.equal(verdict.kind, 'broken');
    if (verdict.kind !== 'broken') return;
    assert.equal(verdict.ruleId, 'syntax/yaml');
    assert.match(verdict.reason, /^YAML syntax error: /);
    assert.doesNotMatch(verdict.reason, /\s{2}|\n/, 'one line');
    const findings = analyze(text).findings.filter((f) => f.ruleId === 'syntax/yaml');
    assert.equal(verdict.more, findings.length - 1);
    assert.equal(verdict.start, findings[0]!.start);
  });

  test('a duplicate key is broken (YAML keeps one value): reason and range on the second key', () => {
    const verdict = verdictOf('awsflow: 1\nresources:\n  jobs: { type: sqs }\n  jobs: { type: sns }\n');
    assert.deepEqual(verdict, {
      kind: 'broken',
      ruleId: 'syntax/yaml',
      more: 0,
      start: 46,
      end: 50,
      at: 'jobs',
      reason: "Duplicate key 'jobs': YAML keeps one value per key. The first 'jobs' is on line 3.",
    });
  });

  test('the first by position, and how many more', () => {
    const verdict = verdictOf(
      'awsflow: 1\nresources:\n  a: { type: sqs }\n  a: { type: sqs }\n  b: { type: sqs }\n  b: { type: sqs }\n  b: { type: sqs }\n',
    );
    assert.equal(
      verdict.kind === 'broken' && [verdict.start, verdict.at, verdict.more, verdict.reason].join('|'),
      "43|a|2|Duplicate key 'a': YAML keeps one value per key. The first 'a' is on line 3.",
    );
  });

  test('over the limits (a NUL byte: binary) is broken, by syntax/limits', () => {
    const verdict = verdictOf('awsflow: 1\nresources:\u0000\n');
    assert.equal(verdict.kind === 'broken' && verdict.ruleId, 'syntax/limits');
    assert.equal(verdict.kind === 'broken' && verdict.at, '\u0000');
  });

  test("drawable: no findings, other rules' errors, a schema error at the top level, an unknown flow resource, an empty file", () => {
    for (const text of [
      'awsflow: 1\nresources:\n  jobs: { type: sqs }\n',
      'awsflow: 1\nresources:\n  worker: { type: lambda, timeout: 20m }\n',
      'awsflow: 1\nsurprise: true\nresources:\n  jobs: { type: sqs }\n',
      'awsflow: 1\nresources:\n  jobs: { type: sqs }\nflows:\n  - jobs -> nowhere\n',
      '',
      'awsflow: 1\n',
    ]) {
      const analysis = analyze(text);
      assert.deepEqual(diagramVerdict(analysis), { kind: 'drawable' }, JSON.stringify(text));
    }
    // Those really have findings: the verdict is not "drawable" for want of them.
    assert.ok(
      analyze('awsflow: 1\nsurprise: true\nresources:\n  jobs: { type: sqs }\n').findings.some(
        (f) => f.ruleId === 'schema/invalid' && f.severity === 'error',
      ),
    );
    assert.ok(
      analyze('awsflow: 1\nresources:\n  jobs: { type: sqs }\nflows:\n  - jobs -> nowhere\n').findings.some(
        (f) => f.ruleId === 'flows/unknown-resource',
      ),
    );
  });

  test('as in the Problems panel: a syntax rule turned off does not count, one turned to a warning still does', () => {
    const text = 'awsflow: 1\nresources:\n  jobs: { type: sqs }\n  jobs: { type: sns }\n';
    assert.deepEqual(verdictOf(text, { ruleSeverities: { 'syntax/yaml': 'off' } }), { kind: 'drawable' });
    assert.equal(verdictOf(text, { ruleSeverities: { 'syntax/yaml': 'warning' } }).kind, 'broken');
  });

  test('the rules that break a diagram are the syntax rules, and they exist', () => {
    const breaking = rules
      .filter((rule) => breaksTheDiagram(rule.id))
      .map((rule) => rule.id)
      .sort();
    assert.deepEqual(breaking, ['syntax/limits', 'syntax/yaml']);
    assert.equal(breaksTheDiagram('schema/invalid'), false);
  });
});
