/**
 * The language server: LSP glue only. Every handler reads the one analysis of the
 * document version it was called for, taken as a snapshot when the message arrived,
 * and tags its answer with that version; all the work is in src/core. Params are
 * checked before use (a malformed request is refused with InvalidParams); beyond that
 * no handler throws to the connection: a failure is logged and the request answered
 * with nothing.
 */
import {
  CodeActionKind, CompletionItemKind, DidChangeConfigurationNotification, DocumentHighlightKind, InsertTextFormat, InsertTextMode, LSPErrorCodes, MarkupKind,
  ResponseError, SymbolKind, TextDocumentSyncKind, TextDocuments,
  type CancellationToken, type CodeAction, type CompletionItem, type Connection, type DocumentHighlight, type DocumentSymbol,
  type InitializeParams, type InitializeResult, type InlayHint, type Location, type SymbolInformation,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Analyzer, plainFlowchart, fixAll, safelyFixable, type Analysis,
  hover, complete, definition, references, prepareRename, rename, documentHighlights, documentSymbols,
  workspaceSymbols, matchesQuery, semanticTokens, inlayHints, SEMANTIC_TOKEN_TYPES, SEMANTIC_TOKEN_MODIFIERS, escapeControlCharacters,
  type CompletionEntry, type DocsLinks, type DocumentSymbolEntry, type SymbolKindName,
} from '../core/index';
import { DiagramRequest, PlainMermaidRequest, type DiagramResult, type PlainMermaidResult } from '../protocol/lsp';
import { DEFAULT_SETTINGS, normaliseSettings, type AwsflowSettings } from '../protocol/settings';
import { AnalysisCache, snapshotOf, type DocumentSnapshot } from './documents';
import { invalidParams, offsetOfPosition, offsetsOfRange, readDocumentUri, readParams, readPosition, readRange, readString, readTriggerCharacter } from './params';
import { fixAction, toDiagnostic, toRange, toWorkspaceEdit } from './convert';
import { diagramResult } from './features/diagram';

