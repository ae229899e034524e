/**
 * What the extension tells a preview page at start, and what the page keeps for the
 * extension across a window reload. The page's settings travel in the HTML
 * (`#awsflow-preview-settings[data-settings]`, see src/client/preview/html.ts); the
 * webview copies the document's identity from them into its state (`vscode.setState`),
 * which VS Code keeps with the panel and hands to the extension's
 * `WebviewPanelSerializer` after a reload. Both directions are untrusted and checked.
 */
import type { Layout } from './webview';

/** What the webview app reads at start from `#awsflow-preview-settings[data-settings]` (JSON). */
export interface PreviewPageSettings {
  /** The document's URI: the webview keeps it in its state so the preview is restored after a reload. */
  resource: string;
  locked: boolean;
  /** The layout the preview draws with (the setting, or this preview's own pick). */
  layout: Layout;
  protocol: number;
}

/**
 * The part of the webview's saved state that the extension reads to restore the panel:
 * which document, and locked or not; with the layout the page last drew, which the page
 * shows until the extension's first render (the extension draws with the setting, which
 * a pick in the toolbar writes). The webview keeps its view (pan and zoom) beside it.
 */
export interface PreviewRestoreState {
  resource: string;
  locked: boolean;
  layout?: Layout;
}

const MAX_URI = 8192;

/** A URI with a scheme: `file:///…`, `untitled:Untitled-1`, `vscode-vfs://…`; not too long. */
function isResourceUri(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_URI && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value);
}

function asLayout(value: unknown): Layout | undefined {
  return value === 'dagre' || value === 'elk' ? value : undefined;
}

/**
 * The preview to restore from a webview's saved state, or undefined if the state does not
 * say which document it showed (not ours, corrupt, or written by a version that did not
 * keep the document). Anything else in it is ignored.
 */
export function parsePreviewRestoreState(state: unknown): PreviewRestoreState | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { resource, locked, layout } = state as Record<string, unknown>;
  if (!isResourceUri(resource)) return undefined;
  const restored: PreviewRestoreState = { resource, locked: locked === true };
  const checkedLayout = asLayout(layout);
  if (checkedLayout) restored.layout = checkedLayout;
  return restored;
}

/** The page's settings from the JSON of its settings element, or undefined if they are missing or malformed. */
export function parsePreviewPageSettings(json: string | null | undefined): PreviewPageSettings | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { resource, locked, layout, protocol } = value as Record<string, unknown>;
  const checkedLayout = asLayout(layout);
  if (!isResourceUri(resource) || typeof locked !== 'boolean' || !checkedLayout || typeof protocol !== 'number') return undefined;
  return { resource, locked, layout: checkedLayout, protocol };
}
