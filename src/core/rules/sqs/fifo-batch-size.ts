import { defineRule } from '../define-rule';
import { ESM } from '../../limits/aws';

export default defineRule({
  id: 'sqs/fifo-batch-size',
  defaultSeverity: 'error',
  summary: 'Lambda batch size over 10 from a FIFO queue',
  facts: [ESM.sqsFifoBatchSizeMax],
  fixable: true,
  hasSuggestions: false,
  messages: {
    overMax:
      'Batch size {given} from FIFO queue {queue} is over {max}, the maximum for a Lambda event source mapping on a FIFO queue; AWS rejects the mapping.',
    setMax: 'Set batchSize to {max}',
  },
  check(context) {
    const max = ESM.sqsFifoBatchSizeMax.value;
    const seen = new Set<number>();
    for (const connection of context.model.connections) {
      if (connection.origin !== 'flow' || connection.from?.type !== 'sqs' || !connection.from.fifo || connection.to?.type !== 'lambda')
        continue;
      // A Pipe is no event source mapping: its batch size is pipes/batch-size's.
      if (connection.props.get('via')?.value === 'pipe') continue;
      const batchSize = connection.props.get('batchSize');
      if (!batchSize?.node || typeof batchSize.value !== 'number' || batchSize.value <= max) continue;
      // Fan-in from several FIFO queues shares one batchSize node: one finding.
      if (seen.has(batchSize.node.start)) continue;
      seen.add(batchSize.node.start);
      const node = batchSize.node;
      context.report({
        at: node,
        // Every FIFO queue into a function this entry connects shares the value.
        connections: connection.entry?.connections.filter((c) => c.from?.type === 'sqs' && c.from.fifo && c.to?.type === 'lambda') ?? [
          connection,
        ],
        messageId: 'overMax',
        data: { given: String(batchSize.raw), queue: connection.from.id, max },
        fix: { messageId: 'setMax', data: { max }, build: (edits) => edits.replace(node, String(max)) },
      });
    }
  },
});
