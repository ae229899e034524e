/**
 * What every feature of the server shares: the connection, the open documents, their
 * analyses, the settings, the host's extras, and the two helpers every handler uses
 * (`analysisOf`, `guard`). One context per server; features get it at registration.
 */
import { TextDocuments, type CancellationToken, type ClientCapabilities, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { escapeControlCharacters, type Analysis, type DocsLinks } from '../core/index';
import { DEFAULT_SETTINGS, normaliseSettings, type AwsflowSettings } from '../protocol/settings';
import { AnalysisCache, snapshotOf, type DocumentSnapshot } from './documents';
import { describeFailure, guarded, type Handler } from './guard';
import { isAwsflowDocument, type TemplateResult } from './templates';

/** What the platform gives the server beyond the connection (files on disk, for workspace symbols). */
export interface ServerHost {
  /** The `.awsflow` files under the workspace folders (not open in the editor), read from disk. */
  workspaceFiles?(folderUris: readonly string[]): Promise<{ uri: string; text: string }[]>;
  /** Where the rule pages are, for diagnostics' and hovers' links (see `docsUrl`); none in a browser worker. */
  docsLinks?: DocsLinks;
}

/** The `awsflow` settings of each document, asked of the client once and kept until they change. */
export class Settings {
  /** Whether the client answers workspace/configuration (from initialize); if not, the defaults apply. */
  hasConfiguration = false;
  private readonly cache = new Map<string, Promise<AwsflowSettings>>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {}

  for(uri: string): Promise<AwsflowSettings> {
    if (!this.hasConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'awsflow' })
        .then(normaliseSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The document was closed: ask again if it is opened again. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The client said the settings changed: forget them all, then tell the features that depend on them. */
  changed(): void {
    this.cache.clear();
    for (const listener of this.listeners) listener();
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: AnalysisCache;
  readonly settings: Settings;
  readonly host: ServerHost;
  /** Where the rule pages are (none in a browser worker). */
  readonly links: DocsLinks;
  /** The workspace folders' URIs, from initialize. */
  workspaceFolders: string[];
  /** The client's capabilities, from initialize. */
  clientCapabilities: ClientCapabilities;
  /** Run `listener` once the client says it is initialized (the connection takes one handler: this shares it). */
  whenInitialized(listener: () => void): void;
  /** Called once, by the connection's handler. */
  initialized(): void;
  /** Log a failure of `where` to the client's output. */
  log(where: string, error: unknown): void;
  /**
   * The analysis of the document as it is now, when the message asking for it arrived:
   * call it before any `await`. The document may change while the analysis runs (its
   * object is updated in place); the snapshot, and so the answer, keeps this version.
   */
  analysisOf(uri: string): Promise<{ document: DocumentSnapshot; analysis: Analysis } | undefined>;
  /**
   * A document sent as a possible CloudFormation or SAM template (YAML, JSON), checked as
   * it is now (same rule as `analysisOf`: call it before any `await`); undefined for an
   * `.awsflow` document or one that is not open. `analysisOf` gives nothing for these
   * documents, so hover, completion and the rest stay with the extensions that own them.
   */
  templateOf(uri: string): Promise<{ document: DocumentSnapshot; result: TemplateResult } | undefined>;
  /** A handler that never throws to the connection (see `guarded`). */
  guard<P, R>(name: string, handler: Handler<P, R>, fallback: R): (params: P, token: CancellationToken) => Promise<R>;
}

export function createContext(connection: Connection, host: ServerHost): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache((message) => connection.console.error(escapeControlCharacters(message)));
  const settings = new Settings(connection);
  const log = (where: string, error: unknown) => connection.console.error(`${where} failed: ${describeFailure(error)}`);
  const initializedListeners: (() => void)[] = [];
  return {
    connection,
    documents,
    cache,
    settings,
    host,
    links: host.docsLinks ?? {},
    workspaceFolders: [],
    clientCapabilities: {},
    whenInitialized: (listener) => void initializedListeners.push(listener),
    initialized: () => {
      for (const listener of initializedListeners) listener();
    },
    log,
    async analysisOf(uri) {
      const open = documents.get(uri);
      if (!open || !isAwsflowDocument(open)) return undefined;
      const document = snapshotOf(open);
      return { document, analysis: await cache.analysisFor(document, await settings.for(uri)) };
    },
    async templateOf(uri) {
      const open = documents.get(uri);
      if (!open || isAwsflowDocument(open)) return undefined;
      const document = snapshotOf(open);
      return { document, result: cache.templateFor(document, await settings.for(uri)) };
    },
    guard: (name, handler, fallback) => guarded(log, name, handler, fallback),
  };
}
