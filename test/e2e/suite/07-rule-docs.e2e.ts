/**
 * Rule documentation opens inside VS Code, from the page shipped with the extension:
 * a diagnostic's rule link goes to the extension's URI handler, the showRuleDocs command
 * opens the page in the Markdown preview, and a hover's rule link is a trusted command.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/client/command-ids';
import { EXTENSION_ID, diagnosticsWhere, openFixture, ruleOf, waitFor } from '../helpers';

function previewTabOf(fileName: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && tab.label.includes(fileName),
    );
}

describe('rule documentation', () => {
  it("a diagnostic's rule link opens the local page in the Markdown preview", async () => {
    const editor = await openFixture('mistakes.awsflow');
    const diagnostics = await diagnosticsWhere(editor.document.uri, 'the timeout finding', (list) =>
      list.some((d) => ruleOf(d) === 'lambda/timeout-limit'),
    );
    const timeout = diagnostics.find((d) => ruleOf(d) === 'lambda/timeout-limit')!;
    const target = (timeout.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, vscode.env.uriScheme);
    assert.equal(target.authority, EXTENSION_ID);
    assert.equal(target.path, '/rule-docs');
    assert.equal(new URLSearchParams(target.query).get('rule'), 'lambda/timeout-limit');

    const page = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'docs/rules/lambda/timeout-limit.md');
    assert.equal((await vscode.workspace.fs.stat(page)).type, vscode.FileType.File);
    assert.equal(previewTabOf('timeout-limit.md'), undefined);
    await vscode.commands.executeCommand(COMMANDS.showRuleDocs, target);
    const tab = await waitFor('the Markdown preview of timeout-limit.md', () => previewTabOf('timeout-limit.md'));
    assert.ok(tab.isActive);
    await vscode.window.tabGroups.close(tab);
  });

  it("a hover's rule link runs the trusted command for that rule", async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'awsflow',
      content: 'awsflow: 1\nrules:\n  sqs/no-dlq: off\nresources: {}\n',
    });
    await vscode.window.showTextDocument(document);
    const hovers = await waitFor('a hover on the rule id', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        new vscode.Position(2, 5),
      );
      return found.length > 0 ? found : undefined;
    });
    const contents = hovers
      .flatMap((hover) => hover.contents)
      .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
    const withLink = contents.find((content) => content.value.includes('[Documentation]('));
    assert.ok(withLink, JSON.stringify(contents.map((content) => content.value)));
    assert.ok(withLink.value.endsWith(`[Documentation](command:${COMMANDS.showRuleDocs}?%5B%22sqs%2Fno-dlq%22%5D)`), withLink.value);
    assert.ok(!withLink.value.includes('file:'), 'no raw file link left');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
