/**
 * Code actions: the quick fixes (and suggestions) of the findings under the requested
 * range, and "fix all safe problems" as source.fixAll.awsflow (and, on a problem with a
 * fix, in the Ctrl+. menu too). Computed from the analysis of the version asked about;
 * every edit is tagged with that version.
 */
import { CodeActionKind, type CodeAction, type ServerCapabilities } from 'vscode-languageserver';
import { fixAll, safelyFixable } from '../../core/index';
import type { ServerContext } from '../context';
import { fixAction, offsetsOfRange, toDiagnostic, toTextEdits, toWorkspaceEdit } from '../convert';
import { invalidParams, readDocumentUri, readParams, readRange } from '../params';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.awsflow`;
const FIX_ALL_TITLE = 'Fix all safe awsflow problems';

export function registerCodeActions(context: ServerContext): ServerCapabilities {
  const { connection, links, analysisOf, guard } = context;
  connection.onCodeAction(
    guard(
      'codeAction',
      async (params) => {
        const uri = readDocumentUri(params);
        const range = readRange(readParams(params).range);
        const context = readParams(params).context;
        if (typeof context !== 'object' || context === null) throw invalidParams('`context` is missing or not an object.');
        const only: unknown = (context as { only?: unknown }).only;
        if (only !== undefined && !(Array.isArray(only) && only.every((kind) => typeof kind === 'string')))
          throw invalidParams('`context.only` must be a list of strings.');
        const found = await analysisOf(uri);
        if (!found) return [];
        const { analysis, document } = found;
        const actions: CodeAction[] = [];
        const wantsFixAll = only?.some((kind: string) => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.Source));
        const wantsQuickFix = !only || only.some((kind: string) => CodeActionKind.QuickFix.startsWith(kind));
        const fixAllEdit = () => toWorkspaceEdit(uri, document.version, toTextEdits(analysis, fixAll(analysis)));
        if (wantsQuickFix) {
          const { start, end } = offsetsOfRange(analysis.lineIndex, range);
          let onAFix = false;
          for (const finding of analysis.findings) {
            if (finding.end < start || finding.start > end) continue;
            const diagnostic = toDiagnostic(analysis, uri, finding, links);
            // A fix that needs a decision is offered, but not as the one to apply without looking.
            if (finding.fix) actions.push(fixAction(analysis, uri, document.version, finding.fix, diagnostic, finding.fix.safeForFixAll));
            for (const suggestion of finding.suggestions)
              actions.push(fixAction(analysis, uri, document.version, suggestion, diagnostic, false));
            onAFix ||= finding.fix !== undefined || finding.suggestions.length > 0;
          }
          // In the Ctrl+. menu too, as ESLint does, but only on a problem that has fixes: otherwise every line would get a light bulb.
          if (onAFix && safelyFixable(analysis).length > 1)
            actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, edit: fixAllEdit() });
        }
        // A client that asks for every kind gets one fix-all, not the same one twice.
        const offered = actions.some((action) => action.title === FIX_ALL_TITLE);
        if ((wantsFixAll || (!only && !offered)) && safelyFixable(analysis).length > 0) {
          actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: fixAllEdit() });
        }
        return actions;
      },
      [] as CodeAction[],
    ),
  );
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] } };
}
