import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type DocsLinks } from '../../../src/core/index';
import { hover } from '../../../src/core/services/hover';
import { cursor, strip } from '../../helpers/markers';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONNECTION_PROPERTIES, TYPE_PROPERTIES } from '../../../src/core/model/properties';

/** A fixture with one cursor `‸` and one expected range `«…»`. */
function at(marked: string) {
  const { text: withCursor, ranges } = strip(marked);
  const { text, offset } = cursor(withCursor);
  const shift = (n: number) => (n > offset ? n - 1 : n);
  const range = ranges[0] ? { start: shift(ranges[0].start), end: shift(ranges[0].end) } : undefined;
  return { text, offset, range };
}

/** Hover at the cursor; asserts its range is the marked one and returns the markdown. */
/** Where a host with a local copy of the docs says they are; rule links go under it. */
const DOCS_LINKS: DocsLinks = { packageRoot: 'file:///opt/awsflow/' };

function hoverAt(marked: string, links = DOCS_LINKS): string {
  const { text, offset, range } = at(marked);
  const result = hover(analyze(text), offset, links);
  assert.ok(result, 'expected a hover');
  assert.ok(range, 'fixture needs a «range»');
  assert.deepEqual({ start: result.start, end: result.end }, range, `range was ${JSON.stringify(text.slice(result.start, result.end))}`);
  return result.markdown;
}

function noHover(marked: string): void {
  const { text, offset } = cursor(marked);
  assert.equal(hover(analyze(text), offset), undefined);
}

const SQS_API = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html';
const LAMBDA_QUOTAS = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';
const SQS_DLQ = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html';

describe('hover on a resource type', () => {
  test('says what the service is and lists its AWS limits, each linked to its source', () => {
    const markdown = hoverAt('awsflow: 1\nresources:\n  q:\n    type: «s‸qs»\n');
    assert.ok(markdown.startsWith('**`sqs`** — SQS queue\n\nAmazon SQS queue: a managed message queue.'), markdown);
    assert.ok(
      markdown.includes(`**AWS limits**\n\n- \`visibilityTimeout\`: [0 s](${SQS_API}) – [43,200 s (12 h)](${SQS_API}), default 30 s\n`),
      markdown,
    );
    assert.ok(
      markdown.includes(
        '- `retention`: [60 s (1 min)](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html) – [1,209,600 s (14 d)]',
      ),
      markdown,
    );
    assert.ok(markdown.includes(`- \`deadLetter.maxReceiveCount\`: [1](${SQS_DLQ}) – [1,000](${SQS_DLQ})\n`), markdown);
    assert.ok(
      markdown.endsWith(
        '- name: [80 characters](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html)',
      ),
      markdown,
    );
  });

  test('Lambda lists the limits no property carries', () => {
    const markdown = hoverAt('resources:\n  f: { type: «lambda‸» }\n');
    assert.ok(markdown.includes(`- \`timeout\`: [1 s](${LAMBDA_QUOTAS}) – [900 s (15 min)](${LAMBDA_QUOTAS}), default 3 s\n`), markdown);
    assert.ok(
      markdown.includes(`- \`memory\`: [128 MB](${LAMBDA_QUOTAS}) – [10,240 MB (10 GB)](${LAMBDA_QUOTAS}), default 128 MB\n`),
      markdown,
    );
    assert.ok(markdown.includes(`- synchronous payload: [6 MB](${LAMBDA_QUOTAS})\n`), markdown);
  });

  test('a type without limits has its description only', () => {
    assert.equal(
      hoverAt('resources:\n  web: { type: «cli‸ent» }\n'),
      '**`client`** — client\n\nAnything outside AWS that produces messages or calls in: browsers, mobile apps, partner systems, on-premises services.',
    );
  });

  test('a type key under defaults is hovered like a type', () => {
    const markdown = hoverAt('defaults:\n  «k‸inesis»: { retention: 48h }\nresources: {}\n');
    assert.ok(markdown.startsWith('**`kinesis`** — Kinesis stream\n\nAmazon Kinesis Data Streams'), markdown);
  });

  test('an unknown type gives nothing (the schema finding says it)', () => {
    noHover('resources:\n  q: { type: sq‸ss }\n');
  });
});

