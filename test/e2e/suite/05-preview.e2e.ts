/**
 * The live preview in the real workbench: the command opens a webview beside the editor,
 * the webview draws the server's diagram (it reports `rendered`, which the extension's
 * test API exposes), redraws as the text changes, and a click on a node selects the
 * resource's definition. The click is simulated through the test API, which hands the
 * message to the same runtime checks a real webview message goes through; the UI run
 * (test/e2e/ui.mjs) clicks a real node.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { AwsflowApi } from '../../../src/client/api';
import { EXTENSION_ID, openFixture, rangeText, revert, waitFor } from '../helpers';

const RESOURCES = [
  'api',
  'intake',
  'slow-worker',
  'orders.fifo',
  'orders-dlq',
  'order-handler',
  'sync-handler',
  'events',
  'events-copy',
  'tick',
  'worker',
];

/** Fails instead of hanging when the webview never reports. */
function within<T>(what: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)),
  ]);
}

function previewTabs(): { tab: vscode.Tab; column: vscode.ViewColumn }[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('awsflow.preview'))
      .map((tab) => ({ tab, column: group.viewColumn })),
  );
}

describe('preview', () => {
  let api: AwsflowApi;
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;

  before(async () => {
    editor = await openFixture('mistakes.awsflow');
    uri = editor.document.uri;
    api = await vscode.extensions.getExtension<AwsflowApi>(EXTENSION_ID)!.activate();
    await within('the language server to start', api.ready);
  });

  after(async () => {
    await revert(editor);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Open Preview to the Side" opens the preview beside the editor and the webview draws every resource', async () => {
    await vscode.commands.executeCommand('awsflow.showPreviewToSide', uri);
    const rendered = await within('the webview to draw the diagram', api.previews.whenRendered(uri, editor.document.version));
    const diagram = api.previews.lastDiagram(uri);
    assert.ok(diagram, "the preview received the server's diagram");
    assert.deepEqual(
      diagram.nodes.map((node) => node.resourceId),
      RESOURCES,
    );
    assert.equal(rendered.nodes, RESOURCES.length, 'the webview drew every node');
    assert.equal(rendered.edges, diagram.edges.length, 'the webview drew every edge');
    assert.equal(diagram.edges.length, 9);

    // Findings are on the diagram: the function with a 20m timeout is marked as an error.
    const slowWorker = diagram.nodes.find((node) => node.resourceId === 'slow-worker')!;
    assert.equal(slowWorker.severity, 'error');
    assert.ok(
      slowWorker.messages.some((message) => message.includes('15 minutes maximum')),
      slowWorker.messages.join(' | '),
    );

    const tabs = previewTabs();
    assert.equal(tabs.length, 1, 'one preview');
    assert.equal(tabs[0]!.column, vscode.ViewColumn.Two, 'beside the editor, which is in column one');
    const snapshot = api.previews.all().find((preview) => preview.uri === uri.toString());
    assert.ok(snapshot, 'the preview is of mistakes.awsflow');
    assert.equal(snapshot.locked, false);
  });

  it('redraws as the user types: a resource added to the text appears in the drawing', async () => {
    const line = editor.document.getText().split('\n').indexOf('flows:');
    assert.ok(line > 0);
    const insertion = '  audit-log:\n    type: sqs\n    encryption: sqs-managed\n';
    assert.equal(await editor.edit((edit) => edit.insert(new vscode.Position(line - 1, 0), insertion)), true);
    const rendered = await within('the webview to draw the edited text', api.previews.whenRendered(uri, editor.document.version));
    assert.equal(rendered.nodes, RESOURCES.length + 1, `drawn for version ${rendered.version} (document at ${editor.document.version})`);
    assert.ok(api.previews.lastDiagram(uri)!.nodes.some((node) => node.resourceId === 'audit-log'));

    // Typing it away again: the node goes.
    assert.equal(await editor.edit((edit) => edit.delete(new vscode.Range(line - 1, 0, line + 2, 0))), true);
    const removed = await within('the webview to draw the text without it', api.previews.whenRendered(uri, editor.document.version));
    assert.equal(removed.nodes, RESOURCES.length, `drawn for version ${removed.version} (document at ${editor.document.version})`);
  });

  it("a click on a node (revealResource) selects the resource's definition in the editor", async () => {
    const node = api.previews.lastDiagram(uri)!.nodes.find((candidate) => candidate.resourceId === 'slow-worker')!;
    assert.equal(
      rangeText(new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character)),
      '12:2-12:13',
    );
    await api.previews.receive(uri, { type: 'revealResource', resourceId: 'slow-worker' });
    const active = await waitFor('an editor of mistakes.awsflow to be active', () => {
      const candidate = vscode.window.activeTextEditor;
      return candidate?.document.uri.toString() === uri.toString() ? candidate : undefined;
    });
    assert.equal(rangeText(active.selection), '12:2-12:13');
    assert.equal(active.document.getText(active.selection), 'slow-worker');
    assert.equal(active.viewColumn, vscode.ViewColumn.One, 'the source opens where it was, not over the preview');
  });

  it('a webview message that fails the runtime checks changes nothing', async () => {
    const before = rangeText(vscode.window.activeTextEditor!.selection);
    await api.previews.receive(uri, { type: 'revealResource', resourceId: '<img src=x onerror=alert(1)>' });
    await api.previews.receive(uri, { type: 'revealResource', resourceId: 'no-such-resource' });
    assert.equal(rangeText(vscode.window.activeTextEditor!.selection), before);
  });

  it('moving the cursor onto a resource highlights its node in the preview', async () => {
    const active = await openFixture('mistakes.awsflow');
    const line = active.document.getText().split('\n').indexOf('  orders.fifo:') + 2;
    active.selection = new vscode.Selection(line, 6, line, 6);
    await waitFor('a highlight message for orders.fifo', () => {
      const highlights = api.previews.posted(uri).filter((message) => message.type === 'highlight');
      const last = highlights[highlights.length - 1];
      return last?.type === 'highlight' && last.resourceId === 'orders.fifo';
    });
    // And off it, onto the top-level keys, the highlight goes.
    active.selection = new vscode.Selection(1, 0, 1, 0);
    await waitFor('the highlight to be cleared', () => {
      const highlights = api.previews.posted(uri).filter((message) => message.type === 'highlight');
      const last = highlights[highlights.length - 1];
      return last?.type === 'highlight' && last.resourceId === null;
    });
  });

  it('picking a layout in the toolbar writes awsflow.preview.layout to the workspace settings, and the next structural edit keeps it', async () => {
    const setting = () => vscode.workspace.getConfiguration('awsflow', uri).inspect<string>('preview.layout');
    assert.equal(setting()?.workspaceValue, undefined, 'nothing picked yet');
    const active = await openFixture('mistakes.awsflow');
    try {
      await api.previews.receive(uri, { type: 'setLayout', layout: 'elk' });
      assert.equal(setting()?.workspaceValue, 'elk', 'written to the workspace settings');
      assert.equal(setting()?.globalValue, undefined, 'not to the user settings');
      assert.equal(api.previews.all().find((preview) => preview.uri === uri.toString())?.layout, 'elk');
      // A structural edit (a new resource): the next drawing is still in ELK.
      const line = active.document.getText().split('\n').indexOf('flows:');
      const versionBefore = active.document.version;
      assert.equal(
        await active.edit((edit) =>
          edit.insert(new vscode.Position(line - 1, 0), '  audit-log:\n    type: sqs\n    encryption: sqs-managed\n'),
        ),
        true,
      );
      const rendered = await within('the webview to draw the edited text', api.previews.whenRendered(uri, active.document.version));
      assert.equal(rendered.nodes, RESOURCES.length + 1);
      const renders = api.previews.posted(uri).filter((message) => message.type === 'render' && message.version > versionBefore);
      assert.ok(renders.length > 0, 'the edit was sent to be drawn');
      assert.deepEqual(
        renders.map((message) => message.type === 'render' && message.layout),
        renders.map(() => 'elk'),
      );
      assert.equal(setting()?.workspaceValue, 'elk');
    } finally {
      await vscode.workspace.getConfiguration('awsflow', uri).update('preview.layout', undefined, vscode.ConfigurationTarget.Workspace);
      await revert(active);
    }
  });
});
