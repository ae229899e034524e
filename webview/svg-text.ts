/**
 * Mermaid draws labels as HTML inside `<foreignObject>`: browsers show them, but nearly
 * nothing else does (Inkscape, rsvg-convert, PowerPoint, GitHub's image view show no text
 * at all). An export replaces each `<foreignObject>` with SVG `<text>`, one `<tspan>` per
 * line as the browser laid the label out on screen: same lines, same places, same font,
 * size, weight and colour, each line centred where it was (a renderer with a slightly
 * wider fallback font spills evenly both ways). Backgrounds painted in the label (an edge
 * label's box) become a `<rect>` behind the text.
 *
 * Why not draw the export again with `htmlLabels: false`? That is a second layout (a second
 * or more on a large architecture), its text is measured differently, so nodes come out in
 * other sizes and places than on screen, and the label markup (`<br/>`, the type line in
 * `<small>`) takes another path through Mermaid. Measuring what is on screen gives the
 * drawing the user sees, in every layout engine, at no cost until they export.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

interface TextStyle {
  readonly fill: string;
  readonly fontFamily: string;
  readonly fontSize: number;
  readonly fontWeight: string;
  readonly fontStyle: string;
}

interface Run {
  text: string;
  readonly style: TextStyle;
}

interface Line {
  /** Client coordinates of the line's glyphs. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  readonly baseline: number;
  readonly runs: Run[];
}

interface Backdrop {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
}

/** One label, in the foreignObject's own user units. */
export interface MeasuredLabel {
  readonly backdrops: readonly Backdrop[];
  readonly lines: readonly { readonly x: number; readonly baseline: number; readonly runs: readonly Run[] }[];
}

/**
 * Measures every `<foreignObject>` label of the drawing on screen, in document order (the
 * order `querySelectorAll` gives in a clone too). Undefined for a label with no text and
 * nothing painted (an edge without a label still gets an empty one).
 */
