/**
 * One preview panel: the architecture of one document, drawn by the webview app from
 * the server's `awsflow/diagram` result. Follows the Markdown preview: the page is set
 * once (again only when an unlocked preview switches document), everything after that
 * goes by `postMessage`; the first update runs at once and later ones after a pause in
 * typing; each result is checked against the document's version before and after the
 * request, and stale ones are dropped; a momentarily broken file keeps the last good
 * diagram, dimmed, with the reason, and so does a language server that is down (crashed
 * and restarting, or stopped): nothing is drawn as current until it answers again.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { DiagramRequest, PlainMermaidRequest, type DiagramResult } from '../../protocol/lsp';
import { parseFromWebview, type FromWebview, type Layout, type ToWebview } from '../../protocol/webview';
import { previewLayoutSetting, writePreviewLayoutSetting } from '../config';
import type { LanguageServer } from '../language-server';
import type { ServerState } from '../server-state';
import { exportBytes, exportFileName, revealCommand } from './export-file';
import { buildPreviewHtml, createNonce } from './html';
import { baseName, missingFileReason, previewTitle } from './preview-state';
import { decidePresentation, serverDownReason } from './presentation';
import { resourceAt } from './resource-at';
import { Debouncer, Throttle } from './scheduling';

export const PREVIEW_VIEW_TYPE = 'awsflow.preview';

/**
 * Edits: redraw once typing has paused this long (Debouncer.afterPause). A redraw blocks
 * the editor's page while mermaid lays the diagram out, so a pause between two words
 * should not set one off; half a second is a stop, not a breath.
 */
const UPDATE_DELAY = 500;
/** Other reasons to update (the server is back, a rename) run at once, then at least this often. */
const UPDATE_MAX_WAIT = 1000;
const CURSOR_THROTTLE = 100;
/**
 * Stylesheets the webview build may put beside preview.js; linked when present. The
 * codicon font's needs that id: @vscode-elements/elements looks the stylesheet up by it.
 */
const STYLESHEETS: readonly { file: string; id?: string }[] = [
  { file: 'codicon.css', id: 'vscode-codicon-stylesheet' },
  { file: 'preview.css' },
];
/** Messages kept for the test API. */
const KEPT_MESSAGES = 100;

/** What the webview reported after drawing (see FromWebview `rendered`). */
export type RenderedReport = Extract<FromWebview, { type: 'rendered' }>;

export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  readonly server: LanguageServer;
  readonly output: vscode.LogOutputChannel;
  /** The panel became active or inactive (for the focus context key and the API). */
  activeChanged(preview: Preview, active: boolean): void;
  /** The panel was closed. */
  disposed(preview: Preview): void;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableForms: false,
    // The page is re-created from `html` when shown again; the webview keeps pan and zoom in its state.
    retainContextWhenHidden: false,
    localResourceRoots: [webviewRoot(extensionUri)],
  };
}

