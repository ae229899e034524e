/**
 * The resource types awsflow knows, and what each one is: one row per type. Every other
 * list of types is derived from this table — the `type` enum of the properties, the
 * outline's symbol kinds, completion's details, the diagram's titles and icons, hover's
 * service names, the compute/messaging/data-store sets the connection rules use — so
 * adding a type is a row here plus its properties (`TYPE_PROPERTIES` in properties.ts);
 * the compiler then names the few maps keyed by type that still want an entry
 * (docs/contributing.md, "Add a resource type"). The JSON schema is written by hand for
 * editors; test/conformance/schema.test.ts keeps its type enum equal to this table.
 */

/**
 * What a type does in an architecture. The outline's symbol kind and the connection
 * rules read it: only compute polls a queue, only data stores are read and written.
 */
export type ResourceCategory =
  | 'messaging' // queues, topics, streams: they carry messages between the others
  | 'compute' // runs code: functions, containers, instances
  | 'schedule' // starts work on a timer
  | 'entry-point' // takes requests from outside: API Gateway, load balancers, CDNs
  | 'data-store' // keeps data: tables, buckets, databases, file systems
  | 'external' // anything outside AWS
  | 'event-bus' // routes events by rules to targets: EventBridge buses
  | 'workflow'; // runs steps that call other services: Step Functions state machines

export interface ResourceTypeFacts {
  readonly category: ResourceCategory;
  /** One of them, for people, with its article: `an SQS queue` (messages, hover titles, the outline). */
  readonly name: string;
  /** The fuller AWS name: `Data Firehose delivery stream` (completion details, the preview's tooltips). */
  readonly detail: string;
  /** The short title a diagram node shows: `Lambda`. */
  readonly title: string;
  /** The AWS service whose documentation sets its quantities: `Elastic Load Balancing` (hover). */
  readonly service: string;
  /**
   * The icon of the `logos` Iconify set that draws it in the preview, or none: it keeps its
   * plain shape (src/core/diagram/icons.ts bundles each one named here).
   */
  readonly icon?: `aws-${string}`;
  /** The types people connect it to, most usual first (completion offers them first). */
  readonly likelyTargets: readonly string[];
}

