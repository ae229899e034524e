/**
 * Owns the previews, as the Markdown preview does: one unlocked preview that follows
 * the active awsflow editor, plus any number of locked ones, one per document. Restores
 * them after a reload (WebviewPanelSerializer: each panel from the document its webview
 * saved in its state, never by order), routes editor events to them and keeps the
 * `awsflowPreviewFocus` context key.
 */
import * as vscode from 'vscode';
import type { DiagramResult } from '../../protocol/lsp';
import type { ToWebview } from '../../protocol/webview';
import { LAYOUT_SETTING } from '../config';
import type { LanguageServer } from '../language-server';
import { previewTitle, baseName, restoreTarget } from './preview-state';
import { PREVIEW_VIEW_TYPE, Preview, webviewOptions, type PreviewHost, type RenderedReport } from './preview';

export const FOCUS_CONTEXT_KEY = 'awsflowPreviewFocus';
/**
 * Where earlier versions kept the list of open previews, to pair restored panels with
 * documents by order (which paired locked previews with the wrong files). Cleared once.
 */
const LEGACY_OPEN_PREVIEWS_KEY = 'awsflow.preview.open';

export interface ShowOptions {
  /** Open beside the editor (Ctrl+K V) rather than in its place. */
  toSide: boolean;
  locked: boolean;
}

/** A preview as the test API reports it. */
export interface PreviewSnapshot {
  uri: string;
  locked: boolean;
  title: string;
  visible: boolean;
  active: boolean;
  viewColumn: vscode.ViewColumn | undefined;
  layout: string;
}

