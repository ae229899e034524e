/** Inlay hints in the requested range (durations and sizes in plain units, …). */
import type { InlayHint, ServerCapabilities } from 'vscode-languageserver';
import { inlayHints } from '../../core/index';
import type { ServerContext } from '../context';
import { offsetsOfRange, toInlayHint } from '../convert';
import { readDocumentUri, readParams, readRange } from '../params';

export function registerInlayHints(context: ServerContext): ServerCapabilities {
  const { connection, analysisOf, guard } = context;
  connection.languages.inlayHint.on(
    guard(
      'inlayHint',
      async (params) => {
        const requested = readRange(readParams(params).range);
        const found = await analysisOf(readDocumentUri(params));
        if (!found) return [];
        const range = offsetsOfRange(found.analysis.lineIndex, requested);
        return inlayHints(found.analysis, range).map((hint) => toInlayHint(found.analysis, hint));
      },
      [] as InlayHint[],
    ),
  );
  return { inlayHintProvider: true };
}
