import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, rules } from '../../src/core/index';
import { defineRule } from '../../src/core/rules/define-rule';

test('a rule that throws is reported as an internal error; every other rule still reports', () => {
  const broken = defineRule({
    id: 'test/broken',
    defaultSeverity: 'error',
    summary: 'always throws',
    fixable: false,
    hasSuggestions: false,
    messages: { never: 'never' },
    check() {
      throw new Error('boom');
    },
  });
  const text = 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n';
  const analysis = analyze(text, { rules: [broken, ...rules] });
  assert.deepEqual(
    analysis.internalErrors.map((e) => [e.ruleId, e.message.split('\n')[0]]),
    [['test/broken', 'boom']],
  );
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    ['lambda/timeout-limit'],
  );
});

test('a fix whose builder throws is dropped; its finding stays', () => {
  const rule = defineRule({
    id: 'test/bad-fix',
    defaultSeverity: 'warning',
    summary: 'a fix that throws',
    fixable: true,
    hasSuggestions: false,
    messages: { found: 'found', fix: 'fix' },
    check(context) {
      context.report({
        at: { start: 0, end: 7 },
        messageId: 'found',
        fix: {
          messageId: 'fix',
          build: () => {
            throw new Error('no');
          },
        },
      });
    },
  });
  const analysis = analyze('awsflow: 1\nresources: {}\n', { rules: [rule] });
  assert.equal(analysis.findings.length, 1);
  assert.equal(analysis.findings[0]!.fix, undefined);
});
