/**
 * Requests' params checked before use. A client may send anything (a bug, another
 * editor, a fuzzer): a param of the wrong shape is refused with InvalidParams, saying
 * which one, instead of failing somewhere inside the analysis or being answered as if
 * it were something else. A well-formed request about a document that is not open is
 * not an error (a request can cross the close of its document): it gets the empty answer.
 */
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver';

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `params` as an object (a request without params, or with a list, has none of ours). */
export function readParams(params: unknown): Record<string, unknown> {
  if (!isRecord(params)) throw invalidParams('The request needs its params object.');
  return params;
}

/** `params.textDocument.uri`. */
export function readDocumentUri(params: unknown): string {
  const { textDocument } = readParams(params);
  if (!isRecord(textDocument)) throw invalidParams('`textDocument` is missing or not an object.');
  const { uri } = textDocument;
  if (typeof uri !== 'string' || uri === '') throw invalidParams('`textDocument.uri` must be a non-empty string.');
  return uri;
}

export function readString(params: unknown, name: string): string {
  const value = readParams(params)[name];
  if (typeof value !== 'string') throw invalidParams(`\`${name}\` must be a string.`);
  return value;
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x7fffffff;
}

/** A position's shape: `line` and `character` whole numbers from 0 (LSP's uinteger). */
export function readPosition(value: unknown, name = 'position'): Position {
  if (!isRecord(value)) throw invalidParams(`\`${name}\` is missing or not an object.`);
  const { line, character } = value;
  if (!isIndex(line) || !isIndex(character)) throw invalidParams(`\`${name}\` needs \`line\` and \`character\` as whole numbers from 0.`);
  return { line, character };
}

/** A range's shape, its start not after its end. */
export function readRange(value: unknown, name = 'range'): Range {
  if (!isRecord(value)) throw invalidParams(`\`${name}\` is missing or not an object.`);
  const start = readPosition(value.start, `${name}.start`);
  const end = readPosition(value.end, `${name}.end`);
  if (start.line > end.line || (start.line === end.line && start.character > end.character))
    throw invalidParams(`\`${name}\` ends before it starts.`);
  return { start, end };
}

/**
 * A completion request's `context.triggerCharacter`: set when typing one of the server's
 * trigger characters asked for completion (LSP's CompletionTriggerKind.TriggerCharacter, 2).
 * `context` is optional; when present it must be an object.
 */
export function readTriggerCharacter(context: unknown): string | undefined {
  if (context === undefined) return undefined;
  if (!isRecord(context)) throw invalidParams('`context` must be an object.');
  const { triggerKind, triggerCharacter } = context;
  if (triggerCharacter !== undefined && typeof triggerCharacter !== 'string')
    throw invalidParams('`context.triggerCharacter` must be a string.');
  return triggerKind === 2 ? triggerCharacter : undefined;
}
