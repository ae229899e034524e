/**
 * The server's conversions between the core's offsets and LSP's positions, where they do
 * arithmetic: UTF-16 units (an emoji is two), CRLF line breaks (a position never lands
 * between CR and LF), the end of a file with no final line break, and LSP's relative
 * encoding of semantic tokens. Offsets below are worked out by hand from TEXT.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, ErrorCodes, InsertTextFormat, ResponseError } from 'vscode-languageserver';
import { analyze, type SemanticToken } from '../../../src/core/index';
import {
  encodeSemanticTokens,
  offsetOfPosition,
  offsetsOfRange,
  toCompletionItem,
  toDiagnostic,
  toInlayHint,
  toLocation,
  toRange,
  toTextEdits,
  toWorkspaceEdit,
} from '../../../src/server/convert';

// Line 0 `awsflow: 1` (0-10, CRLF at 10-11); line 1 `name: 🚀 orders` (12-27: the rocket is
// 18-19, `orders` 21-27; CRLF 27-28); line 2 `resources:` (29-39, CRLF 39-40); line 3
// (41-76) with no line break after it: `f` at 43, `lambda` 54-60, `20m` 71-74.
const TEXT = 'awsflow: 1\r\nname: 🚀 orders\r\nresources:\r\n  f: { type: lambda, timeout: 20m }';
const analysis = analyze(TEXT);
const at = (line: number, character: number) => ({ line, character });

describe('request positions -> offsets', () => {
  test('characters count UTF-16 units: after the rocket is offset 20, inside it moves back to its start', () => {
    assert.equal(offsetOfPosition(analysis.lineIndex, at(1, 8)), 20);
    assert.equal(offsetOfPosition(analysis.lineIndex, at(1, 7)), 18);
    assert.equal(offsetOfPosition(analysis.lineIndex, at(1, 6)), 18);
  });

  test('a character past the end of a CRLF line is the end of its text, before the CR', () => {
    assert.equal(offsetOfPosition(analysis.lineIndex, at(0, 10)), 10);
    assert.equal(offsetOfPosition(analysis.lineIndex, at(0, 11)), 10);
    assert.equal(offsetOfPosition(analysis.lineIndex, at(0, 999)), 10);
    assert.equal(offsetOfPosition(analysis.lineIndex, at(2, 0)), 29);
  });

  test('the last line, with no line break, ends at the end of the text; a line after it is refused as InvalidParams', () => {
    assert.equal(offsetOfPosition(analysis.lineIndex, at(3, 35)), 76);
    assert.equal(offsetOfPosition(analysis.lineIndex, at(3, 36)), 76);
    assert.throws(
      () => offsetOfPosition(analysis.lineIndex, at(4, 0)),
      (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.equal(error.code, ErrorCodes.InvalidParams);
        assert.equal(error.message, "`position` is on line 4, past the document's last line (3).");
        return true;
      },
    );
    assert.throws(() => offsetOfPosition(analysis.lineIndex, at(7, 0), 'range.start'), /`range\.start` is on line 7/);
  });

  test('a range that only narrows an answer: a line past the end means the end of the text', () => {
    assert.deepEqual(offsetsOfRange(analysis.lineIndex, { start: at(2, 0), end: at(9, 0) }), { start: 29, end: 76 });
    assert.deepEqual(offsetsOfRange(analysis.lineIndex, { start: at(1, 8), end: at(1, 99) }), { start: 20, end: 27 });
  });
});

describe('core offsets -> LSP ranges and positions', () => {
  test('ranges at the end of a file with no final line break', () => {
    assert.deepEqual(toRange(analysis, { start: 71, end: 74 }), { start: at(3, 30), end: at(3, 33) });
    assert.deepEqual(toRange(analysis, { start: 76, end: 76 }), { start: at(3, 35), end: at(3, 35) });
    assert.deepEqual(toRange(analysis, { start: 74, end: 1000 }), { start: at(3, 33), end: at(3, 35) });
  });

  test('a range never ends between CR and LF, and holds a whole emoji', () => {
    assert.deepEqual(toRange(analysis, { start: 0, end: 11 }), { start: at(0, 0), end: at(0, 10) });
    assert.deepEqual(toRange(analysis, { start: 11, end: 12 }), { start: at(0, 10), end: at(1, 0) });
    assert.deepEqual(toRange(analysis, { start: 19, end: 19 }), { start: at(1, 6), end: at(1, 8) });
  });

  test('a location is the uri with the range', () => {
    assert.deepEqual(toLocation(analysis, 'file:///w/a.awsflow', { start: 21, end: 27 }), {
      uri: 'file:///w/a.awsflow',
      range: { start: at(1, 9), end: at(1, 15) },
    });
  });

  test('an inlay hint after the rocket sits at its UTF-16 character', () => {
    assert.deepEqual(toInlayHint(analysis, { offset: 27, label: '= 1 min' }), { position: at(1, 15), label: '= 1 min', paddingLeft: true });
    assert.deepEqual(toInlayHint(analysis, { offset: 76, label: 'x', tooltip: '**t**' }), {
      position: at(3, 35),
      label: 'x',
      paddingLeft: true,
      tooltip: { kind: 'markdown', value: '**t**' },
    });
  });

  test('text edits on a CRLF text keep their line breaks out of the ranges, and carry the version they were made for', () => {
    const edits = toTextEdits(analysis, [
      { start: 71, end: 74, newText: '15m' },
      { start: 10, end: 12, newText: '\n' },
    ]);
    assert.deepEqual(edits, [
      { range: { start: at(3, 30), end: at(3, 33) }, newText: '15m' },
      { range: { start: at(0, 10), end: at(1, 0) }, newText: '\n' },
    ]);
    assert.deepEqual(toWorkspaceEdit('file:///w/a.awsflow', 7, edits), {
      documentChanges: [{ textDocument: { uri: 'file:///w/a.awsflow', version: 7 }, edits }],
    });
  });

  test("a diagnostic: the finding's range in UTF-16 on its CRLF line, rule id as code, docs link when the host has the pages", () => {
    const finding = analysis.findings.find((f) => f.ruleId === 'lambda/timeout-limit');
    assert.ok(finding, 'the timeout over 15 minutes is found');
    // The whole object: no `data` (nothing reads it; the set's version is publishDiagnostics' own).
    assert.deepStrictEqual(toDiagnostic(analysis, 'file:///w/a.awsflow', finding, { packageRoot: 'file:///pkg' }), {
      range: { start: at(3, 30), end: at(3, 33) },
      severity: 1,
      code: 'lambda/timeout-limit',
      source: 'awsflow',
      message: finding.message,
      codeDescription: { href: 'file:///pkg/docs/rules/lambda/timeout-limit.md' },
    });
    assert.equal(toDiagnostic(analysis, 'file:///w/a.awsflow', finding, {}).codeDescription, undefined);
  });
});

describe('completion items', () => {
  const entry = { label: 'timeout', kind: 'property', insertText: 'timeout: ', replace: { start: 29, end: 100 } } as const;

  test("the edit range is cut to the cursor's line (VS Code drops an item whose range spans lines)", () => {
    const item = toCompletionItem(analysis, entry, 46);
    assert.deepEqual(item.textEdit, { range: { start: at(3, 0), end: at(3, 35) }, newText: 'timeout: ' });
  });

  test('on a CRLF line the range ends before the CR, and it always holds the cursor', () => {
    assert.deepEqual(toCompletionItem(analysis, { ...entry, replace: { start: 5, end: 12 } }, 8).textEdit, {
      range: { start: at(0, 5), end: at(0, 10) },
      newText: 'timeout: ',
    });
    assert.deepEqual(toCompletionItem(analysis, { ...entry, replace: { start: 54, end: 56 } }, 60).textEdit, {
      range: { start: at(3, 13), end: at(3, 19) },
      newText: 'timeout: ',
    });
  });

  test('kind, snippet format, and the suggest command after `key: `', () => {
    const property = toCompletionItem(analysis, entry, 46);
    assert.equal(property.kind, CompletionItemKind.Property);
    assert.equal(property.insertTextFormat, InsertTextFormat.PlainText);
    assert.deepEqual(property.command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
    const snippet = toCompletionItem(
      analysis,
      { label: 'queue', kind: 'snippet', insertText: '${1:name}:', snippet: true, replace: { start: 41, end: 41 } },
      41,
    );
    assert.equal(snippet.kind, CompletionItemKind.Snippet);
    assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(snippet.command, undefined);
  });
});

describe("semantic tokens: LSP's relative encoding", () => {
  test('line deltas, start deltas on the same line, UTF-16 starts after an emoji and CRLF lines, modifier bits', () => {
    const tokens: SemanticToken[] = [
      { start: 0, end: 7, type: 'keyword', modifiers: [] }, // `awsflow`, line 0
      { start: 21, end: 27, type: 'variable', modifiers: ['declaration', 'readonly'] }, // `orders`, line 1, after the rocket
      { start: 43, end: 44, type: 'variable', modifiers: ['declaration'] }, // `f`, line 3 (line 2 has none)
      { start: 54, end: 60, type: 'type', modifiers: ['defaultLibrary'] }, // `lambda`, same line
    ];
    assert.deepEqual(
      encodeSemanticTokens(analysis, tokens).data,
      [0, 0, 7, 6, 0, 1, 9, 6, 1, 0b011, 2, 2, 1, 1, 0b001, 0, 11, 6, 0, 0b100],
    );
  });

  test('no tokens, no data', () => {
    assert.deepEqual(encodeSemanticTokens(analysis, []), { data: [] });
  });
});
