import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/dynamodb/stream-consumers';
import { analyze } from '../../../../src/core/index';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n  orders: { type: dynamodb, stream: true }\n  a: { type: lambda }\n  b: { type: lambda }\n  c: { type: lambda }\n  q: { type: sqs }\n  failed: { type: sqs }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'two event source mappings: the most AWS advises',
      code: `${R}flows:\n  - orders -> a, b: { onFailure: failed }`,
    },
    {
      name: 'one mapping and one Pipe',
      code: `${R}flows:\n  - orders -> a: { onFailure: failed }\n  - orders -> q: { via: pipe }`,
    },
    {
      name: 'functions that read and write the table are not stream readers; nor is Kinesis Data Streams for DynamoDB',
      code: 'resources:\n  orders: { type: dynamodb, stream: true }\n  a: { type: lambda }\n  b: { type: lambda }\n  k: { type: kinesis, encryption: kms }\n  e: { type: ecs }\n  failed: { type: sqs }\nflows:\n  - orders -> a, b: { onFailure: failed }\n  - orders -> k\n  - orders -> e\n  - a -> orders',
    },
    {
      name: 'two tables with two readers each',
      code: `${R}  items: { type: dynamodb, stream: true }\nflows:\n  - orders, items -> a: { onFailure: failed }\n  - orders, items -> b: { onFailure: failed }`,
    },
  ],
  invalid: [
    {
      name: 'three event source mappings: the third',
      code: `${R}flows:\n  - orders -> a, b, «c»: { onFailure: failed }\n`,
      errors: [
        {
          messageId: 'tooMany',
          severity: 'warning',
          message:
            "The event source mapping of 'c' is reader 3 of the stream of table 'orders', which has 3: DynamoDB Streams throttles reads when more than 2 processes read one shard at a time, so the readers' polls are throttled and records reach them late. Read the stream with at most 2 (one function that fans out through SNS or EventBridge), or stream the table to Kinesis Data Streams (`orders -> <kinesis>`), whose consumers can use enhanced fan-out.",
        },
      ],
    },
    {
      name: 'Pipes count as readers; one finding per reader beyond the second',
      code: `${R}  d: { type: lambda }\nflows:\n  - orders -> a: { onFailure: failed }\n  - orders -> q: { via: pipe }\n  - orders -> «b»: { onFailure: failed }\n  - orders -> «c»:\n      via: pipe\n  - orders -> «d»: { onFailure: failed }\n`,
      errors: [
        { messageId: 'tooMany', message: /^The event source mapping of 'b' is reader 3 of the stream of table 'orders', which has 5:/ },
        { messageId: 'tooMany', message: /^The Pipe to 'c' is reader 4 of .* which has 5:/ },
        { messageId: 'tooMany', message: /^The event source mapping of 'd' is reader 5 of/ },
      ],
    },
    {
      name: 'a fan-in from two tables: only the table with three readers, on the source id',
      code: `${R}  items: { type: dynamodb, stream: true }\nflows:\n  - orders -> a, b: { onFailure: failed }\n  - «orders», items -> c: { onFailure: failed }\n`,
      errors: [{ messageId: 'tooMany', message: /'c' is reader 3 of the stream of table 'orders'/ }],
    },
    {
      name: 'a table without a stream still counts (dynamodb/stream-required says the rest)',
      code: 'resources:\n  orders: { type: dynamodb }\n  a: { type: lambda }\n  b: { type: lambda }\n  c: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - orders -> a, b, «c»: { onFailure: failed }\n',
      ruleSeverities: { 'dynamodb/stream-required': 'off' },
      errors: [{ messageId: 'tooMany' }],
    },
  ],
});

test('the first two readers are related information, on their ids in flows', () => {
  const text = `awsflow: 1\n${R}flows:\n  - orders -> a: { onFailure: failed }\n  - orders -> q: { via: pipe }\n  - orders -> c: { onFailure: failed }\n`;
  const findings = analyze(text).findings.filter((f) => f.ruleId === rule.id);
  assert.equal(findings.length, 1);
  const at = (needle: string) => text.indexOf(needle) + needle.length - 1;
  assert.deepEqual([findings[0]!.start, findings[0]!.end], [at('-> c'), at('-> c') + 1]);
  assert.deepEqual(
    findings[0]!.related.map((r) => [r.start, r.end, r.message]),
    [
      [at('-> a'), at('-> a') + 1, "a reader of the stream of 'orders' (an event source mapping)"],
      [at('-> q'), at('-> q') + 1, "a reader of the stream of 'orders' (a Pipe)"],
    ],
  );
});
