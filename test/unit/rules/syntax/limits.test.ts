import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/syntax/limits';
import { analyze } from '../../../../src/core/index';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['resources:\n  a: { type: client }\n'],
  invalid: [
    {
      name: 'a NUL byte',
      code: 'resources:\n  a: { type: client }\n«\u0000»',
      errors: [{ messageId: 'limit', message: 'The file contains a NUL byte: it looks binary, not YAML text.' }],
      othersMustBeQuiet: false,
    },
  ],
});

test('syntax/limits: nesting deeper than 200 levels is refused, not overflowed', () => {
  const depth = 10_000;
  const text = 'awsflow: 1\nresources:\n  a: { type: client, label: ' + '['.repeat(depth) + ']'.repeat(depth) + ' }\n';
  const analysis = analyze(text);
  const limits = analysis.findings.filter((f) => f.ruleId === 'syntax/limits');
  assert.ok(limits.length >= 1);
  assert.match(limits[0]!.message, /nests (deeper than 200 levels|too deeply)/);
});

test('syntax/limits: an alias bomb is refused in bounded time', () => {
  const lines = ['awsflow: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  lines.push('resources:', '  r: { type: client }');
  const started = Date.now();
  const analysis = analyze(lines.join('\n') + '\n');
  assert.ok(Date.now() - started < 10_000);
  assert.ok(analysis.findings.some((f) => f.ruleId === 'syntax/limits' && /expands/.test(f.message)));
});

test('syntax/limits: a file over 4 M characters is refused at once', () => {
  const analysis = analyze('awsflow: 1\n#' + 'x'.repeat(4 * 1024 * 1024) + '\n');
  assert.deepEqual(
    analysis.findings.map((f) => f.ruleId),
    ['syntax/limits'],
  );
});

test('syntax/limits: a text its host read only in part (truncated) is refused, with the size when known', () => {
  const message = (bytes?: number) =>
    analyze('awsflow: 1\nresources:\n  a: { type: client }\n', { truncated: bytes === undefined ? {} : { bytes } }).findings.map(
      (f) => `${f.ruleId} ${f.start}-${f.end}: ${f.message}`,
    );
  assert.deepEqual(message(20 * 1024 * 1024), [
    'syntax/limits 0-0: The file has 20.0 MB; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.',
  ]);
  assert.deepEqual(message(), [
    'syntax/limits 0-0: The file is larger than 12 MB; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.',
  ]);
  // Without the option, the same text is checked as usual.
  assert.deepEqual(
    analyze('awsflow: 1\nresources:\n  a: { type: client }\n').findings.filter((f) => f.ruleId === 'syntax/limits'),
    [],
  );
});
