/**
 * The preview webview: draws the server's diagram of one .awsflow document with Mermaid,
 * marks its findings, and talks to the extension through `postMessage` only (see
 * src/protocol/webview.ts). Runs under a CSP with a script nonce and nothing else: no
 * inline handlers, no eval, nothing fetched.
 */
import type { DiagramResult } from '../src/protocol/lsp';
import { parsePreviewPageSettings, type PreviewRestoreState } from '../src/protocol/preview-page';
import type { FromWebview, Layout, ToWebview } from '../src/protocol/webview';
import { exportLook, pngDataUrl, sizeOf, svgDocument } from './export';
import { ComposedDrawer } from './composition';
import { planView, type ViewChoice } from './graph';
import { LargeViewNotice } from './large-view';
import { Marks, indexDrawing, nodeIdOf, type Drawing } from './marks';
import { MalformedMessage, assertNever, parseToWebview } from './messages';
import { PanZoom, isView, type View } from './pan-zoom';
import styles from './preview.css';
import { DiagramRenderer, type MermaidTheme } from './renderer';
import { currentTheme, watchTheme } from './theme';
import { buildToolbar, type Toolbar } from './toolbar';
import { createTitle, showTitle } from './title';

/** A view the user chose (by panning or zooming) for one document. */
interface SavedView extends View {
  /** The document it is a view of (the diagram's URI): another document is fitted instead. */
  readonly uri: string;
}

const isSavedView = (value: unknown): value is SavedView => isView(value) && typeof (value as { uri?: unknown }).uri === 'string';

/**
 * What survives a reload of the webview (VS Code keeps it with the panel, also when an
 * unlocked preview switches to another document and its page is set anew). After a window
 * reload VS Code hands it to the extension, which restores the panel from its document
 * and lock (PreviewRestoreState, copied from the page's settings at start).
 */
interface SavedState extends Partial<PreviewRestoreState> {
  /** Only a view the user moved; while the view is the fit there is nothing to keep. */
  readonly view?: SavedView;
  /** The layout last drawn: shown in the toolbar until the extension's first render. */
  readonly layout?: Layout;
  readonly largeView?: ViewChoice;
}

/** What is on screen now, to tell whether new input needs a new layout. */
interface Drawn {
  readonly text: string;
  readonly layout: Layout;
  readonly theme: MermaidTheme;
  readonly fontFamily: string;
  readonly background: string;
  readonly viewKey: string;
  readonly diagram: DiagramResult;
  readonly drawing: Drawing;
}

const vscode = acquireVsCodeApi<SavedState>();
const post = (message: FromWebview) => vscode.postMessage(message);

const style = document.createElement('style');
style.textContent = styles;
document.head.append(style);

const element = (tag: string, className: string, attributes: Record<string, string> = {}) => {
  const created = document.createElement(tag);
  created.className = className;
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  return created;
};
const toolbarHost = element('div', 'toolbar', { role: 'toolbar', 'aria-label': 'Diagram', 'data-no-pan': '' });
const noticeHost = element('div', 'notice', { 'data-no-pan': '' });
const banner = element('div', 'banner', { role: 'status' });
banner.hidden = true;
const viewport = element('div', 'viewport', { tabindex: '0' });
const canvas = element('div', 'canvas');
const diagramHost = element('div', 'diagram');
const marksLayer = element('div', 'marks');
const placeholder = element('div', 'placeholder');
placeholder.textContent = 'Waiting for the diagram…';
canvas.append(diagramHost, marksLayer);
viewport.append(canvas, placeholder);
const heading = createTitle();
document.body.append(toolbarHost, heading, noticeHost, banner, viewport);

class Preview {
  private state: SavedState = vscode.getState() ?? {};
  private readonly renderer = new ComposedDrawer(new DiagramRenderer());
  private readonly panZoom: PanZoom;
  private readonly marks: Marks;
  private readonly notice: LargeViewNotice;
  private readonly toolbar: Toolbar;
  private diagram: DiagramResult | undefined;
  private layout: Layout = this.state.layout === 'elk' ? 'elk' : 'dagre';
  private largeView: ViewChoice = typeof this.state.largeView === 'string' ? this.state.largeView : 'focus';
  private highlighted: string | null = null;
  /** The toolbar's critical-path toggle. */
  private criticalPathShown = false;
  /** A layout picked here that the extension has not sent back yet: renders sent before it had the pick keep it. */
  private pickedLayout: Layout | undefined;
  /** The newest version asked for; older render and stale messages are dropped. */
  private requestedVersion = -Infinity;
  private drawnVersion = -Infinity;
  private drawn: Drawn | undefined;
  /** Each update takes a ticket; an update that finds a newer ticket when it resumes stops. */
  private updateTicket = 0;

