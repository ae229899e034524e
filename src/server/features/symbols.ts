/**
 * Symbols: the outline of a document, and workspace symbols over the open documents (as
 * they were when the request came in) and the files on disk that are not open.
 */
import type { DocumentSymbol, ServerCapabilities, SymbolInformation } from 'vscode-languageserver';
import { Analyzer, documentSymbols, matchesQuery, workspaceSymbols, type Analysis } from '../../core/index';
import type { ServerContext } from '../context';
import { toDocumentSymbol, toSymbolInformation } from '../convert';
import { snapshotOf } from '../documents';
import { isAwsflowDocument } from '../templates';
import { readDocumentUri, readString } from '../params';

/** At most this many workspace symbols in one answer. */
const MAX_WORKSPACE_SYMBOLS = 1000;

export function registerSymbols(context: ServerContext): ServerCapabilities {
  const { connection, documents, cache, settings, host, analysisOf, guard } = context;

  connection.onDocumentSymbol(
    guard(
      'documentSymbol',
      async (params) => {
        const found = await analysisOf(readDocumentUri(params));
        if (!found) return [];
        return documentSymbols(found.analysis).map((entry) => toDocumentSymbol(found.analysis, entry));
      },
      [] as DocumentSymbol[],
    ),
  );

  connection.onWorkspaceSymbol(
    guard(
      'workspaceSymbol',
      async (params) => {
        const query = readString(params, 'query');
        const out: SymbolInformation[] = [];
        const open = new Set<string>();
        const add = (uri: string, analysis: Analysis) => {
          for (const symbol of workspaceSymbols(analysis)) {
            if (!matchesQuery(symbol.name, query)) continue;
            out.push(toSymbolInformation(analysis, uri, symbol));
          }
        };
        // Snapshots first: each document as it was when the request came in.
        for (const document of documents.all().filter(isAwsflowDocument).map(snapshotOf)) {
          open.add(document.uri);
          add(document.uri, await cache.analysisFor(document, await settings.for(document.uri)));
        }
        if (host.workspaceFiles) {
          for (const file of await host.workspaceFiles(context.workspaceFolders)) {
            if (open.has(file.uri)) continue;
            add(file.uri, new Analyzer().analyze(file.text));
          }
        }
        return out.slice(0, MAX_WORKSPACE_SYMBOLS);
      },
      [] as SymbolInformation[],
    ),
  );

  return { documentSymbolProvider: { label: 'awsflow' }, workspaceSymbolProvider: true };
}
