import rule from '../../../../src/core/rules/stepfunctions/start-rate';
import { ruleTester } from '../../../helpers/rule-tester';

const api = 'resources:\n  api: { type: api-gateway }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'no region: exactly 150 standard executions/s',
      code: `${api}  flow: { type: stepfunctions }\nflows:\n  - api -> flow: { rate: 150/s }`,
    },
    {
      name: 'us-east-1: exactly 300 standard executions/s, from two machines together',
      code: `region: us-east-1\n${api}  a: { type: stepfunctions }\n  b: { type: stepfunctions }\nflows:\n  - api -> a: { rate: 200/s }\n  - api -> b: { rate: 100/s }`,
    },
    {
      name: 'express workflows: 6,000/s, whatever the Region; the standard quota is apart',
      code: `${api}  fast: { type: stepfunctions, workflow: express }\n  slow: { type: stepfunctions }\nflows:\n  - api -> fast: { rate: 6000/s }\n  - api -> slow: { rate: 150/s }`,
    },
    {
      name: 'a Pipe starts one execution per batch: 1,000 messages/s in batches of 10 are 100 executions/s',
      code: 'resources:\n  svc: { type: ecs }\n  q: { type: sqs }\n  flow: { type: stepfunctions }\nflows:\n  - svc -> q: { rate: 1000/s }\n  - q -> flow: { via: pipe, batchSize: 10 }',
    },
    { name: 'no rate known', code: `${api}  flow: { type: stepfunctions }\nflows:\n  - api -> flow` },
  ],
  invalid: [
    {
      name: 'no region: 151 standard executions/s, declared on the one start: on that rate',
      code: `${api}  flow: { type: stepfunctions }\nflows:\n  - api -> flow: { rate: «151/s» }`,
      errors: [
        {
          messageId: 'overQuota',
          severity: 'warning',
          message:
            "151 executions/s of standard state machine flow are over the account's StartExecution quota for standard workflows, 150 calls/s (no region set: the figure of Regions other than us-east-1, us-west-2 and eu-west-1; a bucket of 800 absorbs a burst, not a sustained rate); Step Functions throttles the starts beyond it.",
        },
      ],
    },
    {
      name: 'eu-west-1: 301/s from a bus rule and one a minute from a schedule add up: on the machine',
      code: "region: eu-west-1\nresources:\n  svc: { type: ecs }\n  bus: { type: eventbridge }\n  tick: { type: schedule, expression: 'rate(1 minute)' }\n  «flow»: { type: stepfunctions }\nflows:\n  - svc -> bus: { rate: 301/s }\n  - bus -> flow\n  - tick -> flow",
      errors: [
        {
          messageId: 'overQuota',
          message:
            /^301\.02 executions\/s of standard state machine flow are over the account's StartExecution quota for standard workflows, 300 calls\/s \(eu-west-1; a bucket of 1,300/,
        },
      ],
    },
    {
      name: 'two machines count together: on the one started most',
      code: `region: ap-south-1\n${api}  a: { type: stepfunctions }\n  «b»: { type: stepfunctions }\nflows:\n  - api -> a: { rate: 70/s }\n  - api -> b: { rate: 90/s }`,
      errors: [
        { messageId: 'overQuota', message: /^160 executions\/s of standard state machines a, b are over .* 150 calls\/s \(ap-south-1;/ },
      ],
    },
    {
      name: 'express: just over 6,000 executions/s',
      code: `region: us-east-1\n${api}  fast: { type: stepfunctions, workflow: express }\nflows:\n  - api -> fast: { rate: «6001/s» }`,
      errors: [
        {
          messageId: 'overQuota',
          message:
            /^6,001 executions\/s of express state machine fast are over the account's StartExecution quota for express workflows, 6,000 calls\/s \(every Region; a bucket of 6,000/,
        },
      ],
    },
    {
      name: "a Pipe's batches: 2,000 messages/s in batches of 10 are 200 executions/s, over 150: a rate from upstream, on the machine",
      code: 'resources:\n  svc: { type: ecs }\n  q: { type: sqs }\n  «flow»: { type: stepfunctions }\nflows:\n  - svc -> q: { rate: 2000/s }\n  - q -> flow: { via: pipe, batchSize: 10 }',
      errors: [{ messageId: 'overQuota', message: /^200 executions\/s of standard state machine flow/ }],
    },
    {
      name: 'a workflow started by another one, with a rate from upstream',
      code: `${api}  outer: { type: stepfunctions, workflow: express }\n  «inner»: { type: stepfunctions }\nflows:\n  - api -> outer: { rate: 500/s }\n  - outer -> inner`,
      errors: [{ messageId: 'overQuota', message: /^500 executions\/s of standard state machine inner/ }],
    },
  ],
});
