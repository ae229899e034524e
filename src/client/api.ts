/**
 * What `activate` returns: a small API for the end-to-end tests that run inside a real
 * VS Code (`vscode.extensions.getExtension('awsflow.awsflow').activate()`), so they can
 * wait on events instead of sleeping and check what the preview was sent and drew.
 *
 *   const api: AwsflowApi = await vscode.extensions.getExtension('awsflow.awsflow')!.activate();
 *   await api.ready;                                   // the language server runs
 *   await vscode.commands.executeCommand('awsflow.showPreviewToSide', uri);
 *   const drawn = await api.previews.whenRendered(uri, document.version);   // the webview drew it
 *   api.previews.lastDiagram(uri)?.nodes              // what the server sent (ids, ranges, findings)
 *   await api.previews.receive(uri, { type: 'revealResource', resourceId: 'jobs' });   // as a click would
 *   api.previews.posted(uri)                          // render / stale / highlight messages sent
 */
import type { LanguageClient } from 'vscode-languageclient/node';
import type * as vscode from 'vscode';
import type { DiagramResult } from '../protocol/lsp';
import type { ToWebview } from '../protocol/webview';
import type { PreviewSnapshot } from './preview/preview-manager';
import type { RenderedReport } from './preview/preview';
import type { ServerState } from './server-state';
import type { StatusSnapshot } from './status';

export interface AwsflowApi {
  /** The language client (send requests such as `awsflow/diagram` directly). */
  readonly client: LanguageClient;
  /** Resolves once the language server has started; rejects if it could not start. */
  readonly ready: Promise<void>;
  readonly server: {
    /** starting / running / restarting / failed / stopped, as the status item shows it. */
    state(): ServerState;
    /** The language status item's current text, detail, busy flag, severity and the command a click runs. */
    status(): StatusSnapshot;
    /**
     * Fires on every state change, after the status item has been updated for it (it
     * subscribed first), so a listener can read what the item showed in a state that
     * may last only a moment, such as `restarting`.
     */
    readonly onDidChangeState: vscode.Event<ServerState>;
  };
  readonly previews: {
    /** The focused preview, else the one focused last. */
    active(): PreviewSnapshot | undefined;
    all(): PreviewSnapshot[];
    /** The server's latest `awsflow/diagram` result the preview of this document received. */
    lastDiagram(uri: vscode.Uri | string): DiagramResult | undefined;
    /** The webview's last `rendered` report for this document. */
    lastRendered(uri: vscode.Uri | string): RenderedReport | undefined;
    /** Resolves when the webview has drawn at least this version (the test bounds the wait). */
    whenRendered(uri: vscode.Uri | string, minVersion?: number): Promise<RenderedReport>;
    /** The latest messages (up to 100) sent to this document's preview. */
    posted(uri: vscode.Uri | string): readonly ToWebview[];
    /** Handle a message as if the webview had posted it (it goes through the same runtime checks). */
    receive(uri: vscode.Uri | string, message: unknown): Promise<void>;
  };
}
