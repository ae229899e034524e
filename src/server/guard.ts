/**
 * How a handler answers when it cannot: a failure is logged (on one line, control
 * characters escaped) and answered with the handler's empty answer; a refusal the handler
 * meant (a ResponseError) goes through; a cancelled request is answered as cancelled.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { escapeControlCharacters } from '../core/index';

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/**
 * Wrap a handler: never throw to the connection (a failure is logged and answered with
 * `fallback`) but for a refusal the handler meant (a ResponseError: malformed params,
 * a rename refused); a request cancelled before or while it ran is answered as cancelled.
 */
export function guarded<P, R>(
  log: (where: string, error: unknown) => void,
  name: string,
  handler: Handler<P, R>,
  fallback: R,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params: P, token: CancellationToken): Promise<R> => {
    if (token.isCancellationRequested) throw cancelled();
    let result: R;
    try {
      result = await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(name, error);
      return fallback;
    }
    if (token.isCancellationRequested) throw cancelled();
    return result;
  };
}

/**
 * An error for the log: its message (which may quote the user's text) on one line with
 * control characters escaped, then the stack frames. The log is shown in the editor's
 * output panel, where a raw escape sequence or a line break would forge log lines.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return escapeControlCharacters(String(error));
  const stack = error.stack ?? '';
  const framesAt = stack.indexOf('\n    at ');
  return (
    escapeControlCharacters(error.message) + (framesAt >= 0 ? escapeControlCharacters(stack.slice(framesAt), { keepLineBreaks: true }) : '')
  );
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
