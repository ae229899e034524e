import rule from '../../../../src/core/rules/api-gateway/throttle';
import { ruleTester } from '../../../helpers/rule-tester';

const R = [
  'resources:',
  '  web: { type: client }',
  '  partners: { type: client }',
  '  public: { type: api-gateway }',
  '  admin: { type: api-gateway }',
  '  handler: { type: lambda }',
  '',
].join('\n');
const BACKENDS = '\n  - public, admin -> handler';

ruleTester(rule, {
  valid: [
    { name: 'exactly 10,000 requests/s on one API', code: `${R}flows:\n  - web -> public: { rate: 10000/s }${BACKENDS}` },
    {
      name: '6,000 + 4,000 across two APIs',
      code: `${R}flows:\n  - web -> public: { rate: 6000/s }\n  - partners -> admin: { rate: 240000/min }${BACKENDS}`,
    },
    { name: 'no rates declared', code: `${R}flows:\n  - web -> public\n  - partners -> admin${BACKENDS}` },
    {
      name: 'a raised quota: exactly 20,000/s',
      code: `account: { apiGatewayThrottle: 20000/s }\n${R}flows:\n  - web -> public: { rate: 20000/s }${BACKENDS}`,
    },
    { name: 'a 2,500/s Region: exactly 2,500', code: `region: af-south-1\n${R}flows:\n  - web -> public: { rate: 2500/s }${BACKENDS}` },
    {
      name: 'outbound rates of an API do not count',
      code: `${R}  q: { type: sqs }\nflows:\n  - web -> public: { rate: 100/s }\n  - public -> q: { rate: 50000/s }\n  - q -> handler`,
    },
    {
      name: 'half-typed: apiGatewayThrottle not a rate yet',
      code: `account: { apiGatewayThrottle: lots }\n${R}flows:\n  - web -> public: { rate: 50000/s }${BACKENDS}`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
    {
      name: 'half-typed: rate with no value',
      code: `${R}flows:\n  - web -> public:\n      rate:\n${BACKENDS}`,
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: '10,001 requests/s on one API',
      code: `${R}flows:\n  - web -> public: { rate: «10001/s» }${BACKENDS}`,
      errors: [
        {
          messageId: 'overThrottle',
          severity: 'warning',
          message:
            "Requests into API Gateway total 10,001 requests/s across the account's APIs ('public' 10,001/s), over the account throttle of 10,000 requests/s (AWS default; no region set): API Gateway answers the excess with 429 Too Many Requests, beyond a burst of about 5,000 requests. Raise the quota through Service Quotas (and set `account.apiGatewayThrottle`), or spread the load over accounts or Regions.",
        },
      ],
    },
    {
      name: 'two APIs under the limit each, over it together: the throttle is account-wide',
      code: `region: us-east-1\n${R}flows:\n  - web -> public: { rate: «6000/s» }\n  - partners -> admin: { rate: «4001/s» }${BACKENDS}`,
      errors: [
        {
          messageId: 'overThrottle',
          message:
            /total 10,001 requests\/s across the account's APIs \('public' 6,000\/s, 'admin' 4,001\/s\), over the account throttle of 10,000 requests\/s \(AWS default in us-east-1\)/,
        },
        { messageId: 'overThrottle' },
      ],
    },
    {
      name: 'a raised quota: 20,001/s is over it',
      code: `account:\n  apiGatewayThrottle: 20000/s\n${R}flows:\n  - web -> public: { rate: «20001/s» }${BACKENDS}`,
      errors: [
        {
          messageId: 'overThrottle',
          message: /over the account throttle of 20,000 requests\/s \(account.apiGatewayThrottle\): .* about 10,000 requests/,
        },
      ],
    },
    {
      name: 'a 2,500/s Region: 2,501 is over',
      code: `region: eu-south-1\n${R}flows:\n  - web -> public: { rate: «2501/s» }${BACKENDS}`,
      errors: [{ messageId: 'overThrottle', message: /of 2,500 requests\/s \(AWS default in eu-south-1\): .* about 1,250 requests/ }],
    },
    {
      name: "a rate passed on from upstream sits on the API's id in the flow; a fan-in entry is one finding",
      code: `${R}  cdn: { type: cloudfront }\nflows:\n  - web -> cdn: { rate: 8000/s }\n  - cdn -> «public»\n  - web, partners -> admin: { rate: «1500/s» }   # both${BACKENDS}`,
      errors: [
        {
          messageId: 'overThrottle',
          message: /total 11,000 requests\/s across the account's APIs \('public' 8,000\/s, 'admin' 3,000\/s\)/,
        },
        { messageId: 'overThrottle' },
      ],
    },
  ],
});
