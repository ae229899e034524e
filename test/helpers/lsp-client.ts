/**
 * A real LSP client for tests: spawns the built server with --stdio and speaks JSON-RPC
 * to it. It waits on the server's notifications (never sleeps) and plays the client's
 * part for workspace/configuration.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '../../../dist/server/main-node.js');

export interface ClientOptions {
  /** Settings answered to workspace/configuration; undefined: the client has no configuration support. */
  settings?: unknown;
  capabilities?: ClientCapabilities;
  workspaceFolders?: { uri: string; name: string }[];
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly logs: string[] = [];
  settings: unknown;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: {
    uri: string;
    version: number | undefined;
    resolve: (p: PublishDiagnosticsParams) => void;
    reject: (error: Error) => void;
  }[] = [];
  /** Why the server is gone (it exited or could not be started); undefined while it runs. */
  private gone: Error | undefined;
  private shuttingDown = false;
  exitCode: Promise<number | null>;

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings;
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
    this.exitCode = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    // A server that dies, or never starts, must fail the test at once with its log, not
    // leave it waiting for an answer that cannot come (a wait with no end hangs CI).
    this.child.on('error', (error) => this.serverGone(`could not be started: ${error.message}`));
    // 'close', not 'exit': what the server wrote before it died is read first.
    this.child.on('close', (code, signal) => {
      if (!this.shuttingDown) this.serverGone(`exited unexpectedly (code ${String(code)}, signal ${String(signal)})`);
    });
    this.closed = new Promise((resolve) => this.child.on('close', () => resolve()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.explainFailures(this.connection);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const waiter = this.waiters[i]!;
        if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version)) {
          this.waiters.splice(i, 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification(LogMessageNotification.method, (params: unknown) => {
      this.logs.push((params as { message: string }).message);
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings ?? null));
    this.connection.onRequest(RegistrationRequest.method, () => null);
    this.connection.listen();
  }

  /** How long initialize may take before the test fails with the server's log. */
  static readonly INITIALIZE_TIMEOUT_MS = 30_000;

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = this.options.capabilities ?? {
      workspace: {
        configuration: this.options.settings !== undefined,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: true } },
        rename: { prepareSupport: true },
      },
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(this.failure(`did not answer initialize within ${TestClient.INITIALIZE_TIMEOUT_MS} ms`)),
        TestClient.INITIALIZE_TIMEOUT_MS,
      );
    });
    try {
      const result = await Promise.race([
        this.connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: null,
          capabilities,
          workspaceFolders: this.options.workspaceFolders ?? null,
        }),
        deadline,
      ]);
      await this.connection.sendNotification(InitializedNotification.type, {});
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The server process ended and its output was read. */
  private readonly closed: Promise<void>;

  /**
   * A message written to a server that just died fails with the pipe's error (`write
   * EPIPE`, as ResponseError -32099), often before the process's end is seen: whether the
   * test sees that or the clear failure would depend on timing. So a failed request or
   * notification waits for the process to be gone and fails with what happened to it.
   */
  private explainFailures(connection: ProtocolConnection): void {
    const explain = async (error: unknown): Promise<never> => {
      if (this.gone) throw this.gone;
      const writeFailed = error instanceof ResponseError && error.code === ErrorCodes.MessageWriteError;
      if (!writeFailed && !this.child.stdin!.destroyed) throw error;
      await this.closed;
      throw this.gone ?? error;
    };
    const sendRequest = connection.sendRequest.bind(connection) as (...args: unknown[]) => Promise<unknown>;
    const sendNotification = connection.sendNotification.bind(connection) as (...args: unknown[]) => Promise<void>;
    // A connection already disposed (the server is gone) throws at once rather than rejecting.
    const explained = <T>(send: () => Promise<T>): Promise<T> => {
      try {
        return send().catch(explain);
      } catch (error) {
        return explain(error);
      }
    };
    Object.assign(connection, {
      sendRequest: (...args: unknown[]) => explained(() => sendRequest(...args)),
      sendNotification: (...args: unknown[]) => explained(() => sendNotification(...args)),
    });
  }

  /** An error naming what happened to the server, with everything it logged. */
  private failure(what: string): Error {
    return new Error(`the language server ${what}; its log:\n${this.logs.join('\n') || '(empty)'}`);
  }

  private serverGone(what: string): void {
    if (this.gone) return;
    this.gone = this.failure(what);
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.gone);
    // Disposing rejects the requests still waiting for an answer.
    this.connection.dispose();
  }

  /** Every publishDiagnostics received for `uri` so far, in order. */
  publishedFor(uri: string): readonly PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** The next publishDiagnostics for `uri` (and `version`, if given) — or one already received. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const already = (this.published.get(uri) ?? []).find((p) => version === undefined || p.version === version);
    if (already) return Promise.resolve(already);
    if (this.gone) return Promise.reject(this.gone);
    return new Promise((resolve, reject) => this.waiters.push({ uri, version, resolve, reject }));
  }

  /** The next publishDiagnostics for `uri` received from now on (never one already received). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    if (this.gone) return Promise.reject(this.gone);
    return new Promise((resolve, reject) => this.waiters.push({ uri, version: undefined, resolve, reject }));
  }

  async open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const waiting = this.diagnostics(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'awsflow', version, text },
    });
    return (await waiting).diagnostics;
  }

  async change(uri: string, version: number, text: string, wait = true): Promise<Diagnostic[]> {
    const waiting = wait ? this.diagnostics(uri, version) : undefined;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return waiting ? (await waiting).diagnostics : [];
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    this.shuttingDown = true;
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exitCode;
    this.connection.dispose();
    return code;
  }

  /**
   * Ends the server without waiting for it. Nothing of it may keep the test process alive:
   * its pipes are closed and it is no longer waited for (a test file whose tests had all
   * passed once sat until the runner's time limit on a loaded machine), and a server that
   * outlives SIGTERM gets SIGKILL.
   */
  kill(): void {
    this.shuttingDown = true;
    this.child.kill();
    this.connection.dispose();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
    this.child.unref();
    if (this.child.exitCode === null && this.child.signalCode === null)
      setTimeout(() => {
        if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
      }, 2000).unref();
  }
}

/** Offsets in `text` -> LSP position (UTF-16, as the protocol wants). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Apply LSP text edits to a text. */
export function applyTextEdits(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lines = text.split('\n');
  const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits]
    .map((e, i) => ({ e, i, start: offsetOf(e.range.start), end: offsetOf(e.range.end) }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const { e, start, end } of sorted) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}
