/**
 * The language client: starts the bundled server (dist/server/main-node.js) over node
 * IPC and tells the rest of the extension what state the server is in, including
 * whether a stop is a crash being restarted (up to MAX_RESTARTS times in three minutes,
 * as server-state.ts counts) or the last straw.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ServerStateMachine, type ClientState, type ServerState } from './server-state';
import { UnchangedDiagnostics } from './unchanged-diagnostics';
import serverRuntime from '../protocol/server-node-flags.json';

export const SERVER_MODULE = 'dist/server/main-node.js';

export class LanguageServer implements vscode.Disposable {
  readonly client: LanguageClient;
  readonly #machine = new ServerStateMachine();
  readonly #onDidChangeState = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.#onDidChangeState.event;
  /** The client's default handler, for connection errors only (crashes are decided by the machine). */
  #errorHandler: ErrorHandler;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #unchangedDiagnostics = new UnchangedDiagnostics();

  constructor(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, middleware: Middleware = {}) {
    const module = context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
      // The same V8 flags as the bin's shebang: a small young generation and slower heap growth (why: the JSON's `why`).
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverRuntime.flags] } },
      // Started so in an Extension Development Host under the debugger: attach to port 6009.
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    // Errors on a live connection go to the client's own default handler (created below,
    // once the client exists). A closed connection is a crash (the client does not ask
    // when it stops the server itself): the state machine decides, so the status item
    // shows the same restart count that decides when to give up.
    const errorHandler: ErrorHandler = {
      error: (error, message, count) => this.#errorHandler.error(error, message, count),
      closed: () => {
        const decision = this.#machine.crashed(Date.now());
        return decision.restart
          ? {
              action: CloseAction.Restart,
              message: `The awsflow language server stopped unexpectedly; restarting it (restart ${decision.attempt}).`,
            }
          : { action: CloseAction.DoNotRestart, message: decision.message };
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'awsflow' }],
      // The server reads settings through workspace/configuration; this tells it when they change.
      synchronize: { configurationSection: 'awsflow' },
      outputChannel: output,
      errorHandler,
      middleware: {
        ...middleware,
        // The same findings again (typing, most of the time): nothing for the workbench to redraw.
        handleDiagnostics: (uri, diagnostics, next) => {
          if (this.#unchangedDiagnostics.unchanged(uri.toString(), diagnostics)) return;
          if (middleware.handleDiagnostics) middleware.handleDiagnostics(uri, diagnostics, next);
          else next(uri, diagnostics);
        },
      },
    };
    // The id `awsflow` makes the client honour `awsflow.trace.server`.
    this.client = new LanguageClient('awsflow', 'awsflow', serverOptions, clientOptions);
    this.#errorHandler = this.client.createDefaultErrorHandler();
    this.#subscriptions.push(
      this.#onDidChangeState,
      this.client.onDidChangeState((event) => {
        // A stopped client drops its diagnostics, and a started one begins with none.
        this.#unchangedDiagnostics.forget();
        this.#onDidChangeState.fire(this.#machine.clientStateChanged(toClientState(event.newState)));
      }),
    );
  }

  get state(): ServerState {
    return this.#machine.state;
  }

  get running(): boolean {
    return this.client.state === State.Running;
  }

  start(): Promise<void> {
    return this.client.start();
  }

  /** The restart command: a fresh start, with the crash count forgotten. */
  async restart(): Promise<void> {
    this.#machine.manualRestart();
    // A stopped or failed client only needs starting; `restart()` stops first.
    if (this.client.needsStop()) await this.client.restart();
    else await this.client.start();
  }

  async dispose(): Promise<void> {
    for (const subscription of this.#subscriptions) subscription.dispose();
    await this.client.dispose();
  }
}

function toClientState(state: State): ClientState {
  switch (state) {
    case State.Running:
      return 'running';
    case State.Starting:
      return 'starting';
    case State.StartFailed:
      return 'startFailed';
    case State.Stopped:
      return 'stopped';
  }
}
