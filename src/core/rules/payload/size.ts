import { defineRule } from '../define-rule';
import { API_GATEWAY, ESM, EVENTBRIDGE, PAYLOAD, STEP_FUNCTIONS } from '../../limits/aws';
import { capacityOf, payloadLimit } from '../../model/capacity';
import { classifyConnection, connectionToken } from '../../model/connections';
import { isScalar } from '../../parse/ast';
import type { Connection, Prop } from '../../model/model';
import type { Report } from '../types';
import { formatBytes, formatNumber } from '../../parse/values';
import type { OffsetRange } from '../../text/line-index';

type MessageId =
  | 'overSqs'
  | 'overSns'
  | 'overKinesis'
  | 'overApiGateway'
  | 'overLambdaAsync'
  | 'overLambdaSync'
  | 'overBatch'
  | 'overEventBridge'
  | 'overStepFunctionsInput'
  | 'overStepFunctionsState';

export default defineRule({
  id: 'payload/size',
  defaultSeverity: 'error',
  summary:
    "Declared message size, on the flow or carried from upstream, over a hop's maximum: SQS 1 MiB (or the queue's maxMessageSize), SNS 256 KiB, Kinesis record 1 MiB, API Gateway 10 MB, Lambda 1 MB asynchronous / 6 MB synchronous, EventBridge event 1 MB, Step Functions input and state 256 KiB",
  facts: [
    PAYLOAD.sqsMax,
    PAYLOAD.snsDefaultMax,
    PAYLOAD.kinesisRecordMax,
    API_GATEWAY.payloadMax,
    PAYLOAD.lambdaAsyncMax,
    PAYLOAD.lambdaSyncMax,
    EVENTBRIDGE.putEventsEntrySizeMax,
    STEP_FUNCTIONS.payloadMax,
  ],
  sources: ['https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html'],
  fixable: false,
  hasSuggestions: false,
  messages: {
    overSqs: 'Message size {given} sent to SQS queue {target} is over its maximum message size of {max}; SQS rejects the message.',
    overSns: 'Message size {given} published to SNS topic {target} is over the {max} maximum; SNS rejects the publish.',
    overKinesis: 'Record size {given} put to Kinesis stream {target} is over the maximum record size of {max}; Kinesis rejects the record.',
    overApiGateway:
      'Request size {given} sent to API Gateway {target} by {source} is over its {max} maximum payload; API Gateway rejects the request.',
    overLambdaAsync:
      'Event size {given} for Lambda function {target}, invoked asynchronously by {source}, is over the {max} maximum payload of an asynchronous invocation; Lambda rejects the event.',
    overLambdaSync:
      'Request size {given} for Lambda function {target}, called synchronously by {source}, is over the {max} maximum payload of a synchronous invocation; Lambda rejects the request.',
    overEventBridge:
      'Event size {given} put on EventBridge bus {target} by {source} is over the PutEvents maximum ({max}); EventBridge rejects the entry.',
    overStepFunctionsInput:
      "Input size {given} starting Step Functions state machine {target} from {source} is over Step Functions' maximum of {max}; the execution is not started.",
    overStepFunctionsState:
      "Task input size {given} from Step Functions state machine {source} to {target} is over Step Functions' maximum of {max}; the execution fails (States.DataLimitExceeded).",
    overBatch:
      'A batch of {batch} records of {given} from {source} comes to {total}, over the {max} payload maximum of a synchronous invocation of Lambda function {target}: Lambda passes smaller batches than batchSize, about {fits} records each.',
  },
  check(context) {
    const { model } = context;
    const capacity = capacityOf(model);
    // A fan-in entry shares one size node among its connections: one finding per node and target, about each of them.
    const pending = new Map<string, { report: Report<MessageId>; connections: Connection[] }>();
    const report = (
      connection: Connection,
      at: OffsetRange,
      target: string,
      messageId: MessageId,
      data: Record<string, string | number>,
      severity?: 'info',
      related: readonly { at: OffsetRange; message: string }[] = [],
    ) => {
      const key = `${at.start}:${at.end}:${target}`;
      const found = pending.get(key);
      if (found) found.connections.push(connection);
      else
        pending.set(key, {
          report: { at, messageId, data: { ...data, target }, related, ...(severity ? { severity } : {}) },
          connections: [connection],
        });
    };

    for (const connection of model.connections) {
      const { from, to, entry } = connection;
      if (connection.origin !== 'flow' || !entry || !from?.type || !to?.type) continue;
      const kind = classifyConnection(from.type, to.type).kind;
      // S3 and DynamoDB notifications carry a description of the change, not the object or item.
      if (kind === 'invalid' || kind === 'notification') continue;
      const size = declaredSize(connection.props.get('size'));
      // A size declared upstream, carried this far (a hop that rejects it stops it).
      const carried = size ? undefined : capacity.size(connection);
      const upstream = carried
        ? {
            text: `${sizeText(carried.declared)} (declared on ${carried.declaredOn.source.id} -> ${carried.declaredOn.target.id})`,
            bytes: carried.bytes,
          }
        : undefined;
      const related = carried?.declared.node
        ? [
            {
              at: carried.declared.node,
              message: `size ${sizeText(carried.declared)} declared on ${carried.declaredOn.source.id} -> ${carried.declaredOn.target.id}`,
            },
          ]
        : [];

      if (to.type === 'lambda' && kind === 'event-source-mapping') {
        // Lambda fills a batch up to the synchronous payload limit: larger batches arrive smaller, not rejected.
        const average = inboundAverage(capacity.resource(from).inbound);
        const each = size
          ? { bytes: size.bytes, text: size.text }
          : average
            ? { bytes: average.bytes, text: `${formatBytes(average.bytes)} (the average into ${from.id})` }
            : upstream;
        if (!each) continue;
        const batchProp = connection.props.get('batchSize');
        const written = batchProp?.value;
        const batch =
          typeof written === 'number' && written > 0
            ? written
            : from.type === 'kinesis'
              ? ESM.kinesisBatchSizeDefault.value
              : ESM.sqsBatchSizeDefault.value;
        const total = batch * each.bytes;
        if (total <= PAYLOAD.lambdaSyncMax.value) continue;
        report(
          connection,
          size?.node ?? batchProp?.node ?? connectionToken(connection),
          to.id,
          'overBatch',
          {
            batch: formatNumber(batch),
            given: each.text,
            source: from.id,
            total: formatBytes(total),
            max: PAYLOAD.lambdaSyncMax.text,
            fits: formatNumber(Math.max(1, Math.floor(PAYLOAD.lambdaSyncMax.value / each.bytes))),
          },
          'info',
          size || average ? [] : related,
        );
        continue;
      }

      const limit = payloadLimit(connection);
      const given = size ?? upstream;
      if (!limit || !given || given.bytes <= limit.bytes) continue;
      // On the size written on this flow; for a size from upstream, on this hop's target, pointing back to it.
      const at = size ? size.node : connectionToken(connection);
      switch (limit.target) {
        case 'sqs': {
          const own = to.props.get('maxMessageSize');
          report(
            connection,
            at,
            to.id,
            'overSqs',
            { given: given.text, max: typeof own?.value === 'number' ? String(own.raw) : `${PAYLOAD.sqsMax.text} (AWS default)` },
            undefined,
            related,
          );
          break;
        }
        case 'sns':
          report(connection, at, to.id, 'overSns', { given: given.text, max: PAYLOAD.snsDefaultMax.text }, undefined, related);
          break;
        case 'kinesis':
          report(connection, at, to.id, 'overKinesis', { given: given.text, max: PAYLOAD.kinesisRecordMax.text }, undefined, related);
          break;
        case 'api-gateway':
          report(
            connection,
            at,
            to.id,
            'overApiGateway',
            { given: given.text, source: from.id, max: API_GATEWAY.payloadMax.text },
            undefined,
            related,
          );
          break;
        case 'lambda-async':
          report(
            connection,
            at,
            to.id,
            'overLambdaAsync',
            { given: given.text, source: from.id, max: PAYLOAD.lambdaAsyncMax.text },
            undefined,
            related,
          );
          break;
        case 'lambda-sync':
          report(
            connection,
            at,
            to.id,
            'overLambdaSync',
            { given: given.text, source: from.id, max: PAYLOAD.lambdaSyncMax.text },
            undefined,
            related,
          );
          break;
        case 'eventbridge':
          report(
            connection,
            at,
            to.id,
            'overEventBridge',
            { given: given.text, source: from.id, max: EVENTBRIDGE.putEventsEntrySizeMax.text },
            undefined,
            related,
          );
          break;
        case 'stepfunctions-input':
          report(
            connection,
            at,
            to.id,
            'overStepFunctionsInput',
            { given: given.text, source: from.id, max: STEP_FUNCTIONS.payloadMax.text },
            undefined,
            related,
          );
          break;
        case 'stepfunctions-state':
          report(
            connection,
            at,
            to.id,
            'overStepFunctionsState',
            { given: given.text, source: from.id, max: STEP_FUNCTIONS.payloadMax.text },
            undefined,
            related,
          );
          break;
      }
    }
    for (const { report: found, connections } of pending.values()) context.report({ ...found, connections });
  },
});

/** A declared size with its node and the way the user wrote it (`2MB`, `300000 bytes`). */
function declaredSize(prop: Prop | undefined): { node: OffsetRange; bytes: number; text: string } | undefined {
  if (!prop || !isScalar(prop.node) || typeof prop.value !== 'number') return undefined;
  return { node: prop.node, bytes: prop.value, text: sizeText(prop) };
}

function sizeText(prop: Prop): string {
  return typeof prop.raw === 'number' ? `${prop.raw} bytes` : String(prop.raw);
}

function inboundAverage(inbound: { rate: number; bytes: number; sized: boolean } | undefined): { bytes: number } | undefined {
  return inbound && inbound.sized && inbound.rate > 0 && inbound.bytes > 0 ? { bytes: inbound.bytes / inbound.rate } : undefined;
}
