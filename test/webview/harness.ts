/**
 * The built preview (dist/webview/preview.js) in headless Chromium, in a page shaped like
 * the extension's webview: the same CSP (a nonce on each script, nothing else may run or
 * load), a stub `acquireVsCodeApi` that records what the preview posts, the theme class
 * on <body> and `--vscode-*` variables on <html> the way VS Code sets them. The page and
 * the script come from a local HTTP server whose origin stands for `webview.cspSource`;
 * any other request is recorded (and refused), and the tests assert there is none.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import type { DiagramOptions } from '../../src/core/diagram/mermaid';
import { diagramResult as serverDiagramResult } from '../../src/server/features/diagram';
import type { DiagramResult } from '../../src/protocol/lsp';
import type { FromWebview, ToWebview } from '../../src/protocol/webview';

export const ROOT = join(__dirname, '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const PREVIEW = join(ROOT, 'dist/webview/preview.js');
const PAGE_PATH = '/index.html';
const SCRIPT_PATH = '/dist/webview/preview.js';

/** Why the browser tests cannot run here, or false. */
export const skipBrowser = !existsSync(CHROMIUM)
  ? 'chromium is not installed (.ci/run installs it)'
  : !existsSync(PREVIEW)
    ? 'dist/webview/preview.js is not built (node esbuild.mjs)'
    : false;

/** The language server's `awsflow/diagram` answer for this text: the server's own mapping over the real core. */
export function diagramResult(text: string, options: DiagramOptions = { icons: true }, version = 1): DiagramResult {
  return serverDiagramResult(analyze(text), 'file:///work/fixture.awsflow', version, options);
}

export type ThemeKind = 'light' | 'dark' | 'high-contrast';

