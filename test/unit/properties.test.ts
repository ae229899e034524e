/**
 * Property-based tests: random and mutated `.awsflow` texts, seeded from the examples.
 * The analysis never throws, every finding lies inside the text, the outline's ranges nest
 * and never overlap, the same text gives
 * the same answer twice, and an Analyzer that saw earlier versions (the incremental
 * path) answers exactly as a fresh one. Every LSP position the server would send
 * (diagnostics, code action edits, completion edits, hover ranges, symbols) is a
 * position in the text, in texts with CRLF line ends and astral characters (emoji).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  analyze,
  Analyzer,
  buildDiagram,
  complete,
  documentSymbols,
  hover,
  type Analysis,
  type Position,
  type Range,
} from '../../src/core/index';
import type { DocumentSymbolEntry } from '../../src/core/services/types';

const dir = join(__dirname, '../../../examples');
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.awsflow'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

/** An edit: replace `length` characters at a relative position with a fragment. */
const fragment = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\n',
    '  ',
    '    ',
    ':',
    ': ',
    '- ',
    '->',
    ', ',
    '{',
    '}',
    '[',
    ']',
    '"',
    "'",
    '#',
    '&a ',
    '*a',
    '|',
    '>',
    '\t',
    '\r\n',
    '\u0000',
    '🙂',
    'é',
    'type: sqs',
    'type: lambda',
    'fifo: true',
    'timeout: 20m',
    'memory: 12GB',
    'rate: 5000/s',
    'x -> y',
    'resources:',
    'flows:',
    '  q:\n    type: sqs\n',
    '  - a -> b\n',
    'awsflow: 1\n',
  ),
  fc.string({ maxLength: 12 }),
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 20 }), insert: fragment });

function applyRandomEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
}

function summary(analysis: Analysis) {
  return analysis.findings.map((f) => `${f.ruleId} ${f.severity} ${f.start}-${f.end} ${f.message}`);
}

