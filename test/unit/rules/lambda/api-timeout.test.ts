import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/lambda/api-timeout';
import { analyze } from '../../../../src/core/index';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'both defaults: 3 s under 29 s',
      code: 'resources:\n  api: { type: api-gateway }\n  f: { type: lambda }\nflows:\n  - api -> f',
    },
    {
      name: 'equal to the default integration timeout',
      code: 'resources:\n  api: { type: api-gateway }\n  f: { type: lambda, timeout: 29s }\nflows:\n  - api -> f',
    },
    {
      name: 'raised integration timeout',
      code: 'resources:\n  api: { type: api-gateway, timeout: 2m }\n  f: { type: lambda, timeout: 2m }\nflows:\n  - api -> f',
    },
    {
      name: 'not called by an API',
      code: 'resources:\n  q: { type: sqs, visibilityTimeout: 30m }\n  f: { type: lambda, timeout: 5m }\nflows:\n  - q -> f',
    },
    {
      name: 'an API that sends to a queue',
      code: 'resources:\n  api: { type: api-gateway, timeout: 1s }\n  q: { type: sqs }\nflows:\n  - api -> q',
    },
    {
      name: "an unknown target is another rule's",
      code: 'resources:\n  api: { type: api-gateway }\nflows:\n  - api -> nothing',
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
    {
      name: 'half-typed: timeout with no value',
      code: 'resources:\n  api: { type: api-gateway }\n  f:\n    type: lambda\n    timeout:\nflows:\n  - api -> f',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'just over the default 29 s, block style, comment kept',
      code: 'resources:\n  api:\n    type: api-gateway\n  f:\n    type: lambda\n    timeout: 30s   # slow report\nflows:\n  - api -> «f»\n',
      errors: [
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of f to 29s (overrides timeout: 30s, which other callers may need)', safeForFixAll: false },
          severity: 'warning',
          message:
            'api waits at most 29 s for f (integration timeout default 29 s), but f may run for 30 s (timeout 30s): API Gateway answers 504 while the function keeps running.',
        },
      ],
      output: 'resources:\n  api:\n    type: api-gateway\n  f:\n    type: lambda\n    timeout: 29s   # slow report\nflows:\n  - api -> f\n',
    },
    {
      name: 'a declared integration timeout, flow style, bare seconds kept bare',
      code: 'resources:\n  api: { type: api-gateway, timeout: 10s }\n  f: { type: lambda, timeout: 60 }\nflows:\n  - api -> «f»: { rate: 5/s }',
      errors: [
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of f to 10 (overrides timeout: 60, which other callers may need)', safeForFixAll: false },
          message:
            'api waits at most 10 s for f (integration timeout 10s), but f may run for 1 min (timeout 60): API Gateway answers 504 while the function keeps running.',
        },
      ],
      output:
        'resources:\n  api: { type: api-gateway, timeout: 10s }\n  f: { type: lambda, timeout: 10 }\nflows:\n  - api -> f: { rate: 5/s }',
    },
    {
      name: 'the Lambda default 3 s against a 2 s integration: the timeout is added',
      code: 'resources:\n  api: { type: api-gateway, timeout: 2s }\n  f: { type: lambda }\nflows:\n  - api -> «f»',
      errors: [
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of f to 2s', safeForFixAll: true },
          message: /may run for 3 s \(the default timeout\)/,
        },
      ],
      output: 'resources:\n  api: { type: api-gateway, timeout: 2s }\n  f: { type: lambda, timeout: 2s }\nflows:\n  - api -> f',
    },
    {
      name: 'timeout from defaults, in a chain: the function gets its own',
      code: 'defaults:\n  lambda: { timeout: 5m }\n  api-gateway: { timeout: 20s }\nresources:\n  web: { type: client }\n  api: { type: api-gateway }\n  f:\n    type: lambda\n    memory: 512MB\nflows:\n  - web -> api -> «f»\n',
      errors: [
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of f to 20s (overrides timeout: 5m, which other callers may need)', safeForFixAll: false },
          message:
            'api waits at most 20 s for f (integration timeout 20s), but f may run for 5 min (timeout 5m): API Gateway answers 504 while the function keeps running.',
        },
      ],
      output:
        'defaults:\n  lambda: { timeout: 5m }\n  api-gateway: { timeout: 20s }\nresources:\n  web: { type: client }\n  api: { type: api-gateway }\n  f:\n    type: lambda\n    memory: 512MB\n    timeout: 20s\nflows:\n  - web -> api -> f\n',
    },
    {
      name: 'fan-out: one finding per function on the same entry',
      code: 'resources:\n  api: { type: api-gateway }\n  f: { type: lambda, timeout: 1m }\n  g: { type: lambda, timeout: 10s }\n  h: { type: lambda, timeout: 45s }\nflows:\n  - api -> «f», g, «h»',
      errors: [
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of f to 29s (overrides timeout: 1m, which other callers may need)', safeForFixAll: false },
          message: /for f /,
        },
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of h to 29s (overrides timeout: 45s, which other callers may need)', safeForFixAll: false },
          message: /for h /,
        },
      ],
      output:
        'resources:\n  api: { type: api-gateway }\n  f: { type: lambda, timeout: 29s }\n  g: { type: lambda, timeout: 10s }\n  h: { type: lambda, timeout: 29s }\nflows:\n  - api -> f, g, h',
    },
    {
      name: 'two APIs: the fix satisfies the shorter one',
      code: 'resources:\n  public: { type: api-gateway }\n  internal: { type: api-gateway, timeout: 15s }\n  f: { type: lambda, timeout: 1m }\nflows:\n  - public -> «f»\n  - internal -> «f»',
      errors: [
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of f to 15s (overrides timeout: 1m, which other callers may need)', safeForFixAll: false },
          message: /^public waits at most 29 s/,
        },
        {
          messageId: 'tooLong',
          fix: { title: 'Set the timeout of f to 15s (overrides timeout: 1m, which other callers may need)', safeForFixAll: false },
          message: /^internal waits at most 15 s/,
        },
      ],
      output:
        'resources:\n  public: { type: api-gateway }\n  internal: { type: api-gateway, timeout: 15s }\n  f: { type: lambda, timeout: 15s }\nflows:\n  - public -> f\n  - internal -> f',
    },
  ],
});

test("lambda/api-timeout: related information points at the function's timeout, or its key when it has none", () => {
  const related = (text: string) =>
    analyze(text, { rules: [rule] })
      .findings.filter((f) => f.ruleId === rule.id)
      .flatMap((f) => f.related.map((r) => `${text.slice(r.start, r.end)}: ${r.message}`));
  assert.deepEqual(
    related('awsflow: 1\nresources:\n  api: { type: api-gateway }\n  f: { type: lambda, timeout: 2m }\nflows:\n  - api -> f\n'),
    ["2m: f's timeout: 2 min"],
  );
  assert.deepEqual(
    related(
      'awsflow: 1\ndefaults:\n  lambda: { timeout: 40s }\nresources:\n  api: { type: api-gateway }\n  f: { type: lambda }\nflows:\n  - api -> f\n',
    ),
    ["40s: f's timeout: 40 s (from defaults)"],
  );
  assert.deepEqual(
    related('awsflow: 1\nresources:\n  api: { type: api-gateway, timeout: 1s }\n  f: { type: lambda }\nflows:\n  - api -> f\n'),
    ["f: f has no timeout: Lambda's default 3 s applies"],
  );
});