describe('hover on a property value: the value as AWS counts it', () => {
  test('a Lambda timeout over the maximum, without repeating the finding', () => {
    const { text, offset } = at('resources:\n  f:\n    type: lambda\n    timeout: «2‸0m»\n');
    const analysis = analyze(text);
    const finding = analysis.findings.find((f) => f.ruleId === 'lambda/timeout-limit');
    assert.ok(finding && finding.start <= offset && offset <= finding.end);
    const markdown = hover(analysis, offset)!.markdown;
    assert.ok(
      markdown.startsWith('**`timeout`** — Lambda function property\n\n`20m` = 1,200 s\n\nHow long an invocation may run'),
      markdown,
    );
    assert.ok(markdown.endsWith(`AWS default: 3 s · Lambda allows [1 s](${LAMBDA_QUOTAS}) – [900 s (15 min)](${LAMBDA_QUOTAS})`), markdown);
    assert.ok(!markdown.includes(finding.message));
  });

  test('durations: bare numbers and unusual units get their human form', () => {
    assert.ok(hoverAt('resources:\n  f: { type: lambda, timeout: «9‸00» }\n').includes('\n\n`900` = 900 s (15 min)\n\n'));
    assert.ok(hoverAt('resources:\n  q: { type: sqs, visibilityTimeout: «90‸m» }\n').includes('\n\n`90m` = 5,400 s (1 h 30 min)\n\n'));
    assert.ok(hoverAt('resources:\n  q: { type: sqs, visibilityTimeout: «1h3‸0m» }\n').includes('\n\n`1h30m` = 5,400 s\n\n'));
    assert.ok(hoverAt('resources:\n  a: { type: api-gateway, timeout: «‸500ms» }\n').includes('\n\n`500ms` = 0.5 s\n\n'));
  });

  test('a managed-instances Lambda allows 90 minutes', () => {
    const markdown = hoverAt('resources:\n  f: { type: lambda, capacity: managed-instances, timeout: «1‸h» }\n');
    assert.ok(markdown.includes('\n\n`1h` = 3,600 s\n\n'), markdown);
    assert.ok(
      markdown.endsWith(
        `AWS default: 3 s · Lambda allows [1 s](${LAMBDA_QUOTAS}) – [5,400 s (1 h 30 min)](${LAMBDA_QUOTAS}) with \`capacity: managed-instances\`, for asynchronous and event-source invocations`,
      ),
      markdown,
    );
  });

  test('sizes in bytes and KiB/MiB, memory in MB, CPU in units and vCPU', () => {
    assert.ok(
      hoverAt('resources:\n  q: { type: sqs, maxMessageSize: «262‸144» }\n').includes('\n\n`262144` = 262,144 bytes (256 KiB)\n\n'),
    );
    assert.ok(hoverAt('resources:\n  q: { type: sqs, maxMessageSize: «2‸KB» }\n').includes('\n\n`2KB` = 2,048 bytes\n\n'));
    assert.ok(hoverAt('resources:\n  f: { type: lambda, memory: «2G‸B» }\n').includes('\n\n`2GB` = 2,048 MB\n\n'));
    assert.ok(hoverAt('resources:\n  f: { type: lambda, memory: «30‸08» }\n').includes('\n\n`3008` = 3,008 MB (2.94 GB)\n\n'));
    assert.ok(
      hoverAt('resources:\n  s: { type: ecs, cpu: «5‸12» }\n').includes(
        '**`cpu`** — ECS service property\n\n`512` = 512 CPU units (0.5 vCPU)\n\nCPU of each task.',
      ),
    );
    assert.ok(hoverAt('resources:\n  s: { type: ecs, cpu: «0.5 v‸CPU» }\n').includes('\n\n`0.5 vCPU` = 512 CPU units\n\n'));
  });

  test('nested objects: deadLetter.maxReceiveCount and Firehose buffer', () => {
    const count = hoverAt('resources:\n  q:\n    type: sqs\n    deadLetter: { target: d, «maxRe‸ceiveCount»: 5 }\n  d: { type: sqs }\n');
    assert.equal(
      count,
      `**\`deadLetter.maxReceiveCount\`** — SQS queue property\n\nHow many times a message may be received without being deleted before it moves to the dead-letter queue.\n\nSQS allows [1](${SQS_DLQ}) – [1,000](${SQS_DLQ})`,
    );
    const size = hoverAt('resources:\n  h:\n    type: firehose\n    buffer:\n      size: «5‸MiB»\n');
    assert.ok(size.startsWith('**`buffer.size`** — Firehose stream property\n\n`5MiB` = 5,242,880 bytes\n\n'), size);
    assert.ok(
      size.includes(
        'AWS default: 5,242,880 bytes (5 MiB) · Firehose allows [1,048,576 bytes (1 MiB)](https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html)',
      ),
      size,
    );
  });

  test('values in defaults are explained for the type they apply to', () => {
    const markdown = hoverAt('defaults:\n  sqs: { receiveWait: «2‸0» }\nresources: {}\n');
    assert.ok(markdown.startsWith('**`receiveWait`** — default for every `sqs` resource\n\n`20` = 20 s\n\n'), markdown);
  });

  test('encryption values say which key encrypts', () => {
    assert.ok(
      hoverAt('resources:\n  q: { type: sqs, encryption: «k‸ms» }\n').startsWith(
        '**`encryption`** — SQS queue property\n\n`kms`: SSE-KMS with the AWS managed key `alias/aws/sqs`.\n\nEncryption at rest.',
      ),
    );
    assert.ok(
      hoverAt('resources:\n  q: { type: sqs, encryption: «sqs-‸managed» }\n').includes(
        '\n\n`sqs-managed`: SSE-SQS, with keys SQS owns and manages.\n\n',
      ),
    );
    assert.ok(hoverAt('resources:\n  t: { type: sns, encryption: «no‸ne» }\n').includes('\n\n`none`: not encrypted at rest.\n\n'));
    const key = hoverAt('resources:\n  t: { type: sns, encryption: { kms: «alias/‸orders» } }\n');
    assert.ok(key.startsWith('**`encryption.kms`** — SNS topic property\n\nCustomer managed KMS key: an alias'), key);
  });

  test('plain text properties show their description only', () => {
    assert.equal(
      hoverAt('resources:\n  f: { type: lambda, «run‸time»: nodejs22.x }\n'),
      '**`runtime`** — Lambda function property\n\nRuntime identifier, for example `nodejs22.x`, `python3.12`, `java21` or `provided.al2023`. Free text: a runtime awsflow does not know is at most an info.',
    );
    assert.ok(
      hoverAt('resources:\n  f: { type: lambda, «la‸bel»: Worker }\n').startsWith(
        '**`label`** — property of every resource\n\nText shown on the diagram',
      ),
    );
    assert.ok(
      hoverAt('resources:\n  f: { «ty‸pe»: lambda }\n').startsWith(
        '**`type`** — property of every resource\n\nWhat the resource is: `sqs`, `sns`',
      ),
    );
  });

  test('an unknown property or an unparseable value adds nothing of its own', () => {
    noHover('resources:\n  f: { type: lambda, timeot‸: 20m }\n');
    const markdown = hoverAt('resources:\n  f: { type: lambda, timeout: «so‸on» }\n');
    assert.ok(markdown.startsWith('**`timeout`** — Lambda function property\n\nHow long'), markdown);
  });
});