/** A few of the variables VS Code puts on <html> (Light Modern / Dark Modern / High Contrast). */
const THEMES: Record<ThemeKind, { bodyClass: string; variables: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    variables: {
      'editor-background': '#ffffff',
      'editor-foreground': '#3b3b3b',
      foreground: '#3b3b3b',
      descriptionForeground: '#717171',
      'panel-border': '#e5e5e5',
      focusBorder: '#005fb8',
      'widget-shadow': 'rgba(0,0,0,0.16)',
      'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b',
      'button-secondaryHoverBackground': '#cccccc',
      'button-border': 'rgba(0,0,0,0.1)',
      'dropdown-background': '#ffffff',
      'dropdown-foreground': '#3b3b3b',
      'dropdown-border': '#cecece',
      'settings-dropdownListBorder': '#cecece',
      'settings-dropdownBackground': '#ffffff',
      'settings-dropdownForeground': '#3b3b3b',
      'settings-dropdownBorder': '#cecece',
      'list-hoverBackground': '#f2f2f2',
      'list-activeSelectionBackground': '#e8e8e8',
      'list-activeSelectionForeground': '#000000',
      'editorError-foreground': '#e51400',
      'editorWarning-foreground': '#bf8803',
      'editorInfo-foreground': '#1a85ff',
      'editorHoverWidget-background': '#f8f8f8',
      'editorHoverWidget-foreground': '#3b3b3b',
      'editorHoverWidget-border': '#c8c8c8',
      'inputValidation-warningBackground': '#f6f5d2',
      'inputValidation-errorBackground': '#f2dede',
      'textBlockQuote-background': '#f8f8f8',
      'editorWidget-background': '#f8f8f8',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    variables: {
      'editor-background': '#1f1f1f',
      'editor-foreground': '#cccccc',
      foreground: '#cccccc',
      descriptionForeground: '#9d9d9d',
      'panel-border': '#2b2b2b',
      focusBorder: '#0078d4',
      'widget-shadow': 'rgba(0,0,0,0.36)',
      'button-secondaryBackground': '#313131',
      'button-secondaryForeground': '#cccccc',
      'button-secondaryHoverBackground': '#3c3c3c',
      'button-border': 'rgba(255,255,255,0.07)',
      'dropdown-background': '#313131',
      'dropdown-foreground': '#cccccc',
      'dropdown-border': '#3c3c3c',
      'settings-dropdownListBorder': '#454545',
      'settings-dropdownBackground': '#313131',
      'settings-dropdownForeground': '#cccccc',
      'settings-dropdownBorder': '#3c3c3c',
      'list-hoverBackground': '#2a2d2e',
      'list-activeSelectionBackground': '#04395e',
      'list-activeSelectionForeground': '#ffffff',
      'editorError-foreground': '#f85149',
      'editorWarning-foreground': '#cca700',
      'editorInfo-foreground': '#3794ff',
      'editorHoverWidget-background': '#202020',
      'editorHoverWidget-foreground': '#cccccc',
      'editorHoverWidget-border': '#454545',
      'inputValidation-warningBackground': '#352a05',
      'inputValidation-errorBackground': '#5a1d1d',
      'textBlockQuote-background': '#2b2b2b',
      'editorWidget-background': '#202020',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    variables: {
      'editor-background': '#000000',
      'editor-foreground': '#ffffff',
      foreground: '#ffffff',
      descriptionForeground: '#ffffff',
      'panel-border': '#6fc3df',
      focusBorder: '#f38518',
      'editorError-foreground': '#f48771',
      'editorWarning-foreground': '#ffd370',
    },
  },
};

function themeStyle(kind: ThemeKind): string {
  const fonts = { 'font-family': "system-ui, 'Ubuntu', 'Droid Sans', sans-serif", 'font-size': '13px', 'font-weight': 'normal' };
  return Object.entries({ ...fonts, ...THEMES[kind].variables })
    .map(([name, value]) => `--vscode-${name}: ${value}`)
    .join('; ');
}

/** The HTML the extension gives the webview, as far as the preview can tell. */
function pageHtml(origin: string, nonce: string, theme: ThemeKind, state: unknown, charset = true, settings?: string): string {
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${origin} 'unsafe-inline'; img-src ${origin} data:; font-src ${origin};`;
  // The stub stands for what VS Code injects: acquireVsCodeApi may be called once.
  const stub = `(() => {
    const record = { posted: [], violations: [], state: ${JSON.stringify(state ?? null)} };
    window.__test = record;
    document.addEventListener('securitypolicyviolation', (e) => record.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
    let acquired = false;
    window.acquireVsCodeApi = () => {
      if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
      acquired = true;
      return Object.freeze({
        postMessage: (message) => { record.posted.push(JSON.parse(JSON.stringify(message))); },
        getState: () => record.state ?? undefined,
        setState: (value) => { record.state = value; return value; },
      });
    };
  })();`;
  return `<!DOCTYPE html>
<html lang="en" style="${themeStyle(theme)}">
<head>
${charset ? '<meta charset="UTF-8">' : ''}
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${settings === undefined ? '' : `<meta id="awsflow-preview-settings" data-settings="${settings.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">`}
<title>awsflow preview</title>
</head>
<body class="${THEMES[theme].bodyClass}">
<script nonce="${nonce}">${stub}</script>
<script nonce="${nonce}" src="${origin}${SCRIPT_PATH}"></script>
</body>
</html>`;
}

export interface PreviewPage {
  readonly page: Page;
  /** Every URL the page asked for. */
  readonly requests: string[];
  readonly pageErrors: string[];
  send(message: ToWebview | Record<string, unknown>): Promise<void>;
  /** Everything the preview posted so far. */
  posted(): Promise<FromWebview[]>;
  /** Waits for a posted message of this type (and version), counting only those after `after` messages. */
  waitFor<T extends FromWebview['type']>(
    type: T,
    options?: { version?: number; after?: number; timeout?: number },
  ): Promise<Extract<FromWebview, { type: T }>>;
  /** Sends a render and waits for its `rendered` or `renderError`. */
  render(diagram: DiagramResult, options?: { version?: number; layout?: 'dagre' | 'elk' }): Promise<FromWebview>;
  setTheme(kind: ThemeKind): Promise<void>;
  /** No request left the page's own origin, no CSP violation, no uncaught error. */
  assertClean(): Promise<void>;
  close(): Promise<void>;
}

/** One browser, one context (so Chromium compiles the 10 MB bundle once, then reuses its code cache), one local server. */
/** Groups, edge labels, a dead-letter queue, a client (no icon), an error and a warning. */
export const FIXTURE = [
  'awsflow: 1',
  'resources:',
  '  web: { type: client, label: Web app }',
  '  api: { type: api-gateway, group: edge }',
  '  jobs: { type: sqs, group: work, deadLetter: { target: jobs-dlq, maxReceiveCount: 3 } }',
  '  jobs-dlq: { type: sqs, group: work }',
  '  worker: { type: lambda, timeout: 20m, group: work }',
  '  done: { type: sns, encryption: kms }',
  '  notify: { type: lambda }',
  'flows:',
  '  - web -> api',
  '  - api -> jobs: { rate: 20/s }',
  '  - jobs -> worker',
  '  - worker -> done -> notify',
  '',
].join('\n');

export interface Harness {
  /** `charset: false` leaves out `<meta charset>` (and the HTTP header's), as a careless extension might. */
  open(options?: OpenOptions): Promise<PreviewPage>;
  /** Opens a page, runs `run` on it, checks the page stayed clean (no errors, no request out), and closes it. */
  withPreview(run: (preview: PreviewPage) => Promise<void>, options?: OpenOptions): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  theme?: ThemeKind;
  state?: unknown;
  viewport?: { width: number; height: number };
  charset?: boolean;
  /** The JSON of the page's `#awsflow-preview-settings` element, as the extension writes it (none if undefined). */
  settings?: string;
}

export async function launch(): Promise<Harness> {
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  const context = await browser.newContext();
  const script = readFileSync(PREVIEW);
  const pages = new Map<string, { html: string; charset: boolean }>();
  // The webview's own resources: each page's HTML and the one script, nothing else.
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const page = url.pathname === PAGE_PATH ? pages.get(url.searchParams.get('page') ?? '') : undefined;
    if (page)
      response
        .writeHead(200, { 'content-type': page.charset ? 'text/html; charset=utf-8' : 'text/html', 'cache-control': 'no-store' })
        .end(page.html);
    else if (url.pathname === SCRIPT_PATH)
      response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Anywhere else is refused (and shows up in the page's `requests`).
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  let pageCount = 0;
  const open = (options: OpenOptions = {}): Promise<PreviewPage> => {
    const id = String(++pageCount);
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
    const charset = options.charset ?? true;
    pages.set(id, { html: pageHtml(origin, nonce, options.theme ?? 'light', options.state, charset, options.settings), charset });
    return openPage(context, `${origin}${PAGE_PATH}?page=${id}`, `${origin}${SCRIPT_PATH}`, options.viewport);
  };
  return {
    open,
    async withPreview(run, options) {
      const preview = await open(options);
      try {
        await run(preview);
        await preview.assertClean();
      } finally {
        await preview.close();
      }
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function openPage(
  context: BrowserContext,
  PAGE: string,
  SCRIPT: string,
  viewport = { width: 1200, height: 800 },
): Promise<PreviewPage> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Not Playwright's default 30 s: seen run out in a full `npm test` with every core busy.
  await page.goto(PAGE, { timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as TestWindow).__test.posted.some((m) => m.type === 'ready'));

  const preview: PreviewPage = {
    page,
    requests,
    pageErrors,
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message as Record<string, unknown>),
    posted: () => page.evaluate(() => (window as unknown as TestWindow).__test.posted),
    async waitFor(type, { version, after = 0, timeout = 60_000 } = {}) {
      const handle = await page.waitForFunction(
        ([t, v, a]) =>
          (window as unknown as TestWindow).__test.posted
            .slice(a)
            .find((m) => m.type === t && (v === null || ('version' in m && m.version === v))),
        [type, version ?? null, after] as const,
        { timeout },
      );
      return (await handle.jsonValue()) as never;
    },
    async render(diagram, { version = diagram.version, layout = 'dagre' } = {}) {
      const after = (await preview.posted()).length;
      await preview.send({ type: 'render', version, layout, diagram });
      const handle = await page.waitForFunction(
        ([v, a]) =>
          (window as unknown as TestWindow).__test.posted
            .slice(a)
            .find((m) => (m.type === 'rendered' || m.type === 'renderError') && 'version' in m && m.version === v),
        [version, after] as const,
        { timeout: 60_000 },
      );
      return (await handle.jsonValue()) as FromWebview;
    },
    async setTheme(kind) {
      await page.evaluate(
        ([style, bodyClass]) => {
          document.documentElement.setAttribute('style', style);
          document.body.className = bodyClass;
        },
        [themeStyle(kind), THEMES[kind].bodyClass] as const,
      );
    },
    async assertClean() {
      assert.deepEqual(
        requests.filter((url) => url !== PAGE && url !== SCRIPT),
        [],
        'no request beyond the page and its script',
      );
      assert.deepEqual(await page.evaluate(() => (window as unknown as TestWindow).__test.violations), [], 'no CSP violation');
      assert.deepEqual(pageErrors, [], 'no uncaught error');
    },
    close: () => page.close(),
  };
  return preview;
}

export interface TestWindow {
  __test: { posted: FromWebview[]; violations: string[]; state: unknown };
  __pwned?: unknown;
}