export const RESOURCE_TYPE_TABLE = {
  sqs: {
    category: 'messaging',
    name: 'an SQS queue',
    detail: 'SQS queue',
    title: 'SQS queue',
    service: 'SQS',
    icon: 'aws-sqs',
    likelyTargets: ['lambda', 'ecs', 'eks', 'ec2', 'beanstalk', 'apprunner'],
  },
  sns: {
    category: 'messaging',
    name: 'an SNS topic',
    detail: 'SNS topic',
    title: 'SNS topic',
    service: 'SNS',
    icon: 'aws-sns',
    likelyTargets: ['sqs', 'lambda', 'firehose'],
  },
  kinesis: {
    category: 'messaging',
    name: 'a Kinesis stream',
    detail: 'Kinesis data stream',
    title: 'Kinesis stream',
    service: 'Kinesis',
    icon: 'aws-kinesis',
    likelyTargets: ['lambda', 'firehose', 'ecs', 'eks', 'ec2'],
  },
  // No Firehose icon in the set: it is Kinesis Data Firehose, so it takes Kinesis's.
  firehose: {
    category: 'messaging',
    name: 'a Firehose stream',
    detail: 'Data Firehose delivery stream',
    title: 'Firehose',
    service: 'Firehose',
    icon: 'aws-kinesis',
    likelyTargets: ['s3'],
  },
  lambda: {
    category: 'compute',
    name: 'a Lambda function',
    detail: 'Lambda function',
    title: 'Lambda',
    service: 'Lambda',
    icon: 'aws-lambda',
    likelyTargets: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs', 'lambda', 'eventbridge', 'stepfunctions'],
  },
  ecs: {
    category: 'compute',
    name: 'an ECS service',
    detail: 'ECS service',
    title: 'ECS service',
    service: 'ECS',
    icon: 'aws-ecs',
    likelyTargets: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs'],
  },
  eks: {
    category: 'compute',
    name: 'an EKS workload',
    detail: 'EKS workload',
    title: 'EKS',
    service: 'EKS',
    icon: 'aws-eks',
    likelyTargets: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs'],
  },
  // No icon in the set would say what App Runner is: it keeps its plain shape.
  apprunner: {
    category: 'compute',
    name: 'an App Runner service',
    detail: 'App Runner service',
    title: 'App Runner',
    service: 'App Runner',
    likelyTargets: ['sqs', 'sns', 'kinesis', 'dynamodb', 's3', 'rds'],
  },
  beanstalk: {
    category: 'compute',
    name: 'a Beanstalk environment',
    detail: 'Elastic Beanstalk environment',
    title: 'Beanstalk',
    service: 'Elastic Beanstalk',
    icon: 'aws-elastic-beanstalk',
    likelyTargets: ['sqs', 'sns', 'kinesis', 'dynamodb', 's3', 'rds'],
  },
  ec2: {
    category: 'compute',
    name: 'an EC2 instance',
    detail: 'EC2 instances',
    title: 'EC2',
    service: 'EC2',
    icon: 'aws-ec2',
    likelyTargets: ['sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'rds', 'efs'],
  },
  // A scheduled rule is EventBridge's; a Scheduler schedule takes Scheduler's icon (see iconOf).
  schedule: {
    category: 'schedule',
    name: 'a schedule',
    detail: 'EventBridge scheduled rule',
    title: 'schedule',
    service: 'EventBridge',
    icon: 'aws-eventbridge',
    likelyTargets: ['lambda', 'ecs', 'sqs', 'sns', 'kinesis', 'firehose', 'stepfunctions', 'eventbridge'],
  },
  'api-gateway': {
    category: 'entry-point',
    name: 'an API Gateway',
    detail: 'API Gateway API',
    title: 'API Gateway',
    service: 'API Gateway',
    icon: 'aws-api-gateway',
    likelyTargets: ['lambda', 'sqs', 'sns', 'kinesis', 'firehose', 'dynamodb', 's3', 'ecs', 'stepfunctions', 'eventbridge'],
  },
  alb: {
    category: 'entry-point',
    name: 'a load balancer',
    detail: 'Application Load Balancer',
    title: 'ALB',
    service: 'Elastic Load Balancing',
    icon: 'aws-elb',
    likelyTargets: ['ecs', 'lambda', 'eks', 'ec2', 'beanstalk'],
  },
  cloudfront: {
    category: 'entry-point',
    name: 'a CloudFront distribution',
    detail: 'CloudFront distribution',
    title: 'CloudFront',
    service: 'CloudFront',
    icon: 'aws-cloudfront',
    likelyTargets: ['s3', 'alb', 'api-gateway', 'lambda'],
  },
  dynamodb: {
    category: 'data-store',
    name: 'a DynamoDB table',
    detail: 'DynamoDB table',
    title: 'DynamoDB',
    service: 'DynamoDB',
    icon: 'aws-dynamodb',
    likelyTargets: ['lambda', 'kinesis'],
  },
  s3: {
    category: 'data-store',
    name: 'an S3 bucket',
    detail: 'S3 bucket',
    title: 'S3',
    service: 'S3',
    icon: 'aws-s3',
    likelyTargets: ['lambda', 'sqs', 'sns', 'eventbridge'],
  },
  rds: {
    category: 'data-store',
    name: 'an RDS database',
    detail: 'RDS or Aurora database',
    title: 'RDS',
    service: 'RDS',
    icon: 'aws-rds',
    likelyTargets: ['lambda'],
  },
  // No icon in the set would say what EFS is: it keeps its plain shape.
  efs: {
    category: 'data-store',
    name: 'an EFS file system',
    detail: 'EFS file system',
    title: 'EFS',
    service: 'EFS',
    likelyTargets: ['lambda', 'ecs'],
  },
  // A client is anything outside AWS: no AWS icon, and AWS's own documentation for its quantities.
  client: {
    category: 'external',
    name: 'a client',
    detail: 'client outside AWS',
    title: 'client',
    service: 'AWS',
    likelyTargets: ['api-gateway', 'alb', 'cloudfront', 'sqs', 'sns', 'kinesis', 'firehose', 's3'],
  },
  // A bus routes by rules rather than carrying a queue of messages: not 'messaging', so the
  // connection rules that read that category (compute polls a queue…) leave it to its own rows.
  eventbridge: {
    category: 'event-bus',
    name: 'an EventBridge bus',
    detail: 'EventBridge event bus',
    title: 'EventBridge bus',
    service: 'EventBridge',
    icon: 'aws-eventbridge',
    likelyTargets: ['lambda', 'sqs', 'sns', 'stepfunctions', 'kinesis', 'firehose', 'ecs', 'api-gateway', 'eventbridge', 'client'],
  },
  // A state machine calls services as tasks; it does not poll queues like 'compute' does.
  stepfunctions: {
    category: 'workflow',
    name: 'a Step Functions state machine',
    detail: 'Step Functions state machine',
    title: 'Step Functions',
    service: 'Step Functions',
    icon: 'aws-step-functions',
    likelyTargets: ['lambda', 'sqs', 'sns', 'eventbridge', 'dynamodb', 'ecs', 'stepfunctions', 'kinesis', 'firehose'],
  },
} as const satisfies Readonly<Record<string, ResourceTypeFacts>>;

export type ResourceType = keyof typeof RESOURCE_TYPE_TABLE;

/** Every type, in the table's order (completion offers them in it). */
export const RESOURCE_TYPES: readonly ResourceType[] = Object.keys(RESOURCE_TYPE_TABLE) as ResourceType[];

export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === 'string' && Object.hasOwn(RESOURCE_TYPE_TABLE, value);
}

export function resourceTypeFacts(type: ResourceType): ResourceTypeFacts {
  return RESOURCE_TYPE_TABLE[type];
}

/** The types of one category, in the table's order. */
export function typesOf(category: ResourceCategory): readonly ResourceType[] {
  return RESOURCE_TYPES.filter((type) => RESOURCE_TYPE_TABLE[type].category === category);
}

/** One value per type, read from its row: `typeRecord((facts) => facts.title)`. */
export function typeRecord<Value>(read: (facts: ResourceTypeFacts, type: ResourceType) => Value): Readonly<Record<ResourceType, Value>> {
  return Object.fromEntries(RESOURCE_TYPES.map((type) => [type, read(RESOURCE_TYPE_TABLE[type], type)])) as Record<ResourceType, Value>;
}

/**
 * The types people connect this one to, most usual first. Typed by the table's literal
 * rows, so a misspelt target in a row is a compile error here.
 */
export function likelyTargetsOf(type: ResourceType): readonly ResourceType[] {
  return RESOURCE_TYPE_TABLE[type].likelyTargets;
}
