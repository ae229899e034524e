import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import type { ResourceType } from '../../model/properties';

/** Sources whose connection to a Lambda function is an asynchronous invocation (Event). */
const ASYNC_SOURCES: Partial<Record<ResourceType, string>> = {
  sns: 'SNS topic',
  s3: 'S3 event notification',
  schedule: 'schedule',
};

export default defineRule({
  id: 'lambda/async-failure',
  defaultSeverity: 'warning',
  summary:
    'An asynchronously invoked Lambda function (from SNS, S3 or a schedule) without a dead-letter target: events that fail every retry are discarded',
  facts: [LAMBDA.asyncRetriesDefault, LAMBDA.asyncEventAgeDefault],
  sources: [LAMBDA.deadLetterTargets],
  fixable: false,
  hasSuggestions: false,
  messages: {
    noDeadLetter:
      "Lambda function '{id}' is invoked asynchronously (by {invokers}) but has no deadLetter: an event whose invocation fails, then fails Lambda's {retries}, or waits more than {age}, is discarded without a trace. Add deadLetter: { target: <queue> } with a standard SQS queue or SNS topic.",
  },
  check(context) {
    const { model } = context;
    for (const fn of model.ofType('lambda')) {
      // A target inherited from `defaults` counts; one written but not yet an id (half-typed) shows the intent.
      if (fn.props.get('deadLetter')?.children.has('target')) continue;
      const invokers: string[] = [];
      for (const connection of model.inbound(fn)) {
        const source = connection.from;
        if (connection.origin !== 'flow' || !source?.type || source === fn) continue;
        const kind = ASYNC_SOURCES[source.type];
        const text = kind && `${kind} '${source.id}'`;
        if (text && !invokers.includes(text)) invokers.push(text);
      }
      if (invokers.length === 0) continue;
      context.report({
        at: fn.key,
        messageId: 'noDeadLetter',
        data: { id: fn.id, invokers: invokers.join(', '), retries: LAMBDA.asyncRetriesDefault.text, age: LAMBDA.asyncEventAgeDefault.text },
      });
    }
  },
});
