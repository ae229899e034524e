/**
 * The preview page: set once as the webview's `html`, after which everything goes by
 * `postMessage`. A strict Content-Security-Policy lets only our own bundle run (by its
 * nonce) and load nothing from the network; initial data travels in an escaped
 * attribute, never in inline script. vscode-free, so it is unit-tested.
 */
import { randomBytes } from 'node:crypto';
import type { PreviewPageSettings } from '../../protocol/preview-page';
import { WEBVIEW_PROTOCOL_VERSION, type Layout } from '../../protocol/webview';

/** A fresh nonce per page: 16 random bytes from the OS's generator, base64. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Text safe inside a double- or single-quoted HTML attribute (and as element text). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Scripts: only ours, by nonce. Styles: our stylesheet plus inline styles (Mermaid's SVG
 * carries them). Images: our own resources and data: URLs (icons, exports). Nothing else,
 * so a label that smuggled in `<img src=https://…>` or a script could do nothing.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // Both go into the policy verbatim: refuse anything that could end a directive or the attribute.
  // VS Code's source is host sources and quoted keywords (code-server's: `'self' https://*.vscode-cdn.net`).
  if (!/^(?:'[a-z-]+'|[^;,'"<>\s]+)(?: (?:'[a-z-]+'|[^;,'"<>\s]+))*$/.test(cspSource))
    throw new Error(`unexpected webview CSP source: ${cspSource}`);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error('a nonce must be base64');
  return (
    [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${cspSource} 'unsafe-inline'`,
      `img-src ${cspSource} data:`,
      `font-src ${cspSource}`,
    ].join('; ') + ';'
  );
}

export interface PreviewPage {
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri` of dist/webview/preview.js. */
  scriptUri: string;
  /** Stylesheets of the built webview folder, in order (e.g. the codicon font's). */
  styles: readonly { uri: string; id?: string }[];
  title: string;
  resource: string;
  locked: boolean;
  layout: Layout;
}

export function buildPreviewHtml(page: PreviewPage): string {
  const settings: PreviewPageSettings = {
    resource: page.resource,
    locked: page.locked,
    layout: page.layout,
    protocol: WEBVIEW_PROTOCOL_VERSION,
  };
  const styles = page.styles
    .map(
      (style) => `  <link rel="stylesheet" href="${escapeAttribute(style.uri)}"${style.id ? ` id="${escapeAttribute(style.id)}"` : ''}>\n`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(page.cspSource, page.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <meta id="awsflow-preview-settings" data-settings="${escapeAttribute(JSON.stringify(settings))}">
${styles}  <title>${escapeAttribute(page.title)}</title>
</head>
<body>
  <script nonce="${escapeAttribute(page.nonce)}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>
`;
}
