import { defineRule } from '../define-rule';
import { EVENTBRIDGE } from '../../limits/aws';
import type { Connection, Prop } from '../../model/model';
import { formatNumber } from '../../parse/values';

interface NamedRule {
  readonly bus: string;
  readonly name: string;
  /** The `rule:` values that name it, in document order. */
  readonly props: Prop[];
  /** Its distinct targets, in document order, with the connection that adds each. */
  readonly targets: Map<string, Connection>;
}

export default defineRule({
  id: 'eventbridge/targets-per-rule',
  defaultSeverity: 'error',
  summary: 'More than 5 targets share one EventBridge rule (flow entries from a bus with the same `rule`)',
  facts: [EVENTBRIDGE.targetsPerRuleMax],
  fixable: false,
  hasSuggestions: false,
  messages: {
    tooMany:
      "Rule '{rule}' on bus '{bus}' has {count} targets: an EventBridge rule has at most {max}, so PutTargets rejects the {extra}. Give some of these entries another `rule` (or none: an entry without `rule` is a rule of its own per target).",
  },
  check(context) {
    const rules = new Map<string, NamedRule>();
    for (const entry of context.model.flows) {
      const rule = entry.props.get('rule');
      if (!rule || typeof rule.value !== 'string' || rule.value === '') continue;
      for (const connection of entry.connections) {
        if (connection.from?.type !== 'eventbridge' || !connection.to) continue;
        const key = `${connection.from.id}\u0000${rule.value}`;
        let named = rules.get(key);
        if (!named) rules.set(key, (named = { bus: connection.from.id, name: rule.value, props: [], targets: new Map() }));
        if (!named.props.includes(rule)) named.props.push(rule);
        if (!named.targets.has(connection.to.id)) named.targets.set(connection.to.id, connection);
      }
    }
    const max = EVENTBRIDGE.targetsPerRuleMax.value;
    for (const named of rules.values()) {
      if (named.targets.size <= max) continue;
      const beyond = [...named.targets.values()].slice(max);
      const extra = beyond.map((connection) => `'${connection.target.id}'`).join(', ');
      // On the `rule:` of the entry that adds the first target beyond the maximum; the others point there.
      const first = beyond[0]!.entry!.props.get('rule')!;
      context.report({
        at: first.node ?? first.key,
        messageId: 'tooMany',
        data: {
          rule: named.name,
          bus: named.bus,
          count: formatNumber(named.targets.size),
          max: formatNumber(max),
          extra: `target${beyond.length === 1 ? '' : 's'} beyond the ${formatNumber(max)}th (${extra})`,
        },
        related: named.props
          .filter((prop) => prop !== first)
          .map((prop) => ({ at: prop.node ?? prop.key, message: `also rule '${named.name}'` })),
      });
    }
  },
});
