/**
 * AWS facts the rules rest on, each with its source. They come from shared LIMITS.md
 * (verified 2026-11); a fact not in LIMITS.md cites the AWS documentation directly.
 * Units: seconds, bytes, MB (Lambda's "MB" is MiB), messages per second.
 */
export interface Fact {
  readonly value: number;
  readonly text: string;
  readonly source: string;
}

function fact(value: number, text: string, source: string): Fact {
  return { value, text, source };
}

const SQS_QUOTAS = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html';
const SQS_API = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html';
const LAMBDA_QUOTAS = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';
const LAMBDA_CREATE_FUNCTION = 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html';

export const SQS = {
  visibilityTimeoutMin: fact(0, '0 s', SQS_API),
  visibilityTimeoutMax: fact(43_200, '12 hours', SQS_API),
  visibilityTimeoutDefault: fact(30, '30 s', SQS_API),
  retentionMin: fact(60, '60 s', SQS_QUOTAS),
  retentionMax: fact(1_209_600, '14 days', SQS_QUOTAS),
  retentionDefault: fact(345_600, '4 days', SQS_QUOTAS),
  maxMessageSizeMin: fact(1_024, '1 KiB', SQS_API),
  maxMessageSizeMax: fact(1_048_576, '1 MiB', 'https://aws.amazon.com/about-aws/whats-new/2025/08/amazon-sqs-max-payload-size-1mib/'),
  maxMessageSizeStep: fact(1, 'whole bytes', SQS_API),
  receiveWaitMin: fact(0, '0 s', SQS_API),
  receiveWaitMax: fact(20, '20 s', SQS_API),
  delayMin: fact(0, '0 s', SQS_API),
  delayMax: fact(900, '15 minutes', SQS_API),
  /** VisibilityTimeout, MessageRetentionPeriod, ReceiveMessageWaitTimeSeconds and DelaySeconds are integers of seconds. */
  secondsStep: fact(1, 'whole seconds', SQS_API),
  maxReceiveCountMin: fact(
    1,
    '1',
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html',
  ),
  maxReceiveCountMax: fact(
    1_000,
    '1,000',
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html',
  ),
  /** A FIFO message needs a `MessageGroupId`: a producer of a FIFO queue or topic uses at least one group. */
  messageGroupsMin: fact(1, '1', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html'),
  nameMaxLength: fact(80, '80 characters', 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html'),
  fifoSuffix: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-fifo.html',
  dlqTypeMustMatch: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
  defaultEncryption:
    'https://aws.amazon.com/blogs/compute/announcing-server-side-encryption-with-amazon-simple-queue-service-managed-encryption-keys-sse-sqs-by-default/',
  keyManagement: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html',
  longPolling: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-short-and-long-polling.html',
  deadLetterQueues: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
  /** ContentBasedDeduplication, DeduplicationScope and FifoThroughputLimit "apply only to FIFO queues" (checked 2026-12-04). */
  fifoOnlyAttributes: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html',
} as const;

export const ESM = {
  batchSizeMin: fact(1, '1', 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'),
  sqsBatchSizeDefault: fact(10, '10', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html'),
  sqsStandardBatchSizeMax: fact(10_000, '10,000', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html'),
  sqsFifoBatchSizeMax: fact(10, '10', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html'),
  batchSizeWithoutWindowMax: fact(10, '10', 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'),
  batchWindowMin: fact(0, '0 s', 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'),
  batchWindowMax: fact(300, '300 s', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html'),
  /** `MaximumBatchingWindowInSeconds` is an integer of seconds. */
  batchWindowStep: fact(1, 'whole seconds', 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'),
  kinesisBatchSizeDefault: fact(100, '100', 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html'),
  kinesisBatchSizeMax: fact(10_000, '10,000', 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html'),
  visibilityTimeoutAdvice: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
  maxConcurrencyMin: fact(2, '2', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html'),
  maxConcurrencyMax: fact(1_000, '1,000', 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html'),
  /**
   * Stream sources (Kinesis, DynamoDB streams): a failing batch is retried until it succeeds
   * or its records expire (MaximumRetryAttempts and MaximumRecordAgeInSeconds default -1,
   * infinite), and the shard waits behind it. An on-failure destination (with retry or age
   * limits) lets Lambda skip the batch and keep its metadata. LIMITS.md §3.1.
   */
  streamErrorHandling: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-errors.html',
  /** DynamoDB Streams keep a stream record for 24 hours. */
  dynamodbStreamRetention: fact(86_400, '24 hours', 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html'),
} as const;

export const LAMBDA = {
  timeoutMin: fact(1, '1 s', LAMBDA_QUOTAS),
  timeoutMax: fact(900, '15 minutes', LAMBDA_QUOTAS),
  timeoutMaxManagedInstances: fact(5_400, '90 minutes', LAMBDA_QUOTAS),
  timeoutDefault: fact(3, '3 s', LAMBDA_QUOTAS),
  /** CreateFunction takes `Timeout` as an integer of seconds and `MemorySize` as an integer of MB. */
  timeoutStep: fact(1, 'whole seconds', LAMBDA_CREATE_FUNCTION),
  memoryMin: fact(128, '128 MB', LAMBDA_QUOTAS),
  memoryMax: fact(10_240, '10,240 MB', LAMBDA_QUOTAS),
  memoryDefault: fact(128, '128 MB', LAMBDA_QUOTAS),
  memoryStep: fact(1, 'whole MB', LAMBDA_CREATE_FUNCTION),
  ephemeralStorageMin: fact(512, '512 MB', LAMBDA_QUOTAS),
  ephemeralStorageMax: fact(10_240, '10,240 MB', LAMBDA_QUOTAS),
  ephemeralStorageDefault: fact(512, '512 MB', LAMBDA_QUOTAS),
  ephemeralStorageStep: fact(1, 'whole MB', 'https://docs.aws.amazon.com/lambda/latest/api/API_EphemeralStorage.html'),
  reservedConcurrencyMin: fact(0, '0', 'https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionConcurrency.html'),
  /** AWS's own minimum is 1; `0` in a file means no provisioned concurrency configuration at all. */
  provisionedConcurrencyMin: fact(0, '0 (none)', 'https://docs.aws.amazon.com/lambda/latest/api/API_PutProvisionedConcurrencyConfig.html'),
  environmentMax: fact(4_096, '4 KB', LAMBDA_QUOTAS),
  accountConcurrencyDefault: fact(1_000, '1,000', LAMBDA_QUOTAS),
  /** Reservations can leave no fewer than this many unreserved: their sum is at most the account's concurrency − 100. */
  unreservedMinimum: fact(100, '100', 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html'),
  syncPayloadMax: fact(6 * 1024 * 1024, '6 MB', LAMBDA_QUOTAS),
  asyncPayloadMax: fact(
    1024 * 1024,
    '1 MB',
    'https://aws.amazon.com/about-aws/whats-new/2025/10/aws-lambda-payload-size-256-kb-1-mb-invocations/',
  ),
  /** AWS recommends Secrets Manager, not environment variables, for credentials, API keys and tokens (checked 2026-12-04). */
  environmentSecrets: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
  /** A dead-letter queue must be a standard SQS queue or a standard SNS topic (no FIFO). */
  deadLetterTargets: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html',
  /** Asynchronous invocation: after a function error Lambda retries twice by default (0-2), then discards the event. */
  asyncRetriesDefault: fact(2, '2 retries', 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html'),
  /** Asynchronous invocation: an event waiting longer than this (default and maximum, 6 hours) is discarded. */
  asyncEventAgeDefault: fact(21_600, '6 hours', 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html'),
  /**
   * "Defined runtime environment variables" (checked 2026-12-04): the keys Lambda sets and
   * rejects in a function's configuration (InvalidParameterValueException, "reserved keys").
   * LANG, PATH, LD_LIBRARY_PATH, NODE_PATH, PYTHONPATH, TZ and the X-Ray variables are
   * documented as not reserved: they can be set.
   */
  reservedEnvironmentSource: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-runtime.html',
  reservedEnvironmentKeys: [
    '_HANDLER',
    '_X_AMZN_TRACE_ID',
    'AWS_DEFAULT_REGION',
    'AWS_REGION',
    'AWS_EXECUTION_ENV',
    'AWS_LAMBDA_FUNCTION_NAME',
    'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
    'AWS_LAMBDA_FUNCTION_VERSION',
    'AWS_LAMBDA_INITIALIZATION_TYPE',
    'AWS_LAMBDA_LOG_GROUP_NAME',
    'AWS_LAMBDA_LOG_STREAM_NAME',
    'AWS_ACCESS_KEY',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_LAMBDA_RUNTIME_API',
    'LAMBDA_TASK_ROOT',
    'LAMBDA_RUNTIME_DIR',
  ] as readonly string[],
} as const;

export interface LambdaRuntime {
  readonly id: string;
  /** The runtime family: the newest runtime of the family is suggested as the upgrade. */
  readonly family: 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'provided' | 'go';
  /** UTC dates, `YYYY-MM-DD`. Deprecated: no more security patches or support. */
  readonly deprecated?: string;
  /** From this date Lambda rejects creating a function with the runtime. */
  readonly blockCreate?: string;
  /** From this date Lambda rejects updating a function that uses the runtime. */
  readonly blockUpdate?: string;
}

/**
 * Lambda-managed runtimes with their dates, from AWS's "Lambda runtimes" page (supported and
 * deprecated tables), checked 2026-12-04 through the copies the public linters keep of that
 * table (cfn-lint's LmbdRuntimeLifecycle.json, tflint-ruleset-aws's deprecated-runtime rule)
 * and AWS re:Post for python3.9's postponed block dates. AWS moves block dates, usually
 * later: a block date is recorded only where a source confirmed it.
 * Rechecked 2026-12-04 (the page's table itself was not readable here; endoflife.date mirrors
 * it): the deprecation dates of nodejs24.x, nodejs22.x, python3.14, python3.13, java25,
 * ruby3.4 and dotnet10 agree, and so do python3.9's (AWS re:Post). Not confirmed: the page now says the Amazon Linux 2 runtimes (java8.al2,
 * java11, java17, python3.10, python3.11, provided.al2) keep getting AL2 security patches
 * "until the deprecation dates shown", which may have moved past 2026-06-30.
 */
export const LAMBDA_RUNTIMES = {
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  deprecationPolicy: 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html',
  /** Lambda notifies owners of functions whose runtime is deprecated within 180 days. */
  noticeDays: 180,
  /** The newest runtime of each family: the upgrade a finding suggests. */
  newest: {
    nodejs: 'nodejs24.x',
    python: 'python3.14',
    java: 'java25',
    dotnet: 'dotnet10',
    ruby: 'ruby3.4',
    provided: 'provided.al2023',
    go: 'provided.al2023',
  },
  runtimes: [
    { id: 'nodejs24.x', family: 'nodejs', deprecated: '2028-04-30' },
    { id: 'nodejs22.x', family: 'nodejs', deprecated: '2027-04-30' },
    { id: 'nodejs20.x', family: 'nodejs', deprecated: '2026-04-30' },
    { id: 'nodejs18.x', family: 'nodejs', deprecated: '2025-09-01', blockCreate: '2025-10-01', blockUpdate: '2025-11-01' },
    { id: 'nodejs16.x', family: 'nodejs', deprecated: '2024-06-12', blockCreate: '2025-10-01', blockUpdate: '2025-11-01' },
    { id: 'nodejs14.x', family: 'nodejs', deprecated: '2023-12-04', blockCreate: '2024-07-09', blockUpdate: '2025-11-01' },
    { id: 'nodejs12.x', family: 'nodejs', deprecated: '2023-03-31', blockCreate: '2023-03-31', blockUpdate: '2023-04-30' },
    { id: 'nodejs10.x', family: 'nodejs', deprecated: '2021-07-30', blockCreate: '2021-07-30', blockUpdate: '2022-02-14' },
    { id: 'nodejs8.10', family: 'nodejs', deprecated: '2020-03-06', blockCreate: '2020-03-06', blockUpdate: '2020-03-06' },
    { id: 'nodejs6.10', family: 'nodejs', deprecated: '2019-08-12', blockCreate: '2019-08-12', blockUpdate: '2019-08-12' },
    { id: 'nodejs4.3-edge', family: 'nodejs', deprecated: '2020-03-05', blockCreate: '2019-04-30', blockUpdate: '2019-04-30' },
    { id: 'nodejs4.3', family: 'nodejs', deprecated: '2020-03-05', blockCreate: '2020-03-05', blockUpdate: '2020-03-05' },
    { id: 'nodejs', family: 'nodejs', deprecated: '2016-10-31', blockCreate: '2016-10-31', blockUpdate: '2016-10-31' },
    { id: 'python3.14', family: 'python', deprecated: '2029-06-30' },
    { id: 'python3.13', family: 'python', deprecated: '2029-06-30' },
    { id: 'python3.12', family: 'python', deprecated: '2028-10-31' },
    { id: 'python3.11', family: 'python', deprecated: '2026-06-30' },
    { id: 'python3.10', family: 'python', deprecated: '2026-06-30' },
    { id: 'python3.9', family: 'python', deprecated: '2025-12-15', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
    { id: 'python3.8', family: 'python', deprecated: '2024-10-14', blockCreate: '2025-10-01', blockUpdate: '2025-11-01' },
    { id: 'python3.7', family: 'python', deprecated: '2023-12-04', blockCreate: '2024-01-09', blockUpdate: '2025-11-01' },
    { id: 'python3.6', family: 'python', deprecated: '2022-07-18', blockCreate: '2022-07-18', blockUpdate: '2022-08-29' },
    { id: 'python2.7', family: 'python', deprecated: '2021-07-15', blockCreate: '2021-07-15', blockUpdate: '2022-05-30' },
    { id: 'java25', family: 'java', deprecated: '2029-06-30' },
    { id: 'java21', family: 'java', deprecated: '2029-06-30' },
    // Java 8, 11 and 17 on Amazon Linux 2023, released July 2026 for life after AL2's end
    // (https://aws.amazon.com/about-aws/whats-new/2026/07/aws-lambda-java-amazon-linux/, checked
    // 2026-12-04): known, so not reported as unknown; no deprecation date confirmed yet.
    { id: 'java17.al2023', family: 'java' },
    { id: 'java11.al2023', family: 'java' },
    { id: 'java8.al2023', family: 'java' },
    { id: 'java17', family: 'java', deprecated: '2026-06-30' },
    { id: 'java11', family: 'java', deprecated: '2026-06-30' },
    { id: 'java8.al2', family: 'java', deprecated: '2026-06-30' },
    { id: 'java8', family: 'java', deprecated: '2024-01-08', blockCreate: '2024-02-08', blockUpdate: '2025-11-01' },
    { id: 'dotnet10', family: 'dotnet', deprecated: '2028-11-14' },
    { id: 'dotnet8', family: 'dotnet', deprecated: '2026-11-10' },
    { id: 'dotnet7', family: 'dotnet', deprecated: '2024-05-14', blockCreate: '2024-05-14', blockUpdate: '2024-05-14' },
    { id: 'dotnet6', family: 'dotnet', deprecated: '2024-11-12', blockCreate: '2025-10-01', blockUpdate: '2025-11-01' },
    { id: 'dotnet5.0', family: 'dotnet', deprecated: '2022-05-10' },
    { id: 'dotnetcore3.1', family: 'dotnet', deprecated: '2023-04-03', blockCreate: '2023-04-03', blockUpdate: '2023-05-03' },
    { id: 'dotnetcore2.1', family: 'dotnet', deprecated: '2022-01-05', blockCreate: '2022-01-05', blockUpdate: '2022-04-13' },
    { id: 'dotnetcore2.0', family: 'dotnet', deprecated: '2019-05-30', blockCreate: '2019-05-30', blockUpdate: '2019-05-30' },
    { id: 'dotnetcore1.0', family: 'dotnet', deprecated: '2019-06-27', blockCreate: '2019-07-30', blockUpdate: '2019-07-30' },
    { id: 'ruby3.4', family: 'ruby', deprecated: '2028-03-31' },
    { id: 'ruby3.3', family: 'ruby', deprecated: '2027-03-31' },
    { id: 'ruby3.2', family: 'ruby', deprecated: '2026-03-31' },
    { id: 'ruby2.7', family: 'ruby', deprecated: '2023-12-07', blockCreate: '2024-01-09', blockUpdate: '2025-11-01' },
    { id: 'ruby2.5', family: 'ruby', deprecated: '2021-07-30', blockCreate: '2021-07-30', blockUpdate: '2022-03-31' },
    { id: 'provided.al2023', family: 'provided', deprecated: '2029-06-30' },
    { id: 'provided.al2', family: 'provided', deprecated: '2026-06-30' },
    { id: 'provided', family: 'provided', deprecated: '2024-01-08', blockCreate: '2024-02-08', blockUpdate: '2025-11-01' },
    { id: 'go1.x', family: 'go', deprecated: '2024-01-08', blockCreate: '2024-02-08', blockUpdate: '2025-11-01' },
  ] as readonly LambdaRuntime[],
} as const;

const API_GATEWAY_QUOTAS = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html';

export const API_GATEWAY = {
  integrationTimeoutDefault: fact(
    29,
    '29 s',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html',
  ),
  integrationTimeoutMin: fact(
    0.05,
    '50 ms',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html',
  ),
  /** Steady-state requests per second across every API of an account in a Region (checked 2026-12-04; 2,500/s in some newer Regions). */
  accountThrottleDefault: fact(10_000, '10,000 requests/s per account and Region', API_GATEWAY_QUOTAS),
  /** The token bucket's size: how far a short burst may go over the steady rate. Set by AWS from the rate quota. */
  accountBurstDefault: fact(5_000, '5,000 requests', API_GATEWAY_QUOTAS),
  /** Regions whose default throttle is 2,500 requests/s with a burst of 1,250 (the newer opt-in Regions). */
  accountThrottleLowRegions: [
    'af-south-1',
    'eu-south-1',
    'ap-southeast-3',
    'me-central-1',
    'ap-south-2',
    'ap-southeast-4',
    'eu-south-2',
    'eu-central-2',
    'il-central-1',
    'ca-west-1',
    'ap-southeast-5',
    'ap-southeast-7',
    'mx-central-1',
  ] as readonly string[],
  accountThrottleLowRegionsDefault: fact(2_500, '2,500 requests/s per account and Region', API_GATEWAY_QUOTAS),
  accountBurstLowRegionsDefault: fact(1_250, '1,250 requests', API_GATEWAY_QUOTAS),
  /** Requests over the throttle are answered `429 Too Many Requests`; the client may retry them. */
  throttling: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html',
  /** REST and HTTP APIs; LIMITS.md §9. */
  payloadMax: fact(
    10 * 1024 * 1024,
    '10 MB',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html',
  ),
  /** `timeoutInMillis` is an integer of milliseconds. */
  integrationTimeoutStep: fact(0.001, 'whole milliseconds', 'https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html'),
} as const;

const SQS_FIFO_QUOTAS = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html';

/** FIFO queue throughput, per API action (send, receive, delete). */
export const SQS_FIFO = {
  callsPerSecond: fact(300, '300 API calls/s', SQS_FIFO_QUOTAS),
  messagesPerSecondBatched: fact(3_000, '3,000 messages/s with batches of 10', SQS_FIFO_QUOTAS),
  batchSize: 10,
  highThroughputSource: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/high-throughput-fifo.html',
  /** High-throughput mode, by Region: non-batched transactions per second (batched: × 10). Unknown Region: the lowest tier. */
  highThroughputTiers: [
    { regions: ['us-east-1', 'us-west-2', 'eu-west-1'], callsPerSecond: 70_000 },
    { regions: ['us-east-2', 'eu-central-1'], callsPerSecond: 19_000 },
    { regions: ['ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1'], callsPerSecond: 9_000 },
    { regions: ['eu-west-2', 'sa-east-1'], callsPerSecond: 4_500 },
  ] as readonly { regions: readonly string[]; callsPerSecond: number }[],
  highThroughputOtherRegions: 2_400,
  /**
   * SQS hashes each message group id to one partition, and a partition takes 300 transactions/s
   * per API action (quotas-messages.html, "Message throughput"): a group never gets more, whatever
   * the queue's quota. The unit is API calls, so a group sending batches of 10 carries 3,000
   * messages/s. Hashing: partitions-and-data-distribution.html. Checked 2026-12-04.
   */
  perGroupCallsPerSecond: fact(300, '300 API calls/s per message group (one partition)', SQS_FIFO_QUOTAS),
  partitionsSource: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/partitions-and-data-distribution.html',
} as const;

export const SNS_FIFO = {
  messagesPerSecond: fact(3_000, '3,000 messages/s', 'https://docs.aws.amazon.com/general/latest/gr/sns.html'),
  bytesPerSecond: fact(20 * 1024 * 1024, '20 MB/s', 'https://docs.aws.amazon.com/general/latest/gr/sns.html'),
  /**
   * Messages per message group of a FIFO topic: "each individual message group can deliver up to
   * 300 messages per second" (SNS developer guide, message grouping; checked 2026-12-04). The unit
   * is messages: PublishBatch does not raise it.
   */
  perGroupMessagesPerSecond: fact(
    300,
    '300 messages/s per message group',
    'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-grouping.html',
  ),
  highThroughput: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-high-throughput.html',
} as const;

export const PAYLOAD = {
  sqsMax: fact(1_048_576, '1 MiB', 'https://aws.amazon.com/about-aws/whats-new/2025/08/amazon-sqs-max-payload-size-1mib/'),
  snsDefaultMax: fact(262_144, '256 KiB', 'https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html'),
  kinesisRecordMax: fact(
    1_048_576,
    '1 MiB (the default per-stream maximum)',
    'https://docs.aws.amazon.com/streams/latest/dev/large-records.html',
  ),
  lambdaAsyncMax: fact(
    1_048_576,
    '1 MB',
    'https://aws.amazon.com/about-aws/whats-new/2025/10/aws-lambda-payload-size-256-kb-1-mb-invocations/',
  ),
  lambdaSyncMax: fact(6 * 1024 * 1024, '6 MB', 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html'),
} as const;

export const KINESIS_THROUGHPUT = {
  shardWriteBytes: fact(1_048_576, '1 MiB/s per shard', 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html'),
  shardWriteRecords: fact(
    1_000,
    '1,000 records/s per shard',
    'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
  ),
  shardReadBytes: fact(
    2 * 1_048_576,
    '2 MiB/s per shard, shared by all standard consumers',
    'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
  ),
  shardReadCalls: fact(
    5,
    '5 GetRecords calls/s per shard, shared by all standard consumers',
    'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
  ),
  onDemandWriteMaxDefault: fact(
    200 * 1024 * 1024,
    '200 MB/s',
    'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
  ),
  onDemandWriteMaxLargeRegions: fact(
    10 * 1024 * 1024 * 1024,
    '10 GB/s',
    'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html',
  ),
  onDemandLargeRegions: ['us-east-1', 'us-west-2', 'eu-west-1'] as readonly string[],
  enhancedFanOut: 'https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html',
} as const;

export const KINESIS = {
  retentionMin: fact(86_400, '24 hours', 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html'),
  retentionMax: fact(
    31_536_000,
    '365 days (8,760 hours)',
    'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html',
  ),
  retentionDefault: fact(86_400, '24 hours', 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html'),
  shardsMin: fact(1, '1', 'https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html'),
  /** The MD5 hash of a record's partition key picks its shard: one key value, one shard (checked 2026-12-04). */
  partitionKeyHashing: 'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html',
  /** `RetentionPeriodHours` is an integer of hours. */
  retentionStep: fact(
    3_600,
    'whole hours',
    'https://docs.aws.amazon.com/kinesis/latest/APIReference/API_IncreaseStreamRetentionPeriod.html',
  ),
} as const;

export const FIREHOSE = {
  /**
   * Server-side encryption of the records Firehose keeps while it buffers them: for Direct PUT
   * sources, set with DeliveryStreamEncryptionConfiguration (AWS owned or customer managed key).
   * With a Kinesis data stream as source Firehose stores nothing at rest: the stream's encryption
   * applies. Checked 2026-12-04.
   */
  encryption: 'https://docs.aws.amazon.com/firehose/latest/dev/encryption.html',
  bufferSizeMin: fact(1024 * 1024, '1 MiB', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
  bufferSizeMax: fact(128 * 1024 * 1024, '128 MiB', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
  bufferSizeDefault: fact(5 * 1024 * 1024, '5 MiB', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
  /** `SizeInMBs` and `IntervalInSeconds` are integers. */
  bufferSizeStep: fact(1024 * 1024, 'whole MiB', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
  bufferIntervalMin: fact(0, '0 s', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
  bufferIntervalMax: fact(900, '900 s', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
  bufferIntervalStep: fact(1, 'whole seconds', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
  bufferIntervalDefault: fact(300, '300 s', 'https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html'),
} as const;

const S3_FILTERING = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html';

/** S3 event notifications (format 1.1), looked up 2026-12-04. */
export const S3_NOTIFICATIONS = {
  /** "Currently, Standard SNS is only allowed as an S3 event notification destination, whereas SNS FIFO is not allowed." */
  destinations: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html',
  /** QueueConfiguration.Queue: "FIFO queues are not allowed when enabling an SQS queue as the event notification destination." */
  queueConfiguration:
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-queueconfiguration.html',
  /**
   * Two configurations of one bucket for overlapping event types (`s3:ObjectCreated:*` covers
   * `s3:ObjectCreated:Put`) must not overlap in key filter: two prefixes overlap when a key can
   * begin with both (one is a prefix of the other), two suffixes when a key can end with both,
   * and a missing prefix or suffix overlaps every other. Overlapping prefixes are fine with
   * suffixes that do not overlap. S3 rejects an overlapping configuration when it is saved.
   */
  overlap: S3_FILTERING,
  /** FilterRule: "Overlapping prefixes and suffixes are not supported." */
  filterRule: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_FilterRule.html',
} as const;

const KINESIS_ESM_PARAMETERS = 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html';

/**
 * What the readers of a Kinesis stream (event source mappings, and Pipes, which take the same
 * ranges) may set besides batch size and window (those are in ESM). Looked up 2026-12-05.
 */
export const KINESIS_READERS = {
  /** ParallelizationFactor: batches processed at once per shard. */
  parallelizationMin: fact(1, '1', KINESIS_ESM_PARAMETERS),
  parallelizationMax: fact(10, '10', KINESIS_ESM_PARAMETERS),
  /** MaximumRetryAttempts: -1 (the default) retries until the record expires. */
  retryAttemptsMin: fact(-1, '-1', KINESIS_ESM_PARAMETERS),
  retryAttemptsMax: fact(10_000, '10,000', KINESIS_ESM_PARAMETERS),
  /** MaximumRecordAgeInSeconds, an integer of seconds; -1 (the default) is no limit. */
  recordAgeMax: fact(604_800, '7 days', KINESIS_ESM_PARAMETERS),
} as const;

const DYNAMODB_QUOTAS = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-dynamodb-streams';
const DYNAMODB_ESM_PARAMETERS = 'https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html';
const PIPES_DYNAMODB_PARAMETERS =
  'https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceDynamoDBStreamParameters.html';

/** DynamoDB Streams and the event source mappings and Pipes that read them (format 1.1), looked up 2026-12-04. */
export const DYNAMODB_STREAMS = {
  /**
   * "Do not allow more than two processes to read from the same DynamoDB Streams shard at the
   * same time": more readers are throttled (the Streams API's LimitExceededException says the
   * same). Each event source mapping and each Pipe on the stream is one reader of every shard.
   */
  readersPerShardMax: fact(2, '2 readers per stream shard', DYNAMODB_QUOTAS),
  /** Lambda's DynamoDB parameters and the Pipes source parameters agree on every range below. */
  batchSizeDefault: fact(100, '100', DYNAMODB_ESM_PARAMETERS),
  batchSizeMax: fact(10_000, '10,000', DYNAMODB_ESM_PARAMETERS),
  batchWindowMax: fact(300, '300 s', PIPES_DYNAMODB_PARAMETERS),
  parallelizationMin: fact(1, '1', DYNAMODB_ESM_PARAMETERS),
  parallelizationMax: fact(10, '10', DYNAMODB_ESM_PARAMETERS),
  /** MaximumRetryAttempts: -1 (the default) retries until the record expires. */
  retryAttemptsMin: fact(-1, '-1', DYNAMODB_ESM_PARAMETERS),
  retryAttemptsMax: fact(10_000, '10,000', DYNAMODB_ESM_PARAMETERS),
  /** MaximumRecordAgeInSeconds, an integer of seconds; -1 (the default) is no limit. */
  recordAgeMax: fact(604_800, '7 days', DYNAMODB_ESM_PARAMETERS),
  pipesSource: PIPES_DYNAMODB_PARAMETERS,
  /**
   * A Pipe from a stream (Kinesis or DynamoDB) retries a failed batch up to its retry policy's
   * MaximumRetryAttempts, default -1: until the records expire from the stream; a dead-letter
   * queue (DeadLetterConfig) keeps what it gives up on.
   */
  pipesErrorHandling: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-error-troubleshooting.html',
} as const;

const SNS_FILTER_CONSTRAINTS = 'https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html';

export const SNS = {
  fifoSubscriptions: 'https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html',
  keyManagement: 'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html',
  encryptionAtRest: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
  /** Raw message delivery: Amazon SQS, HTTP/S and Firehose subscriptions only (checked 2026-12-04). */
  rawDelivery: 'https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html',
  /** Filter policy limits (checked 2026-12-04): a policy over any of them fails Subscribe / SetSubscriptionAttributes. */
  filterPolicyKeysMax: fact(5, '5 keys', SNS_FILTER_CONSTRAINTS),
  filterPolicyCombinationsMax: fact(150, '150 combinations', SNS_FILTER_CONSTRAINTS),
  filterPolicySizeMax: fact(256 * 1024, '256 KB', SNS_FILTER_CONSTRAINTS),
  /** ContentBasedDeduplication applies only to FIFO topics; on a standard topic CreateTopic fails with InvalidParameter (checked 2026-12-04). */
  fifoOnlyAttributes: 'https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html',
  /** A subscription's redrive policy names an SQS queue (standard subscription: standard queue; FIFO: FIFO). */
  deadLetterQueues: 'https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html',
  /**
   * Delivery retries: to SQS and Lambda endpoints, 100,015 attempts over 23 days; client-side
   * errors (deleted endpoint, denied policy or key) are not retried. Then, without a
   * dead-letter queue, SNS discards the message.
   */
  deliveryRetries: 'https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html',
} as const;

/** ECS service task counts and Application Auto Scaling capacities: integers from 0. */
export const ECS = {
  desiredCountMin: fact(0, '0', 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html'),
  autoscalingCapacityMin: fact(0, '0', 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html'),
} as const;

/**
 * `instances` of App Runner, Elastic Beanstalk and EC2: a count of running instances, which
 * EC2 Auto Scaling (behind Beanstalk and EC2 fleets) takes from 0.
 */
export const COMPUTE = {
  instancesMin: fact(0, '0', 'https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html'),
} as const;

export const FARGATE = {
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html',
  /** CPU units -> valid memory in MiB (Linux). */
  sizes: new Map<number, readonly number[]>([
    [256, [512, 1024, 2048]],
    [512, [1024, 2048, 3072, 4096]],
    [1024, range(2048, 8192, 1024)],
    [2048, range(4096, 16384, 1024)],
    [4096, range(8192, 30720, 1024)],
    [8192, range(16384, 61440, 4096)],
    [16384, range(32768, 122880, 8192)],
  ]),
  /** Fargate tasks need task-level cpu and memory. */
  taskSizeRequired: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size',
} as const;

export const EVENTBRIDGE = {
  scheduleExpressions: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html',
  // Format 1.1 facts, looked up 2026-12-04.
  /** PutTargets: "Each rule can have up to five (5) targets associated with it at one time." */
  targetsPerRuleMax: fact(5, '5 targets per rule', 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html'),
  putEventsEntriesMax: fact(
    10,
    '10 entries per PutEvents call',
    'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html',
  ),
  /** LIMITS.md §6: 1 MB since January 2026 (was 256 KB; the user guide's size page still says 256 KB). */
  putEventsEntrySizeMax: fact(
    1_048_576,
    '1 MB per PutEvents entry',
    'https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb',
  ),
  retryAttemptsMin: fact(0, '0', 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html'),
  retryAttemptsMax: fact(185, '185', 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html'),
  retryAttemptsDefault: fact(185, '185', 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html'),
  retryMaxAgeMin: fact(60, '60 s', 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html'),
  retryMaxAgeMax: fact(86_400, '24 hours', 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html'),
  retryMaxAgeDefault: fact(86_400, '24 hours', 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html'),
  retrySecondsStep: fact(1, 'whole seconds', 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html'),
  /**
   * "EventBridge DLQs are standard Amazon SQS queues"; PutTargets rejects a FIFO queue with
   * "SQS FIFO is not supported by Dead Letter Queues." Looked up 2026-12-04.
   */
  targetDeadLetterQueue: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html',
  /**
   * Event pattern syntax: every field's value is an array of match values, or an object of
   * nested fields; arrays and objects may not be empty; `$or` takes at least two objects.
   * Looked up 2026-12-04.
   */
  eventPatterns: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html',
  /**
   * The comparison operators of event patterns: prefix, suffix, anything-but, numeric, exists,
   * cidr, equals-ignore-case, wildcard, and `$or`. Looked up 2026-12-04.
   */
  patternOperators: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html',
} as const;

const EVENTBRIDGE_QUOTAS = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html';

/** A Regional quota: its figure in the Regions listed (a Region not listed takes `otherRegions`). */
export interface RegionalTier {
  readonly regions: readonly string[];
  readonly perSecond: number;
}

/**
 * EventBridge throughput quotas (event buses, "Custom Event Bus - Classic" in the quotas page),
 * per account and Region, shared by every bus of the account; adjustable through Service Quotas.
 * Looked up 2026-12-04 in the quotas page (the full Regional table read from AWS's own copy of
 * the page, awsdocs/amazon-eventbridge-user-guide doc_source/eb-quota.md; the live page's
 * figures for the listed Regions agree). A Region the table does not list takes the lowest
 * figure (the page's "each of the other supported Regions"), as does a file without `region`.
 */
export const EVENTBRIDGE_THROUGHPUT = {
  source: EVENTBRIDGE_QUOTAS,
  /** "PutEvents throttle limit in transactions per second": requests, each of up to 10 entries; further requests are throttled. */
  putEventsTiers: [
    { regions: ['us-east-1', 'us-west-2', 'eu-west-1'], perSecond: 10_000 },
    { regions: ['us-east-2', 'eu-central-1', 'eu-south-2'], perSecond: 2_400 },
    { regions: ['us-west-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'eu-west-2'], perSecond: 1_200 },
    {
      regions: ['ap-east-1', 'ap-northeast-2', 'ap-south-1', 'ca-central-1', 'eu-north-1', 'eu-west-3', 'sa-east-1'],
      perSecond: 600,
    },
  ] as readonly RegionalTier[],
  putEventsOtherRegions: fact(400, '400 PutEvents requests/s (each other Region)', EVENTBRIDGE_QUOTAS),
  /**
   * "Invocations throttle limit in transactions per second": "An invocation is an event matching a
   * rule and being sent on to the rule's targets. After the limit is reached, the invocations are
   * throttled; that is, they still happen but they are delayed."
   */
  invocationsTiers: [
    { regions: ['us-east-1', 'us-west-2', 'eu-west-1'], perSecond: 18_750 },
    { regions: ['us-east-2', 'eu-central-1', 'eu-south-2'], perSecond: 4_500 },
    { regions: ['us-west-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'eu-west-2'], perSecond: 2_250 },
    {
      regions: ['ap-east-1', 'ap-northeast-2', 'ap-south-1', 'ca-central-1', 'eu-north-1', 'eu-west-3', 'sa-east-1'],
      perSecond: 1_100,
    },
  ] as readonly RegionalTier[],
  invocationsOtherRegions: fact(750, '750 invocations/s (each other Region)', EVENTBRIDGE_QUOTAS),
  /** A rule target's failed or throttled delivery is retried, by default for 24 hours and 185 attempts. */
  retryPolicy: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
} as const;

/** EventBridge Scheduler (format 1.1), looked up 2026-12-04. */
export const SCHEDULER = {
  expressions: 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html',
  flexibleWindowMin: fact(60, '1 minute', 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_FlexibleTimeWindow.html'),
  flexibleWindowMax: fact(
    86_400,
    '1,440 minutes (24 hours)',
    'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_FlexibleTimeWindow.html',
  ),
  /** `MaximumWindowInMinutes` is an integer of minutes. */
  flexibleWindowStep: fact(60, 'whole minutes', 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_FlexibleTimeWindow.html'),
  // A schedule's target retry policy, looked up 2026-12-04: the same ranges as a rule target's.
  retryAttemptsMin: fact(0, '0', 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html'),
  retryAttemptsMax: fact(185, '185', 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html'),
  retryMaxAgeMin: fact(60, '60 s', 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html'),
  retryMaxAgeMax: fact(86_400, '24 hours', 'https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html'),
  /** "EventBridge Scheduler does not support using a FIFO queue as your schedule's DLQ." Looked up 2026-12-04. */
  deadLetterQueue: 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html',
} as const;

/** AWS Step Functions (format 1.1), looked up 2026-12-04. */
export const STEP_FUNCTIONS = {
  standardDurationMax: fact(31_536_000, '1 year', 'https://docs.aws.amazon.com/step-functions/latest/dg/limits.html'),
  expressDurationMax: fact(300, '5 minutes', 'https://docs.aws.amazon.com/step-functions/latest/dg/express-limits.html'),
  payloadMax: fact(
    262_144,
    '256 KiB (262,144 bytes) of input or output',
    'https://docs.aws.amazon.com/step-functions/latest/dg/limits.html',
  ),
  /**
   * "Express Workflows only support Request Response integrations": no `.sync`, no
   * `.waitForTaskToken`. Standard workflows wait for a callback with the optimized
   * integrations that offer it (Lambda, SQS, SNS, EventBridge, ECS, EKS, API Gateway, Step
   * Functions; not DynamoDB) and with every AWS SDK integration (checked 2026-12-04).
   */
  integrationPatterns: 'https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html',
} as const;

/** Amazon EventBridge Pipes (format 1.1), looked up 2026-12-04. */
const PIPES_BATCHING = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html';
export const PIPES = {
  /** DynamoDB streams, Kinesis streams, Amazon MQ brokers, Amazon MSK, SQS queues, self-managed Apache Kafka. */
  sources: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-source.html',
  /** "SNS FIFO topics not supported"; standard workflows only asynchronously (FIRE_AND_FORGET). */
  targets: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html',
  /** API destination, API Gateway, Lambda, Step Functions: "EventBridge Pipes only supports Express workflows as enrichments". */
  enrichment: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/pipes-enrichment.html',
  /** "REQUEST_RESPONSE is not supported for STANDARD state machine workflows." */
  stateMachineTarget: 'https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeTargetStateMachineParameters.html',
  /** BatchSize 1-10,000 for SQS (standard and FIFO alike), Kinesis and DynamoDB stream sources. */
  sqsBatchSizeMax: fact(
    10_000,
    '10,000',
    'https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceSqsQueueParameters.html',
  ),
  kinesisBatchSizeMax: fact(10_000, '10,000', PIPES_BATCHING),
  dynamodbBatchSizeMax: fact(
    10_000,
    '10,000',
    'https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceDynamoDBStreamParameters.html',
  ),
  /** MaximumBatchingWindowInSeconds: an integer, 0-300, for every source. */
  batchWindowMax: fact(
    300,
    '300 s',
    'https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceSqsQueueParameters.html',
  ),
  batchWindowStep: fact(
    1,
    'whole seconds',
    'https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeSourceSqsQueueParameters.html',
  ),
  /** "You can't configure a pipe with a larger batch size than the target supports." */
  sqsTargetBatchMax: fact(10, '10 messages per batch', PIPES_BATCHING),
  snsTargetBatchMax: fact(10, '10 messages per batch', PIPES_BATCHING),
  eventBusTargetBatchMax: fact(10, '10 events per batch', PIPES_BATCHING),
  kinesisTargetBatchMax: fact(500, '500 records per batch', PIPES_BATCHING),
  firehoseTargetBatchMax: fact(500, '500 records per batch', PIPES_BATCHING),
  /** "If you configure a pipe with an enrichment or target that doesn't support batching, you won't be able to activate batching on the source." */
  unbatchedBatchMax: fact(1, '1 (no batching)', PIPES_BATCHING),
  /** "If a source enforces order to the events sent to EventBridge Pipes, that order is maintained throughout the entire process to the destination." */
  ordering: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-source.html',
} as const;

const STEP_FUNCTIONS_QUOTAS = 'https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html';

/**
 * StartExecution throttling, a token bucket per account and Region (soft quotas: "Quotas related
 * to API action throttling"). Standard workflows: a bucket of 1,300 refilled at 300/s in
 * us-east-1, us-west-2 and eu-west-1, of 800 refilled at 150/s elsewhere; Express workflows:
 * 6,000 refilled at 6,000/s everywhere. A burst up to the bucket goes through; a sustained rate
 * over the refill is throttled (ThrottlingException). Synchronous Express executions do not count.
 * Looked up 2026-12-04 (AWS's copy of the page: awsdocs/aws-step-functions-developer-guide
 * doc_source/limits-overview.md).
 */
export const STEP_FUNCTIONS_START = {
  source: STEP_FUNCTIONS_QUOTAS,
  largeRegions: ['us-east-1', 'us-west-2', 'eu-west-1'] as readonly string[],
  standardLargeBucket: fact(1_300, 'a bucket of 1,300', STEP_FUNCTIONS_QUOTAS),
  standardLargeRefill: fact(300, '300 StartExecution calls/s', STEP_FUNCTIONS_QUOTAS),
  standardOtherBucket: fact(800, 'a bucket of 800', STEP_FUNCTIONS_QUOTAS),
  standardOtherRefill: fact(150, '150 StartExecution calls/s', STEP_FUNCTIONS_QUOTAS),
  expressBucket: fact(6_000, 'a bucket of 6,000', STEP_FUNCTIONS_QUOTAS),
  expressRefill: fact(6_000, '6,000 StartExecution calls/s', STEP_FUNCTIONS_QUOTAS),
} as const;

/**
 * Latency figures for the latency model (model/latency.ts), looked up 2026-12-04. Where AWS
 * publishes a figure or a mechanism (a polling rate, a retry schedule), the fact cites it; where
 * AWS publishes none, the text starts with "assumption" and the source is the page that
 * describes the mechanism without a figure. Seconds.
 */
const SNS_RETRIES = 'https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html';
const LAMBDA_ASYNC_ERRORS = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html';
export const LATENCY = {
  /** No published figure for a single API call (SendMessage, Publish, PutEvents, Invoke, StartExecution). */
  apiCallTypical: fact(
    0.02,
    'assumption: about 20 ms for one API call within a Region',
    'https://docs.aws.amazon.com/general/latest/gr/api-retries.html',
  ),
  apiCallWorst: fact(
    0.2,
    'assumption: up to 200 ms for one API call, SDK retries aside',
    'https://docs.aws.amazon.com/general/latest/gr/api-retries.html',
  ),
  /** Long polling "returns messages as soon as they become available"; no figure for the wait itself. */
  sqsLongPollTypical: fact(0.02, 'assumption: about 20 ms from send to a long poll returning it', SQS.longPolling),
  sqsLongPollWorst: fact(0.2, 'assumption: up to 200 ms from send to a long poll returning it', SQS.longPolling),
  /** Short polling (receiveWait 0) samples a subset of servers and can come back empty: the consumer's own loop decides. */
  sqsShortPollTypical: fact(
    0.5,
    'assumption: a consumer that short-polls once a second finds a message after 0.5 s on average',
    SQS.longPolling,
  ),
  sqsShortPollWorst: fact(2, 'assumption: up to 2 s (an empty short poll, then the next one)', SQS.longPolling),
  /** "Lambda polls shards in your stream for records at a rate of once per second for each shard." */
  kinesisLambdaPoll: fact(
    1,
    'once per second per shard (Lambda polling a Kinesis stream)',
    'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html',
  ),
  /** "Lambda polls shards in your DynamoDB stream for records at a base rate of 4 times per second." */
  dynamodbLambdaPoll: fact(
    0.25,
    '4 times per second per shard (Lambda polling a DynamoDB stream)',
    'https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html',
  ),
  /** Enhanced fan-out pushes records over HTTP/2: "typically an average of 70 ms". */
  kinesisEnhancedFanOut: fact(
    0.07,
    'about 70 ms on average (enhanced fan-out, pushed over HTTP/2)',
    'https://docs.aws.amazon.com/streams/latest/dev/building-consumers.html',
  ),
  kinesisEnhancedFanOutWorst: fact(
    0.5,
    'assumption: up to 500 ms with enhanced fan-out',
    'https://docs.aws.amazon.com/streams/latest/dev/building-consumers.html',
  ),
  /** The KCL polls each shard once a second by default: "average propagation delays that are typically below 1 second". */
  kinesisConsumerPoll: fact(
    1,
    'once per second per shard (the KCL default), average delay below 1 s',
    'https://docs.aws.amazon.com/streams/latest/dev/kinesis-low-latency.html',
  ),
  /** No published figure for SNS delivery to SQS, Lambda or HTTP/S. */
  snsDeliveryTypical: fact(0.1, 'assumption: about 100 ms from publish to delivery', SNS_RETRIES),
  snsDeliveryWorst: fact(1, 'assumption: up to 1 s from publish to delivery while nothing fails', SNS_RETRIES),
  /** No published figure for an EventBridge rule delivering to its target. */
  eventBridgeDeliveryTypical: fact(
    0.1,
    'assumption: about 100 ms from PutEvents to the target',
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
  ),
  eventBridgeDeliveryWorst: fact(
    1,
    'assumption: up to 1 s from PutEvents to the target while nothing fails',
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
  ),
  /** Retries "with an exponential back off and jitter": AWS gives no first delay or factor. */
  eventBridgeFirstBackoff: fact(
    1,
    'assumption: a first retry after 1 s, each next wait twice as long',
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html',
  ),
  /** No published figure for a Pipe's poll; assumed like Lambda's event source mapping. */
  pipePollTypical: fact(
    0.1,
    "assumption: about 100 ms from the source to the pipe (pollers like Lambda's)",
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html',
  ),
  pipePollWorst: fact(
    1,
    'assumption: up to 1 s from the source to the pipe',
    'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-batching-concurrency.html',
  ),
  /** No published figure for a state transition or a task's service call. */
  stepFunctionsTransitionTypical: fact(
    0.05,
    'assumption: about 50 ms per state transition and task call',
    'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html',
  ),
  stepFunctionsTransitionWorst: fact(
    0.5,
    'assumption: up to 500 ms per state transition and task call',
    'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html',
  ),
  /** "Typically, event notifications are delivered in seconds but can sometimes take a minute or longer." */
  s3NotificationTypical: fact(
    1,
    'assumption within AWS\'s "typically in seconds": 1 s',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html',
  ),
  s3NotificationWorst: fact(
    60,
    '"a minute or longer" (AWS gives no upper bound: 1 min counted)',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html',
  ),
  /** No published figure for Lambda's internal queue of asynchronous invocations. */
  lambdaAsyncQueueTypical: fact(0.05, "assumption: about 50 ms in Lambda's queue of asynchronous events", LAMBDA_ASYNC_ERRORS),
  lambdaAsyncQueueWorst: fact(
    1,
    "assumption: up to 1 s in Lambda's queue of asynchronous events while nothing is throttled",
    LAMBDA_ASYNC_ERRORS,
  ),
  /** "…attempts to run it two more times, with a one-minute wait between the first two attempts, and two minutes between the second and third." */
  lambdaAsyncRetryWaits: fact(180, 'waits of 1 min, then 2 min', LAMBDA_ASYNC_ERRORS),
  lambdaAsyncRetries: fact(2, 'twice', LAMBDA_ASYNC_ERRORS),
} as const;

export const APP_RUNNER = {
  availability: 'https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html',
  closedOn: '2026-04-30',
  cpuDefault: fact(1024, '1 vCPU', 'https://docs.aws.amazon.com/apprunner/latest/api/API_InstanceConfiguration.html'),
  memoryDefault: fact(2048, '2 GB', 'https://docs.aws.amazon.com/apprunner/latest/api/API_InstanceConfiguration.html'),
} as const;

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}
