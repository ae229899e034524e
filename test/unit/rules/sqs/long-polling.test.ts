import rule from '../../../../src/core/rules/sqs/long-polling';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'Lambda long-polls by itself', code: 'resources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f' },
    { name: 'long polling on', code: 'resources:\n  q: { type: sqs, receiveWait: 20s }\n  w: { type: ecs }\nflows:\n  - q -> w' },
    { name: 'just over short polling', code: 'resources:\n  q: { type: sqs, receiveWait: 1 }\n  w: { type: ec2 }\nflows:\n  - q -> w' },
    {
      name: 'long polling from defaults',
      code: 'defaults:\n  sqs: { receiveWait: 10s }\nresources:\n  q: { type: sqs }\n  w: { type: beanstalk }\nflows:\n  - q -> w',
    },
    { name: 'nobody polls', code: 'resources:\n  q: { type: sqs }\n  p: { type: ecs }\nflows:\n  - p -> q' },
    {
      name: 'half-typed: receiveWait with no value',
      code: 'resources:\n  q:\n    type: sqs\n    receiveWait:\n  w: { type: ecs }\nflows:\n  - q -> w',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'no receiveWait: the default 0 s',
      code: 'resources:\n  «q»:\n    type: sqs\n  w: { type: ecs }\n  f: { type: lambda }\nflows:\n  - q -> w, f',
      errors: [
        {
          messageId: 'shortPollingDefault',
          severity: 'info',
          fix: { title: 'Set receiveWait to 20s', safeForFixAll: true },
          message:
            "Queue 'q' is polled by 'w' and sets no receiveWait, so SQS uses its default of 0 s (short polling): a receive returns at once, often empty, and every empty receive is a billed request. Long polling waits up to 20 s for messages.",
        },
      ],
      output: 'resources:\n  q:\n    type: sqs\n    receiveWait: 20s\n  w: { type: ecs }\n  f: { type: lambda }\nflows:\n  - q -> w, f',
    },
    {
      name: 'explicit 0, with a comment',
      code: 'resources:\n  q:\n    type: sqs\n    receiveWait: «0s»   # short\n  w: { type: ecs }\n  c: { type: client }\nflows:\n  - q -> w\n  - q -> c',
      errors: [
        {
          messageId: 'shortPolling',
          fix: { title: 'Set receiveWait to 20s (overrides receiveWait: 0s)', safeForFixAll: false },
          message:
            "Queue 'q' is polled by 'w', 'c' with receiveWait 0s (short polling): a receive returns at once, often empty, and every empty receive is a billed request. Long polling waits up to 20 s for messages.",
        },
      ],
      output:
        'resources:\n  q:\n    type: sqs\n    receiveWait: 20s   # short\n  w: { type: ecs }\n  c: { type: client }\nflows:\n  - q -> w\n  - q -> c',
    },
    {
      name: 'flow style, bare number',
      code: 'resources:\n  q: { type: sqs, receiveWait: «0» }\n  w: { type: eks }\nflows:\n  - q -> w',
      errors: [{ messageId: 'shortPolling', fix: { title: 'Set receiveWait to 20s (overrides receiveWait: 0)', safeForFixAll: false } }],
      output: 'resources:\n  q: { type: sqs, receiveWait: 20s }\n  w: { type: eks }\nflows:\n  - q -> w',
    },
    {
      name: 'flow style, absent',
      code: 'resources:\n  «q»: { type: sqs }\n  w: { type: apprunner }\nflows:\n  - q -> w',
      errors: [{ messageId: 'shortPollingDefault' }],
      output: 'resources:\n  q: { type: sqs, receiveWait: 20s }\n  w: { type: apprunner }\nflows:\n  - q -> w',
    },
    {
      name: 'from defaults: the finding sits there',
      code: 'defaults:\n  sqs: { receiveWait: «0s» }\nresources:\n  q: { type: sqs }\n  w: { type: ecs }\nflows:\n  - q -> w',
      errors: [{ messageId: 'shortPolling', fix: { title: 'Set receiveWait to 20s (overrides receiveWait: 0s)', safeForFixAll: false } }],
      output: 'defaults:\n  sqs: { receiveWait: 20s }\nresources:\n  q: { type: sqs }\n  w: { type: ecs }\nflows:\n  - q -> w',
    },
  ],
});
