/**
 * What the preview adds on top of Mermaid's drawing: a frame and a badge on every node
 * with an error or warning (a Mermaid classDef stroke does not outline icon nodes), the
 * highlighted node, marked edges, and a tooltip with the findings. The SVG's element
 * ids are only ever looked up in the DiagramResult's own node list: a node id the server
 * did not send means nothing here.
 */
import type { DiagramEdgeInfo, DiagramNodeInfo, DiagramResult } from '../src/protocol/lsp';
import { readableOn } from './contrast';

export interface Drawing {
  readonly svg: SVGSVGElement;
  /** The Mermaid ids of the drawn parts (composition.ts), which prefix their node element ids. */
  readonly svgIds: readonly string[];
  /** Node id (`n3`) → its `<g>` in the SVG. */
  readonly nodes: ReadonlyMap<string, SVGGElement>;
  /** The reverse: a node's `<g>` → its id. */
  readonly nodeOfElement: ReadonlyMap<Element, string>;
  /** Mermaid's edge id (`L_n0_n1_0`) → the edge and its drawn elements (path, label). */
  readonly edges: ReadonlyMap<string, { readonly edge: DiagramEdgeInfo; readonly elements: readonly Element[] }>;
}

/** Mermaid's id of a node's `<g>`: `<svg id>-flowchart-<node id>-<n>`. */
const NODE_ELEMENT_ID = /^(.+)-flowchart-(n\d+)-\d+$/;

/** Ties the drawn SVG back to the diagram's nodes and edges. */
export function indexDrawing(
  svg: SVGSVGElement,
  svgIds: readonly string[],
  diagram: Pick<DiagramResult, 'nodes' | 'edges'>,
  drawnEdges: readonly DiagramEdgeInfo[],
): Drawing {
  const known = new Set(diagram.nodes.map((node) => node.id));
  const parts = new Set(svgIds);
  const nodes = new Map<string, SVGGElement>();
  for (const element of svg.querySelectorAll<SVGGElement>('g[id]')) {
    const match = NODE_ELEMENT_ID.exec(element.id);
    const id = match?.[2];
    if (id && parts.has(match[1]!) && known.has(id) && !nodes.has(id)) nodes.set(id, element);
  }
  // Mermaid numbers the edges between the same two nodes 0, 1, … in the order written,
  // which is the order of the diagram's edge list.
  const edges = new Map<string, { edge: DiagramEdgeInfo; elements: Element[] }>();
  const counts = new Map<string, number>();
  for (const edge of drawnEdges) {
    const pair = `${edge.from}_${edge.to}`;
    const index = counts.get(pair) ?? 0;
    counts.set(pair, index + 1);
    const mermaidId = `L_${pair}_${index}`;
    const elements = [...svg.querySelectorAll(`[data-id="${mermaidId}"]`)];
    if (elements.length > 0) edges.set(mermaidId, { edge, elements });
  }
  return { svg, svgIds, nodes, nodeOfElement: new Map([...nodes].map(([id, element]) => [element, id])), edges };
}

/** The node id an element of the drawing belongs to, if it belongs to one. */
export function nodeIdOf(target: EventTarget | null, drawing: Drawing | undefined): string | undefined {
  if (!drawing || !(target instanceof Element)) return undefined;
  const mark = target.closest<HTMLElement>('[data-node]');
  if (mark) {
    const id = mark.dataset['node'];
    return id && drawing.nodes.has(id) ? id : undefined;
  }
  for (let element: Element | null = target; element && element !== drawing.svg; element = element.parentElement) {
    const id = drawing.nodeOfElement.get(element);
    if (id) return id;
  }
  return undefined;
}

function edgeOf(target: EventTarget | null, drawing: Drawing | undefined): DiagramEdgeInfo | undefined {
  if (!drawing || !(target instanceof Element)) return undefined;
  const id = target.closest('[data-id]')?.getAttribute('data-id');
  return id ? drawing.edges.get(id)?.edge : undefined;
}

export class Marks {
  private drawing: Drawing | undefined;
  private nodesById = new Map<string, DiagramNodeInfo>();
  private readonly tooltip: HTMLElement;

  /** `layer` lies over the SVG, in the same coordinates (both inside the panned element). */
  constructor(
    private readonly layer: HTMLElement,
    private readonly scale: () => number,
    root: HTMLElement,
  ) {
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    document.body.append(this.tooltip);
    root.addEventListener('pointerover', (event) => this.showTooltip(event));
    root.addEventListener('pointermove', (event) => this.moveTooltip(event));
    root.addEventListener('pointerout', (event) => {
      if (!(event.relatedTarget instanceof Node) || !root.contains(event.relatedTarget)) this.tooltip.hidden = true;
    });
  }

  get current(): Drawing | undefined {
    return this.drawing;
  }