describe('hover on a property key: meaning, AWS default and range', () => {
  test('an SQS property', () => {
    const markdown = hoverAt('resources:\n  q:\n    type: sqs\n    «visibility‸Timeout»: 2h\n');
    assert.ok(markdown.startsWith('**`visibilityTimeout`** — SQS queue property\n\nHow long a received message stays hidden'), markdown);
    assert.ok(markdown.endsWith(`\n\nAWS default: 30 s · SQS allows [0 s](${SQS_API}) – [43,200 s (12 h)](${SQS_API})`), markdown);
  });

  test('event source mapping settings take their limits from the source', () => {
    const header =
      'resources:\n  q: { type: sqs }\n  fq: { type: sqs, fifo: true, name: fq.fifo }\n  k: { type: kinesis }\n  f: { type: lambda }\nflows:\n';
    const esm = 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html';
    const min = '[1](https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html)';
    assert.ok(
      hoverAt(`${header}  - q -> f: { «batch‸Size»: 5 }\n`).endsWith(
        `\n\nAWS default: 10 · Lambda allows ${min} – [10,000](${esm}) from a standard queue`,
      ),
    );
    assert.ok(
      hoverAt(`${header}  - fq -> f: { «batch‸Size»: 5 }\n`).endsWith(
        `\n\nAWS default: 10 · Lambda allows ${min} – [10](${esm}) from a FIFO queue`,
      ),
    );
    assert.ok(
      hoverAt(`${header}  - k -> f: { «batch‸Size»: 5 }\n`).endsWith(
        `\n\nAWS default: 100 · Lambda allows ${min} – [10,000](https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html) from a Kinesis stream`,
      ),
    );
    assert.ok(hoverAt(`${header}  - q -> f: { batchWindow: «2‸0» }\n`).includes('\n\n`20` = 20 s\n\n'));
    assert.ok(
      hoverAt(`${header}  - q -> f: { «maxConc‸urrency»: 5 }\n`).endsWith(
        '\n\nLambda allows [2](https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html) – [1,000](https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html)',
      ),
    );
  });

  test('connection quantities: rates per second, sizes in bytes', () => {
    const header = 'resources:\n  api: { type: api-gateway }\n  q: { type: sqs }\nflows:\n';
    assert.ok(
      hoverAt(`${header}  - api -> q: { rate: «1200/‸min» }\n`).startsWith(
        '**`rate`** — connection property\n\n`1200/min` = 20/s\n\nMessages, records or requests per second',
      ),
    );
    assert.ok(hoverAt(`${header}  - api -> q: { rate: «5‸/h» }\n`).includes('\n\n`5/h` = 0.0014/s\n\n'));
    assert.ok(hoverAt(`${header}  - api -> q: { size: «20‸48» }\n`).includes('\n\n`2048` = 2,048 bytes (2 KiB)\n\n'));
  });
});

