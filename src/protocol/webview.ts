/**
 * Messages between the extension and the preview webview, declared once. Everything
 * that comes from the webview is untrusted: `parseFromWebview` checks it at runtime.
 */
import type { DiagramResult } from './lsp';

export const WEBVIEW_PROTOCOL_VERSION = 1;

export type Layout = 'dagre' | 'elk';

/** Extension -> webview. */
export type ToWebview =
  /** Draw this diagram (the server's `awsflow/diagram` result for one document version). */
  | { type: 'render'; version: number; diagram: DiagramResult; layout: Layout }
  /** The file cannot be drawn right now (it is momentarily broken): keep the last good diagram, dimmed, with the reason. */
  | { type: 'stale'; version: number; reason: string }
  /** Highlight the node of this resource (the cursor is on it), or none. */
  | { type: 'highlight'; resourceId: string | null }
  /** Fit the diagram to the view (the toolbar's action, also a command). */
  | { type: 'fit' };

/** Webview -> extension. */
export type FromWebview =
  /** The webview has loaded and listens: send the current diagram. */
  | { type: 'ready' }
  /** The user clicked a node: reveal and select its definition. */
  | { type: 'revealResource'; resourceId: string }
  /** The user picked a layout in the toolbar. */
  | { type: 'setLayout'; layout: Layout }
  /** Save an export the user asked for (SVG text, or a PNG as a data URL). */
  | { type: 'export'; format: 'svg' | 'png'; data: string }
  /** Copy the Mermaid source to the clipboard. */
  | { type: 'copySource' }
  /** A diagram version was drawn (for tests and measurements). */
  | { type: 'rendered'; version: number; nodes: number; edges: number; milliseconds: number; relayout: boolean }
  /** Drawing failed; the last good diagram stays. */
  | { type: 'renderError'; version: number; message: string };

const RESOURCE_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,79}$/;
const MAX_EXPORT = 50 * 1024 * 1024;

/** The message, if it is one the extension accepts; undefined for anything else. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'ready':
    case 'copySource':
      return { type: message['type'] };
    case 'revealResource':
      return typeof message['resourceId'] === 'string' && RESOURCE_ID.test(message['resourceId'])
        ? { type: 'revealResource', resourceId: message['resourceId'] }
        : undefined;
    case 'setLayout':
      return message['layout'] === 'dagre' || message['layout'] === 'elk' ? { type: 'setLayout', layout: message['layout'] } : undefined;
    case 'export': {
      const format = message['format'];
      const data = message['data'];
      if ((format !== 'svg' && format !== 'png') || typeof data !== 'string' || data.length > MAX_EXPORT) return undefined;
      if (format === 'png' && !data.startsWith('data:image/png;base64,')) return undefined;
      return { type: 'export', format, data };
    }
    case 'rendered': {
      const numbers = ['version', 'nodes', 'edges', 'milliseconds'].map((key) => message[key]);
      if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
      const [version, nodes, edges, milliseconds] = numbers as number[];
      return {
        type: 'rendered',
        version: version!,
        nodes: nodes!,
        edges: edges!,
        milliseconds: milliseconds!,
        relayout: message['relayout'] === true,
      };
    }
    case 'renderError':
      return typeof message['version'] === 'number' && typeof message['message'] === 'string'
        ? { type: 'renderError', version: message['version'], message: message['message'].slice(0, 2000) }
        : undefined;
    default:
      return undefined;
  }
}
