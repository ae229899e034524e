/**
 * "awsflow: Import template as .awsflow": the server imports the template's text (the
 * editor's, saved or not), and the extension writes `<name>.awsflow` beside it and opens
 * it. A file of that name that awsflow did not write (its first line is not the import's
 * header) is never overwritten: the next free name is taken instead (`<name>-2.awsflow`, …),
 * and the message says so. One awsflow wrote before is replaced, as `awsflow import
 * --output` does.
 */
import * as vscode from 'vscode';
import { ImportTemplateRequest } from '../protocol/lsp';
import type { LanguageServer } from './language-server';

/** How many other names are tried before giving up (every one taken by a file of the user's). */
const MAX_OTHER_NAMES = 99;

export async function importTemplate(server: LanguageServer, resource: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const target = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('awsflow: open a CloudFormation or SAM template to import it.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const result = await server.client.sendRequest(ImportTemplateRequest.type, { uri: target.toString(), text: document.getText() });
  const name = fileName(target);
  if (result.kind === 'not-a-template') {
    void vscode.window.showErrorMessage(
      `awsflow: ${name} is not a CloudFormation or SAM template (no AWSTemplateFormatVersion, no SAM Transform, no Resources of AWS:: types).`,
    );
    return undefined;
  }
  if (result.kind === 'syntax-errors') {
    void vscode.window.showErrorMessage(
      `awsflow: ${name} does not parse (line ${result.line + 1}: ${result.message}); fix it and import again.`,
    );
    return undefined;
  }
  const base = name.replace(/\.(?:ya?ml|json|template)$/i, '') || name;
  const folder = vscode.Uri.joinPath(target, '..');
  let written: vscode.Uri | undefined;
  for (let attempt = 1; attempt <= MAX_OTHER_NAMES + 1 && !written; attempt++) {
    const candidate = vscode.Uri.joinPath(folder, `${base}${attempt === 1 ? '' : `-${attempt}`}.awsflow`);
    if (await ours(candidate, result.generatedHeader)) written = candidate;
  }
  if (!written) {
    void vscode.window.showErrorMessage(
      `awsflow: no free name for the import beside ${name} (${base}.awsflow to ${base}-${MAX_OTHER_NAMES + 1}.awsflow are taken).`,
    );
    return undefined;
  }
  await vscode.workspace.fs.writeFile(written, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(written, { preview: false });
  const wanted = `${base}.awsflow`;
  if (fileName(written) !== wanted)
    void vscode.window.showInformationMessage(
      `awsflow: ${wanted} is a file awsflow did not write; the import went to ${fileName(written)}.`,
    );
  return written;
}

/** Free, or a file an earlier import wrote (so it may be replaced). */
async function ours(uri: vscode.Uri, header: string): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return true;
  }
  return new TextDecoder().decode(bytes.subarray(0, 200)).startsWith(header);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
