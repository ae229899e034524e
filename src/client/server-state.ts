/**
 * What the status item says about the language server. The language client only knows
 * Stopped / Starting / Running / StartFailed; whether a stop is a crash that will be
 * restarted, the last one, or the user's own doing is known only to the error handler.
 * This machine joins the two. vscode-free, so it is unit-tested.
 */
export type ClientState = 'stopped' | 'starting' | 'running' | 'startFailed';
export type CloseDecision = 'restart' | 'doNotRestart';

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running' }
  /** The server crashed and the client is starting it again (`attempt` counts crashes since it last ran). */
  | { kind: 'restarting'; attempt: number }
  /** It crashed too often, or failed to start: only the restart command brings it back. */
  | { kind: 'failed'; reason: string }
  /** Stopped on purpose (restart command in progress, or the extension is shutting down). */
  | { kind: 'stopped' };

export class ServerStateMachine {
  #state: ServerState = { kind: 'stopped' };
  #pendingClose: { decision: CloseDecision; message: string | undefined } | undefined;
  #crashes = 0;

  get state(): ServerState {
    return this.#state;
  }

  /** The error handler decided what to do about a closed connection; the client's state change follows. */
  connectionClosed(decision: CloseDecision, message?: string): void {
    this.#pendingClose = { decision, message };
    if (decision === 'restart') this.#crashes += 1;
  }

  /** The user asked for a restart: earlier crashes no longer count. */
  manualRestart(): void {
    this.#crashes = 0;
    this.#pendingClose = undefined;
  }

  /** Feed every state change of the language client; returns the new state. */
  clientStateChanged(state: ClientState): ServerState {
    const close = this.#pendingClose;
    switch (state) {
      case 'running':
        this.#pendingClose = undefined;
        this.#crashes = 0;
        this.#state = { kind: 'running' };
        break;
      case 'starting':
        // A restart after a crash stays "restarting" until the server runs again.
        if (this.#state.kind !== 'restarting') this.#state = { kind: 'starting' };
        break;
      case 'startFailed':
        this.#pendingClose = undefined;
        this.#state = { kind: 'failed', reason: close?.message ?? 'The language server failed to start.' };
        break;
      case 'stopped':
        this.#pendingClose = undefined;
        if (close?.decision === 'restart') this.#state = { kind: 'restarting', attempt: this.#crashes };
        else if (close?.decision === 'doNotRestart') this.#state = { kind: 'failed', reason: close.message ?? 'The language server stopped and will not be restarted.' };
        else this.#state = { kind: 'stopped' };
        break;
    }
    return this.#state;
  }
}
