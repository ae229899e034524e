/**
 * Which AWS icon draws each resource type in the preview. The icons come from the
 * `logos` Iconify set, and two it lacks from AWS's architecture icons (registered in the
 * same pack); the preview bundles only the ones named in `AWS_ICON_NAMES`
 * (scripts/build-icons.mjs writes them, a test keeps the two lists in step).
 */
import { scheduleKind, type Resource } from '../model/model';
import type { ResourceType } from '../model/properties';
import { RESOURCE_TYPE_TABLE } from '../model/resource-types';

/** The Iconify prefix the preview registers the icons under. */
export const ICON_PACK = 'logos';

/** Every icon a diagram can name; the build step copies exactly these. */
export const AWS_ICON_NAMES = [
  'aws-sqs',
  'aws-sns',
  'aws-lambda',
  'aws-kinesis',
  'aws-ecs',
  'aws-eks',
  'aws-fargate',
  'aws-api-gateway',
  'aws-eventbridge',
  'aws-dynamodb',
  'aws-s3',
  'aws-rds',
  'aws-elb',
  'aws-cloudfront',
  'aws-elastic-beanstalk',
  'aws-ec2',
  'aws-step-functions',
  // Not in logos: from AWS's architecture icons (the aws-icons package), see scripts/build-icons.mjs.
  'aws-eventbridge-scheduler',
  'aws-dynamodb-stream',
] as const;

type IconName = (typeof AWS_ICON_NAMES)[number];

/**
 * A type's icon, from its row in the resource-type table (which says why some types have
 * none). Typed so that a row naming an icon missing from `AWS_ICON_NAMES` does not compile.
 */
function typeIcon(type: ResourceType): IconName | undefined {
  const row: { readonly title: string; readonly icon?: IconName } = RESOURCE_TYPE_TABLE[type];
  return row.icon;
}

/** The `pack:name` icon for a resource, or undefined when it keeps a plain shape. */
export function iconOf(resource: Resource): string | undefined {
  if (!resource.type) return undefined;
  // An ECS service on Fargate is drawn as Fargate: that is what runs the tasks.
  if (resource.type === 'ecs' && resource.props.get('launchType')?.value === 'fargate') return `${ICON_PACK}:aws-fargate`;
  // An EventBridge Scheduler schedule is drawn as Scheduler; a scheduled rule keeps EventBridge's icon.
  if (resource.type === 'schedule' && scheduleKind(resource) === 'scheduler') return `${ICON_PACK}:aws-eventbridge-scheduler`;
  // A table whose stream is on is, in a messaging diagram, the stream its consumers read.
  if (resource.type === 'dynamodb' && resource.props.get('stream')?.value === true) return `${ICON_PACK}:aws-dynamodb-stream`;
  const icon = typeIcon(resource.type);
  return icon ? `${ICON_PACK}:${icon}` : undefined;
}
