/**
 * Which AWS icon draws each resource type in the preview. The icons come from the
 * `logos` Iconify set; the preview bundles only the ones named in `AWS_ICON_NAMES`
 * (scripts/build-icons.mjs writes them, a test keeps the two lists in step).
 */
import type { Resource } from '../model/model';
import type { ResourceType } from '../model/properties';

/** The Iconify prefix the preview registers the icons under. */
export const ICON_PACK = 'logos';

/** Every icon a diagram can name; the build step copies exactly these. */
export const AWS_ICON_NAMES = [
  'aws-sqs', 'aws-sns', 'aws-lambda', 'aws-kinesis', 'aws-ecs', 'aws-eks', 'aws-fargate', 'aws-api-gateway',
  'aws-eventbridge', 'aws-dynamodb', 'aws-s3', 'aws-rds', 'aws-elb', 'aws-cloudfront', 'aws-elastic-beanstalk', 'aws-ec2',
  'aws-step-functions',
] as const;

type IconName = (typeof AWS_ICON_NAMES)[number];

/**
 * Types the `logos` set has no icon for take the nearest service's icon when it is the
 * same product family (Firehose is Kinesis Data Firehose; schedules are EventBridge
 * Scheduler). Clients, EFS and App Runner keep their plain shape: no icon in the set
 * would say what they are.
 */
const ICONS: Partial<Record<ResourceType, IconName>> = {
  sqs: 'aws-sqs', sns: 'aws-sns', kinesis: 'aws-kinesis', firehose: 'aws-kinesis',
  lambda: 'aws-lambda', ecs: 'aws-ecs', eks: 'aws-eks', beanstalk: 'aws-elastic-beanstalk', ec2: 'aws-ec2',
  schedule: 'aws-eventbridge', 'api-gateway': 'aws-api-gateway', alb: 'aws-elb', cloudfront: 'aws-cloudfront',
  dynamodb: 'aws-dynamodb', s3: 'aws-s3', rds: 'aws-rds',
  eventbridge: 'aws-eventbridge', stepfunctions: 'aws-step-functions',
};

/** The `pack:name` icon for a resource, or undefined when it keeps a plain shape. */
export function iconOf(resource: Resource): string | undefined {
  if (!resource.type) return undefined;
  // An ECS service on Fargate is drawn as Fargate: that is what runs the tasks.
  if (resource.type === 'ecs' && resource.props.get('launchType')?.value === 'fargate') return `${ICON_PACK}:aws-fargate`;
  const icon = ICONS[resource.type];
  return icon ? `${ICON_PACK}:${icon}` : undefined;
}
