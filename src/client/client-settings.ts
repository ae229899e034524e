/**
 * Settings only the extension reads (the server's are in src/protocol/settings.ts).
 * vscode-free: the manifest conformance test checks `package.json` against these.
 */
import type { Layout } from '../protocol/webview';

export const LAYOUTS: readonly Layout[] = ['dagre', 'elk'];

export interface ClientSettings {
  preview: {
    /** How the preview lays out the diagram; picking a layout in the preview's toolbar writes it (see `layoutSettingTarget`). */
    layout: Layout;
  };
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  preview: { layout: 'dagre' },
};

export function isLayout(value: unknown): value is Layout {
  return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value);
}

/** Where a settings write goes (vscode's ConfigurationTarget, by name). */
export type SettingTarget = 'global' | 'workspace' | 'workspaceFolder';

/**
 * Where a layout picked in the toolbar is written: the workspace's settings, so it holds
 * for every file of the project and every preview; the folder's when a folder setting
 * already decides (a workspace value would be shadowed by it, and the pick lost); the
 * user's settings when no folder is open (there are no workspace settings to write).
 */
export function layoutSettingTarget(current: { readonly workspaceFolderValue?: unknown } | undefined, folderOpen: boolean): SettingTarget {
  if (current?.workspaceFolderValue !== undefined) return 'workspaceFolder';
  return folderOpen ? 'workspace' : 'global';
}
