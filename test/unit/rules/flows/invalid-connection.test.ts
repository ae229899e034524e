import rule from '../../../../src/core/rules/flows/invalid-connection';
import { ruleTester } from '../../../helpers/rule-tester';

const R =
  'resources:\n  q: { type: sqs }\n  t: { type: sns }\n  f: { type: lambda }\n  k: { type: kinesis }\n  b: { type: s3 }\n  s: { type: schedule, expression: rate(1 hour) }\n';

/** Format 1.1: Pipes and Step Functions tasks. */
const P =
  'resources:\n' +
  '  stream: { type: kinesis }\n' +
  '  news: { type: sns }\n' +
  '  news.fifo: { type: sns, fifo: true }\n' +
  '  jobs.fifo: { type: sqs, fifo: true }\n' +
  '  fn: { type: lambda }\n' +
  '  api: { type: api-gateway }\n' +
  '  sm: { type: stepfunctions }\n' +
  '  cluster: { type: eks }\n' +
  '  bucket: { type: s3 }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'Step Functions tasks AWS offers beyond FORMAT.md: API Gateway, EKS (optimized), S3 (SDK); with callback on a task',
      code: `${P}flows:\n  - sm -> api, cluster, bucket\n  - sm -> fn, news: { callback: true }`,
    },
    { name: 'a Pipe into a standard topic and a FIFO queue', code: `${P}flows:\n  - stream -> news, jobs.fifo: { via: pipe }` },
    { name: 'callback: false anywhere', code: `${P}flows:\n  - fn -> news: { callback: false }` },
    {
      name: 'event source mapping, subscription, producer',
      code: `${R}flows:\n  - f -> t\n  - t -> q\n  - q -> f\n  - f -> k\n  - k -> f`,
    },
    { name: 'schedule and S3 notification targets', code: `${R}flows:\n  - s -> f\n  - b -> q, t\n  - b -> f` },
    { name: 'chain and fan-out, with properties', code: `${R}flows:\n  - f -> t -> q, f: { rate: 5/s }` },
    { name: 'S3 to a standard queue', code: 'resources:\n  b: { type: s3 }\n  q: { type: sqs }\nflows:\n  - b -> q' },
    {
      name: 'half-typed: a resource with no type, an empty flow',
      code: 'resources:\n  q: { type: sqs }\n  x: { label: X }\nflows:\n  - q -> x\n  - x -> q\n  -\n',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'queue to topic',
      code: `${R}flows:\n  - q -> «t»`,
      errors: [
        {
          messageId: 'invalid',
          message:
            "AWS cannot connect 'q' (sqs) to 't' (sns): an SQS queue cannot deliver to an SNS topic: something must poll it (a Lambda event source mapping, or compute that calls ReceiveMessage), then send on; EventBridge Pipes can do this without code.",
        },
      ],
    },
    {
      name: 'topic to stream, in a fan-out with a valid target',
      code: `${R}flows:\n  - t -> q, «k», f   # mixed`,
      errors: [
        { messageId: 'invalid', message: /^AWS cannot connect 't' \(sns\) to 'k' \(kinesis\): SNS cannot subscribe a Kinesis stream/ },
      ],
    },
    {
      name: 'every invalid step of a chain, with properties',
      code: `${R}flows:\n  - f -> q -> «t» -> «k»: { rate: 2/s }`,
      errors: [{ messageId: 'invalid' }, { messageId: 'invalid' }],
    },
    {
      name: 'nothing sends to a schedule',
      code: `${R}flows:\n  - f -> «s»`,
      errors: [
        {
          messageId: 'invalid',
          message: "AWS cannot connect 'f' (lambda) to 's' (schedule): a schedule only starts things: nothing can send to it.",
        },
      ],
    },
    {
      name: 'a resource connected to itself: a warning where AWS can make the call (a function invoking itself), an error where it cannot (a queue)',
      code: `${R}flows:\n  - f -> «f»\n  - q -> «q»`,
      errors: [
        {
          messageId: 'self',
          severity: 'warning',
          message:
            "'f' is connected to itself: whatever it sends comes straight back to it, a loop that never ends. Name the resource it really sends to.",
        },
        { messageId: 'self', severity: 'error' },
      ],
    },
    {
      name: 'a Pipe into an SNS FIFO topic (a standard topic and a FIFO queue are fine)',
      code: `${P}flows:\n  - stream -> «news.fifo», news, jobs.fifo: { via: pipe }\n  - news.fifo -> jobs.fifo`,
      errors: [
        {
          messageId: 'pipeFifoTopic',
          message:
            "An EventBridge Pipe cannot deliver to 'news.fifo': it is a FIFO topic, and Pipes do not support SNS FIFO topics as targets. Pipe into a FIFO queue, or into a standard topic.",
        },
      ],
    },
    {
      name: '`callback: true` on a connection that is no task, once for a fan-out',
      code: `${P}flows:\n  - api -> sm: { callback: «true» }\n  - fn -> news, jobs.fifo: { callback: «true» }\n  - sm -> fn: { callback: true }`,
      errors: [
        {
          messageId: 'callbackNotTask',
          message:
            "`callback: true` on 'api' -> 'sm', which is not a Step Functions task: only a task (`stepfunctions -> <service>`) waits for a task token (`.waitForTaskToken`). Remove `callback`.",
        },
        { messageId: 'callbackNotTask', message: /^`callback: true` on 'fn' -> 'news', / },
      ],
    },
    {
      name: 'a task to a schedule, still invalid (nothing sends to a schedule)',
      code: `${P}  tick: { type: schedule, expression: rate(1 hour) }\nflows:\n  - sm -> «tick»`,
      errors: [{ messageId: 'invalid', message: /a schedule only starts things: nothing can send to it\.$/ }],
    },
    {
      name: 'block-style entry, quoted flow',
      code: `${R}flows:\n  - "k -> «b»":\n      rate: 1/s`,
      errors: [{ messageId: 'invalid' }],
    },
  ],
});
