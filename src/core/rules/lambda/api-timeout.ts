import { defineRule } from '../define-rule';
import { API_GATEWAY, LAMBDA } from '../../limits/aws';
import { numberOf, type Resource } from '../../model/model';
import { formatSeconds } from '../../parse/values';

export default defineRule({
  id: 'lambda/api-timeout',
  defaultSeverity: 'warning',
  summary: "Lambda function called by an API Gateway whose integration timeout is shorter than the function's timeout",
  facts: [API_GATEWAY.integrationTimeoutDefault, LAMBDA.timeoutDefault],
  fixable: true,
  hasSuggestions: false,
  messages: {
    tooLong:
      '{api} waits at most {integration} for {fn} (integration timeout {integrationSource}), but {fn} may run for {timeout} ({timeoutSource}): API Gateway answers 504 while the function keeps running.',
    setTimeout: 'Set the timeout of {fn} to {value}',
    overrideTimeout: 'Set the timeout of {fn} to {value} (overrides timeout: {written}, which other callers may need)',
  },
  check(context) {
    const { model } = context;
    const calls = model.connections.filter(
      (c) => c.origin === 'flow' && c.entry && c.from?.type === 'api-gateway' && c.to?.type === 'lambda',
    );
    // The fix has to satisfy every API that calls the function, so it uses the shortest integration timeout.
    const shortest = new Map<Resource, number>();
    for (const call of calls) {
      const integration = numberOf(call.from!, 'timeout');
      if (integration === undefined) continue;
      shortest.set(call.to!, Math.min(integration, shortest.get(call.to!) ?? Infinity));
    }
    for (const call of calls) {
      const api = call.from!;
      const fn = call.to!;
      const integration = numberOf(api, 'timeout');
      const timeout = numberOf(fn, 'timeout');
      if (integration === undefined || timeout === undefined || timeout <= integration) continue;
      const apiTimeout = api.props.get('timeout');
      const fnTimeout = fn.props.get('timeout');
      const written = fnTimeout?.node ? fnTimeout : undefined;
      // Lambda counts whole seconds, from 1 s; below that the API cannot wait for any function.
      const target = Math.floor(shortest.get(fn) ?? integration);
      const value = typeof written?.raw === 'number' ? String(target) : `${target}s`;
      context.report({
        at: call,
        messageId: 'tooLong',
        data: {
          api: api.id,
          fn: fn.id,
          integration: formatSeconds(integration),
          integrationSource: apiTimeout?.node
            ? String(apiTimeout.raw ?? apiTimeout.value)
            : `default ${API_GATEWAY.integrationTimeoutDefault.text}`,
          timeout: formatSeconds(timeout),
          timeoutSource: written ? `timeout ${String(written.raw)}` : `the default timeout`,
        },
        fix:
          target >= LAMBDA.timeoutMin.value && fn.node
            ? {
                // A written timeout AWS accepts may be what the function's other work needs: lowering it takes a decision.
                ...(written
                  ? { messageId: 'overrideTimeout' as const, safeForFixAll: false as const }
                  : { messageId: 'setTimeout' as const }),
                data: { fn: fn.id, value, written: String(written?.raw ?? '') },
                build: (edits) => edits.setProperty(fn.node!, 'timeout', value),
              }
            : undefined,
        related: [
          written
            ? {
                at: written.node!,
                message: `${fn.id}'s timeout: ${formatSeconds(timeout)}${written.fromDefaults ? ' (from defaults)' : ''}`,
              }
            : { at: fn.key, message: `${fn.id} has no timeout: Lambda's default ${LAMBDA.timeoutDefault.text} applies` },
        ],
      });
    }
  },
});
