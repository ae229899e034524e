import { defineRule } from '../define-rule';
import { ESM } from '../../limits/aws';
import { removeLines, removeProperty } from '../../edit/remove';
import type { Edits, TextEdit } from '../../edit/edits';
import type { Connection, FlowEntry, Prop } from '../../model/model';
import { formatSeconds } from '../../parse/values';

const MIN_WINDOW = '1s';

export default defineRule({
  id: 'esm/batch-window',
  defaultSeverity: 'error',
  summary:
    'Event source mapping batch settings Lambda rejects: batch over 10 from a standard queue without a 1 s window, a window on a FIFO queue, batch size or window over the maximum, a window that is not whole seconds',
  facts: [ESM.batchSizeWithoutWindowMax, ESM.sqsStandardBatchSizeMax, ESM.kinesisBatchSizeMax, ESM.batchWindowMax, ESM.batchWindowStep],
  sources: [
    'https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html',
  ],
  fixable: true,
  hasSuggestions: false,
  messages: {
    needsWindow:
      "Batch size {given} from standard queue '{source}' is over {limit} without a batchWindow: Lambda requires a batching window of at least 1 s for batches over 10 and rejects the mapping.",
    windowTooShort:
      "batchWindow {given} ({seconds}) is under 1 s while the batch size from standard queue '{source}' is {size}: Lambda requires a window of at least 1 s for batches over 10 and rejects the mapping.",
    fifoWindow:
      "batchWindow {given} is set on an event source mapping from FIFO queue '{source}': Lambda does not support a batching window on FIFO queues and rejects the mapping.",
    sizeOverMax: "Batch size {given} from {sourceKind} '{source}' is over the {max} maximum; Lambda rejects the mapping.",
    windowOverMax: 'batchWindow {given} ({seconds}) is over the {max} maximum; Lambda rejects the mapping.',
    windowNotWhole:
      'batchWindow {given} ({seconds}) is not a whole number of seconds; Lambda takes the batching window in whole seconds and rejects the mapping.',
    addWindow: 'Set batchWindow to {value}',
    removeWindow: 'Remove batchWindow',
    setSize: 'Set batchSize to {value}',
    setWindowMax: 'Set batchWindow to {value}',
  },
  check(context) {
    const reported = new Set<string>();
    // A fan-in or fan-out entry shares one props map among its connections: one finding per node.
    const once = (node: { start: number }, messageId: string) => {
      const key = `${node.start}:${messageId}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const connection of context.model.connections) {
      const { from: source, entry } = connection;
      if (connection.origin !== 'flow' || !entry || connection.to?.type !== 'lambda') continue;
      // A Pipe is no event source mapping: its batch settings are pipes/batch-size's.
      if (connection.props.get('via')?.value === 'pipe') continue;
      if (source?.type !== 'sqs' && source?.type !== 'kinesis') continue;
      const size = numberProp(connection.props.get('batchSize'));
      const window = numberProp(connection.props.get('batchWindow'));
      const windowProp = connection.props.get('batchWindow');
      // The entry's connections the same finding is about (its properties are theirs too).
      const alike = (test: (c: Connection) => boolean) => entry.connections.filter((c) => c.to?.type === 'lambda' && test(c));
      const standardQueues = alike((c) => c.from?.type === 'sqs' && !c.from.fifo);

      if (source.type === 'sqs' && source.fifo) {
        // Batch size from a FIFO queue is sqs/fifo-batch-size's finding.
        if (window && window.value > 0 && once(window.node, 'fifoWindow')) {
          context.report({
            at: window.node,
            connections: alike((c) => c.from?.type === 'sqs' && c.from.fifo),
            messageId: 'fifoWindow',
            data: { given: String(window.prop.raw), source: source.id },
            fix: { messageId: 'removeWindow', build: (edits) => removeWindow(edits, entry) },
          });
        }
        continue;
      }

      const max = source.type === 'sqs' ? ESM.sqsStandardBatchSizeMax : ESM.kinesisBatchSizeMax;
      if (size && size.value > max.value && once(size.node, 'sizeOverMax')) {
        const value = String(max.value);
        context.report({
          at: size.node,
          connections: source.type === 'sqs' ? standardQueues : alike((c) => c.from?.type === 'kinesis'),
          messageId: 'sizeOverMax',
          data: {
            given: String(size.prop.raw),
            source: source.id,
            sourceKind: source.type === 'sqs' ? 'standard queue' : 'Kinesis stream',
            max: max.text,
          },
          fix: { messageId: 'setSize', data: { value }, build: (edits) => edits.replace(size.node, value) },
        });
      }

      // Kinesis's default batch of 100 with no window deploys; the window rule is SQS's.
      if (source.type === 'sqs' && size && size.value > ESM.batchSizeWithoutWindowMax.value) {
        const props = entry.propsNode;
        if (!windowProp && props && once(size.node, 'needsWindow')) {
          context.report({
            at: size.node,
            connections: standardQueues,
            messageId: 'needsWindow',
            data: { given: String(size.prop.raw), source: source.id, limit: ESM.batchSizeWithoutWindowMax.text },
            fix: {
              messageId: 'addWindow',
              data: { value: MIN_WINDOW },
              build: (edits) => edits.insertProperty(props, 'batchWindow', MIN_WINDOW),
            },
          });
        } else if (window && window.value < 1 && once(window.node, 'windowTooShort')) {
          context.report({
            at: window.node,
            connections: standardQueues,
            messageId: 'windowTooShort',
            data: {
              given: String(window.prop.raw),
              seconds: window.value === 0 ? '0 s' : formatSeconds(window.value),
              source: source.id,
              size: size.value,
            },
            fix: { messageId: 'addWindow', data: { value: MIN_WINDOW }, build: (edits) => edits.replace(window.node, MIN_WINDOW) },
          });
        }
      }

      if (window && window.value > ESM.batchWindowMax.value && once(window.node, 'windowOverMax')) {
        const value = `${ESM.batchWindowMax.value}s`;
        context.report({
          at: window.node,
          connections: alike((c) => (c.from?.type === 'sqs' && !c.from.fifo) || c.from?.type === 'kinesis'),
          messageId: 'windowOverMax',
          data: { given: String(window.prop.raw), seconds: formatSeconds(window.value), max: ESM.batchWindowMax.text },
          fix: { messageId: 'setWindowMax', data: { value }, build: (edits) => edits.replace(window.node, value) },
        });
      }

      // `1.5s` deploys nowhere; a window already reported (too short, over the maximum) is not reported twice.
      const step = ESM.batchWindowStep.value;
      if (
        window &&
        window.value <= ESM.batchWindowMax.value &&
        Math.abs(window.value / step - Math.round(window.value / step)) > 1e-6 &&
        ![...reported].some((key) => key.startsWith(`${window.node.start}:`)) &&
        once(window.node, 'windowNotWhole')
      ) {
        const value = `${Math.round(window.value / step) * step}s`;
        context.report({
          at: window.node,
          messageId: 'windowNotWhole',
          data: { given: String(window.prop.raw), seconds: formatSeconds(window.value) },
          fix: { messageId: 'setWindowMax', data: { value }, build: (edits) => edits.replace(window.node, value) },
        });
      }
    }
  },
});

/** A connection property with a node and a number; undefined for absent or half-typed values. */
function numberProp(prop: Prop | undefined): { prop: Prop; node: NonNullable<Prop['node']>; value: number } | undefined {
  if (!prop?.node || typeof prop.value !== 'number') return undefined;
  return { prop, node: prop.node, value: prop.value };
}

/**
 * Drop `batchWindow` from the entry. When it is the only property, the entry goes back
 * to a plain `a -> b` string (an empty or null map would be a different finding).
 */
function removeWindow(edits: Edits, entry: FlowEntry): TextEdit | TextEdit[] | undefined {
  const props = entry.propsNode;
  if (!props) return undefined;
  if (props.items.length > 1) return removeProperty(edits, props, 'batchWindow');
  const { text } = edits;
  if (props.flow) return edits.replace({ start: entry.flowNode.end, end: props.end }, '');
  // Block style: the `:` after the flow string, and the property's line.
  const colon = text.indexOf(':', entry.flowNode.end);
  if (colon === -1 || colon >= props.start || text.slice(entry.flowNode.end, colon).trim() !== '') return undefined;
  return [edits.replace({ start: colon, end: colon + 1 }, ''), removeLines(edits, props.items[0]!)];
}
