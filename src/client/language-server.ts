/**
 * The language client: starts the bundled server (dist/server/main-node.js) over node
 * IPC and tells the rest of the extension what state the server is in, including
 * whether a stop is a crash being restarted (the default error handler restarts a
 * crashed server up to four times in three minutes) or the last straw.
 */
import * as vscode from 'vscode';
import {
  CloseAction, LanguageClient, State, TransportKind,
  type ErrorHandler, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { ServerStateMachine, type ClientState, type ServerState } from './server-state';
import { MAX_RESTARTS } from './status-text';

export const SERVER_MODULE = 'dist/server/main-node.js';

export class LanguageServer implements vscode.Disposable {
  readonly client: LanguageClient;
  readonly #machine = new ServerStateMachine();
  readonly #onDidChangeState = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.#onDidChangeState.event;
  #errorHandler: ErrorHandler;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, output: vscode.LogOutputChannel) {
    const module = context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      // Started so in an Extension Development Host under the debugger: attach to port 6009.
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    // Delegates to the client's own default handler (created below, once the client exists)
    // and notes what it decided, which the client's state changes do not reveal.
    const errorHandler: ErrorHandler = {
      error: (error, message, count) => this.#errorHandler.error(error, message, count),
      closed: async () => {
        const result = await this.#errorHandler.closed();
        this.#machine.connectionClosed(result.action === CloseAction.Restart ? 'restart' : 'doNotRestart', result.message);
        return result;
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'awsflow' }],
      // The server reads settings through workspace/configuration; this tells it when they change.
      synchronize: { configurationSection: 'awsflow' },
      outputChannel: output,
      errorHandler,
    };
    // The id `awsflow` makes the client honour `awsflow.trace.server`.
    this.client = new LanguageClient('awsflow', 'awsflow', serverOptions, clientOptions);
    this.#errorHandler = this.client.createDefaultErrorHandler(MAX_RESTARTS);
    this.#subscriptions.push(
      this.#onDidChangeState,
      this.client.onDidChangeState((event) => this.#onDidChangeState.fire(this.#machine.clientStateChanged(toClientState(event.newState)))),
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
    this.#errorHandler = this.client.createDefaultErrorHandler(MAX_RESTARTS);
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
