/**
 * Big architectures in the built preview (headless Chromium): disconnected parts are
 * packed in a grid shaped like the pane, an edit inside one part leaves every other part
 * exactly where it was, and the first focus view of a large architecture is in sight.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { diagramResult, launch, skipBrowser, type Harness, type PreviewPage } from './harness';

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Twelve separate pipelines of different lengths (and so sizes), one of them a group. */
function pipelines(edit: (lines: string[], flows: string[]) => void = () => undefined): string {
  const lines = ['awsflow: 1', 'resources:'];
  const flows: string[] = [];
  for (let p = 0; p < 12; p++) {
    const length = 2 + (p % 3);
    const group = p === 7 ? ', group: billing' : '';
    for (let i = 0; i < length; i++) lines.push(`  s${p}-${i}: { type: ${i === 0 ? 'sqs' : 'lambda'}${group} }`);
    flows.push(`  - ${Array.from({ length }, (_, i) => `s${p}-${i}`).join(' -> ')}`);
  }
  edit(lines, flows);
  return [...lines, 'flows:', ...flows, ''].join('\n');
}

/** Each drawn node's box, in the drawing's own coordinates (relative to the outer SVG, unscaled). */
function nodeBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() => {
    const outer = document.querySelector('.diagram > svg')!;
    const origin = outer.getBoundingClientRect();
    const scale = origin.width / Number(outer.getAttribute('width'));
    const boxes: Record<string, Box> = {};
    for (const element of document.querySelectorAll('.diagram g[id*="-flowchart-n"]')) {
      const id = /-flowchart-(n\d+)-\d+$/.exec(element.id)?.[1];
      if (!id) continue;
      const rect = element.getBoundingClientRect();
      boxes[id] = {
        left: (rect.left - origin.left) / scale,
        top: (rect.top - origin.top) / scale,
        width: rect.width / scale,
        height: rect.height / scale,
      };
    }
    return boxes;
  });
}

/**
 * The same box, to a hundredth of a unit: boxes are read from the screen and divided by the
 * view's scale, which the fit changes when the grid grows, so exact floats differ in the
 * sixth decimal while the node has not moved.
 */
function assertSameBox(actual: Box | undefined, expected: Box, message: string): void {
  assert.ok(actual, `${message}: not drawn`);
  const moved = (['left', 'top', 'width', 'height'] as const).filter((side) => Math.abs(actual[side] - expected[side]) > 0.01);
  assert.deepEqual(moved, [], `${message}: ${JSON.stringify(actual)} against ${JSON.stringify(expected)}`);
}

/** The boxes of the drawn parts (the nested Mermaid SVGs) on screen, and the pane's. */
function partBoxes(page: Page): Promise<{ parts: Box[]; drawing: Box; pane: Box }> {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    };
    return {
      parts: [...document.querySelectorAll('.diagram > svg > svg')].map(box),
      drawing: box(document.querySelector('.diagram > svg')!),
      pane: box(document.querySelector('.viewport')!),
    };
  });
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const inside = (inner: Box, outer: Box, tolerance = 0.5) =>
  inner.left >= outer.left - tolerance &&
  inner.top >= outer.top - tolerance &&
  inner.left + inner.width <= outer.left + outer.width + tolerance &&
  inner.top + inner.height <= outer.top + outer.height + tolerance;

