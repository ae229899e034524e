/**
 * What a connection between two resource types means in AWS, or that AWS cannot make it.
 * Used by flows/invalid-connection, by hover on a flow, and by the capacity model.
 */
import type { ResourceType } from './properties';
import { RESOURCE_TYPE_TABLE, typesOf } from './resource-types';
import type { Connection } from './model';
import type { FlowToken } from '../parse/flows';

export type ConnectionKind =
  | 'subscription' // SNS delivers to the target
  | 'event-source-mapping' // Lambda polls the queue or stream
  | 'polling-consumer' // compute (or a client) polls the queue or stream
  | 'rule-target' // an EventBridge schedule invokes the target
  | 'synchronous-call' // request/response: API Gateway, ALB, CloudFront, a client calling
  | 'asynchronous-invoke' // compute invokes a Lambda function
  | 'send' // a producer sends to a queue, publishes to a topic, puts to a stream
  | 'delivery' // Firehose delivers to its destination
  | 'notification' // S3 event notifications, DynamoDB streams
  | 'read-write' // compute uses a data store
  | 'call' // compute calls another service
  | 'put-events' // a producer puts events on an EventBridge bus
  | 'pipe' // an EventBridge Pipe polls the source and delivers to the target
  | 'task' // a Step Functions task calls the service
  | 'start-execution'; // API Gateway starts a Step Functions execution

export interface Verdict {
  readonly kind: ConnectionKind | 'invalid';
  /** For 'invalid': why, and what AWS offers instead. */
  readonly reason?: string;
}

const COMPUTE = typesOf('compute');
const STORES = typesOf('data-store');
const MESSAGING = typesOf('messaging');

export const CONNECTION_KIND_TEXT: Record<ConnectionKind, string> = {
  subscription: 'SNS subscription: the topic pushes every message to the target',
  'event-source-mapping': 'Lambda event source mapping: Lambda polls the source and invokes the function with batches',
  'polling-consumer': 'polling consumer: the target receives messages or records and deletes or checkpoints them itself',
  'rule-target': 'EventBridge rule target: the rule or schedule invokes the target',
  'synchronous-call': 'synchronous call: the caller waits for the response',
  'asynchronous-invoke': 'invocation: one function invokes another',
  send: 'producer: sends messages, publishes or puts records',
  delivery: 'Firehose delivery to its destination',
  notification: 'event notification from the data store',
  'read-write': 'reads and writes data',
  call: 'calls the service',
  'put-events': 'PutEvents: the producer puts events on the event bus',
  pipe: 'EventBridge Pipe: polls the source, filters and enriches, and delivers batches to the target',
  task: 'Step Functions task: the state machine calls the service',
  'start-execution': 'starts a Step Functions execution',
};

/** What an EventBridge rule, a Pipe (and, for the format, a schedule) can target (FORMAT 1.1). */
export const EVENT_TARGETS: readonly ResourceType[] = [
  'lambda',
  'sqs',
  'sns',
  'kinesis',
  'firehose',
  'stepfunctions',
  'ecs',
  'api-gateway',
  'eventbridge',
  'client',
];
/** The sources an EventBridge Pipe polls (of this format's types). */
export const PIPE_SOURCES: readonly ResourceType[] = ['sqs', 'kinesis', 'dynamodb'];
/**
 * What a Step Functions task can call (FORMAT 1.1), and, as AWS offers them beyond FORMAT.md's
 * list, API Gateway and EKS (optimized integrations) and S3 (its AWS SDK integration).
 */
export const TASK_TARGETS: readonly ResourceType[] = [
  'lambda',
  'sqs',
  'sns',
  'eventbridge',
  'dynamodb',
  'kinesis',
  'firehose',
  'stepfunctions',
  'ecs',
  'api-gateway',
  'eks',
  's3',
];
/** Who puts events on a bus: compute and clients (PutEvents), API Gateway, S3 notifications, state machines, rules and schedules. */
const EVENT_PRODUCERS: readonly ResourceType[] = [...COMPUTE, 'client', 'api-gateway', 's3', 'stepfunctions', 'eventbridge', 'schedule'];
/** Who starts a state machine: API Gateway, rules and schedules, another state machine's task, compute and clients (StartExecution). */
const EXECUTION_STARTERS: readonly ResourceType[] = [...COMPUTE, 'client', 'api-gateway', 'eventbridge', 'schedule', 'stepfunctions'];

/** What a flow entry's properties say about the connection, beyond its two types. */
export interface ConnectionOptions {
  /** `via: pipe`: an EventBridge Pipe between the two. */
  readonly via?: unknown;
}

function invalid(reason: string): Verdict {
  return { kind: 'invalid', reason };
}

