/**
 * Exports of the drawn diagram: SVG text, and a PNG drawn from that text. The SVG is
 * self-contained (Mermaid inlines its styles; the icons are inline paths), so the image
 * loads from a data: URL without any request, and the canvas stays untainted.
 */

const PNG_SCALE = 2;
/** Chromium refuses canvases beyond these; a large architecture is drawn smaller instead. */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_AREA = 100_000_000;

/** The drawing as a standalone SVG document, on the editor's background, without the preview's own marks. */
export function svgDocument(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const marked of copy.querySelectorAll('.awsflow-highlighted, .awsflow-edge-error, .awsflow-edge-warning')) {
    marked.classList.remove('awsflow-highlighted', 'awsflow-edge-error', 'awsflow-edge-warning');
  }
  const { width, height, x, y } = sizeOf(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.removeProperty('max-width');
  copy.style.removeProperty('transform');
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of Object.entries({ x, y, width, height, fill: background })) backdrop.setAttribute(name, String(value));
  copy.insertBefore(backdrop, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
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
