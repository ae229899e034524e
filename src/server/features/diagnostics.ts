/**
 * Diagnostics: each document checked when opened, after edits (debounced, see
 * `AnalysisCache.schedule`) and when the settings change; cleared when closed. A set is
 * published only for the version that is still current, tagged with that version.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';

export function registerDiagnostics(context: ServerContext): ServerCapabilities {
  const { connection, documents, cache, settings, links, analysisOf, log } = context;

  async function validate(uri: string): Promise<void> {
    try {
      const result = await analysisOf(uri);
      if (!result) return;
      const { document, analysis } = result;
      // A newer version came in meanwhile: its own check is scheduled; these would be stale.
      if (documents.get(uri)?.version !== document.version) return;
      const diagnostics = analysis.findings.map((finding) => toDiagnostic(analysis, uri, finding, links));
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      log('validation', error);
    }
  }

  settings.onDidChange(() => {
    for (const document of documents.all()) void validate(document.uri);
  });

  documents.onDidOpen((event) => void validate(event.document.uri));
  documents.onDidChangeContent((event) => {
    if (event.document.version <= 1 && !cache.latest(event.document.uri)) return; // the open handler checks it
    void settings
      .for(event.document.uri)
      .then((current) => cache.schedule(event.document.uri, current.validate.delay, () => void validate(event.document.uri)));
  });
  documents.onDidClose((event) => {
    cache.close(event.document.uri);
    settings.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  return {};
}
