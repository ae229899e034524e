import rule from '../../../../src/core/rules/flows/unknown-resource';
import { ruleTester } from '../../../helpers/rule-tester';

const resources = 'resources:\n  api: { type: api-gateway }\n  jobs: { type: sqs }\n  worker: { type: lambda }\n';

ruleTester(rule, {
  valid: [resources + 'flows:\n  - api -> jobs -> worker\n'],
  invalid: [
    {
      name: 'a typo in a flow: did-you-mean and create',
      code: resources + 'flows:\n  - api -> «jbos» # typo\n',
      errors: [
        {
          messageId: 'unknown',
          message: "The flow names 'jbos', which is not a resource in this file. Did you mean 'jobs'?",
          suggestions: [
            resources + 'flows:\n  - api -> jobs # typo\n',
            resources + '  jbos:\n    type: lambda\nflows:\n  - api -> jbos # typo\n',
          ],
        },
      ],
    },
    {
      name: 'deadLetter.target and onFailure',
      code: 'resources:\n  q: { type: sqs, deadLetter: { target: «q-dlq», maxReceiveCount: 3 } }\n  s: { type: kinesis, encryption: kms }\n  f: { type: lambda }\nflows:\n  - q -> f\n  - s -> f: { onFailure: «failed» }\n',
      errors: [
        { messageId: 'unknown', message: "The `deadLetter.target` names 'q-dlq', which is not a resource in this file." },
        { messageId: 'unknown', message: "The `onFailure` names 'failed', which is not a resource in this file." },
      ],
    },
    {
      name: 'block-style resources: the new resource is indented like the others',
      code: 'resources:\n    api:\n        type: api-gateway\nflows:\n  - api -> «lambda-fn»\n',
      errors: [
        {
          messageId: 'unknown',
          suggestions: [
            'resources:\n    api:\n        type: api-gateway\n    lambda-fn:\n        type: lambda\nflows:\n  - api -> lambda-fn\n',
          ],
        },
      ],
    },
  ],
});
