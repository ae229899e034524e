import rule from '../../../../src/core/rules/eventbridge/targets-per-rule';
import { ruleTester } from '../../../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/index';

const R =
  'resources:\n  bus: { type: eventbridge }\n  other: { type: eventbridge }\n' +
  ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => `  ${id}: { type: sqs }\n`).join('');

ruleTester(rule, {
  valid: [
    {
      name: 'exactly 5 targets on one rule, over two entries',
      code: `${R}flows:\n  - bus -> a, b, c: { rule: orders }\n  - bus -> d, e: { rule: orders }`,
    },
    {
      name: 'the same target twice counts once',
      code: `${R}flows:\n  - bus -> a, b, c, d, e: { rule: orders }\n  - bus -> a: { rule: orders, label: again }`,
    },
    { name: 'entries without rule are rules of their own', code: `${R}flows:\n  - bus -> a, b, c, d, e, f` },
    {
      name: 'the same rule name on two buses is two rules',
      code: `${R}flows:\n  - bus -> a, b, c: { rule: orders }\n  - other -> d, e, f: { rule: orders }`,
    },
  ],
  invalid: [
    {
      name: '6 targets: on the rule of the entry that adds the 6th, the other entry related',
      code: `${R}flows:\n  - bus -> a, b, c, d, e: { rule: orders }\n  - bus -> f: { rule: «orders» }`,
      errors: [
        {
          messageId: 'tooMany',
          message:
            "Rule 'orders' on bus 'bus' has 6 targets: an EventBridge rule has at most 5, so PutTargets rejects the target beyond the 5th ('f'). Give some of these entries another `rule` (or none: an entry without `rule` is a rule of its own per target).",
        },
      ],
    },
    {
      name: 'one entry with 6 targets, block style',
      code: `${R}flows:\n  - bus -> a, b, c, d, e, f:\n      rule: «orders»   # too many`,
      errors: [{ messageId: 'tooMany', message: /has 6 targets: .* rejects the target beyond the 5th \('f'\)/ }],
    },
  ],
});

test('the other entries of the rule are related information, on their rule values', () => {
  const text = `awsflow: 1\n${R}flows:\n  - bus -> a, b, c: { rule: orders }\n  - bus -> d, e: { rule: orders }\n  - bus -> f: { rule: orders }\n`;
  const [finding, ...others] = analyze(text).findings.filter((f) => f.ruleId === 'eventbridge/targets-per-rule');
  assert.equal(others.length, 0);
  assert.equal(finding!.start, text.lastIndexOf('orders'));
  const first = text.indexOf('rule: orders') + 6;
  const second = text.indexOf('rule: orders', first) + 6;
  assert.deepEqual(
    finding!.related.map((r) => [r.start, r.end, r.message]),
    [
      [first, first + 6, "also rule 'orders'"],
      [second, second + 6, "also rule 'orders'"],
    ],
  );
});