function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export class Preview implements vscode.Disposable {
  #resource: vscode.Uri;
  /** The editor column the document was shown in when the preview opened (where clicks reveal it). */
  #sourceColumn: vscode.ViewColumn | undefined;
  /** The server's latest diagram for the current text: its ranges drive cursor sync and reveal. */
  #latest: DiagramResult | undefined;
  /** The diagram last sent to be drawn (the last good one), with the layout it was drawn in. */
  #shown: { diagram: DiagramResult; layout: Layout } | undefined;
  /** The reason the shown diagram is stale, if it is. */
  #stale: { version: number; reason: string } | undefined;
  #highlight: string | null = null;
  /**
   * The layout just picked in the toolbar, while the setting is being written (a render
   * sent meanwhile must not carry the old one), and for this preview if it cannot be.
   */
  #pickedLayout: Layout | undefined;
  /** The document version last asked of the server. */
  #requestedVersion: number | undefined;
  /** Increases with every update and switch: a result whose number is not the latest is dropped. */
  #generation = 0;
  /** The webview has said `ready` since its page was last (re)loaded: messages reach it. */
  #ready = false;
  #rendered: RenderedReport | undefined;
  #renderWaiters: { minVersion: number; resolve: (report: RenderedReport) => void }[] = [];
  readonly #posted: ToWebview[] = [];
  readonly #updates: Debouncer;
  readonly #cursor: Throttle;
  #cursorEditor: vscode.TextEditor | undefined;
  readonly #subscriptions: vscode.Disposable[] = [];
  #disposed = false;

  constructor(
    private readonly host: PreviewHost,
    readonly panel: vscode.WebviewPanel,
    resource: vscode.Uri,
    readonly locked: boolean,
    sourceColumn: vscode.ViewColumn | undefined,
  ) {
    this.#resource = resource;
    this.#sourceColumn = sourceColumn;
    this.#updates = new Debouncer(() => void this.#update(), UPDATE_DELAY, UPDATE_MAX_WAIT);
    this.#cursor = new Throttle(() => this.#syncCursor(), CURSOR_THROTTLE);
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = {
      light: vscode.Uri.joinPath(host.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(host.extensionUri, 'media', 'preview-dark.svg'),
    };
    this.#subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden webview is torn down (no retainContextWhenHidden); it says `ready` again when shown.
        if (!webviewPanel.visible) this.#ready = false;
        host.activeChanged(this, webviewPanel.active);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.#loadPage();
    this.#updates.trigger();
  }

  get resource(): vscode.Uri {
    return this.#resource;
  }

  get latest(): DiagramResult | undefined {
    return this.#latest;
  }

  get rendered(): RenderedReport | undefined {
    return this.#rendered;
  }

  get posted(): readonly ToWebview[] {
    return this.#posted;
  }

  get layout(): Layout {
    return this.#pickedLayout ?? previewLayoutSetting(this.#resource);
  }

  isPreviewOf(resource: vscode.Uri): boolean {
    return this.#resource.toString() === resource.toString();
  }

  /** Resolves when the webview reports a drawing of at least this document version. */
  whenRendered(minVersion = 0): Promise<RenderedReport> {
    if (this.#rendered && this.#rendered.version >= minVersion) return Promise.resolve(this.#rendered);
    return new Promise((resolve) => this.#renderWaiters.push({ minVersion, resolve }));
  }

  /** An unlocked preview follows the active editor: show another document. */
  switchTo(resource: vscode.Uri, sourceColumn: vscode.ViewColumn | undefined): void {
    if (this.isPreviewOf(resource)) return;
    this.#resource = resource;
    this.#sourceColumn = sourceColumn ?? this.#sourceColumn;
    this.#generation++;
    this.#latest = undefined;
    this.#shown = undefined;
    this.#stale = undefined;
    this.#highlight = null;
    this.#requestedVersion = undefined;
    this.#rendered = undefined;
    this.#loadPage();
    this.#updates.flush();
  }

  /** The file was renamed or moved: same content, new name. */
  renamed(resource: vscode.Uri): void {
    this.#resource = resource;
    // The page carries the document's URI, which its webview keeps for a restore after a reload: set it anew.
    this.#loadPage();
    this.#requestedVersion = undefined;
    this.#updates.trigger();
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** An edit: only timers here, nothing else runs per keystroke (see UPDATE_DELAY). */
  documentChanged(): void {
    this.#updates.afterPause();
  }

  /**
   * The language server's state changed. Once it runs (first start, or again after a
   * crash or the restart command), ask afresh: a restarted server has re-read the
   * documents, and an edit made while it was down has not been asked about. While it is
   * down, what is drawn is marked as possibly out of date at once, not at the next edit.
   */
  serverStateChanged(state: ServerState): void {
    if (this.#disposed) return;
    if (state.kind === 'running') {
      this.#requestedVersion = undefined;
      this.#updates.trigger();
      return;
    }
    this.#serverUnavailable(this.#currentVersion());
  }

  layoutSettingChanged(): void {
    // The setting now says what to draw with (a pick, once written, is in it too).
    this.#pickedLayout = undefined;
    this.#present();
  }

  cursorMoved(editor: vscode.TextEditor): void {
    if (!this.isPreviewOf(editor.document.uri)) return;
    this.#cursorEditor = editor;
    this.#sourceColumn = editor.viewColumn ?? this.#sourceColumn;
    this.#cursor.trigger();
  }

  /** A message from the webview (or from the test API, which goes through the same checks). */
  async receive(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message || this.#disposed) return;
    try {
      switch (message.type) {
        case 'ready':
          this.#ready = true;
          this.#replay();
          return;
        case 'revealResource':
          await this.#revealResource(message.resourceId);
          return;
        case 'setLayout':
          await this.#pickLayout(message.layout);
          return;
        case 'export':
          await this.#export(message.format, message.data);
          return;
        case 'copySource':
          await this.#copyMermaid();
          return;
        case 'rendered':
          this.#rendered = message;
          this.#renderWaiters = this.#renderWaiters.filter((waiter) => {
            if (message.version < waiter.minVersion) return true;
            waiter.resolve(message);
            return false;
          });
          return;
        case 'renderError':
          this.host.output.warn(
            `Preview of ${this.#resource.toString(true)}: version ${message.version} could not be drawn: ${message.message}`,
          );
          return;
        default:
          assertNever(message);
      }
    } catch (error) {
      this.host.output.error(`Preview: handling '${message.type}' failed: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`awsflow preview: ${errorText(error)}`);
    }
  }

  /** The panel was closed (or the preview is closed by us). */
  dispose(): void {
    if (this.#disposed) return;
    this.release();
    this.panel.dispose();
    this.host.disposed(this);
  }

  /** Stop all work but leave the panel open (the extension is deactivating; VS Code restores the panel later). */
  release(): void {
    this.#disposed = true;
    this.#generation++;
    this.#updates.dispose();
    this.#cursor.dispose();
    for (const subscription of this.#subscriptions) subscription.dispose();
  }

  /** Sets the page: once per panel and document. */
  #loadPage(): void {
    const webview = this.panel.webview;
    const root = webviewRoot(this.host.extensionUri);
    const title = previewTitle(baseName(this.#resource.path), this.locked);
    this.#ready = false;
    this.panel.title = title;
    webview.html = buildPreviewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.js')).toString(),
      styles: STYLESHEETS.filter((style) => existsSync(vscode.Uri.joinPath(root, style.file).fsPath)).map((style) => ({
        uri: webview.asWebviewUri(vscode.Uri.joinPath(root, style.file)).toString(),
        id: style.id,
      })),
      title,
      resource: this.#resource.toString(),
      locked: this.locked,
      layout: this.layout,
    });
  }

  async #update(): Promise<void> {
    const resource = this.#resource;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(resource);
    } catch (error) {
      const reason = (await exists(resource)) ? `Cannot open ${baseName(resource.path)}: ${errorText(error)}` : missingFileReason(resource);
      if (!this.#disposed && this.isPreviewOf(resource)) this.#markStale(this.#shown?.diagram.version ?? 0, reason);
      return;
    }
    if (this.#disposed || !this.isPreviewOf(resource)) return;
    const version = document.version;
    // Asked already (answered, or in flight: that answer will do).
    if (version === this.#requestedVersion) return;
    if (!this.host.server.running) {
      this.#serverUnavailable(version);
      return;
    }
    const generation = ++this.#generation;
    this.#requestedVersion = version;
    let diagram: DiagramResult | null;
    try {
      diagram = await this.host.server.client.sendRequest(DiagramRequest.type, { textDocument: { uri: resource.toString() }, icons: true });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#requestedVersion = undefined;
      if (!this.host.server.running) {
        // It stopped meanwhile (a crash being restarted, or the restart command).
        this.#serverUnavailable(version);
        return;
      }
      this.host.output.warn(`Preview: awsflow/diagram for ${resource.toString(true)} failed: ${errorText(error)}`);
      this.#markStale(version, 'The language server could not draw this file (see the output).');
      return;
    }
    // Another update or a switch happened meanwhile, or the text moved on: a newer update follows.
    if (generation !== this.#generation || this.#disposed || document.version !== version) return;
    if (!diagram) {
      this.#requestedVersion = undefined;
      this.#markStale(version, 'The language server has not read this file yet.');
      return;
    }
    if (diagram.version !== version) {
      this.host.output.debug(`Preview: dropped a diagram of version ${diagram.version}; the document is at ${version}.`);
      this.#requestedVersion = undefined;
      return;
    }
    this.#latest = diagram;
    this.#present();
    this.#syncCursor();
  }

  /** Draw the latest diagram, or dim the last good one if the file is momentarily broken (the diagram's verdict says). */
  #present(): void {
    const diagram = this.#latest;
    if (!diagram || this.#disposed) return;
    // While the server is down the preview stays marked stale (serverStateChanged); it
    // draws again from the fresh answer asked for once the server runs.
    if (!this.host.server.running) return;
    const decision = decidePresentation(diagram);
    if (decision.kind === 'stale') {
      this.#markStale(diagram.version, decision.reason);
      return;
    }
    const layout = this.layout;
    if (this.#shown?.diagram === diagram && this.#shown.layout === layout && !this.#stale) return;
    this.#shown = { diagram, layout };
    this.#stale = undefined;
    this.#post({ type: 'render', version: diagram.version, diagram, layout });
  }

  /**
   * No server to ask: say why what is drawn may be out of date (serverDownReason). The
   * question is asked again when the server runs (serverStateChanged).
   */
  #serverUnavailable(version: number): void {
    const reason = serverDownReason(this.host.server.state, this.#shown !== undefined);
    if (reason) this.#markStale(version, reason);
  }

  /** The document's version now, if it is open, else that of the diagram shown (a stale message must not be older than the drawing). */
  #currentVersion(): number {
    const document = vscode.workspace.textDocuments.find((candidate) => this.isPreviewOf(candidate.uri));
    return Math.max(document?.version ?? 0, this.#shown?.diagram.version ?? 0);
  }

  #markStale(version: number, reason: string): void {
    if (this.#stale?.version === version && this.#stale.reason === reason) return;
    this.#stale = { version, reason };
    this.#post({ type: 'stale', version, reason });
  }

  #syncCursor(): void {
    const editor = this.#cursorEditor;
    const diagram = this.#latest;
    if (!editor || !diagram || this.#disposed || !this.isPreviewOf(editor.document.uri)) return;
    const document = editor.document;
    const resourceId = resourceAt(diagram, editor.selection.active, (line) =>
      line < document.lineCount ? document.lineAt(line).text : undefined,
    );
    if (resourceId === this.#highlight) return;
    this.#highlight = resourceId;
    this.#post({ type: 'highlight', resourceId });
  }

  /** A fresh page knows nothing: send what it should show. */
  #replay(): void {
    if (this.#shown)
      this.#post({ type: 'render', version: this.#shown.diagram.version, diagram: this.#shown.diagram, layout: this.#shown.layout });
    if (this.#stale) this.#post({ type: 'stale', ...this.#stale });
    if (this.#highlight !== null) this.#post({ type: 'highlight', resourceId: this.#highlight });
    // Nothing drawn yet and nothing asked: ask now (e.g. a restored preview).
    if (!this.#shown && !this.#stale) this.#updates.trigger();
  }

  #post(message: ToWebview): void {
    this.#posted.push(message);
    if (this.#posted.length > KEPT_MESSAGES) this.#posted.splice(0, this.#posted.length - KEPT_MESSAGES);
    // Before `ready` the page cannot listen yet; `#replay` sends the state when it can.
    if (this.#ready) void this.panel.webview.postMessage(message);
  }

  /** The user picked a layout in the toolbar: it becomes the workspace's `awsflow.preview.layout`. */
  async #pickLayout(layout: Layout): Promise<void> {
    this.#pickedLayout = layout;
    this.#present();
    try {
      await writePreviewLayoutSetting(this.#resource, layout);
      if (previewLayoutSetting(this.#resource) === layout) this.#pickedLayout = undefined;
    } catch (error) {
      this.host.output.warn(`Could not write awsflow.preview.layout: ${errorText(error)}`);
      void vscode.window.showWarningMessage(
        `awsflow: the ${layout} layout applies to this preview only; it could not be saved in the settings (${errorText(error)}).`,
      );
    }
  }

  async #revealResource(resourceId: string): Promise<void> {
    // The latest answer has ranges for the current text; a diagram shown while the file is broken may be older.
    const node =
      this.#latest?.nodes.find((candidate) => candidate.resourceId === resourceId) ??
      this.#shown?.diagram.nodes.find((candidate) => candidate.resourceId === resourceId);
    if (!node) return;
    const document = await vscode.workspace.openTextDocument(this.#resource);
    const range = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
    const visible = vscode.window.visibleTextEditors.find(
      (editor) => editor.document === document && editor.viewColumn !== undefined && editor.viewColumn !== this.panel.viewColumn,
    );
    const column =
      visible?.viewColumn ??
      this.#sourceColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async #export(format: 'svg' | 'png', data: string): Promise<void> {
    const bytes = exportBytes(format, data);
    const name = exportFileName(baseName(this.#resource.path), format);
    const folder =
      this.#resource.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(this.#resource, '..');
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      saveLabel: 'Export',
      title: `Export the diagram as ${format.toUpperCase()}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    // Not awaited: the notification stays until the user acts or dismisses it.
    void this.#announceExport(target);
  }

  /** "Exported to <path>", with actions to open the file and to reveal it (where it can be). */
  async #announceExport(target: vscode.Uri): Promise<void> {
    const reveal = revealCommand({
      desktop: vscode.env.uiKind === vscode.UIKind.Desktop,
      remote: vscode.env.remoteName !== undefined,
      scheme: target.scheme,
      inWorkspace: vscode.workspace.getWorkspaceFolder(target) !== undefined,
    });
    const actions = reveal ? ['Open', 'Reveal'] : ['Open'];
    try {
      const choice = await vscode.window.showInformationMessage(`Exported to ${vscode.workspace.asRelativePath(target, true)}`, ...actions);
      if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', target);
      else if (choice === 'Reveal' && reveal) await vscode.commands.executeCommand(reveal, target);
    } catch (error) {
      this.host.output.warn(`Preview: could not show the exported ${target.toString(true)}: ${errorText(error)}`);
    }
  }

  /**
   * Copy Mermaid: the user picks the plain flowchart (standard syntax, which GitHub and
   * Mermaid Live draw as is; made by the server from the current text) or the text as
   * drawn here (icon nodes, which need the logos icon pack registered).
   */
  async #copyMermaid(): Promise<void> {
    const shown = this.#shown;
    if (!shown) return;
    const items: (vscode.QuickPickItem & { flavour: 'plain' | 'drawn' })[] = [
      {
        label: 'Plain flowchart',
        description: 'for GitHub, Mermaid Live, any Mermaid',
        detail: 'Standard flowchart syntax: a shape per type, no icons, no HTML.',
        flavour: 'plain',
      },
      {
        label: 'As drawn, with AWS icons',
        description: 'for Mermaid with the logos icon pack',
        detail: "The preview's own text: icon nodes and finding marks.",
        flavour: 'drawn',
      },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Copy Mermaid', placeHolder: 'Which Mermaid text to copy?' });
    if (!picked || this.#disposed) return;
    let text = shown.diagram.mermaid;
    if (picked.flavour === 'plain') {
      const plain = await this.host.server.client.sendRequest(PlainMermaidRequest.type, {
        textDocument: { uri: this.#resource.toString() },
      });
      if (!plain) throw new Error('the language server has not read this file yet.');
      text = plain.mermaid;
    }
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(
      picked.flavour === 'plain' ? 'awsflow: plain Mermaid flowchart copied' : 'awsflow: Mermaid source copied',
      3000,
    );
  }
}

/** False only when the file system says there is no such file (an untitled document always "exists"). */
async function exists(resource: vscode.Uri): Promise<boolean> {
  if (resource.scheme === 'untitled') return true;
  try {
    await vscode.workspace.fs.stat(resource);
    return true;
  } catch (error) {
    return !(error instanceof vscode.FileSystemError && error.code === 'FileNotFound');
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function assertNever(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}
