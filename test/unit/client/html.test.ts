import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPreviewHtml, contentSecurityPolicy, createNonce, escapeAttribute, type PreviewPage } from '../../../src/client/preview/html';
import { WEBVIEW_PROTOCOL_VERSION } from '../../../src/protocol/webview';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function page(overrides: Partial<PreviewPage> = {}): PreviewPage {
  return {
    cspSource: CSP_SOURCE,
    nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js',
    styles: [],
    title: 'Preview fanout.awsflow',
    resource: 'file:///work/fanout.awsflow',
    locked: false,
    layout: 'dagre',
    ...overrides,
  };
}

/** The inverse of escapeAttribute, for reading values back out of the page. */
function unescape(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

describe('preview page', () => {
  test('a nonce is 16 random bytes in base64, new every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
      assert.equal(Buffer.from(nonce, 'base64').length, 16);
    }
  });

  test('the CSP lets only the nonce run scripts and loads nothing from elsewhere', () => {
    assert.equal(
      contentSecurityPolicy(CSP_SOURCE, 'abc123=='),
      `default-src 'none'; script-src 'nonce-abc123=='; style-src ${CSP_SOURCE} 'unsafe-inline'; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE};`,
    );
  });

  test('the CSP takes the sources VS Code gives, keywords included', () => {
    // code-server's webviews
    assert.equal(
      contentSecurityPolicy("'self' https://*.vscode-cdn.net", 'abc'),
      "default-src 'none'; script-src 'nonce-abc'; style-src 'self' https://*.vscode-cdn.net 'unsafe-inline'; img-src 'self' https://*.vscode-cdn.net data:; font-src 'self' https://*.vscode-cdn.net;",
    );
  });

  test('the CSP refuses a source or nonce that could add directives', () => {
    assert.throws(() => contentSecurityPolicy("'self'; script-src *", 'abc'), /CSP source/);
    assert.throws(() => contentSecurityPolicy("'unsafe-inline' 'self", 'abc'), /CSP source/);
    assert.throws(() => contentSecurityPolicy("https://x; script-src 'unsafe-inline'", 'abc'), /CSP source/);
    assert.throws(() => contentSecurityPolicy('https://x"><script>', 'abc'), /CSP source/);
    assert.throws(() => contentSecurityPolicy(CSP_SOURCE, "abc' 'unsafe-inline"), /base64/);
    assert.throws(() => contentSecurityPolicy(CSP_SOURCE, ''), /base64/);
  });

  test('one script, ours, carrying the nonce; the CSP in a meta element', () => {
    const html = buildPreviewHtml(page());
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [
      '<script nonce="bm9uY2Utbm9uY2Utbm9uY2U=" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js">',
    ]);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(unescape(csp!), contentSecurityPolicy(CSP_SOURCE, 'bm9uY2Utbm9uY2Utbm9uY2U='));
    // The policy comes before anything it governs.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
    assert.doesNotMatch(html, /<script>|\son\w+=/);
  });

  test('the settings travel as escaped JSON in a data attribute', () => {
    const html = buildPreviewHtml(page({ locked: true, layout: 'elk', resource: 'file:///a/b%20c/it\'s "x".awsflow' }));
    const raw = /<meta id="awsflow-preview-settings" data-settings="([^"]*)">/.exec(html)?.[1];
    assert.ok(raw, 'settings element present');
    assert.deepEqual(JSON.parse(unescape(raw)), {
      resource: 'file:///a/b%20c/it\'s "x".awsflow',
      locked: true,
      layout: 'elk',
      protocol: WEBVIEW_PROTOCOL_VERSION,
    });
  });

  test('hostile titles and URIs stay text', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = buildPreviewHtml(
      page({ title: `Preview ${hostile}`, resource: `file:///${hostile}`, styles: [{ uri: `https://x/${hostile}.css`, id: hostile }] }),
    );
    assert.equal([...html.matchAll(/<script\b/g)].length, 1);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<title>Preview &quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;<\/title>/);
  });

  test('stylesheets are linked in order, with their ids', () => {
    const html = buildPreviewHtml(
      page({ styles: [{ uri: 'https://r/codicon.css', id: 'vscode-codicon-stylesheet' }, { uri: 'https://r/preview.css' }] }),
    );
    const links = [...html.matchAll(/<link [^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(links, [
      '<link rel="stylesheet" href="https://r/codicon.css" id="vscode-codicon-stylesheet">',
      '<link rel="stylesheet" href="https://r/preview.css">',
    ]);
  });

  test('escapeAttribute covers the five characters that end attributes or start markup', () => {
    assert.equal(escapeAttribute(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
    assert.equal(escapeAttribute('plain text: ok'), 'plain text: ok');
  });
});
