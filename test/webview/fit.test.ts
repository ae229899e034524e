/**
 * The preview always fits (issue 13, item 1), measured in headless Chromium on the built
 * preview: the drawing's box against the area left for it (the page below the toolbar,
 * the large-architecture notice and the banner), on the first drawing, when the pane or
 * what sits above the drawing changes size, and when another document is drawn. A user's
 * pan and zoom stay only across redraws of the same document.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { DiagramResult } from '../../src/protocol/lsp';
import { diagramResult, launch, skipBrowser, type Harness, type TestWindow } from './harness';

const SMALL = [
  'awsflow: 1',
  'resources:',
  '  web: { type: client, label: Web app }',
  '  jobs: { type: sqs }',
  '  worker: { type: lambda }',
  'flows:',
  '  - web -> jobs -> worker',
  '',
].join('\n');

/** A long pipeline: far wider than any pane at 100 %. */
function pipeline(length: number, prefix = 'step'): string {
  const lines = ['awsflow: 1', 'resources:'];
  for (let i = 0; i < length; i++) lines.push(`  ${prefix}-${i}: { type: ${i % 2 === 0 ? 'sqs' : 'lambda'} }`);
  lines.push('flows:', `  - ${Array.from({ length }, (_, i) => `${prefix}-${i}`).join(' -> ')}`, '');
  return lines.join('\n');
}

const A = 'file:///work/a.awsflow';
const B = 'file:///work/b.awsflow';
const of = (uri: string, diagram: DiagramResult): DiagramResult => ({ ...diagram, uri });

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface Placement {
  /** The drawn SVG, as it is on screen. */
  drawing: Box;
  /** The part of the page left for the drawing: below everything that sits above it. */
  area: Box;
  scale: number;
  /** The drawing lies inside the area (to within a pixel). */
  inside: boolean;
  /** How much of the area the drawing fills in its limiting direction (1: edge to edge). */
  share: number;
  /** Inside, and either at its natural size or filling most of the area: what a fit looks like. */
  fitted: boolean;
}

/** More to wait for than a fit: the area at least this far down or this wide, the scale below this. */
interface Expect {
  minAreaTop?: number;
  areaWidth?: number;
  maxScale?: number;
  /** Answer false unless all holds (for waitForFunction). */ falseUnlessOk?: boolean;
}

/**
 * Runs in the page (self-contained: Playwright sends it as text). The area is worked out
 * from the page, not from the preview's own viewport element, so a bar that covered the
 * drawing would be caught.
 */
