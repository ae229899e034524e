/**
 * What the preview keeps with its panel for a restore after a window reload (issue 14,
 * item 5), in headless Chromium on the built preview: the document and lock from the
 * page's settings, kept at once (before anything is drawn) beside an earlier state's
 * view, and the layout last drawn. A page without settings, or with malformed ones, keeps
 * no document and breaks nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { WEBVIEW_PROTOCOL_VERSION } from '../../src/protocol/webview';
import { diagramResult, FIXTURE, launch, skipBrowser, type Harness, type TestWindow } from './harness';

const A = 'file:///work/a%20b/it\'s "a".awsflow';
const settings = (resource: string, locked: boolean, layout = 'dagre') =>
  JSON.stringify({ resource, locked, layout, protocol: WEBVIEW_PROTOCOL_VERSION });
/** The state as VS Code keeps it: JSON (a key whose value is undefined is not kept). */
const savedState = (page: Page) =>
  page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as TestWindow).__test.state)) as Record<string, unknown> | null);

describe('the preview keeps its document for a restore', { skip: skipBrowser }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  test('a fresh page keeps its document and lock from the settings before anything is drawn', () =>
    harness.withPreview(
      async (preview) => {
        assert.deepEqual(await savedState(preview.page), { resource: A, locked: true });
      },
      { settings: settings(A, true) },
    ));

  test("a page reloaded with an older state keeps that state's view and adds its document", () => {
    const view = { x: 12, y: 34, scale: 0.5, uri: A };
    return harness.withPreview(
      async (preview) => {
        assert.deepEqual(await savedState(preview.page), { view, layout: 'elk', largeView: 'whole', resource: A, locked: false });
      },
      { settings: settings(A, false), state: { view, layout: 'elk', largeView: 'whole' } },
    );
  });

  test('an unlocked preview set anew on another document keeps the new one', () =>
    harness.withPreview(
      async (preview) => {
        assert.deepEqual(await savedState(preview.page), { resource: 'file:///work/b.awsflow', locked: false });
      },
      { settings: settings('file:///work/b.awsflow', false), state: { resource: A, locked: false } },
    ));

  test('the layout drawn is kept with the document', () =>
    harness.withPreview(
      async (preview) => {
        const drawn = await preview.render({ ...diagramResult(FIXTURE), uri: A }, { layout: 'elk' });
        assert.equal(drawn.type, 'rendered', JSON.stringify(drawn));
        assert.deepEqual(await savedState(preview.page), { resource: A, locked: true, layout: 'elk' });
      },
      { settings: settings(A, true) },
    ));

  test('no settings, or malformed ones: no document is kept, and the page still draws', async () => {
    // (Each kind of malformed settings is in test/unit/client/preview-page.test.ts.)
    for (const bad of [undefined, '{', settings(A, true, 'circo')]) {
      await harness.withPreview(
        async (preview) => {
          assert.equal(await savedState(preview.page), null, String(bad));
          const drawn = await preview.render(diagramResult(FIXTURE));
          assert.equal(drawn.type, 'rendered', JSON.stringify(drawn));
          assert.deepEqual(await savedState(preview.page), { layout: 'dagre' }, String(bad));
        },
        { settings: bad },
      );
    }
  });
});
