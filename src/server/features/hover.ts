/** Hover: what the core says about the word under the cursor, as Markdown. */
import type { ServerCapabilities } from 'vscode-languageserver';
import { hover } from '../../core/index';
import type { ServerContext } from '../context';
import { offsetOfPosition, toHover } from '../convert';
import { readDocumentUri, readParams, readPosition } from '../params';

export function registerHover(context: ServerContext): ServerCapabilities {
  const { connection, links, analysisOf, guard } = context;
  connection.onHover(
    guard(
      'hover',
      async (params) => {
        const position = readPosition(readParams(params).position);
        const found = await analysisOf(readDocumentUri(params));
        if (!found) return null;
        const { analysis } = found;
        const result = hover(analysis, offsetOfPosition(analysis.lineIndex, position), links);
        return result ? toHover(analysis, result) : null;
      },
      null,
    ),
  );
  return { hoverProvider: true };
}
