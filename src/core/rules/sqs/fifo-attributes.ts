import { defineRule } from '../define-rule';
import { SNS, SQS } from '../../limits/aws';
import { removeProperty } from '../../edit/remove';
import type { Edits } from '../../edit/edits';
import type { Prop, Resource } from '../../model/model';
import { canChangeFifo, changeFifo, nameAfterChange } from '../fifo-change';

/** What each FIFO-only property is in AWS's terms, by resource type. */
const FIFO_ONLY: Readonly<Record<'sqs' | 'sns', Readonly<Record<string, string>>>> = {
  sqs: {
    contentBasedDeduplication: 'ContentBasedDeduplication',
    highThroughput: 'DeduplicationScope and FifoThroughputLimit',
  },
  sns: {
    contentBasedDeduplication: 'ContentBasedDeduplication',
  },
};

export default defineRule({
  id: 'sqs/fifo-attributes',
  defaultSeverity: 'error',
  summary: 'FIFO-only attributes (contentBasedDeduplication, highThroughput) on a standard SQS queue or SNS topic, which AWS rejects',
  sources: [SQS.fifoOnlyAttributes, SNS.fifoOnlyAttributes],
  fixable: true,
  hasSuggestions: true,
  messages: {
    fifoOnly:
      "{property} is set on standard {kind} '{id}': AWS accepts {attribute} only on a FIFO {kind} (fifo: true) and rejects the {kind}.",
    fifoOnlyFromDefaults:
      "{property} in defaults.{type} applies to standard {kind} '{id}' too: AWS accepts {attribute} only on a FIFO {kind} (fifo: true) and rejects the {kind}.",
    remove: 'Remove {property}',
    makeFifo: "Make '{id}' a FIFO {kind} (fifo: true{renamed}; replaces the {kind} at deploy)",
  },
  check(context) {
    const reportedDefaults = new Set<Prop['node']>();
    for (const type of ['sqs', 'sns'] as const) {
      const kind = type === 'sqs' ? 'queue' : 'topic';
      for (const resource of context.model.ofType(type)) {
        if (resource.fifo) continue;
        // `fifo` written with a value awsflow cannot read (half-typed): whether the resource is FIFO is unknown.
        const fifo = resource.props.get('fifo');
        if (fifo && typeof fifo.value !== 'boolean') continue;
        for (const [property, attribute] of Object.entries(FIFO_ONLY[type])) {
          const prop = resource.props.get(property);
          if (!prop || prop.value !== true) continue;
          const data = { property, attribute, kind, id: resource.id, type };
          if (prop.fromDefaults) {
            // One node shared by every resource of the type: report it once; removing it would change the FIFO ones too.
            if (reportedDefaults.has(prop.node)) continue;
            reportedDefaults.add(prop.node);
            context.report({ at: prop.key, messageId: 'fifoOnlyFromDefaults', data });
            continue;
          }
          const map = resource.node;
          if (!map) continue;
          context.report({
            at: prop.key,
            messageId: 'fifoOnly',
            data,
            fix: { messageId: 'remove', data, build: (edits) => removeProperty(edits, map, property) },
            // With `fifo: false` written, the user chose standard: only offer FIFO when nothing says so.
            // The shared FIFO change renames where `.fifo` must be added, and is offered only where every connection stays valid.
            suggest:
              fifo || !canChangeFifo(context.model, resource, true)
                ? []
                : [
                    {
                      messageId: 'makeFifo',
                      data: { ...data, renamed: renamedText(resource) },
                      build: (edits: Edits) => changeFifo(edits, context.model, resource, true),
                    },
                  ],
          });
        }
      }
    }
  },
});

function renamedText(resource: Resource): string {
  const name = nameAfterChange(resource, true);
  return name === resource.physicalName ? '' : `, renamed '${name}'`;
}
