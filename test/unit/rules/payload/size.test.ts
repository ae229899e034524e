import rule from '../../../../src/core/rules/payload/size';
import { ruleTester } from '../../../helpers/rule-tester';

const svc = 'resources:\n  svc: { type: ecs }\n';

ruleTester(rule, {
  valid: [
    { name: 'SQS: exactly 1 MiB', code: `${svc}  q: { type: sqs }\nflows:\n  - svc -> q: { size: 1MB }` },
    {
      name: "SQS: exactly the queue's maxMessageSize",
      code: `${svc}  q: { type: sqs, maxMessageSize: 256KB }\nflows:\n  - svc -> q: { size: 256KB }`,
    },
    { name: 'SNS: exactly 256 KiB', code: `${svc}  t: { type: sns, encryption: kms }\nflows:\n  - svc -> t: { size: 256KiB }` },
    { name: 'Kinesis: exactly 1 MiB', code: `${svc}  s: { type: kinesis, encryption: kms }\nflows:\n  - svc -> s: { size: 1MiB }` },
    {
      name: 'Lambda, asynchronous: exactly 1 MB',
      code: 'resources:\n  f: { type: lambda }\n  g: { type: lambda }\nflows:\n  - f -> g: { size: 1MB }',
    },
    {
      name: 'Lambda, synchronous: exactly 6 MB',
      code: 'resources:\n  api: { type: api-gateway }\n  f: { type: lambda }\nflows:\n  - api -> f: { size: 6MB }',
    },
    {
      name: 'an S3 notification carries a description of the object, not the object',
      code: 'resources:\n  uploads: { type: s3 }\n  f: { type: lambda }\nflows:\n  - uploads -> f: { size: 50MB }',
    },
    {
      name: 'a batch of 10 × 600KB fits in 6 MB',
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - svc -> q: { rate: 5/s }\n  - q -> f: { size: 600KB }`,
    },
    {
      name: 'a batch of exactly 6 MB with the size from upstream',
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - svc -> q: { rate: 1/s, size: 1MB }\n  - q -> f: { batchSize: 6 }`,
    },
    {
      name: 'a size carried through API Gateway: exactly 6 MB to the Lambda behind it',
      code: 'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  f: { type: lambda }\nflows:\n  - web -> api: { size: 6MB }\n  - api -> f',
    },
    {
      name: 'API Gateway: exactly 10 MB',
      code: 'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  b: { type: s3 }\nflows:\n  - web -> api: { size: 10MB }\n  - api -> b',
    },
    {
      name: 'a size declared downstream wins over the one carried',
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\n  t: { type: sns, encryption: kms }\nflows:\n  - svc -> q: { size: 300KB }\n  - q -> f\n  - f -> t: { size: 2KB }`,
    },
    {
      name: 'a store does not pass the object on: its notification describes it',
      code: `${svc}  b: { type: s3 }\n  f: { type: lambda }\n  q: { type: sqs }\nflows:\n  - svc -> b: { size: 50MB }\n  - b -> f\n  - f -> q`,
    },
    {
      name: "a carried size exactly at the queue's maxMessageSize",
      code: `${svc}  t: { type: sns, encryption: kms }\n  q: { type: sqs, maxMessageSize: 100KB }\nflows:\n  - svc -> t: { size: 100KB }\n  - t -> q`,
    },
    { name: 'no size declared', code: `${svc}  q: { type: sqs, maxMessageSize: 1KB }\nflows:\n  - svc -> q: { rate: 10/s }` },
    {
      name: 'half-typed size',
      code: `${svc}  q: { type: sqs }\nflows:\n  - svc -> q: { size: }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'EventBridge: an event of exactly 1 MB (1,048,576 bytes) put on a bus',
      code: `${svc}  bus: { type: eventbridge }\nflows:\n  - svc -> bus: { size: 1MB }`,
    },
    {
      name: 'EventBridge: an event of 1 MB carried on to a rule target invoked asynchronously',
      code: `${svc}  bus: { type: eventbridge }\n  f: { type: lambda }\nflows:\n  - svc -> bus: { size: 1MB }\n  - bus -> f`,
    },
    {
      name: 'S3 notifications to a bus describe the object, not the object',
      code: 'resources:\n  b: { type: s3 }\n  bus: { type: eventbridge }\nflows:\n  - b -> bus: { size: 5MB }',
    },
    {
      name: 'Step Functions: an input of exactly 256 KiB; a task passing 256 KiB on',
      code: 'resources:\n  api: { type: api-gateway }\n  flow: { type: stepfunctions }\n  f: { type: lambda }\nflows:\n  - api -> flow: { size: 256KiB }\n  - flow -> f',
    },
    {
      name: 'Step Functions: a task declaring a smaller size than the input',
      code: 'resources:\n  bus: { type: eventbridge }\n  flow: { type: stepfunctions }\n  q: { type: sqs }\nflows:\n  - bus -> flow: { size: 200KB }\n  - flow -> q: { size: 10KB }',
    },
  ],
  invalid: [
    {
      name: 'a 6,145 KB request through API Gateway to a Lambda: on the hop over 6 MB, naming where the size was declared',
      code: 'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  f: { type: lambda }\nflows:\n  - web -> api: { size: 6145KB }\n  - api -> «f»',
      errors: [
        {
          messageId: 'overLambdaSync',
          message:
            'Request size 6145KB (declared on web -> api) for Lambda function f, called synchronously by api, is over the 6 MB maximum payload of a synchronous invocation; Lambda rejects the request.',
        },
      ],
    },
    {
      name: "a 300 KB message into SQS, through a function, into an SNS topic: on the topic's hop",
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\n  t: { type: sns, encryption: kms }\nflows:\n  - svc -> q: { size: 300KB }\n  - q -> f\n  - f -> «t»`,
      errors: [
        {
          messageId: 'overSns',
          message:
            'Message size 300KB (declared on svc -> q) published to SNS topic t is over the 256 KiB maximum; SNS rejects the publish.',
        },
      ],
    },
    {
      name: 'rejected once: a topic that refuses the message stops it, its subscriber is not reported again',
      code: `${svc}  t: { type: sns, encryption: kms }\n  q: { type: sqs }\nflows:\n  - svc -> t: { size: «2MB» }\n  - t -> q`,
      errors: [{ messageId: 'overSns' }],
    },
    {
      name: 'fan-out downstream: only the subscriber whose maximum is passed, on its id',
      code: `${svc}  t: { type: sns, encryption: kms }\n  a: { type: sqs, maxMessageSize: 100KB }\n  f: { type: lambda }\nflows:\n  - svc -> t: { size: 101KB }\n  - t -> «a», f`,
      errors: [
        {
          messageId: 'overSqs',
          message:
            'Message size 101KB (declared on svc -> t) sent to SQS queue a is over its maximum message size of 100KB; SQS rejects the message.',
        },
      ],
    },
    {
      name: 'through a function into a Kinesis stream',
      code: `${svc}  f: { type: lambda }\n  s: { type: kinesis, encryption: kms }\nflows:\n  - svc -> f: { size: 1025KB }\n  - f -> «s»`,
      errors: [{ messageId: 'overKinesis', message: /^Record size 1025KB \(declared on svc -> f\) put to Kinesis stream s/ }],
    },
    {
      name: 'API Gateway: just over 10 MB',
      code: 'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  b: { type: s3 }\nflows:\n  - web -> api: { size: «10241KB» }\n  - api -> b',
      errors: [
        {
          messageId: 'overApiGateway',
          message:
            'Request size 10241KB sent to API Gateway api by web is over its 10 MB maximum payload; API Gateway rejects the request.',
        },
      ],
    },
    {
      name: 'a batch over 6 MB with a size carried from upstream and no rate: on the batch size',
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - svc -> q: { size: 1MB }\n  - q -> f: { batchSize: «7» }`,
      errors: [{ messageId: 'overBatch', message: /^A batch of 7 records of 1MB \(declared on svc -> q\) from q comes to 7 MiB/ }],
    },
    {
      name: 'SQS: just over the 1 MiB default',
      code: `${svc}  q: { type: sqs }\nflows:\n  - svc -> q: { size: «1025KB» }`,
      errors: [
        {
          messageId: 'overSqs',
          severity: 'error',
          message:
            'Message size 1025KB sent to SQS queue q is over its maximum message size of 1 MiB (AWS default); SQS rejects the message.',
        },
      ],
    },
    {
      name: "SQS: over the queue's maxMessageSize; block style with a comment",
      code: `${svc}  q:\n    type: sqs\n    maxMessageSize: 256KB\nflows:\n  - svc -> q:\n      size: «257KB»   # with attributes\n`,
      errors: [
        {
          messageId: 'overSqs',
          message: 'Message size 257KB sent to SQS queue q is over its maximum message size of 256KB; SQS rejects the message.',
        },
      ],
    },
    {
      name: 'SQS: maxMessageSize from defaults; a bare number is bytes',
      code: `defaults:\n  sqs: { maxMessageSize: 64KB }\n${svc}  q: { type: sqs }\nflows:\n  - svc -> q: { size: «65537» }`,
      errors: [
        {
          messageId: 'overSqs',
          message: 'Message size 65537 bytes sent to SQS queue q is over its maximum message size of 64KB; SQS rejects the message.',
        },
      ],
    },
    {
      name: 'SNS: just over 256 KiB',
      code: `${svc}  t: { type: sns, encryption: kms }\nflows:\n  - svc -> t: { size: «257KB» }`,
      errors: [
        {
          messageId: 'overSns',
          message: 'Message size 257KB published to SNS topic t is over the 256 KiB maximum; SNS rejects the publish.',
        },
      ],
    },
    {
      name: 'Kinesis: just over 1 MiB',
      code: `${svc}  s: { type: kinesis, encryption: kms }\nflows:\n  - svc -> s: { size: «1025KB» }`,
      errors: [
        {
          messageId: 'overKinesis',
          message:
            'Record size 1025KB put to Kinesis stream s is over the maximum record size of 1 MiB (the default per-stream maximum); Kinesis rejects the record.',
        },
      ],
    },
    {
      name: 'Lambda called synchronously: just over 6 MB',
      code: 'resources:\n  api: { type: api-gateway }\n  lb: { type: alb }\n  f: { type: lambda }\nflows:\n  - api -> f: { size: «6145KB» }\n  - lb -> f: { size: «7MB» }',
      errors: [
        {
          messageId: 'overLambdaSync',
          message:
            'Request size 6145KB for Lambda function f, called synchronously by api, is over the 6 MB maximum payload of a synchronous invocation; Lambda rejects the request.',
        },
        { messageId: 'overLambdaSync', message: /called synchronously by lb/ },
      ],
    },
    {
      name: 'Lambda invoked asynchronously: by another function, by a schedule',
      code: 'resources:\n  f: { type: lambda }\n  g: { type: lambda }\n  tick: { type: schedule, expression: rate(1 hour) }\nflows:\n  - f -> g: { size: «1025KB» }\n  - tick -> g: { size: «2MB» }',
      errors: [
        {
          messageId: 'overLambdaAsync',
          message:
            'Event size 1025KB for Lambda function g, invoked asynchronously by f, is over the 1 MB maximum payload of an asynchronous invocation; Lambda rejects the event.',
        },
        { messageId: 'overLambdaAsync', message: /invoked asynchronously by tick/ },
      ],
    },
    {
      name: 'Lambda subscribed to a topic: asynchronous',
      code: `${svc}  t: { type: sns, encryption: kms }\n  f: { type: lambda }\nflows:\n  - svc -> t\n  - t -> f: { size: «1.5MB» }`,
      errors: [{ messageId: 'overLambdaAsync', message: /invoked asynchronously by t,/ }],
    },
    {
      name: 'fan-out: only the target whose maximum is passed',
      code: `${svc}  q: { type: sqs }\n  t: { type: sns, encryption: kms }\n  f: { type: lambda }\nflows:\n  - svc -> q, t: { size: «300KB» }\n  - t -> f`,
      errors: [{ messageId: 'overSns' }],
    },
    {
      name: 'fan-out over every maximum: one finding per target on the shared size',
      code: `${svc}  q: { type: sqs }\n  t: { type: sns, encryption: kms }\n  s: { type: kinesis, encryption: kms }\nflows:\n  - svc -> q, t, s: { size: «««2MB»»» }`,
      errors: [{ messageId: 'overSqs' }, { messageId: 'overSns' }, { messageId: 'overKinesis' }],
    },
    {
      name: 'fan-in: one finding for the shared size',
      code: `${svc}  c: { type: client }\n  q: { type: sqs }\nflows:\n  - svc, c -> q: { size: «2MB» }`,
      errors: [{ messageId: 'overSqs' }],
    },
    {
      name: 'a chain: the size applies to every connection; only the queue is over',
      code: 'resources:\n  api: { type: api-gateway }\n  f: { type: lambda }\n  q: { type: sqs }\nflows:\n  - api -> f -> q: { size: «2MB» }',
      errors: [{ messageId: 'overSqs', message: /SQS queue q/ }],
    },
    {
      name: 'a batch over 6 MB with the size on the mapping: a warning',
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - svc -> q: { rate: 5/s }\n  - q -> f: { batchSize: 10, size: «700KB» }`,
      errors: [
        {
          messageId: 'overBatch',
          severity: 'info',
          message:
            'A batch of 10 records of 700KB from q comes to 6.84 MiB, over the 6 MB payload maximum of a synchronous invocation of Lambda function f: Lambda passes smaller batches than batchSize, about 8 records each.',
        },
      ],
    },
    {
      name: 'a batch over 6 MB with the size from upstream: on the batch size',
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - svc -> q: { rate: 10/s, size: 1MB }\n  - q -> f: { batchSize: «7» }`,
      errors: [
        {
          messageId: 'overBatch',
          severity: 'info',
          message:
            'A batch of 7 records of 1 MiB (the average into q) from q comes to 7 MiB, over the 6 MB payload maximum of a synchronous invocation of Lambda function f: Lambda passes smaller batches than batchSize, about 6 records each.',
        },
      ],
    },
    {
      name: 'the default batch of 10 from SQS: on the target function',
      code: `${svc}  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - svc -> q: { rate: 10/s, size: 1MB }\n  - q -> «f»\n`,
      errors: [{ messageId: 'overBatch', message: /^A batch of 10 records of 1 MiB/ }],
    },
    {
      name: 'the default batch of 100 from Kinesis',
      code: `${svc}  s: { type: kinesis, encryption: kms }\n  f: { type: lambda }\nflows:\n  - svc -> s: { rate: 10/s, size: 100KB }\n  - s -> «f»`,
      errors: [{ messageId: 'overBatch', message: /^A batch of 100 records of 100 KiB \(the average into s\) from s comes to 9\.77 MiB/ }],
    },
    {
      name: 'EventBridge: just over 1 MB put on a bus by a function',
      code: 'resources:\n  f: { type: lambda }\n  bus: { type: eventbridge }\nflows:\n  - f -> bus: { size: «1048577» }',
      errors: [
        {
          messageId: 'overEventBridge',
          message:
            'Event size 1048577 bytes put on EventBridge bus bus by f is over the PutEvents maximum (1 MB per PutEvents entry); EventBridge rejects the entry.',
        },
      ],
    },
    {
      name: 'EventBridge: a size declared on the hop into a bus, reported there once (the bus rejects it: its rule target never sees it)',
      code: `${svc}  q: { type: sqs, maxMessageSize: 1MB }\n  f: { type: lambda }\n  bus: { type: eventbridge }\n  g: { type: lambda }\nflows:\n  - svc -> q: { size: 1MB }\n  - q -> f: { batchSize: 1 }\n  - f -> bus: { size: «1025KB» }\n  - bus -> g`,
      errors: [
        {
          messageId: 'overEventBridge',
          message: /^Event size 1025KB put on EventBridge bus bus by f is over the PutEvents maximum/,
        },
      ],
    },
    {
      name: 'EventBridge: a size carried from upstream onto a bus: on the bus, naming where it was declared',
      code: 'resources:\n  web: { type: client }\n  api: { type: api-gateway }\n  bus: { type: eventbridge }\nflows:\n  - web -> api: { size: 2MB }\n  - api -> «bus»',
      errors: [
        {
          messageId: 'overEventBridge',
          message:
            'Event size 2MB (declared on web -> api) put on EventBridge bus bus by api is over the PutEvents maximum (1 MB per PutEvents entry); EventBridge rejects the entry.',
        },
      ],
    },
    {
      name: 'EventBridge: a rule forwarding to another bus',
      code: 'resources:\n  a: { type: eventbridge }\n  b: { type: eventbridge }\nflows:\n  - a -> b: { size: «2MB» }',
      errors: [{ messageId: 'overEventBridge', message: /^Event size 2MB put on EventBridge bus b by a is over/ }],
    },
    {
      name: 'Step Functions: an execution input just over 256 KiB',
      code: 'resources:\n  api: { type: api-gateway }\n  flow: { type: stepfunctions }\nflows:\n  - api -> flow: { size: «262145» }',
      errors: [
        {
          messageId: 'overStepFunctionsInput',
          message:
            "Input size 262145 bytes starting Step Functions state machine flow from api is over Step Functions' maximum of 256 KiB (262,144 bytes) of input or output; the execution is not started.",
        },
      ],
    },
    {
      name: 'Step Functions: an event of 300 KB from a bus starts a workflow: the bus takes it, the workflow does not',
      code: `${svc}  bus: { type: eventbridge }\n  flow: { type: stepfunctions }\nflows:\n  - svc -> bus: { size: 300KB }\n  - bus -> «flow»`,
      errors: [
        {
          messageId: 'overStepFunctionsInput',
          message: /^Input size 300KB \(declared on svc -> bus\) starting Step Functions state machine flow from bus/,
        },
      ],
    },
    {
      name: "Step Functions: a task's input over 256 KiB, though the Lambda function takes 6 MB",
      code: 'resources:\n  flow: { type: stepfunctions }\n  f: { type: lambda }\nflows:\n  - flow -> f: { size: «300KB» }',
      errors: [
        {
          messageId: 'overStepFunctionsState',
          message:
            "Task input size 300KB from Step Functions state machine flow to f is over Step Functions' maximum of 256 KiB (262,144 bytes) of input or output; the execution fails (States.DataLimitExceeded).",
        },
      ],
    },
  ],
});
