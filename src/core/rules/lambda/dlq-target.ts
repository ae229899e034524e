import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import { article } from '../../model/connections';
import type { YNode } from '../../parse/ast';

export default defineRule({
  id: 'lambda/dlq-target',
  defaultSeverity: 'error',
  summary: 'Lambda dead-letter target that is not a standard SQS queue or SNS topic',
  sources: [LAMBDA.deadLetterTargets],
  fixable: false,
  hasSuggestions: false,
  messages: {
    wrongType:
      'The dead-letter target {target} is {kind}: Lambda sends failed asynchronous invocations only to an SQS queue or an SNS topic.',
    fifoTarget:
      'The dead-letter target {target} is a FIFO {kind}: Lambda sends failed asynchronous invocations only to a standard SQS queue or SNS topic, and its deliveries to FIFO fail.',
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
        if (resource.fifo)
          context.report({
            at: target.node,
            messageId: 'fifoTarget',
            data: { target: target.raw, kind: resource.type === 'sqs' ? 'SQS queue' : 'SNS topic' },
          });
        continue;
      }
      context.report({ at: target.node, messageId: 'wrongType', data: { target: target.raw, kind: article(resource.type) } });
    }
  },
});
