/**
 * Colour contrast as WCAG 2 defines it, for text the preview colours itself: a badge's
 * "!" must stay readable on whatever error or warning colour the user's theme has. Pure:
 * works on the `rgb()`/`rgba()` strings `getComputedStyle` gives, no DOM.
 */

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** Black and white: for any colour, one of them reaches a contrast of at least 4.58. */
export const BLACK = '#000000';
export const WHITE = '#ffffff';

/** A computed colour (`rgb(1, 2, 3)`, `rgba(1, 2, 3, 0.5)`, `rgb(1 2 3 / 50%)`, `#rgb`, `#rrggbb[aa]`), or undefined. */
export function parseColor(text: string): Rgba | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit) : hex.match(/../g)!;
    const [r, g, b, a = 'ff'] = digits;
    return { r: parseInt(r!, 16), g: parseInt(g!, 16), b: parseInt(b!, 16), a: parseInt(a, 16) / 255 };
  }
  const functional = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value);
  if (!functional) return undefined;
  const [, r, g, b, alpha, percent] = functional;
  const a = alpha === undefined ? 1 : Number(alpha) / (percent ? 100 : 1);
  return { r: Number(r), g: Number(g), b: Number(b), a: Math.min(1, Math.max(0, a)) };
}

/** `top` painted over an opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (front: number, back: number) => front * top.a + back * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2 relative luminance of an opaque colour. */
export function luminance({ r, g, b }: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on this background (white when the background cannot be read). */
export function readableOn(background: string): string {
  const colour = parseColor(background);
  if (!colour) return WHITE;
  const opaque = { ...colour, a: 1 };
  return contrastRatio(opaque, parseColor(BLACK)!) > contrastRatio(opaque, parseColor(WHITE)!) ? BLACK : WHITE;
}