  constructor() {
    this.panZoom = new PanZoom(
      viewport,
      canvas,
      (view, fitted) => this.save({ view: fitted || !this.drawn ? undefined : { ...view, uri: this.drawn.diagram.uri } }),
      () => (this.drawn ? sizeOf(this.drawn.drawing.svg) : undefined),
    );
    this.marks = new Marks(marksLayer, () => this.panZoom.view.scale, viewport);
    this.notice = new LargeViewNotice(noticeHost, (choice) => {
      this.largeView = choice;
      this.save({ largeView: choice });
      void this.update();
    });
    this.toolbar = buildToolbar(toolbarHost, {
      fit: () => this.fit(),
      zoom: (factor) => this.panZoom.zoomBy(factor),
      setLayout: (layout) => {
        if (layout === this.layout) return;
        this.layout = layout;
        this.pickedLayout = layout;
        this.save({ layout });
        post({ type: 'setLayout', layout });
        // Redraw at once; the extension's render with the new layout then finds it drawn.
        void this.update();
      },
      exportSvg: () => this.exportSvg(),
      exportPng: () => void this.exportPng(),
      copySource: () => post({ type: 'copySource' }),
      showCriticalPath: (on) => {
        this.criticalPathShown = on;
        this.applyCriticalPath();
      },
    });
    this.toolbar.showLayout(this.layout);
    this.toolbar.setDrawn(false);
    viewport.addEventListener('click', (event) => this.onClick(event));
    watchTheme(() => void this.update());
    window.addEventListener('message', (event: MessageEvent<unknown>) => this.onMessage(event.data));
    // Keep the document this page shows (and its lock) at once: the panel is restored from it after a reload.
    const settings = parsePreviewPageSettings(document.getElementById('awsflow-preview-settings')?.dataset['settings']);
    if (settings) this.save({ resource: settings.resource, locked: settings.locked });
  }

  private onMessage(data: unknown): void {
    const message = parseToWebview(data);
    if (message === undefined) return;
    if (message instanceof MalformedMessage) {
      console.warn(`awsflow preview: ignored a malformed '${message.type}' message: ${message.reason}`);
      return;
    }
    this.handle(message);
  }

  private handle(message: ToWebview): void {
    switch (message.type) {
      case 'render':
        if (message.version < this.requestedVersion) return;
        this.requestedVersion = message.version;
        this.diagram = message.diagram;
        showTitle(heading, message.diagram.title);
        if (this.pickedLayout === undefined || message.layout === this.pickedLayout) {
          this.pickedLayout = undefined;
          this.layout = message.layout;
          this.toolbar.showLayout(message.layout);
          if (this.state.layout !== message.layout) this.save({ layout: message.layout });
        }
        void this.update();
        return;
      case 'stale':
        if (message.version < this.drawnVersion) return;
        // A fresh preview of a broken file has no earlier version to show.
        this.showProblem(
          this.drawn
            ? `The diagram shows the last version that could be drawn. ${message.reason}`
            : `Nothing to draw yet. ${message.reason}`,
          'warning',
        );
        return;
      case 'highlight':
        this.highlight(message.resourceId);
        return;
      case 'fit':
        this.fit();
        return;
      default:
        assertNever(message);
    }
  }

