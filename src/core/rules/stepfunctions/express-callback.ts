import { defineRule } from '../define-rule';
import { STEP_FUNCTIONS } from '../../limits/aws';
import { classifyConnection } from '../../model/connections';
import type { Connection } from '../../model/model';

export default defineRule({
  id: 'stepfunctions/express-callback',
  defaultSeverity: 'error',
  summary: '`callback: true` (`.waitForTaskToken`) on a task of an Express workflow, which supports only Request Response integrations',
  sources: [STEP_FUNCTIONS.integrationPatterns],
  fixable: false,
  hasSuggestions: false,
  messages: {
    expressCallback:
      "'{machine}' is an Express workflow, and Express workflows do not support waiting for a callback (`.waitForTaskToken`): only Request Response integrations. Step Functions rejects the definition. Make '{machine}' `workflow: standard`, or call '{target}' without `callback`.",
  },
  check(context) {
    // A fan-out entry shares one `callback` node: one finding there, about every task it sets.
    const byNode = new Map<number, Connection[]>();
    for (const connection of context.model.connections) {
      const { from, to } = connection;
      if (connection.origin !== 'flow' || from?.type !== 'stepfunctions' || !to?.type) continue;
      if (from.props.get('workflow')?.value !== 'express') continue;
      const callback = connection.props.get('callback');
      if (callback?.value !== true || !callback.node) continue;
      if (classifyConnection(from.type, to.type).kind !== 'task') continue;
      const group = byNode.get(callback.node.start);
      if (group) group.push(connection);
      else byNode.set(callback.node.start, [connection]);
    }
    for (const connections of byNode.values()) {
      const first = connections[0]!;
      const workflow = first.from!.props.get('workflow');
      context.report({
        at: first.props.get('callback')!.node!,
        connections,
        messageId: 'expressCallback',
        data: { machine: first.from!.id, target: first.to!.id },
        related: workflow?.node ? [{ at: workflow.node, message: `'${first.from!.id}' is an Express workflow` }] : [],
      });
    }
  },
});
