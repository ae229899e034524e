/**
 * The preview's parts that place separately drawn components, in Node: which resources
 * are drawn together (components.ts) and where each part goes (packing.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { componentsOf } from '../../webview/components';
import { CELL_STEP, DEFAULT_GAP, packGrid, type Grid, type Size } from '../../webview/packing';
import { diagramResult } from './harness';

const boxes = (grid: Grid, sizes: readonly Size[]) => sizes.map((size, index) => ({ ...grid.positions[index]!, ...size }));

function assertNoOverlap(grid: Grid, sizes: readonly Size[]): void {
  const all = boxes(grid, sizes);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      assert.ok(apart, `parts ${i} and ${j} overlap: ${JSON.stringify([a, b])}`);
    }
  }
}

function assertInside(grid: Grid, sizes: readonly Size[]): void {
  for (const box of boxes(grid, sizes)) {
    assert.ok(
      box.x >= 0 && box.y >= 0 && box.x + box.width <= grid.width && box.y + box.height <= grid.height,
      JSON.stringify({ box, grid: [grid.width, grid.height] }),
    );
  }
}

describe('packGrid', () => {
  const twelve: Size[] = Array.from({ length: 12 }, () => ({ width: 200, height: 100 }));

  test("twelve equal parts in a landscape pane: a grid about the pane's shape, row by row, none overlapping", () => {
    const grid = packGrid(twelve, { aspect: 1.5 });
    assert.ok(grid.rows > 1 && grid.columns > 1, `${grid.columns} × ${grid.rows}`);
    assert.equal(grid.columns * grid.rows >= 12 && (grid.columns - 1) * grid.rows < 12, true, 'no empty column');
    const ratio = grid.width / grid.height;
    assert.ok(ratio > 1.5 / 2 && ratio < 1.5 * 2, `aspect ${ratio}`);
    assertNoOverlap(grid, twelve);
    assertInside(grid, twelve);
    // Row-major, in the order given: the second part is right of the first, on the same row.
    assert.equal(grid.positions[1]!.y, grid.positions[0]!.y);
    assert.ok(grid.positions[1]!.x > grid.positions[0]!.x);
    assert.deepEqual(grid.positions[grid.columns], { x: 0, y: grid.positions[grid.columns]!.y });
    assert.ok(grid.positions[grid.columns]!.y > 0);
    // Cells are whole steps apart, with the gap between them.
    assert.equal(grid.positions[1]!.x, Math.ceil(200 / CELL_STEP) * CELL_STEP + DEFAULT_GAP);
  });

  test("the pane's shape decides the columns: wide panes get more, tall panes fewer, never one column taller than a wide pane", () => {
    const wide = packGrid(twelve, { aspect: 3 });
    const square = packGrid(twelve, { aspect: 1 });
    const tall = packGrid(twelve, { aspect: 0.4 });
    assert.ok(wide.columns > square.columns && square.columns > tall.columns, `${wide.columns} > ${square.columns} > ${tall.columns}`);
    assert.ok(square.columns > 1);
    for (const grid of [wide, square, tall]) assertNoOverlap(grid, twelve);
  });

  test('parts of different sizes: columns as wide as their widest part, rows as tall as their tallest', () => {
    const sizes: Size[] = [
      { width: 900, height: 300 },
      { width: 100, height: 80 },
      { width: 120, height: 60 },
      { width: 400, height: 500 },
      { width: 90, height: 90 },
      { width: 300, height: 40 },
    ];
    const grid = packGrid(sizes, { aspect: 1.6 });
    assertNoOverlap(grid, sizes);
    assertInside(grid, sizes);
    assert.ok(grid.rows > 1 && grid.columns > 1);
  });

  test('one part, and none', () => {
    const one = packGrid([{ width: 300, height: 2000 }], { aspect: 2 });
    assert.deepEqual(
      { positions: one.positions, width: one.width, height: one.height, columns: one.columns, rows: one.rows },
      { positions: [{ x: 0, y: 0 }], width: 300, height: 2000, columns: 1, rows: 1 },
    );
    const none = packGrid([], { aspect: 2 });
    assert.deepEqual([none.positions, none.width, none.height], [[], 0, 0]);
    // A pane with no size yet counts as square.
    assert.deepEqual(packGrid(twelve, { aspect: 0 }).columns, packGrid(twelve, { aspect: 1 }).columns);
  });

  test('with the previous packing: a part that grows within its cell moves nothing', () => {
    const first = packGrid(twelve, { aspect: 1.5 });
    const grown = twelve.map((size, index) => (index === 4 ? { width: size.width + 20, height: size.height + 20 } : size));
    const second = packGrid(grown, { aspect: 1.5, previous: first.memory });
    assert.deepEqual(second.positions, first.positions);
    assertNoOverlap(second, grown);
  });

  test('with the previous packing: a part that outgrows its cell moves only the parts right of its column and below its row', () => {
    const first = packGrid(twelve, { aspect: 1.5 });
    const index = 4;
    const grown = twelve.map((size, i) => (i === index ? { width: size.width + 150, height: size.height + 120 } : size));
    const second = packGrid(grown, { aspect: 1.5, previous: first.memory });
    assert.equal(second.columns, first.columns);
    const column = index % first.columns;
    const row = Math.floor(index / first.columns);
    second.positions.forEach((at, i) => {
      const before = first.positions[i]!;
      if (i % first.columns <= column) assert.equal(at.x, before.x, `part ${i} keeps its x`);
      else assert.ok(at.x > before.x, `part ${i} moves right`);
      if (Math.floor(i / first.columns) <= row) assert.equal(at.y, before.y, `part ${i} keeps its y`);
      else assert.ok(at.y > before.y, `part ${i} moves down`);
    });
    assertNoOverlap(second, grown);
    // It grew with room to spare: a little more growth moves nothing again.
    const more = grown.map((size, i) => (i === index ? { width: size.width + 30, height: size.height + 20 } : size));
    assert.deepEqual(packGrid(more, { aspect: 1.5, previous: second.memory }).positions, second.positions);
  });

  test('with the previous packing: a pane a little wider keeps the columns; a part that shrinks a lot gives its room back', () => {
    const first = packGrid(twelve, { aspect: 1.5 });
    assert.equal(packGrid(twelve, { aspect: 1.9, previous: first.memory }).columns, first.columns);
    assert.notEqual(packGrid(twelve, { aspect: 1.9 }).columns, first.columns, 'afresh, the wider pane would take another count');
    const shrunk = twelve.map((size) => ({ width: size.width / 4, height: size.height }));
    const second = packGrid(shrunk, { aspect: 1.5, previous: first.memory });
    assert.ok(second.positions[1]!.x < first.positions[1]!.x, 'narrower columns');
    assertNoOverlap(second, shrunk);
  });

  test('with the previous packing: a part added at the end keeps every other part where it was', () => {
    const first = packGrid(twelve, { aspect: 1.5 });
    const thirteen = [...twelve, { width: 150, height: 90 }];
    const second = packGrid(thirteen, { aspect: 1.5, previous: first.memory });
    assert.deepEqual(second.positions.slice(0, 12), first.positions);
    assertNoOverlap(second, thirteen);
  });
});

describe('componentsOf', () => {
  const text = [
    'awsflow: 1',
    'resources:',
    '  lonely: { type: sqs }',
    '  a-in: { type: sqs, deadLetter: { target: a-dlq, maxReceiveCount: 3 } }',
    '  b-in: { type: sqs }',
    '  a-fn: { type: lambda }',
    '  b-fn: { type: lambda }',
    '  a-dlq: { type: sqs }',
    '  g-one: { type: sqs, group: team }',
    '  g-two: { type: lambda, group: team }',
    'flows:',
    '  - b-in -> b-fn',
    '  - a-in -> a-fn',
    '',
  ].join('\n');

  for (const icons of [false, true]) {
    test(`flows, dead letters and groups join resources; parts come in the order of their first resource (${icons ? 'icon' : 'plain'} nodes)`, () => {
      const diagram = diagramResult(text, { icons });
      const names = (ids: readonly string[]) => ids.map((id) => diagram.nodes.find((node) => node.id === id)!.resourceId).sort();
      const parts = componentsOf({ text: diagram.mermaid, outline: diagram.outline });
      assert.deepEqual(
        parts.map((part) => names(part.nodeIds)),
        [['lonely'], ['a-dlq', 'a-fn', 'a-in'], ['b-fn', 'b-in'], ['g-one', 'g-two']],
      );
      // Each part's text holds its own nodes and edges and nothing else, and its group whole.
      const edgesOf = (text: string) =>
        [...text.matchAll(/^ {2}(n\d+) (?:-->|==>|-\.->)(?:\|"[^"]*"\|)? (n\d+)$/gm)].map((m) => ({ from: m[1]!, to: m[2]! }));
      for (const part of parts) {
        const named = new Set(part.text.match(/\bn\d+\b/g) ?? []);
        assert.deepEqual([...named].sort(), [...part.nodeIds].sort());
        for (const edge of edgesOf(part.text)) assert.ok(part.nodeIds.includes(edge.from) && part.nodeIds.includes(edge.to));
        assert.ok(part.text.startsWith('flowchart LR\n'));
        assert.equal(part.outline.length, part.text.split('\n').length - 1);
      }
      assert.equal(parts.flatMap((part) => edgesOf(part.text)).length, diagram.edges.length);
      const team = parts[3]!.text;
      assert.match(team, /subgraph g0\["team"\]/);
      assert.equal((team.match(/subgraph/g) ?? []).length, 1);
      assert.doesNotMatch(parts[0]!.text, /subgraph/);
    });
  }

  test('a connected diagram is one part', () => {
    const diagram = diagramResult(text.replace('flows:', 'flows:\n  - lonely -> a-in -> g-one\n  - a-fn -> b-in'));
    const parts = componentsOf({ text: diagram.mermaid, outline: diagram.outline });
    assert.equal(parts.length, 1);
    assert.equal(parts[0]!.nodeIds.length, diagram.nodes.length);
  });
});
