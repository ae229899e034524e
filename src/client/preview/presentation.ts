/**
 * Whether the document is momentarily broken (YAML that does not parse, or over the
 * size limits): then the preview keeps its last good diagram, dimmed, with this reason,
 * instead of drawing what little could be read; the same while the language server is
 * down. vscode-free, so it is unit-tested.
 */
import type { ServerState } from '../server-state';

export const SYNTAX_RULES: readonly string[] = ['syntax/yaml', 'syntax/limits'];

/** The shape of a diagnostic this needs (vscode.Diagnostic fits it). */
export interface DiagnosticLike {
  message: string;
  source?: string | undefined;
  code?: string | number | { value: string | number } | undefined;
  range: { start: { line: number; character: number } };
}

function ruleOf(diagnostic: DiagnosticLike): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  // The language client turns `code` + `codeDescription` into `{ value, target }`.
  return String(typeof code === 'object' ? code.value : code);
}

/** A one-line reason that says the file has a problem and where (the first syntax problem), or undefined if there is none. */
export function syntaxProblem(diagnostics: readonly DiagnosticLike[]): string | undefined {
  const syntax = diagnostics
    .filter((diagnostic) => (diagnostic.source === undefined || diagnostic.source === 'awsflow') && SYNTAX_RULES.includes(ruleOf(diagnostic) ?? ''))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const first = syntax[0];
  if (!first) return undefined;
  const message = first.message.replace(/\s+/g, ' ').trim();
  const more = syntax.length > 1 ? ` (and ${syntax.length - 1} more)` : '';
  return `The file has a problem at line ${first.range.start.line + 1}: ${message}${more}`;
}

export type Presentation = { kind: 'render' } | { kind: 'stale'; reason: string } | { kind: 'wait' };

/**
 * Draw the server's diagram, or keep the last good one dimmed. Diagnostics reach VS Code
 * apart from the diagram, a moment earlier or later; the diagram carries the server's
 * own error and warning counts for its version, so while the editor's counts differ the
 * diagnostics are for another version and the decision waits for them (or for a timeout).
 */
export function decidePresentation(
  diagram: { errors: number; warnings: number },
  editor: { errors: number; warnings: number; diagnostics: readonly DiagnosticLike[] },
  timedOut: boolean,
): Presentation {
  const caughtUp = diagram.errors === editor.errors && diagram.warnings === editor.warnings;
  if (!caughtUp && !timedOut) return { kind: 'wait' };
  const reason = syntaxProblem(editor.diagnostics);
  return reason ? { kind: 'stale', reason } : { kind: 'render' };
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
      return drawn ? 'The awsflow language server stopped unexpectedly and is restarting; the diagram updates once it runs again.' : undefined;
    case 'failed':
      return `${state.reason} Run "awsflow: Restart Language Server" to bring it back.`;
    case 'stopped':
      return 'The awsflow language server is not running (awsflow: Restart Language Server).';
  }
}
