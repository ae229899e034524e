import { defineRule } from '../define-rule';
import { PIPES } from '../../limits/aws';
import { article } from '../../model/connections';
import type { ResourceType } from '../../model/properties';

/** What a Pipe can enrich with: a Lambda function, a Step Functions Express workflow, an API Gateway API, an API destination. */
const ENRICHMENTS: readonly ResourceType[] = ['lambda', 'stepfunctions', 'api-gateway', 'client'];

export default defineRule({
  id: 'pipes/enrichment',
  defaultSeverity: 'error',
  summary:
    'A Pipe’s `enrich` names something Pipes cannot enrich with (only Lambda, an Express workflow, API Gateway or an API destination), or `enrich` is set on a connection that is not a Pipe',
  sources: [PIPES.enrichment],
  fixable: false,
  hasSuggestions: false,
  messages: {
    wrongType:
      "'{id}' is {kind}: a Pipe enriches events with a Lambda function, a Step Functions Express workflow, an API Gateway API or an API destination (a client), and rejects anything else.",
    standardWorkflow:
      "'{id}' is a standard workflow{implicit}: EventBridge Pipes invokes its enrichment synchronously and only supports Express workflows there, so it rejects the pipe. Make '{id}' `workflow: express`, or enrich with a Lambda function.",
    notPipe:
      "`enrich` is set on a connection that is not an EventBridge Pipe: only a Pipe (`via: pipe`) has an enrichment step, so nothing would call '{id}'. Add `via: pipe`, or call it from the target.",
  },
  check(context) {
    for (const entry of context.model.flows) {
      const enrich = entry.props.get('enrich');
      if (!enrich?.node || typeof enrich.raw !== 'string') continue;
      const id = enrich.raw;
      if (entry.props.get('via')?.value !== 'pipe') {
        context.report({ at: enrich.node, connections: entry.connections, messageId: 'notPipe', data: { id } });
        continue;
      }
      // An id that names nothing is flows/unknown-resource's finding.
      const resource = context.model.byId.get(id);
      if (!resource?.type) continue;
      if (!ENRICHMENTS.includes(resource.type)) {
        context.report({
          at: enrich.node,
          connections: entry.connections,
          messageId: 'wrongType',
          data: { id, kind: article(resource.type) },
        });
      } else if (resource.type === 'stepfunctions' && resource.props.get('workflow')?.value !== 'express') {
        const written = resource.props.get('workflow');
        context.report({
          at: enrich.node,
          connections: entry.connections,
          messageId: 'standardWorkflow',
          data: { id, implicit: written ? '' : ' (the default without `workflow`)' },
          related: written?.node ? [{ at: written.node, message: `'${id}' is a standard workflow` }] : [],
        });
      }
    }
  },
});
