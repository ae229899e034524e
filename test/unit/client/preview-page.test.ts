import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPreviewHtml } from '../../../src/client/preview/html';
import { restoreTarget } from '../../../src/client/preview/preview-state';
import { parsePreviewPageSettings, parsePreviewRestoreState } from '../../../src/protocol/preview-page';
import { WEBVIEW_PROTOCOL_VERSION } from '../../../src/protocol/webview';

/** The settings element's JSON as the webview's `dataset` gives it (the attribute unescaped, as a browser does). */
function settingsJson(html: string): string {
  const raw = /<meta id="awsflow-preview-settings" data-settings="([^"]*)">/.exec(html)?.[1];
  assert.ok(raw, 'the page has its settings element');
  return raw.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

function html(resource: string, locked: boolean): string {
  return buildPreviewHtml({
    cspSource: 'https://r',
    nonce: 'bm9uY2U=',
    scriptUri: 'https://r/preview.js',
    styles: [],
    title: 't',
    resource,
    locked,
    layout: 'elk',
  });
}

describe('preview page settings and the state restored from them', () => {
  test('what the extension writes into the page, the webview reads back exactly', () => {
    const resource = 'file:///w/my%20flows/it\'s%20"x".awsflow';
    assert.deepEqual(parsePreviewPageSettings(settingsJson(html(resource, true))), {
      resource,
      locked: true,
      layout: 'elk',
      protocol: WEBVIEW_PROTOCOL_VERSION,
    });
    assert.deepEqual(parsePreviewPageSettings(settingsJson(html('untitled:Untitled-1', false))), {
      resource: 'untitled:Untitled-1',
      locked: false,
      layout: 'elk',
      protocol: WEBVIEW_PROTOCOL_VERSION,
    });
  });

  test('the state the webview keeps from its page restores the same document and lock', () => {
    for (const [resource, locked] of [
      ['file:///w/a.awsflow', true],
      ['file:///w/b.awsflow', false],
    ] as const) {
      const settings = parsePreviewPageSettings(settingsJson(html(resource, locked)))!;
      // What webview/main.ts saves: its earlier state (a view), plus the page's document and lock.
      const state = { view: { x: 1, y: 2, scale: 3, uri: resource }, layout: 'elk', resource: settings.resource, locked: settings.locked };
      assert.deepEqual(parsePreviewRestoreState(JSON.parse(JSON.stringify(state))), { resource, locked, layout: 'elk' });
      assert.deepEqual(restoreTarget(state, false), { resource, locked });
    }
  });

  test('missing or malformed settings are no settings', () => {
    const good = { resource: 'file:///w/a.awsflow', locked: false, layout: 'dagre', protocol: 1 };
    assert.deepEqual(parsePreviewPageSettings(JSON.stringify(good)), good);
    for (const json of [
      undefined,
      null,
      '',
      '{',
      'null',
      '42',
      '"file:///a"',
      '[]',
      JSON.stringify({ ...good, resource: '/no/scheme' }),
      JSON.stringify({ ...good, resource: `file:///${'a'.repeat(9000)}` }),
      JSON.stringify({ ...good, locked: 'yes' }),
      JSON.stringify({ ...good, layout: 'circo' }),
      JSON.stringify({ ...good, protocol: '1' }),
      JSON.stringify({ locked: false, layout: 'dagre', protocol: 1 }),
    ]) {
      assert.equal(parsePreviewPageSettings(json), undefined, String(json).slice(0, 60));
    }
  });
});
