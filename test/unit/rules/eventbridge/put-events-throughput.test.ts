import rule from '../../../../src/core/rules/eventbridge/put-events-throughput';
import { ruleTester } from '../../../helpers/rule-tester';

const svc = 'resources:\n  svc: { type: ecs }\n';
const bus = `${svc}  bus: { type: eventbridge }\n`;

ruleTester(rule, {
  valid: [
    { name: 'no region: exactly the lowest Regional figure, 400 requests/s', code: `${bus}flows:\n  - svc -> bus: { rate: 400/s }` },
    { name: 'us-east-1: exactly 10,000 requests/s', code: `region: us-east-1\n${bus}flows:\n  - svc -> bus: { rate: 10000/s }` },
    {
      name: 'us-east-1: 100,000 events/s in batches of 10 are 10,000 requests/s',
      code: `region: us-east-1\n${bus}flows:\n  - svc -> bus: { rate: 100000/s, batching: true }`,
    },
    { name: 'eu-south-2: 2,400 requests/s', code: `region: eu-south-2\n${bus}flows:\n  - svc -> bus: { rate: 2400/s }` },
    {
      name: 'a rule forwarding to another bus is an invocation, not a PutEvents request: counted once',
      code: `region: us-east-1\n${bus}  other: { type: eventbridge }\nflows:\n  - svc -> bus: { rate: 6000/s }\n  - bus -> other`,
    },
    {
      name: 'S3 notifications to a bus are not PutEvents requests of the account',
      code: 'resources:\n  b: { type: s3 }\n  bus: { type: eventbridge }\nflows:\n  - b -> bus: { rate: 5000/s }',
    },
    { name: 'no rate declared', code: `${bus}flows:\n  - svc -> bus` },
    {
      name: 'half-typed rate',
      code: `${bus}flows:\n  - svc -> bus: { rate: }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'no region: 401 events/s, one request each: on the rate; batching would do',
      code: `${bus}flows:\n  - svc -> bus: { rate: «401/s» }`,
      errors: [
        {
          messageId: 'overQuota',
          severity: 'warning',
          message:
            "401 events/s put on EventBridge bus bus make 401 PutEvents requests/s (one event per request), over the account's 400 requests/s (no region set: lowest Regional figure); EventBridge throttles the requests beyond it and the producers must retry them.",
          suggestions: [`${bus}flows:\n  - svc -> bus: { rate: 401/s, batching: true }`],
        },
      ],
    },
    {
      name: 'a Region the quotas page does not list takes the lowest figure',
      code: `region: ca-west-1\n${bus}flows:\n  - svc -> bus: { rate: «500/s» }`,
      errors: [{ messageId: 'overQuota', message: /over the account's 400 requests\/s \(Region ca-west-1: lowest Regional figure\)/ }],
    },
    {
      name: 'eu-south-2: just over 2,400 requests/s',
      code: `region: eu-south-2\n${bus}flows:\n  - svc -> bus: { rate: «2401/s» }`,
      errors: [
        {
          messageId: 'overQuota',
          message: /make 2,401 PutEvents requests\/s \(one event per request\), over the account's 2,400 requests\/s \(eu-south-2\)/,
        },
      ],
    },
    {
      name: 'two producers, two buses: one finding for the account, on the bus taking the most',
      code: `region: us-east-1\n${svc}  w: { type: client }\n  «a»: { type: eventbridge }\n  b: { type: eventbridge }\nflows:\n  - svc -> a: { rate: 6000/s }\n  - w -> b: { rate: 5000/s }`,
      errors: [
        {
          messageId: 'overQuota',
          message:
            "11,000 events/s put on EventBridge buses a, b make 11,000 PutEvents requests/s (one event per request), over the account's 10,000 requests/s (us-east-1); EventBridge throttles the requests beyond it and the producers must retry them.",
          suggestions: [
            `region: us-east-1\n${svc}  w: { type: client }\n  a: { type: eventbridge }\n  b: { type: eventbridge }\nflows:\n  - svc -> a: { rate: 6000/s, batching: true }\n  - w -> b: { rate: 5000/s, batching: true }`,
          ],
        },
      ],
    },
    {
      name: 'a rate carried from upstream: on the bus; batching written onto a plain entry',
      code: 'resources:\n  api: { type: api-gateway }\n  q: { type: sqs }\n  f: { type: lambda }\n  «bus»: { type: eventbridge }\nflows:\n  - api -> q: { rate: 500/s }\n  - q -> f\n  - f -> bus\n',
      errors: [
        {
          messageId: 'overQuota',
          message: /^500 events\/s put on EventBridge bus bus make 500 PutEvents requests\/s/,
          suggestions: [
            'resources:\n  api: { type: api-gateway }\n  q: { type: sqs }\n  f: { type: lambda }\n  bus: { type: eventbridge }\nflows:\n  - api -> q: { rate: 500/s }\n  - q -> f\n  - f -> bus: { batching: true }\n',
          ],
        },
      ],
    },
    {
      name: 'API Gateway puts one event per request: no suggestion',
      code: 'resources:\n  api: { type: api-gateway }\n  bus: { type: eventbridge }\nflows:\n  - api -> bus: { rate: «1000/s» }',
      errors: [{ messageId: 'overQuota', suggestions: [] }],
    },
    {
      name: 'already in batches of 10 and still over: no suggestion',
      code: `region: us-east-1\n${bus}flows:\n  - svc -> bus: { rate: «150000/s», batching: true }`,
      errors: [
        {
          messageId: 'overQuota',
          message: /^150,000 events\/s put on EventBridge bus bus make 15,000 PutEvents requests\/s \(batches of 10\)/,
          suggestions: [],
        },
      ],
    },
    {
      name: 'batching one producer is not enough: no suggestion',
      code: `${svc}  w: { type: client }\n  api: { type: api-gateway }\n  «bus»: { type: eventbridge }\nflows:\n  - svc -> bus: { rate: 100/s }\n  - api -> bus: { rate: 500/s }`,
      errors: [{ messageId: 'overQuota', message: /^600 events\/s/, suggestions: [] }],
    },
  ],
});
