/**
 * Copy Mermaid in the real workbench: the preview's button asks which text to copy in a
 * QuickPick; the first choice is the plain flowchart the language server makes, which
 * lands on the real clipboard. The QuickPick is answered with the workbench's own accept
 * command, as the Enter key would; nothing is stubbed.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { AwsflowApi } from '../../../src/client/api';
import { EXTENSION_ID, openFixture, waitFor } from '../helpers';

describe('copy Mermaid', () => {
  let api: AwsflowApi;
  let uri: vscode.Uri;

  before(async () => {
    const editor = await openFixture('fanout.awsflow');
    uri = editor.document.uri;
    api = await vscode.extensions.getExtension<AwsflowApi>(EXTENSION_ID)!.activate();
    await api.ready;
    await vscode.commands.executeCommand('awsflow.showPreviewToSide', uri);
    await api.previews.whenRendered(uri, editor.document.version);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the plain flowchart (the first choice) is copied: standard syntax, the name as its title, no icons', async () => {
    await vscode.env.clipboard.writeText('before');
    let settled = false;
    // As the toolbar button posts it; the QuickPick opens and waits for the user.
    const copying = api.previews.receive(uri, { type: 'copySource' }).finally(() => {
      settled = true;
    });
    // Enter on the QuickPick: a no-op until it is shown, so it is pressed until the copy completes.
    await waitFor('the QuickPick to be answered', async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    await copying;
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /^---\ntitle: "order-events fan-out"\n---\nflowchart LR\n/);
    assert.match(text, /^ {2}order_events\{\{"order-events \(SNS topic\)"\}\}$/m);
    assert.match(text, /^ {2}checkout -->\|"40\/s"\| order_events$/m);
    assert.doesNotMatch(text, /@\{|<br|<small>|classDef (error|warning)/);
  });
});