  /** Draws the current diagram, or only refreshes the marks when the drawing would come out the same. */
  private async update(): Promise<void> {
    const diagram = this.diagram;
    if (!diagram) return;
    const ticket = ++this.updateTicket;
    const version = this.requestedVersion;
    const plan = planView(diagram, this.largeView, this.highlighted);
    if (plan.notice) this.notice.show(plan.notice);
    else this.notice.hide();
    const theme = currentTheme();
    const drawn = this.drawn;
    if (
      drawn &&
      drawn.text === plan.text &&
      drawn.layout === this.layout &&
      drawn.theme === theme.mermaidTheme &&
      drawn.fontFamily === theme.fontFamily &&
      drawn.background === theme.background
    ) {
      // Same graph, same look: no new layout. Any draw still in flight is older; drop it.
      const started = performance.now();
      this.renderer.supersede();
      const drawing = indexDrawing(drawn.drawing.svg, drawn.drawing.svgIds, diagram, plan.edges);
      this.drawn = { ...drawn, diagram, drawing, viewKey: plan.viewKey };
      this.drawnVersion = version;
      this.clearProblem();
      // Another document that happens to draw the same: the user's view was of the other one.
      if (drawn.diagram.uri !== diagram.uri) this.panZoom.fit();
      this.marks.update(drawing, diagram, this.highlighted);
      this.applyCriticalPath();
      post({
        type: 'rendered',
        version,
        nodes: drawing.nodes.size,
        edges: drawing.edges.size,
        milliseconds: Math.round(performance.now() - started),
        relayout: false,
      });
      return;
    }
    if (drawn && drawn.diagram.uri !== diagram.uri) this.renderer.forgetGrid();
    const pane = viewport.getBoundingClientRect();
    const aspect = pane.width > 0 && pane.height > 0 ? pane.width / pane.height : 1.5;
    const outcome = await this.renderer.draw({
      text: plan.text,
      outline: plan.outline,
      layout: this.layout,
      theme: theme.mermaidTheme,
      fontFamily: theme.fontFamily,
      background: theme.background,
      aspect,
      viewKey: plan.viewKey,
    });
    if (ticket !== this.updateTicket) return;
    switch (outcome.kind) {
      case 'superseded':
        return;
      case 'failed':
        this.showProblem(
          this.drawn
            ? `This version cannot be drawn; the diagram shows the last one that could. ${outcome.message}`
            : `This diagram cannot be drawn. ${outcome.message}`,
          'error',
        );
        post({ type: 'renderError', version, message: outcome.message });
        return;
      case 'drawn': {
        const svg = outcome.svg;
        diagramHost.replaceChildren(svg);
        const drawing = indexDrawing(svg, outcome.svgIds, diagram, plan.edges);
        const previous = this.drawn;
        this.drawn = {
          text: plan.text,
          layout: this.layout,
          theme: theme.mermaidTheme,
          fontFamily: theme.fontFamily,
          background: theme.background,
          viewKey: plan.viewKey,
          diagram,
          drawing,
        };
        this.drawnVersion = version;
        placeholder.hidden = true;
        this.clearProblem();
        this.toolbar.setDrawn(true);
        this.placeView(previous, plan.viewKey);
        this.marks.update(drawing, diagram, this.highlighted);
        this.applyCriticalPath();
        post({
          type: 'rendered',
          version,
          nodes: drawing.nodes.size,
          edges: drawing.edges.size,
          milliseconds: outcome.milliseconds,
          relayout: true,
        });
        return;
      }
      default:
        assertNever(outcome);
    }
  }

  /**
   * Marks the drawn edges of the diagram's critical path (`awsflow-edge-critical`) while the
   * toolbar's toggle is on; the drawing's class `awsflow-critical-path` fades the others.
   */
  private applyCriticalPath(): void {
    const drawn = this.drawn;
    if (!drawn) return;
    const path = drawn.diagram.criticalPath;
    this.toolbar.setCriticalPath(path?.text);
    const keys = new Set(this.criticalPathShown && path ? path.edges : []);
    let shown = 0;
    for (const { edge, elements } of drawn.drawing.edges.values()) {
      const on = keys.has(edge.key);
      if (on) shown++;
      for (const element of elements) element.classList.toggle('awsflow-edge-critical', on);
    }
    drawn.drawing.svg.classList.toggle('awsflow-critical-path', shown > 0);
  }

  private highlight(resourceId: string | null): void {
    if (resourceId === this.highlighted) return;
    this.highlighted = resourceId;
    const diagram = this.drawn?.diagram;
    if (!diagram) return;
    // A focus view follows the cursor: a new centre can mean other nodes.
    if (this.diagram && planView(this.diagram, this.largeView, resourceId).text !== this.drawn?.text) {
      void this.update();
      return;
    }
    this.marks.update(this.drawn!.drawing, diagram, resourceId);
    this.revealHighlighted();
  }

