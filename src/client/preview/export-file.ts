/**
 * The bytes to write for an export the webview produced (SVG text or a PNG data URL),
 * checked so that whatever the webview sends, only an SVG or a PNG lands on disk.
 * vscode-free, so it is unit-tested.
 */
const PNG_PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function exportBytes(format: 'svg' | 'png', data: string): Uint8Array {
  if (format === 'svg') {
    if (!/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/.test(data))
      throw new Error('The preview sent an export that is not an SVG document.');
    return new TextEncoder().encode(data);
  }
  if (!data.startsWith(PNG_PREFIX)) throw new Error('The preview sent an export that is not a PNG data URL.');
  const base64 = data.slice(PNG_PREFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('The PNG export is not valid base64.');
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new Error('The preview sent an export that is not a PNG image.');
  return bytes;
}

/** `fanout.awsflow` → `fanout.svg`. */
export function exportFileName(documentName: string, format: 'svg' | 'png'): string {
  const stem = documentName.replace(/\.awsflow$/i, '') || 'diagram';
  return `${stem}.${format}`;
}

/** Where the exported file can be revealed. */
export interface RevealContext {
  /** VS Code runs as a desktop application (not in a browser: code-server, vscode.dev). */
  readonly desktop: boolean;
  /** The window is connected to a remote (SSH, a container, WSL): the OS at hand is not the file's. */
  readonly remote: boolean;
  readonly scheme: string;
  /** The file lies inside one of the workspace folders (so the Explorer view shows it). */
  readonly inWorkspace: boolean;
}

/**
 * The command behind the notification's "Reveal": the operating system's file manager when
 * the file is on this desktop's disk, else VS Code's Explorer view when the file is in the
 * workspace, else none (nothing would show it: the action is left out rather than failing).
 */
export function revealCommand(context: RevealContext): 'revealFileInOS' | 'revealInExplorer' | undefined {
  if (context.desktop && !context.remote && context.scheme === 'file') return 'revealFileInOS';
  return context.inWorkspace ? 'revealInExplorer' : undefined;
}
