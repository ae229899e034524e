import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer, analyze, buildDiagram, documentSymbols, type Analysis } from '../../src/core/index';
import { IncrementalParser } from '../../src/core/parse/chunks';

const examplesDir = join(__dirname, '../../../examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.awsflow'))
  .map((f) => readFileSync(join(examplesDir, f), 'utf8'));

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
    assert.equal(second.chunks.length, first.chunks.length);
    assert.equal(second.fresh, 1, 'all chunks but the edited one are reused');
    const fresh = second.chunks.filter((placed) => !first.chunks.some((old) => old.chunk.text === placed.chunk.text));
    assert.equal(fresh.length, 1);
  });

  test('an edit inside one flow entry parses only that entry again', () => {
    const parser = new IncrementalParser();
    const text = examples.find((t) => t.includes('order-events fan-out'))!;
    const first = parser.parse(text);
    const second = parser.parse(text.replace('billing -> charge-card: { batchSize: 5 }', 'billing -> charge-card: { batchSize: 6 }'));
    assert.equal(second.fresh, 1);
    const fresh = second.chunks.filter((placed) => !first.chunks.some((old) => old.chunk.text === placed.chunk.text));
    assert.equal(fresh.length, 1);
    assert.match(fresh[0]!.chunk.text, /^ {2}- billing -> charge-card/);
  });

  test('an analyzer gives the same findings after a series of edits as a fresh one', () => {
    const analyzer = new Analyzer();
    let text = examples.find((t) => t.includes('mistakes'))!;
    const edits: [string, string][] = [
      ['retention: 20d', 'retention: 2d'],
      ['timeout: 20m', 'timeout: 2'],
      ['  api:\n', '  api:\n    label: API\n'],
      ['flows:', 'flows:\n  - api -> sync-handler, intake'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      assert.deepEqual(summary(text, analyzer), summary(text));
    }
  });

  describe('blocks found again after they moved, were deleted or inserted', () => {
    const resources = Array.from({ length: 40 }, (_, i) => `  queue-${i}:\n    type: sqs\n    label: Queue ${i}\n`);
    const flows = Array.from({ length: 20 }, (_, i) => `  - queue-${i} -> queue-${i + 20}\n`);
    const file = (blocks: string[], entries = flows) => `awsflow: 1\nresources:\n${blocks.join('')}flows:\n${entries.join('')}`;

    /** Parses `before` then `after` with one parser: the tree must equal a fresh parse's; returns how many blocks were parsed again. */
    function reparsed(before: string, after: string): number {
      const parser = new IncrementalParser();
      const first = parser.parse(before);
      const second = parser.parse(after);
      assert.deepEqual(JSON.parse(JSON.stringify(second.root)), JSON.parse(JSON.stringify(new IncrementalParser().parse(after).root)));
      assert.deepEqual(second.problems, new IncrementalParser().parse(after).problems);
      const placed = second.chunks.map((c) => c.chunk.node);
      assert.equal(new Set(placed).size, placed.length, 'no tree is placed twice');
      const reusedInPlace = second.chunks.filter((c) => first.chunks.some((old) => old.chunk.node === c.chunk.node));
      for (const { chunk, start } of reusedInPlace) assert.equal(chunk.base, start, 'a tree reused as it is was not moved');
      return second.fresh;
    }

    test('one block changed: only it', () => {
      const changed = [...resources];
      changed[7] = changed[7]!.replace('Queue 7', 'Queue seven');
      assert.equal(reparsed(file(resources), file(changed)), 1);
    });

    test('one block deleted, or inserted: nothing, or only the new one', () => {
      assert.equal(reparsed(file(resources), file(resources.filter((_, i) => i !== 3))), 0);
      assert.equal(reparsed(file(resources), file([...resources.slice(0, 5), '  fresh:\n    type: sns\n', ...resources.slice(5)])), 1);
    });

    test('several blocks deleted together: at most one other block parsed again', () => {
      assert.ok(reparsed(file(resources), file([...resources.slice(0, 10), ...resources.slice(16)])) <= 1);
    });

    test('blocks moved (cut and pasted further down, or the order reversed): every tree still right', () => {
      const moved = [...resources.slice(0, 4), ...resources.slice(12), ...resources.slice(4, 12)];
      assert.ok(reparsed(file(resources), file(moved)) <= 2);
      reparsed(file(resources), file([...resources].reverse(), [...flows].reverse()));
    });

    test('a block written twice gets a tree of its own each time', () => {
      const twice = [...resources.slice(0, 3), resources[1]!, ...resources.slice(3)];
      assert.equal(reparsed(file(resources), file(twice)), 1);
      assert.equal(reparsed(file(twice), file(resources)), 0);
    });

    test('a series of such edits gives the findings a fresh analysis gives', () => {
      const analyzer = new Analyzer();
      const versions = [
        file(resources),
        file(resources.filter((_, i) => i % 3 !== 0)),
        file([...resources].reverse()),
        file([...resources.slice(0, 3), resources[1]!, ...resources.slice(3)]),
        file(resources, flows.slice(5)),
        file(resources),
      ];
      for (const text of versions) assert.deepEqual(summary(text, analyzer), summary(text));
    });
  });

  describe('an analysis never changes once made', () => {
    // Every offset an analysis hands out, read when asked (trees, model, diagram, symbols, findings).
    function offsets(analysis: Analysis): string {
      const symbols = documentSymbols(analysis);
      const diagram = buildDiagram(analysis);
      return JSON.stringify({
        root: analysis.parse.root,
        resources: analysis.model.resources.map((r) => [r.id, r.key.start, r.key.end, r.pair.start, r.pair.end]),
        references: analysis.model.references.map((r) => [r.id, r.kind, r.start, r.end]),
        flows: analysis.model.flows.map((f) => [
          f.flowNode.start,
          f.flowNode.end,
          f.steps.map((step) => step.map((t) => [t.start, t.end])),
        ]),
        diagram: [diagram.nodes.map((n) => [n.id, n.start, n.end]), diagram.edges.map((e) => [e.from, e.to, e.start, e.end])],
        symbols,
        findings: analysis.findings.map((f) => [f.ruleId, f.start, f.end, f.fix?.edits, f.suggestions.map((s) => s.edits)]),
      });
    }

    const resources = Array.from({ length: 30 }, (_, i) => `  queue-${i}:\n    type: sqs\n    visibilityTimeout: 5s\n`);
    const functions = Array.from({ length: 30 }, (_, i) => `  worker-${i}:\n    type: lambda\n    timeout: 10s\n`);
    const flows = Array.from({ length: 30 }, (_, i) => `  - queue-${i} -> worker-${i}: { batchSize: 5 }\n`);
    const v1 = `awsflow: 1\nresources:\n${resources.join('')}${functions.join('')}flows:\n${flows.join('')}`;

    for (const [name, later] of [
      ['text inserted above every block', v1.replace('resources:\n', 'resources:\n  added:\n    type: sns\n')],
      ['text deleted above every block', v1.replace(resources[0]!, '')],
      [
        'one resource edited at the top',
        v1.replace('queue-0:\n    type: sqs\n    visibilityTimeout: 5s', 'queue-0:\n    type: sqs\n    visibilityTimeout: 15m'),
      ],
      ['a flow lengthened', v1.replace('  - queue-0 -> worker-0', '  - queue-0 -> worker-0, worker-1')],
    ] as const) {
      test(`${name}: the earlier analysis keeps its offsets, which still fit its text`, () => {
        const analyzer = new Analyzer();
        const first = analyzer.analyze(v1);
        const before = offsets(first);
        assert.equal(before, offsets(analyze(v1)), 'the first analysis is what a fresh one gives');
        const second = analyzer.analyze(later);
        assert.equal(offsets(first), before, "the later analysis moved none of the earlier one's offsets");
        for (const resource of first.model.resources) assert.equal(first.text.slice(resource.key.start, resource.key.end), resource.id);
        assert.equal(offsets(second), offsets(analyze(later)));
        // And back: the first text again, from blocks the second placed elsewhere.
        const third = analyzer.analyze(v1);
        assert.equal(offsets(third), before);
        assert.equal(offsets(second), offsets(analyze(later)), "nor did the third move the second's");
      });
    }
  });

  test('half-typed resources give findings, not a crash', () => {
    const half = [
      'awsflow: 1\nresources:\n  a:\n    type: sq',
      'awsflow: 1\nresources:\n  a:\n    type: sqs\n    visibilityTimeout:',
      'awsflow: 1\nresources:\n  a: {\n',
      'awsflow: 1\nresources:\n  a:\n  type: sqs\n',
      'awsflow: 1\nresources:\n a: 1\n  b: 2\n',
    ];
    for (const text of half) {
      const analysis = analyze(text);
      assert.deepEqual(analysis.internalErrors, []);
      for (const f of analysis.findings)
        assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, `${f.ruleId} range inside the text`);
    }
  });
});

