/**
 * What the status item says about the language server. The language client only knows
 * Stopped / Starting / Running / StartFailed; whether a stop is a crash that will be
 * restarted, the last one, or the user's own doing is known only to the error handler.
 * This machine joins the two, and is also where the error handler asks whether to
 * restart after a crash, so the restart count the status item shows is the very count
 * that decides when to give up. vscode-free, so it is unit-tested.
 */
export type ClientState = 'stopped' | 'starting' | 'running' | 'startFailed';

/** A crashed server is restarted up to this many times within RESTART_WINDOW_MS… */
export const MAX_RESTARTS = 4;
/** …and the next crash in that window stops it until the user restarts it. */
export const RESTART_WINDOW_MS = 3 * 60_000;

export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running' }
  /** The server crashed and the client is starting it again: the `attempt`th restart within the window. */
  | { kind: 'restarting'; attempt: number }
  /** It crashed too often, or failed to start: only the restart command brings it back. */
  | { kind: 'failed'; reason: string }
  /** Stopped on purpose (restart command in progress, or the extension is shutting down). */
  | { kind: 'stopped' };

export type CrashDecision = { restart: true; attempt: number } | { restart: false; message: string };

export class ServerStateMachine {
  #state: ServerState = { kind: 'stopped' };
  #pendingClose: CrashDecision | undefined;
  /** When the server crashed, within the last RESTART_WINDOW_MS (oldest first). */
  #crashes: number[] = [];

  get state(): ServerState {
    return this.#state;
  }

  /**
   * The connection closed without the client asking (the process died): decide whether
   * the client restarts it. The client's state change to stopped follows.
   */
  crashed(now: number): CrashDecision {
    // Only crashes inside the window count: a server that crashes once an hour is restarted every time.
    this.#crashes = [...this.#crashes.filter((time) => now - time < RESTART_WINDOW_MS), now];
    const decision: CrashDecision =
      this.#crashes.length <= MAX_RESTARTS
        ? { restart: true, attempt: this.#crashes.length }
        : {
            restart: false,
            message: `The awsflow language server crashed ${this.#crashes.length} times within 3 minutes and will not be restarted.`,
          };
    this.#pendingClose = decision;
    return decision;
  }

  /** The user asked for a restart: earlier crashes no longer count. */
  manualRestart(): void {
    this.#crashes = [];
    this.#pendingClose = undefined;
  }

  /** Feed every state change of the language client; returns the new state. */
  clientStateChanged(state: ClientState): ServerState {
    const close = this.#pendingClose;
    switch (state) {
      case 'running':
        this.#pendingClose = undefined;
        this.#state = { kind: 'running' };
        break;
      case 'starting':
        // A restart after a crash stays "restarting" until the server runs again.
        if (this.#state.kind !== 'restarting') this.#state = { kind: 'starting' };
        break;
      case 'startFailed':
        this.#pendingClose = undefined;
        this.#state = { kind: 'failed', reason: close && !close.restart ? close.message : 'The language server failed to start.' };
        break;
      case 'stopped':
        this.#pendingClose = undefined;
        if (close?.restart) this.#state = { kind: 'restarting', attempt: close.attempt };
        else if (close) this.#state = { kind: 'failed', reason: close.message };
        else this.#state = { kind: 'stopped' };
        break;
    }
    return this.#state;
  }
}
