import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportBytes, exportFileName, revealCommand } from '../../../src/client/preview/export-file';

/** A real 1×1 PNG. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('diagram exports', () => {
  test('an SVG is written as UTF-8 text', () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- awsflow -->\n<svg xmlns="http://www.w3.org/2000/svg"><text>jobs → worker</text></svg>';
    assert.equal(new TextDecoder().decode(exportBytes('svg', svg)), svg);
    assert.ok(exportBytes('svg', '<svg></svg>').length > 0);
    assert.ok(exportBytes('svg', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg></svg>').length > 0);
  });

  test('a PNG data URL is decoded to the image bytes', () => {
    const bytes = exportBytes('png', `data:image/png;base64,${PNG_1X1}`);
    assert.deepEqual([...bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(bytes.length, Buffer.from(PNG_1X1, 'base64').length);
  });

  test('anything that is not what it claims to be is refused', () => {
    assert.throws(() => exportBytes('svg', '<html><script>alert(1)</script></html>'), /not an SVG/);
    assert.throws(() => exportBytes('svg', 'hello <svg></svg>'), /not an SVG/);
    assert.throws(() => exportBytes('png', 'data:image/svg+xml;base64,PHN2Zy8+'), /not a PNG data URL/);
    assert.throws(() => exportBytes('png', 'data:image/png;base64,not base64!'), /not valid base64/);
    assert.throws(
      () => exportBytes('png', `data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}`),
      /not a PNG image/,
    );
  });

  test('the file is named after the document', () => {
    assert.equal(exportFileName('fanout.awsflow', 'svg'), 'fanout.svg');
    assert.equal(exportFileName('order events.AWSFLOW', 'png'), 'order events.png');
    assert.equal(exportFileName('Untitled-1', 'png'), 'Untitled-1.png');
    assert.equal(exportFileName('.awsflow', 'svg'), 'diagram.svg');
  });
});

describe('revealing an export', () => {
  const context = { desktop: true, remote: false, scheme: 'file', inWorkspace: true };

  test("on this desktop's disk: the operating system's file manager", () => {
    assert.equal(revealCommand(context), 'revealFileInOS');
    assert.equal(revealCommand({ ...context, inWorkspace: false }), 'revealFileInOS');
  });

  test('in a browser, on a remote, or not a local file: the Explorer view, when the file is in the workspace', () => {
    assert.equal(revealCommand({ ...context, desktop: false }), 'revealInExplorer');
    assert.equal(revealCommand({ ...context, remote: true }), 'revealInExplorer');
    assert.equal(revealCommand({ ...context, scheme: 'vscode-remote' }), 'revealInExplorer');
  });

  test('nowhere to reveal it: no action', () => {
    assert.equal(revealCommand({ ...context, desktop: false, inWorkspace: false }), undefined);
    assert.equal(revealCommand({ ...context, remote: true, inWorkspace: false }), undefined);
    assert.equal(revealCommand({ ...context, scheme: 'vscode-vfs', inWorkspace: false }), undefined);
  });
});
