import rule from '../../../../src/core/rules/kinesis/range';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'AWS defaults', code: 'resources:\n  s: { type: kinesis, encryption: kms }' },
    { name: 'the minimums', code: 'resources:\n  s: { type: kinesis, mode: provisioned, shards: 1, retention: 24h, encryption: kms }' },
    { name: 'the maximum in days', code: 'resources:\n  s: { type: kinesis, retention: 365d, encryption: kms }' },
    { name: 'the maximum in hours', code: 'resources:\n  s:\n    type: kinesis\n    retention: 8760h\n    encryption: kms' },
    {
      name: 'a mapping and a Pipe reading the stream: parallelization 1 and 10, retries and record age at their limits',
      code: 'resources:\n  clicks: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\n  flow: { type: stepfunctions }\nflows:\n  - clicks -> f: { onFailure: failed, parallelization: 10, retry: { attempts: 10000, maxAge: 7d } }\n  - clicks -> flow: { via: pipe, onFailure: failed, parallelization: 1, retry: { attempts: -1 } }',
    },
    {
      name: "a DynamoDB stream's readers are dynamodb/range's",
      code: 'resources:\n  t: { type: dynamodb, stream: true }\n  f: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - t -> f: { onFailure: failed, parallelization: 20 }',
      ruleSeverities: { 'dynamodb/range': 'off' },
    },
    {
      name: 'half-typed',
      code: 'resources:\n  s:\n    type: kinesis\n    shards:\n    retention: later',
      ruleSeverities: { 'schema/invalid': 'off' },
    },
  ],
  invalid: [
    {
      name: 'retention under 24 hours keeps hours',
      code: 'resources:\n  s:\n    type: kinesis\n    encryption: kms\n    retention: «12h»   # one day is the floor\n',
      errors: [{ messageId: 'belowMin', message: 'Kinesis retention 12h (12 h) is below the minimum of 24 hours (86,400 s).' }],
      output: 'resources:\n  s:\n    type: kinesis\n    encryption: kms\n    retention: 24h   # one day is the floor\n',
    },
    {
      name: 'retention just over 365 days',
      code: 'resources:\n  a: { type: kinesis, encryption: kms, retention: «366d» }\n  b: { type: kinesis, encryption: kms, retention: «8761h» }',
      errors: [
        { messageId: 'overMax', message: 'Kinesis retention 366d (366 d) is over the maximum of 365 days (8,760 hours, 31,536,000 s).' },
        { messageId: 'overMax' },
      ],
      output:
        'resources:\n  a: { type: kinesis, encryption: kms, retention: 365d }\n  b: { type: kinesis, encryption: kms, retention: 365d }',
    },
    {
      name: 'bare seconds',
      code: 'resources:\n  s: { type: kinesis, encryption: kms, retention: «3600» }',
      errors: [{ messageId: 'belowMin' }],
      output: 'resources:\n  s: { type: kinesis, encryption: kms, retention: 86400 }',
    },
    {
      name: 'parallelization over 10 on a mapping, under 1 on a Pipe; retries over 10,000; a record age over 7 days',
      code: 'resources:\n  clicks: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\n  flow: { type: stepfunctions }\nflows:\n  - clicks -> f: { onFailure: failed, parallelization: «20», retry: { attempts: «20000», maxAge: «8d» } }\n  - clicks -> flow: { via: pipe, onFailure: failed, parallelization: «0» }',
      errors: [
        { messageId: 'overMax', message: 'Kinesis event source mapping parallelization 20 is over the maximum of 10.' },
        { messageId: 'overMax', message: 'Kinesis event source mapping retry.attempts 20000 is over the maximum of 10,000.' },
        { messageId: 'overMax' },
        { messageId: 'belowMin', message: 'Kinesis Pipe parallelization 0 is below the minimum of 1.' },
      ],
      output:
        'resources:\n  clicks: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\n  flow: { type: stepfunctions }\nflows:\n  - clicks -> f: { onFailure: failed, parallelization: 10, retry: { attempts: 10000, maxAge: 7d } }\n  - clicks -> flow: { via: pipe, onFailure: failed, parallelization: 1 }',
    },
    {
      name: 'no shards',
      code: 'resources:\n  s: { type: kinesis, mode: provisioned, shards: «0», encryption: kms }',
      errors: [{ messageId: 'belowMin', message: 'Kinesis shards 0 is below the minimum of 1.' }],
      output: 'resources:\n  s: { type: kinesis, mode: provisioned, shards: 1, encryption: kms }',
    },
    {
      name: 'retention between two whole hours',
      code: 'resources:\n  s: { type: kinesis, retention: «25.5h», encryption: kms }\n  t: { type: kinesis, retention: «90500», encryption: kms }',
      errors: [
        {
          messageId: 'notWhole',
          message:
            'Kinesis retention 25.5h (1 d 1 h 30 min) is not a whole number of hours; AWS takes retention in whole hours and rejects the value.',
        },
        { messageId: 'notWhole' },
      ],
      output:
        'resources:\n  s: { type: kinesis, retention: 26h, encryption: kms }\n  t: { type: kinesis, retention: 90000, encryption: kms }',
    },
    {
      name: 'from defaults',
      code: 'defaults:\n  kinesis: { retention: «1h» }\nresources:\n  a: { type: kinesis, encryption: kms }\n  b: { type: kinesis, encryption: kms }',
      errors: [{ messageId: 'belowMin' }],
      output:
        'defaults:\n  kinesis: { retention: 24h }\nresources:\n  a: { type: kinesis, encryption: kms }\n  b: { type: kinesis, encryption: kms }',
    },
  ],
});
