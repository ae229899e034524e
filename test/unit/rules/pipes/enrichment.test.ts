import rule from '../../../../src/core/rules/pipes/enrichment';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n' +
  '  queue: { type: sqs }\n' +
  '  fn: { type: lambda }\n' +
  '  express: { type: stepfunctions, workflow: express }\n' +
  '  standard: { type: stepfunctions, workflow: standard }\n' +
  '  machine: { type: stepfunctions }\n' +
  '  api: { type: api-gateway }\n' +
  '  partner: { type: client }\n' +
  '  table: { type: dynamodb }\n' +
  '  out: { type: sqs }\n';

ruleTester(rule, {
  valid: [
    { name: 'a Lambda function', code: `${R}flows:\n  - queue -> out: { via: pipe, enrich: fn }` },
    { name: 'an Express workflow', code: `${R}flows:\n  - queue -> out: { via: pipe, enrich: express }` },
    { name: 'an API Gateway API', code: `${R}flows:\n  - queue -> out: { via: pipe, enrich: api }` },
    { name: 'an API destination (a client)', code: `${R}flows:\n  - queue -> out: { via: pipe, enrich: partner }` },
    {
      name: 'Express through defaults',
      code: `defaults:\n  stepfunctions: { workflow: express }\n${R}flows:\n  - queue -> out: { via: pipe, enrich: machine }`,
    },
    { name: 'no enrich', code: `${R}flows:\n  - queue -> out: { via: pipe }` },
  ],
  invalid: [
    {
      name: 'a standard workflow, written',
      code: `${R}flows:\n  - queue -> out: { via: pipe, enrich: «standard» }`,
      errors: [
        {
          messageId: 'standardWorkflow',
          message:
            "'standard' is a standard workflow: EventBridge Pipes invokes its enrichment synchronously and only supports Express workflows there, so it rejects the pipe. Make 'standard' `workflow: express`, or enrich with a Lambda function.",
        },
      ],
    },
    {
      name: 'a standard workflow by default',
      code: `${R}flows:\n  - queue -> out:\n      via: pipe\n      enrich: «machine»`,
      errors: [{ messageId: 'standardWorkflow', message: /^'machine' is a standard workflow \(the default without `workflow`\): / }],
    },
    {
      name: 'a DynamoDB table',
      code: `${R}flows:\n  - queue -> out: { via: pipe, enrich: «table» }`,
      errors: [
        {
          messageId: 'wrongType',
          message:
            "'table' is a DynamoDB table: a Pipe enriches events with a Lambda function, a Step Functions Express workflow, an API Gateway API or an API destination (a client), and rejects anything else.",
        },
      ],
    },
    {
      name: 'a queue',
      code: `${R}flows:\n  - queue -> out: { via: pipe, enrich: «out» }`,
      errors: [{ messageId: 'wrongType', message: /^'out' is an SQS queue: / }],
    },
    {
      name: 'enrich without via: pipe',
      code: `${R}flows:\n  - queue -> fn: { enrich: «express» }`,
      errors: [
        {
          messageId: 'notPipe',
          message:
            "`enrich` is set on a connection that is not an EventBridge Pipe: only a Pipe (`via: pipe`) has an enrichment step, so nothing would call 'express'. Add `via: pipe`, or call it from the target.",
        },
      ],
    },
    {
      name: 'a fan-out shares one enrich: one finding',
      code: `${R}flows:\n  - queue -> out, fn: { via: pipe, enrich: «table» }`,
      errors: [{ messageId: 'wrongType' }],
    },
  ],
});
