/**
 * The language status item shown for awsflow files: the server's state (busy while it
 * starts or restarts) and the active file's error and warning counts. Clicking it shows
 * the output, or restarts the server once it has given up.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './command-ids';
import type { LanguageServer } from './language-server';
import { problemsOf } from './problems';
import { describeStatus } from './status-text';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

/** What the item shows (for the test API). */
export interface StatusSnapshot {
  text: string;
  detail: string | undefined;
  busy: boolean;
  severity: vscode.LanguageStatusSeverity;
  /** The command a click on the item runs. */
  command: string | undefined;
}

export class LanguageStatus implements vscode.Disposable {
  readonly #item = vscode.languages.createLanguageStatusItem('awsflow.status', { language: 'awsflow' });
  readonly #subscriptions: vscode.Disposable[] = [];
  /** What the item shows, as set last. */
  #shownKey: string | undefined;

  constructor(private readonly server: LanguageServer) {
    this.#item.name = 'awsflow';
    this.#subscriptions.push(
      this.#item,
      server.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = this.#activeDocument();
        if (active && event.uris.some((uri) => uri.toString() === active.uri.toString())) this.update();
      }),
    );
    this.update();
  }

  /** What the item shows now (for tests). */
  get snapshot(): StatusSnapshot {
    return { text: this.#item.text, detail: this.#item.detail, busy: this.#item.busy, severity: this.#item.severity, command: this.#item.command?.command };
  }

  update(): void {
    const document = this.#activeDocument();
    const content = describeStatus(this.server.state, document ? problemsOf(document.uri) : undefined);
    // Diagnostics arrive with each check of the active file, several a second while typing.
    // Every property set is a message to the workbench, which draws the item again: touch
    // the item only when what it shows changes.
    const key = JSON.stringify(content);
    if (key === this.#shownKey) return;
    this.#shownKey = key;
    this.#item.text = content.text;
    this.#item.detail = content.detail;
    this.#item.severity = SEVERITY[content.severity];
    this.#item.busy = content.busy;
    this.#item.command = content.action === 'restartServer'
      ? { title: 'Restart', command: COMMANDS.restartServer, tooltip: 'Restart the awsflow language server' }
      : { title: 'Show Output', command: COMMANDS.showOutput, tooltip: 'Show the awsflow language server output' };
  }

  dispose(): void {
    for (const subscription of this.#subscriptions) subscription.dispose();
  }

  #activeDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'awsflow' ? document : undefined;
  }
}
