/**
 * Diagnostics: each document checked when opened, after edits (debounced, see
 * `AnalysisCache.schedule`) and when the settings change; cleared when closed. A set is
 * published only for the version that is still current, tagged with that version.
 *
 * A YAML or JSON document (a possible CloudFormation or SAM template) gets diagnostics
 * only while it is a template and `awsflow.templates.diagnostics` is on; one that is not
 * gets nothing published at all (an empty set only to clear what an earlier version, a
 * template then, had). The client is told when a document becomes a template or stops
 * being one (`awsflow/templateStatus`), for its preview button and CodeLens.
 */
import type { Diagnostic, ServerCapabilities } from 'vscode-languageserver';
import { TemplateStatusNotification } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';
import { isAwsflowDocument } from '../templates';

/** What the client was last told about a possible template. */
interface TemplateShown {
  template: boolean;
  /** Diagnostics were published (so an empty set must clear them when it stops being a template). */
  published: boolean;
}

export function registerDiagnostics(context: ServerContext): ServerCapabilities {
  const { connection, documents, cache, settings, links, analysisOf, templateOf, log } = context;
  const templates = new Map<string, TemplateShown>();

  async function validate(uri: string): Promise<void> {
    const open = documents.get(uri);
    if (!open) return;
    if (isAwsflowDocument(open)) await validateAwsflow(uri);
    else await validateTemplate(uri);
  }

  async function validateAwsflow(uri: string): Promise<void> {
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

  async function validateTemplate(uri: string): Promise<void> {
    try {
      const current = settings.for(uri);
      const found = await templateOf(uri);
      if (!found) return;
      const { document, result } = found;
      if (documents.get(uri)?.version !== document.version) return;
      const template = result.template;
      const shown = templates.get(uri) ?? { template: false, published: false };
      templates.set(uri, shown);
      if (shown.template !== (template !== undefined)) {
        shown.template = template !== undefined;
        await connection.sendNotification(TemplateStatusNotification.type, { uri, template: shown.template });
      }
      let diagnostics: Diagnostic[] = [];
      if (template && (await current).templates.diagnostics) {
        const findings = template.check.findings;
        diagnostics = findings.map((finding) => toDiagnostic(template, uri, finding, links));
      }
      if (documents.get(uri)?.version !== document.version) return;
      // Nothing to say and nothing said before: a YAML file that is not a template hears nothing from awsflow.
      if (diagnostics.length === 0 && !shown.published) return;
      shown.published = diagnostics.length > 0;
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      log('template validation', error);
    }
  }

  settings.onDidChange(() => {
    for (const document of documents.all()) void validate(document.uri);
  });

  documents.onDidOpen((event) => void validate(event.document.uri));
  documents.onDidChangeContent((event) => {
    const { uri, version } = event.document;
    // The open handler checks it (an awsflow document has its analysis; a template, its status).
    if (version <= 1 && !cache.latest(uri) && !templates.has(uri)) return;
    void settings.for(uri).then((current) => cache.schedule(uri, current.validate.delay, () => void validate(uri)));
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    cache.close(uri);
    settings.forget(uri);
    const shown = templates.get(uri);
    templates.delete(uri);
    if (isAwsflowDocument(event.document) || shown?.published) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  return {};
}
