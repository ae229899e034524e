/**
 * What a preview needs to come back after a reload, and its title. The state comes back
 * from the webview (`vscode.setState`, see src/protocol/preview-page.ts), so it is
 * untrusted and checked. vscode-free, so it is unit-tested.
 */
import { parsePreviewRestoreState, type PreviewRestoreState } from '../../protocol/preview-page';

export type RestorablePreview = PreviewRestoreState;

/** The preview to restore from a webview's saved state, or undefined if the state does not say which document. */
export function parsePreviewState(state: unknown): RestorablePreview | undefined {
  return parsePreviewRestoreState(state);
}

/**
 * What a panel VS Code hands back after a reload becomes: a preview of the document its
 * own state names, never of another (panels come back one at a time, in no set order).
 * An unlocked preview restored while another already follows the editor is restored
 * locked, so that only one follows it. Undefined: the state does not say (dispose the panel).
 */
export function restoreTarget(state: unknown, unlockedTaken: boolean): { resource: string; locked: boolean } | undefined {
  const saved = parsePreviewState(state);
  return saved && { resource: saved.resource, locked: saved.locked || unlockedTaken };
}

/** `Preview fanout.awsflow`; a locked preview says so, as the Markdown preview does. */
export function previewTitle(fileName: string, locked: boolean): string {
  return locked ? `[Locked] Preview ${fileName}` : `Preview ${fileName}`;
}

/** The last path segment of a URI's path (decoded), for titles and file names. */
export function baseName(path: string): string {
  const segment =
    path
      .split('/')
      .filter((part) => part !== '')
      .pop() ?? path;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * What a preview of a file that is gone says (a preview restored after the file was
 * deleted or moved outside VS Code): the name and where it was, and what to do.
 */
export function missingFileReason(resource: { scheme: string; path: string }): string {
  const where = resource.scheme === 'file' ? resource.path : `${resource.scheme}:${resource.path}`;
  return `${baseName(resource.path)} no longer exists (${where}). Restore the file, or close this preview.`;
}
