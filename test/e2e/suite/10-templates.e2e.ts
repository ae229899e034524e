/**
 * CloudFormation and SAM templates in the real workbench: a SAM template opened as YAML
 * gets awsflow's diagnostics on its own lines and the CodeLens "awsflow: Preview
 * architecture"; the preview command draws it (nodes on the logical ids, a click reveals
 * the template line); the import command writes `<name>.awsflow` beside it, and never over
 * a file awsflow did not write. A plain YAML file gets none of it.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { AwsflowApi } from '../../../src/client/api';
import { diagnosticsWhere, EXTENSION_ID, openFixture, rangeText, ruleOf, waitFor, workspaceFile } from '../helpers';

function within<T>(what: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)),
  ]);
}

async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('CloudFormation and SAM templates', () => {
  let api: AwsflowApi;
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;

  before(async () => {
    editor = await openFixture('orders-sam.yaml');
    uri = editor.document.uri;
    assert.equal(editor.document.languageId, 'yaml', 'opened with its usual language');
    api = await vscode.extensions.getExtension<AwsflowApi>(EXTENSION_ID)!.activate();
    await within('the language server to start', api.ready);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['orders-sam.awsflow', 'orders-sam-2.awsflow'])
      if (await exists(workspaceFile(name))) await vscode.workspace.fs.delete(workspaceFile(name));
  });

  it('the SAM template gets awsflow diagnostics at its own ranges', async () => {
    const diagnostics = await diagnosticsWhere(uri, 'the template’s findings', (found) =>
      found.some((d) => ruleOf(d) === 'sqs/visibility-timeout'),
    );
    const placed = diagnostics.filter((d) => ruleOf(d) !== 'lambda/runtime').map((d) => `${ruleOf(d)} ${rangeText(d.range)}`);
    // Orders (line 4) has no dead-letter queue; its visibility timeout `30` (line 7) is shorter than the function's 60 s.
    assert.deepEqual(placed.sort(), ['sqs/no-dlq 4:2-4:8', 'sqs/visibility-timeout 7:25-7:27']);
  });

  it('a CodeLens "awsflow: Preview architecture" at the top of the template', async () => {
    const lenses = await waitFor('the CodeLens', async () => {
      const found = await codeLenses(uri);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]!.range.start.line, 0);
    assert.equal(lenses[0]!.command?.title, 'awsflow: Preview architecture');
    assert.equal(lenses[0]!.command?.command, 'awsflow.showPreviewToSide');
  });

  it('the preview draws the template: nodes on the logical ids, a click reveals the template line, edits redraw', async () => {
    await vscode.commands.executeCommand('awsflow.showPreviewToSide', uri);
    const rendered = await within('the template’s diagram', api.previews.whenRendered(uri, editor.document.version));
    assert.ok(rendered);
    const diagram = api.previews.lastDiagram(uri)!;
    assert.deepEqual(
      diagram.nodes.map((node) => `${node.resourceId} ${node.type} ${node.range.start.line}:${node.range.start.character}`),
      ['Orders sqs 4:2', 'Worker lambda 8:2'],
    );
    await api.previews.receive(uri, { type: 'revealResource', resourceId: 'Worker' });
    const revealed = await waitFor('the template revealed at Worker', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === uri.toString() && active.selection.start.line === 8 ? active : undefined;
    });
    assert.equal(revealed.document.getText(revealed.selection), 'Worker');
    // The preview follows edits: a new queue appears.
    const edited = await revealed.edit((edit) => edit.insert(new vscode.Position(4, 0), '  Audit:\n    Type: AWS::SQS::Queue\n'));
    assert.ok(edited);
    const version = revealed.document.version;
    await within('the edited template drawn', api.previews.whenRendered(uri, version));
    assert.ok(api.previews.lastDiagram(uri)!.nodes.some((node) => node.resourceId === 'Audit'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the import command writes <name>.awsflow beside the template, and never over a file awsflow did not write', async () => {
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const target = workspaceFile('orders-sam.awsflow');
    await vscode.commands.executeCommand('awsflow.importTemplate', uri);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^# Generated by awsflow import/);
    assert.match(text, /^ {2}Orders:\n {4}type: sqs$/m);
    assert.match(text, /^ {2}- Orders -> Worker/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the import is opened');
    // Importing again replaces awsflow's own file; a file of the user's is left alone.
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('awsflow: 1\n# mine\n'));
    await vscode.commands.executeCommand('awsflow.importTemplate', uri);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'awsflow: 1\n# mine\n');
    assert.match(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('orders-sam-2.awsflow'))),
      /^# Generated by awsflow import/,
    );
  });

  it('a plain YAML file gets nothing: no diagnostics, no CodeLens', async () => {
    const plain = await openFixture('notes.yaml');
    // The template opened before it has its findings: the server has read both by the time it answers a diagram request.
    const diagram = await api.client.sendRequest('awsflow/diagram', { textDocument: { uri: plain.document.uri.toString() } });
    assert.equal(diagram, null);
    assert.deepEqual(
      vscode.languages.getDiagnostics(plain.document.uri).filter((d) => d.source === 'awsflow'),
      [],
    );
    assert.deepEqual(await codeLenses(plain.document.uri), []);
  });
});
