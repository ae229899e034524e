/**
 * The first minute of editing, in the real editor: the skeleton snippet filled in
 * placeholder by placeholder without a word suggestion taking the place of what was
 * typed, and Enter indenting after `id:`, continuing a flow item with `- `, and ending
 * the list on an empty item. Keys are typed with the `type` command, which runs the
 * editor's own typing path (auto-indent, onEnterRules, quick suggestions).
 */
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceFile } from '../helpers';

let scratchFiles = 0;

/**
 * A new file of its own in the fixture workspace holding `content`, in an editor. Files,
 * not untitled documents: a closed untitled document's name is given to the next one,
 * and a request about the old one could then be answered from the new one.
 */
async function scratch(extension: string, content: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(`scratch-${process.pid}-${++scratchFiles}.${extension}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Closes a scratch editor without saving and deletes its file. */
async function discard(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.delete(editor.document.uri);
}

async function type(editor: vscode.TextEditor, text: string): Promise<void> {
  const before = editor.document.version;
  await vscode.commands.executeCommand('type', { text });
  await waitFor(`the typed ${JSON.stringify(text)} to reach the document`, () => editor.document.version > before);
}

/** Every completion item the editor has at the cursor: the language server's and the editor's own (word-based ones included). */
async function completionsAt(editor: vscode.TextEditor): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    editor.document.uri,
    editor.selection.active,
  );
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('editing: the first minute', () => {
  after(async () => {
    // A test that failed midway leaves its scratch editor dirty: closed without saving.
    for (let left = 10; left > 0 && vscode.window.activeTextEditor; left--)
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("awsflow files turn off word-based suggestions and quick suggestions inside a snippet (the manifest's language defaults)", () => {
    const awsflow = vscode.workspace.getConfiguration('editor', { languageId: 'awsflow' });
    assert.equal(awsflow.get('wordBasedSuggestions'), 'off');
    assert.equal(awsflow.get('suggest.snippetsPreventQuickSuggestions'), true);
    assert.equal(awsflow.get('tabCompletion'), 'off');
    // Other languages keep the editor's defaults.
    assert.notEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordBasedSuggestions'), 'off');
  });

  it('the skeleton completion, filled in with Tab between placeholders, gives the skeleton with the typed names and no word inserted', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    // The control: in a plain-text file the editor offers the words of the document, which is what Tab used to accept.
    const plain = await scratch('txt', 'worker orders\nwor');
    plain.selection = new vscode.Selection(1, 3, 1, 3);
    const words = await completionsAt(plain);
    assert.ok(
      words.some((item) => labelOf(item) === 'worker'),
      `word suggestions in plain text: ${words.map(labelOf).join(', ')}`,
    );
    await discard(plain);

    const editor = await scratch('awsflow', '');
    const skeleton = await waitFor('the skeleton completion in the empty file', async () =>
      (await completionsAt(editor)).find((item) => labelOf(item) === 'awsflow skeleton'),
    );
    assert.ok(skeleton.insertText instanceof vscode.SnippetString, 'the skeleton is a snippet');
    assert.equal(await editor.insertSnippet(skeleton.insertText, editor.selection.active), true);
    // The first placeholder (the name) is selected: type over it, then Tab on to the ids.
    assert.equal(editor.document.getText(editor.selection), 'my-architecture');
    const typed = ['orders-app', 'web', 'work', 'wor'];
    for (const [index, value] of typed.entries()) {
      await type(editor, value);
      // What Tab would accept here if anything were offered: the words of the file
      // (`worker`, `orders`...) were, before; now nothing is.
      const offered = await completionsAt(editor);
      assert.deepEqual(offered.map(labelOf), [], `nothing offered after typing ${JSON.stringify(value)} in placeholder ${index + 1}`);
      if (index < typed.length - 1) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    }
    await vscode.commands.executeCommand('leaveSnippet');
    const u = '  ';
    assert.equal(
      editor.document.getText(),
      [
        'awsflow: 1',
        'name: orders-app',
        '',
        'resources:',
        `${u}web:`,
        `${u}${u}type: api-gateway`,
        `${u}work:`,
        `${u}${u}type: sqs`,
        `${u}${u}visibilityTimeout: 3m`,
        `${u}${u}deadLetter: { target: work-dlq, maxReceiveCount: 5 }`,
        `${u}work-dlq:`,
        `${u}${u}type: sqs`,
        `${u}${u}retention: 14d`,
        `${u}wor:`,
        `${u}${u}type: lambda`,
        `${u}${u}memory: 512MB`,
        `${u}${u}timeout: 30s`,
        '',
        'flows:',
        `${u}- web -> work -> wor`,
        '',
      ].join('\n'),
    );
    await discard(editor);
  });

  describe('Enter', () => {
    /** Types Enter at the end of `line` (0-based) of `content`, then `then`, and returns the text. */
    async function enterAt(content: string, line: number, then = ''): Promise<string> {
      const editor = await scratch('awsflow', content);
      const end = editor.document.lineAt(line).range.end;
      editor.selection = new vscode.Selection(end, end);
      await type(editor, '\n');
      if (then) await type(editor, then);
      const text = editor.document.getText();
      await discard(editor);
      return text;
    }

    it('after a resource id (`id:`) indents the next line one step', async () => {
      assert.equal(await enterAt('awsflow: 1\nresources:\n  orders:', 2, 'type: sqs'), 'awsflow: 1\nresources:\n  orders:\n    type: sqs');
      assert.equal(await enterAt('awsflow: 1\nresources:', 1, 'orders:'), 'awsflow: 1\nresources:\n  orders:');
      // A comment after the colon changes nothing.
      assert.equal(
        await enterAt('awsflow: 1\nresources:\n  orders:  # the queue\n', 2, 'type: sqs'),
        'awsflow: 1\nresources:\n  orders:  # the queue\n    type: sqs\n',
      );
      // After a value the indentation stays.
      assert.equal(
        await enterAt('awsflow: 1\nresources:\n  orders:\n    type: sqs', 3, 'fifo: true'),
        'awsflow: 1\nresources:\n  orders:\n    type: sqs\n    fifo: true',
      );
    });

    it('on a flow item continues with `- ` at the same indentation; after `a -> b:` indents under the item', async () => {
      const flows = 'awsflow: 1\nresources:\n  a: { type: sqs }\n  b: { type: lambda }\nflows:\n  - a -> b';
      assert.equal(await enterAt(flows, 5, 'b -> a'), `${flows}\n  - b -> a`);
      assert.equal(await enterAt('flows:', 0, '- a -> b'), 'flows:\n  - a -> b');
      assert.equal(await enterAt(`${flows}:`, 5, 'batchSize: 10'), `${flows}:\n      batchSize: 10`);
    });

    it('on an empty `- ` item ends the list: the next line is outdented', async () => {
      const flows = 'awsflow: 1\nflows:\n  - a -> b\n  - ';
      assert.equal(await enterAt(flows, 3, 'x'), `${flows}\nx`);
    });
  });
});