function checkInvariants(text: string, analysis: Analysis) {
  assert.deepEqual(analysis.internalErrors, []);
  for (const finding of analysis.findings) {
    assert.ok(
      finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length,
      `${finding.ruleId} range ${finding.start}-${finding.end} inside 0-${text.length}`,
    );
    for (const fix of [finding.fix, ...finding.suggestions]) {
      for (const e of fix?.edits ?? [])
        assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${finding.ruleId} edit inside the text`);
    }
  }
  buildDiagram(analysis);
  assertSymbolTree(documentSymbols(analysis));
}

/** Editors find the symbol at the cursor by range: selections inside ranges, children inside parents, siblings never overlapping. */
function assertSymbolTree(symbols: readonly DocumentSymbolEntry[], parent?: DocumentSymbolEntry): void {
  let previousEnd = parent?.start ?? 0;
  for (const symbol of symbols) {
    assert.ok(symbol.start <= symbol.selection.start && symbol.selection.end <= symbol.end, `${symbol.name}: selection inside range`);
    if (parent) assert.ok(symbol.end <= parent.end, `${symbol.name}: inside ${parent.name}`);
    assert.ok(
      previousEnd <= symbol.start,
      `${symbol.name} starts at ${symbol.start}, before its parent or its previous sibling ends (${previousEnd})`,
    );
    previousEnd = symbol.end;
    assertSymbolTree(symbol.children, symbol);
  }
}

test('mutated examples: no throw, ranges inside the text, the same answer twice', () => {
  fc.assert(
    fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 6 }), (seed, edits) => {
      const text = edits.reduce(applyRandomEdit, seed);
      const first = analyze(text);
      checkInvariants(text, first);
      assert.deepEqual(summary(analyze(text)), summary(first));
    }),
    { numRuns: 300, seed: 20261126 },
  );
});

test('an analyzer that saw earlier versions answers as a fresh one (the incremental path)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, edits) => {
      const analyzer = new Analyzer();
      let text = seed;
      analyzer.analyze(text);
      for (const e of edits) {
        text = applyRandomEdit(text, e);
        const incremental = analyzer.analyze(text);
        checkInvariants(text, incremental);
        assert.deepEqual(summary(incremental), summary(analyze(text)));
      }
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('random text: no throw, ranges inside', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      checkInvariants(text, analyze(text));
    }),
    { numRuns: 300, seed: 42 },
  );
});

/** The lines of a text without their line breaks (CRLF, LF or a lone CR), worked out here, not by LineIndex. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A position a client can use: on a line of the text, within its characters, not inside a surrogate pair. */
function assertUsable(lines: string[], position: Position, what: string): void {
  const line = lines[position.line];
  assert.ok(line !== undefined && position.line >= 0, `${what}: line ${position.line} of ${lines.length}`);
  assert.ok(
    position.character >= 0 && position.character <= line.length,
    `${what}: character ${position.character} on a line of ${line.length}`,
  );
  const before = line.charCodeAt(position.character - 1);
  const after = line.charCodeAt(position.character);
  assert.ok(
    !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff),
    `${what}: ${JSON.stringify(position)} splits a surrogate pair`,
  );
}

function assertUsableRange(lines: string[], range: Range, what: string): void {
  assertUsable(lines, range.start, what);
  assertUsable(lines, range.end, what);
  const { start, end } = range;
  assert.ok(
    start.line < end.line || (start.line === end.line && start.character <= end.character),
    `${what}: ${JSON.stringify(range)} ends before it starts`,
  );
}

const astral = fc.constantFrom('🙂', '𝒜', '👩‍💻', '\u{1F680}x', ' # 🚀 note', ': 🙂', '🙂:', '{ a: 🙂', '- 🙂 -> 🙂');
const crlfEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 20 }),
  insert: fc.oneof(fragment, astral, fc.constantFrom('\r\n', '\r', '  x: { a: 1,\r\n', 'q: { type: sqs, ')),
});

test('CRLF and emoji: every position the server sends is inside the text and on a character boundary', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...examples),
      fc.array(crlfEdit, { minLength: 1, maxLength: 6 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
      (seed, edits, cursors) => {
        const text = edits.reduce(applyRandomEdit, seed.replace(/\n/g, '\r\n'));
        const analysis = analyze(text);
        const lines = linesOf(text);
        const { lineIndex } = analysis;
        for (const finding of analysis.findings) {
          assertUsableRange(lines, lineIndex.rangeOf(finding), `diagnostic ${finding.ruleId}`);
          for (const related of finding.related) assertUsableRange(lines, lineIndex.rangeOf(related), `related ${finding.ruleId}`);
          for (const fix of [finding.fix, ...finding.suggestions]) {
            for (const e of fix?.edits ?? []) assertUsableRange(lines, lineIndex.rangeOf(e), `code action edit ${finding.ruleId}`);
          }
        }
        const symbols = documentSymbols(analysis);
        for (let symbol = symbols.pop(); symbol; symbol = symbols.pop()) {
          assertUsableRange(lines, lineIndex.rangeOf(symbol), `symbol ${symbol.name}`);
          assertUsableRange(lines, lineIndex.rangeOf(symbol.selection), `symbol ${symbol.name} selection`);
          symbols.push(...symbol.children);
        }
        for (const cursor of cursors) {
          const offset = lineIndex.offsetAt(lineIndex.positionAt(Math.floor(cursor * text.length)));
          const position = lineIndex.positionAt(offset);
          assertUsable(lines, position, 'cursor');
          const found = hover(analysis, offset);
          if (found) assertUsableRange(lines, lineIndex.rangeOf(found), 'hover');
          for (const entry of complete(analysis, offset)) {
            const range = lineIndex.rangeOnLineOf(entry.replace, offset);
            assertUsableRange(lines, range, `completion ${entry.label}`);
            assert.equal(range.start.line, range.end.line, `completion ${entry.label}: one line`);
            assert.equal(range.start.line, position.line, `completion ${entry.label}: on the cursor's line`);
            assert.ok(
              range.start.character <= position.character && position.character <= range.end.character,
              `completion ${entry.label}: holds the cursor`,
            );
          }
        }
      },
    ),
    { numRuns: 250, seed: 20261204 },
  );
});

test('LineIndex snaps offsets out of CRLF pairs and surrogate pairs, and clamps them into the text', () => {
  const text = 'a\r\nb🙂c\r\n';
  const index = new Analyzer().analyze(text).lineIndex;
  assert.deepEqual(index.positionAt(2), { line: 0, character: 1 }, 'between CR and LF: the end of the line');
  assert.deepEqual(index.positionAt(5), { line: 1, character: 1 }, 'inside the emoji: before it');
  assert.deepEqual(
    index.rangeOf({ start: 5, end: 5 }),
    { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } },
    'a range inside an emoji holds all of it',
  );
  assert.deepEqual(index.rangeOf({ start: -4, end: 999 }), { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
  assert.deepEqual(
    index.rangeOf({ start: 3, end: 1 }),
    { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    'never ends before it starts',
  );
  assert.equal(index.offsetAt({ line: 0, character: 9 }), 1, 'past the end of a line: before its CRLF');
  assert.equal(index.offsetAt({ line: 1, character: 2 }), 4, 'inside the emoji: before it');
  assert.equal(index.offsetAt({ line: 7, character: 0 }), text.length);
  assert.deepEqual(
    index.rangeOnLineOf({ start: 0, end: 8 }, 4),
    { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
    "a completion range cut to the cursor's line",
  );
});
