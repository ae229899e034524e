/** Typed reads of the extension's own settings (the server reads its settings itself). */
import * as vscode from 'vscode';
import { DEFAULT_CLIENT_SETTINGS, isLayout } from './client-settings';
import type { Layout } from '../protocol/webview';

export const LAYOUT_SETTING = 'awsflow.preview.layout';

export function previewLayoutSetting(resource: vscode.Uri | undefined): Layout {
  const value = vscode.workspace.getConfiguration('awsflow', resource).get<unknown>('preview.layout');
  return isLayout(value) ? value : DEFAULT_CLIENT_SETTINGS.preview.layout;
}
