import rule from '../../../../src/core/rules/lambda/concurrency';
import { ruleTester } from '../../../helpers/rule-tester';

const api = 'resources:\n  api: { type: api-gateway }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'no duration: no concurrency to derive',
      code: `${api}  f: { type: lambda, reservedConcurrency: 1 }\nflows:\n  - api -> f: { rate: 5000/s }`,
    },
    {
      name: 'exactly the reserved concurrency',
      code: `${api}  f: { type: lambda, duration: 2s, reservedConcurrency: 100 }\nflows:\n  - api -> f: { rate: 50/s }`,
    },
    {
      name: 'exactly the account default (1,000)',
      code: `${api}  f: { type: lambda, duration: 2s }\nflows:\n  - api -> f: { rate: 500/s }`,
    },
    {
      name: 'a raised account quota',
      code: `account: { lambdaConcurrency: 3000 }\n${api}  f: { type: lambda, duration: 2s }\nflows:\n  - api -> f: { rate: 1200/s }`,
    },
    {
      name: 'an event source mapping invokes once per batch',
      code: `${api}  q: { type: sqs }\n  f: { type: lambda, duration: 5s, reservedConcurrency: 500 }\nflows:\n  - api -> q: { rate: 1000/s }\n  - q -> f: { batchSize: 10 }`,
    },
    {
      name: 'two functions without reservations: exactly the 1,000 they share',
      code: `${api}  f: { type: lambda, duration: 1s }\n  g: { type: lambda, duration: 1s }\nflows:\n  - api -> f: { rate: 600/s }\n  - api -> g: { rate: 400/s }`,
    },
    {
      name: 'a reservation of 300 leaves exactly 700 to the others',
      code: `${api}  r: { type: lambda, reservedConcurrency: 300 }\n  f: { type: lambda, duration: 1s }\nflows:\n  - api -> f: { rate: 700/s }`,
    },
    {
      name: "reservations of exactly the account's concurrency − 100",
      code: `${api}  r: { type: lambda, reservedConcurrency: 500 }\n  s: { type: lambda, reservedConcurrency: 400 }`,
    },
    {
      name: 'a raised account quota: reservations up to 2,900',
      code: `account: { lambdaConcurrency: 3000 }\n${api}  r: { type: lambda, reservedConcurrency: 2900 }`,
    },
    {
      name: 'no rate declared',
      code: `${api}  f: { type: lambda, timeout: 15m, duration: 10m, reservedConcurrency: 1 }\nflows:\n  - api -> f`,
    },
    {
      name: 'half-typed reservedConcurrency',
      code: `${api}  f:\n    type: lambda\n    duration: 2s\n    reservedConcurrency:\nflows:\n  - api -> f: { rate: 1000/s }`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'two functions without reservations just over the 1,000 they share: on the larger, naming both',
      code: `${api}  f: { type: lambda, duration: 1s }\n  «g»: { type: lambda, duration: 1s }\nflows:\n  - api -> f: { rate: 400/s }\n  - api -> g: { rate: 601/s }`,
      errors: [
        {
          messageId: 'overPool',
          severity: 'warning',
          message:
            "Functions without reserved concurrency need 1,001 concurrent executions together (g 601, f 400), over the account's Lambda concurrency of 1,000 (AWS default), which they share; Lambda throttles the invocations beyond it.",
        },
      ],
    },
    {
      name: 'a reservation of 300 leaves 700: one function just over it',
      code: `${api}  r: { type: lambda, reservedConcurrency: 300 }\n  «f»: { type: lambda, duration: 1s }\nflows:\n  - api -> f: { rate: 701/s }`,
      errors: [
        {
          messageId: 'overAccount',
          message:
            "701 invocations/s × 1 s duration = 701 concurrent executions of f, over the 700 left unreserved of the account's Lambda concurrency of 1,000 (AWS default) after 300 reserved by r; Lambda throttles the invocations beyond it.",
        },
      ],
    },
    {
      name: "reservations just over the account's concurrency − 100: an error, on the last reservation",
      code: `${api}  r: { type: lambda, reservedConcurrency: 500 }\n  s: { type: lambda, reservedConcurrency: «401» }`,
      errors: [
        {
          messageId: 'overReservations',
          severity: 'error',
          message:
            'Reserved concurrency adds up to 901 (r 500, s 401), over the 900 an account with Lambda concurrency 1,000 (AWS default) can reserve: 100 must stay unreserved; Lambda rejects the reservation that goes over.',
        },
      ],
    },
    {
      name: 'over a declared account quota − 100; the others keep the 100 AWS leaves them',
      code: `account: { lambdaConcurrency: 2000 }\n${api}  r: { type: lambda, reservedConcurrency: «1950» }\n  «f»: { type: lambda, duration: 1s }\nflows:\n  - api -> f: { rate: 101/s }`,
      errors: [
        {
          messageId: 'overReservations',
          severity: 'error',
          message:
            /^Reserved concurrency adds up to 1,950 \(r 1,950\), over the 1,900 an account with Lambda concurrency 2,000 \(account\.lambdaConcurrency\) can reserve/,
        },
        {
          messageId: 'overAccount',
          severity: 'warning',
          message:
            /over the 100 left unreserved of the account's Lambda concurrency of 2,000 \(account\.lambdaConcurrency\) after 1,950 reserved by r;/,
        },
      ],
    },
    {
      name: 'just over the reserved concurrency: on its value',
      code: `${api}  f: { type: lambda, duration: 2s, reservedConcurrency: «100» }\nflows:\n  - api -> f: { rate: 51/s }`,
      errors: [
        {
          messageId: 'overReserved',
          severity: 'warning',
          message:
            '51 invocations/s × 2 s duration = 102 concurrent executions of f, over reservedConcurrency 100; Lambda throttles the invocations beyond it.',
        },
      ],
    },
    {
      name: 'block style with a comment',
      code: `${api}  worker:\n    type: lambda\n    duration: 2s\n    reservedConcurrency: «100»   # protects the database\nflows:\n  - api -> worker: { rate: 120/s }\n`,
      errors: [
        {
          messageId: 'overReserved',
          message:
            '120 invocations/s × 2 s duration = 240 concurrent executions of worker, over reservedConcurrency 100; Lambda throttles the invocations beyond it.',
        },
      ],
    },
    {
      name: 'just over the account default: on the function key',
      code: `${api}  «f»: { type: lambda, duration: 2s }\nflows:\n  - api -> f: { rate: 501/s }`,
      errors: [
        {
          messageId: 'overAccount',
          message:
            "501 invocations/s × 2 s duration = 1,002 concurrent executions of f, over the account's Lambda concurrency of 1,000 (AWS default); Lambda throttles the invocations beyond it.",
        },
      ],
    },
    {
      name: 'over a declared account quota',
      code: `account: { lambdaConcurrency: 500 }\n${api}  «f»: { type: lambda, duration: 500ms }\nflows:\n  - api -> f: { rate: 1001/s }`,
      errors: [
        {
          messageId: 'overAccount',
          message:
            "1,001 invocations/s × 500 ms duration = 500.5 concurrent executions of f, over the account's Lambda concurrency of 500 (account.lambdaConcurrency); Lambda throttles the invocations beyond it.",
        },
      ],
    },
    {
      name: 'an event source mapping: rate ÷ batch size',
      code: `${api}  q: { type: sqs }\n  f: { type: lambda, duration: 1s, reservedConcurrency: «100» }\nflows:\n  - api -> q: { rate: 1000/s }\n  - q -> f: { batchSize: 5 }`,
      errors: [{ messageId: 'overReserved', message: /^200 invocations\/s × 1 s duration = 200 concurrent executions of f/ }],
    },
    {
      name: 'fan-in adds up',
      code: `${api}  c: { type: client }\n  f: { type: lambda, duration: 2s, reservedConcurrency: «100» }\nflows:\n  - api, c -> f: { rate: 30/s }`,
      errors: [{ messageId: 'overReserved', message: /^60 invocations\/s × 2 s duration = 120 concurrent/ }],
    },
    {
      name: 'fan-out from a topic: every subscriber gets the whole rate, and they share the account pool: one finding, on the first of the largest',
      code: 'resources:\n  svc: { type: ecs }\n  t: { type: sns, encryption: kms }\n  «a»: { type: lambda, timeout: 2m, duration: 1m }\n  b: { type: lambda, timeout: 2m, duration: 1m }\nflows:\n  - svc -> t: { rate: 20/s }\n  - t -> a, b',
      errors: [
        {
          messageId: 'overPool',
          message:
            "Functions without reserved concurrency need 2,400 concurrent executions together (a 1,200, b 1,200), over the account's Lambda concurrency of 1,000 (AWS default), which they share; Lambda throttles the invocations beyond it.",
        },
      ],
    },
    {
      name: 'a chain passes the rate on',
      code: `${api}  f: { type: lambda }\n  «g»: { type: lambda, timeout: 5m, duration: 3m }\nflows:\n  - api -> f -> g: { rate: 6/s }`,
      errors: [{ messageId: 'overAccount', message: /^6 invocations\/s × 3 min duration = 1,080 concurrent executions of g/ }],
    },
    {
      name: 'reservedConcurrency and duration from defaults: on the defaults value',
      code: `defaults:\n  lambda: { duration: 1s, reservedConcurrency: ««10»» }\n${api}  f: { type: lambda }\n  g: { type: lambda }\nflows:\n  - api -> f, g: { rate: 11/s }`,
      errors: [
        { messageId: 'overReserved', message: /of f,/ },
        { messageId: 'overReserved', message: /of g,/ },
      ],
    },
  ],
});
