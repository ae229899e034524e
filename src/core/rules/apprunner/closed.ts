import { defineRule } from '../define-rule';
import { APP_RUNNER } from '../../limits/aws';
import type { Edits, TextEdit } from '../../edit/edits';
import type { Resource } from '../../model/model';

export default defineRule({
  id: 'apprunner/closed',
  defaultSeverity: 'warning',
  summary: 'App Runner service: App Runner is closed to new customers since 2026-04-30',
  facts: [APP_RUNNER.cpuDefault, APP_RUNNER.memoryDefault],
  sources: [APP_RUNNER.availability],
  fixable: false,
  hasSuggestions: true,
  messages: {
    closed:
      'App Runner is closed to new customers since {date}: an account that has not used it before cannot create {id}. AWS recommends Amazon ECS (Express Mode, on Fargate) for new services.',
    useEcs: 'Change {id} to an ECS service on Fargate',
  },
  check(context) {
    for (const service of context.model.ofType('apprunner')) {
      const type = service.props.get('type');
      if (!type?.node || !service.node) continue;
      context.report({
        at: type.node,
        messageId: 'closed',
        data: { date: APP_RUNNER.closedOn, id: service.id },
        suggest: [{ messageId: 'useEcs', data: { id: service.id }, build: (edits) => toEcs(edits, service) }],
      });
    }
  },
});

/**
 * Same size and count on ECS: App Runner's sizes are all valid Fargate pairs, but its
 * defaults (1 vCPU, 2 GB) and anything set under `defaults: apprunner:` stop applying once
 * the type changes, so they are written out; `instances` becomes `desiredCount`.
 */
function toEcs(edits: Edits, service: Resource): TextEdit[] | undefined {
  const type = service.props.get('type');
  if (!type?.node || !service.node) return undefined;
  const result: TextEdit[] = [edits.replace(type.node, 'ecs')];
  const added: [string, string][] = [['launchType', 'fargate']];
  const inherited = (name: string) => {
    const prop = service.props.get(name);
    return prop?.fromDefaults && prop.node ? edits.textOf(prop.node) : undefined;
  };
  const cpu = service.props.get('cpu');
  if (!cpu || cpu.fromDefaults) added.push(['cpu', inherited('cpu') ?? APP_RUNNER.cpuDefault.text]);
  const memory = service.props.get('memory');
  if (!memory || memory.fromDefaults) added.push(['memory', inherited('memory') ?? APP_RUNNER.memoryDefault.text.replace(' ', '')]);
  const instances = service.props.get('instances');
  if (instances && !instances.fromDefaults) result.push(edits.replace(instances.key, 'desiredCount'));
  else if (instances?.node) added.push(['desiredCount', edits.textOf(instances.node)]);
  // One insertion, so the new properties keep this order whatever order edits are applied in.
  const inserts = added.map(([key, value]) => edits.insertProperty(service.node!, key, value));
  result.push({ start: inserts[0]!.start, end: inserts[0]!.end, newText: inserts.map((edit) => edit.newText).join('') });
  return result;
}
