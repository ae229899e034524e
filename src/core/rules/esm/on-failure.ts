import { defineRule } from '../define-rule';
import { DYNAMODB_STREAMS, ESM, KINESIS } from '../../limits/aws';
import type { Resource } from '../../model/model';
import { formatSeconds } from '../../parse/values';

export default defineRule({
  id: 'esm/on-failure',
  defaultSeverity: 'warning',
  summary:
    'A Kinesis or DynamoDB stream read by a Lambda event source mapping or an EventBridge Pipe without an onFailure destination: one bad record blocks its shard until it expires',
  facts: [KINESIS.retentionDefault, ESM.dynamodbStreamRetention],
  sources: [ESM.streamErrorHandling, DYNAMODB_STREAMS.pipesErrorHandling],
  fixable: false,
  hasSuggestions: false,
  messages: {
    noOnFailure:
      "The event source mapping {source} -> {target} has no onFailure destination: Lambda retries a batch that fails until its records expire from the {kind} ({retention} retention), and that shard's later records wait behind it; the failed records are then lost. Set onFailure to an SQS queue or SNS topic (with a retry or age limit on the mapping).",
    pipeNoOnFailure:
      "The Pipe {source} -> {target} has no onFailure (dead-letter queue): EventBridge Pipes retries a batch that fails until its records expire from the {kind} ({retention} retention), and that shard's later records wait behind it; the failed records are then lost. Set onFailure to an SQS queue (with a retry or age limit on the pipe).",
  },
  check(context) {
    for (const connection of context.model.connections) {
      const { from: source, to: target, entry } = connection;
      if (connection.origin !== 'flow' || !entry || !target?.type) continue;
      if (source?.type !== 'kinesis' && source?.type !== 'dynamodb') continue;
      const pipe = connection.props.get('via')?.value === 'pipe';
      if (!pipe && target.type !== 'lambda') continue;
      // Written but not yet a usable id (half-typed) still shows the intent: no finding.
      if (entry.props.has('onFailure')) continue;
      context.report({
        at: connection.target,
        messageId: pipe ? 'pipeNoOnFailure' : 'noOnFailure',
        data: {
          source: source.id,
          target: target.id,
          kind: source.type === 'kinesis' ? 'stream' : 'DynamoDB stream',
          retention: retentionText(source),
        },
      });
    }
  },
});

function retentionText(source: Resource): string {
  if (source.type === 'dynamodb') return ESM.dynamodbStreamRetention.text;
  const written = source.props.get('retention')?.value;
  return typeof written === 'number' ? formatSeconds(written) : KINESIS.retentionDefault.text;
}
