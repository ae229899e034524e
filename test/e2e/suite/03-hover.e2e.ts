/**
 * Hover through VS Code's own hover command (what the mouse triggers): the language
 * server's Markdown on a resource type, with the range it covers.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, rangeText, waitFor } from '../helpers';

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
}

describe('hover', () => {
  it('on a resource type: the service, its description and its AWS limits', async () => {
    const editor = await openFixture('mistakes.awsflow');
    const line = 13;
    assert.equal(editor.document.lineAt(line).text, '    type: lambda', "fixture moved: line 14 should be slow-worker's type");
    const hovers = await waitFor('a hover from the language server', async () => {
      const list = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        new vscode.Position(line, 12),
      );
      return list.length > 0 ? list : undefined;
    });
    assert.equal(hovers.length, 1, 'one hover provider answers for .awsflow files');
    const hover = hovers[0]!;
    const text = markdownOf(hover);
    assert.match(text, /^\*\*`lambda`\*\* — /);
    assert.match(text, /\*\*AWS limits\*\*/);
    assert.match(text, /^- `timeout`: /m);
    assert.equal(rangeText(hover.range!), '13:10-13:16');
  });
});
