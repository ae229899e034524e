import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/lambda/runtime';
import { ruleTester } from '../../../helpers/rule-tester';
import { analyze } from '../../../../src/core/index';
import { daysBetween, isIsoDate } from '../../../../src/core/clock';

const TODAY = '2026-12-04';

ruleTester(rule, {
  valid: [
    { name: 'a current runtime far from deprecation', code: 'resources:\n  f: { type: lambda, runtime: nodejs24.x }', today: TODAY },
    {
      name: 'python3.13 and java21',
      code: 'resources:\n  f: { type: lambda, runtime: python3.13 }\n  g: { type: lambda, runtime: java21 }',
      today: TODAY,
    },
    {
      name: 'Java 8, 11 and 17 on Amazon Linux 2023 are known runtimes',
      code: 'resources:\n  f: { type: lambda, runtime: java8.al2023 }\n  g: { type: lambda, runtime: java11.al2023 }\n  h: { type: lambda, runtime: java17.al2023 }',
      today: TODAY,
    },
    { name: 'no runtime (a container image)', code: 'resources:\n  f: { type: lambda }', today: TODAY },
    {
      name: '181 days before deprecation: outside the notice window',
      code: 'resources:\n  f: { type: lambda, runtime: nodejs22.x }',
      today: '2026-10-31',
    },
    {
      name: 'half-typed: runtime with no value yet',
      code: 'resources:\n  f:\n    type: lambda\n    runtime:\n',
      today: TODAY,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: a number',
      code: 'resources:\n  f: { type: lambda, runtime: 3.12 }',
      today: TODAY,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'creation blocked: error, with the newest runtime of the family as a suggestion',
      code: 'resources:\n  f:\n    type: lambda\n    runtime: «nodejs12.x»   # legacy\n',
      today: TODAY,
      errors: [
        {
          messageId: 'blocked',
          severity: 'error',
          message:
            'Runtime nodejs12.x was deprecated on 2023-03-31, and since 2023-03-31 Lambda rejects creating a function with it, and since 2023-04-30 updating one. Move to nodejs24.x.',
          suggestions: ['resources:\n  f:\n    type: lambda\n    runtime: nodejs24.x   # legacy\n'],
        },
      ],
    },
    {
      name: 'deprecated, creation not yet blocked: warning',
      code: 'resources:\n  f: { type: lambda, runtime: «python3.9» }\n',
      today: TODAY,
      errors: [
        {
          messageId: 'deprecated',
          severity: 'warning',
          message:
            'Runtime python3.9 has been deprecated since 2025-12-15: Lambda no longer patches it and AWS no longer supports functions that use it; from 2027-02-01 Lambda rejects creating a function with it. Move to python3.14.',
          suggestions: ['resources:\n  f: { type: lambda, runtime: python3.14 }\n'],
        },
      ],
    },
    {
      name: 'the day before creation is blocked: still a warning',
      code: 'resources:\n  f: { type: lambda, runtime: «python3.9» }\n',
      today: '2027-01-31',
      errors: [{ messageId: 'deprecated', severity: 'warning' }],
    },
    {
      name: 'the day creation is blocked: error; updates blocked later',
      code: 'resources:\n  f: { type: lambda, runtime: «python3.9» }\n',
      today: '2027-02-01',
      errors: [
        {
          messageId: 'blocked',
          severity: 'error',
          message:
            'Runtime python3.9 was deprecated on 2025-12-15, and since 2027-02-01 Lambda rejects creating a function with it; from 2027-03-03 it also rejects updating one. Move to python3.14.',
        },
      ],
    },
    {
      name: 'deprecated with no block date known: warning whatever the date',
      code: 'resources:\n  f: { type: lambda, runtime: «nodejs20.x» }\n',
      today: '2030-01-01',
      errors: [
        {
          messageId: 'deprecated',
          severity: 'warning',
          message:
            'Runtime nodejs20.x has been deprecated since 2026-04-30: Lambda no longer patches it and AWS no longer supports functions that use it. Move to nodejs24.x.',
        },
      ],
    },
    {
      name: 'the deprecation day itself: warning',
      code: 'resources:\n  f: { type: lambda, runtime: «nodejs22.x» }\n',
      today: '2027-04-30',
      errors: [{ messageId: 'deprecated', severity: 'warning' }],
    },
    {
      name: 'the day before deprecation: info',
      code: 'resources:\n  f: { type: lambda, runtime: «nodejs22.x» }\n',
      today: '2027-04-29',
      errors: [
        {
          messageId: 'deprecatedSoon',
          severity: 'info',
          message: 'Runtime nodejs22.x is deprecated on 2027-04-30, in 1 day: from then Lambda no longer patches it.',
          suggestions: ['resources:\n  f: { type: lambda, runtime: nodejs24.x }\n'],
        },
      ],
    },
    {
      name: '180 days before deprecation: inside the notice window',
      code: 'resources:\n  f: { type: lambda, runtime: «nodejs22.x» }\n',
      today: '2026-11-01',
      errors: [{ messageId: 'deprecatedSoon', severity: 'info', message: /in 180 days/ }],
    },
    {
      name: 'the newest of its family: no suggestion',
      code: 'resources:\n  f: { type: lambda, runtime: «nodejs24.x» }\n',
      today: '2028-01-01',
      errors: [{ messageId: 'deprecatedSoon', severity: 'info', suggestions: [] }],
    },
    {
      name: 'quoted: the suggestion keeps the quotes',
      code: 'resources:\n  f: { type: lambda, runtime: «"go1.x"» }\n',
      today: TODAY,
      errors: [
        {
          messageId: 'blocked',
          message: /Move to provided\.al2023\.$/,
          suggestions: ['resources:\n  f: { type: lambda, runtime: "provided.al2023" }\n'],
        },
      ],
    },
    {
      name: 'from defaults: once, on the defaults node',
      code: 'defaults:\n  lambda: { runtime: «java8» }\nresources:\n  f: { type: lambda }\n  g: { type: lambda }\n',
      today: TODAY,
      errors: [{ messageId: 'blocked', message: /Move to java25\.$/ }],
    },
    {
      name: 'an unknown runtime: info, with did-you-mean',
      code: 'resources:\n  f: { type: lambda, runtime: «pyhton3.13» }\n',
      today: TODAY,
      errors: [
        {
          messageId: 'unknown',
          severity: 'info',
          message:
            "awsflow does not know the Lambda runtime 'pyhton3.13', so its deprecation dates are not checked. Did you mean 'python3.13'?",
          suggestions: ['resources:\n  f: { type: lambda, runtime: python3.13 }\n'],
        },
      ],
    },
    {
      name: 'an unknown runtime far from any: info, no suggestion',
      code: 'resources:\n  f: { type: lambda, runtime: «cobol85» }\n',
      today: TODAY,
      errors: [
        {
          messageId: 'unknown',
          severity: 'info',
          message: "awsflow does not know the Lambda runtime 'cobol85', so its deprecation dates are not checked.",
          suggestions: [],
        },
      ],
    },
  ],
});

test('the analysis date comes from the options; a malformed one falls back to the clock', () => {
  const text = 'awsflow: 1\nresources:\n  f: { type: lambda, runtime: nodejs22.x }\n';
  const ids = (today: string) =>
    analyze(text, { today })
      .findings.filter((f) => f.ruleId === 'lambda/runtime')
      .map((f) => f.severity);
  assert.deepEqual(ids('2020-01-01'), []);
  assert.deepEqual(ids('2027-04-29'), ['info']);
  assert.deepEqual(ids('2031-01-01'), ['warning']);
  assert.equal(isIsoDate('2027-02-30'), false);
  assert.equal(isIsoDate('2027-2-3'), false);
  assert.equal(isIsoDate('2028-02-29'), true);
  assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
  assert.equal(daysBetween('2027-03-01', '2027-02-28'), -1);
});
