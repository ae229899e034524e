import { defineRule } from '../define-rule';
import { LAMBDA_RUNTIMES, type LambdaRuntime } from '../../limits/aws';
import { isScalar, type YNode, type YScalar } from '../../parse/ast';
import { closest } from '../../util/similar';
import { daysBetween } from '../../clock';
import type { Edits, TextEdit } from '../../edit/edits';

const BY_ID = new Map(LAMBDA_RUNTIMES.runtimes.map((runtime) => [runtime.id, runtime]));
const IDS = LAMBDA_RUNTIMES.runtimes.map((runtime) => runtime.id);

export default defineRule({
  id: 'lambda/runtime',
  defaultSeverity: 'warning',
  summary:
    'Lambda runtime that is deprecated (warning), whose function creation Lambda blocks (error), that is deprecated within 180 days, or that awsflow does not know (info)',
  sources: [LAMBDA_RUNTIMES.source, LAMBDA_RUNTIMES.deprecationPolicy],
  fixable: false,
  hasSuggestions: true,
  messages: {
    blocked:
      'Runtime {runtime} was deprecated on {deprecated}, and since {blockCreate} Lambda rejects creating a function with it{updates}. Move to {newest}.',
    deprecated:
      'Runtime {runtime} has been deprecated since {deprecated}: Lambda no longer patches it and AWS no longer supports functions that use it{blockText}. Move to {newest}.',
    deprecatedSoon: 'Runtime {runtime} is deprecated on {deprecated}, in {days}: from then Lambda no longer patches it{blockText}.',
    unknown: "awsflow does not know the Lambda runtime '{runtime}', so its deprecation dates are not checked.{hint}",
    upgrade: 'Change the runtime to {newest}',
    replace: "Change to '{runtime}'",
  },
  check(context) {
    const { today } = context;
    // A runtime inherited from `defaults` is one node shared by several functions: report it once.
    const seen = new Set<YNode>();
    for (const fn of context.model.ofType('lambda')) {
      const prop = fn.props.get('runtime');
      if (!prop || !isScalar(prop.node) || typeof prop.raw !== 'string' || prop.raw.trim() === '' || seen.has(prop.node)) continue;
      seen.add(prop.node);
      const node = prop.node;
      const written = prop.raw;
      const runtime = BY_ID.get(written);
      if (!runtime) {
        const candidates = closest(written, IDS, 1);
        context.report({
          at: node,
          messageId: 'unknown',
          severity: 'info',
          data: { runtime: written, hint: candidates.length ? ` Did you mean '${candidates[0]}'?` : '' },
          suggest: candidates.map((candidate) => ({
            messageId: 'replace' as const,
            data: { runtime: candidate },
            build: (edits: Edits) => replaceValue(edits, node, candidate),
          })),
        });
        continue;
      }
      if (!runtime.deprecated) continue;
      const newest = LAMBDA_RUNTIMES.newest[runtime.family];
      const data = {
        runtime: runtime.id,
        deprecated: runtime.deprecated,
        newest,
        blockCreate: runtime.blockCreate ?? '',
        updates: updatesText(runtime, today),
        blockText: blockText(runtime, today),
      };
      const suggest =
        newest !== runtime.id ? [{ messageId: 'upgrade' as const, data, build: (edits: Edits) => replaceValue(edits, node, newest) }] : [];
      if (runtime.blockCreate && today >= runtime.blockCreate) {
        context.report({ at: node, messageId: 'blocked', severity: 'error', data, suggest });
      } else if (today >= runtime.deprecated) {
        context.report({ at: node, messageId: 'deprecated', severity: 'warning', data, suggest });
      } else {
        const days = daysBetween(today, runtime.deprecated);
        if (days > LAMBDA_RUNTIMES.noticeDays) continue;
        context.report({
          at: node,
          messageId: 'deprecatedSoon',
          severity: 'info',
          data: { ...data, days: days === 1 ? '1 day' : `${days} days` },
          suggest,
        });
      }
    }
  },
});

function updatesText(runtime: LambdaRuntime, today: string): string {
  if (!runtime.blockUpdate) return '';
  return today >= runtime.blockUpdate
    ? `, and since ${runtime.blockUpdate} updating one`
    : `; from ${runtime.blockUpdate} it also rejects updating one`;
}

function blockText(runtime: LambdaRuntime, today: string): string {
  if (!runtime.blockCreate || today >= runtime.blockCreate) return '';
  return `; from ${runtime.blockCreate} Lambda rejects creating a function with it`;
}

/** Replace a scalar's text, keeping its quotes. */
function replaceValue(edits: Edits, node: YScalar, value: string): TextEdit {
  const written = edits.textOf(node);
  const quoted = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written[written.length - 1] === written[0];
  return quoted ? edits.replace({ start: node.start + 1, end: node.end - 1 }, value) : edits.replace(node, value);
}
