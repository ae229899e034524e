/** Completion: the core's entries for the cursor, each an edit on the cursor's line. */
import type { CompletionItem, ServerCapabilities } from 'vscode-languageserver';
import { complete } from '../../core/index';
import type { ServerContext } from '../context';
import { offsetOfPosition, toCompletionItem } from '../convert';
import { readDocumentUri, readParams, readPosition, readTriggerCharacter } from '../params';

export function registerCompletion(context: ServerContext): ServerCapabilities {
  const { connection, links, analysisOf, guard } = context;
  connection.onCompletion(
    guard(
      'completion',
      async (params) => {
        const position = readPosition(readParams(params).position);
        const found = await analysisOf(readDocumentUri(params));
        if (!found) return [];
        const { analysis } = found;
        const offset = offsetOfPosition(analysis.lineIndex, position);
        return complete(analysis, offset, { triggerCharacter: readTriggerCharacter(readParams(params).context), links }).map((entry) =>
          toCompletionItem(analysis, entry, offset),
        );
      },
      [] as CompletionItem[],
    ),
  );
  return { completionProvider: { triggerCharacters: [' ', '>', ',', ':', '-', '/'], resolveProvider: false } };
}
