import rule from '../../../../src/core/rules/apprunner/closed';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'an ECS service', code: 'resources:\n  web: { type: ecs, launchType: fargate, cpu: 1024, memory: 2GB }' },
    { name: 'no type yet', code: 'resources:\n  web:\n    label: Web\n', ruleSeverities: { 'schema/invalid': 'off' } },
    { name: 'half-typed: type with no value', code: 'resources:\n  web:\n    type:\n', ruleSeverities: { 'schema/invalid': 'off' } },
  ],
  invalid: [
    {
      name: 'flow style, App Runner defaults written out',
      code: 'resources:\n  web: { type: «apprunner» }',
      errors: [
        {
          messageId: 'closed',
          severity: 'warning',
          message:
            'App Runner is closed to new customers since 2026-04-30: an account that has not used it before cannot create web. AWS recommends Amazon ECS (Express Mode, on Fargate) for new services.',
          suggestions: ['resources:\n  web: { type: ecs, launchType: fargate, cpu: 1 vCPU, memory: 2GB }'],
        },
      ],
    },
    {
      name: 'block style with a size and instances, comment kept',
      code: 'resources:\n  web:\n    type: «apprunner»   # legacy\n    cpu: 2 vCPU\n    memory: 4GB\n    instances: 3\n',
      errors: [
        {
          messageId: 'closed',
          suggestions: [
            'resources:\n  web:\n    type: ecs   # legacy\n    cpu: 2 vCPU\n    memory: 4GB\n    desiredCount: 3\n    launchType: fargate\n',
          ],
        },
      ],
    },
    {
      name: 'values from defaults are copied, since apprunner defaults stop applying',
      code: 'defaults:\n  apprunner: { cpu: 0.5 vCPU, instances: 2 }\nresources:\n  api: { type: «apprunner», memory: 1GB }\n  admin: { type: «apprunner» }',
      errors: [
        {
          messageId: 'closed',
          suggestions: [
            'defaults:\n  apprunner: { cpu: 0.5 vCPU, instances: 2 }\nresources:\n  api: { type: ecs, memory: 1GB, launchType: fargate, cpu: 0.5 vCPU, desiredCount: 2 }\n  admin: { type: apprunner }',
          ],
        },
        { messageId: 'closed', message: /cannot create admin\./ },
      ],
    },
  ],
});