export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  #dynamic: Preview | undefined;
  readonly #locked = new Set<Preview>();
  /** The focused preview, or the one focused last. */
  #active: Preview | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #host: PreviewHost;

  constructor(
    private readonly context: vscode.ExtensionContext,
    server: LanguageServer,
    output: vscode.LogOutputChannel,
    /** Whether a document is a CloudFormation or SAM template the server reads (it is previewed like an .awsflow file). */
    private readonly isTemplate: (uri: vscode.Uri) => boolean = () => false,
  ) {
    if (context.workspaceState.get(LEGACY_OPEN_PREVIEWS_KEY) !== undefined)
      void context.workspaceState.update(LEGACY_OPEN_PREVIEWS_KEY, undefined);
    this.#host = {
      extensionUri: context.extensionUri,
      server,
      output,
      activeChanged: (preview, active) => {
        if (active) this.#active = preview;
        // Panels report in no set order when focus moves between two previews: ask them all.
        this.#updateFocusContext();
      },
      disposed: (preview) => {
        if (this.#dynamic === preview) this.#dynamic = undefined;
        this.#locked.delete(preview);
        if (this.#active === preview) this.#active = undefined;
        this.#updateFocusContext();
      },
    };
    this.#subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        for (const preview of this.#of(event.document.uri)) preview.documentChanged();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        for (const preview of this.#of(event.textEditor.document.uri)) preview.cursorMoved(event.textEditor);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !this.#previewable(editor.document)) return;
        // The unlocked preview follows the active awsflow editor (or template)…
        this.#dynamic?.switchTo(editor.document.uri, editor.viewColumn);
        // …and every preview of the document highlights where its cursor is.
        for (const preview of this.#of(editor.document.uri)) preview.cursorMoved(editor);
      }),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) for (const preview of this.#of(oldUri)) preview.renamed(newUri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const preview of this.#all()) if (event.affectsConfiguration(LAYOUT_SETTING, preview.resource)) preview.layoutSettingChanged();
      }),
      server.onDidChangeState((state) => {
        for (const preview of this.#all()) preview.serverStateChanged(state);
      }),
    );
  }

  /** The preview commands. `resource` comes from the explorer or the editor title; else the active editor's. */
  async show(resource: vscode.Uri | undefined, options: ShowOptions): Promise<Preview | undefined> {
    const preview = await this.#show(resource, options);
    // Highlight the resource under the cursor from the start, not only once it moves.
    const editor = vscode.window.activeTextEditor;
    if (preview && editor) preview.cursorMoved(editor);
    return preview;
  }

  async #show(resource: vscode.Uri | undefined, options: ShowOptions): Promise<Preview | undefined> {
    const editor = vscode.window.activeTextEditor;
    const target = resource ?? (editor && this.#previewable(editor.document) ? editor.document.uri : undefined);
    if (!target) {
      void vscode.window.showInformationMessage('awsflow: open an .awsflow file to preview it.');
      return undefined;
    }
    const sourceColumn = editor && editor.document.uri.toString() === target.toString() ? editor.viewColumn : undefined;
    const column = options.toSide ? vscode.ViewColumn.Beside : (sourceColumn ?? vscode.ViewColumn.Active);
    // Opened beside the editor, the preview does not take the keyboard away from it.
    const preserveFocus = options.toSide;

    if (options.locked) {
      const existing = [...this.#locked].find((preview) => preview.isPreviewOf(target));
      if (existing) {
        existing.reveal(column, preserveFocus);
        return existing;
      }
      return this.#create(target, true, column, preserveFocus, sourceColumn);
    }
    if (this.#dynamic) {
      this.#dynamic.switchTo(target, sourceColumn);
      this.#dynamic.reveal(column, preserveFocus);
      return this.#dynamic;
    }
    return this.#create(target, false, column, preserveFocus, sourceColumn);
  }

  /**
   * VS Code restores a preview after a reload (a panel at a time, as each is shown), with
   * the state its webview saved: the document and whether it was locked. The panel shows
   * that document (opened if need be; a file that is gone says so in the panel). Its
   * layout is the setting's, which a pick in the toolbar writes; its pan and zoom the
   * webview restores from the same state.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const target = restoreTarget(state, this.#dynamic !== undefined);
    let resource: vscode.Uri | undefined;
    try {
      resource = target && vscode.Uri.parse(target.resource, true);
    } catch {
      resource = undefined;
    }
    if (!target || !resource) {
      // Nothing says which document this was (a state from an older version, or none): an
      // empty panel, or a guess, would only confuse.
      panel.dispose();
      return;
    }
    this.#adopt(panel, resource, target.locked, undefined);
  }

  all(): PreviewSnapshot[] {
    return this.#all().map((preview) => this.#snapshot(preview));
  }

  active(): PreviewSnapshot | undefined {
    const preview = this.#activePreview();
    return preview ? this.#snapshot(preview) : undefined;
  }

  /** The preview of this document: its locked one if it has one, else the unlocked one if it shows it. */
  find(uri: vscode.Uri | string): Preview | undefined {
    const resource = typeof uri === 'string' ? vscode.Uri.parse(uri, true) : uri;
    return (
      [...this.#locked].find((preview) => preview.isPreviewOf(resource)) ??
      (this.#dynamic?.isPreviewOf(resource) ? this.#dynamic : undefined)
    );
  }

  lastDiagram(uri: vscode.Uri | string): DiagramResult | undefined {
    return this.find(uri)?.latest;
  }

  lastRendered(uri: vscode.Uri | string): RenderedReport | undefined {
    return this.find(uri)?.rendered;
  }

  posted(uri: vscode.Uri | string): readonly ToWebview[] {
    return this.find(uri)?.posted ?? [];
  }

  /**
   * The extension is deactivating (window reload, shutdown): stop listening, but leave the
   * panels to VS Code, which restores them through the serializer next time.
   */
  dispose(): void {
    for (const subscription of this.#subscriptions) subscription.dispose();
    for (const preview of this.#all()) preview.release();
  }

  #create(
    resource: vscode.Uri,
    locked: boolean,
    column: vscode.ViewColumn,
    preserveFocus: boolean,
    sourceColumn: vscode.ViewColumn | undefined,
  ): Preview {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(baseName(resource.path), locked),
      { viewColumn: column, preserveFocus },
      webviewOptions(this.context.extensionUri),
    );
    return this.#adopt(panel, resource, locked, sourceColumn);
  }

  #adopt(panel: vscode.WebviewPanel, resource: vscode.Uri, locked: boolean, sourceColumn: vscode.ViewColumn | undefined): Preview {
    const preview = new Preview(this.#host, panel, resource, locked, sourceColumn);
    if (locked) this.#locked.add(preview);
    else this.#dynamic = preview;
    if (panel.active) this.#active = preview;
    this.#active ??= preview;
    this.#updateFocusContext();
    return preview;
  }

  #previewable(document: vscode.TextDocument): boolean {
    return document.languageId === 'awsflow' || this.isTemplate(document.uri);
  }

  #all(): Preview[] {
    return [...(this.#dynamic ? [this.#dynamic] : []), ...this.#locked];
  }

  #of(uri: vscode.Uri): Preview[] {
    return this.#all().filter((preview) => preview.isPreviewOf(uri));
  }

  #activePreview(): Preview | undefined {
    return this.#all().find((preview) => preview.panel.active) ?? this.#active;
  }

  #snapshot(preview: Preview): PreviewSnapshot {
    return {
      uri: preview.resource.toString(),
      locked: preview.locked,
      title: preview.panel.title,
      visible: preview.panel.visible,
      active: preview.panel.active,
      viewColumn: preview.panel.viewColumn,
      layout: preview.layout,
    };
  }

  #updateFocusContext(): void {
    void vscode.commands.executeCommand(
      'setContext',
      FOCUS_CONTEXT_KEY,
      this.#all().some((preview) => preview.panel.active),
    );
  }
}
