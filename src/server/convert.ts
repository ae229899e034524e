/**
 * Core results <-> LSP shapes. Offsets become positions here (through the analysis's
 * line index), and a request's positions become offsets here, and nowhere else in the
 * server: the handlers only read params, ask the core and hand its answer to one of these.
 */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentHighlightKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Location,
  type Position,
  type Range,
  type SemanticTokens,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  docsUrl,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type Analysis,
  type CompletionEntry,
  type DocsLinks,
  type DocumentSymbolEntry,
  type Finding,
  type Fix,
  type HighlightEntry,
  type HoverResult,
  type InlayHintEntry,
  type LineIndex,
  type OffsetRange,
  type SemanticToken,
  type SymbolKindName,
  type WorkspaceSymbolEntry,
} from '../core/index';
import { invalidParams } from './params';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

// --- LSP -> core ----------------------------------------------------------------

/**
 * The offset of a request's position in the text it was asked about. Its line must be
 * in the text; a character past the line's end means the end of the line (as LSP says).
 */
export function offsetOfPosition(lineIndex: LineIndex, position: Position, name = 'position'): number {
  if (position.line >= lineIndex.lineCount)
    throw invalidParams(`\`${name}\` is on line ${position.line}, past the document's last line (${lineIndex.lineCount - 1}).`);
  return lineIndex.offsetAt(position);
}

/** A range in the text (for ranges that only narrow an answer, a line past the end means the end). */
export function offsetsOfRange(lineIndex: LineIndex, range: Range): { start: number; end: number } {
  return { start: lineIndex.offsetAt(range.start), end: lineIndex.offsetAt(range.end) };
}

// --- core -> LSP ----------------------------------------------------------------

/** Where positions come from: an analysis, or a template's own line index. */
export type Positioned = Pick<Analysis, 'lineIndex'>;

export function toRange(analysis: Positioned, range: OffsetRange): Range {
  return analysis.lineIndex.rangeOf(range);
}

export function toLocation(analysis: Positioned, uri: string, range: OffsetRange): Location {
  return { uri, range: toRange(analysis, range) };
}

/**
 * No `data`: code actions are computed from the analysis of the version asked about (its
 * findings under the requested range), never from a diagnostic a client sends back, and
 * the version a set belongs to is publishDiagnostics' own `version`.
 */
export function toDiagnostic(analysis: Positioned, uri: string, finding: Finding, links: DocsLinks): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(analysis, finding),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'awsflow',
    message: finding.message,
  };
  const href = docsUrl(finding.ruleId, links);
  if (href) diagnostic.codeDescription = { href };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: toLocation(analysis, uri, related),
      message: related.message,
    }));
  }
  if (finding.ruleId === 'suppression/unused') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toTextEdits(analysis: Analysis, edits: readonly (OffsetRange & { readonly newText: string })[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: toRange(analysis, edit), newText: edit.newText }));
}

/** Edits of one document, tagged with the version they were computed for (a client applies them to that version only). */
export function toWorkspaceEdit(uri: string, version: number, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

export function fixAction(
  analysis: Analysis,
  uri: string,
  version: number,
  fix: Fix,
  diagnostic: Diagnostic | undefined,
  preferred: boolean,
): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(uri, version, toTextEdits(analysis, fix.edits)), CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

export function toHover(analysis: Analysis, result: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(analysis, result) };
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  type: CompletionItemKind.Class,
  resource: CompletionItemKind.Reference,
  unit: CompletionItemKind.Unit,
  snippet: CompletionItemKind.Snippet,
  rule: CompletionItemKind.EnumMember,
};

/** A completion entry for the cursor at `offset`. */
export function toCompletionItem(analysis: Analysis, entry: CompletionEntry, offset: number): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
    // One line, holding the cursor: VS Code drops an item whose range is anything else.
    textEdit: { range: analysis.lineIndex.rangeOnLineOf(entry.replace, offset), newText: entry.insertText },
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The core indents multi-line inserts itself; the client must not add its own.
    insertTextMode: InsertTextMode.asIs,
    // After `key: `, open the list of values at once.
    ...(entry.kind === 'property' && entry.insertText.endsWith(': ')
      ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } }
      : {}),
    ...(entry.sortText ? { sortText: entry.sortText } : {}),
    ...(entry.filterText ? { filterText: entry.filterText } : {}),
  };
}

export function toDocumentHighlight(analysis: Analysis, highlight: HighlightEntry): DocumentHighlight {
  return {
    range: toRange(analysis, highlight),
    kind: highlight.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  };
}

const SYMBOL_KIND: Record<SymbolKindName, SymbolKind> = {
  file: SymbolKind.File,
  namespace: SymbolKind.Namespace,
  class: SymbolKind.Class,
  property: SymbolKind.Property,
  field: SymbolKind.Field,
  event: SymbolKind.Event,
  function: SymbolKind.Function,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  key: SymbolKind.Key,
  interface: SymbolKind.Interface,
  module: SymbolKind.Module,
};

export function toDocumentSymbol(analysis: Analysis, entry: DocumentSymbolEntry): DocumentSymbol {
  return {
    name: entry.name,
    ...(entry.detail ? { detail: entry.detail } : {}),
    kind: SYMBOL_KIND[entry.kind],
    range: toRange(analysis, entry),
    selectionRange: toRange(analysis, entry.selection),
    children: entry.children.map((child) => toDocumentSymbol(analysis, child)),
  };
}

export function toSymbolInformation(analysis: Analysis, uri: string, symbol: WorkspaceSymbolEntry): SymbolInformation {
  return { name: symbol.name, kind: SYMBOL_KIND[symbol.kind], containerName: symbol.detail, location: toLocation(analysis, uri, symbol) };
}

/**
 * LSP's relative encoding: five numbers per token (line delta, start delta on the same
 * line or start on a new one, length, type index, modifier bits), all in UTF-16 units.
 * The tokens come in document order, each on one line.
 */
export function encodeSemanticTokens(analysis: Analysis, tokens: readonly SemanticToken[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const position = analysis.lineIndex.positionAt(token.start);
    const deltaLine = position.line - line;
    const deltaStart = deltaLine === 0 ? position.character - character : position.character;
    const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(modifier)), 0);
    data.push(deltaLine, deltaStart, token.end - token.start, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
    line = position.line;
    character = position.character;
  }
  return { data };
}

export function toInlayHint(analysis: Analysis, hint: InlayHintEntry): InlayHint {
  return {
    position: analysis.lineIndex.positionAt(hint.offset),
    label: hint.label,
    paddingLeft: true,
    ...(hint.tooltip ? { tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip } } : {}),
  };
}
