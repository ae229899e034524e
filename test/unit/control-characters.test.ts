import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControlCharacters, escapeLabel } from '../../src/core/index';

test('every C0 control, DEL and every C1 control becomes a visible escape; printable text is kept', () => {
  for (let code = 0; code <= 0xa0; code++) {
    const char = String.fromCharCode(code);
    const escaped = escapeControlCharacters(`a${char}b`);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (!control) assert.equal(escaped, `a${char}b`, `U+${code.toString(16)}`);
    else assert.match(escaped, /^a\\(n|r|t|x[0-9a-f]{2})b$/, `U+${code.toString(16)}`);
  }
  assert.equal(escapeControlCharacters('x\n::error file=a::y'), 'x\\n::error file=a::y');
  assert.equal(escapeControlCharacters('\u001b]0;title\u0007\u001b[2J\u009b2J\r\t\u007f'), '\\x1b]0;title\\x07\\x1b[2J\\x9b2J\\r\\t\\x7f');
  assert.equal(escapeControlCharacters('café → ☃ 𝄞 \u00a0\u2028'), 'café → ☃ 𝄞 \u00a0\u2028', 'non-ASCII text is not control');
});

test('keepLineBreaks keeps line feeds and tabs, for multi-line pages, and escapes the rest', () => {
  assert.equal(escapeControlCharacters('# Title\n\tcode\r\n\u001b[2J', { keepLineBreaks: true }), '# Title\n\tcode\\r\n\\x1b[2J');
});

test('Mermaid labels: control characters become entity codes too', () => {
  assert.equal(escapeLabel('q\u001b[2J\u009b\u007f\u0000'), 'q#27;#91;2J#155;#127;#0;');
  assert.equal(escapeLabel('line\r\nbreak'), 'line break');
});
