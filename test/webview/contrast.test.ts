/** The preview's contrast arithmetic (webview/contrast.ts), against WCAG 2's own examples. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { composite, contrastRatio, parseColor, readableOn } from '../../webview/contrast';

describe('contrast', () => {
  test('parses the colours getComputedStyle and themes give', () => {
    assert.deepEqual(parseColor('rgb(204, 167, 0)'), { r: 204, g: 167, b: 0, a: 1 });
    assert.deepEqual(parseColor('rgba(0, 0, 0, 0.5)'), { r: 0, g: 0, b: 0, a: 0.5 });
    assert.deepEqual(parseColor('rgb(1 2 3 / 50%)'), { r: 1, g: 2, b: 3, a: 0.5 });
    assert.deepEqual(parseColor('#fff'), { r: 255, g: 255, b: 255, a: 1 });
    assert.deepEqual(parseColor('#80808000'), { r: 128, g: 128, b: 128, a: 0 });
    assert.equal(parseColor('color-mix(in srgb, red, blue)'), undefined);
    assert.equal(parseColor('#12345'), undefined);
  });

  test('ratios: black on white is 21, a colour on itself 1, and #767676 on white just passes 4.5', () => {
    const white = parseColor('#ffffff')!;
    assert.equal(contrastRatio(parseColor('#000')!, white), 21);
    assert.equal(contrastRatio(white, white), 1);
    assert.ok(contrastRatio(parseColor('#767676')!, white) >= 4.5);
    assert.ok(contrastRatio(parseColor('#777777')!, white) < 4.5);
    // Mermaid's dark theme: #ccc on its edge-label grey #585858 is just under.
    assert.ok(contrastRatio(parseColor('#cccccc')!, parseColor('#585858')!) < 4.5);
  });

  test('composites a translucent colour over an opaque one', () => {
    assert.deepEqual(composite({ r: 255, g: 255, b: 255, a: 0.5 }, { r: 0, g: 0, b: 0, a: 1 }), { r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });

  test("readableOn picks the text colour that reaches 4.5:1 on each theme's error and warning colours", () => {
    // Light Modern, Dark Modern and High Contrast error/warning foregrounds.
    for (const background of ['#e51400', '#bf8803', '#f85149', '#cca700', '#f48771', '#ffd370', 'rgb(0, 0, 0)', '#ffffff', '#777777']) {
      const text = readableOn(background);
      assert.ok(contrastRatio(parseColor(text)!, parseColor(background)!) >= 4.5, `${text} on ${background}`);
    }
    assert.equal(readableOn('#cca700'), '#000000');
    assert.equal(readableOn('not a colour'), '#ffffff');
  });
});
