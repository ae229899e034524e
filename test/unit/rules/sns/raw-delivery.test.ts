import rule from '../../../../src/core/rules/sns/raw-delivery';
import { ruleTester } from '../../../helpers/rule-tester';

const R = [
  'resources:',
  '  news: { type: sns, encryption: kms }',
  '  jobs: { type: sqs }',
  '  f: { type: lambda }',
  '  g: { type: lambda }',
  '  hose: { type: firehose }',
  '  hook: { type: client }',
  '  api: { type: api-gateway }',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'raw delivery to SQS, Firehose, an HTTP/S client and an API',
      code: `${R}flows:\n  - news -> jobs, hose, hook, api: { rawDelivery: true }\n  - jobs -> f`,
    },
    { name: 'rawDelivery: false to a function', code: `${R}flows:\n  - news -> f: { rawDelivery: false }` },
    { name: 'a function subscription without rawDelivery', code: `${R}flows:\n  - news -> f: { rate: 5/s }` },
    {
      name: "rawDelivery on a connection that is not a subscription is not this rule's business",
      code: `${R}flows:\n  - jobs -> f: { rawDelivery: true }\n  - news -> jobs`,
    },
    {
      name: 'half-typed: rawDelivery with no value',
      code: `${R}flows:\n  - news -> f:\n      rawDelivery:\n`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: rawDelivery written as a string',
      code: `${R}flows:\n  - news -> f: { rawDelivery: "yes" }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: unknown target',
      code: `${R}flows:\n  - news -> nowhere: { rawDelivery: true }`,
      ruleSeverities: { 'flows/unknown-resource': 'off' },
    },
  ],
  invalid: [
    {
      name: 'raw delivery to a function (flow style)',
      code: `${R}flows:\n  - news -> f: { rate: 5/s, rawDelivery: «true» }`,
      errors: [
        {
          messageId: 'unsupported',
          severity: 'error',
          message:
            "Raw message delivery is not available for Lambda subscriptions: SNS rejects `RawMessageDelivery` on the subscription of 'news' to 'f' (only SQS, HTTP/S and Firehose subscriptions support it). The function always gets the JSON envelope.",
        },
      ],
      output: `${R}flows:\n  - news -> f: { rate: 5/s }`,
    },
    {
      name: 'the only property, block style, comment on another line kept',
      code: `${R}flows:\n  # alerts\n  - news -> f:\n      rawDelivery: «true»\n  - news -> jobs\n  - jobs -> g\n`,
      errors: [{ messageId: 'unsupported' }],
      output: `${R}flows:\n  # alerts\n  - news -> f:\n      {}\n  - news -> jobs\n  - jobs -> g\n`,
    },
    {
      name: 'two functions in one entry: one finding naming both',
      code: `${R}flows:\n  - news -> f, g: { rawDelivery: «true», label: raw }`,
      errors: [{ messageId: 'unsupported', message: /subscription of 'news' to 'f', 'news' to 'g' \(only/ }],
      output: `${R}flows:\n  - news -> f, g: { label: raw }`,
    },
    {
      name: 'a queue in the same entry needs the property: no fix',
      code: `${R}flows:\n  - news -> jobs, f: { rawDelivery: «true» }\n  - jobs -> g`,
      errors: [{ messageId: 'unsupported', message: /subscription of 'news' to 'f' \(only/ }],
    },
    {
      name: 'a chain whose second hop is not a subscription: the fix is safe',
      code: `${R}flows:\n  - news -> f -> jobs: { rawDelivery: «true» }\n  - jobs -> g`,
      errors: [{ messageId: 'unsupported' }],
      output: `${R}flows:\n  - news -> f -> jobs: {}\n  - jobs -> g`,
    },
  ],
});
