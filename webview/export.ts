/**
 * Exports of the drawn diagram: SVG text, and a PNG drawn from that text. The SVG is
 * self-contained (Mermaid inlines its styles; the icons are inline paths; the labels are
 * SVG text, not HTML), so it shows outside browsers, the image loads from a data: URL
 * without any request, and the canvas stays untainted.
 */
import type { DiagramResult } from '../src/protocol/lsp';
import { measureLabels, replaceHtmlLabels } from './svg-text';
import { currentTheme } from './theme';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PNG_SCALE = 2;
/** Chromium refuses canvases beyond these; a large architecture is drawn smaller instead. */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_AREA = 100_000_000;

/** What an export shows beside the drawing. */
export interface ExportLook {
  /** The editor background (a PNG has no page behind it). */
  readonly background: string;
  /** The colour of the title text. */
  readonly foreground: string;
  readonly fontFamily: string;
  /** The architecture's name, drawn above the diagram and set as the document's `<title>`. */
  readonly title: string | undefined;
}

export interface SvgExport {
  readonly text: string;
  /** The document's size in SVG units (the drawing, and the title band if there is one). */
  readonly width: number;
  readonly height: number;
}

const TITLE_FONT_SIZE = 20;
/** The band above the drawing that holds the title line. */
const TITLE_BAND = TITLE_FONT_SIZE * 2;
const TITLE_MARGIN = 16;

/**
 * The drawing as a standalone SVG document, on the editor's background, without the
 * preview's own marks, with every label as SVG text (see svg-text.ts) and the
 * architecture's name as its `<title>` and as a heading above the drawing.
 */
export function svgDocument(svg: SVGSVGElement, look: ExportLook): SvgExport {
  const labels = measureLabels(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const marked of copy.querySelectorAll('.awsflow-highlighted, .awsflow-edge-error, .awsflow-edge-warning')) {
    marked.classList.remove('awsflow-highlighted', 'awsflow-edge-error', 'awsflow-edge-warning');
  }
  replaceHtmlLabels(copy, labels);
  let { width, height, x, y } = sizeOf(svg);
  const title = look.title;
  if (title !== undefined) {
    // Room for the title above the drawing, and across it if the name is wider than the drawing.
    const titleWidth = textWidth(title, `600 ${TITLE_FONT_SIZE}px ${look.fontFamily}`) + 2 * TITLE_MARGIN;
    if (titleWidth > width) {
      x -= (titleWidth - width) / 2;
      width = titleWidth;
    }
    y -= TITLE_BAND;
    height += TITLE_BAND;
  }
  copy.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.removeProperty('max-width');
  copy.style.removeProperty('transform');
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of Object.entries({ x, y, width, height, fill: look.background })) backdrop.setAttribute(name, String(value));
  copy.insertBefore(backdrop, copy.firstChild);
  if (title !== undefined) {
    const heading = document.createElementNS(SVG_NS, 'text');
    heading.setAttribute('class', 'awsflow-title');
    for (const [name, value] of Object.entries({ x: x + width / 2, y: y + TITLE_BAND * 0.7, 'text-anchor': 'middle' }))
      heading.setAttribute(name, String(value));
    heading.setAttribute('style', `fill:${look.foreground};font-family:${look.fontFamily};font-size:${TITLE_FONT_SIZE}px;font-weight:600`);
    heading.textContent = title;
    backdrop.after(heading);
    // The document's name for screen readers, file browsers and image tools: its first child.
    const element = document.createElementNS(SVG_NS, 'title');
    element.textContent = title;
    copy.insertBefore(element, copy.firstChild);
  }
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

function textWidth(text: string, font: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * TITLE_FONT_SIZE * 0.6;
  context.font = font;
  return context.measureText(text).width;
}

/** The drawing's size in SVG units (its viewBox, as Mermaid sets it). */
export function sizeOf(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { x: box.x, y: box.y, width: box.width, height: box.height };
  const rect = svg.getBBox();
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}

/** The SVG document rasterised at twice its size (less if that is too large), as a `data:image/png;base64,…` URL. */
export async function pngDataUrl(svgText: string, width: number, height: number): Promise<string> {
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  const scale = Math.min(PNG_SCALE, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_AREA / (width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this webview');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}

/** The current theme's look for an export of this diagram. */
export function exportLook(diagram: DiagramResult): ExportLook {
  const theme = currentTheme();
  // The page's text colour is the editor's foreground (preview.css).
  return {
    background: theme.background,
    foreground: getComputedStyle(document.body).color,
    fontFamily: theme.fontFamily,
    title: diagram.title,
  };
}
