/**
 * The extension's commands. The handler table is typed by COMMANDS, so a command
 * declared there (and in package.json, which a conformance test checks) cannot go
 * without a handler.
 */
import * as vscode from 'vscode';
import { COMMANDS, type CommandName } from './command-ids';
import type { LanguageServer } from './language-server';
import type { PreviewManager } from './preview/preview-manager';
import { importTemplate } from './import-template';
import type { RuleDocs } from './rule-docs';

export interface CommandContext {
  server: LanguageServer;
  previews: PreviewManager;
  output: vscode.LogOutputChannel;
  ruleDocs: RuleDocs;
}

type Handler = (...args: unknown[]) => unknown;

export function commandHandlers({ server, previews, output, ruleDocs }: CommandContext): Record<CommandName, Handler> {
  return {
    // From the editor title or the explorer, VS Code passes the file's URI; from the palette or a key, nothing.
    showPreview: (uri) => previews.show(asUri(uri), { toSide: false, locked: false }),
    showPreviewToSide: (uri) => previews.show(asUri(uri), { toSide: true, locked: false }),
    showLockedPreviewToSide: (uri) => previews.show(asUri(uri), { toSide: true, locked: true }),
    restartServer: async () => {
      output.info('Restarting the language server (command).');
      try {
        await server.restart();
      } catch (error) {
        output.error(`The language server did not restart: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage('awsflow: the language server did not restart. See the output for details.');
      }
    },
    showOutput: () => output.show(true),
    // A rule id (from a hover's or a setting's link) or a diagnostic's rule link.
    showRuleDocs: (rule) => ruleDocs.show(rule),
    // From the explorer, the file's URI; from the palette, the active editor's template.
    importTemplate: (uri) => importTemplate(server, asUri(uri)),
  };
}

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const handlers = commandHandlers(context);
  return (Object.keys(COMMANDS) as CommandName[]).map((name) => vscode.commands.registerCommand(COMMANDS[name], handlers[name]));
}

function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}