describe('resources moved by an edit above them', () => {
  test('are placed on the moved nodes: the same values, the offsets of a fresh analysis, and the earlier analysis unchanged', () => {
    const text = (name: string) =>
      `awsflow: 1\nname: ${name}\ndefaults:\n  sqs: { retention: 4d, visibilityTimeout: 3m }\nresources:\n  q:\n    type: sqs\n    deadLetter: { target: d, maxReceiveCount: 5 }\n  d:\n    type: sqs\n    retention: 14d\n`;
    const describeModel = (analysis: Analysis) =>
      [...analysis.model.byId.values()].map((r) => [
        r.id,
        r.key.start,
        r.pair.start,
        [...r.props.values()].map((p) => [
          p.name,
          p.key.start,
          p.node?.start,
          p.node?.end,
          p.value,
          p.fromDefaults,
          [...p.children.values()].map((c) => [c.name, c.node?.start, c.value]),
        ]),
      ]);
    const analyzer = new Analyzer();
    const first = analyzer.analyze(text('a'));
    const before = JSON.stringify(describeModel(first));
    // Longer each time: the defaults and every resource move; the second move is a copy of a copy.
    for (const name of ['a longer name', 'an even longer name']) {
      const moved = analyzer.analyze(text(name));
      assert.deepEqual(describeModel(moved), describeModel(analyze(text(name))), name);
      assert.deepEqual(
        moved.findings.map((f) => [f.ruleId, f.start, f.end, f.message]),
        analyze(text(name)).findings.map((f) => [f.ruleId, f.start, f.end, f.message]),
        name,
      );
    }
    assert.equal(JSON.stringify(describeModel(first)), before, 'an analysis never changes once made');
  });
});