export function measureLabels(svg: SVGSVGElement): (MeasuredLabel | undefined)[] {
  const ascents = new Map<string, number>();
  const context = document.createElement('canvas').getContext('2d');
  const ascentOf = (style: TextStyle): number => {
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize}px ${style.fontFamily}`;
    let ascent = ascents.get(font);
    if (ascent === undefined) {
      if (context) context.font = font;
      // The text box Chromium reports for a glyph spans the font's ascent and descent.
      ascent = context?.measureText('Hg').fontBoundingBoxAscent ?? style.fontSize * 0.8;
      ascents.set(font, ascent);
    }
    return ascent;
  };
  return [...svg.querySelectorAll('foreignObject')].map((label) => measureLabel(label, ascentOf));
}

function measureLabel(label: SVGForeignObjectElement, ascentOf: (style: TextStyle) => number): MeasuredLabel | undefined {
  const box = label.getBoundingClientRect();
  const width = label.width.baseVal.value;
  if (box.width <= 0 || box.height <= 0 || width <= 0) return undefined;
  // The drawing may be zoomed (the preview's pan and zoom): client pixels per user unit.
  const scale = box.width / width;
  const originX = label.x.baseVal.value;
  const originY = label.y.baseVal.value;
  const localX = (clientX: number) => originX + (clientX - box.left) / scale;
  const localY = (clientY: number) => originY + (clientY - box.top) / scale;

  const backdrops: Backdrop[] = [];
  for (const element of label.querySelectorAll('*')) {
    const fill = getComputedStyle(element).backgroundColor;
    const rect = element.getBoundingClientRect();
    if (isTransparent(fill) || rect.width <= 0 || rect.height <= 0) continue;
    backdrops.push({ x: localX(rect.left), y: localY(rect.top), width: rect.width / scale, height: rect.height / scale, fill });
  }

  const lines: Line[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  let pendingSpace = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent) continue;
    const computed = getComputedStyle(parent);
    if (computed.visibility === 'hidden' || computed.display === 'none') continue;
    const style: TextStyle = {
      fill: computed.color,
      fontFamily: computed.fontFamily,
      fontSize: parseFloat(computed.fontSize),
      fontWeight: computed.fontWeight,
      fontStyle: computed.fontStyle,
    };
    const text = node.data;
    for (let index = 0; index < text.length;) {
      const char = String.fromCodePoint(text.codePointAt(index)!);
      range.setStart(node, index);
      range.setEnd(node, index + char.length);
      index += char.length;
      if (/\s/.test(char)) {
        pendingSpace = true;
        continue;
      }
      const rect = [...range.getClientRects()].find((candidate) => candidate.width > 0 || candidate.height > 0);
      if (!rect) continue;
      const middle = (rect.top + rect.bottom) / 2;
      let line = lines.at(-1);
      if (!line || middle < line.top || middle > line.bottom) {
        // A new line (a <br/>, or the label wrapped): a space before it was the break.
        line = {
          top: rect.top,
          bottom: rect.bottom,
          left: rect.left,
          right: rect.right,
          baseline: rect.top + ascentOf(style) * scale,
          runs: [],
        };
        lines.push(line);
        pendingSpace = false;
      }
      line.top = Math.min(line.top, rect.top);
      line.bottom = Math.max(line.bottom, rect.bottom);
      line.left = Math.min(line.left, rect.left);
      line.right = Math.max(line.right, rect.right);
      const last = line.runs.at(-1);
      const addition = (pendingSpace ? ' ' : '') + char;
      pendingSpace = false;
      if (last && sameStyle(last.style, style)) last.text += addition;
      else line.runs.push({ text: addition, style });
    }
  }
  if (lines.length === 0 && backdrops.length === 0) return undefined;
  return {
    backdrops,
    lines: lines.map((line) => ({ x: localX((line.left + line.right) / 2), baseline: localY(line.baseline), runs: line.runs })),
  };
}

/** The label as SVG: its backdrops, then a `<text>` with a `<tspan>` per line and per style run. */
export function labelElement(label: MeasuredLabel): SVGGElement {
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'awsflow-label');
  for (const backdrop of label.backdrops) {
    group.append(
      svgElement('rect', {
        x: round(backdrop.x),
        y: round(backdrop.y),
        width: round(backdrop.width),
        height: round(backdrop.height),
        style: `fill:${backdrop.fill}`,
      }),
    );
  }
  if (label.lines.length > 0) {
    const text = svgElement('text', { 'text-anchor': 'middle' });
    for (const line of label.lines) {
      line.runs.forEach((run, index) => {
        // The first run of a line starts a new chunk at the line's centre; the rest follow on.
        const position: Record<string, number> = index === 0 ? { x: round(line.x), y: round(line.baseline) } : {};
        const span = svgElement('tspan', {
          ...position,
          // Inline style, not attributes: Mermaid's stylesheet rules on `text` would beat attributes.
          style: `fill:${run.style.fill};font-family:${run.style.fontFamily};font-size:${run.style.fontSize}px;font-weight:${run.style.fontWeight};font-style:${run.style.fontStyle}`,
        });
        span.textContent = run.text;
        text.append(span);
      });
    }
    group.append(text);
  }
  return group;
}

/**
 * Replaces every `<foreignObject>` in `copy` (a clone of the drawing `labels` was measured
 * on) with its SVG text; labels that hold nothing are removed.
 */
export function replaceHtmlLabels(copy: SVGSVGElement, labels: readonly (MeasuredLabel | undefined)[]): void {
  [...copy.querySelectorAll('foreignObject')].forEach((foreign, index) => {
    const label = labels[index];
    if (label) foreign.replaceWith(labelElement(label));
    else foreign.remove();
  });
}

function svgElement(tag: string, attributes: Record<string, string | number>): SVGElement {
  const created = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, String(value));
  return created;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return (
    a.fill === b.fill &&
    a.fontFamily === b.fontFamily &&
    a.fontSize === b.fontSize &&
    a.fontWeight === b.fontWeight &&
    a.fontStyle === b.fontStyle
  );
}

function isTransparent(color: string): boolean {
  return color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
}

/** Two decimals: exact enough for any renderer, and a smaller file. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
