/**
 * The preview in VS Code's light and dark themes (the variables the webview gets, as the
 * harness sets them), in headless Chromium: every label, edge label, group title, finding
 * badge and tooltip line reads at a contrast of at least 4.5:1 on what is behind it;
 * dead-letter queues are framed in the theme's tone, not in a fixed light grey; tooltips
 * name the type as people do; a fresh preview of a broken file does not speak of a
 * "last version".
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURE, ROOT, diagramResult, launch, skipBrowser, type Harness, type ThemeKind } from './harness';

interface Reading {
  text: string;
  ratio: number;
  fg: string;
  bg: string;
}

/**
 * Runs in the page (self-contained). For every element that holds text in the drawing,
 * the marks and the tooltip: its colour and the colour behind it, worked out from the
 * layers under the text's centre (page, group box, node shape, label backgrounds), and
 * the WCAG contrast ratio of the two.
 */
function readings(): Reading[] {
  const context = document.createElement('canvas').getContext('2d')!;
  const parse = (css: string): [number, number, number, number] | undefined => {
    if (!css || css === 'none' || css.startsWith('url(')) return undefined;
    context.fillStyle = '#010203';
    context.fillStyle = css;
    const value = String(context.fillStyle);
    if (value === '#010203' && css.replace(/\s/g, '') !== 'rgb(1,2,3)') return undefined;
    if (value.startsWith('#'))
      return [parseInt(value.slice(1, 3), 16), parseInt(value.slice(3, 5), 16), parseInt(value.slice(5, 7), 16), 1];
    const parts = /rgba?\(([^)]*)\)/.exec(value)![1]!.split(',').map(Number);
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  };
  const over = (top: [number, number, number, number], bottom: [number, number, number, number]): [number, number, number, number] =>
    [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as [number, number, number, number];
  const luminance = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const hex = (c: number[]) =>
    `#${c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('')}`;
  const contains = (element: Element, x: number, y: number) => {
    const r = element.getBoundingClientRect();
    return r.width > 0 && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  };
  const fillOf = (element: Element) => {
    const style = getComputedStyle(element);
    const fill = parse(style.fill);
    if (!fill) return undefined;
    fill[3] *= Number(style.fillOpacity || 1) * Number(style.opacity || 1);
    return fill;
  };
  const holders = new Set<Element>();
  for (const root of document.querySelectorAll('.diagram svg, .marks, .tooltip:not([hidden])')) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (node.textContent?.trim() && parent && !parent.closest('style, title, defs')) holders.add(parent);
    }
  }
  const result: Reading[] = [];
  for (const element of holders) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const [x, y] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
    let bg = parse(getComputedStyle(document.body).backgroundColor)!;
    if (element.closest('.diagram svg')) {
      for (const box of document.querySelectorAll('.diagram svg g.cluster > rect')) {
        const fill = fillOf(box);
        if (fill && contains(box, x, y)) bg = over(fill, bg);
      }
      const node = element.closest('g.node');
      if (node) {
        for (const shape of node.querySelectorAll('rect, path, polygon, circle, ellipse')) {
          if (shape.closest('.label, foreignObject') || shape.closest('svg') !== node.closest('svg')) continue;
          const fill = fillOf(shape);
          if (fill && contains(shape, x, y)) bg = over(fill, bg);
        }
      }
    }
    const htmlLayers: Element[] = [];
    for (let at: Element | null = element; at && !(at instanceof SVGElement) && at !== document.body; at = at.parentElement)
      htmlLayers.unshift(at);
    for (const layer of htmlLayers) {
      const colour = parse(getComputedStyle(layer).backgroundColor);
      if (colour && colour[3] > 0) bg = over(colour, bg);
    }
    const style = getComputedStyle(element);
    const fg = over(parse(element instanceof SVGElement ? style.fill : style.color) ?? [0, 0, 0, 1], bg);
    const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    result.push({
      text: element.textContent!.trim().slice(0, 40),
      ratio: Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100,
      fg: hex(fg),
      bg: hex(bg),
    });
  }
  return result;
}

const nodeSelector = (nodeId: string) => `.diagram svg g[id*="-flowchart-${nodeId}-"]`;

async function assertReadable(page: Page, what: string): Promise<Reading[]> {
  const all = await page.evaluate(readings);
  assert.ok(all.length > 10, `${what}: found the labels (${all.length})`);
  const poor = all.filter((reading) => reading.ratio < 4.5);
  assert.deepEqual(poor, [], `${what}: text below 4.5:1`);
  return all;
}

