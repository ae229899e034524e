import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer, analyze } from '../../src/core/index';
import { IncrementalParser } from '../../src/core/parse/chunks';

const examplesDir = join(__dirname, '../../../examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.awsflow')).map((f) => readFileSync(join(examplesDir, f), 'utf8'));

/** What a finding list looks like, for comparing two analyses. */
function summary(text: string, analyzer = new Analyzer()) {
  return analyzer.analyze(text).findings.map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.message}`);
}

/** The same text with an anchor the fast path refuses, so the whole file is parsed at once. */
function wholeParse(text: string): string {
  return text + '\n# force the whole-text parse\nx-anchor: &a 1\n';
}

describe('incremental parsing', () => {
  test('the examples are cut into blocks (the fast path)', () => {
    for (const text of examples) assert.equal(new IncrementalParser().parse(text).incremental, true);
  });

  test('cut or whole, the tree has the same shape and offsets', () => {
    for (const text of examples) {
      const cut = new IncrementalParser().parse(text);
      const whole = new IncrementalParser().parse(text + '\n---\n');
      assert.equal(whole.incremental, false);
      assert.deepEqual(JSON.parse(JSON.stringify(cut.root)), JSON.parse(JSON.stringify(whole.root)));
    }
  });

  test('cut or whole, the findings are the same (but for the extra key)', () => {
    for (const text of examples) {
      const fast = summary(text);
      const slow = summary(wholeParse(text)).filter((f) => !f.includes('x-anchor'));
      assert.deepEqual(fast, slow);
    }
  });

  test('an edit inside one resource parses only that resource again', () => {
    const parser = new IncrementalParser();
    const text = examples.find((t) => t.includes('compress'))!;
    const first = parser.parse(text);
    const edited = text.replace('memory: 3GB', 'memory: 4GB');
    assert.notEqual(edited, text);
    const second = parser.parse(edited);
    const reused = second.chunks.filter((placed) => first.chunks.some((old) => old.chunk === placed.chunk));
    assert.equal(second.chunks.length, first.chunks.length);
    assert.equal(reused.length, second.chunks.length - 1, 'all chunks but the edited one are reused');
  });

  test('an edit inside one flow entry parses only that entry again', () => {
    const parser = new IncrementalParser();
    const text = examples.find((t) => t.includes('order-events fan-out'))!;
    const first = parser.parse(text);
    const second = parser.parse(text.replace('billing -> charge-card: { batchSize: 5 }', 'billing -> charge-card: { batchSize: 6 }'));
    const fresh = second.chunks.filter((placed) => !first.chunks.some((old) => old.chunk === placed.chunk));
    assert.equal(fresh.length, 1);
    assert.match(fresh[0]!.chunk.text, /^ {2}- billing -> charge-card/);
  });

  test('an analyzer gives the same findings after a series of edits as a fresh one', () => {
    const analyzer = new Analyzer();
    let text = examples.find((t) => t.includes('mistakes'))!;
    const edits: [string, string][] = [['retention: 20d', 'retention: 2d'], ['timeout: 20m', 'timeout: 2'], ['  api:\n', '  api:\n    label: API\n'], ['flows:', 'flows:\n  - api -> sync-handler, intake']];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      assert.deepEqual(summary(text, analyzer), summary(text));
    }
  });

  test('half-typed resources give findings, not a crash', () => {
    const half = ['awsflow: 1\nresources:\n  a:\n    type: sq', 'awsflow: 1\nresources:\n  a:\n    type: sqs\n    visibilityTimeout:', 'awsflow: 1\nresources:\n  a: {\n', 'awsflow: 1\nresources:\n  a:\n  type: sqs\n', 'awsflow: 1\nresources:\n a: 1\n  b: 2\n'];
    for (const text of half) {
      const analysis = analyze(text);
      assert.deepEqual(analysis.internalErrors, []);
      for (const f of analysis.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, `${f.ruleId} range inside the text`);
    }
  });
});
