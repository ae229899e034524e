/**
 * Fix-all applies only what is safe to apply blind; renames and overrides of values AWS
 * accepts are left, and said to be left. `insertProperty` puts a pair where it belongs.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, fixAll, fixesNeedingDecision, safelyFixable } from '../../src/core/index';
import { defineRule } from '../../src/core/rules/define-rule';
import { Edits } from '../../src/core/edit/edits';
import type { YMap } from '../../src/core/parse/ast';

describe('fix-all', () => {
  const rule = defineRule({
    id: 'test/two-fixes',
    defaultSeverity: 'warning',
    summary: 'one safe fix, one that needs a decision',
    fixable: true,
    hasSuggestions: true,
    messages: { found: 'found', safe: 'safe', decide: 'decide', suggest: 'suggest' },
    check(context) {
      context.report({ at: { start: 0, end: 7 }, messageId: 'found', fix: { messageId: 'safe', build: (e) => e.insertAt(0, '# safe\n') } });
      context.report({
        at: { start: 8, end: 9 },
        messageId: 'found',
        fix: { messageId: 'decide', build: (e) => e.replace({ start: 9, end: 10 }, '2'), safeForFixAll: false },
        suggest: [{ messageId: 'suggest', build: (e) => e.replace({ start: 9, end: 10 }, '3') }],
      });
    },
  });
  const text = 'awsflow: 1\n';
  const analysis = analyze(text, { rules: [rule] });

  test('a fix is safe unless the rule says it needs a decision; a suggestion never is', () => {
    assert.deepEqual(
      analysis.findings.map((f) => [f.fix?.title, f.fix?.safeForFixAll, f.suggestions.map((s) => s.safeForFixAll)]),
      [
        ['safe', true, []],
        ['decide', false, [false]],
      ],
    );
  });

  test('fixAll takes only the safe fix; the other is left for a decision', () => {
    assert.equal(applyEdits(text, fixAll(analysis)), '# safe\nawsflow: 1\n');
    assert.deepEqual(
      safelyFixable(analysis).map((f) => f.fix!.title),
      ['safe'],
    );
    assert.deepEqual(
      fixesNeedingDecision(analysis).map((f) => f.fix!.title),
      ['decide'],
    );
  });

  test('the real rules: a rename and an override of `encryption: none` are left, the clamp is applied', () => {
    const file =
      'awsflow: 1\nresources:\n  jobs:\n    type: sqs\n    fifo: true\n    encryption: none\n  f: { type: lambda, timeout: 20m }\nflows:\n  - jobs -> f\n';
    const real = analyze(file);
    assert.deepEqual(
      fixesNeedingDecision(real).map((f) => `${f.ruleId}: ${f.fix!.title}`),
      [
        "sqs/fifo-name: Rename to 'jobs.fifo' and every reference (replaces the queue at deploy)",
        'encryption/at-rest: Encrypt with SSE-SQS (overrides `encryption: none`)',
      ],
    );
    const fixed = applyEdits(file, fixAll(real));
    assert.match(fixed, /^ {2}jobs:$/m);
    assert.match(fixed, /encryption: none/);
    assert.match(fixed, /timeout: 15m/);
  });
});

describe('insertProperty placement', () => {
  const mapOf = (text: string, id: string): YMap => {
    const map = analyze(text).model.byId.get(id)?.node;
    assert.ok(map);
    return map;
  };
  const insert = (text: string, id: string, after?: string) => {
    const edits = new Edits(text);
    return applyEdits(text, [edits.insertProperty(mapOf(text, id), 'fifo', 'true', after === undefined ? {} : { after })]);
  };

  test('block style: after the named pair, below its comment line', () => {
    const text = 'resources:\n  q:\n    type: sqs   # work\n    retention: 4d\n';
    assert.equal(insert(text, 'q', 'type'), 'resources:\n  q:\n    type: sqs   # work\n    fifo: true\n    retention: 4d\n');
  });

  test('flow style: after the named pair', () => {
    assert.equal(
      insert('resources:\n  q: { type: sqs, retention: 4d }\n', 'q', 'type'),
      'resources:\n  q: { type: sqs, fifo: true, retention: 4d }\n',
    );
  });

  test('without the named pair, or without a placement: last, as before', () => {
    const text = 'resources:\n  q:\n    label: Q\n    retention: 4d\n';
    const last = 'resources:\n  q:\n    label: Q\n    retention: 4d\n    fifo: true\n';
    assert.equal(insert(text, 'q', 'type'), last);
    assert.equal(insert(text, 'q'), last);
  });

  test('CRLF text keeps its line endings', () => {
    const text = 'resources:\r\n  q:\r\n    type: sqs\r\n    retention: 4d\r\n';
    assert.equal(insert(text, 'q', 'type'), 'resources:\r\n  q:\r\n    type: sqs\r\n    fifo: true\r\n    retention: 4d\r\n');
  });
});
