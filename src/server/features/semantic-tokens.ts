/** Semantic tokens for the whole document, in the legend declared here (the core's order). */
import type { ServerCapabilities } from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokens } from '../../core/index';
import type { ServerContext } from '../context';
import { encodeSemanticTokens } from '../convert';
import { readDocumentUri } from '../params';

export function registerSemanticTokens(context: ServerContext): ServerCapabilities {
  const { connection, analysisOf, guard } = context;
  connection.languages.semanticTokens.on(
    guard(
      'semanticTokens',
      async (params) => {
        const found = await analysisOf(readDocumentUri(params));
        if (!found) return { data: [] };
        return encodeSemanticTokens(found.analysis, semanticTokens(found.analysis));
      },
      { data: [] as number[] },
    ),
  );
  return {
    semanticTokensProvider: {
      legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] },
      full: true,
    },
  };
}
