/**
 * The preview page's Content-Security-Policy, enforced by a real browser: the page
 * buildPreviewHtml makes is served from a local origin playing the webview's resource
 * origin, with markup injected after the fact (as a label that slipped through would
 * be). Only our nonce'd script runs; inline scripts and handlers do not; nothing is
 * fetched from any other origin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { buildPreviewHtml, createNonce } from '../../../src/client/preview/html';

const chromium = '/usr/bin/chromium';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

test(
  'the CSP runs only our script and loads nothing from elsewhere (headless Chromium)',
  { timeout: 120_000, skip: existsSync(chromium) ? false : 'chromium is not installed (.ci/run installs it)' },
  async () => {
    const foreignHits: string[] = [];
    const foreign = createServer((request, response) => {
      foreignHits.push(request.url ?? '');
      response.end('');
    });
    const foreignPort = await listen(foreign);
    const foreignOrigin = `http://127.0.0.1:${foreignPort}`;

    const nonce = createNonce();
    let origin = '';
    const served: string[] = [];
    const own = createServer((request, response) => {
      served.push(request.url ?? '');
      if (request.url === '/preview.js') {
        response.setHeader('content-type', 'text/javascript');
        response.end("document.body.dataset.ours = 'ran'; document.body.insertAdjacentHTML('beforeend', '<img id=own src=\"/own.png\">');");
      } else if (request.url === '/') {
        const html = buildPreviewHtml({
          cspSource: origin,
          nonce,
          scriptUri: `${origin}/preview.js`,
          styles: [],
          title: 'Preview csp.awsflow',
          resource: 'file:///w/csp.awsflow',
          locked: false,
          layout: 'dagre',
        }).replace(
          '<body>',
          `<body>
  <script>document.body.dataset.inline = 'ran'</script>
  <script nonce="wrong">document.body.dataset.wrongNonce = 'ran'</script>
  <img src="x" onerror="document.body.dataset.onerror = 'ran'">
  <img src="${foreignOrigin}/tracker.png">
  <link rel="stylesheet" href="${foreignOrigin}/style.css">
  <iframe src="${foreignOrigin}/frame"></iframe>
  <div style="color: rgb(1, 2, 3)" id="styled">inline styles are allowed (Mermaid needs them)</div>`,
        );
        response.setHeader('content-type', 'text/html');
        response.end(html);
      } else {
        response.statusCode = 404;
        response.end();
      }
    });
    const port = await listen(own);
    origin = `http://127.0.0.1:${port}`;

    // Whatever fails, the servers close: an open server keeps the test process alive.
    let browser: Browser | undefined;
    try {
      const { chromium: launcher } = await import('playwright-core');
      browser = await launcher.launch({
        executablePath: chromium,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.body.dataset['ours'] === 'ran');
      await page.waitForLoadState('load');
      const data = await page.evaluate(() => ({ ...document.body.dataset }));
      assert.deepEqual(data, { ours: 'ran' }, "only the nonce'd script ran");
      assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('styled')!).color), 'rgb(1, 2, 3)');
      assert.deepEqual(foreignHits, [], 'nothing was fetched from another origin');
      assert.ok(served.includes('/own.png'), "images from the webview's own origin still load");
      assert.ok(violations.length >= 4, `the browser reported the blocked content: ${violations.join('\n')}`);
    } finally {
      await browser?.close();
      for (const server of [own, foreign]) {
        server.closeAllConnections();
        server.close();
      }
    }
  },
);