  /** Draws the marks for this drawing and diagram (after a redraw, or new findings on the same graph). */
  update(drawing: Drawing, diagram: Pick<DiagramResult, 'nodes'>, highlighted: string | null): void {
    this.drawing = drawing;
    this.nodesById = new Map(diagram.nodes.map((node) => [node.id, node]));
    this.layer.replaceChildren();
    this.tooltip.hidden = true;
    const origin = drawing.svg.getBoundingClientRect();
    const scale = this.scale();
    const boxOf = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return {
        left: (rect.left - origin.left) / scale,
        top: (rect.top - origin.top) / scale,
        width: rect.width / scale,
        height: rect.height / scale,
      };
    };
    for (const [id, element] of drawing.nodes) {
      const node = this.nodesById.get(id);
      const severity = node?.severity;
      const highlight = node !== undefined && node.resourceId === highlighted;
      element.classList.toggle('awsflow-highlighted', highlight);
      if (severity !== 'error' && severity !== 'warning' && !highlight) continue;
      const box = boxOf(element);
      const frame = document.createElement('div');
      frame.className = ['frame', severity === 'error' || severity === 'warning' ? severity : '', highlight ? 'highlight' : '']
        .filter(Boolean)
        .join(' ');
      frame.dataset['node'] = id;
      Object.assign(frame.style, {
        left: `${box.left - 4}px`,
        top: `${box.top - 4}px`,
        width: `${box.width + 8}px`,
        height: `${box.height + 8}px`,
      });
      if (severity === 'error' || severity === 'warning') {
        const badge = document.createElement('span');
        badge.className = `badge ${severity}`;
        badge.dataset['node'] = id;
        badge.textContent = '!';
        badge.setAttribute(
          'aria-label',
          `${node!.messages.length} ${severity === 'error' ? 'problem' : 'warning'}${node!.messages.length === 1 ? '' : 's'}`,
        );
        frame.append(badge);
      }
      this.layer.append(frame);
    }
    this.colourBadgeText();
    for (const { edge, elements } of drawing.edges.values()) {
      for (const element of elements) {
        element.classList.toggle('awsflow-edge-error', edge.severity === 'error');
        element.classList.toggle('awsflow-edge-warning', edge.severity === 'warning');
      }
    }
  }

  /**
   * The badge's "!" in black or white, whichever reads on the theme's error or warning
   * colour: no one text colour does on all of them (white on a dark theme's yellow is
   * about 2:1).
   */
  private colourBadgeText(): void {
    for (const severity of ['error', 'warning'] as const) {
      const badges = this.layer.querySelectorAll<HTMLElement>(`.badge.${severity}`);
      const first = badges[0];
      if (!first) continue;
      const colour = readableOn(getComputedStyle(first).backgroundColor);
      for (const badge of badges) badge.style.color = colour;
    }
  }

  clear(): void {
    this.drawing = undefined;
    this.layer.replaceChildren();
    this.tooltip.hidden = true;
  }

  private showTooltip(event: PointerEvent): void {
    const nodeId = nodeIdOf(event.target, this.drawing);
    const node = nodeId ? this.nodesById.get(nodeId) : undefined;
    const edge = node ? undefined : edgeOf(event.target, this.drawing);
    if (!node && !edge) {
      this.tooltip.hidden = true;
      return;
    }
    const lines: { text: string; className: string }[] = [];
    if (node) {
      lines.push({ text: node.label === node.resourceId ? node.resourceId : `${node.label} (${node.resourceId})`, className: 'title' });
      const type = node.typeName ?? node.type;
      if (type) lines.push({ text: type, className: 'type' });
      for (const message of node.messages) lines.push({ text: message, className: severityClass(message) });
      if (node.messages.length === 0) lines.push({ text: 'Click to go to its definition.', className: 'hint' });
    } else if (edge) {
      const from = this.nodesById.get(edge.from)?.resourceId ?? edge.from;
      const to = this.nodesById.get(edge.to)?.resourceId ?? edge.to;
      lines.push({ text: `${from} → ${to}${edge.label ? ` (${edge.label})` : ''}`, className: 'title' });
      for (const message of edge.messages) lines.push({ text: message, className: severityClass(message) });
      if (edge.messages.length === 0) return void (this.tooltip.hidden = true);
    }
    // Text only: labels and messages are user text and never become markup.
    this.tooltip.replaceChildren(
      ...lines.map(({ text, className }) => {
        const line = document.createElement('div');
        line.className = className;
        line.textContent = text;
        return line;
      }),
    );
    this.tooltip.hidden = false;
    this.moveTooltip(event);
  }

  private moveTooltip(event: PointerEvent): void {
    if (this.tooltip.hidden) return;
    const { innerWidth, innerHeight } = window;
    const rect = this.tooltip.getBoundingClientRect();
    const x = Math.min(event.clientX + 14, innerWidth - rect.width - 4);
    const y = event.clientY + 18 + rect.height > innerHeight ? event.clientY - rect.height - 10 : event.clientY + 18;
    this.tooltip.style.left = `${Math.max(4, x)}px`;
    this.tooltip.style.top = `${Math.max(4, y)}px`;
  }
}

function severityClass(message: string): string {
  return message.startsWith('error:') ? 'message error' : message.startsWith('warning:') ? 'message warning' : 'message';
}