describe('big architectures in the preview (built, in Chromium)', { skip: skipBrowser }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  const withPreview = (run: (preview: PreviewPage) => Promise<void>, viewport = { width: 1200, height: 800 }) =>
    harness.withPreview(run, { viewport });

  test('twelve disconnected pipelines are packed in a grid about the shape of the pane, none over another', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(pipelines());
      const rendered = await preview.render(diagram);
      assert.deepEqual(rendered.type === 'rendered' && [rendered.nodes, rendered.edges], [diagram.nodes.length, diagram.edges.length]);
      const { parts, drawing, pane } = await partBoxes(preview.page);
      assert.equal(parts.length, 12, 'one drawn part per pipeline');
      for (let i = 0; i < parts.length; i++)
        for (let j = i + 1; j < parts.length; j++) assert.ok(!overlaps(parts[i]!, parts[j]!), `parts ${i} and ${j} overlap`);
      const columns = new Set(parts.map((part) => Math.round(part.left))).size;
      const rows = new Set(parts.map((part) => Math.round(part.top))).size;
      assert.ok(columns > 1 && rows > 1, `${columns} columns × ${rows} rows`);
      const shape = drawing.width / drawing.height;
      const paneShape = pane.width / pane.height;
      assert.ok(shape > paneShape / 2 && shape < paneShape * 2, `drawing ${shape.toFixed(2)}, pane ${paneShape.toFixed(2)}`);
      // Fitted on the first drawing: all of it is in the pane.
      assert.ok(inside(drawing, pane), JSON.stringify({ drawing, pane }));
      // Every node is inside its own part: the parts are whole drawings.
      const nodes = await nodeBoxes(preview.page);
      assert.equal(Object.keys(nodes).length, diagram.nodes.length);
      // The group is one box, drawn once.
      assert.deepEqual(
        (await preview.page.locator('.diagram svg g.cluster').allTextContents()).map((t) => t.trim()),
        ['billing'],
      );
      // A click on a node of a part still reveals its resource.
      const before = (await preview.posted()).length;
      const target = diagram.nodes.find((node) => node.resourceId === 's9-1')!;
      await preview.page.locator(`.diagram svg g[id*="-flowchart-${target.id}-"]`).click();
      assert.equal((await preview.waitFor('revealResource', { after: before })).resourceId, 's9-1');
    }));

  test('a tall pane gets fewer columns than a wide one', async () => {
    const columnsIn = async (viewport: { width: number; height: number }) => {
      let columns = 0;
      await withPreview(async (preview) => {
        await preview.render(diagramResult(pipelines()));
        const { parts } = await partBoxes(preview.page);
        columns = new Set(parts.map((part) => Math.round(part.left))).size;
      }, viewport);
      return columns;
    };
    const wide = await columnsIn({ width: 1400, height: 600 });
    const tall = await columnsIn({ width: 500, height: 1000 });
    assert.ok(wide > tall && tall >= 1, `wide ${wide}, tall ${tall}`);
  });

  test("an edit inside one part, or one more part, leaves every other part's nodes exactly where they were", () =>
    withPreview(async (preview) => {
      const page = preview.page;
      const first = diagramResult(pipelines(), { icons: true }, 1);
      await preview.render(first);
      const idOf = (diagram: typeof first, resourceId: string) => diagram.nodes.find((node) => node.resourceId === resourceId)!.id;
      await page.evaluate(() =>
        document.querySelectorAll('.diagram > svg > svg').forEach((part, index) => part.setAttribute('data-test-part', String(index))),
      );
      const before = await nodeBoxes(page);
      const canvas = () => page.locator('.canvas').evaluate((element) => (element as HTMLElement).style.transform);
      const view = await canvas();

      // A rate on pipeline 4's flow: its edge gets a label, it is laid out again; nothing else is.
      const rated = diagramResult(
        pipelines((_, flows) => (flows[4] = `${flows[4]!}: { rate: 20/s }`)),
        { icons: true },
        2,
      );
      const second = await preview.render(rated);
      assert.ok(second.type === 'rendered' && second.relayout);
      assert.ok((await page.locator('.diagram svg .edgeLabels').allTextContents()).join(' ').includes('20/s'));
      const afterRate = await nodeBoxes(page);
      const inPipeline = (diagram: typeof first, p: number) =>
        new Set(diagram.nodes.filter((node) => node.resourceId.startsWith(`s${p}-`)).map((node) => node.id));
      const edited = inPipeline(first, 4);
      for (const [id, box] of Object.entries(before)) if (!edited.has(id)) assertSameBox(afterRate[id], box, `node ${id} stayed`);
      // The other parts are the very same drawings (kept, not laid out again); pipeline 4's is new.
      assert.deepEqual(
        await page.evaluate(() =>
          [...document.querySelectorAll('.diagram > svg > svg')].map((part) => part.getAttribute('data-test-part')),
        ),
        ['0', '1', '2', '3', null, '5', '6', '7', '8', '9', '10', '11'],
      );
      assert.equal(await canvas(), view, 'the view did not move either');

      // A node added to pipeline 3 (two resources, in a column with longer pipelines): the others stay.
      const grown = diagramResult(
        pipelines((lines, flows) => {
          lines.push('  s3-extra: { type: sqs }');
          flows[4] = `${flows[4]!}: { rate: 20/s }`;
          flows.push('  - s3-1 -> s3-extra');
        }),
        { icons: true },
        3,
      );
      await preview.render(grown);
      const afterGrowth = await nodeBoxes(page);
      const grownPart = inPipeline(grown, 3);
      for (const [id, box] of Object.entries(afterRate))
        if (!grownPart.has(id)) assertSameBox(afterGrowth[id], box, `node ${id} stayed when pipeline 3 grew`);
      assert.ok(afterGrowth[idOf(grown, 's3-extra')], 'the new node is drawn');

      // A new pipeline at the end of the file: a new part, and the others stay.
      const more = diagramResult(
        pipelines((lines, flows) => {
          lines.push('  s3-extra: { type: sqs }', '  late-in: { type: sqs }', '  late-fn: { type: lambda }');
          flows[4] = `${flows[4]!}: { rate: 20/s }`;
          flows.push('  - s3-1 -> s3-extra', '  - late-in -> late-fn');
        }),
        { icons: true },
        4,
      );
      await preview.render(more);
      const afterMore = await nodeBoxes(page);
      for (const [id, box] of Object.entries(afterGrowth)) assertSameBox(afterMore[id], box, `node ${id} stayed when a pipeline was added`);
      assert.equal((await partBoxes(page)).parts.length, 13);
    }));

  test('a layout picked in the toolbar is not undone by a render the extension sent before it had the pick', () =>
    withPreview(async (preview) => {
      const page = preview.page;
      const diagram = diagramResult(pipelines());
      await preview.render(diagram, { layout: 'dagre', version: 1 });
      const positions = () =>
        page.locator('.diagram svg g[id*="-flowchart-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('transform')));
      const shownLayout = () =>
        page.locator('vscode-single-select[data-action="layout"]').evaluate((select) => (select as HTMLElement & { value: string }).value);
      const dagre = await positions();
      const before = (await preview.posted()).length;
      await page.locator('vscode-single-select[data-action="layout"]').click();
      await page.locator('vscode-single-select[data-action="layout"] >> text=Layout: ELK').last().click();
      assert.deepEqual(await preview.waitFor('setLayout', { after: before }), { type: 'setLayout', layout: 'elk' });
      await preview.waitFor('rendered', { version: 1, after: before });
      const elk = await positions();
      assert.notDeepEqual(elk, dagre);
      // A structural edit the extension sent (still with dagre) before it read the pick: drawn in ELK.
      const edited = diagramResult(
        pipelines((lines, flows) => {
          lines.push('  extra: { type: sqs }');
          flows.push('  - s0-1 -> extra');
        }),
        { icons: true },
        2,
      );
      const stale = await preview.render(edited, { layout: 'dagre', version: 2 });
      assert.equal(stale.type, 'rendered');
      assert.equal(await shownLayout(), 'elk');
      // The extension's answer with the pick: nothing to lay out again.
      const answer = await preview.render({ ...edited, version: 3 }, { layout: 'elk', version: 3 });
      assert.ok(answer.type === 'rendered' && !answer.relayout, JSON.stringify(answer));
      // From then on the extension decides again (the setting changed elsewhere, say).
      const later = await preview.render({ ...edited, version: 4 }, { layout: 'dagre', version: 4 });
      assert.ok(later.type === 'rendered' && later.relayout);
      assert.equal(await shownLayout(), 'dagre');
    }));

  test('a large architecture: the first focus view, and the one after the cursor moves, are fully in sight', () =>
    withPreview(async (preview) => {
      const lines = ['awsflow: 1', 'resources:'];
      const flows: string[] = [];
      // 160 resources: long pipelines, so a focus view is long and wide.
      for (let p = 0; p < 10; p++) {
        for (let i = 0; i < 16; i++)
          lines.push(`  p${p}-${i}: { type: ${i % 2 === 0 ? 'sqs' : 'lambda'}${i === 5 && p === 0 ? ', timeout: 20m' : ''} }`);
        flows.push(`  - ${Array.from({ length: 16 }, (_, i) => `p${p}-${i}`).join(' -> ')}`);
      }
      const diagram = diagramResult([...lines, 'flows:', ...flows, ''].join('\n'));
      assert.equal(diagram.nodes.length, 160);
      const page = preview.page;
      const rendered = await preview.render(diagram);
      assert.equal(rendered.type === 'rendered' && rendered.nodes, 16, 'the focus view: the pipeline with the problem');
      const assertInSight = async (what: string) => {
        const { pane, drawing } = await partBoxes(page);
        const notice = await page.locator('.notice').evaluate((element) => element.getBoundingClientRect().bottom);
        assert.ok(await page.locator('.notice').isVisible());
        assert.ok(pane.top >= notice - 0.5, `${what}: the pane starts below the notice`);
        assert.ok(inside(drawing, pane), `${what}: ${JSON.stringify({ drawing, pane })}`);
        const nodes = await page.evaluate(() =>
          [...document.querySelectorAll('.diagram g[id*="-flowchart-n"]')].map((element) => {
            const rect = element.getBoundingClientRect();
            return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
          }),
        );
        for (const node of nodes) assert.ok(inside(node, pane), `${what}: a node out of sight ${JSON.stringify({ node, pane })}`);
      };
      await assertInSight('the first focus view');
      const before = (await preview.posted()).length;
      await preview.send({ type: 'highlight', resourceId: 'p6-3' });
      assert.equal((await preview.waitFor('rendered', { after: before })).nodes, 16);
      await assertInSight('the focus view on p6-3');
    }));
});
