/**
 * CloudFormation and SAM templates: the server asks a client that can (dynamic
 * registration of text synchronisation: VS Code's does) to send it YAML and JSON
 * documents too, and answers `awsflow/importTemplate`. Their checking is in
 * diagnostics.ts, their diagram in diagram.ts; no other feature answers for them (see
 * `analysisOf`), and the static capabilities stay on the client's `.awsflow` selector, so
 * hover, completion and the rest are never even asked about a YAML file.
 */
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  TextDocumentSyncKind,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { GENERATED_HEADER, importTemplates, LineIndex } from '../../core/index';
import { ImportTemplateRequest, TEMPLATE_DOCUMENT_SELECTOR, type ImportTemplateResult } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { readString } from '../params';
import { templateTitle } from '../templates';

export function registerTemplates(context: ServerContext): ServerCapabilities {
  const { connection, guard } = context;
  context.whenInitialized(() => {
    if (context.clientCapabilities.textDocument?.synchronization?.dynamicRegistration !== true) return;
    const documentSelector = TEMPLATE_DOCUMENT_SELECTOR;
    void Promise.all([
      connection.client.register(DidOpenTextDocumentNotification.type, { documentSelector }),
      connection.client.register(DidChangeTextDocumentNotification.type, { documentSelector, syncKind: TextDocumentSyncKind.Incremental }),
      connection.client.register(DidCloseTextDocumentNotification.type, { documentSelector }),
    ]).catch((error: unknown) => context.log('template synchronisation', error));
  });

  connection.onRequest(
    ImportTemplateRequest.type,
    guard(
      'importTemplate',
      (params): ImportTemplateResult => {
        const uri = readString(params, 'uri');
        const text = readString(params, 'text');
        const title = templateTitle(uri);
        const result = importTemplates([{ name: title, text }], title);
        if (result.kind === 'imported') return { kind: 'imported', text: result.text, generatedHeader: GENERATED_HEADER };
        if (result.kind === 'not-a-template') return { kind: 'not-a-template' };
        const first = result.problems[0]!;
        return { kind: 'syntax-errors', message: first.message, line: new LineIndex(text).positionAt(first.start).line };
      },
      { kind: 'not-a-template' } as ImportTemplateResult,
    ),
  );
  return {};
}
