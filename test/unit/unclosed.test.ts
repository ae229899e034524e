import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openerOf, placeUnclosed, unclosedOpener, type Opener } from '../../src/core/parse/unclosed';

/** The offset marked `^` in `marked` (the mark removed), or undefined when there is none. */
function at(marked: string): { text: string; offset: number | undefined } {
  const offset = marked.indexOf('^');
  return { text: marked.replace('^', ''), offset: offset === -1 ? undefined : offset };
}

function opener(marked: string, kind: Opener): void {
  const { text, offset } = at(marked);
  assert.equal(unclosedOpener(text, text.length, kind), offset, JSON.stringify(marked));
}

describe('unclosedOpener', () => {
  test('the innermost unclosed bracket of the kind asked for', () => {
    opener('a: ^{ b: 1', '{');
    opener('a: ^{ b: { c: 1 }', '{');
    opener('a: { b: ^{ c: 1', '{');
    opener('a: ^[x, { b: 1 }', '[');
    opener('a: { b: ^[x', '[');
    opener('a: ^{ b: [x', '{');
    // All closed, or closed on a later line.
    opener('a: { b: 1 }\nc: [x]', '{');
    opener('a: {\n  b: 1\n}\n', '{');
    opener('a: [x]', '[');
  });

  test('a closer that does not match the innermost opener closes nothing', () => {
    opener('a: { v: ^[fs }', '[');
    opener('a: ^{ v: [fs }', '{');
  });

  test('brackets in a plain scalar, a comment or a quoted scalar open nothing', () => {
    opener('a: see [docs] and {x\n', '[');
    opener('a: see [docs] and {x\n', '{');
    opener('# { [ " \'\na: 1 # {\n', '{');
    opener('a: "{ [" \nb: \'{\'', '{');
    opener('a: x#{\nb: ^{', '{');
  });

  test('an unclosed quote only where a value starts, past escapes and doubled quotes', () => {
    opener('a: ^"Jobs', '"');
    opener('a: "x \\" y"\nb: ^"Jobs', '"');
    // An escaped quote does not close the string.
    opener('a: ^"x \\" y\n', '"');
    opener("a: 'it''s'\nb: ^'Jobs", "'");
    opener("a: it's\nb: x", "'");
    opener('a: say "hi"\n', '"');
    opener('a: [x, ^"y', '"');
    opener('- ^"item', '"');
    // A quoted scalar over several lines is closed where it ends.
    opener('a: "one\n  two"\nb: 1', '"');
    // The kind asked for: an open double quote is not a single one.
    opener('a: "Jobs', "'");
  });

  test('reads only up to the position given', () => {
    assert.equal(unclosedOpener('a: { b: 1 }', 6, '{'), 3);
    assert.equal(unclosedOpener('a: { b: 1 }', 200, '{'), undefined);
  });
});

describe('openerOf and placeUnclosed', () => {
  test('the yaml errors that mean an unclosed opener', () => {
    assert.equal(openerOf('BAD_INDENT', 'Flow map in block collection must be sufficiently indented and end with a }'), '{');
    assert.equal(openerOf('BAD_INDENT', 'Flow sequence in block collection must be sufficiently indented and end with a ]'), '[');
    assert.equal(openerOf('MISSING_CHAR', 'Missing closing "quote'), '"');
    assert.equal(openerOf('MISSING_CHAR', "Missing closing 'quote"), "'");
    assert.equal(openerOf('BAD_INDENT', 'All mapping items must start at the same column'), undefined);
    assert.equal(openerOf('MISSING_CHAR', 'Missing , or : between flow map items'), undefined);
  });

  test('moved to the opener, to the end of its line without trailing blanks; one per opener; others kept', () => {
    const text = 'a: { b: [x, \t\nc: 1\n';
    const far = text.indexOf('c');
    const other = { start: 0, end: 1, code: 'BAD_INDENT', message: 'All mapping items must start at the same column' };
    const placed = placeUnclosed(text, [
      other,
      {
        start: far,
        end: far + 1,
        code: 'BAD_INDENT',
        message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
      {
        start: far,
        end: far + 1,
        code: 'BAD_INDENT',
        message: 'Flow map in block collection must be sufficiently indented and end with a }',
      },
      {
        start: far + 1,
        end: far + 2,
        code: 'BAD_INDENT',
        message: 'Flow map in block collection must be sufficiently indented and end with a }',
      },
    ]);
    assert.deepEqual(placed, [
      other,
      {
        start: 8,
        end: 11,
        code: 'BAD_INDENT',
        message: 'This `[` is never closed: end the list with `]` (on this line, or on a line indented under it)',
      },
      {
        start: 3,
        end: 11,
        code: 'BAD_INDENT',
        message: 'This `{` is never closed: end the mapping with `}` (on this line, or on a line indented under it)',
      },
    ]);
    // Nothing open where yaml says: left where yaml put it.
    const closed = {
      start: 12,
      end: 12,
      code: 'BAD_INDENT',
      message: 'Flow map in block collection must be sufficiently indented and end with a }',
    };
    assert.deepEqual(placeUnclosed('a: { b: 1 }\n', [closed]), [closed]);
  });
});