function measure(expect: Expect): (Placement & { ok: boolean }) | false {
  const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
  const svg = document.querySelector('.diagram > svg');
  const covers = [...document.querySelectorAll<HTMLElement>('.toolbar, .notice, .banner')].filter(
    (bar) => getComputedStyle(bar).display !== 'none',
  );
  const top = Math.max(0, ...covers.map((bar) => bar.getBoundingClientRect().bottom));
  const area: Box = {
    left: 0,
    top,
    right: window.innerWidth,
    bottom: window.innerHeight,
    width: window.innerWidth,
    height: window.innerHeight - top,
  };
  const drawing = svg ? box(svg.getBoundingClientRect()) : { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
  const scale = Number(/scale\(([\d.e-]+)\)/.exec((document.querySelector('.canvas') as HTMLElement).style.transform)?.[1] ?? NaN);
  const inside =
    drawing.width > 0 &&
    drawing.left >= area.left - 1 &&
    drawing.right <= area.right + 1 &&
    drawing.top >= area.top - 1 &&
    drawing.bottom <= area.bottom + 1;
  const share = Math.max(drawing.width / area.width, drawing.height / area.height);
  const fitted = inside && (scale > 0.999 || share >= 0.7);
  const ok =
    fitted &&
    top >= (expect.minAreaTop ?? 0) &&
    (expect.areaWidth === undefined || area.width === expect.areaWidth) &&
    scale < (expect.maxScale ?? Infinity);
  if (expect.falseUnlessOk && !ok) return false;
  return { drawing, area, scale, inside, share, fitted, ok };
}

const placement = async (page: Page): Promise<Placement> => (await page.evaluate(measure, {})) as Placement;
const transform = (page: Page) => page.locator('.canvas').evaluate((e) => (e as HTMLElement).style.transform);

/** Waits (for the resize observer, which runs after layout) until the drawing is fitted; fails with the last measurement. */
async function waitUntilFitted(page: Page, what: string, expect: Expect = {}): Promise<Placement> {
  try {
    await page.waitForFunction(measure, { ...expect, falseUnlessOk: true }, { timeout: 20_000 });
  } catch {
    assert.fail(`${what}: not fitted (${JSON.stringify(expect)}): ${JSON.stringify(await placement(page))}`);
  }
  return placement(page);
}

/** Two animation frames: any resize observer or redraw due has run. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function zoomIn(page: Page): Promise<string> {
  const before = await transform(page);
  await page.mouse.move(300, 300);
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((t) => (document.querySelector('.canvas') as HTMLElement).style.transform !== t, before);
  return transform(page);
}

describe('the preview fits the drawing to the area left for it', { skip: skipBrowser }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  const withPreview: Harness['withPreview'] = (run, options) => harness.withPreview(run, options);

  for (const viewport of [
    { width: 1200, height: 800 },
    { width: 420, height: 800 },
    { width: 1400, height: 260 },
  ]) {
    test(`the first drawing is fitted in a ${viewport.width}×${viewport.height} pane`, () =>
      withPreview(
        async (preview) => {
          assert.equal((await preview.render(diagramResult(pipeline(24)))).type, 'rendered');
          const wide = await placement(preview.page);
          assert.ok(wide.fitted && wide.scale < 1, `a wide pipeline is shrunk to fit: ${JSON.stringify(wide)}`);
          // A small diagram is not blown up beyond its natural size, and is centred.
          assert.equal((await preview.render(of(B, diagramResult(SMALL)), { version: 2 })).type, 'rendered');
          const small = await placement(preview.page);
          assert.ok(small.fitted, JSON.stringify(small));
          const centre = (small.drawing.left + small.drawing.right) / 2;
          assert.ok(Math.abs(centre - (small.area.left + small.area.right) / 2) <= 1, `centred: ${JSON.stringify(small)}`);
        },
        { viewport },
      ));
  }

  test("a resized pane fits again while the view is untouched; a user's zoom survives a resize; Fit follows again", () =>
    withPreview(
      async (preview) => {
        const page = preview.page;
        await preview.render(diagramResult(pipeline(16)));
        const first = await waitUntilFitted(page, 'first drawing');
        await page.setViewportSize({ width: 600, height: 500 });
        const narrower = await waitUntilFitted(page, 'narrower pane', { areaWidth: 600 });
        assert.ok(narrower.scale < first.scale, `${narrower.scale} < ${first.scale}`);
        const zoomed = await zoomIn(page);
        await page.setViewportSize({ width: 900, height: 600 });
        await settle(page);
        assert.equal(await transform(page), zoomed, "the user's zoom stays");
        await page.locator('vscode-button[data-action="fit"]').click();
        const refitted = await waitUntilFitted(page, 'after Fit');
        await page.setViewportSize({ width: 1300, height: 700 });
        const wider = await waitUntilFitted(page, 'wider pane after Fit', { areaWidth: 1300 });
        assert.ok(wider.scale > refitted.scale, `${wider.scale} > ${refitted.scale}`);
      },
      { viewport: { width: 1200, height: 700 } },
    ));

  test('a banner above the drawing shrinks the area it is fitted to, and its going gives the room back', () =>
    withPreview(
      async (preview) => {
        const page = preview.page;
        // A short pane: the height limits the fit, so a banner must make the drawing smaller.
        const diagram = diagramResult(SMALL);
        await preview.render(diagram, { version: 1 });
        const clear = await waitUntilFitted(page, 'without a banner');
        assert.ok(clear.scale < 1, `height-limited: ${JSON.stringify(clear)}`);
        const reason = 'Line 3: bad indentation of a mapping entry. '.repeat(3);
        await preview.send({ type: 'stale', version: 2, reason });
        await page.locator('.banner').waitFor({ state: 'visible' });
        const bannerBottom = await page.locator('.banner').evaluate((b) => b.getBoundingClientRect().bottom);
        const withBanner = await waitUntilFitted(page, 'with the banner', { minAreaTop: bannerBottom - 0.5 });
        assert.ok(withBanner.area.top >= bannerBottom - 0.5, JSON.stringify({ withBanner, bannerBottom }));
        assert.ok(withBanner.scale < clear.scale, `smaller with the banner: ${withBanner.scale} < ${clear.scale}`);
        assert.ok(withBanner.drawing.top >= bannerBottom - 1, 'the drawing starts below the banner');
        // The next good version clears the banner: the drawing takes the room back.
        await preview.render({ ...diagram, version: 3 }, { version: 3 });
        await page.locator('.banner').waitFor({ state: 'hidden' });
        const again = await waitUntilFitted(page, 'banner gone');
        assert.ok(Math.abs(again.scale - clear.scale) < 1e-3, `${again.scale} ≈ ${clear.scale}`);
      },
      { viewport: { width: 1400, height: 170 } },
    ));

  test("a large architecture's first view is fitted below its notice", () =>
    withPreview(
      async (preview) => {
        const lines = ['awsflow: 1', 'resources:'];
        const flows: string[] = [];
        for (let team = 0; team < 40; team++) {
          lines.push(
            `  in-${team}: { type: sqs, group: t${team} }`,
            `  fn-${team}: { type: lambda, group: t${team} }`,
            `  out-${team}: { type: sns, group: t${team} }`,
            `  db-${team}: { type: dynamodb, group: t${team} }`,
          );
          flows.push(`  - in-${team} -> fn-${team} -> out-${team}`, `  - fn-${team} -> db-${team}`);
        }
        const diagram = diagramResult([...lines, 'flows:', ...flows, ''].join('\n'));
        assert.equal(diagram.nodes.length, 160);
        await preview.render(diagram);
        const page = preview.page;
        await page.locator('.notice').waitFor({ state: 'visible' });
        const noticeBottom = await page.locator('.notice').evaluate((n) => n.getBoundingClientRect().bottom);
        const fitted = await waitUntilFitted(page, 'focus view', { minAreaTop: noticeBottom - 0.5 });
        assert.ok(fitted.drawing.top >= noticeBottom - 1, JSON.stringify({ fitted, noticeBottom }));
      },
      { viewport: { width: 900, height: 360 } },
    ));

  test("another document is fitted; the same document keeps the user's zoom and pan across redraws", () =>
    withPreview(async (preview) => {
      const page = preview.page;
      await preview.render(of(A, diagramResult(pipeline(6, 'a'))), { version: 1 });
      await waitUntilFitted(page, 'a.awsflow');
      const zoomed = await zoomIn(page);
      // A redraw of the same document (a changed graph, so a new layout): the view stays.
      const changed = await preview.render(of(A, diagramResult(pipeline(7, 'a'), { icons: true }, 2)), { version: 2 });
      assert.ok(changed.type === 'rendered' && changed.relayout);
      assert.equal(await transform(page), zoomed);
      const saved = await page.evaluate(() => (window as unknown as TestWindow).__test.state as { view?: { uri: string; scale: number } });
      assert.equal(saved.view?.uri, A, 'the view is saved for its document');
      // Another document (the unlocked preview followed the editor): fitted, whatever the view was.
      // (Versions only grow within one page; the extension sets the page anew on a switch.)
      await preview.render(of(B, diagramResult(pipeline(30, 'b'))), { version: 3 });
      await waitUntilFitted(page, 'b.awsflow');
      assert.equal(
        (await page.evaluate(() => (window as unknown as TestWindow).__test.state as { view?: unknown })).view,
        undefined,
        'a fitted view is not saved',
      );
      // Zoom in on b, then b again: kept; then a document with the very same drawing (no new layout): fitted.
      const zoomedB = await zoomIn(page);
      await preview.render(of(B, diagramResult(pipeline(30, 'b'))), { version: 4 });
      assert.equal(await transform(page), zoomedB);
      const same = await preview.render(of(A, diagramResult(pipeline(30, 'b'))), { version: 5 });
      assert.ok(same.type === 'rendered' && !same.relayout, 'the same drawing, not laid out again');
      await waitUntilFitted(page, 'a.awsflow drawn like b.awsflow');
    }));

  test('a redraw of the same document while the view is untouched fits the new drawing', () =>
    withPreview(
      async (preview) => {
        const page = preview.page;
        await preview.render(of(A, diagramResult(pipeline(4, 'a'))), { version: 1 });
        const small = await waitUntilFitted(page, 'four resources');
        await preview.render(of(A, diagramResult(pipeline(30, 'a'))), { version: 2 });
        const grown = await waitUntilFitted(page, 'thirty resources');
        assert.ok(grown.scale < small.scale, `${grown.scale} < ${small.scale}`);
      },
      { viewport: { width: 900, height: 600 } },
    ));

  test('a reloaded page restores the view saved for its document, and fits any other', async () => {
    // A speck: what a view of one document looks like on another's drawing.
    const speck = { uri: A, x: 700, y: 500, scale: 0.06 };
    await withPreview(
      async (preview) => {
        await preview.render(of(A, diagramResult(SMALL)));
        assert.equal(await transform(preview.page), 'translate(700px, 500px) scale(0.06)');
      },
      { state: { view: speck } },
    );
    await withPreview(
      async (preview) => {
        await preview.render(of(B, diagramResult(SMALL)));
        await waitUntilFitted(preview.page, 'b.awsflow with a view saved for a.awsflow');
      },
      { state: { view: speck } },
    );
    // A view saved without its document (an older preview's state) is not applied to any.
    await withPreview(
      async (preview) => {
        await preview.render(of(A, diagramResult(SMALL)));
        await waitUntilFitted(preview.page, 'a view with no document');
      },
      { state: { view: { x: 700, y: 500, scale: 0.06 } } },
    );
  });
});
