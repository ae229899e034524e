import { defineRule } from '../define-rule';
import { SQS } from '../../limits/aws';
import { isScalar, type YScalar } from '../../parse/ast';
import type { Edits, TextEdit } from '../../edit/edits';
import type { Model, Resource } from '../../model/model';

const SUFFIX = '.fifo';
const SNS_NAMES = 'https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html';
const SNS_NAME_MAX = 256;

export default defineRule({
  id: 'sqs/fifo-name',
  defaultSeverity: 'error',
  summary: 'FIFO queue or topic whose name does not end in .fifo, a standard one whose name does, or a queue name over 80 characters',
  facts: [SQS.nameMaxLength],
  sources: [SQS.fifoSuffix, SNS_NAMES],
  fixable: true,
  hasSuggestions: true,
  messages: {
    missingSuffix: "FIFO {kind} name '{name}' does not end in .fifo; AWS requires the suffix on every FIFO {kind}.",
    standardWithSuffix: "Standard {kind} name '{name}' ends in .fifo; AWS accepts that suffix only on a FIFO {kind} (fifo: true).",
    tooLong: "{Kind} name '{name}' has {length} characters, over the maximum of {max}.",
    appendSuffix: "Rename to '{name}'{references} (replaces the {kind} at deploy)",
    makeFifo: 'Make it a FIFO {kind} (fifo: true; replaces the {kind} at deploy)',
    removeSuffix: "Rename to '{name}'{references} (replaces the {kind} at deploy)",
  },
  check(context) {
    const { model } = context;
    for (const resource of [...model.ofType('sqs'), ...model.ofType('sns')]) {
      const kind = resource.type === 'sqs' ? 'queue' : 'topic';
      const name = resource.physicalName;
      const nameNode = ownNameNode(resource);
      const nameAt = nameNode ?? resource.key;
      // Renaming the id renames its references too; a `name:` is written once.
      const references = nameNode ? '' : ' and every reference';
      const max = resource.type === 'sqs' ? SQS.nameMaxLength.value : SNS_NAME_MAX;
      if (resource.fifo && !name.endsWith(SUFFIX)) {
        const fifo = resource.props.get('fifo');
        const renamed = name + SUFFIX;
        // Renaming an id written twice (a duplicate key) would rename both: leave that to the user.
        const duplicated = nameNode === undefined && model.resources.filter((r) => r.id === resource.id).length > 1;
        const canRename = renamed.length <= max && !duplicated && !(nameNode === undefined && model.byId.has(renamed));
        context.report({
          // `fifo: true` makes the suffix necessary; when it comes from `defaults`, the name is the place.
          at: fifo?.node && !fifo.fromDefaults ? fifo.node : nameAt,
          messageId: 'missingSuffix',
          data: { kind, name },
          related: fifo?.node && !fifo.fromDefaults ? [{ at: nameAt, message: `the ${kind}'s name: '${name}'` }] : [],
          // A rename makes AWS create a new queue or topic: never applied blind.
          ...(canRename
            ? {
                fix: {
                  messageId: 'appendSuffix' as const,
                  data: { name: renamed, kind, references },
                  build: (edits: Edits) => rename(edits, model, resource, nameNode, renamed),
                  safeForFixAll: false as const,
                },
              }
            : {}),
        });
      } else if (!resource.fifo && name.endsWith(SUFFIX)) {
        const stripped = name.slice(0, -SUFFIX.length);
        const map = resource.node;
        const canStrip = stripped !== '' && (nameNode !== undefined || (/^[A-Za-z]/.test(stripped) && !model.byId.has(stripped)));
        context.report({
          at: nameAt,
          messageId: 'standardWithSuffix',
          data: { kind, name },
          suggest: [
            ...(map
              ? [
                  {
                    messageId: 'makeFifo' as const,
                    data: { kind },
                    build: (edits: Edits) => edits.setProperty(map, 'fifo', 'true', { after: 'type' }),
                  },
                ]
              : []),
            ...(canStrip
              ? [
                  {
                    messageId: 'removeSuffix' as const,
                    data: { name: stripped, kind, references },
                    build: (edits: Edits) => rename(edits, model, resource, nameNode, stripped),
                  },
                ]
              : []),
          ],
        });
      }
      if (name.length > max) {
        context.report({
          at: nameAt,
          messageId: 'tooLong',
          data: { Kind: kind === 'queue' ? 'Queue' : 'Topic', name, length: name.length, max },
        });
      }
    }
  },
});

/** The `name:` value written on the resource itself, when that is what sets the physical name. */
function ownNameNode(resource: Resource): YScalar | undefined {
  const prop = resource.props.get('name');
  if (!prop || prop.fromDefaults || !isScalar(prop.node) || typeof prop.value !== 'string') return undefined;
  return prop.value === resource.physicalName ? prop.node : undefined;
}

function rename(
  edits: Edits,
  model: Model,
  resource: Resource,
  nameNode: YScalar | undefined,
  newName: string,
): TextEdit | TextEdit[] | undefined {
  if (!nameNode) return edits.renameResource(model, resource.id, newName);
  // Keep the scalar's quoting: replace only its content.
  const written = edits.textOf(nameNode);
  const name = resource.physicalName;
  if (written === name) return edits.replace(nameNode, newName);
  if (written === `"${name}"` || written === `'${name}'`)
    return edits.replace({ start: nameNode.start + 1, end: nameNode.end - 1 }, newName);
  return undefined;
}
