import { defineRule } from '../define-rule';
import { closest } from '../../util/similar';
import type { Edits } from '../../edit/edits';

const KIND_TEXT = {
  flow: 'flow',
  deadLetter: '`deadLetter.target`',
  subscriptionDeadLetter: "subscription's `deadLetter`",
  onFailure: '`onFailure`',
  volume: '`volumes`',
  enrich: "Pipe's `enrich`",
} as const;

export default defineRule({
  id: 'flows/unknown-resource',
  defaultSeverity: 'error',
  summary:
    "A flow, `deadLetter.target`, `onFailure`, a subscription's `deadLetter` or a Pipe's `enrich` names a resource that is not defined",
  fixable: false,
  hasSuggestions: true,
  messages: {
    unknown: "The {where} names '{id}', which is not a resource in this file.{hint}",
    renameTo: "Change to '{id}'",
    create: "Create resource '{id}'",
  },
  check(context) {
    const { model } = context;
    let ids: string[] | undefined; // only needed for a reference that resolves to nothing
    for (const reference of model.references) {
      if (model.byId.has(reference.id)) continue;
      ids ??= model.resources.map((resource) => resource.id);
      const candidates = closest(reference.id, ids);
      const targetType =
        reference.kind === 'deadLetter' || reference.kind === 'subscriptionDeadLetter' || reference.kind === 'onFailure'
          ? 'sqs'
          : reference.kind === 'enrich'
            ? 'lambda'
            : undefined;
      context.report({
        at: reference,
        messageId: 'unknown',
        data: { where: KIND_TEXT[reference.kind], id: reference.id, hint: candidates.length ? ` Did you mean '${candidates[0]}'?` : '' },
        suggest: [
          ...candidates.map((candidate) => ({
            messageId: 'renameTo' as const,
            data: { id: candidate },
            build: (e: Edits) => e.replace(reference, candidate),
          })),
          {
            messageId: 'create' as const,
            data: { id: reference.id },
            build: (e) => e.appendResource(model, reference.id, [['type', targetType ?? guessType(reference.id)]]),
          },
        ],
      });
    }
  },
});

/** A sensible type for a resource created from its name alone. */
function guessType(id: string): string {
  const name = id.toLowerCase();
  if (/queue|dlq|jobs|fifo|buffer/.test(name)) return 'sqs';
  if (/topic|events|notif/.test(name)) return 'sns';
  if (/stream/.test(name)) return 'kinesis';
  if (/table|db$|dynamo/.test(name)) return 'dynamodb';
  if (/bucket|lake|archive/.test(name)) return 's3';
  return 'lambda';
}
