import rule from '../../../../src/core/rules/stepfunctions/express-callback';
import { ruleTester } from '../../../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/index';

const R =
  'resources:\n' +
  '  fast: { type: stepfunctions, workflow: express }\n' +
  '  slow: { type: stepfunctions }\n' +
  '  fn: { type: lambda }\n' +
  '  jobs: { type: sqs }\n' +
  '  news: { type: sns }\n';

ruleTester(rule, {
  valid: [
    { name: 'a standard workflow waits for a callback', code: `${R}flows:\n  - slow -> fn, jobs: { callback: true }` },
    { name: 'an Express workflow without callback', code: `${R}flows:\n  - fast -> fn, jobs` },
    { name: 'an Express workflow with callback: false', code: `${R}flows:\n  - fast -> fn: { callback: false }` },
  ],
  invalid: [
    {
      name: 'an Express task with callback',
      code: `${R}flows:\n  - fast -> jobs: { callback: «true» }`,
      errors: [
        {
          messageId: 'expressCallback',
          message:
            "'fast' is an Express workflow, and Express workflows do not support waiting for a callback (`.waitForTaskToken`): only Request Response integrations. Step Functions rejects the definition. Make 'fast' `workflow: standard`, or call 'jobs' without `callback`.",
        },
      ],
    },
    {
      name: 'a fan-out shares one callback: one finding',
      code: `${R}flows:\n  - fast -> fn, news:\n      callback: «true»`,
      errors: [{ messageId: 'expressCallback' }],
    },
    {
      name: 'Express through defaults',
      code: `defaults:\n  stepfunctions: { workflow: express }\n${R}flows:\n  - slow -> fn: { callback: «true» }`,
      errors: [{ messageId: 'expressCallback', message: /^'slow' is an Express workflow/ }],
    },
  ],
});

test('the workflow setting is related information, and every task of the entry is marked', () => {
  const text = `awsflow: 1\n${R}flows:\n  - fast -> fn, news: { callback: true }\n`;
  const [finding, ...others] = analyze(text).findings.filter((f) => f.ruleId === 'stepfunctions/express-callback');
  assert.equal(others.length, 0);
  const workflow = text.indexOf('express');
  assert.deepEqual(
    finding!.related.map((r) => [r.start, r.end, r.message]),
    [[workflow, workflow + 7, "'fast' is an Express workflow"]],
  );
  assert.equal(finding!.connections?.length, 2);
});
