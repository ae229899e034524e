/**
 * CloudFormation and SAM templates in the workbench. The server tells the extension which
 * open documents are templates (`awsflow/templateStatus`, as edits make one a template or
 * stop it being one); from that the extension keeps the `awsflowTemplate` context key (the
 * editor-title preview button and the import command in the palette show on templates
 * only, never on every YAML file) and offers the CodeLens "awsflow: Preview architecture"
 * at the top of a template.
 *
 * The CodeLens is the extension's, not the server's: the extension already knows which
 * documents are templates, so a lens costs no request per YAML file, and a file that is
 * not a template never waits on the server for an empty answer.
 */
import * as vscode from 'vscode';
import { TemplateStatusNotification, TEMPLATE_LANGUAGE_IDS } from '../protocol/lsp';
import { COMMANDS } from './command-ids';
import type { LanguageServer } from './language-server';

export const TEMPLATE_CONTEXT_KEY = 'awsflowTemplate';

export class Templates implements vscode.CodeLensProvider, vscode.Disposable {
  readonly #uris = new Set<string>();
  readonly #onDidChangeCodeLenses = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.#onDidChangeCodeLenses.event;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(server: LanguageServer) {
    this.#subscriptions.push(
      this.#onDidChangeCodeLenses,
      server.client.onNotification(TemplateStatusNotification.type, ({ uri, template }) => {
        if (template === this.#uris.has(uri)) return;
        if (template) this.#uris.add(uri);
        else this.#uris.delete(uri);
        this.#changed();
      }),
      // The server forgets a closed document; so does the extension (it says again when the document is opened again).
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.#uris.delete(document.uri.toString())) this.#changed();
      }),
      // A restarted server starts from nothing: it reports each open template again.
      server.onDidChangeState((state) => {
        if (state.kind !== 'running' && this.#uris.size > 0) {
          this.#uris.clear();
          this.#changed();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.#updateContext()),
      vscode.languages.registerCodeLensProvider(
        [...TEMPLATE_LANGUAGE_IDS.map((language) => ({ language })), { pattern: '**/*.template' }],
        this,
      ),
    );
  }

  isTemplate(uri: vscode.Uri): boolean {
    return this.#uris.has(uri.toString());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.isTemplate(document.uri)) return [];
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: 'awsflow: Preview architecture',
        tooltip: 'Draw the architecture this template describes, beside it (it follows your edits)',
        command: COMMANDS.showPreviewToSide,
        arguments: [document.uri],
      }),
    ];
  }

  dispose(): void {
    for (const subscription of this.#subscriptions) subscription.dispose();
    void vscode.commands.executeCommand('setContext', TEMPLATE_CONTEXT_KEY, false);
  }

  #changed(): void {
    this.#onDidChangeCodeLenses.fire();
    this.#updateContext();
  }

  #updateContext(): void {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', TEMPLATE_CONTEXT_KEY, editor !== undefined && this.isTemplate(editor.document.uri));
  }
}
