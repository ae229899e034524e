/**
 * The fast reader (src/core/parse/simple-block.ts) against `yaml` + convert.ts: whenever
 * it answers, `yaml` must find no problem and give exactly the same tree (values, quoting,
 * every offset). Checked on the examples, on generated architectures, on their blocks,
 * and on thousands of mutated texts; plus the cases it must leave to `yaml`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { PARSE_OPTIONS } from '../../src/core/parse/chunks';
import { convertDocument, type ConvertProblem } from '../../src/core/parse/convert';
import { readSimpleBlock } from '../../src/core/parse/simple-block';
import type { YNode } from '../../src/core/parse/ast';

const dir = join(__dirname, '../../../examples');
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.awsflow'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

function viaYaml(text: string, base: number): YNode | null | 'problem' {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return 'problem';
  const problems: ConvertProblem[] = [];
  const node = convertDocument(doc, base, problems);
  return problems.length > 0 ? 'problem' : node;
}

/** Checks one text; tells whether the fast reader answered. */
function agrees(text: string, base = 0): boolean {
  const fast = readSimpleBlock(text, base);
  if (fast === undefined) return false;
  const expected = viaYaml(text, base);
  assert.notEqual(expected, 'problem', `the fast reader answered for text yaml finds a problem in: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast, expected, `trees differ for ${JSON.stringify(text)}`);
  return true;
}

/** Every run of whole lines of the text (bounded), as blocks are cut from a file. */
function lineRuns(text: string, limit = 60): { slice: string; base: number }[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  starts.push(text.length);
  const runs: { slice: string; base: number }[] = [];
  for (let a = 0; a < starts.length - 1 && runs.length < limit; a++) {
    for (const length of [1, 2, 3, 5]) {
      const b = Math.min(starts.length - 1, a + length);
      runs.push({ slice: text.slice(starts[a]!, starts[b]!), base: starts[a]! });
    }
  }
  return runs;
}

test('examples: the fast reader reads every one, exactly as yaml does', () => {
  for (const text of examples) {
    if (/[&*!\\\t]|: [|>]\n/.test(text)) continue; // anchors, tags, escapes, tabs, block scalars: left to yaml on purpose
    assert.ok(agrees(text), 'read by the fast reader');
  }
  assert.ok(examples.filter((text) => readSimpleBlock(text, 0) !== undefined).length >= 4, 'most examples are in the subset');
});

test('blocks of the examples at their own offsets', () => {
  let answered = 0;
  let total = 0;
  for (const text of examples) {
    for (const { slice, base } of lineRuns(text, 400)) {
      total++;
      if (agrees(slice, base)) answered++;
    }
  }
  assert.ok(answered > total / 3, `answered ${answered} of ${total}`);
});

test('exact trees for the shapes the fast reader takes', () => {
  const cases = [
    'a:\n',
    'a: # c\nb: 1\n',
    '  a:\n    b:\n  c: 2\n',
    '- \n- x\n',
    '-\n',
    'a:   \n',
    'a:\r\nb: 2\r\n',
    'a: { x: 1, y: "q" }  # c\n',
    'k: [a, b]\n',
    'k: "x" \n',
    "k: 'it''s'\n",
    'a:\n- 1\n- 2\nb: 3\n',
    'a: 1 #c\n  # more\n',
    'k: x y  \n',
    'k: []\n',
    'k: {}\n',
    'k: [[1, 2], {a: b}]\n',
    '- a: 1\n  b: 2\n- c\n',
    '-   a: 1\n    b:\n      - x\n',
    '- api -> orders: { rate: 20/s, size: 2KB }\n',
    'n: [~, null, Null, NULL, true, False, 0o17, 0x1F, -0, +5, 1e3, .5, -.inf, .NaN, 1., 007]\n',
    'k: http://x.y/z#frag\n',
    'k: a{b}[c],d\n',
    '1: one\ntrue: t\nnull: n\n',
    'é: 🙂 ünïcode\n',
    'a:\n  b:\n    c:\n      d: 1\n',
    'a: -5\n',
    'k: v#not-a-comment\n',
    '# only a comment first\na: 1\n',
    'a: 1\n\n\n',
    '  - x\n  - y\n',
  ];
  for (const text of cases) assert.ok(agrees(text, 7), `read: ${JSON.stringify(text)}`);
});

test('what the fast reader leaves to yaml', () => {
  const cases = [
    '',
    '# only a comment\n',
    'a: &x 1\nb: *x\n',
    'a: !tag 1\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    'a: "x\\ny"\n',
    'a:\tb\n',
    'a: multi\n  line\n',
    'a: "open\n  close"\n',
    'a: [1,\n  2]\n',
    '? a\n: b\n',
    '---\na: 1\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: b: c\n',
    'a: 1\n  b: 2\n',
    'a:\n    b: 1\n  c: 2\n',
    '- - x\n',
    '"quoted": key\n',
    'a: { b }\n',
    'a: [1, ]\n',
    'a: { b: 1 # c\n}\n',
    'a: 1\n- x\n',
    'just a scalar\n',
    '\ufeffa: 1\n',
    'a: ?x\n',
    'a: @x\n',
    'a: `x`\n',
    'a\rb: 1\n',
  ];
  for (const text of cases) assert.equal(readSimpleBlock(text, 0), undefined, `left to yaml: ${JSON.stringify(text)}`);
});

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
    '-',
    '->',
    ', ',
    ',',
    '{',
    '}',
    '[',
    ']',
    '{ a: 1 }',
    '[x, y]',
    '"',
    "'",
    "''",
    '#',
    ' #',
    '\r\n',
    'null',
    '~',
    'true',
    'False',
    '0x1F',
    '0o7',
    '.5',
    '1e3',
    '-3',
    '+2',
    '.inf',
    '.nan',
    '007',
    '1_000',
    '🙂',
    'é',
    'type: sqs',
    'x -> y',
    '  q:\n    type: sqs\n',
    '  - a -> b\n',
  ),
  fc.string({
    maxLength: 8,
    unit: fc.constantFrom('a', ' ', ':', '-', '#', '\n', '"', "'", '[', ']', '{', '}', ',', '0', '.', 'e', '+', 'x'),
  }),
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 12 }), insert: fragment });

test('mutated examples: whenever the fast reader answers, yaml agrees exactly', () => {
  let answered = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
      const text = edits.reduce((t, e) => {
        const start = Math.floor(e.at * t.length);
        return t.slice(0, start) + e.insert + t.slice(Math.min(t.length, start + e.length));
      }, seed);
      for (const { slice, base } of [{ slice: text, base: 0 }, ...lineRuns(text, 12)]) {
        runs++;
        if (agrees(slice, base)) answered++;
      }
    }),
    // AWSFLOW_FUZZ_RUNS / AWSFLOW_FUZZ_SEED run it longer or elsewhere by hand.
    { numRuns: Number(process.env.AWSFLOW_FUZZ_RUNS ?? 1500), seed: Number(process.env.AWSFLOW_FUZZ_SEED ?? 20261127) },
  );
  // The comparison must not be vacuous: many mutated texts stay inside the subset.
  assert.ok(answered > runs / 4, `answered ${answered} of ${runs}`);
});

test('plain scalars resolve as yaml resolves them (core schema)', () => {
  fc.assert(
    fc.property(
      fc.string({
        minLength: 1,
        maxLength: 8,
        unit: fc.constantFrom(
          '0',
          '1',
          '7',
          '9',
          '.',
          'e',
          'E',
          '+',
          '-',
          'x',
          'o',
          'a',
          'F',
          'n',
          'u',
          'l',
          'N',
          't',
          'r',
          'i',
          'f',
          '~',
          '_',
        ),
      }),
      (scalar) => {
        agrees(`k: ${scalar}\n`);
        agrees(`k: [${scalar}]\n`);
      },
    ),
    { numRuns: Number(process.env.AWSFLOW_FUZZ_RUNS ?? 3000), seed: Number(process.env.AWSFLOW_FUZZ_SEED ?? 7) },
  );
});
