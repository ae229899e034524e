/**
 * The built preview in headless Chromium under the extension's CSP: what it draws for
 * diagrams made by the real core, what it posts back, and that hostile text stays text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE, ROOT, diagramResult, launch, skipBrowser, type Harness, type TestWindow } from './harness';

/** The node's drawn `<g>`, found the way the preview finds it (by the Mermaid id). */
const nodeSelector = (nodeId: string) => `.diagram svg g[id*="-flowchart-${nodeId}-"]`;

/** The page's console.warn calls, recorded by a test that needs them. */
interface WarnedWindow {
  __warned: string[];
}

describe('preview webview (built, in Chromium, under the extension CSP)', { skip: skipBrowser }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  const withPreview: Harness['withPreview'] = (run, options) => harness.withPreview(run, options);

  test('draws every node and edge of a diagram from the core, icons included, and posts rendered', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      const rendered = await preview.render(diagram);
      assert.equal(rendered.type, 'rendered');
      assert.deepEqual(
        { ...rendered, milliseconds: 0 },
        { type: 'rendered', version: 1, nodes: diagram.nodes.length, edges: diagram.edges.length, milliseconds: 0, relayout: true },
      );
      const page = preview.page;
      for (const node of diagram.nodes) {
        const text = await page.locator(nodeSelector(node.id)).textContent();
        assert.ok(text?.includes(node.label), `node ${node.id} shows '${node.label}', got '${text}'`);
      }
      assert.equal(await page.locator('.diagram svg path.flowchart-link').count(), diagram.edges.length);
      // Icon nodes carry the AWS icon as inline SVG (from the bundled subset, not fetched).
      const queue = diagram.nodes.find((n) => n.resourceId === 'jobs')!;
      assert.equal(await page.locator(`${nodeSelector(queue.id)}.icon-shape svg`).count(), 1, 'the SQS node is an icon node');
      // The client has no icon: a plain shape.
      assert.equal(await page.locator(`${nodeSelector(diagram.nodes.find((n) => n.resourceId === 'web')!.id)}.icon-shape`).count(), 0);
      // Groups are clusters; the edge labels (rates) are drawn.
      assert.deepEqual((await page.locator('.diagram svg g.cluster').allTextContents()).map((t) => t.trim()).sort(), ['edge', 'work']);
      assert.ok((await page.locator('.diagram svg .edgeLabels').textContent())?.includes('20/s'));
    }));

  test('nodes with findings get a badge over the node (icon nodes too), with the messages on hover as text', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram);
      const page = preview.page;
      const flagged = diagram.nodes.filter((n) => n.severity === 'error' || n.severity === 'warning');
      assert.ok(
        flagged.some((n) => n.resourceId === 'worker' && n.severity === 'error'),
        'the fixture has an error on an icon node',
      );
      assert.deepEqual(
        (await page.locator('.marks .badge').evaluateAll((badges) => badges.map((b) => (b as HTMLElement).dataset['node']))).sort(),
        flagged.map((n) => n.id).sort(),
      );
      // The frame sits over the node: the node's centre lies inside it.
      const worker = diagram.nodes.find((n) => n.resourceId === 'worker')!;
      // getBoundingClientRect, as the preview measures (Playwright's boxes include strokes).
      const box = (selector: string) =>
        page
          .locator(selector)
          .evaluate((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number });
      const nodeBox = await box(nodeSelector(worker.id));
      const frameBox = await box(`.marks .frame.error[data-node="${worker.id}"]`);
      const [cx, cy] = [nodeBox.x + nodeBox.width / 2, nodeBox.y + nodeBox.height / 2];
      assert.ok(
        cx > frameBox.x && cx < frameBox.x + frameBox.width && cy > frameBox.y && cy < frameBox.y + frameBox.height,
        'the frame covers the node',
      );
      assert.ok(frameBox.width >= nodeBox.width && frameBox.height >= nodeBox.height, JSON.stringify({ nodeBox, frameBox }));
      await page.locator(`.marks .badge[data-node="${worker.id}"]`).hover();
      const tooltip = page.locator('.tooltip');
      await tooltip.waitFor({ state: 'visible' });
      const text = (await tooltip.textContent()) ?? '';
      for (const message of worker.messages) assert.ok(text.includes(message), `tooltip shows '${message}'`);
      await page.mouse.move(2, 790);
      await tooltip.waitFor({ state: 'hidden' });
    }));

  test('a finding about one target of a fan-out marks that edge only', () =>
    withPreview(async (preview) => {
      const fanOut =
        'awsflow: 1\nresources:\n  topic: { type: sns, encryption: kms }\n  a: { type: sqs }\n  b.fifo: { type: sqs, fifo: true }\n  c: { type: lambda }\nflows:\n  - topic -> a, b.fifo, c\n';
      const diagram = diagramResult(fanOut);
      await preview.render(diagram);
      const topic = diagram.nodes.find((n) => n.resourceId === 'topic')!.id;
      const fifo = diagram.nodes.find((n) => n.resourceId === 'b.fifo')!.id;
      const marked = await preview.page
        .locator('.diagram svg path.flowchart-link.awsflow-edge-error')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-id')));
      assert.deepEqual(marked, [`L_${topic}_${fifo}_0`]);
      assert.equal(await preview.page.locator('.diagram svg path.flowchart-link').count(), 3);
    }));

  test('a click on a node posts revealResource with its resource id; a drag does not', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram);
      const page = preview.page;
      for (const resourceId of ['jobs', 'web', 'notify']) {
        const node = diagram.nodes.find((n) => n.resourceId === resourceId)!;
        const before = (await preview.posted()).length;
        await page.locator(nodeSelector(node.id)).click();
        const message = await preview.waitFor('revealResource', { after: before });
        assert.equal(message.resourceId, resourceId);
      }
      // Press on a node, drag, release: that pans, and reveals nothing.
      const box = (await page.locator(nodeSelector(diagram.nodes[0]!.id)).boundingBox())!;
      const before = await preview.posted();
      const transform = await page.locator('.canvas').evaluate((e) => (e as HTMLElement).style.transform);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 5 });
      await page.mouse.up();
      assert.notEqual(await page.locator('.canvas').evaluate((e) => (e as HTMLElement).style.transform), transform, 'the drag panned');
      assert.deepEqual(
        (await preview.posted()).slice(before.length).filter((m) => m.type === 'revealResource'),
        [],
      );
    }));

  for (const icons of [true, false]) {
    test(`hostile ids, labels and group names stay inert text (${icons ? 'icon' : 'plain'} nodes)`, () =>
      withPreview(async (preview) => {
        const hostile = {
          script: '<script>window.__pwned = "script"</script>',
          image: '<img src=x onerror="window.__pwned = \'img\'">',
          directive: '%%{init: {"theme": "forest", "securityLevel": "loose"}}%%',
          breakout: '"]; click n0 call alert(1); n9["x',
          yaml: '", icon: "logos:aws-s3", label: "x } @{ shape: "img", img: "https://example.com/x.png',
          control: 'bell\u0007 tab\t nul\u0000 line\u2028sep',
        };
        const quote = (text: string) =>
          `"${text
            .replace(/\\/g, '\\\\')
            .replace(/"/g, '\\"')
            .replaceAll('\u0007', '\\a')
            .replace(/\t/g, '\\t')
            .replaceAll('\u0000', '\\0')
            .replace(/\u2028/g, '\\L')}"`;
        const text = [
          'awsflow: 1',
          'resources:',
          ...Object.entries(hostile).map(
            ([key, label]) =>
              `  ${key}: { type: ${key === 'script' ? 'client' : 'sqs'}, label: ${quote(label)}, group: ${quote(key === 'image' ? hostile.script : 'g')} }`,
          ),
          `  ${quote('<img src=y onerror=window.__pwned=1>')}: { type: lambda }`,
          'flows:',
          '  - script -> image -> directive',
          '',
        ].join('\n');
        const diagram = diagramResult(text, { icons });
        const rendered = await preview.render(diagram);
        assert.equal(rendered.type, 'rendered', JSON.stringify(rendered));
        const page = preview.page;
        const state = await page.evaluate(() => ({
          pwned: (window as unknown as TestWindow).__pwned,
          images: document.querySelectorAll('img').length,
          scripts: [...document.querySelectorAll('script')].filter((s) => !s.hasAttribute('nonce')).length,
          handlers: [...document.querySelectorAll('*')].flatMap((e) =>
            [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`),
          ),
          text: document.querySelector('.diagram svg')!.textContent ?? '',
        }));
        assert.equal(state.pwned, undefined, 'no script ran');
        assert.equal(state.images, 0, 'no <img> element');
        assert.equal(state.scripts, 0, 'no injected <script>');
        assert.deepEqual(state.handlers, [], 'no event handler attribute');
        const shown = state.text.replace(/\s+/g, ' ');
        for (const label of [
          hostile.script,
          hostile.image,
          hostile.directive,
          hostile.breakout,
          hostile.yaml,
          '<img src=y onerror=window.__pwned=1>',
        ]) {
          assert.ok(shown.includes(label.replace(/\s+/g, ' ')), `'${label}' is shown as text`);
        }
        assert.equal(
          await page.locator('.diagram svg g.cluster').filter({ hasText: hostile.script }).count(),
          1,
          'the hostile group name is a cluster title',
        );
        // Every resource is one node: no label broke out into nodes of its own.
        assert.equal(await page.locator('.diagram svg g[id*="-flowchart-"]').count(), diagram.nodes.length);
        // The directive did nothing: mermaid kept our theme (`default`), not `forest`.
        assert.doesNotMatch((await page.locator('.diagram svg style').first().textContent()) ?? '', /#cde498/i);
        // And a click on the hostile node reveals its real id, as text.
        const node = diagram.nodes.find((n) => n.resourceId === '<img src=y onerror=window.__pwned=1>')!;
        const before = (await preview.posted()).length;
        await page.locator(nodeSelector(node.id)).click();
        assert.equal((await preview.waitFor('revealResource', { after: before })).resourceId, node.resourceId);
        await page.locator(nodeSelector(diagram.nodes.find((n) => n.resourceId === 'script')!.id)).hover();
        assert.equal(await page.locator('.tooltip').evaluate((t) => t.querySelectorAll('script, img').length), 0);
        assert.ok((await page.locator('.tooltip').textContent())?.includes(hostile.script));
      }));
  }

  test('the same Mermaid text again: no new layout, the same SVG, marks and version updated', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      assert.equal((await preview.render(diagram, { version: 1 })).type, 'rendered');
      const page = preview.page;
      await page.locator('.diagram > svg').evaluate((svg) => svg.setAttribute('data-test-mark', 'first'));
      // Version 2: same graph; its findings' messages changed (the text did not).
      const next = {
        ...diagram,
        version: 2,
        nodes: diagram.nodes.map((n) =>
          n.resourceId === 'worker' ? { ...n, messages: ['error: changed message (lambda/timeout-limit)'] } : n,
        ),
      };
      const rendered = await preview.render(next, { version: 2 });
      assert.deepEqual(
        { ...rendered, milliseconds: 0 },
        { type: 'rendered', version: 2, nodes: diagram.nodes.length, edges: diagram.edges.length, milliseconds: 0, relayout: false },
      );
      assert.equal(await page.locator('.diagram > svg').getAttribute('data-test-mark'), 'first', 'the SVG was kept');
      const worker = diagram.nodes.find((n) => n.resourceId === 'worker')!;
      await page.locator(`.marks .badge[data-node="${worker.id}"]`).hover();
      assert.ok((await page.locator('.tooltip').textContent())?.includes('changed message'), 'the marks show the new messages');
      // A changed graph does lay out again.
      const changed = diagramResult(FIXTURE.replace('label: Web app', 'label: Web shop'), { icons: true }, 3);
      const third = await preview.render(changed, { version: 3 });
      assert.equal(third.type === 'rendered' && third.relayout, true);
      assert.equal(await page.locator('.diagram > svg').getAttribute('data-test-mark'), null);
    }));

  test('older versions are dropped; a newer render supersedes one still waiting', () =>
    withPreview(async (preview) => {
      const first = diagramResult(FIXTURE);
      await preview.render(first, { version: 5 });
      const page = preview.page;
      const before = (await preview.posted()).length;
      // Version 4 arrives late: dropped, nothing posted, nothing redrawn.
      await preview.send({ type: 'render', version: 4, layout: 'dagre', diagram: diagramResult(FIXTURE.replace('Web app', 'Old label')) });
      // Two versions at once: 6 is superseded by 7 before it is drawn.
      await page.evaluate(
        ([six, seven]) => {
          window.postMessage({ type: 'render', version: 6, layout: 'dagre', diagram: six }, '*');
          window.postMessage({ type: 'render', version: 7, layout: 'dagre', diagram: seven }, '*');
        },
        [diagramResult(FIXTURE.replace('Web app', 'Six')), diagramResult(FIXTURE.replace('Web app', 'Seven'))] as const,
      );
      await preview.waitFor('rendered', { version: 7, after: before });
      const posted = (await preview.posted()).slice(before);
      assert.deepEqual(
        posted.map((m) => [m.type, 'version' in m ? m.version : undefined]),
        [['rendered', 7]],
      );
      const text = (await page.locator('.diagram > svg').textContent()) ?? '';
      assert.ok(text.includes('Seven') && !text.includes('Six') && !text.includes('Old label'));
    }));

  test('a version that cannot be drawn keeps the last good SVG, dimmed, and says why', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram, { version: 1 });
      const page = preview.page;
      await page.locator('.diagram > svg').evaluate((svg) => svg.setAttribute('data-test-mark', 'good'));
      const broken = { ...diagram, version: 2, mermaid: `${diagram.mermaid}  n0 --> --> n1\n` };
      const result = await preview.render(broken, { version: 2 });
      assert.equal(result.type, 'renderError');
      assert.ok(result.type === 'renderError' && result.message.length > 0);
      assert.equal(await page.locator('.diagram > svg').getAttribute('data-test-mark'), 'good', 'the last good SVG stays');
      assert.ok(await page.locator('.viewport.stale').isVisible(), 'dimmed');
      const banner = (await page.locator('.banner').textContent()) ?? '';
      assert.ok(
        banner.includes('cannot be drawn') && result.type === 'renderError' && banner.includes(result.message.slice(0, 40)),
        banner,
      );
      // The next good version clears it.
      await preview.render({ ...diagram, version: 3 }, { version: 3 });
      assert.equal(await page.locator('.banner').isVisible(), false);
      assert.equal(await page.locator('.viewport.stale').count(), 0);
    }));

  test('stale: the last diagram stays, dimmed, with the reason; a failing first render is never a blank pane', () =>
    withPreview(async (preview) => {
      const page = preview.page;
      assert.ok((await page.locator('.placeholder').textContent())?.includes('Waiting'), 'before any diagram, it says it is waiting');
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram, { version: 1 });
      await preview.send({ type: 'stale', version: 2, reason: 'line 3: bad indentation of a mapping entry' });
      await page.locator('.viewport.stale').waitFor();
      assert.ok((await page.locator('.banner').textContent())?.includes('line 3: bad indentation'));
      assert.equal(await page.locator('.diagram svg g[id*="-flowchart-"]').count(), diagram.nodes.length, 'the nodes are still drawn');
      const opacity = await page.locator('.canvas').evaluate((e) => Number(getComputedStyle(e).opacity));
      assert.ok(opacity < 1, `dimmed (opacity ${opacity})`);
      // A stale message about an older version than the one drawn changes nothing.
      await preview.render({ ...diagram, version: 3 }, { version: 3 });
      await preview.send({ type: 'stale', version: 2, reason: 'old news' });
      await preview.send({ type: 'fit' });
      assert.equal(await page.locator('.banner').isVisible(), false);
    }));

  test('a broken first diagram shows the reason, not a blank pane', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      const result = await preview.render({ ...diagram, mermaid: 'flowchart LR\n  n0 --> --> n1\n' });
      assert.equal(result.type, 'renderError');
      const page = preview.page;
      assert.ok(await page.locator('.banner').isVisible());
      assert.ok((await page.locator('.placeholder').textContent())?.includes('No diagram to show'));
      // Nothing was drawn before: the banner does not speak of a last version.
      const banner = (await page.locator('.banner').textContent()) ?? '';
      assert.match(banner, /^This diagram cannot be drawn\. /);
      assert.doesNotMatch(banner, /last/);
    }));

  test('a page that is not UTF-8 is reported, not drawn as garbage quietly', async () => {
    const preview = await harness.open({ charset: false });
    try {
      assert.match((await preview.page.locator('.banner').textContent()) ?? '', /not UTF-8/);
    } finally {
      await preview.close();
    }
  });

  test('malformed messages are ignored; the preview keeps working', () =>
    withPreview(async (preview) => {
      const page = preview.page;
      // The preview says (console.warn) when it ignores a malformed message: record it in the page, in order.
      await page.evaluate(() => {
        const window_ = window as unknown as WarnedWindow;
        const warn = console.warn.bind(console);
        window_.__warned = [];
        console.warn = (...args: unknown[]) => {
          window_.__warned.push(String(args[0]));
          warn(...args);
        };
      });
      const before = (await preview.posted()).length;
      for (const message of [
        { type: 'render', version: 1, layout: 'dagre', diagram: { mermaid: 5, nodes: [], edges: [] } },
        { type: 'render', version: 1, layout: 'sideways', diagram: diagramResult(FIXTURE) },
        {
          type: 'render',
          version: 1,
          layout: 'dagre',
          diagram: { ...diagramResult(FIXTURE), nodes: [{ id: 'x"]', resourceId: 'a', label: 'a', messages: [] }] },
        },
        {
          type: 'render',
          version: 1,
          layout: 'dagre',
          diagram: { ...diagramResult(FIXTURE), edges: [{ from: 'n0', to: 'n99', style: 'flow', messages: [] }] },
        },
        { type: 'highlight', resourceId: 42 },
        { type: 'stale' },
        { type: 'unknown' },
        'render',
        null,
      ])
        await preview.send(message as Record<string, unknown>);
      // A valid render after them: the page handles messages in order, so by its answer every
      // message above has been handled. Each malformed one was reported as ignored, and the
      // marker's answer is all that was posted (a message taken for a render would have been
      // reported as drawn or failed, or shown as not ignored).
      const marker = await preview.render(diagramResult(FIXTURE));
      assert.equal(marker.type, 'rendered');
      const warned = await page.evaluate(() => (window as unknown as WarnedWindow).__warned);
      assert.deepEqual(
        warned.map((text) => /^awsflow preview: ignored a malformed '(\w+)' message: /.exec(text)?.[1] ?? text),
        ['render', 'render', 'render', 'render', 'highlight', 'stale'],
      );
      assert.deepEqual((await preview.posted()).slice(before), [marker]);
    }));

  test('highlight marks one node at a time, and none for null', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram);
      const page = preview.page;
      const highlightedNodes = () =>
        page.locator('.marks .frame.highlight').evaluateAll((frames) => frames.map((f) => (f as HTMLElement).dataset['node']));
      await preview.send({ type: 'highlight', resourceId: 'jobs' });
      await page.locator('.marks .frame.highlight').waitFor();
      assert.deepEqual(await highlightedNodes(), [diagram.nodes.find((n) => n.resourceId === 'jobs')!.id]);
      await preview.send({ type: 'highlight', resourceId: 'notify' });
      await page.waitForFunction(
        (id) => document.querySelector('.marks .frame.highlight')?.getAttribute('data-node') === id,
        diagram.nodes.find((n) => n.resourceId === 'notify')!.id,
      );
      assert.equal((await highlightedNodes()).length, 1);
      await preview.send({ type: 'highlight', resourceId: null });
      await page.waitForFunction(() => document.querySelectorAll('.marks .frame.highlight').length === 0);
      await preview.send({ type: 'highlight', resourceId: 'no-such-resource' });
      assert.deepEqual(await highlightedNodes(), []);
    }));

  test('pan and zoom survive an update; wheel zooms, fit fits', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram, { version: 1 });
      const page = preview.page;
      const transform = () => page.locator('.canvas').evaluate((e) => (e as HTMLElement).style.transform);
      const scaleOf = (t: string) => Number(/scale\(([\d.]+)\)/.exec(t)?.[1]);
      const fitted = await transform();
      await page.mouse.move(400, 400);
      await page.mouse.wheel(0, -300);
      await page.waitForFunction((t) => (document.querySelector('.canvas') as HTMLElement).style.transform !== t, fitted);
      const zoomed = await transform();
      assert.ok(scaleOf(zoomed) > scaleOf(fitted), `${zoomed} zooms in from ${fitted}`);
      const changed = diagramResult(FIXTURE.replace('label: Web app', 'label: Web shop'), { icons: true }, 2);
      const rendered = await preview.render(changed, { version: 2 });
      assert.ok(rendered.type === 'rendered' && rendered.relayout);
      assert.equal(await transform(), zoomed, 'the view stayed where the user put it');
      // The view is saved for a reload.
      const saved = await page.evaluate(() => (window as unknown as TestWindow).__test.state as { view: { scale: number } });
      assert.ok(Math.abs(saved.view.scale - scaleOf(zoomed)) < 1e-4, `saved ${saved.view.scale}, shown ${zoomed}`);
      await page.locator('vscode-button[data-action="fit"]').click();
      assert.equal(await transform(), fitted);
      await page.locator('vscode-button[data-action="zoom-in"]').click();
      assert.ok(scaleOf(await transform()) > scaleOf(fitted));
      // The keyboard: 0 fits, - zooms out, arrows pan.
      await page.locator('.viewport').focus();
      await page.keyboard.press('0');
      assert.equal(await transform(), fitted);
      await page.keyboard.press('-');
      assert.ok(scaleOf(await transform()) < scaleOf(fitted));
      const zoomedOut = await transform();
      await page.keyboard.press('ArrowLeft');
      assert.notEqual(await transform(), zoomedOut);
      // While the view is as fitted, a narrower pane fits again; once moved, it stays.
      await page.keyboard.press('0');
      await page.setViewportSize({ width: 700, height: 800 });
      await page.waitForFunction((t) => (document.querySelector('.canvas') as HTMLElement).style.transform !== t, fitted);
      assert.ok(scaleOf(await transform()) < scaleOf(fitted), 'refitted to the narrower pane');
      await page.keyboard.press('ArrowUp');
      const moved = await transform();
      await page.setViewportSize({ width: 900, height: 800 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.equal(await transform(), moved);
    }));

  test('a reloaded preview restores its pan, zoom and layout', async () => {
    const state = { view: { uri: 'file:///work/fixture.awsflow', x: 12, y: 34, scale: 0.5 }, layout: 'elk' };
    await withPreview(
      async (preview) => {
        await preview.render(diagramResult(FIXTURE), { layout: 'elk' });
        assert.equal(
          await preview.page.locator('.canvas').evaluate((e) => (e as HTMLElement).style.transform),
          'translate(12px, 34px) scale(0.5)',
        );
      },
      { state },
    );
  });

  test('theme: a change of the body class redraws with the matching Mermaid theme', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram, { version: 1 });
      const page = preview.page;
      const styleText = () => page.locator('.diagram svg style').first().textContent();
      const light = (await styleText()) ?? '';
      const before = (await preview.posted()).length;
      await preview.setTheme('dark');
      const rendered = await preview.waitFor('rendered', { version: 1, after: before });
      assert.equal(rendered.relayout, true);
      const dark = (await styleText()) ?? '';
      assert.notEqual(dark, light);
      // mermaid's dark theme: light text (#ccc) on dark node fills (#1f2020).
      assert.match(dark, /#1f2020/i);
      assert.doesNotMatch(light, /#1f2020/i);
      const afterDark = (await preview.posted()).length;
      await preview.setTheme('high-contrast');
      await preview.waitFor('rendered', { version: 1, after: afterDark });
      // An unrelated class change does not redraw. Shown by a theme change made after it (a
      // mutation of its own, observed after the first): its redraw is the only one posted.
      const afterContrast = (await preview.posted()).length;
      await page.evaluate(() => document.body.classList.add('something-else'));
      await preview.setTheme('light');
      const marker = await preview.waitFor('rendered', { version: 1, after: afterContrast });
      assert.equal(marker.relayout, true);
      assert.deepEqual((await preview.posted()).slice(afterContrast), [marker]);
    }));

  test('ELK layout draws the same nodes in other places; the toolbar posts setLayout', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram, { layout: 'dagre' });
      const page = preview.page;
      const positions = () =>
        page.locator('.diagram svg g[id*="-flowchart-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('transform')));
      const dagre = await positions();
      const elk = await preview.render({ ...diagram, version: 2 }, { layout: 'elk', version: 2 });
      assert.ok(
        elk.type === 'rendered' && elk.relayout && elk.nodes === diagram.nodes.length && elk.edges === diagram.edges.length,
        JSON.stringify(elk),
      );
      assert.notDeepEqual(await positions(), dagre, 'ELK places the nodes differently');
      // The toolbar's select: the user picks dagre again.
      const before = (await preview.posted()).length;
      await page.locator('vscode-single-select[data-action="layout"]').click();
      await page.locator('vscode-single-select[data-action="layout"] >> text=Layout: dagre').last().click();
      assert.deepEqual(await preview.waitFor('setLayout', { after: before }), { type: 'setLayout', layout: 'dagre' });
      const redrawn = await preview.waitFor('rendered', { version: 2, after: before });
      assert.equal(redrawn.relayout, true);
      assert.deepEqual(await positions(), dagre, 'back to the dagre layout at once');
      // The extension answers with the same diagram in the new layout: nothing to lay out.
      const answer = await preview.render({ ...diagram, version: 3 }, { layout: 'dagre', version: 3 });
      assert.ok(answer.type === 'rendered' && !answer.relayout);
    }));

  test('toolbar: export SVG and PNG post the drawing, copy posts copySource', () =>
    withPreview(async (preview) => {
      const diagram = diagramResult(FIXTURE);
      await preview.render(diagram);
      const page = preview.page;
      let before = (await preview.posted()).length;
      await page.locator('vscode-button[data-action="export-svg"]').click();
      const svg = await preview.waitFor('export', { after: before });
      assert.equal(svg.format, 'svg');
      assert.match(svg.data, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.ok(svg.data.includes('Web app') && !svg.data.includes('awsflow-highlighted'));
      before = (await preview.posted()).length;
      await page.locator('vscode-button[data-action="export-png"]').click();
      const png = await preview.waitFor('export', { after: before });
      assert.equal(png.format, 'png');
      assert.match(png.data, /^data:image\/png;base64,/);
      const bytes = Buffer.from(png.data.slice('data:image/png;base64,'.length), 'base64');
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
      const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      assert.ok(width > 200 && height > 100, `a real image (${width}×${height})`);
      before = (await preview.posted()).length;
      await page.locator('vscode-button[data-action="copy-source"]').click();
      assert.deepEqual(await preview.waitFor('copySource', { after: before }), { type: 'copySource' });
    }));

  test('a large architecture (300 resources) says so and draws a focus view, a group view, or everything', () =>
    withPreview(async (preview) => {
      const lines = ['awsflow: 1', 'resources:'];
      const flows: string[] = [];
      for (let team = 0; team < 30; team++) {
        const g = `group: team-${team}`;
        lines.push(
          `  in-${team}: { type: sqs, ${g} }`,
          `  fn-${team}: { type: lambda, ${g} }`,
          `  out-${team}: { type: sns, ${g} }`,
          `  db-${team}: { type: dynamodb, ${g} }`,
        );
        flows.push(`  - in-${team} -> fn-${team} -> out-${team}`);
        for (let i = 0; i < 3; i++) {
          lines.push(`  q-${team}-${i}: { type: sqs, ${g} }`, `  w-${team}-${i}: { type: lambda, ${g} }`);
          flows.push(`  - out-${team} -> q-${team}-${i} -> w-${team}-${i} -> db-${team}`);
        }
      }
      const diagram = diagramResult([...lines, 'flows:', ...flows, ''].join('\n'));
      assert.equal(diagram.nodes.length, 300);
      const page = preview.page;
      const first = await preview.render(diagram, { version: 1 });
      assert.equal(first.type, 'rendered');
      const notice = page.locator('.notice');
      assert.ok(await notice.isVisible());
      assert.ok((await notice.textContent())?.includes('300 resources'));
      // Before the cursor is on a resource: a focus view around some resource, far fewer than 300.
      assert.ok(first.type === 'rendered' && first.nodes > 1 && first.nodes <= 10, JSON.stringify(first));
      assert.equal(await page.locator('.diagram > svg g[id*="-flowchart-"]').count(), first.type === 'rendered' ? first.nodes : -1);
      // The cursor moves onto a resource of team 7: the view follows it, upstream and downstream only.
      let before = (await preview.posted()).length;
      await preview.send({ type: 'highlight', resourceId: 'w-7-1' });
      const focused = await preview.waitFor('rendered', { after: before });
      assert.equal(focused.nodes, 6);
      assert.equal(focused.edges, 5);
      assert.ok((await page.locator('.notice .detail').textContent())?.includes('w-7-1'));
      const shown = (await page.locator('.diagram > svg').textContent()) ?? '';
      for (const id of ['in-7', 'fn-7', 'out-7', 'q-7-1', 'w-7-1', 'db-7'])
        assert.ok(shown.includes(id), `${id} is upstream or downstream of w-7-1`);
      for (const id of ['q-7-0', 'w-7-2', 'fn-8']) assert.ok(!shown.includes(id), `${id} is neither`);
      assert.equal(await page.locator('.marks .frame.highlight').count(), 1);
      // On fn-7, everything of team 7 is upstream or downstream.
      before = (await preview.posted()).length;
      await preview.send({ type: 'highlight', resourceId: 'fn-7' });
      assert.equal((await preview.waitFor('rendered', { after: before })).nodes, 10);
      // Clicking in a reduced view still reveals the right resource.
      before = (await preview.posted()).length;
      const db = diagram.nodes.find((n) => n.resourceId === 'db-7')!;
      await page.locator(nodeSelector(db.id)).click();
      assert.equal((await preview.waitFor('revealResource', { after: before })).resourceId, 'db-7');
      // The per-group view, chosen in the notice's select.
      before = (await preview.posted()).length;
      await page.locator('.notice vscode-single-select').evaluate((select: HTMLElement & { value: string }) => {
        select.value = 'group:g12';
        select.dispatchEvent(new Event('change'));
      });
      const group = await preview.waitFor('rendered', { after: before });
      assert.equal(group.nodes, 10);
      assert.ok((await page.locator('.notice .detail').textContent())?.includes('team-12'));
      assert.ok((await page.locator('.diagram > svg').textContent())?.includes('fn-12'));
      // And everything, when asked for: hundreds of nodes still draw.
      before = (await preview.posted()).length;
      await page.locator('.notice vscode-single-select').evaluate((select: HTMLElement & { value: string }) => {
        select.value = 'all';
        select.dispatchEvent(new Event('change'));
      });
      const all = await preview.waitFor('rendered', { after: before, timeout: 120_000 });
      assert.equal(all.nodes, 300);
      assert.equal(all.edges, diagram.edges.length);
    }));

  // Saved to out/screenshots; AWSFLOW_UPDATE_DOCS=1 saves them over docs/images (npm test must not change the checkout).
  test('screenshots of the preview, light and dark', () =>
    withPreview(
      async (preview) => {
        const text = readFileSync(join(ROOT, 'examples/mistakes.awsflow'), 'utf8');
        const diagram = diagramResult(text);
        const page = preview.page;
        await preview.render(diagram);
        const output = process.env.AWSFLOW_UPDATE_DOCS === '1' ? join(ROOT, 'docs/images') : join(ROOT, 'out/screenshots');
        mkdirSync(output, { recursive: true });
        const flagged = diagram.nodes.find((n) => n.severity === 'error')!;
        for (const theme of ['light', 'dark'] as const) {
          const before = (await preview.posted()).length;
          if (theme === 'dark') {
            await preview.setTheme('dark');
            await preview.waitFor('rendered', { after: before });
          }
          await preview.send({ type: 'highlight', resourceId: diagram.nodes[1]!.resourceId });
          await page.locator('.marks .frame.highlight').waitFor();
          await page.locator(`.marks .badge[data-node="${flagged.id}"]`).hover();
          await page.locator('.tooltip').waitFor({ state: 'visible' });
          const path = join(output, `preview-${theme}.png`);
          await page.screenshot({ path });
          assert.ok(statSync(path).size > 10_000, `${path} is a real screenshot`);
        }
      },
      { viewport: { width: 1280, height: 720 } },
    ));
});