describe('hover on a resource id', () => {
  const text = [
    'awsflow: 1',
    'resources:',
    '  api: { type: api-gateway }',
    '  jobs:',
    '    type: sqs',
    '    label: Compress *jobs*',
    '    description: Uploads waiting for compression.',
    '    deadLetter: { target: jobs-dlq, maxReceiveCount: 5 }',
    '  jobs-dlq: { type: sqs, encryption: sqs-managed }',
    '  worker: { type: lambda }',
    'flows:',
    '  - api -> jobs',
    '  - jobs -> worker: { onFailure: jobs-dlq }',
    '',
  ].join('\n');
  const analysis = analyze(text);
  const hoverOn = (needle: string, index = 0) => {
    let offset = -1;
    for (let i = 0; i <= index; i++) offset = text.indexOf(needle, offset + 1);
    const result = hover(analysis, offset + 1);
    assert.ok(result, needle);
    return result;
  };

  test('the key: type, label, description, encryption, what it receives from and sends to, and dead letters', () => {
    const result = hoverOn('jobs:');
    assert.deepEqual([result.start, result.end], [text.indexOf('jobs:'), text.indexOf('jobs:') + 4]);
    assert.equal(
      result.markdown,
      [
        '**`jobs`** — SQS queue',
        'Label: Compress \\*jobs\\*',
        'Uploads waiting for compression.',
        "Encryption at rest: SSE-SQS. `encryption` is not set, and SSE-SQS is AWS's default for new queues since 2022 ([AWS announcement](https://aws.amazon.com/blogs/compute/announcing-server-side-encryption-with-amazon-simple-queue-service-managed-encryption-keys-sse-sqs-by-default/)).",
        [
          '- **Receives from** `api` — producer',
          '- **Sends to** `worker` — Lambda event source mapping',
          '- **Dead letters to** `jobs-dlq`, after 5 receives without a delete',
          '- **Dead letters to** `jobs-dlq`: records the event source mapping `jobs -> worker` gives up on',
        ].join('\n'),
        '**Latency** (estimated p50 · worst case)',
        '- From `api`: **20 ms** · **200 ms** by `api -> jobs`',
      ].join('\n\n'),
    );
  });

  test('a dead-letter queue: what it is the dead-letter queue of', () => {
    const result = hoverOn('jobs-dlq:');
    assert.equal(
      result.markdown,
      [
        '**`jobs-dlq`** — SQS queue',
        'Encryption at rest: SSE-SQS, with keys SQS owns and manages.',
        '- **Dead letters from** `jobs`, after 5 receives without a delete\n- **Dead letters from** the event source mapping `jobs -> worker`: records it gave up on',
      ].join('\n\n'),
    );
  });

  test('references hover like the key, with the reference as range', () => {
    const inFlow = hoverOn('jobs -> worker');
    assert.deepEqual([inFlow.start, inFlow.end], [text.indexOf('jobs -> worker'), text.indexOf('jobs -> worker') + 4]);
    assert.ok(inFlow.markdown.startsWith('**`jobs`** — SQS queue\n\n'));
    const target = hoverOn('jobs-dlq, max');
    assert.deepEqual([target.start, target.end], [text.indexOf('jobs-dlq, max'), text.indexOf('jobs-dlq, max') + 8]);
    assert.ok(target.markdown.startsWith('**`jobs-dlq`** — SQS queue\n\n'));
    const onFailure = hoverOn('jobs-dlq }', 0);
    assert.equal(text.slice(onFailure.start, onFailure.end), 'jobs-dlq');
    assert.ok(onFailure.start > text.indexOf('onFailure'));
    const worker = hoverOn('worker: {');
    assert.equal(
      worker.markdown,
      [
        '**`worker`** — Lambda function',
        '- **Receives from** `jobs` — Lambda event source mapping',
        '**Latency** (estimated p50 · worst case)',
        // Four redeliveries (maxReceiveCount 5) after the default 30 s visibility timeout each.
        '- From `api`: **40 ms** · **2 min 3 s** by `api -> jobs -> worker`',
      ].join('\n\n'),
    );
  });

  test('a cursor right after an id is still on it; the end of the flow too', () => {
    const end = text.indexOf('api -> jobs') + 3;
    const result = hover(analysis, end)!;
    assert.deepEqual([result.start, result.end], [end - 3, end]);
  });

  test('an id nobody defines gives nothing (flows/unknown-resource says it)', () => {
    noHover('resources:\n  a: { type: client }\nflows:\n  - a -> mis‸sing\n');
  });

  test('invalid connections are named as such, without the finding text', () => {
    const markdown = hoverAt('resources:\n  «‸q»: { type: sqs }\n  t: { type: sns }\nflows:\n  - q -> t\n');
    assert.equal(
      markdown,
      "**`q`** — SQS queue\n\nEncryption at rest: SSE-SQS. `encryption` is not set, and SSE-SQS is AWS's default for new queues since 2022 ([AWS announcement](https://aws.amazon.com/blogs/compute/announcing-server-side-encryption-with-amazon-simple-queue-service-managed-encryption-keys-sse-sqs-by-default/)).\n\n- **Sends to** `t` — a connection AWS cannot make",
    );
  });

  test('SNS and Kinesis without encryption: nothing said (encryption/at-rest says it on the same key)', () => {
    assert.equal(hoverAt('resources:\n  «t‸»: { type: sns }\n'), '**`t`** — SNS topic');
    assert.equal(
      hoverAt('resources:\n  «b‸»: { type: s3 }\n'),
      "**`b`** — S3 bucket\n\nEncryption at rest: SSE-S3. `encryption` is not set, and SSE-S3 is AWS's default for new objects since January 2023.",
    );
  });

  test('FIFO, physical name and group', () => {
    assert.equal(
      hoverAt('resources:\n  «o‸rders»: { type: sqs, fifo: true, name: orders.fifo, group: Billing, encryption: kms }\n'),
      '**`orders`** — SQS queue (FIFO)\n\nAWS name: `orders.fifo` · Group: Billing\n\nEncryption at rest: SSE-KMS with the AWS managed key `alias/aws/sqs`.',
    );
  });

  test('a long fan-out is one line, cut after 20 ids', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `q${i}`);
    const text = `resources:\n  t: { type: sns }\n${ids.map((id) => `  ${id}: { type: sqs }`).join('\n')}\nflows:\n  - t -> ${ids.join(', ')}\n`;
    const result = hover(analyze(text), text.indexOf('t:'))!;
    assert.equal(
      result.markdown,
      `**\`t\`** — SNS topic\n\n- **Sends to** ${ids
        .slice(0, 20)
        .map((id) => `\`${id}\``)
        .join(', ')}, and 30 more — SNS subscription`,
    );
  });

  test('connections of different kinds get a line each; a fan-in too', () => {
    const text = [
      'resources:',
      '  web: { type: client }',
      '  api: { type: api-gateway }',
      '  cron: { type: schedule, expression: rate(5 minutes) }',
      '  f: { type: lambda }',
      '  g: { type: lambda }',
      '  q: { type: sqs }',
      '  table: { type: dynamodb }',
      'flows:',
      '  - api, cron -> f',
      '  - web -> api',
      '  - f -> q, table',
      '  - g -> f',
      '',
    ].join('\n');
    const result = hover(analyze(text), text.indexOf('f:'))!;
    assert.equal(
      result.markdown,
      [
        '**`f`** — Lambda function',
        [
          '- **Receives from** `api` — synchronous call',
          '- **Receives from** `cron` — EventBridge rule target',
          '- **Receives from** `g` — invocation',
          '- **Sends to** `q` — producer',
          '- **Sends to** `table` — reads and writes data',
        ].join('\n'),
        [
          '**Capacity**\n',
          '- In: **12/h** (passed on by `cron`)',
          '- Invocations: **12/h** (messages ÷ batch size for event source mappings)',
          '- Concurrency: set `duration` (the average run time) to work it out',
          '- Cost: about **$0.00/month** — 8,640 requests (set `duration` to count GB-seconds) a month, free tier deducted ([us-east-1 prices, 2026-11](https://aws.amazon.com/lambda/pricing/))',
        ].join('\n'),
        '**Latency** (estimated p50 · worst case)',
        [
          '- From `web`: **40 ms** · **3.4 s** by `web -> api -> f`',
          '- From `cron`: **150 ms** · **3 min 11 s** by `cron -> f`',
          '- … and 1 more entry point',
        ].join('\n'),
      ].join('\n\n'),
    );
  });
});

describe('hover on a flow string', () => {
  const header = 'resources:\n  jobs: { type: sqs }\n  worker: { type: lambda }\n  other: { type: lambda }\n  t: { type: sns }\nflows:\n';

  test('on the arrow: each connection and the connection properties', () => {
    const markdown = hoverAt(`${header}  - jobs «-‸>» worker: { batchSize: 5, batchWindow: 30 }\n`);
    assert.equal(
      markdown,
      [
        '**Flow** `jobs -> worker`',
        [
          '**Connection**\n',
          '- `jobs -> worker`: Lambda event source mapping: Lambda polls the source and invokes the function with batches',
          '  - Rate: not known (no `rate` declared here or upstream)',
          '  - Batch size: **5** (declared)',
          '  - Latency: **30 s** · **33 s** (p50 · worst case): long polling 20 ms – 200 ms (assumed), batch window 30 s, worker runs up to 3 s',
          "  - Not counted: redeliveries of a message worker keeps failing, until its retention ends \\(jobs has no dead-letter queue\\); worker's run time in p50 \\(no duration\\)",
        ].join('\n'),
        '**Connection properties**\n\n- `batchSize: 5`\n- `batchWindow: 30` = 30 s',
      ].join('\n\n'),
    );
  });

  test('fan-out: on a comma, every connection', () => {
    const markdown = hoverAt(`${header}  - t -> worker«,‸» other\n`);
    assert.equal(
      markdown,
      [
        '**Flow** `t -> worker, other`',
        '**Connections (2)**',
        [
          '- `t -> worker`: SNS subscription: the topic pushes every message to the target',
          '  - Rate: not known (no `rate` declared here or upstream)',
          '  - Latency: **150 ms** · **3 min 11 s** (p50 · worst case): SNS delivery 100 ms – 1 s (assumed), Lambda async queue 50 ms – 1 s (assumed), Lambda retries up to 3 min 6 s, worker runs up to 3 s',
          "  - Not counted: worker's run time in p50 \\(no duration\\)",
          '- `t -> other`: SNS subscription: the topic pushes every message to the target',
          '  - Rate: not known (no `rate` declared here or upstream)',
          '  - Latency: **150 ms** · **3 min 11 s** (p50 · worst case): SNS delivery 100 ms – 1 s (assumed), Lambda async queue 50 ms – 1 s (assumed), Lambda retries up to 3 min 6 s, other runs up to 3 s',
          "  - Not counted: other's run time in p50 \\(no duration\\)",
        ].join('\n'),
      ].join('\n\n'),
    );
  });

  test('on spaces between tokens, the whole flow string is the range', () => {
    const markdown = hoverAt(`${header}  - «jobs ‸  -> worker»\n`);
    assert.ok(markdown.startsWith('**Flow** `jobs -> worker`\n\n**Connection**\n\n'));
  });

  test('the on-failure destination is a connection of the entry', () => {
    const markdown = hoverAt(`${header}  - jobs «‸->» worker: { onFailure: t }\n`);
    assert.ok(
      markdown.includes(
        [
          '**Connections (2)**\n',
          '- `jobs -> worker`: Lambda event source mapping: Lambda polls the source and invokes the function with batches',
          '  - Rate: not known (no `rate` declared here or upstream)',
          '  - Batch size: **10** (AWS default from an SQS queue)',
          '  - Latency: **20 ms** · **3.2 s** (p50 · worst case): long polling 20 ms – 200 ms (assumed), worker runs up to 3 s',
          "  - Not counted: redeliveries of a message worker keeps failing, until its retention ends \\(jobs has no dead-letter queue\\); worker's run time in p50 \\(no duration\\)",
          '- `jobs -> t`: on-failure destination: records the event source mapping gives up on\n\n',
        ].join('\n'),
      ),
      markdown,
    );
  });

  test('the rate each connection carries, the batch size in effect, and the findings about it', () => {
    const text = [
      'resources:',
      '  api: { type: api-gateway }',
      '  orders.fifo: { type: sqs, fifo: true }',
      '  clicks: { type: kinesis, mode: on-demand, encryption: kms }',
      '  handler: { type: lambda, timeout: 30s }',
      '  reader: { type: lambda, timeout: 30s }',
      'flows:',
      '  - api -> orders.fifo, clicks: { rate: 1000/s, batching: true }',
      '  - orders.fifo -> handler: { batchSize: 50 }',
      '  - clicks -> reader',
      '',
    ].join('\n');
    const analysis = analyze(text);
    const on = (needle: string) => hover(analysis, text.indexOf(needle) + 1)!.markdown;
    assert.equal(
      on('-> handler'),
      [
        '**Flow** `orders.fifo -> handler`',
        '**Connection**',
        [
          '- `orders.fifo -> handler`: Lambda event source mapping: Lambda polls the source and invokes the function with batches',
          '  - Rate: **1,000/s** (passed on by `orders.fifo`)',
          '  - Batch size: **50** (declared): 20/s invocations with full batches',
          '  - Latency: **20 ms** · **30 s** (p50 · worst case): long polling 20 ms – 200 ms (assumed), handler runs up to 30 s',
          "  - Not counted: redeliveries of a message handler keeps failing, until its retention ends \\(orders.fifo has no dead-letter queue\\); handler's run time in p50 \\(no duration\\)",
          '  - Error `sqs/fifo-batch-size`: Batch size 50 from FIFO queue orders.fifo is over 10, the maximum for a Lambda event source mapping on a FIFO queue; AWS rejects the mapping.',
        ].join('\n'),
        '**Connection properties**',
        '- `batchSize: 50`',
      ].join('\n\n'),
    );
    assert.equal(
      on('-> reader'),
      [
        '**Flow** `clicks -> reader`',
        '**Connection**',
        [
          '- `clicks -> reader`: Lambda event source mapping: Lambda polls the source and invokes the function with batches',
          '  - Rate: **1,000/s** (passed on by `clicks`)',
          '  - Batch size: **100** (AWS default from a Kinesis stream): 10/s invocations with full batches',
          '  - Latency: **500 ms** · **31 s** (p50 · worst case): shard polling 500 ms – 1 s, reader runs up to 30 s',
          "  - Not counted: retries of a failing batch from clicks, until its records expire; reader's run time in p50 \\(no duration\\)",
        ].join('\n'),
      ].join('\n\n'),
    );
    assert.ok(
      on('-> orders.fifo').includes(
        [
          '- `api -> orders.fifo`: producer: sends messages, publishes or puts records',
          '  - Rate: **1,000/s** (declared)',
          '  - Sent in batches of up to 10 (`batching: true`)',
          '  - Latency: **20 ms** · **200 ms** (p50 · worst case): send 20 ms – 200 ms (assumed)',
          '- `api -> clicks`: producer: sends messages, publishes or puts records',
        ].join('\n'),
      ),
      on('-> orders.fifo'),
    );
  });

  test('quoted flow strings keep exact token ranges', () => {
    const markdown = hoverAt(`${header}  - "jobs -> «wor‸ker»"\n`);
    assert.ok(markdown.startsWith('**`worker`** — Lambda function'));
  });

  test('a half-typed flow: the arrow of `a ->` has no connection yet, so nothing', () => {
    noHover(`${header}  - jobs -‸>\n`);
  });
});

describe('hover on top-level keys, rules and ignore comments', () => {
  test('top-level keys show their schema description', () => {
    assert.equal(
      hoverAt('awsflow: 1\n«res‸ources»: {}\n'),
      '**`resources`** (required)\n\nThe resources, by id. An id starts with a letter and uses letters, digits, `_`, `.` and `-` (80 characters at most); it is also the default physical name.',
    );
    assert.equal(hoverAt('«na‸me»: shop\n'), '**`name`**\n\nTitle of the architecture, shown on the diagram.');
    assert.ok(hoverAt('«flow‸s»:\n  - a -> b\n').startsWith('**`flows`**\n\nConnections between resources: `a -> b`'));
    assert.ok(hoverAt('region: «us-e‸ast-1»\n').startsWith('**`region`**\n\nAWS Region the architecture runs in.'));
  });

  test('account quotas', () => {
    assert.equal(
      hoverAt('account: { «lambdaConc‸urrency»: 3000 }\n'),
      `**\`account.lambdaConcurrency\`**\n\nAWS default: [1,000](${LAMBDA_QUOTAS})\n\nThe account's Lambda concurrency quota in this Region. AWS default 1,000 (new accounts may start lower); raised through Service Quotas.`,
    );
  });

  test('a rule id under rules: summary, default severity, the file setting and the docs link', () => {
    assert.equal(
      hoverAt('rules:\n  «sqs/no-‸dlq»: off\nresources: {}\n'),
      '**`sqs/no-dlq`** — rule, default severity info\n\nA consumed SQS queue without a dead-letter queue\n\nSet to `off` in this file.\n\n[Documentation](file:///opt/awsflow/docs/rules/sqs/no-dlq.md)',
    );
  });

  test('a rule id without a local copy of the docs: no link (the browser worker has none)', () => {
    assert.equal(
      hoverAt('rules:\n  «sqs/no-‸dlq»: off\nresources: {}\n', {}),
      '**`sqs/no-dlq`** — rule, default severity info\n\nA consumed SQS queue without a dead-letter queue\n\nSet to `off` in this file.',
    );
  });

  test('a rule id in a file the YAML reader cannot read links the same page', () => {
    const markdown = hoverAt('rules:\n  «sqs/no-‸dlq»: off\nresources: {\n');
    assert.ok(markdown.endsWith('\n\n[Documentation](file:///opt/awsflow/docs/rules/sqs/no-dlq.md)'), markdown);
  });

  test('a rule id in an ignore comment', () => {
    const markdown = hoverAt(
      'resources:\n  f:\n    type: lambda\n    timeout: 20m # awsflow-ignore sqs/no-dlq, «lambda/timeout-‸limit» -- migrating\n',
    );
    assert.ok(markdown.startsWith('**`lambda/timeout-limit`** — rule, default severity error\n\n'), markdown);
    assert.ok(markdown.endsWith('\n\n[Documentation](file:///opt/awsflow/docs/rules/lambda/timeout-limit.md)'));
  });

  test('unknown rule ids give nothing (config/unknown-rule says it)', () => {
    noHover('rules:\n  sqs/no-‸such: off\n');
    noHover('# awsflow-ignore sqs/no-‸such -- x\nresources: {}\n');
  });
});

