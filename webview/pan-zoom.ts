/**
 * Pan (drag) and zoom (wheel, toolbar) of the diagram: one CSS transform on the element
 * that holds the SVG and its overlays. The view survives a redraw, because only the
 * SVG inside is replaced, and a reload, through the webview state.
 */

export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4;

export function isView(value: unknown): value is View {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y, scale } = value as Record<string, unknown>;
  return [x, y, scale].every((n) => typeof n === 'number' && Number.isFinite(n)) && (scale as number) > 0;
}

export class PanZoom {
  private current: View = { x: 0, y: 0, scale: 1 };
  private drag: { pointerId: number; startX: number; startY: number; from: View; moved: boolean } | undefined;
  /** Set when the last press was a drag, so the click that ends it does not reveal a node. */
  private suppressClick = false;
  /** True from a fit until the user moves the view: while it holds, a resized pane fits again. */
  private fitted = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly content: HTMLElement,
    private readonly onChange: (view: View) => void,
    /** The drawing's natural size, if there is one. */
    private readonly contentSize: () => { width: number; height: number } | undefined,
  ) {
    viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    new ResizeObserver(() => {
      if (this.fitted) this.fit();
    }).observe(viewport);
    viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    viewport.addEventListener('keydown', (event) => this.onKey(event));
    window.addEventListener('pointermove', (event) => this.onPointerMove(event));
    window.addEventListener('pointerup', (event) => this.onPointerUp(event));
    window.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    // Capture phase: runs before the diagram's own click listener.
    viewport.addEventListener('click', (event) => {
      if (!this.suppressClick) return;
      this.suppressClick = false;
      event.stopPropagation();
    }, true);
  }

  get view(): View {
    return this.current;
  }

  set(view: View): void {
    this.fitted = false;
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale));
    this.current = { x: view.x, y: view.y, scale };
    this.content.style.transform = `translate(${this.current.x}px, ${this.current.y}px) scale(${scale})`;
    this.onChange(this.current);
  }

  /** Zooms by a factor around a point of the viewport (its centre by default). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const rect = this.viewport.getBoundingClientRect();
    const px = at?.x ?? rect.width / 2;
    const py = at?.y ?? rect.height / 2;
    const { x, y, scale } = this.current;
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
    // Keep the diagram point under (px, py) where it is.
    this.set({ x: px - ((px - x) * next) / scale, y: py - ((py - y) * next) / scale, scale: next });
  }

  /** Fits the drawing into the viewport, centred, never enlarged beyond 100 %. */
  fit(): void {
    const size = this.contentSize();
    const rect = this.viewport.getBoundingClientRect();
    if (!size || size.width <= 0 || size.height <= 0 || rect.width <= 0 || rect.height <= 0) return;
    const { width, height } = size;
    const margin = 16;
    const scale = Math.min(1, (rect.width - 2 * margin) / width, (rect.height - 2 * margin) / height);
    this.set({ x: (rect.width - width * scale) / 2, y: (rect.height - height * scale) / 2, scale: Math.max(MIN_SCALE, scale) });
    this.fitted = true;
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.viewport.getBoundingClientRect();
    // Lines (Firefox) and pages are much coarser than pixels.
    const pixels = event.deltaY * (event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.height : 1);
    this.zoomBy(Math.exp(-pixels * 0.0015), { x: event.clientX - rect.left, y: event.clientY - rect.top });
  }

  /** The keyboard does what the mouse does: + and − zoom, 0 fits, the arrows pan. */
  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = 48;
    const pans: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const pan = pans[event.key];
    if (pan) this.set({ x: this.current.x + pan[0], y: this.current.y + pan[1], scale: this.current.scale });
    else if (event.key === '+' || event.key === '=') this.zoomBy(1.25);
    else if (event.key === '-' || event.key === '_') this.zoomBy(1 / 1.25);
    else if (event.key === '0') this.fit();
    else return;
    event.preventDefault();
  }

  private onPointerDown(event: PointerEvent): void {
    this.suppressClick = false;
    if (event.button !== 0 || this.drag) return;
    // The toolbar and notices sit above the viewport; only the drawing area pans.
    if ((event.target as Element | null)?.closest('[data-no-pan]')) return;
    this.drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, from: this.current, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    drag.moved = true;
    this.viewport.classList.add('dragging');
    this.set({ x: drag.from.x + dx, y: drag.from.y + dy, scale: drag.from.scale });
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.drag = undefined;
    this.viewport.classList.remove('dragging');
    this.suppressClick = drag.moved;
  }
}
