/**
 * What the preview shows for a diagram: the drawing, or (the server's verdict says the
 * file is momentarily broken: YAML that does not parse, a duplicate key, over the size
 * limits) the last good diagram kept, dimmed, with the reason; the same while the
 * language server is down. vscode-free, so it is unit-tested.
 */
import type { DiagramResult, DiagramVerdict } from '../../protocol/lsp';
import type { ServerState } from '../server-state';

/** The banner's one line for a broken file: where the first problem is, what it says, and how many more there are. */
export function brokenReason(verdict: Extract<DiagramVerdict, { kind: 'broken' }>): string {
  const more = verdict.more > 0 ? ` (and ${verdict.more} more)` : '';
  return `The file has a problem at line ${verdict.range.start.line + 1}: ${verdict.reason}${more}`;
}

export type Presentation = { kind: 'render' } | { kind: 'stale'; reason: string };

/** Draw the server's diagram, or keep the last good one dimmed: the diagram's own verdict decides. */
export function decidePresentation(diagram: Pick<DiagramResult, 'verdict'>): Presentation {
  return diagram.verdict.kind === 'broken' ? { kind: 'stale', reason: brokenReason(diagram.verdict) } : { kind: 'render' };
}

/**
 * What a preview says while the language server is not running, or undefined when it
 * should say nothing: the server runs, or it is (re)starting and nothing is drawn yet
 * (the preview asks as soon as it runs). A drawing kept while the server is down may no
 * longer match the text, so it is dimmed with this reason until a fresh answer comes.
 */
export function serverDownReason(state: ServerState, drawn: boolean): string | undefined {
  switch (state.kind) {
    case 'running':
      return undefined;
    case 'starting':
      return drawn ? 'The awsflow language server is starting; the diagram updates once it runs.' : undefined;
    case 'restarting':
      return drawn
        ? 'The awsflow language server stopped unexpectedly and is restarting; the diagram updates once it runs again.'
        : undefined;
    case 'failed':
      return `${state.reason} Run "awsflow: Restart Language Server" to bring it back.`;
    case 'stopped':
      return 'The awsflow language server is not running (awsflow: Restart Language Server).';
  }
}
