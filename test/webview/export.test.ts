/**
 * Exports that paste anywhere: the built preview in headless Chromium exports an SVG whose
 * labels are SVG text (no HTML in a <foreignObject>, which only browsers draw), placed
 * where the screen shows them, with the architecture's name as its <title> and a heading;
 * the PNG carries the heading too. A real non-browser renderer (rsvg-convert, librsvg)
 * draws the exported text where the old HTML labels drew nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, diagramResult, launch, skipBrowser, type Harness, type PreviewPage } from './harness';

const FIXTURE = [
  'awsflow: 1',
  'name: order <pipeline> & "friends"',
  'resources:',
  '  web: { type: client, label: Web app }',
  '  api: { type: api-gateway, group: edge }',
  '  jobs: { type: sqs, group: work, deadLetter: { target: jobs-dlq, maxReceiveCount: 3 } }',
  '  jobs-dlq: { type: sqs, group: work }',
  '  worker: { type: lambda, timeout: 20m, group: work, label: a worker with a label far too long to fit on a single line of its node }',
  '  done: { type: sns, encryption: kms }',
  'flows:',
  '  - web -> api',
  '  - api -> jobs: { rate: 20/s }',
  '  - jobs -> worker -> done',
  '',
].join('\n');
const NAME = 'order <pipeline> & "friends"';

/** What the test reads of an exported SVG, parsed by the browser's XML parser. */
interface ExportedShape {
  rootName: string;
  parseErrors: number;
  foreignObjects: number;
  firstChild: string;
  title: string | null;
  heading: string | null;
  /** Per node id: the text of each drawn line (a <tspan> with a y starts one), in order. */
  nodeLines: Record<string, string[]>;
  edgeLabelText: string;
  iconNodes: number;
  viewBox: string | null;
}

const RSVG = '/usr/bin/rsvg-convert';

