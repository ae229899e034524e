/**
 * Text from a file (a quoted value, a resource id, a file name) made safe to print in a
 * terminal or a CI log. A control character there is an instruction, not text: ESC
 * starts sequences that set the window title, clear the screen or move the cursor (C1's
 * CSI U+009B does too in some terminals), and a line break lets a value begin a line of
 * its own, which GitHub Actions reads as a workflow command (`::error file=…::`). Each
 * becomes a visible escape (`\n`, `\x1b`, `\x9b`), so the reader sees what the file holds.
 */
export function escapeControlCharacters(text: string, options: { readonly keepLineBreaks?: boolean } = {}): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => {
    if (options.keepLineBreaks && (char === '\n' || char === '\t')) return char;
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
}
