import rule from '../../../../src/core/rules/eventbridge/invocations-throughput';
import { ruleTester } from '../../../helpers/rule-tester';

const bus = 'resources:\n  svc: { type: ecs }\n  bus: { type: eventbridge }\n  f: { type: lambda }\n  q: { type: sqs }\n';

ruleTester(rule, {
  valid: [
    { name: 'no region: exactly 750 invocations/s', code: `${bus}flows:\n  - svc -> bus: { rate: 750/s }\n  - bus -> f` },
    {
      name: 'us-east-1: two targets of 9,375 events/s each, exactly 18,750 invocations/s',
      code: `region: us-east-1\n${bus}flows:\n  - svc -> bus: { rate: 9375/s }\n  - bus -> f, q`,
    },
    {
      name: "a rule's declared rate (its pattern matches fewer) counts, not the bus's inbound rate",
      code: `region: ap-south-1\n${bus}flows:\n  - svc -> bus: { rate: 5000/s }\n  - bus -> f: { rate: 1100/s, pattern: { source: [shop] } }`,
    },
    {
      name: 'producers putting events are not invocations',
      code: `${bus}flows:\n  - svc -> bus: { rate: 5000/s }`,
    },
    { name: 'no rate known', code: `${bus}flows:\n  - svc -> bus\n  - bus -> f, q` },
  ],
  invalid: [
    {
      name: 'no region: one target invoked 751 times a second, the rate declared on its rule: on that rate',
      code: `${bus}flows:\n  - bus -> f: { rate: «751/s» }`,
      errors: [
        {
          messageId: 'overQuota',
          severity: 'warning',
          message:
            "751 rule target invocations/s from EventBridge bus bus are over the account's 750 invocations/s (no region set: lowest Regional figure); EventBridge delays the invocations beyond it (retrying them for up to 24 hours by default), so the targets fall further behind.",
        },
      ],
    },
    {
      name: 'fan-out multiplies: 600 events/s to two targets in ap-south-1 (1,100/s): on the bus',
      code: `region: ap-south-1\nresources:\n  svc: { type: ecs }\n  «bus»: { type: eventbridge }\n  f: { type: lambda }\n  q: { type: sqs }\nflows:\n  - svc -> bus: { rate: 600/s }\n  - bus -> f, q`,
      errors: [
        {
          messageId: 'overQuota',
          message: /^1,200 rule target invocations\/s from EventBridge bus bus are over the account's 1,100 invocations\/s \(ap-south-1\)/,
        },
      ],
    },
    {
      name: 'two buses count together: on the one with the most invocations',
      code: `region: us-east-1\nresources:\n  svc: { type: ecs }\n  a: { type: eventbridge }\n  «b»: { type: eventbridge }\n  f: { type: lambda }\n  q: { type: sqs }\nflows:\n  - svc -> a: { rate: 8000/s }\n  - svc -> b: { rate: 11000/s }\n  - a -> f\n  - b -> q`,
      errors: [
        { messageId: 'overQuota', message: /^19,000 rule target invocations\/s from EventBridge buses a, b are over the account's 18,750/ },
      ],
    },
    {
      name: 'an unlisted Region takes the lowest figure',
      code: 'region: me-central-1\nresources:\n  svc: { type: ecs }\n  «bus»: { type: eventbridge }\n  f: { type: lambda }\nflows:\n  - svc -> bus: { rate: 800/s }\n  - bus -> f',
      errors: [
        { messageId: 'overQuota', message: /over the account's 750 invocations\/s \(Region me-central-1: lowest Regional figure\)/ },
      ],
    },
  ],
});
