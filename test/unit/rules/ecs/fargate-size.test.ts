import rule from '../../../../src/core/rules/ecs/fargate-size';
import { ruleTester } from '../../../helpers/rule-tester';

const svc = (props: string) => `resources:\n  svc: { type: ecs, launchType: fargate, ${props} }`;

ruleTester(rule, {
  valid: [
    { name: 'smallest pair, bare MB', code: svc('cpu: 256, memory: 512') },
    { name: 'vCPU and GB', code: svc('cpu: 0.5 vCPU, memory: 1GB') },
    { name: '1 vCPU at its maximum', code: svc('cpu: 1024, memory: 8GB') },
    { name: '8 vCPU in 4 GB steps', code: svc('cpu: 8192, memory: 20GB') },
    { name: '16 vCPU at its maximum', code: svc('cpu: 16 vCPU, memory: 120GB') },
    { name: 'EC2 launch type: any pair', code: 'resources:\n  svc: { type: ecs, launchType: ec2, cpu: 256, memory: 4GB }' },
    { name: 'no launch type: ECS defaults to EC2', code: 'resources:\n  svc: { type: ecs, cpu: 300 }' },
    { name: 'eks on Fargate has no task size here', code: 'resources:\n  pods: { type: eks, nodeType: fargate }' },
    {
      name: 'everything from defaults',
      code: 'defaults:\n  ecs: { launchType: fargate, cpu: 1024, memory: 2GB }\nresources:\n  svc: { type: ecs }',
    },
    {
      name: 'half-typed: memory with no value',
      code: 'resources:\n  svc:\n    type: ecs\n    launchType: fargate\n    cpu: 256\n    memory:\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'examples/mistakes.awsflow worker: 0.25 vCPU with 4 GB, comment kept',
      code: 'resources:\n  worker:\n    type: ecs\n    launchType: fargate\n    cpu: 256\n    memory: «4GB»                    # too much for 0.25 vCPU\n',
      errors: [
        {
          messageId: 'badMemory',
          message:
            'ECS service worker on Fargate: cpu 256 (0.25 vCPU) allows 512 MiB, 1 GB or 2 GB of memory, not 4GB (4,096 MiB); ECS rejects the task definition.',
        },
      ],
      output:
        'resources:\n  worker:\n    type: ecs\n    launchType: fargate\n    cpu: 256\n    memory: 2GB                    # too much for 0.25 vCPU\n',
    },
    {
      name: 'just over the maximum for 4 vCPU',
      code: svc('cpu: 4096, memory: «31GB»'),
      errors: [{ messageId: 'badMemory', message: /allows 8 GB – 30 GB in 1 GB steps of memory, not 31GB \(31,744 MiB\)/ }],
      output: svc('cpu: 4096, memory: 30GB'),
    },
    {
      name: 'just under the minimum for 4 vCPU, bare MB kept bare',
      code: svc('cpu: 4 vCPU, memory: «7168»'),
      errors: [{ messageId: 'badMemory' }],
      output: svc('cpu: 4 vCPU, memory: 8192'),
    },
    {
      name: 'between two 4 GB steps: the larger',
      code: svc('cpu: 8192, memory: «18 GiB»'),
      errors: [{ messageId: 'badMemory' }],
      output: svc('cpu: 8192, memory: 20 GiB'),
    },
    {
      name: 'not whole GB: written in MB',
      code: svc('cpu: 256, memory: «0.75GB»'),
      errors: [{ messageId: 'badMemory' }],
      output: svc('cpu: 256, memory: 1GB'),
    },
    {
      name: 'a cpu Fargate does not offer: the nearest that fits the memory',
      code: svc('cpu: «300», memory: 1GB'),
      errors: [
        {
          messageId: 'badCpu',
          message:
            'ECS service svc on Fargate: cpu 300 (300 units) is not a size Fargate offers (256, 512, 1024, 2048, 4096, 8192, 16384 units, that is 0.25, 0.5, 1, 2, 4, 8, 16 vCPU); ECS rejects the task definition.',
        },
      ],
      output: svc('cpu: 256, memory: 1GB'),
    },
    {
      name: 'a cpu in vCPU: the answer in vCPU',
      code: svc('cpu: «3 vCPU», memory: 8GB'),
      errors: [{ messageId: 'badCpu' }],
      output: svc('cpu: 4 vCPU, memory: 8GB'),
    },
    {
      name: 'neither fits: both change',
      code: svc('cpu: «300», memory: 1500'),
      errors: [{ messageId: 'badCpu' }],
      output: svc('cpu: 256, memory: 1024'),
    },
    {
      name: 'memory missing: on the key, with a suggestion',
      code: 'resources:\n  «svc»: { type: ecs, launchType: fargate, cpu: 1024 }',
      errors: [
        {
          messageId: 'missing',
          message:
            'ECS service svc on Fargate sets no memory: Fargate needs both cpu and memory at task level, as one of the pairs it offers; ECS rejects the task definition.',
          suggestions: ['resources:\n  svc: { type: ecs, launchType: fargate, cpu: 1024, memory: 2GB }'],
        },
      ],
    },
    {
      name: 'cpu missing: the smallest cpu for the memory',
      code: 'resources:\n  «svc»:\n    type: ecs\n    launchType: fargate\n    memory: 3GB\n',
      errors: [
        {
          messageId: 'missing',
          message: /sets no cpu:/,
          suggestions: ['resources:\n  svc:\n    type: ecs\n    launchType: fargate\n    memory: 3GB\n    cpu: 512\n'],
        },
      ],
    },
    {
      name: 'both missing',
      code: 'resources:\n  «svc»: { type: ecs, launchType: fargate }',
      errors: [
        {
          messageId: 'missing',
          message: /sets no cpu and memory:/,
          suggestions: ['resources:\n  svc: { type: ecs, launchType: fargate, cpu: 256, memory: 512MB }'],
        },
      ],
    },
    {
      name: 'both missing, block style',
      code: 'resources:\n  «svc»:\n    type: ecs\n    launchType: fargate   # sizes to come\n  next: { type: sqs }\n',
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            'resources:\n  svc:\n    type: ecs\n    launchType: fargate   # sizes to come\n    cpu: 256\n    memory: 512MB\n  next: { type: sqs }\n',
          ],
        },
      ],
    },
    {
      name: 'memory from defaults: on the defaults node, fixed on the service only',
      code: 'defaults:\n  ecs: { launchType: fargate, memory: «4GB» }\nresources:\n  small: { type: ecs, cpu: 256 }\n  big: { type: ecs, cpu: 1024 }',
      errors: [{ messageId: 'badMemory', message: /^ECS service small on Fargate/ }],
      output:
        'defaults:\n  ecs: { launchType: fargate, memory: 4GB }\nresources:\n  small: { type: ecs, cpu: 256, memory: 2GB }\n  big: { type: ecs, cpu: 1024 }',
    },
  ],
});
