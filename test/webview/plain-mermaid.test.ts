/**
 * The plain flowchart (Copy Mermaid → Plain flowchart) drawn by stock Mermaid, as GitHub and
 * Mermaid Live run it: the bundled mermaid.min.js in Chromium, no icon pack, no stylesheet
 * of ours, strict security. Every example parses and draws each resource, and hostile
 * labels come out as the same text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyze, plainFlowchart } from '../../src/core/index';
import { CHROMIUM, ROOT } from './harness';

const MERMAID = join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');
const skip = !existsSync(CHROMIUM) ? 'chromium is not installed (.ci/run installs it)' : false;

interface Drawn {
  error?: string;
  nodes: string[];
  edges: number;
  title: string | null;
  foreignObjects: number;
}

describe('plain Mermaid flowchart in stock Mermaid (Chromium)', { skip }, () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
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
    page = await browser.newPage();
    await page.route(
      () => true,
      (route) => route.abort('blockedbyclient'),
    );
    await page.setContent('<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body></body></html>');
    await page.addScriptTag({ content: readFileSync(MERMAID, 'utf8') });
    await page.evaluate(() =>
      (window as unknown as { mermaid: { initialize(config: object): void } }).mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
      }),
    );
  });
  after(async () => {
    await browser?.close();
  });

  let count = 0;
  const draw = (text: string): Promise<Drawn> =>
    page.evaluate(
      async ([source, id]) => {
        const mermaid = (
          window as unknown as {
            mermaid: { parse(text: string): Promise<unknown>; render(id: string, text: string): Promise<{ svg: string }> };
          }
        ).mermaid;
        try {
          await mermaid.parse(source);
          const { svg } = await mermaid.render(id, source);
          const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
          return {
            nodes: [...root.querySelectorAll('g.node')].map((node) => (node.textContent ?? '').trim()),
            edges: root.querySelectorAll('path.flowchart-link').length,
            title: root.querySelector('.flowchartTitleText')?.textContent ?? null,
            foreignObjects: root.getElementsByTagName('foreignObject').length,
          };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error), nodes: [], edges: 0, title: null, foreignObjects: 0 };
        }
      },
      [text, `plain-${++count}`] as const,
    );

  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((name) => name.endsWith('.awsflow'))
    .sort();
  test('there are examples to check', () => assert.ok(examples.length >= 5, examples.join(', ')));
  for (const name of examples) {
    test(`examples/${name} parses and draws every resource and connection`, async () => {
      const analysis = analyze(readFileSync(join(ROOT, 'examples', name), 'utf8'));
      const drawn = await draw(plainFlowchart(analysis));
      assert.equal(drawn.error, undefined);
      assert.equal(drawn.nodes.length, analysis.model.resources.length);
      assert.ok(drawn.edges > 0);
      const title = /^name: (.*)$/m.exec(readFileSync(join(ROOT, 'examples', name), 'utf8'))?.[1];
      assert.equal(drawn.title, title ?? null);
    });
  }

  test('hostile labels, ids and names are drawn as the same text, and nothing runs', async () => {
    const lines = [
      'awsflow: 1',
      'name: "a \\"quoted\\" %%{init: {\\"theme\\": \\"forest\\"}}%% <b>name</b>"',
      'resources:',
      '  end: { type: sqs, label: "x\\"] --> y; click end call alert(1) %%{init: {}}%%" }',
      '  o.x: { type: lambda, label: "<img src=x onerror=window.__pwned=1> & #35; `md` *em*" }',
      '  style: { type: sns, group: "g\\"]\\nend" }',
      'flows:',
      '  - end -> o.x: { label: "a|b\\"|c" }',
      '  - o.x -> style',
    ];
    const drawn = await draw(plainFlowchart(analyze([...lines, ''].join('\n'))));
    assert.equal(drawn.error, undefined);
    assert.deepEqual(
      drawn.nodes.sort(),
      [
        '<img src=x onerror=window.__pwned=1> & #35; `md` *em* (Lambda)',
        'style (SNS topic)',
        'x"] --> y; click end call alert(1) %%{init: {}}%% (SQS queue)',
      ].sort(),
    );
    assert.equal(drawn.title, 'a "quoted" %%{init: {"theme": "forest"}}%% <b>name</b>');
    assert.equal(drawn.edges, 2);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
  });
});