describe('exports (built preview, in Chromium)', { skip: skipBrowser }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  const withPreview: Harness['withPreview'] = (run, options) => harness.withPreview(run, options);

  async function exportSvg(preview: PreviewPage): Promise<string> {
    const before = (await preview.posted()).length;
    await preview.page.locator('vscode-button[data-action="export-svg"]').click();
    const message = await preview.waitFor('export', { after: before });
    assert.equal(message.format, 'svg');
    return message.data;
  }

  /** The exported document as a browser's XML parser reads it: no HTML involved. */
  function shapeOf(preview: PreviewPage, svgText: string): Promise<ExportedShape> {
    return preview.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const nodeLines: Record<string, string[]> = {};
      for (const node of root.querySelectorAll('g[id*="-flowchart-n"]')) {
        const id = /-flowchart-(n\d+)-/.exec(node.id)?.[1];
        if (!id) continue;
        const lines: string[] = [];
        for (const span of node.querySelectorAll('text tspan')) {
          if (span.hasAttribute('y')) lines.push(span.textContent ?? '');
          else lines[lines.length - 1] += span.textContent ?? '';
        }
        nodeLines[id] = lines;
      }
      return {
        rootName: root.localName,
        parseErrors: doc.getElementsByTagName('parsererror').length,
        foreignObjects: root.getElementsByTagName('foreignObject').length,
        firstChild: root.firstElementChild?.localName ?? '',
        title: root.querySelector(':scope > title')?.textContent ?? null,
        heading: root.querySelector(':scope > text.awsflow-title')?.textContent ?? null,
        nodeLines,
        edgeLabelText: [...root.querySelectorAll('.edgeLabels text')].map((t) => t.textContent).join('|'),
        iconNodes: root.querySelectorAll('g.icon-shape svg').length,
        viewBox: root.getAttribute('viewBox'),
      };
    }, svgText);
  }

  test('the SVG carries every label as SVG text, none in a foreignObject, multi-line labels as lines, icons kept', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      assert.equal(diagram.title, NAME);
      await preview.render(diagram);
      // On screen, Mermaid draws the labels as HTML: that is what an export must not carry.
      assert.ok((await preview.page.locator('.diagram svg foreignObject').count()) >= diagram.nodes.length);
      const shape = await shapeOf(preview, await exportSvg(preview));
      assert.equal(shape.rootName, 'svg');
      assert.equal(shape.parseErrors, 0, 'well-formed XML');
      assert.equal(shape.foreignObjects, 0, 'no <foreignObject> left');
      const types: Record<string, string> = {
        web: 'client',
        api: 'API Gateway',
        jobs: 'SQS queue',
        'jobs-dlq': 'SQS queue',
        worker: 'Lambda',
        done: 'SNS topic',
      };
      for (const node of diagram.nodes) {
        const lines = shape.nodeLines[node.id];
        assert.ok(lines && lines.length >= 2, `${node.resourceId}: label and type on lines of their own, got ${JSON.stringify(lines)}`);
        // The label (wrapped or not) then the type line, word for word.
        assert.equal(lines.slice(0, -1).join(' '), node.label, node.resourceId);
        assert.equal(lines.at(-1), types[node.resourceId], node.resourceId);
      }
      const worker = diagram.nodes.find((n) => n.resourceId === 'worker')!;
      assert.ok(
        shape.nodeLines[worker.id]!.length >= 3,
        `the long label wraps as on screen: ${JSON.stringify(shape.nodeLines[worker.id])}`,
      );
      assert.ok(shape.edgeLabelText.includes('20/s'), `edge labels as text: ${shape.edgeLabelText}`);
      assert.ok(shape.iconNodes >= 4, 'the AWS icons are still drawn');
      // The name: the document's <title> (its first child) and a heading drawn above the drawing.
      assert.equal(shape.firstChild, 'title');
      assert.equal(shape.title, NAME);
      assert.equal(shape.heading, NAME);
    }));

  test('each exported label lies inside its node, at the place the screen shows it, whatever the zoom', async () => {
    const diagram = diagramResult(FIXTURE);
    /** Per node: the exported label text's box and the node shape's box, in the exported document's units. */
    const boxesAt = async (scale: number) => {
      let result: Record<string, { text: DOMRect; node: DOMRect }> = {};
      await withPreview(
        async (preview) => {
          await preview.render(diagram);
          const svgText = await exportSvg(preview);
          result = await preview.page.evaluate((text) => {
            // Laid out by the browser as an SVG document, not as the preview's HTML.
            const host = document.createElement('div');
            host.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
            document.body.append(host);
            const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
            host.append(document.importNode(svg, true));
            const boxes: Record<string, { text: DOMRect; node: DOMRect }> = {};
            for (const node of host.querySelectorAll<SVGGElement>('g[id*="-flowchart-n"]')) {
              const id = /-flowchart-(n\d+)-/.exec(node.id)?.[1];
              const label = node.querySelector<SVGTextElement>('text');
              const shape = node.querySelector<SVGGraphicsElement>('rect, path, polygon, circle');
              if (!id || !label || !shape) continue;
              const origin = host.firstElementChild!.getBoundingClientRect();
              const box = (r: DOMRect) => new DOMRect(r.x - origin.x, r.y - origin.y, r.width, r.height);
              boxes[id] = { text: box(label.getBoundingClientRect()), node: box(node.getBoundingClientRect()) };
            }
            host.remove();
            return JSON.parse(
              JSON.stringify(boxes, (_key, value) =>
                value instanceof DOMRect ? { x: value.x, y: value.y, width: value.width, height: value.height } : value,
              ),
            );
          }, svgText);
        },
        { state: { view: { x: 40, y: 30, scale } } },
      );
      return result;
    };
    const natural = await boxesAt(1);
    const zoomedOut = await boxesAt(0.35);
    assert.deepEqual(Object.keys(natural).sort(), diagram.nodes.map((n) => n.id).sort());
    for (const [id, { text, node }] of Object.entries(natural)) {
      assert.ok(text.width > 10 && text.height > 10, `${id}: text drawn (${JSON.stringify(text)})`);
      const inside =
        text.x >= node.x - 1 &&
        text.y >= node.y - 1 &&
        text.x + text.width <= node.x + node.width + 1 &&
        text.y + text.height <= node.y + node.height + 1;
      assert.ok(inside, `${id}: label ${JSON.stringify(text)} inside node ${JSON.stringify(node)}`);
      // Measured on a zoomed-out screen, the export is the same drawing.
      const other = zoomedOut[id]!.text;
      for (const key of ['x', 'y', 'width', 'height'] as const)
        assert.ok(Math.abs(other[key] - text[key]) < 1, `${id}.${key}: ${other[key]} at zoom 0.35, ${text[key]} at 1`);
    }
  });

  test('the PNG carries the title band; a file without a name has no title and no band', () =>
    withPreview(async (preview) => {
      const pngSize = async () => {
        const before = (await preview.posted()).length;
        await preview.page.locator('vscode-button[data-action="export-png"]').click();
        const png = await preview.waitFor('export', { after: before });
        const bytes = Buffer.from(png.data.slice('data:image/png;base64,'.length), 'base64');
        return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
      };
      const named = diagramResult(FIXTURE);
      await preview.render(named);
      const drawn = await preview.page.locator('.diagram > svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.height);
      const withTitle = await pngSize();
      assert.equal(withTitle.height, Math.floor((drawn + 40) * 2), 'twice the drawing plus the 40-unit title band');
      const shape = await shapeOf(preview, await exportSvg(preview));
      assert.equal(Number(shape.viewBox?.split(' ')[3]), drawn + 40);

      const unnamed = diagramResult(FIXTURE.replace(/^name: .*\n/m, ''), undefined, 2);
      assert.equal(unnamed.title, undefined);
      await preview.render(unnamed);
      const plainDrawn = await preview.page.locator('.diagram > svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.height);
      assert.equal((await pngSize()).height, Math.floor(plainDrawn * 2));
      const plainShape = await shapeOf(preview, await exportSvg(preview));
      assert.equal(plainShape.title, null);
      assert.equal(plainShape.heading, null);
      assert.equal(plainShape.foreignObjects, 0);
    }));

  test('the preview shows the name as a heading, as text, and hides it for a file without one', () =>
    withPreview(async (preview) => {
      const heading = preview.page.locator('h1.title');
      await preview.render(diagramResult(FIXTURE));
      assert.ok(await heading.isVisible());
      assert.equal(await heading.textContent(), NAME);
      assert.equal(await heading.locator('*').count(), 0, 'the name stays text');
      await preview.render(diagramResult(FIXTURE.replace(/^name: .*\n/m, ''), undefined, 2));
      assert.equal(await heading.isVisible(), false);
      await preview.render(diagramResult(FIXTURE.replace(/^name: .*$/m, 'name: renamed'), undefined, 3));
      assert.equal(await heading.textContent(), 'renamed');
      mkdirSync(join(ROOT, 'out/screenshots'), { recursive: true });
      await preview.page.screenshot({ path: join(ROOT, 'out/screenshots/preview-title.png') });
    }));

  test("dark theme: the exported title and labels take the theme's colours", () =>
    withPreview(
      async (preview) => {
        await preview.render(diagramResult(FIXTURE));
        const text = await exportSvg(preview);
        const styles = await preview.page.evaluate((svgText) => {
          const root = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
          return {
            title: root.querySelector('text.awsflow-title')?.getAttribute('style') ?? '',
            backdrop: root.querySelector(':scope > rect')?.getAttribute('fill'),
          };
        }, text);
        assert.match(styles.title, /fill:rgb\(204, 204, 204\)/, 'the editor foreground #cccccc');
        assert.equal(styles.backdrop, '#1f1f1f');
      },
      { theme: 'dark' },
    ));

  test(
    'rsvg-convert (librsvg, no browser) draws the exported labels; the HTML labels it would not',
    { skip: existsSync(RSVG) ? false : 'rsvg-convert is not installed (.ci/run installs librsvg2-bin)' },
    () =>
      withPreview(async (preview) => {
        const diagram = diagramResult(FIXTURE);
        await preview.render(diagram);
        const exported = await exportSvg(preview);
        // The same document with its labels taken out, and the drawing as Mermaid made it (labels in HTML).
        const { withoutText, htmlLabels, htmlWithoutLabels } = await preview.page.evaluate((svgText) => {
          const serialize = (node: Node) => new XMLSerializer().serializeToString(node);
          const root = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
          for (const label of root.querySelectorAll('text')) label.remove();
          const live = document.querySelector('.diagram svg')!.cloneNode(true) as SVGSVGElement;
          const liveStripped = live.cloneNode(true) as SVGSVGElement;
          for (const label of liveStripped.querySelectorAll('foreignObject')) label.remove();
          return { withoutText: serialize(root), htmlLabels: serialize(live), htmlWithoutLabels: serialize(liveStripped) };
        }, exported);
        const folder = mkdtempSync(join(tmpdir(), 'awsflow-rsvg-'));
        const rasterise = (name: string, svg: string) => {
          writeFileSync(join(folder, `${name}.svg`), svg);
          execFileSync(RSVG, ['-o', join(folder, `${name}.png`), join(folder, `${name}.svg`)]);
          return `data:image/png;base64,${readFileSync(join(folder, `${name}.png`)).toString('base64')}`;
        };
        /** How many pixels differ between two images of the same size. */
        const differing = (a: string, b: string) =>
          preview.page.evaluate(
            async ([first, second]) => {
              const pixels = async (url: string) => {
                const image = new Image();
                image.src = url;
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext('2d')!;
                context.drawImage(image, 0, 0);
                return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
              };
              const [x, y] = [await pixels(first), await pixels(second)];
              if (x.width !== y.width || x.height !== y.height) return -1;
              let count = 0;
              for (let i = 0; i < x.data.length; i += 4)
                if (
                  Math.abs(x.data[i]! - y.data[i]!) +
                    Math.abs(x.data[i + 1]! - y.data[i + 1]!) +
                    Math.abs(x.data[i + 2]! - y.data[i + 2]!) >
                  96
                )
                  count++;
              return count;
            },
            [a, b] as const,
          );
        const textPixels = await differing(rasterise('exported', exported), rasterise('without-text', withoutText));
        const htmlPixels = await differing(rasterise('html', htmlLabels), rasterise('html-without-labels', htmlWithoutLabels));
        // A 14px label is some hundreds of inked pixels; seven labels, a title and an edge label are thousands.
        assert.ok(textPixels > 2000, `rsvg-convert drew the exported text: ${textPixels} pixels`);
        assert.equal(htmlPixels, 0, 'the control: rsvg-convert draws nothing of the HTML labels');
        mkdirSync(join(ROOT, 'out/screenshots'), { recursive: true });
        writeFileSync(join(ROOT, 'out/screenshots/export-rsvg.png'), readFileSync(join(folder, 'exported.png')));
      }),
  );
});
