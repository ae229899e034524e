/** Navigation in one document: go to definition, find references, rename (with its refusals), highlights. */
import { LSPErrorCodes, ResponseError, type DocumentHighlight, type Location, type ServerCapabilities } from 'vscode-languageserver';
import { definition, documentHighlights, prepareRename, references, rename } from '../../core/index';
import type { ServerContext } from '../context';
import { offsetOfPosition, toDocumentHighlight, toLocation, toRange, toTextEdits, toWorkspaceEdit } from '../convert';
import { invalidParams, readDocumentUri, readParams, readPosition, readString } from '../params';

export function registerNavigation(context: ServerContext): ServerCapabilities {
  const { connection, analysisOf, guard } = context;

  connection.onDefinition(
    guard(
      'definition',
      async (params) => {
        const uri = readDocumentUri(params);
        const position = readPosition(readParams(params).position);
        const found = await analysisOf(uri);
        if (!found) return [];
        return definition(found.analysis, offsetOfPosition(found.analysis.lineIndex, position)).map((range) =>
          toLocation(found.analysis, uri, range),
        );
      },
      [] as Location[],
    ),
  );

  connection.onReferences(
    guard(
      'references',
      async (params) => {
        const uri = readDocumentUri(params);
        const position = readPosition(readParams(params).position);
        const context: unknown = readParams(params).context;
        const includeDeclaration =
          typeof context === 'object' && context !== null ? (context as { includeDeclaration?: unknown }).includeDeclaration : undefined;
        if (typeof includeDeclaration !== 'boolean') throw invalidParams('`context.includeDeclaration` must be true or false.');
        const found = await analysisOf(uri);
        if (!found) return [];
        return references(found.analysis, offsetOfPosition(found.analysis.lineIndex, position), includeDeclaration).map((range) =>
          toLocation(found.analysis, uri, range),
        );
      },
      [] as Location[],
    ),
  );

  // Rename answers a refusal with its reason (an error response the client shows); the guard lets it through.
  connection.onPrepareRename(
    guard(
      'prepareRename',
      async (params) => {
        const position = readPosition(readParams(params).position);
        const found = await analysisOf(readDocumentUri(params));
        if (!found) return null;
        const result = prepareRename(found.analysis, offsetOfPosition(found.analysis.lineIndex, position));
        if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
        return toRange(found.analysis, result);
      },
      null,
    ),
  );

  connection.onRenameRequest(
    guard(
      'rename',
      async (params) => {
        const uri = readDocumentUri(params);
        const position = readPosition(readParams(params).position);
        const newName = readString(params, 'newName');
        const found = await analysisOf(uri);
        if (!found) return null;
        const result = rename(found.analysis, offsetOfPosition(found.analysis.lineIndex, position), newName);
        if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
        return toWorkspaceEdit(uri, found.document.version, toTextEdits(found.analysis, result.edits));
      },
      null,
    ),
  );

  connection.onDocumentHighlight(
    guard(
      'documentHighlight',
      async (params) => {
        const position = readPosition(readParams(params).position);
        const found = await analysisOf(readDocumentUri(params));
        if (!found) return [];
        return documentHighlights(found.analysis, offsetOfPosition(found.analysis.lineIndex, position)).map((highlight) =>
          toDocumentHighlight(found.analysis, highlight),
        );
      },
      [] as DocumentHighlight[],
    ),
  );

  return {
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentHighlightProvider: true,
  };
}
