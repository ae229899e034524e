import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/suppression/unused';
import { analyze } from '../../../../src/core/index';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['resources:\n  f:\n    type: lambda\n    # awsflow-ignore lambda/timeout-limit -- the line above counts too\n    timeout: 20m\n'],
  invalid: [
    {
      name: 'nothing to silence',
      code: 'resources:\n  f:\n    type: lambda\n    timeout: 10m # awsflow-ignore «lambda/timeout-limit» -- fine already\n',
      errors: [
        {
          messageId: 'unused',
          severity: 'warning',
          message: "'lambda/timeout-limit' reports nothing on this line or the next: the ignore comment can go.",
        },
      ],
    },
    {
      name: 'an unknown rule id',
      code: 'resources:\n  f:\n    type: lambda\n    timeout: 20m # awsflow-ignore lambda/timeout-limit, «no/such» -- typo\n',
      errors: [{ messageId: 'unknownRule' }],
    },
  ],
});

test('suppression silences only the rules it names, on its line or the next', () => {
  const text =
    'awsflow: 1\nresources:\n  f:\n    type: lambda\n    timeout: 20m # awsflow-ignore lambda/timeout-limit -- accepted\n  g:\n    type: lambda\n    timeout: 20m\n';
  const findings = analyze(text).findings.filter((f) => f.ruleId === 'lambda/timeout-limit');
  assert.equal(findings.length, 1);
  assert.equal(text.slice(0, findings[0]!.start).split('\n').length, 8);
});

test("severities: rule default < editor settings < the file's rules: section", () => {
  const text = 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n';
  const severity = (t: string, settings?: Record<string, 'error' | 'warning' | 'info' | 'off'>) =>
    analyze(t, settings ? { ruleSeverities: settings } : {})
      .findings.filter((f) => f.ruleId === 'lambda/timeout-limit')
      .map((f) => f.severity);
  assert.deepEqual(severity(text), ['error']);
  assert.deepEqual(severity(text, { 'lambda/timeout-limit': 'info' }), ['info']);
  assert.deepEqual(severity(text, { 'lambda/timeout-limit': 'off' }), []);
  const withRules = text.replace('resources:', 'rules:\n  lambda/timeout-limit: warning\nresources:');
  assert.deepEqual(severity(withRules, { 'lambda/timeout-limit': 'off' }), ['warning']);
});