describe('hover on half-typed and hostile input', () => {
  test('an empty file and offsets outside the text', () => {
    assert.equal(hover(analyze(''), 0), undefined);
    assert.equal(hover(analyze('awsflow: 1\n'), -1), undefined);
    assert.equal(hover(analyze('awsflow: 1\n'), 999), undefined);
  });

  test('a value still being typed, an empty type, whitespace', () => {
    noHover('resources:\n  q:\n    type: ‸\n');
    noHover('resources:\n  q:\n    type: sqs\n  ‸\n');
    assert.ok(
      hoverAt('resources:\n  q:\n    type: sqs\n    «visibilityTime‸out»\n').startsWith('**`visibilityTimeout`** — SQS queue property'),
    );
  });

  test('where the tree does not reach, the text and its indentation say where the cursor is', () => {
    // The first line makes the document a list: the tree has no `resources` map.
    const markdown = hoverAt('- oops\nresources:\n  f:\n    type: lambda\n    timeout: «9‸00»   # fifteen minutes\n');
    assert.ok(markdown.startsWith('**`timeout`** — Lambda function property\n\n`900` = 900 s (15 min)\n\n'), markdown);
    assert.ok(hoverAt('- oops\n«reso‸urces»:\n').startsWith('**`resources`** (required)'));
  });

  test('where the tree does not reach: `#` inside quotes is text, as completion reads it', () => {
    // Before the shared scanner, the text fallback cut the value at ` #` even inside quotes.
    const broken = '- oops\nresources:\n  q:\n    type: sqs\n';
    assert.ok(hoverAt(`${broken}    label: «"deploy #‸1"»\n`).startsWith('**`label`** — property of every resource'));
    assert.ok(hoverAt(`${broken}    «la‸bel»: "deploy #1" # note\n`).startsWith('**`label`**'));
    noHover(`${broken}    label: x # not a va‸lue\n`);
    // Keys of a flow map, the type written in it, and a quoted key.
    assert.ok(
      hoverAt('- oops\nresources:\n  f: { type: lambda, «time‸out»: 900 }\n').startsWith('**`timeout`** — Lambda function property'),
    );
    assert.ok(
      hoverAt('- oops\nresources:\n  f: { type: lambda, timeout: «9‸00» }\n').startsWith(
        '**`timeout`** — Lambda function property\n\n`900` = 900 s (15 min)',
      ),
    );
    assert.ok(hoverAt('- oops\n«"reso‸urces"»:\n').startsWith('**`resources`** (required)'));
  });

  test('an ignore comment inside a quoted value is text: the value is hovered, not the rule', () => {
    const markdown = hoverAt('resources:\n  q:\n    type: sqs\n    label: «"x # awsflow-ignore sqs/no-‸dlq"»\n');
    assert.ok(markdown.startsWith('**`label`**'), markdown);
    // In a block scalar's text too; after the closing quote, a real comment.
    noHover('- oops\nresources:\n  q:\n    type: sqs\n    description: |\n      x # awsflow-ignore sqs/no-‸dlq\n');
    assert.ok(
      hoverAt('resources:\n  q:\n    type: sqs\n    label: "x" # awsflow-ignore «sqs/no-‸dlq»\n').startsWith('**`sqs/no-dlq`** — rule'),
    );
  });

  test("in a block scalar's text, keys are text: nothing to say", () => {
    noHover('- oops\nresources:\n  f:\n    type: lambda\n    description: |\n      time‸out: 900\n');
  });

  test('a binary file: no tree at all, the text fallback still reads keys', () => {
    const markdown = hoverAt('\u0000\nresources:\n  q:\n    type: sqs\n    «rete‸ntion»: 14d\n');
    assert.ok(markdown.startsWith('**`retention`** — SQS queue property'), markdown);
  });

  test('ids with markdown and backticks stay inside their code span', () => {
    const markdown = hoverAt('resources:\n  «a`b‸*c»: { type: client }\n');
    assert.equal(markdown, '**``a`b*c``** — client');
  });

  test('a very long line', () => {
    const long = 'x'.repeat(100_000);
    const text = `resources:\n  f: { type: lambda, description: ${long}, timeout: 30 }\n`;
    const result = hover(analyze(text), text.indexOf('30 }'))!;
    assert.ok(result.markdown.includes('`30` = 30 s\n\n'));
    const onKey = hover(analyze(text), text.indexOf('f:'))!;
    assert.ok(onKey.markdown.length < 2_200, String(onKey.markdown.length));
  });
});

