/**
 * The server checks the file after each edit and publishes what it found, several times a
 * second while typing, and nearly always the same findings at the same places. Each set
 * handed to VS Code is a message to the workbench, which redraws the squiggles, the
 * overview ruler and the Problems counts on the editor's page, in the time keystrokes
 * need. This remembers what was last handed over per document, so that an identical set
 * is not handed over again. vscode-free (diagnostics by their shape), so it is unit-tested.
 *
 * A diagnostic's `data` is left out of the comparison: VS Code does not show it (and the
 * server sends none).
 */
interface PositionLike {
  line: number;
  character: number;
}
interface RangeLike {
  start: PositionLike;
  end: PositionLike;
}
export interface DiagnosticShape {
  range: RangeLike;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number | { value: string | number; target?: { toString(): string } };
  tags?: readonly number[];
  relatedInformation?: readonly { location: { uri: { toString(): string }; range: RangeLike }; message: string }[];
}

const rangeKey = (range: RangeLike): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** Everything VS Code shows of these diagnostics, as one string. */
export function diagnosticsKey(diagnostics: readonly DiagnosticShape[]): string {
  return JSON.stringify(
    diagnostics.map((diagnostic) => [
      rangeKey(diagnostic.range),
      diagnostic.severity,
      diagnostic.source,
      typeof diagnostic.code === 'object' ? [diagnostic.code.value, diagnostic.code.target?.toString()] : diagnostic.code,
      diagnostic.message,
      diagnostic.tags,
      diagnostic.relatedInformation?.map((related) => [related.location.uri.toString(), rangeKey(related.location.range), related.message]),
    ]),
  );
}

export class UnchangedDiagnostics {
  readonly #handedOver = new Map<string, string>();

  /** True if these are what was handed over last for `uri`; else remembers them. */
  unchanged(uri: string, diagnostics: readonly DiagnosticShape[]): boolean {
    const key = diagnosticsKey(diagnostics);
    if (this.#handedOver.get(uri) === key) return true;
    this.#handedOver.set(uri, key);
    return false;
  }

  /** The client's collection was cleared or replaced (the server stopped or restarted): hand everything over again. */
  forget(): void {
    this.#handedOver.clear();
  }
}