  /** Pans (without zooming) so the highlighted node is in view, if it is not. */
  private revealHighlighted(): void {
    const drawn = this.drawn;
    const node = drawn?.diagram.nodes.find((n) => n.resourceId === this.highlighted);
    const target = node ? drawn!.drawing.nodes.get(node.id) : undefined;
    if (!target) return;
    const box = target.getBoundingClientRect();
    const area = viewport.getBoundingClientRect();
    if (box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom) return;
    const { x, y, scale } = this.panZoom.view;
    this.panZoom.set({
      x: x + (area.left + area.width / 2 - (box.left + box.width / 2)),
      y: y + (area.top + area.height / 2 - (box.top + box.height / 2)),
      scale,
    });
  }

  private onClick(event: MouseEvent): void {
    const drawn = this.drawn;
    const nodeId = nodeIdOf(event.target, drawn?.drawing);
    // The id came from the SVG: it only counts if it is one of the drawn diagram's own nodes.
    const node = nodeId ? drawn?.diagram.nodes.find((n) => n.id === nodeId) : undefined;
    if (node) post({ type: 'revealResource', resourceId: node.resourceId });
  }

  private fit(): void {
    this.panZoom.fit();
  }

  /**
   * After a new drawing: the user's pan and zoom stay only across redraws of the same
   * document and view; the first drawing of a page restores the view saved for this
   * document (the page is set anew when the panel is shown again or follows another
   * document). Everything else is fitted: a new page without a saved view, another
   * document, another view of a large one, and any redraw while the user has not moved
   * the view (the drawing may have grown).
   */
  private placeView(previous: Drawn | undefined, viewKey: string): void {
    const uri = this.drawn!.diagram.uri;
    const saved = this.state.view;
    if (!previous) {
      if (isSavedView(saved) && saved.uri === uri) this.panZoom.set(saved);
      else this.fit();
      return;
    }
    if (previous.diagram.uri !== uri || previous.viewKey !== viewKey || this.panZoom.isFitted) this.fit();
  }

  private exportSvg(): void {
    const drawn = this.drawn;
    if (drawn) post({ type: 'export', format: 'svg', data: svgDocument(drawn.drawing.svg, exportLook(drawn.diagram)).text });
  }

  private async exportPng(): Promise<void> {
    const drawn = this.drawn;
    if (!drawn) return;
    try {
      const { text, width, height } = svgDocument(drawn.drawing.svg, exportLook(drawn.diagram));
      post({ type: 'export', format: 'png', data: await pngDataUrl(text, width, height) });
    } catch (error) {
      this.showProblem(`Could not export a PNG: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  warnEncoding(charset: string): void {
    console.error(`awsflow preview: the page is ${charset}, not UTF-8; labels will not show correctly`);
    this.showProblem(
      `This preview page is decoded as ${charset}, not UTF-8, so labels will not show correctly (the page needs <meta charset="UTF-8">).`,
      'error',
    );
  }

  private showProblem(text: string, kind: 'warning' | 'error'): void {
    banner.textContent = text;
    banner.classList.toggle('error', kind === 'error');
    banner.hidden = false;
    viewport.classList.toggle('stale', this.drawn !== undefined);
    if (!this.drawn) {
      placeholder.hidden = false;
      placeholder.textContent = 'No diagram to show.';
    }
  }

  private clearProblem(): void {
    banner.hidden = true;
    banner.textContent = '';
    viewport.classList.remove('stale');
  }

  private save(change: Partial<SavedState>): void {
    this.state = { ...this.state, ...change };
    vscode.setState(this.state);
  }
}

const preview = new Preview();
// mermaid's bundled code holds non-ASCII characters (its label entity markers): read as
// anything but UTF-8, every escaped label character shows as garbage. The page must say
// <meta charset="UTF-8">; if it does not, say so instead of drawing nonsense quietly.
if (document.characterSet.toUpperCase() !== 'UTF-8') preview.warnEncoding(document.characterSet);
post({ type: 'ready' });
