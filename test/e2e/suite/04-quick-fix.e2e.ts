/**
 * A quick fix as the light bulb applies it: VS Code asks the server for code actions at
 * the cursor, the workspace applies the chosen one's edit, and the server re-checks the
 * edited text. The comment on the fixed line must survive.
 */
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsWhere, openFixture, revert, ruleOf, waitFor } from '../helpers';

describe('quick fix', () => {
  let editor: vscode.TextEditor | undefined;
  after(async () => {
    if (editor) await revert(editor);
  });

  it('lambda/timeout-limit → "Set the timeout to 15m": applied, the comment kept, the finding gone', async () => {
    editor = await openFixture('mistakes.awsflow');
    const uri = editor.document.uri;
    const line = 14;
    assert.equal(editor.document.lineAt(line).text, '    timeout: 20m                   # expect: lambda/timeout-limit');
    await diagnosticsWhere(uri, 'the lambda/timeout-limit finding', (list) => list.some((d) => ruleOf(d) === 'lambda/timeout-limit'));

    const cursor = new vscode.Range(line, 14, line, 14);
    const actions = await waitFor('code actions at the timeout', async () => {
      const list = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        cursor,
        vscode.CodeActionKind.QuickFix.value,
      );
      return list.length > 0 ? list : undefined;
    });
    const fix = actions.find((action) => action.title === 'Set the timeout to 15m');
    assert.ok(fix, `no "Set the timeout to 15m" among: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix carries its edit');

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(editor.document.lineAt(line).text, '    timeout: 15m                   # expect: lambda/timeout-limit');
    assert.equal(editor.document.lineCount, 56, 'the fix changed only the one value');

    // The server checks the edited text: the finding goes, and a rule that used the old
    // value (the queue's visibility timeout against the function's timeout) now names 15m.
    const after = await diagnosticsWhere(
      uri,
      'the lambda/timeout-limit finding to go',
      (list) => list.length > 0 && !list.some((d) => ruleOf(d) === 'lambda/timeout-limit'),
    );
    const visibility = after.find((d) => ruleOf(d) === 'sqs/visibility-timeout' && d.range.start.line === 10);
    assert.ok(visibility, 'the visibility-timeout finding on intake stays');
    assert.match(visibility.message, /below the 15m timeout of slow-worker/);
  });
});
