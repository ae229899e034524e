import { defineRule } from '../define-rule';
import { LAMBDA } from '../../limits/aws';
import { isMap, keyText, type YNode } from '../../parse/ast';
import { removeProperty } from '../../edit/remove';

const RESERVED = new Set(LAMBDA.reservedEnvironmentKeys);

export default defineRule({
  id: 'lambda/reserved-env',
  defaultSeverity: 'error',
  summary: 'A Lambda environment variable whose name Lambda reserves (AWS_REGION, _HANDLER, LAMBDA_TASK_ROOT, ...), which AWS rejects',
  sources: [LAMBDA.reservedEnvironmentSource],
  fixable: true,
  hasSuggestions: false,
  messages: {
    reserved:
      'Environment variable {name} is reserved by Lambda, which sets it itself: AWS rejects a function configuration that sets it (InvalidParameterValueException).',
    remove: 'Remove {name} (Lambda sets it)',
  },
  check(context) {
    // A map inherited from `defaults` is one node shared by several functions: report it once.
    const seen = new Set<YNode>();
    for (const fn of context.model.ofType('lambda')) {
      const env = fn.props.get('env');
      if (!env || !isMap(env.node) || seen.has(env.node)) continue;
      seen.add(env.node);
      const map = env.node;
      for (const pair of map.items) {
        // Names are case-sensitive: `aws_region` is an ordinary variable.
        const name = keyText(pair.key);
        if (!RESERVED.has(name)) continue;
        context.report({
          at: pair.key,
          messageId: 'reserved',
          data: { name },
          // Safe: the function sees Lambda's own value whatever the configuration says.
          fix: { messageId: 'remove', data: { name }, build: (edits) => removeProperty(edits, map, name) },
        });
      }
    }
  },
});
