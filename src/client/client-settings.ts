/**
 * Settings only the extension reads (the server's are in src/protocol/settings.ts).
 * vscode-free: the manifest conformance test checks `package.json` against these.
 */
import type { Layout } from '../protocol/webview';

export const LAYOUTS: readonly Layout[] = ['dagre', 'elk'];

export interface ClientSettings {
  preview: {
    /** How the preview lays out the diagram until the user picks another layout for a file. */
    layout: Layout;
  };
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  preview: { layout: 'dagre' },
};

export function isLayout(value: unknown): value is Layout {
  return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value);
}
