/**
 * The awsflow extension: wires the language client, the status item, the preview
 * manager and the commands. Everything registered goes into `context.subscriptions`.
 * `activate` returns the test API described in api.ts.
 */
import * as vscode from 'vscode';
import type { AwsflowApi } from './api';
import { registerCommands } from './commands';
import { LanguageServer } from './language-server';
import { PreviewManager } from './preview/preview-manager';
import { RuleDocs } from './rule-docs';
import { LanguageStatus } from './status';
import { Templates } from './templates';

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): AwsflowApi {
  const output = vscode.window.createOutputChannel('awsflow', { log: true });
  const ruleDocs = new RuleDocs(context.extensionUri, context.extension.id, output);
  server = new LanguageServer(context, output, ruleDocs.middleware());
  const status = new LanguageStatus(server);
  const templates = new Templates(server);
  const previews = new PreviewManager(context, server, output, (uri) => templates.isTemplate(uri));
  context.subscriptions.push(
    output,
    status,
    previews,
    templates,
    vscode.window.registerUriHandler(ruleDocs),
    ...registerCommands({ server, previews, output, ruleDocs }),
  );

  const ready = server.start().catch((error: unknown) => {
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  });
  // Failure is reported in the output and the status item; the API's promise still rejects for tests.
  ready.catch(() => undefined);

  const running = server;
  return {
    client: running.client,
    ready,
    server: { state: () => running.state, status: () => status.snapshot, onDidChangeState: running.onDidChangeState },
    previews: {
      active: () => previews.active(),
      all: () => previews.all(),
      lastDiagram: (uri) => previews.lastDiagram(uri),
      lastRendered: (uri) => previews.lastRendered(uri),
      whenRendered: (uri, minVersion) => {
        const preview = previews.find(uri);
        return preview ? preview.whenRendered(minVersion) : Promise.reject(new Error(`no preview of ${uri.toString()}`));
      },
      posted: (uri) => previews.posted(uri),
      receive: async (uri, message) => {
        const preview = previews.find(uri);
        if (!preview) throw new Error(`no preview of ${uri.toString()}`);
        await preview.receive(message);
      },
    },
  };
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
