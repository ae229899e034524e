/**
 * Mermaid, bundled, set up once for the preview: strict security, no start-on-load, the
 * AWS icons registered from the bundled subset. Draws one diagram at a time; a newer
 * request supersedes any older one still waiting or drawing, whose result is thrown away.
 */
import mermaid from 'mermaid';
import type { Layout } from '../src/protocol/webview';
import awsIcons from './generated/aws-icons.json';

export type MermaidTheme = 'default' | 'dark' | 'neutral' | 'base';

export interface DrawRequest {
  readonly text: string;
  readonly layout: Layout;
  readonly theme: MermaidTheme;
  /** A concrete font list (not a CSS variable): exported SVGs and PNGs must measure the same. */
  readonly fontFamily: string;
  /**
   * The page's background: labels on edges and under icons get it as theirs, so their text
   * reads with the theme's own contrast (Mermaid's dark theme puts #ccc on #585858, 4.4:1).
   */
  readonly background: string;
}

export type DrawOutcome =
  | { readonly kind: 'drawn'; readonly svg: string; readonly svgId: string; readonly milliseconds: number }
  | { readonly kind: 'failed'; readonly message: string }
  /** A newer request came in; nothing was drawn for this one. */
  | { readonly kind: 'superseded' };

type IconPack = Parameters<typeof mermaid.registerIconPacks>[0][number];
mermaid.registerIconPacks([{ name: 'logos', icons: awsIcons } as IconPack]);

let renderCount = 0;

export class DiagramRenderer {
  private queue: Promise<unknown> = Promise.resolve();
  private latest = 0;

  /** Makes any draw still waiting or running come back superseded (the view moved on without drawing). */
  supersede(): void {
    this.latest++;
  }

  /** Draws after every earlier request has finished; superseded if another comes in first. */
  draw(request: DrawRequest): Promise<DrawOutcome> {
    const ticket = ++this.latest;
    const outcome = this.queue.then(() => this.run(ticket, request));
    this.queue = outcome;
    return outcome;
  }

  private async run(ticket: number, request: DrawRequest): Promise<DrawOutcome> {
    // Let messages already queued arrive first: of a burst, only the last is drawn.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ticket !== this.latest) return { kind: 'superseded' };
    const svgId = `awsflow-diagram-${++renderCount}`;
    const started = performance.now();
    try {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: request.theme,
        // mermaid 12 lays flowcharts out with ELK unless told otherwise.
        layout: request.layout,
        // Hundreds of resources are a long text with many edges; the defaults (50 000
        // characters, 500 edges) would refuse them.
        maxTextSize: 20_000_000,
        maxEdges: 100_000,
        flowchart: { htmlLabels: true },
        fontFamily: request.fontFamily,
        themeVariables: { edgeLabelBackground: request.background },
      });
      await mermaid.parse(request.text);
      if (ticket !== this.latest) return { kind: 'superseded' };
      const { svg } = await mermaid.render(svgId, request.text);
      if (ticket !== this.latest) return { kind: 'superseded' };
      return { kind: 'drawn', svg, svgId, milliseconds: Math.round(performance.now() - started) };
    } catch (error) {
      return { kind: 'failed', message: messageOf(error) };
    } finally {
      // mermaid leaves its scratch element behind when drawing fails.
      document.getElementById(`d${svgId}`)?.remove();
    }
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'str' in error && typeof error.str === 'string') return error.str;
  return String(error);
}