describe('the preview in light and dark themes', { skip: skipBrowser }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  const withPreview: Harness['withPreview'] = (run, options) => harness.withPreview(run, options);

  for (const theme of ['light', 'dark'] as ThemeKind[]) {
    test(`${theme}: labels, edge labels, group titles, badges and tooltips read at 4.5:1 or more`, () =>
      withPreview(
        async (preview) => {
          const page = preview.page;
          for (const text of [FIXTURE, readFileSync(join(ROOT, 'examples/mistakes.awsflow'), 'utf8')]) {
            const diagram = diagramResult(text);
            await preview.render({ ...diagram, version: text === FIXTURE ? 1 : 2 }, { version: text === FIXTURE ? 1 : 2 });
            assert.ok((await page.locator('.marks .badge.error').count()) > 0, 'an error badge');
            const all = await assertReadable(page, `${theme}, ${text === FIXTURE ? 'fixture' : 'mistakes.awsflow'}`);
            for (const kind of ['20/s', 'dead letter', 'SQS queue', 'work', '!']) {
              if (text === FIXTURE)
                assert.ok(
                  all.some((reading) => reading.text === kind || reading.text.includes(kind)),
                  `${kind} was measured`,
                );
            }
            // The tooltip of a flagged node.
            const flagged = diagram.nodes.find((n) => n.severity === 'error')!;
            await page.locator(`.marks .badge[data-node="${flagged.id}"]`).hover();
            await page.locator('.tooltip').waitFor({ state: 'visible' });
            await assertReadable(page, `${theme} with a tooltip`);
            await page.mouse.move(2, 300);
            await page.locator('.tooltip').waitFor({ state: 'hidden' });
          }
        },
        { theme },
      ));
  }

  test("a dead-letter queue is framed in the theme's tone: dark in the dark theme, light in the light one", () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram);
      const page = preview.page;
      const dlq = diagram.nodes.find((n) => n.resourceId === 'jobs-dlq')!;
      const tone = () =>
        page
          .locator(nodeSelector(dlq.id))
          .first()
          .evaluate((node) => {
            const context = document.createElement('canvas').getContext('2d')!;
            const rgba = (css: string) => {
              context.fillStyle = css;
              const value = String(context.fillStyle);
              if (value.startsWith('#')) return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)).concat(1);
              return /rgba?\(([^)]*)\)/.exec(value)![1]!.split(',').map(Number).concat(1).slice(0, 4);
            };
            const page = rgba(getComputedStyle(document.body).backgroundColor);
            const fills = [...node.querySelectorAll('rect, path, polygon')]
              .filter((shape) => !shape.closest('.label, foreignObject') && shape.closest('svg') === node.closest('svg'))
              .map((shape) => getComputedStyle(shape))
              .filter((style) => style.fill !== 'none' && !style.fill.startsWith('url('))
              .map((style) => {
                const [r, g, b, a] = rgba(style.fill);
                const alpha = a! * Number(style.fillOpacity || 1);
                return [r, g, b].map((v, i) => v! * alpha + page[i]! * (1 - alpha));
              });
            const luminance = ([r, g, b]: number[]) => (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
            return { page: luminance(page), fills: fills.map(luminance) };
          });
      const light = await tone();
      assert.ok(light.fills.length > 0, JSON.stringify(light));
      assert.ok(
        light.fills.every((l) => l > 0.6),
        `light: ${JSON.stringify(light)}`,
      );
      const before = (await preview.posted()).length;
      await preview.setTheme('dark');
      await preview.waitFor('rendered', { after: before });
      const dark = await tone();
      assert.ok(dark.fills.length > 0 && dark.fills.every((l) => l < 0.3), `dark: ${JSON.stringify(dark)}`);
    }));

  test('tooltips name the type as people do (SQS queue, Lambda function), not by its id', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram);
      const page = preview.page;
      for (const [resourceId, name] of [
        ['jobs', 'SQS queue'],
        ['notify', 'Lambda function'],
        ['api', 'API Gateway API'],
        ['web', 'client outside AWS'],
      ] as const) {
        const node = diagram.nodes.find((n) => n.resourceId === resourceId)!;
        assert.equal(node.typeName, name, 'the core names the type');
        await page.locator(nodeSelector(node.id)).first().hover();
        await page.waitForFunction(
          (title) => document.querySelector('.tooltip:not([hidden]) .title')?.textContent?.includes(title),
          resourceId,
        );
        assert.deepEqual(await page.locator('.tooltip .type').allTextContents(), [name]);
      }
    }));

  test('a fresh preview of a broken file says the file has a problem and where, not "the last version"', () =>
    withPreview(async (preview) => {
      const page = preview.page;
      await preview.send({ type: 'stale', version: 1, reason: 'The file has a problem at line 3: bad indentation of a mapping entry' });
      await page.locator('.banner').waitFor({ state: 'visible' });
      const banner = (await page.locator('.banner').textContent()) ?? '';
      assert.equal(banner, 'Nothing to draw yet. The file has a problem at line 3: bad indentation of a mapping entry');
      assert.equal(await page.locator('.placeholder').textContent(), 'No diagram to show.');
      assert.equal(await page.locator('.diagram svg').count(), 0);
      assert.equal(await page.locator('.viewport.stale').count(), 0, 'nothing to dim');
      // Fixed: the diagram comes, the banner goes; broken again: now there is a last version.
      await preview.render(diagramResult(FIXTURE), { version: 2 });
      assert.equal(await page.locator('.banner').isVisible(), false);
      await preview.send({ type: 'stale', version: 3, reason: 'The file has a problem at line 4: x' });
      await page.locator('.viewport.stale').waitFor();
      assert.match(
        (await page.locator('.banner').textContent()) ?? '',
        /^The diagram shows the last version that could be drawn\. The file has a problem at line 4/,
      );
    }));
});
