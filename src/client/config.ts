/** Typed reads of the extension's own settings (the server reads its settings itself). */
import * as vscode from 'vscode';
import { DEFAULT_CLIENT_SETTINGS, isLayout, layoutSettingTarget } from './client-settings';
import type { Layout } from '../protocol/webview';

export const LAYOUT_SETTING = 'awsflow.preview.layout';

export function previewLayoutSetting(resource: vscode.Uri | undefined): Layout {
  const value = vscode.workspace.getConfiguration('awsflow', resource).get<unknown>('preview.layout');
  return isLayout(value) ? value : DEFAULT_CLIENT_SETTINGS.preview.layout;
}

/** Writes the layout picked in the preview's toolbar to the settings (see `layoutSettingTarget`). */
export async function writePreviewLayoutSetting(resource: vscode.Uri, layout: Layout): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('awsflow', resource);
  const target = layoutSettingTarget(configuration.inspect('preview.layout'), (vscode.workspace.workspaceFolders?.length ?? 0) > 0);
  const targets = {
    global: vscode.ConfigurationTarget.Global,
    workspace: vscode.ConfigurationTarget.Workspace,
    workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
  } as const;
  await configuration.update('preview.layout', layout, targets[target]);
}
