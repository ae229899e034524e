/**
 * One drawing made of separately laid-out parts: each connected component of the diagram
 * (components.ts) is drawn by Mermaid on its own, and the parts' SVGs are placed in a grid
 * (packing.ts) inside one outer SVG. A part's drawing is kept by its Mermaid text (and the
 * layout, theme and font it was drawn with), so an edit inside one part lays out only that
 * part, and the others keep their drawing and, while their cells still fit, their place.
 *
 * Each part stays a complete Mermaid SVG (its own id, its own `<style>` scoped by that id,
 * its own arrowhead markers) nested at its cell with `x`/`y`: exports and the marks work on
 * the outer SVG as on one Mermaid drawing.
 */
import type { MermaidStatementInfo } from '../src/protocol/lsp';
import { componentsOf } from './components';
import { sizeOf } from './export';
import { inertSvg } from './inert-svg';
import { packGrid, type GridMemory, type Size } from './packing';
import type { DiagramRenderer, DrawRequest } from './renderer';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Drawn parts kept for reuse (the views of a large architecture go back and forth). */
const MAX_CACHED_PARTS = 400;

export interface ComposeRequest extends DrawRequest {
  /** What each line of `text` writes: how the drawing is cut into its connected parts. */
  readonly outline: readonly MermaidStatementInfo[];
  /** The pane's width over its height: the grid takes about this shape. */
  readonly aspect: number;
  /** The view drawn (graph.ts's `viewKey`): within one view the grid changes as little as it can. */
  readonly viewKey: string;
}

export type ComposeOutcome =
  | {
      readonly kind: 'drawn';
      /** The outer SVG, sized to the grid (`viewBox` 0 0 width height). */
      readonly svg: SVGSVGElement;
      /** The Mermaid ids of the parts, which prefix their node element ids. */
      readonly svgIds: readonly string[];
      /** How many parts Mermaid laid out for this drawing (the others were kept). */
      readonly laidOut: number;
      readonly milliseconds: number;
    }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'superseded' };

interface Part {
  readonly svg: SVGSVGElement;
  readonly svgId: string;
  readonly size: Size;
}

export class ComposedDrawer {
  private readonly parts = new Map<string, Part>();
  private memory: { readonly viewKey: string; readonly grid: GridMemory } | undefined;
  private latest = 0;

  constructor(private readonly renderer: DiagramRenderer) {}

  /** Forgets the grid: the next drawing is packed afresh (another document). */
  forgetGrid(): void {
    this.memory = undefined;
  }

  /** Makes any drawing still in progress come back superseded. */
  supersede(): void {
    this.latest++;
    this.renderer.supersede();
  }

  async draw(request: ComposeRequest): Promise<ComposeOutcome> {
    const ticket = ++this.latest;
    const started = performance.now();
    const components = componentsOf(request);
    const drawn: Part[] = [];
    let laidOut = 0;
    for (const component of components) {
      const key = JSON.stringify([request.layout, request.theme, request.fontFamily, request.background, component.text]);
      let part = this.parts.get(key);
      if (!part) {
        const outcome = await this.renderer.draw({ ...request, text: component.text });
        if (ticket !== this.latest) return { kind: 'superseded' };
        if (outcome.kind !== 'drawn') return outcome;
        const svg = inertSvg(outcome.svg);
        const { width, height } = sizeOf(svg);
        part = { svg, svgId: outcome.svgId, size: { width, height } };
        laidOut++;
      }
      // Most recently used last: the oldest are dropped first.
      this.parts.delete(key);
      this.parts.set(key, part);
      drawn.push(part);
    }
    if (ticket !== this.latest) return { kind: 'superseded' };
    const previous = this.memory?.viewKey === request.viewKey ? this.memory.grid : undefined;
    const grid = packGrid(
      drawn.map((part) => part.size),
      { aspect: request.aspect, previous },
    );
    this.memory = { viewKey: request.viewKey, grid: grid.memory };
    const outer = document.createElementNS(SVG_NS, 'svg');
    outer.setAttribute('viewBox', `0 0 ${grid.width} ${grid.height}`);
    outer.setAttribute('width', String(grid.width));
    outer.setAttribute('height', String(grid.height));
    outer.setAttribute('role', 'graphics-document document');
    outer.classList.add('awsflow-drawing');
    drawn.forEach((part, index) => {
      const at = grid.positions[index]!;
      // Natural size at its cell's corner: the pan/zoom transform does all the scaling.
      part.svg.setAttribute('x', String(at.x));
      part.svg.setAttribute('y', String(at.y));
      part.svg.setAttribute('width', String(part.size.width));
      part.svg.setAttribute('height', String(part.size.height));
      part.svg.style.removeProperty('max-width');
      outer.append(part.svg);
    });
    this.evict(new Set(drawn));
    return {
      kind: 'drawn',
      svg: outer,
      svgIds: drawn.map((part) => part.svgId),
      laidOut,
      milliseconds: Math.round(performance.now() - started),
    };
  }

  private evict(inUse: ReadonlySet<Part>): void {
    for (const [key, part] of this.parts) {
      if (this.parts.size <= MAX_CACHED_PARTS) return;
      if (!inUse.has(part)) this.parts.delete(key);
    }
  }
}
