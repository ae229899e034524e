// The UI run: what a person sees in the real workbench, driven through Chromium.
// Opens the mistakes example, the Problems panel and the preview, hovers a resource type
// and clicks a node in the drawn diagram, asserting each step on the page itself, and
// saves screenshots (vscode-problems.png and vscode-preview.png are the README's).
//
// Called by scripts/vscode-e2e/run.mjs with a running code-server and a launched browser.
// Selectors are VS Code's own workbench classes (proven on code-server 4.139) and the
// ids Mermaid gives the preview's nodes (`<svgId>-flowchart-n<N>-<k>`).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {object} options
 * @param {import('playwright-core').Browser} options.browser
 * @param {string} options.url         code-server's base URL
 * @param {string} options.workspace   absolute folder to open (a copy of test/e2e-workspace)
 * @param {string | undefined} options.extensionPath  load the extension from here (undefined: it is installed)
 * @param {object} options.manifest    the extension's package.json (command titles, language alias)
 * @param {string} options.outDir      where screenshots go
 * @returns {Promise<{ name: string, ok: boolean, detail: string, milliseconds: number }[]>}
 */
export async function runUi({ browser, url, workspace, extensionPath, manifest, outDir }) {
  mkdirSync(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const steps = [];
  let broken = false;

  /** Runs one step; after a failure the later steps are reported as not run (they build on each other). */
  async function step(name, body) {
    const started = Date.now();
    if (broken) {
      steps.push({ name, ok: false, detail: 'not run: an earlier step failed', milliseconds: 0 });
      return;
    }
    try {
      const detail = await body();
      steps.push({ name, ok: true, detail: detail ?? '', milliseconds: Date.now() - started });
    } catch (error) {
      broken = true;
      steps.push({ name, ok: false, detail: String(error?.message ?? error).split('\n')[0], milliseconds: Date.now() - started });
      await page.screenshot({ path: join(outDir, `failed-${name}.png`) }).catch(() => {});
    }
  }

  const languageAlias = manifest.contributes?.languages?.find((language) => language.id === 'awsflow')?.aliases?.[0] ?? 'awsflow';
  const commandTitle = (id) => {
    const command = manifest.contributes?.commands?.find((candidate) => candidate.command === id);
    if (!command) throw new Error(`the manifest contributes no command ${id}`);
    return command.category ? `${command.category}: ${command.title}` : command.title;
  };
  const editorLines = page.locator('.editor-group-container .monaco-editor .view-lines').first();
  const statusItem = (id) => page.locator(`.statusbar-item[id="${id}"]`);

  try {
    await step('load-workbench', async () => {
      let target = `${url}/?folder=${encodeURIComponent(workspace)}`;
      if (extensionPath) {
        const host = new URL(url).host;
        target += `&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${host}${extensionPath}`]]))}`;
      }
      // Not Playwright's default 30 s: the page loads slowly with every core busy.
      await page.goto(target, { timeout: 120_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'mistakes.awsflow' }).waitFor({ timeout: 60_000 });
      return await page.title();
    });

    await step('open-example', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'mistakes.awsflow' }).click();
      await page
        .locator('.editor-group-container .monaco-editor .view-lines', { hasText: 'name: common mistakes' })
        .waitFor({ timeout: 30_000 });
      const mode = statusItem('status.editor.mode');
      await mode.filter({ hasText: languageAlias }).waitFor({ timeout: 30_000 });
      return `language mode: ${(await mode.innerText()).trim()}`;
    });

    await step('problems-panel', async () => {
      // Put the cursor on the over-long Lambda timeout, so the screenshot shows its squiggle and row.
      await editorLines.click();
      await goToLine(page, '15:14');
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'lambda/timeout-limit' }).first().waitFor({ timeout: 60_000 });
      // The file's row carries the number of problems in it: 20 in the fixture.
      await page.locator('.markers-panel .monaco-list-row .monaco-count-badge', { hasText: /^20$/ }).waitFor({ timeout: 30_000 });
      const problems = (await statusItem('status.problems').getAttribute('aria-label')) ?? '';
      // Its label reads "Errors: 13, Warnings: 4, Infos: 3".
      if (!/\bErrors: 13\b/.test(problems) || !/\bWarnings: 4\b/.test(problems)) throw new Error(`status bar problems: ${problems}`);
      const texts = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      const timeoutRow = texts.find((text) => text.includes('lambda/timeout-limit'));
      if (!timeoutRow?.includes('[Ln 15, Col 14]')) throw new Error(`the lambda/timeout-limit row: ${timeoutRow}`);
      await page.mouse.move(0, 450);
      await page.screenshot({ path: join(outDir, 'vscode-problems.png') });
      return `${problems}; ${timeoutRow}`;
    });

    await step('hover', async () => {
      const word = page.locator('.editor-group-container .monaco-editor .view-line span', { hasText: /^lambda$/ }).first();
      const box = await word.boundingBox();
      if (!box) throw new Error('`lambda` is not on screen');
      // Two moves: the editor starts its hover timer on a mouse move inside the word.
      await page.mouse.move(box.x + 4, box.y + box.height / 2);
      await page.mouse.move(box.x + 10, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:visible', { hasText: 'AWS limits' }).first();
      await hover.waitFor({ timeout: 20_000 });
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      await page.screenshot({ path: join(outDir, 'vscode-hover.png') });
      await page.mouse.move(0, 450);
      await page.keyboard.press('Escape');
      return text.slice(0, 120);
    });

    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const drawnNodes = preview.locator('svg g[id*="-flowchart-n"]');
    await step('open-preview', async () => {
      // The panel closed, so the screenshot gives the diagram the whole height.
      await page.keyboard.press('Control+J');
      await page
        .locator('.part.panel')
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .catch(() => {});
      await runCommand(page, commandTitle('awsflow.showPreviewToSide'));
      await drawnNodes.first().waitFor({ timeout: 60_000 });
      const tab = page.locator('.tabs-container .tab', { hasText: 'Preview mistakes.awsflow' });
      await tab.waitFor({ timeout: 10_000 });
      const tabTitle = (await tab.innerText()).trim();
      if (tabTitle.includes('Locked')) throw new Error(`opened a locked preview: ${tabTitle}`);
      // All 11 resources of the fixture are drawn (Mermaid may give a node more than one group).
      await waitUntil(
        async () => new Set(await drawnNodes.evaluateAll((groups) => groups.map((g) => /-flowchart-(n\d+)-/.exec(g.id)?.[1]))).size === 11,
        30_000,
        'all 11 nodes drawn',
      );
      const labels = (await preview.locator('svg .nodeLabel').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      if (!labels.some((label) => label.startsWith('slow-worker'))) throw new Error(`node labels: ${labels.join(', ')}`);
      // The cursor is still on slow-worker's timeout (line 15): its node (n2) is highlighted.
      await preview.locator('svg g.awsflow-highlighted[id*="-flowchart-n2-"]').waitFor({ timeout: 20_000 });
      // The picture once the drawing is fitted to the view (measured, not a fixed wait).
      await waitFitted(preview, 'the drawing');
      await page.screenshot({ path: join(outDir, 'vscode-preview.png') });
      return `nodes: ${labels.join(', ')}`;
    });

    await step('click-to-source', async () => {
      // n7 is events (nodes are numbered in the order the file defines them).
      await preview.locator('svg g[id*="-flowchart-n7-"]').first().click();
      const selection = statusItem('status.editor.selection');
      // `events` (6 characters) on line 31 selected, the cursor at its end…
      await selection.filter({ hasText: 'Ln 31, Col 9 (6 selected)' }).waitFor({ timeout: 20_000 });
      // …and, the cursor now being on it, its node is the highlighted one.
      await preview.locator('svg g.awsflow-highlighted[id*="-flowchart-n7-"]').waitFor({ timeout: 20_000 });
      const highlighted = await preview.locator('svg g.awsflow-highlighted').count();
      if (highlighted !== 1) throw new Error(`${highlighted} nodes highlighted`);
      return `selection: ${(await selection.innerText()).trim()}`;
    });

    await step('preview-follows-fitted', async () => {
      // The first drawing is fitted. Then the user zooms in on it, and opens another file:
      // the unlocked preview follows it and shows the whole of it, not the zoomed view.
      const first = await waitFitted(preview, 'the first drawing');
      const canvas = preview.locator('.canvas');
      const fittedTransform = await canvas.evaluate((element) => element.style.transform);
      await preview.locator('.viewport').hover({ position: { x: 80, y: 80 } });
      for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
      await waitUntil(
        async () => (await canvas.evaluate((element) => element.style.transform)) !== fittedTransform,
        10_000,
        'the wheel to zoom in',
      );
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'fanout.awsflow' }).click();
      await page.locator('.tabs-container .tab', { hasText: 'Preview fanout.awsflow' }).waitFor({ timeout: 20_000 });
      // fanout.awsflow's own resources are drawn (checkout is its first).
      await preview.locator('svg .nodeLabel', { hasText: 'Checkout service' }).first().waitFor({ timeout: 60_000 });
      const followed = await waitFitted(preview, 'the followed file');
      await page.screenshot({ path: join(outDir, 'vscode-preview-followed.png') });
      return `first: ${first}; followed: ${followed}`;
    });

    // Locked previews come back after a window reload, each with its own file: three of
    // them in one group, whose tab order is not the order they were opened in (a restore
    // that paired panels with files by order would mix them up), one of a file deleted
    // before the reload (it must say so, not show another file or nothing).
    const visiblePreview = page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
    const previewTabs = page.locator('.tabs-container .tab', { hasText: /\[Locked\] Preview / });
    const expectInPreview = {
      'mistakes.awsflow': visiblePreview.locator('svg .nodeLabel', { hasText: 'slow-worker' }).first(),
      'fanout.awsflow': visiblePreview.locator('svg .nodeLabel', { hasText: 'Checkout service' }).first(),
      'gone.awsflow': visiblePreview.locator('svg .nodeLabel', { hasText: 'Gone queue' }).first(),
    };
    let tabsBeforeReload = [];
    await step('restore-open-locked-previews', async () => {
      await runCommand(page, 'View: Close All Editors');
      await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 20_000 });
      writeFileSync(
        join(workspace, 'gone.awsflow'),
        [
          'awsflow: 1',
          'resources:',
          '  gone: { type: sqs, label: Gone queue }',
          '  reader: { type: lambda }',
          'flows:',
          '  - gone -> reader',
          '',
        ].join('\n'),
      );
      // The explorer may not have noticed the new file yet.
      await runCommand(page, 'Refresh Explorer');
      const openLocked = async (file) => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).click();
        await page.locator('.editor-group-container .tab.active', { hasText: file }).waitFor({ timeout: 30_000 });
        await statusItem('status.editor.mode').filter({ hasText: languageAlias }).waitFor({ timeout: 30_000 });
        await runCommand(page, commandTitle('awsflow.showLockedPreviewToSide'));
        await page.locator('.tabs-container .tab.active', { hasText: `[Locked] Preview ${file}` }).waitFor({ timeout: 20_000 });
        await expectInPreview[file].waitFor({ timeout: 60_000 });
      };
      await openLocked('gone.awsflow');
      await openLocked('fanout.awsflow');
      // gone's preview active again, so mistakes' opens between the two: tab order gone, mistakes, fanout.
      await previewTabs.filter({ hasText: 'gone.awsflow' }).click();
      await expectInPreview['gone.awsflow'].waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+1');
      await openLocked('mistakes.awsflow');
      tabsBeforeReload = (await previewTabs.allInnerTexts()).map((text) => text.trim());
      const expected = ['gone', 'mistakes', 'fanout'].map((name) => `[Locked] Preview ${name}.awsflow`);
      if (JSON.stringify(tabsBeforeReload) !== JSON.stringify(expected)) throw new Error(`preview tabs: ${tabsBeforeReload.join(' | ')}`);
      return tabsBeforeReload.join(' | ');
    });

    await step('restore-after-reload', async () => {
      rmSync(join(workspace, 'gone.awsflow'));
      // Reload as a user does, through the workbench: it shuts down and saves its editors
      // (and each webview's state) before the page goes. A bare page reload can cut that
      // save short, and the workbench then restores the editors of an earlier save.
      const reloaded = page.waitForEvent('load', { timeout: 120_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await previewTabs.nth(tabsBeforeReload.length - 1).waitFor({ timeout: 60_000 });
      const seen = [];
      for (const [index, title] of tabsBeforeReload.entries()) {
        const file = title.replace('[Locked] Preview ', '');
        await previewTabs.nth(index).click();
        if (file === 'gone.awsflow') {
          const banner = visiblePreview.locator('.banner', { hasText: 'gone.awsflow no longer exists' });
          await banner.waitFor({ timeout: 60_000 });
          seen.push(`${file}: ${(await banner.innerText()).trim()}`);
        } else {
          await expectInPreview[file].waitFor({ timeout: 60_000 });
          seen.push(`${file}: drawn`);
        }
        // The tab in that place still names the same file (a restore that mixed them up renames tabs).
        const now = (await previewTabs.allInnerTexts()).map((text) => text.trim());
        if (JSON.stringify(now) !== JSON.stringify(tabsBeforeReload)) throw new Error(`preview tabs after the reload: ${now.join(' | ')}`);
      }
      return seen.join('; ');
    });
  } finally {
    await context.close();
  }
  return steps;
}

/**
 * Waits until the preview's drawing lies inside the webview below its toolbar, notice and
 * banner, at its natural size or filling at least 70 % of that area in its limiting
 * direction; returns what was measured.
 */
async function waitFitted(preview, what) {
  const measure = () =>
    preview.locator('.diagram > svg').evaluate((svg) => {
      // Runs in the webview's frame (its globals through the element: this file is linted as Node code).
      const doc = svg.ownerDocument;
      const win = doc.defaultView;
      const drawing = svg.getBoundingClientRect();
      const bars = [...doc.querySelectorAll('.toolbar, .notice, .banner')].filter((bar) => win.getComputedStyle(bar).display !== 'none');
      const top = Math.max(0, ...bars.map((bar) => bar.getBoundingClientRect().bottom));
      const [width, height] = [win.innerWidth, win.innerHeight - top];
      const scale = Number(/scale\(([\d.e-]+)\)/.exec(doc.querySelector('.canvas').style.transform)?.[1] ?? NaN);
      const inside =
        drawing.width > 0 &&
        drawing.left >= -1 &&
        drawing.right <= win.innerWidth + 1 &&
        drawing.top >= top - 1 &&
        drawing.bottom <= win.innerHeight + 1;
      const share = Math.max(drawing.width / width, drawing.height / height);
      return {
        fitted: inside && (scale > 0.999 || share >= 0.7),
        detail: `drawing ${Math.round(drawing.width)}×${Math.round(drawing.height)} at ${Math.round(drawing.left)},${Math.round(drawing.top)} in ${width}×${Math.round(height)} below ${Math.round(top)}, scale ${scale.toFixed(3)}, share ${share.toFixed(2)}`,
      };
    });
  let last = { fitted: false, detail: 'not measured' };
  try {
    await waitUntil(async () => (last = await measure()).fitted, 20_000, `${what} to be fitted`);
  } catch (error) {
    throw new Error(`${error.message}: ${last.detail}`, { cause: error });
  }
  return last.detail;
}

/** Ctrl+G, the line:column, Enter. */
async function goToLine(page, where) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(where);
  await page.keyboard.press('Enter');
}

/** F1, the command's title, a click on its entry. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  // The palette matches fuzzily ("Open Preview to the Side" also finds "Open Locked
  // Preview to the Side"): click the entry whose label is exactly the title.
  const label = page.locator('.quick-input-list .monaco-list-row .label-name').getByText(title, { exact: true });
  await label.first().waitFor({ timeout: 10_000 });
  await label.first().click();
}

async function waitUntil(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
