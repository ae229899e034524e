import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import type { ResourceType } from '../../model/properties';
import type { YNode } from '../../parse/ast';

const TYPE_NAMES: Partial<Record<ResourceType, string>> = {
  kinesis: 'a Kinesis stream', firehose: 'a Firehose stream', lambda: 'a Lambda function', ecs: 'an ECS service',
  eks: 'an EKS workload', apprunner: 'an App Runner service', beanstalk: 'a Beanstalk environment', ec2: 'an EC2 instance',
  schedule: 'a schedule', 'api-gateway': 'an API Gateway', alb: 'a load balancer', cloudfront: 'a CloudFront distribution',
  dynamodb: 'a DynamoDB table', s3: 'an S3 bucket', rds: 'an RDS database', efs: 'an EFS file system', client: 'a client',
};

export default defineRule({
  id: 'lambda/dlq-target',
  defaultSeverity: 'error',
  summary: 'Lambda dead-letter target that is not a standard SQS queue or SNS topic',
  sources: [LAMBDA.deadLetterTargets],
  fixable: false,
  hasSuggestions: false,
  messages: {
    wrongType: 'The dead-letter target {target} is {kind}: Lambda sends failed asynchronous invocations only to an SQS queue or an SNS topic.',
    fifoTarget: 'The dead-letter target {target} is a FIFO {kind}: Lambda sends failed asynchronous invocations only to a standard SQS queue or SNS topic, and its deliveries to FIFO fail.',
  },
  check(context) {
    const { model } = context;
    // A target inherited from `defaults` is one node shared by several functions: report it once.
    const seen = new Set<YNode>();
    for (const fn of model.ofType('lambda')) {
      const target = fn.props.get('deadLetter')?.children.get('target');
      if (!target?.node || typeof target.raw !== 'string' || seen.has(target.node)) continue;
      seen.add(target.node);
      // An id that names nothing is flows/unknown-resource's finding; one with no type, the schema's.
      const resource = model.byId.get(target.raw);
      if (!resource?.type) continue;
      if (resource.type === 'sqs' || resource.type === 'sns') {
        if (resource.fifo) context.report({ at: target.node, messageId: 'fifoTarget', data: { target: target.raw, kind: resource.type === 'sqs' ? 'SQS queue' : 'SNS topic' } });
        continue;
      }
      context.report({ at: target.node, messageId: 'wrongType', data: { target: target.raw, kind: TYPE_NAMES[resource.type] ?? `a ${resource.type}` } });
    }
  },
});
