import { defineRule } from '../define-rule';
import { ESM, PAYLOAD } from '../../limits/aws';
import { capacityOf } from '../../model/capacity';
import { classifyConnection } from '../../model/connections';
import { isScalar } from '../../parse/ast';
import type { Prop } from '../../model/model';
import { formatBytes, formatNumber } from '../../parse/values';
import type { OffsetRange } from '../../text/line-index';

type MessageId = 'overSqs' | 'overSns' | 'overKinesis' | 'overLambdaAsync' | 'overLambdaSync' | 'overBatch';

export default defineRule({
  id: 'payload/size',
  defaultSeverity: 'error',
  summary: 'Declared message size over the target\'s maximum: SQS 1 MiB (or the queue\'s maxMessageSize), SNS 256 KiB, Kinesis record 1 MiB, Lambda 1 MB asynchronous / 6 MB synchronous',
  facts: [PAYLOAD.sqsMax, PAYLOAD.snsDefaultMax, PAYLOAD.kinesisRecordMax, PAYLOAD.lambdaAsyncMax, PAYLOAD.lambdaSyncMax],
  sources: ['https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overSqs: 'Message size {given} sent to SQS queue {target} is over its maximum message size of {max}; SQS rejects the message.',
    overSns: 'Message size {given} published to SNS topic {target} is over the {max} maximum; SNS rejects the publish.',
    overKinesis: 'Record size {given} put to Kinesis stream {target} is over the maximum record size of {max}; Kinesis rejects the record.',
    overLambdaAsync: 'Event size {given} for Lambda function {target}, invoked asynchronously by {source}, is over the {max} maximum payload of an asynchronous invocation; Lambda rejects the event.',
    overLambdaSync: 'Request size {given} for Lambda function {target}, called synchronously by {source}, is over the {max} maximum payload of a synchronous invocation; Lambda rejects the request.',
    overBatch: 'A batch of {batch} records of {given} from {source} comes to {total}, over the {max} payload maximum of a synchronous invocation of Lambda function {target}: Lambda passes smaller batches than batchSize, about {fits} records each.',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    const seen = new Set<string>();
    const report = (at: OffsetRange, target: string, messageId: MessageId, data: Record<string, string | number>, severity?: 'info') => {
      // A fan-in entry shares one size node among its connections: one finding per node and target.
      const key = `${at.start}:${at.end}:${target}`;
      if (seen.has(key)) return;
      seen.add(key);
      context.report({ at, messageId, data: { ...data, target }, ...(severity ? { severity } : {}) });
    };

    for (const connection of model.connections) {
      const { from, to, entry } = connection;
      if (connection.origin !== 'flow' || !entry || !from?.type || !to?.type) continue;
      const kind = classifyConnection(from.type, to.type).kind;
      // S3 and DynamoDB notifications carry a description of the change, not the object or item.
      if (kind === 'invalid' || kind === 'notification') continue;
      const sizeProp = connection.props.get('size');
      const size = declaredSize(sizeProp);

      if (to.type === 'lambda' && kind === 'event-source-mapping') {
        // Lambda fills a batch up to the synchronous payload limit: larger batches arrive smaller, not rejected.
        const average = size ?? inboundAverage(capacity.resource(from).inbound);
        if (!average) continue;
        const batchProp = connection.props.get('batchSize');
        const written = batchProp?.value;
        const batch = typeof written === 'number' && written > 0 ? written : from.type === 'kinesis' ? ESM.kinesisBatchSizeDefault.value : ESM.sqsBatchSizeDefault.value;
        const total = batch * average.bytes;
        if (total <= PAYLOAD.lambdaSyncMax.value) continue;
        report(size?.node ?? batchProp?.node ?? entry.node, to.id, 'overBatch', {
          batch: formatNumber(batch),
          given: size ? size.text : `${formatBytes(average.bytes)} (the average into ${from.id})`,
          source: from.id,
          total: formatBytes(total),
          max: PAYLOAD.lambdaSyncMax.text,
          fits: formatNumber(Math.max(1, Math.floor(PAYLOAD.lambdaSyncMax.value / average.bytes))),
        }, 'info');
        continue;
      }

      if (!size) continue;
      switch (to.type) {
        case 'sqs': {
          const own = to.props.get('maxMessageSize');
          const max = typeof own?.value === 'number' ? own.value : PAYLOAD.sqsMax.value;
          if (size.bytes > max) report(size.node, to.id, 'overSqs', { given: size.text, max: typeof own?.value === 'number' ? String(own.raw) : `${PAYLOAD.sqsMax.text} (AWS default)` });
          break;
        }
        case 'sns':
          if (size.bytes > PAYLOAD.snsDefaultMax.value) report(size.node, to.id, 'overSns', { given: size.text, max: PAYLOAD.snsDefaultMax.text });
          break;
        case 'kinesis':
          if (size.bytes > PAYLOAD.kinesisRecordMax.value) report(size.node, to.id, 'overKinesis', { given: size.text, max: PAYLOAD.kinesisRecordMax.text });
          break;
        case 'lambda': {
          // Schedules, SNS and other functions invoke asynchronously; callers that wait for a response (and compute's default Invoke) synchronously.
          const asynchronous = kind === 'subscription' || kind === 'rule-target' || kind === 'asynchronous-invoke';
          const max = asynchronous ? PAYLOAD.lambdaAsyncMax : PAYLOAD.lambdaSyncMax;
          if (size.bytes > max.value) report(size.node, to.id, asynchronous ? 'overLambdaAsync' : 'overLambdaSync', { given: size.text, source: from.id, max: max.text });
          break;
        }
        default:
          break;
      }
    }
  },
});

/** A declared size with its node and the way the user wrote it (`2MB`, `300000 bytes`). */
function declaredSize(prop: Prop | undefined): { node: OffsetRange; bytes: number; text: string } | undefined {
  if (!prop || !isScalar(prop.node) || typeof prop.value !== 'number') return undefined;
  const text = typeof prop.raw === 'number' ? `${prop.raw} bytes` : String(prop.raw);
  return { node: prop.node, bytes: prop.value, text };
}

function inboundAverage(inbound: { rate: number; bytes: number; sized: boolean } | undefined): { bytes: number } | undefined {
  return inbound && inbound.sized && inbound.rate > 0 && inbound.bytes > 0 ? { bytes: inbound.bytes / inbound.rate } : undefined;
}