/** What the platform gives the server beyond the connection (files on disk, for workspace symbols). */
export interface ServerHost {
  /** The `.awsflow` files under the workspace folders (not open in the editor), read from disk. */
  workspaceFiles?(folderUris: readonly string[]): Promise<{ uri: string; text: string }[]>;
  /** Where the rule pages are, for diagnostics' and hovers' links (see `docsUrl`); none in a browser worker. */
  docsLinks?: DocsLinks;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.awsflow`;
const FIX_ALL_TITLE = 'Fix all safe awsflow problems';

export function startServer(connection: Connection, host: ServerHost = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache((message) => connection.console.error(escapeControlCharacters(message)));
  const settingsCache = new Map<string, Promise<AwsflowSettings>>();
  const links: DocsLinks = host.docsLinks ?? {};
  let hasConfiguration = false;
  let workspaceFolders: string[] = [];

  const log = (where: string, error: unknown) => connection.console.error(`${where} failed: ${describeFailure(error)}`);

  /**
   * Wrap a handler: never throw to the connection (a failure is logged and answered with
   * `fallback`) but for a refusal the handler meant (a ResponseError: malformed params,
   * a rename refused); a request cancelled before or while it ran is answered as cancelled.
   */
  function guard<P, R>(name: string, handler: (params: P, token: CancellationToken) => R | Promise<R>, fallback: R) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      if (token.isCancellationRequested) throw cancelled();
      let result: R;
      try {
        result = await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        log(name, error);
        return fallback;
      }
      if (token.isCancellationRequested) throw cancelled();
      return result;
    };
  }

  function settingsFor(uri: string): Promise<AwsflowSettings> {
    if (!hasConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'awsflow' })
        .then(normaliseSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /**
   * The analysis of the document as it is now, when the message asking for it arrived:
   * call it before any `await`. The document may change while the analysis runs (its
   * object is updated in place); the snapshot, and so the answer, keeps this version.
   */
  async function analysisOf(uri: string): Promise<{ document: DocumentSnapshot; analysis: Analysis } | undefined> {
    const open = documents.get(uri);
    if (!open) return undefined;
    const document = snapshotOf(open);
    const settings = await settingsFor(uri);
    return { document, analysis: await cache.analysisFor(document, settings) };
  }

  async function validate(uri: string): Promise<void> {
    try {
      const result = await analysisOf(uri);
      if (!result) return;
      const { document, analysis } = result;
      // A newer version came in meanwhile: its own check is scheduled; these would be stale.
      if (documents.get(uri)?.version !== document.version) return;
      const diagnostics = analysis.findings.map((finding, index) => toDiagnostic(analysis, uri, document.version, finding, index, links));
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      log('validation', error);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfiguration = Boolean(params.capabilities.workspace?.configuration);
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '>', ',', ':', '-', '/'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'awsflow' },
        workspaceSymbolProvider: true,
        semanticTokensProvider: {
          legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] },
          full: true,
        },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'awsflow-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'awsflow' }).catch(() => undefined);
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const document of documents.all()) void validate(document.uri);
  });

  documents.onDidOpen((event) => void validate(event.document.uri));
  documents.onDidChangeContent((event) => {
    if (event.document.version <= 1 && !cache.latest(event.document.uri)) return; // the open handler checks it
    void settingsFor(event.document.uri).then((settings) => cache.schedule(event.document.uri, settings.validate.delay, () => void validate(event.document.uri)));
  });
  documents.onDidClose((event) => {
    cache.close(event.document.uri);
    settingsCache.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover(guard('hover', async (params) => {
    const position = readPosition(readParams(params).position);
    const found = await analysisOf(readDocumentUri(params));
    if (!found) return null;
    const { analysis } = found;
    const result = hover(analysis, offsetOfPosition(analysis.lineIndex, position), links);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(analysis, result) } : null;
  }, null));

  connection.onCompletion(guard('completion', async (params) => {
    const position = readPosition(readParams(params).position);
    const found = await analysisOf(readDocumentUri(params));
    if (!found) return [];
    const { analysis } = found;
    const offset = offsetOfPosition(analysis.lineIndex, position);
    return complete(analysis, offset, { triggerCharacter: readTriggerCharacter(readParams(params).context), links }).map((entry) => toCompletionItem(analysis, entry, offset));
  }, [] as CompletionItem[]));

  connection.onCodeAction(guard('codeAction', async (params) => {
    const uri = readDocumentUri(params);
    const range = readRange(readParams(params).range);
    const context = readParams(params).context;
    if (typeof context !== 'object' || context === null) throw invalidParams('`context` is missing or not an object.');
    const only: unknown = (context as { only?: unknown }).only;
    if (only !== undefined && !(Array.isArray(only) && only.every((kind) => typeof kind === 'string'))) throw invalidParams('`context.only` must be a list of strings.');
    const found = await analysisOf(uri);
    if (!found) return [];
    const { analysis, document } = found;
    const actions: CodeAction[] = [];
    const wantsFixAll = only?.some((kind: string) => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.Source));
    const wantsQuickFix = !only || only.some((kind: string) => CodeActionKind.QuickFix.startsWith(kind));
    const fixAllEdit = () => toWorkspaceEdit(uri, document.version, fixAll(analysis).map((edit) => ({ range: toRange(analysis, edit), newText: edit.newText })));
    if (wantsQuickFix) {
      const { start, end } = offsetsOfRange(analysis.lineIndex, range);
      let onAFix = false;
      analysis.findings.forEach((finding, index) => {
        if (finding.end < start || finding.start > end) return;
        const diagnostic = toDiagnostic(analysis, uri, document.version, finding, index, links);
        // A fix that needs a decision is offered, but not as the one to apply without looking.
        if (finding.fix) actions.push(fixAction(analysis, uri, document.version, finding.fix, diagnostic, finding.fix.safeForFixAll));
        for (const suggestion of finding.suggestions) actions.push(fixAction(analysis, uri, document.version, suggestion, diagnostic, false));
        onAFix ||= finding.fix !== undefined || finding.suggestions.length > 0;
      });
      // In the Ctrl+. menu too, as ESLint does, but only on a problem that has fixes: otherwise every line would get a light bulb.
      if (onAFix && safelyFixable(analysis).length > 1) actions.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, edit: fixAllEdit() });
    }
    // A client that asks for every kind gets one fix-all, not the same one twice.
    const offered = actions.some((action) => action.title === FIX_ALL_TITLE);
    if ((wantsFixAll || (!only && !offered)) && safelyFixable(analysis).length > 0) {
      actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: fixAllEdit() });
    }
    return actions;
  }, [] as CodeAction[]));

  connection.onDefinition(guard('definition', async (params) => {
    const uri = readDocumentUri(params);
    const position = readPosition(readParams(params).position);
    const found = await analysisOf(uri);
    if (!found) return [];
    return definition(found.analysis, offsetOfPosition(found.analysis.lineIndex, position)).map((range) => ({ uri, range: toRange(found.analysis, range) }));
  }, [] as Location[]));

  connection.onReferences(guard('references', async (params) => {
    const uri = readDocumentUri(params);
    const position = readPosition(readParams(params).position);
    const context: unknown = readParams(params).context;
    const includeDeclaration = typeof context === 'object' && context !== null ? (context as { includeDeclaration?: unknown }).includeDeclaration : undefined;
    if (typeof includeDeclaration !== 'boolean') throw invalidParams('`context.includeDeclaration` must be true or false.');
    const found = await analysisOf(uri);
    if (!found) return [];
    return references(found.analysis, offsetOfPosition(found.analysis.lineIndex, position), includeDeclaration).map((range) => ({ uri, range: toRange(found.analysis, range) }));
  }, [] as Location[]));

  // Rename answers a refusal with its reason (an error response the client shows); the guard lets it through.
  connection.onPrepareRename(guard('prepareRename', async (params) => {
    const position = readPosition(readParams(params).position);
    const found = await analysisOf(readDocumentUri(params));
    if (!found) return null;
    const result = prepareRename(found.analysis, offsetOfPosition(found.analysis.lineIndex, position));
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return toRange(found.analysis, result);
  }, null));

  connection.onRenameRequest(guard('rename', async (params) => {
    const uri = readDocumentUri(params);
    const position = readPosition(readParams(params).position);
    const newName = readString(params, 'newName');
    const found = await analysisOf(uri);
    if (!found) return null;
    const result = rename(found.analysis, offsetOfPosition(found.analysis.lineIndex, position), newName);
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    const edits = result.edits.map((edit) => ({ range: toRange(found.analysis, edit), newText: edit.newText }));
    return toWorkspaceEdit(uri, found.document.version, edits);
  }, null));

  connection.onDocumentHighlight(guard('documentHighlight', async (params) => {
    const position = readPosition(readParams(params).position);
    const found = await analysisOf(readDocumentUri(params));
    if (!found) return [];
    return documentHighlights(found.analysis, offsetOfPosition(found.analysis.lineIndex, position)).map((h) => ({ range: toRange(found.analysis, h), kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  }, [] as DocumentHighlight[]));

  connection.onDocumentSymbol(guard('documentSymbol', async (params) => {
    const found = await analysisOf(readDocumentUri(params));
    if (!found) return [];
    const convert = (entry: DocumentSymbolEntry): DocumentSymbol => ({
      name: entry.name,
      ...(entry.detail ? { detail: entry.detail } : {}),
      kind: SYMBOL_KIND[entry.kind],
      range: toRange(found.analysis, entry),
      selectionRange: toRange(found.analysis, entry.selection),
      children: entry.children.map(convert),
    });
    return documentSymbols(found.analysis).map(convert);
  }, [] as DocumentSymbol[]));

  connection.onWorkspaceSymbol(guard('workspaceSymbol', async (params) => {
    const query = readString(params, 'query');
    const out: SymbolInformation[] = [];
    const open = new Set<string>();
    const add = (uri: string, analysis: Analysis) => {
      for (const symbol of workspaceSymbols(analysis)) {
        if (!matchesQuery(symbol.name, query)) continue;
        out.push({ name: symbol.name, kind: SYMBOL_KIND[symbol.kind], containerName: symbol.detail, location: { uri, range: toRange(analysis, symbol) } });
      }
    };
    // Snapshots first: each document as it was when the request came in.
    for (const document of documents.all().map(snapshotOf)) {
      open.add(document.uri);
      add(document.uri, await cache.analysisFor(document, await settingsFor(document.uri)));
    }
    if (host.workspaceFiles) {
      for (const file of await host.workspaceFiles(workspaceFolders)) {
        if (open.has(file.uri)) continue;
        add(file.uri, new Analyzer().analyze(file.text));
      }
    }
    return out.slice(0, 1000);
  }, [] as SymbolInformation[]));

  connection.languages.semanticTokens.on(guard('semanticTokens', async (params) => {
    const found = await analysisOf(readDocumentUri(params));
    if (!found) return { data: [] };
    const data: number[] = [];
    let line = 0;
    let character = 0;
    for (const token of semanticTokens(found.analysis)) {
      const position = found.analysis.lineIndex.positionAt(token.start);
      const deltaLine = position.line - line;
      const deltaStart = deltaLine === 0 ? position.character - character : position.character;
      const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(modifier)), 0);
      data.push(deltaLine, deltaStart, token.end - token.start, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
      line = position.line;
      character = position.character;
    }
    return { data };
  }, { data: [] as number[] }));

  connection.languages.inlayHint.on(guard('inlayHint', async (params) => {
    const requested = readRange(readParams(params).range);
    const found = await analysisOf(readDocumentUri(params));
    if (!found) return [];
    const range = offsetsOfRange(found.analysis.lineIndex, requested);
    return inlayHints(found.analysis, range).map((hint) => ({
      position: found.analysis.lineIndex.positionAt(hint.offset),
      label: hint.label,
      paddingLeft: true,
      ...(hint.tooltip ? { tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip } } : {}),
    }));
  }, [] as InlayHint[]));

  connection.onRequest(DiagramRequest.type, guard('diagram', async (params): Promise<DiagramResult | null> => {
    const uri = readDocumentUri(params);
    const found = await analysisOf(uri);
    if (!found) return null;
    return diagramResult(found.analysis, uri, found.document.version, { icons: params.icons === true });
  }, null));

  connection.onRequest(PlainMermaidRequest.type, guard('plainMermaid', async (params): Promise<PlainMermaidResult | null> => {
    const uri = readDocumentUri(params);
    const found = await analysisOf(uri);
    if (!found) return null;
    return { uri, version: found.document.version, mermaid: plainFlowchart(found.analysis) };
  }, null));

  documents.listen(connection);
  connection.listen();

  function toCompletionItem(analysis: Analysis, entry: CompletionEntry, offset: number): CompletionItem {
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
      ...(entry.kind === 'property' && entry.insertText.endsWith(': ') ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
      ...(entry.sortText ? { sortText: entry.sortText } : {}),
      ...(entry.filterText ? { filterText: entry.filterText } : {}),
    };
  }

}

/**
 * An error for the log: its message (which may quote the user's text) on one line with
 * control characters escaped, then the stack frames. The log is shown in the editor's
 * output panel, where a raw escape sequence or a line break would forge log lines.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return escapeControlCharacters(String(error));
  const stack = error.stack ?? '';
  const framesAt = stack.indexOf('\n    at ');
  return escapeControlCharacters(error.message) + (framesAt >= 0 ? escapeControlCharacters(stack.slice(framesAt), { keepLineBreaks: true }) : '');
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
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

const SYMBOL_KIND: Record<SymbolKindName, SymbolKind> = {
  file: SymbolKind.File, namespace: SymbolKind.Namespace, class: SymbolKind.Class, property: SymbolKind.Property,
  field: SymbolKind.Field, event: SymbolKind.Event, function: SymbolKind.Function, object: SymbolKind.Object,
  array: SymbolKind.Array, string: SymbolKind.String, number: SymbolKind.Number, boolean: SymbolKind.Boolean,
  key: SymbolKind.Key, interface: SymbolKind.Interface, module: SymbolKind.Module,
};
