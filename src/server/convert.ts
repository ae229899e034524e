/**
 * Core results -> LSP shapes. Offsets become positions here (through the analysis's
 * line index) and nowhere else in the server.
 */
import {
  CodeAction, CodeActionKind, DiagnosticSeverity, DiagnosticTag,
  type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { docsUrl, type Analysis, type DocsLinks, type Finding, type Fix, type OffsetRange } from '../core/index';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export interface DiagnosticData {
  ruleId: string;
  /** Index of the finding in its analysis, to find its fixes again. */
  index: number;
  version: number;
}

export function toRange(analysis: Analysis, range: OffsetRange): Range {
  return analysis.lineIndex.rangeOf(range);
}

export function toDiagnostic(analysis: Analysis, uri: string, version: number, finding: Finding, index: number, links: DocsLinks): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(analysis, finding),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'awsflow',
    message: finding.message,
    data: { ruleId: finding.ruleId, index, version } satisfies DiagnosticData,
  };
  const href = docsUrl(finding.ruleId, links);
  if (href) diagnostic.codeDescription = { href };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri, range: toRange(analysis, related) },
      message: related.message,
    }));
  }
  if (finding.ruleId === 'suppression/unused') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toTextEdits(analysis: Analysis, fix: Fix): LspTextEdit[] {
  return fix.edits.map((edit) => ({ range: toRange(analysis, edit), newText: edit.newText }));
}

export function toWorkspaceEdit(uri: string, version: number, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

export function fixAction(analysis: Analysis, uri: string, version: number, fix: Fix, diagnostic: Diagnostic | undefined, preferred: boolean): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(uri, version, toTextEdits(analysis, fix)), CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}