export function classifyConnection(from: ResourceType, to: ResourceType, options: ConnectionOptions = {}): Verdict {
  if (to === 'schedule') return invalid('a schedule only starts things: nothing can send to it');
  if (options.via === 'pipe') {
    if (!PIPE_SOURCES.includes(from))
      return invalid(
        `an EventBridge Pipe cannot read from ${article(from)}: its sources here are SQS queues, Kinesis streams and DynamoDB streams`,
      );
    if (!EVENT_TARGETS.includes(to))
      return invalid(`an EventBridge Pipe cannot deliver to ${article(to)}: its targets are ${targetList(EVENT_TARGETS)}`);
    return { kind: 'pipe' };
  }
  if (from === 'eventbridge') {
    if (EVENT_TARGETS.includes(to)) return { kind: 'rule-target' };
    return invalid(`an EventBridge rule cannot target ${article(to)}: its targets are ${targetList(EVENT_TARGETS)}`);
  }
  if (from === 'stepfunctions') {
    if (TASK_TARGETS.includes(to)) return { kind: 'task' };
    return invalid(`a Step Functions task cannot call ${article(to)} here: tasks call ${targetList(TASK_TARGETS)}`);
  }
  if (to === 'eventbridge') {
    if (EVENT_PRODUCERS.includes(from))
      return { kind: from === 's3' ? 'notification' : from === 'schedule' ? 'rule-target' : 'put-events' };
    const pipe = PIPE_SOURCES.includes(from) ? ': connect it through an EventBridge Pipe (`via: pipe`)' : '';
    return invalid(
      `${article(from).replace(/^a/, 'A')} cannot put events on an EventBridge bus${pipe || ': compute, clients, API Gateway, S3, Step Functions, rules and schedules put events on a bus'}`,
    );
  }
  if (to === 'stepfunctions') {
    if (from === 'api-gateway') return { kind: 'start-execution' };
    if (from === 'schedule') return { kind: 'rule-target' };
    if (EXECUTION_STARTERS.includes(from)) return { kind: 'call' };
    const pipe = PIPE_SOURCES.includes(from) ? ': connect it through an EventBridge Pipe (`via: pipe`)' : '';
    return invalid(
      `${article(from).replace(/^a/, 'A')} cannot start a Step Functions execution${pipe || ': API Gateway, an EventBridge rule or schedule, a Pipe or compute can'}`,
    );
  }
  switch (from) {
    case 'sqs':
      if (to === 'lambda') return { kind: 'event-source-mapping' };
      if (COMPUTE.includes(to) || to === 'client') return { kind: 'polling-consumer' };
      return invalid(
        `an SQS queue cannot deliver to ${article(to)}: something must poll it (a Lambda event source mapping, or compute that calls ReceiveMessage), then send on; EventBridge Pipes can do this without code`,
      );
    case 'sns':
      if (to === 'sqs' || to === 'lambda' || to === 'firehose') return { kind: 'subscription' };
      if (
        to === 'client' ||
        to === 'api-gateway' ||
        to === 'alb' ||
        to === 'apprunner' ||
        to === 'beanstalk' ||
        to === 'ec2' ||
        to === 'ecs' ||
        to === 'eks'
      ) {
        return { kind: 'subscription' }; // HTTP/S, email, SMS or mobile endpoints
      }
      return invalid(
        `SNS cannot subscribe ${article(to)}: topics deliver to SQS, Lambda, Firehose and HTTP/S, email, SMS or mobile endpoints`,
      );
    case 'kinesis':
      if (to === 'lambda') return { kind: 'event-source-mapping' };
      if (to === 'firehose') return { kind: 'delivery' };
      if (COMPUTE.includes(to) || to === 'client') return { kind: 'polling-consumer' };
      return invalid(
        `a Kinesis stream cannot deliver to ${article(to)}: a consumer (Lambda, Firehose, or compute with the KCL) must read it and write on`,
      );
    case 'firehose':
      if (to === 's3' || to === 'client' || to === 'api-gateway') return { kind: 'delivery' };
      return invalid(
        `Firehose cannot deliver to ${article(to)}: its destinations are S3, Redshift, OpenSearch, Splunk, Snowflake, Iceberg tables and HTTP endpoints`,
      );
    case 'schedule':
      if (STORES.includes(to))
        return invalid(`an EventBridge schedule cannot target ${article(to)}: target a Lambda function or an ECS task that does the work`);
      if (to === 'alb' || to === 'cloudfront' || to === 'eks' || to === 'beanstalk' || to === 'apprunner') {
        return invalid(
          `an EventBridge schedule cannot target ${article(to)} directly: target a Lambda function, an ECS task, an SQS queue or an API destination`,
        );
      }
      return { kind: 'rule-target' };
    case 'api-gateway':
      if (to === 'rds' || to === 'efs')
        return invalid(`API Gateway cannot integrate with ${article(to)} directly: put a Lambda function or a service in between`);
      if (MESSAGING.includes(to) || to === 'dynamodb' || to === 's3') return { kind: 'send' };
      return { kind: 'synchronous-call' };
    case 'alb':
      if (to === 'lambda' || to === 'ecs' || to === 'eks' || to === 'ec2' || to === 'beanstalk') return { kind: 'synchronous-call' };
      return invalid(
        `an Application Load Balancer cannot route to ${article(to)}: its targets are instances, IP addresses and Lambda functions (only a Network Load Balancer can target an ALB)`,
      );
    case 'cloudfront':
      if (MESSAGING.includes(to) || to === 'dynamodb' || to === 'rds' || to === 'efs') {
        return invalid(
          `CloudFront cannot use ${article(to)} as an origin: origins are S3, load balancers, API Gateway, Lambda function URLs and HTTP servers`,
        );
      }
      return { kind: 'synchronous-call' };
    case 's3':
      if (to === 'lambda' || to === 'sqs' || to === 'sns') return { kind: 'notification' };
      if (to === 'kinesis' || to === 'firehose' || to === 'dynamodb' || to === 'rds' || to === 'efs' || to === 's3') {
        return invalid(`S3 event notifications go to Lambda, SQS, SNS or EventBridge, not to ${article(to)}`);
      }
      return { kind: 'read-write' };
    case 'dynamodb':
      // A DynamoDB stream read by Lambda is an event source mapping like a Kinesis stream's.
      if (to === 'lambda') return { kind: 'event-source-mapping' };
      if (to === 'kinesis') return { kind: 'notification' };
      if (MESSAGING.includes(to) || STORES.includes(to))
        return invalid(
          `DynamoDB streams feed Lambda or Kinesis Data Streams, not ${article(to)}: put a function in between, or EventBridge Pipes`,
        );
      return { kind: 'read-write' };
    case 'rds':
    case 'efs':
      if (MESSAGING.includes(to) && !(from === 'rds' && to === 'sns'))
        return invalid(`${from.toUpperCase()} cannot send to ${article(to)}: put compute in between`);
      if (STORES.includes(to)) return invalid(`${from.toUpperCase()} cannot send to ${article(to)}`);
      return { kind: from === 'rds' && to === 'sns' ? 'notification' : 'read-write' };
    case 'client':
      if (to === 'client') return invalid('a connection between two clients is outside AWS: awsflow draws only what touches AWS');
      if (MESSAGING.includes(to)) return { kind: 'send' };
      if (STORES.includes(to)) return { kind: 'read-write' };
      return { kind: 'synchronous-call' };
    default: {
      // compute
      if (MESSAGING.includes(to)) return { kind: 'send' };
      if (STORES.includes(to)) return { kind: 'read-write' };
      if (to === 'lambda' && from === 'lambda') return { kind: 'asynchronous-invoke' };
      return { kind: 'call' };
    }
  }
}

