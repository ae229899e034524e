/**
 * The format 1.1 examples in the built preview, in headless Chromium: the AWS icons of
 * EventBridge, Scheduler, Step Functions, S3 and DynamoDB Streams drawn from the bundled set, a rule's name
 * and pattern on its edge, a Pipe's edge circle-ended and a task's headed both ways.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, diagramResult, launch, skipBrowser, type Harness } from './harness';

const nodeSelector = (nodeId: string) => `.diagram svg g[id*="-flowchart-${nodeId}-"]`;

describe('format 1.1 in the preview (built, in Chromium)', { skip: skipBrowser }, () => {
  let harness: Harness;
  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  test('event-driven-orders: icons for the bus, the workflow, the table, the bucket and the schedule; rule, pipe and task edges', () =>
    harness.withPreview(async (preview) => {
      const diagram = diagramResult(readFileSync(join(ROOT, 'examples/event-driven-orders.awsflow'), 'utf8'));
      const rendered = await preview.render(diagram);
      assert.equal(rendered.type, 'rendered', JSON.stringify(rendered));
      const page = preview.page;
      const nodeOf = (resourceId: string) => diagram.nodes.find((n) => n.resourceId === resourceId)!;
      for (const [resourceId, icon] of [
        ['orders-bus', 'logos:aws-eventbridge'],
        ['reconcile', 'logos:aws-eventbridge-scheduler'],
        ['checkout', 'logos:aws-step-functions'],
        ['orders', 'logos:aws-dynamodb-stream'],
        ['invoices', 'logos:aws-s3'],
      ] as const) {
        assert.equal(nodeOf(resourceId).icon, icon);
        // Drawn as an icon node with the icon's inline SVG, from the bundle (nothing is fetched: withPreview checks).
        assert.equal(await page.locator(`${nodeSelector(nodeOf(resourceId).id)}.icon-shape svg`).count(), 1, resourceId);
      }
      assert.equal(await page.locator('.diagram svg path.flowchart-link').count(), diagram.edges.length);
      // The preview may lay out the separate parts of an architecture apart: every part's labels.
      const labels = (await page.locator('.diagram svg .edgeLabels').allTextContents()).join(' ');
      assert.ok(labels.includes('order-placed: source=shop.orders, detail-type=OrderPlaced'), labels);
      assert.ok(labels.includes('shipping pipe'), labels);
      assert.ok(labels.includes('task token'), labels);
      // The arrows as Mermaid draws them: a Pipe's edge ends in a circle, a task's has a head at both ends.
      const markers = await page.evaluate(() =>
        [...document.querySelectorAll('.diagram svg path.flowchart-link')].map((path) => ({
          start: path.getAttribute('marker-start') ?? '',
          end: path.getAttribute('marker-end') ?? '',
        })),
      );
      const pipes = diagram.edges.filter((e) => e.style === 'pipe').length;
      const tasks = diagram.edges.filter((e) => e.style === 'task').length;
      assert.ok(pipes >= 1 && tasks >= 3);
      assert.equal(markers.filter((m) => /circle/i.test(m.end)).length, pipes, JSON.stringify(markers));
      assert.equal(markers.filter((m) => /point/i.test(m.start)).length, tasks, JSON.stringify(markers));
    }));

  test('the Critical path toggle: its edges stand out, the others fade; pressed again, all are as before', () =>
    harness.withPreview(async (preview) => {
      const diagram = diagramResult(readFileSync(join(ROOT, 'examples/event-driven-orders.awsflow'), 'utf8'));
      const path = diagram.criticalPath;
      assert.ok(path && path.edges.length >= 2, JSON.stringify(path));
      const rendered = await preview.render(diagram);
      assert.equal(rendered.type, 'rendered', JSON.stringify(rendered));
      const page = preview.page;
      const toggle = page.locator('vscode-button[data-action="critical-path"]');
      assert.equal(await toggle.getAttribute('disabled'), null);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      assert.ok((await toggle.getAttribute('title'))!.includes(path.text));
      const critical = page.locator('.diagram svg path.flowchart-link.awsflow-edge-critical');
      assert.equal(await critical.count(), 0);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await critical.count(), path.edges.length);
      assert.equal(await page.locator('.diagram svg.awsflow-critical-path').count(), 1);
      // The marked paths are the path's own: Mermaid's ids name the two nodes each joins.
      const joined = await critical.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-id')!.replace(/^L_|_\d+$/g, '')));
      assert.deepEqual(joined.sort(), path.edges.map((key) => key.split('>').slice(0, 2).join('_')).sort());
      // The others fade.
      const opacity = await page
        .locator('.diagram svg path.flowchart-link:not(.awsflow-edge-critical)')
        .first()
        .evaluate((p) => getComputedStyle(p).opacity);
      assert.equal(opacity, '0.3');
      await toggle.click();
      assert.equal(await critical.count(), 0);
      assert.equal(await page.locator('.diagram svg.awsflow-critical-path').count(), 0);
    }));

  test('pipe-to-workflow: the Pipe from the queue to the workflow, labelled, circle-ended', () =>
    harness.withPreview(async (preview) => {
      const diagram = diagramResult(readFileSync(join(ROOT, 'examples/pipe-to-workflow.awsflow'), 'utf8'));
      const rendered = await preview.render(diagram);
      assert.equal(rendered.type, 'rendered', JSON.stringify(rendered));
      const page = preview.page;
      const pipe = diagram.edges.find((e) => e.style === 'pipe')!;
      assert.equal(pipe.label?.startsWith('claim pipe'), true);
      assert.ok((await page.locator('.diagram svg .edgeLabels').allTextContents()).join(' ').includes('claim pipe'));
      const workflow = diagram.nodes.find((n) => n.resourceId === 'process-claim')!;
      assert.equal(await page.locator(`${nodeSelector(workflow.id)}.icon-shape svg`).count(), 1);
      const circles = await page.evaluate(
        () =>
          [...document.querySelectorAll('.diagram svg path.flowchart-link')].filter((p) =>
            /circle/i.test(p.getAttribute('marker-end') ?? ''),
          ).length,
      );
      assert.equal(circles, 1);
    }));
});
