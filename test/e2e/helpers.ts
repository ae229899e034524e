/**
 * What the extension-host suites share: opening the fixture workspace's files, waiting
 * for the language server (never a fixed sleep), and reading a diagnostic's rule id.
 */
import * as vscode from 'vscode';

/** The extension under test: `publisher.name` from package.json. */
export const EXTENSION_ID = 'awsflow.awsflow';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e workbench was opened without its fixture workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture in an editor (which is what activates the extension). */
export async function openFixture(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/**
 * Polls until `probe` returns something other than undefined (or false); fails with the
 * last value seen described by `what`, so a timeout says what never happened.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The rule id: the language client turns `code` + `codeDescription` into `{ value, target }`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** `line:character-line:character`, zero-based, for readable range comparisons. */
export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Waits until the diagnostics of `uri` satisfy `accept`, and returns them. */
export function diagnosticsWhere(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'awsflow');
      return accept(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
  );
}

/** Drops unsaved edits a test made, so the next suite sees the fixture as it is on disk. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  if (!document.isDirty) return;
  const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
  await vscode.window.showTextDocument(document, editor.viewColumn);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  // The dirty flag and the text reach the extension host in separate messages: wait for
  // the text too, or the next test may read the old document version.
  await waitFor('the document to be reverted', () => !document.isDirty && document.getText() === onDisk);
}
