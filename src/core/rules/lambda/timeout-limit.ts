import { defineRule } from '../define-rule';
import { FARGATE, LAMBDA } from '../../limits/aws';
import { formatSeconds } from '../../parse/values';
import { removeProperty } from '../../edit/remove';
import { compactDuration, writeMegabytes } from '../../edit/write-values';
import type { Edits, TextEdit } from '../../edit/edits';
import type { Resource } from '../../model/model';
import { TYPE_PROPERTIES } from '../../model/properties';
import { isScalar, keyText, type YMap, type YPair } from '../../parse/ast';
import { clampText } from '../range-check';

export default defineRule({
  id: 'lambda/timeout-limit',
  defaultSeverity: 'error',
  summary: 'Lambda timeout over 15 minutes (90 minutes on Lambda Managed Instances, for asynchronous and event-source invocations)',
  facts: [LAMBDA.timeoutMax, LAMBDA.timeoutMaxManagedInstances],
  fixable: true,
  hasSuggestions: true,
  messages: {
    overLimit: 'Lambda timeout {given} ({seconds}) is over the {max} maximum; AWS rejects the function.',
    overManaged: 'Lambda timeout {given} ({seconds}) is over the {max} maximum of Lambda Managed Instances; AWS rejects the function.',
    overManagedSync:
      'Lambda timeout {given} ({seconds}) is over 15 minutes: Lambda Managed Instances allow up to 90 minutes only for asynchronous and event-source invocations, and {caller} calls this function synchronously.',
    setMax: 'Set the timeout to {value}',
    useFargate:
      'Run this work on ECS Fargate instead (no time limit): {cpu} CPU units and {memory} of memory, without the Lambda-only settings (replaces the function at deploy)',
  },
  check(context) {
    const { model } = context;
    // A timeout inherited from `defaults` is one node shared by several functions: report it once.
    const reported = new Set<number>();
    for (const fn of model.ofType('lambda')) {
      const timeout = fn.props.get('timeout');
      if (!timeout?.node || typeof timeout.value !== 'number' || reported.has(timeout.node.start)) continue;
      const seconds = timeout.value;
      const managed = fn.props.get('capacity')?.value === 'managed-instances';
      const syncCaller = model
        .inbound(fn)
        .find(
          (c) =>
            c.origin === 'flow' &&
            (c.from?.type === 'api-gateway' || c.from?.type === 'alb' || c.from?.type === 'client' || c.from?.type === 'cloudfront'),
        );
      const max = managed && !syncCaller ? LAMBDA.timeoutMaxManagedInstances : LAMBDA.timeoutMax;
      if (seconds <= max.value) continue;
      const node = timeout.node;
      reported.add(node.start);
      const messageId = !managed ? 'overLimit' : syncCaller ? 'overManagedSync' : 'overManaged';
      // In the user's notation: `901` becomes `900`, `16m` becomes `15m`, `2h` becomes `1h30m`.
      const maxText = isScalar(node) ? clampText('duration', node, max.value) : compactDuration(max.value);
      const size = fargateSize(
        typeof fn.props.get('memory')?.value === 'number' ? (fn.props.get('memory')!.value as number) : LAMBDA.memoryDefault.value,
      );
      context.report({
        at: node,
        messageId,
        data: { given: String(timeout.raw), seconds: formatSeconds(seconds), max: max.text, caller: syncCaller?.from?.id ?? '' },
        fix: { messageId: 'setMax', data: { value: maxText }, build: (edits) => edits.replace(node, maxText) },
        suggest: [
          { messageId: 'useFargate', data: { cpu: size.cpu, memory: `${size.memory} MiB` }, build: (edits) => toFargate(edits, fn, size) },
        ],
      });
    }
  },
});

/** The smallest Fargate size whose memory holds the function's memory (CPU units, MiB). */
function fargateSize(megabytes: number): { cpu: number; memory: number } {
  for (const [cpu, memories] of FARGATE.sizes) {
    const memory = memories.find((m) => m >= megabytes);
    if (memory !== undefined) return { cpu, memory };
  }
  const [cpu, memories] = [...FARGATE.sizes].pop()!;
  return { cpu, memory: memories[memories.length - 1]! };
}

/**
 * The function as an ECS service on Fargate: `type: ecs`, then `launchType`, `cpu` and
 * (unless written) `memory` right after it; a written `memory` takes the Fargate size in
 * place; settings only Lambda has (`timeout`, `env`, `deadLetter`, concurrency…) go, so
 * the schema accepts the service. A block map is edited line by line, so comments on the
 * other lines stay; a flow map, which has no room for comments, is written anew unless it
 * holds one.
 */
function toFargate(edits: Edits, fn: Resource, size: { cpu: number; memory: number }): TextEdit[] | undefined {
  const map = fn.node;
  const typePair = map?.items.find((item) => keyText(item.key) === 'type');
  if (!map || !typePair?.value) return undefined;
  const lambdaOnly = (key: string) => key in TYPE_PROPERTIES.lambda && !(key in TYPE_PROPERTIES.ecs);
  const memory = map.items.find((item) => keyText(item.key) === 'memory');
  const memoryText = writeMegabytes(size.memory, memory?.value && 'value' in memory.value ? memory.value.value : undefined);
  const added: [string, string][] = [
    ['launchType', 'fargate'],
    ['cpu', String(size.cpu)],
    ...(memory ? [] : [['memory', memoryText] as [string, string]]),
  ];
  if (map.flow) {
    if (edits.textOf(map).includes('#')) return undefined;
    const pairs: string[] = [];
    for (const item of map.items) {
      const key = keyText(item.key);
      if (key === 'type') pairs.push(`${edits.textOf(item.key)}: ecs`, ...added.map(([k, v]) => `${k}: ${v}`));
      else if (key === 'memory') pairs.push(`${edits.textOf(item.key)}: ${memoryText}`);
      else if (!lambdaOnly(key)) pairs.push(edits.textOf(item));
    }
    return [edits.replace(map, `{ ${pairs.join(', ')} }`)];
  }
  const result: TextEdit[] = [edits.replace(typePair.value, 'ecs')];
  const inserts = added.map(([key, value]) => edits.insertProperty(map, key, value, { after: 'type' }));
  // One insertion, so the new properties keep this order whatever order edits are applied in.
  result.push({ start: inserts[0]!.start, end: inserts[0]!.end, newText: inserts.map((edit) => edit.newText).join('') });
  if (memory?.value) result.push(edits.replace(memory.value, memoryText));
  for (const item of map.items) {
    if (!lambdaOnly(keyText(item.key))) continue;
    const removed = removeKeepingComments(edits, map, item);
    if (removed) result.push(removed);
  }
  return result;
}

/**
 * Remove a block map's pair; the comments on its lines stay, each on a line of its own
 * where the pair was (`timeout: 20m   # why` leaves `# why`).
 */
function removeKeepingComments(edits: Edits, map: YMap, pair: YPair): TextEdit | undefined {
  const { text } = edits;
  const lineEnd = text.indexOf('\n', pair.end);
  const end = lineEnd === -1 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const comments = [...text.slice(pair.start, end).matchAll(/(?:^|[ \t])(#[^\n]*)/gm)].map((m) => m[1]!.trimEnd());
  if (comments.length === 0) return removeProperty(edits, map, keyText(pair.key));
  return edits.replace({ start: pair.start, end }, comments.join(edits.newline + ' '.repeat(edits.columnOf(pair.start))));
}