/**
 * Lines a hover takes once rendered: each Markdown line wraps at 80 visible characters
 * (VS Code's hover is about that wide at the default font size); links show their text
 * only; a blank line between blocks counts as a whole line, which overstates the
 * paragraph gap and keeps the measure on the safe side.
 */
function renderedLines(markdown: string): number {
  return markdown.split('\n').reduce((lines, line) => {
    const visible = line.replace(/\]\([^)]*\)/g, ']').replace(/\*\*|`|\\(?=.)|[[\]]/g, '');
    return lines + Math.max(1, Math.ceil(visible.length / 80));
  }, 0);
}

describe('hovers that read once and fit', () => {
  test('a property states its AWS default and its range once, on every type and connection property', () => {
    const once = (markdown: string, what: string) => {
      assert.ok((markdown.match(/AWS default/g) ?? []).length <= 1, `${what}: the default twice\n${markdown}`);
      assert.ok((markdown.match(/\brange\b|\ballows\b/gi) ?? []).length <= 1, `${what}: the range twice\n${markdown}`);
    };
    let checked = 0;
    for (const [type, properties] of Object.entries(TYPE_PROPERTIES)) {
      for (const name of Object.keys(properties)) {
        const text = `resources:\n  r:\n    type: ${type}\n    ${name}: 1\n`;
        const analysis = analyze(text);
        for (const offset of [text.indexOf(`${name}:`) + 1, text.indexOf(': 1') + 2]) {
          const result = hover(analysis, offset);
          if (result) once(result.markdown, `${type}.${name}`);
          if (result) checked++;
        }
      }
    }
    for (const name of Object.keys(CONNECTION_PROPERTIES)) {
      const text = `resources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f: { ${name}: 1 }\n`;
      const result = hover(analyze(text), text.indexOf(`${name}:`) + 1);
      if (result) once(result.markdown, `connection ${name}`);
      if (result) checked++;
    }
    assert.ok(checked > 100, `${checked} hovers checked`);
  });

  test('a value out of range: the value as AWS counts it, then the range once, linked', () => {
    const markdown = hoverAt('resources:\n  f: { type: lambda, timeout: «2‸0m» }\n');
    assert.equal(
      markdown,
      [
        '**`timeout`** — Lambda function property',
        '`20m` = 1,200 s',
        'How long an invocation may run before Lambda stops it. With `capacity: managed-instances`, up to 90 minutes for asynchronous and event-source invocations. A duration: `30s`, `5m`, `1h30m`, `250ms`, or a number of seconds.',
        `AWS default: 3 s · Lambda allows [1 s](${LAMBDA_QUOTAS}) – [900 s (15 min)](${LAMBDA_QUOTAS})`,
      ].join('\n\n'),
    );
    // A clause that states something else stays: reservedConcurrency's range depends on the account, which the facts line does not give.
    assert.ok(
      hoverAt('resources:\n  f: { type: lambda, «reserved‸Concurrency»: 5 }\n').includes('Range 0 – the account concurrency minus 100.'),
    );
  });

  test('every resource of the shipped examples fits in 20 rendered lines', () => {
    const dir = join(__dirname, '../../../../examples');
    let largest = { lines: 0, what: '' };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.awsflow'))) {
      const analysis = analyze(readFileSync(join(dir, file), 'utf8'));
      for (const resource of analysis.model.resources) {
        const lines = renderedLines(hover(analysis, resource.key.start)!.markdown);
        if (lines > largest.lines) largest = { lines, what: `${file}: ${resource.id}` };
      }
    }
    assert.ok(largest.lines > 5 && largest.lines <= 20, `${largest.what} takes ${largest.lines} lines`);
  });

  test('the measure: wrapped lines, links as their text, gaps counted', () => {
    assert.equal(renderedLines('**`a`** — SQS queue'), 1);
    assert.equal(renderedLines(`a\n\n${'x'.repeat(81)}`), 4);
    assert.equal(renderedLines(`[${'x'.repeat(80)}](https://example.com/${'y'.repeat(100)})`), 1);
  });
});