/** The options a connection's own properties give (`via: pipe`). */
export function connectionOptions(connection: Pick<Connection, 'props'>): ConnectionOptions {
  return { via: connection.props.get('via')?.value };
}

/** `lambda, sqs, sns …` for a reason's list of valid targets. */
function targetList(types: readonly ResourceType[]): string {
  return types.map((type) => typeDisplayName(type)).join(', ');
}

/** What a type is, for people: `SQS queue`, `Lambda function` (hover titles, outline details). */
export function typeDisplayName(type: ResourceType): string {
  return article(type).replace(/^an? /, '');
}

export function article(type: ResourceType): string {
  return RESOURCE_TYPE_TABLE[type].name;
}

/**
 * The id in the document that stands for this connection alone, where a finding about it
 * sits: in a flow entry, the target's id (`b.fifo` in `a -> b.fifo, c`), or the source's
 * for a fan-in (`b` in `a, b -> c`), where the target is every source's; the id a
 * `deadLetter.target` or `onFailure` names for the connections they make. In an entry that
 * connects several ids on both sides (`a, b -> c, d`) no one id stands alone: the target's.
 */
export function connectionToken(connection: Connection): FlowToken {
  const entry = connection.entry;
  if (connection.origin !== 'flow' || !entry) return connection.target;
  for (let step = 0; step + 1 < entry.steps.length; step++) {
    const sources = entry.steps[step]!;
    if (!sources.includes(connection.source)) continue;
    const targets = entry.steps[step + 1]!;
    return targets.length === 1 && sources.length > 1 ? connection.source : connection.target;
  }
  return connection.target;
}

/** Names a connection within one analysis (findings carry it, the diagram's edges match it). */
export function connectionKey(connection: Connection): string {
  return `${connection.origin}:${connection.source.start}:${connection.target.start}`;
}
