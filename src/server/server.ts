/**
 * The language server: LSP glue only, one feature per file under `features/`, each
 * registering its handlers and returning the capabilities it adds. Every handler reads the
 * one analysis of the document version it was called for, taken as a snapshot when the
 * message arrived, and tags its answer with that version; all the work is in src/core and
 * every conversion in convert.ts. Params are checked before use (a malformed request is
 * refused with InvalidParams); beyond that no handler throws to the connection: a
 * failure is logged and the request answered with nothing (see guard.ts).
 */
import {
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { createContext, type ServerHost } from './context';
import { registerCodeActions } from './features/code-actions';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerDiagram } from './features/diagram';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlay-hints';
import { registerNavigation } from './features/navigation';
import { registerSemanticTokens } from './features/semantic-tokens';
import { registerSettings } from './features/settings';
import { registerSymbols } from './features/symbols';
import { registerTemplates } from './features/templates';

export type { ServerHost } from './context';
export { describeFailure } from './guard';
export { FIX_ALL_KIND } from './features/code-actions';

export function startServer(connection: Connection, host: ServerHost = {}): void {
  const context = createContext(connection, host);
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
    ...registerSettings(context),
    ...registerDiagnostics(context),
    ...registerHover(context),
    ...registerCompletion(context),
    ...registerCodeActions(context),
    ...registerNavigation(context),
    ...registerSymbols(context),
    ...registerSemanticTokens(context),
    ...registerInlayHints(context),
    ...registerDiagram(context),
    ...registerTemplates(context),
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    context.clientCapabilities = params.capabilities;
    context.settings.hasConfiguration = Boolean(params.capabilities.workspace?.configuration);
    context.workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (context.workspaceFolders.length === 0 && params.rootUri) context.workspaceFolders = [params.rootUri];
    return { capabilities, serverInfo: { name: 'awsflow-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(() => context.initialized());
  context.documents.listen(connection);
  connection.listen();
}
