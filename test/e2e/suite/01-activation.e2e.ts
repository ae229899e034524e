/**
 * The extension as VS Code loads it: opening an .awsflow file gives it the `awsflow`
 * language and activates the extension, which registers its commands.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { AwsflowApi } from '../../../src/client/api';
import { EXTENSION_ID, openFixture, waitFor } from '../helpers';

describe('activation', () => {
  it('opening mistakes.awsflow gives it the awsflow language and activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
    const editor = await openFixture('mistakes.awsflow');
    assert.equal(editor.document.languageId, 'awsflow');
    await waitFor('the extension to activate', () => extension.isActive);
  });

  it('registers the commands the manifest contributes', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'awsflow.showPreview',
      'awsflow.showPreviewToSide',
      'awsflow.restartServer',
      'awsflow.showOutput',
      'awsflow.showRuleDocs',
    ]) {
      assert.ok(commands.has(id), `command ${id} is not registered`);
    }
  });

  it('a visible status bar item with the counts, and a label in plain words for screen readers', async () => {
    const editor = await openFixture('mistakes.awsflow');
    const api = vscode.extensions.getExtension<AwsflowApi>(EXTENSION_ID)!.exports;
    const status = await waitFor('the counts of mistakes.awsflow', () => {
      const now = api.server.status();
      return now.text.startsWith('$(error)') ? now : undefined;
    });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    assert.equal(status.visible, true);
    assert.match(status.accessibilityLabel ?? '', /^awsflow: \d+ errors?, \d+ warnings? in this file$/);
    assert.ok(!status.accessibilityLabel!.includes('$('), status.accessibilityLabel);
  });
});
