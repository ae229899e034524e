/**
 * Pan (drag) and zoom (wheel, toolbar) of the diagram: one CSS transform on the element
 * that holds the SVG and its overlays. Until the user moves the view, it follows the fit:
 * every redraw and every change of the viewport's size (the pane, or a notice or banner
 * above it) fits the drawing again. Once moved, the view stays where the user put it
 * (main.ts keeps it across redraws and reloads of the same document only).
 */

export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
/** Room left around a fitted drawing, in pixels (less in a tiny pane). */
const FIT_MARGIN = 16;
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
  /**
   * True from a fit until the view is moved: while it holds, the view is the fit, and a
   * resized viewport fits again (also a fit asked for before there was anything to fit).
   */
  private following = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly content: HTMLElement,
    /** The view changed; `fitted` says whether it is the fit (not one the user chose). */
    private readonly onChange: (view: View, fitted: boolean) => void,
    /** The drawing's natural size, if there is one. */
    private readonly contentSize: () => { width: number; height: number } | undefined,
  ) {
    viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    // The viewport's own size, not the window's: a notice or banner above it shrinks it too.
    new ResizeObserver(() => {
      if (this.following) this.apply(this.fitView());
    }).observe(viewport);
    viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    viewport.addEventListener('keydown', (event) => this.onKey(event));
    window.addEventListener('pointermove', (event) => this.onPointerMove(event));
    window.addEventListener('pointerup', (event) => this.onPointerUp(event));
    window.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    // Capture phase: runs before the diagram's own click listener.
    viewport.addEventListener(
      'click',
      (event) => {
        if (!this.suppressClick) return;
        this.suppressClick = false;
        event.stopPropagation();
      },
      true,
    );
  }

  get view(): View {
    return this.current;
  }

  /** True while the view is the fit, i.e. the user has not moved it since the last fit. */
  get isFitted(): boolean {
    return this.following;
  }

  /** Moves the view (a user's pan or zoom, a restored view, a reveal): it no longer follows the fit. */
  set(view: View): void {
    this.following = false;
    this.apply(view);
  }

  private apply(view: View | undefined): void {
    if (!view) return;
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale));
    this.current = { x: view.x, y: view.y, scale };
    this.content.style.transform = `translate(${this.current.x}px, ${this.current.y}px) scale(${scale})`;
    this.onChange(this.current, this.following);
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

  /**
   * Fits the drawing into the viewport, centred, never enlarged beyond 100 %, and keeps
   * fitting it as the viewport changes size until the view is moved. With nothing to fit
   * yet (no drawing, or a viewport with no size), the fit happens as soon as it can.
   */
  fit(): void {
    this.following = true;
    this.apply(this.fitView());
  }

  /** The view that fits the drawing into the viewport's inside (within its borders), if there is a drawing and room. */
  private fitView(): View | undefined {
    const size = this.contentSize();
    const width = this.viewport.clientWidth;
    const height = this.viewport.clientHeight;
    if (!size || size.width <= 0 || size.height <= 0 || width <= 0 || height <= 0) return undefined;
    const margin = Math.min(FIT_MARGIN, width / 8, height / 8);
    const scale = Math.max(MIN_SCALE, Math.min(1, (width - 2 * margin) / size.width, (height - 2 * margin) / size.height));
    return { x: (width - size.width * scale) / 2, y: (height - size.height * scale) / 2, scale };
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
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
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
