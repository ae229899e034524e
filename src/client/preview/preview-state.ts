/**
 * What a preview needs to come back after a reload, and its title. The state comes back
 * from the webview (`vscode.setState`), so it is untrusted and checked here.
 * vscode-free, so it is unit-tested.
 */
export interface RestorablePreview {
  resource: string;
  locked: boolean;
}

/** The preview to restore from a webview's saved state, or undefined if the state is not ours. */
export function parsePreviewState(state: unknown): RestorablePreview | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { resource, locked } = state as Record<string, unknown>;
  if (typeof resource !== 'string' || resource.length > 8192) return undefined;
  // A URI with a scheme: `file:///…`, `untitled:Untitled-1`, `vscode-vfs://…`.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(resource)) return undefined;
  return { resource, locked: locked === true };
}

/** `Preview fanout.awsflow`; a locked preview says so, as the Markdown preview does. */
export function previewTitle(fileName: string, locked: boolean): string {
  return locked ? `[Locked] Preview ${fileName}` : `Preview ${fileName}`;
}

/** The last path segment of a URI's path (decoded), for titles and file names. */
export function baseName(path: string): string {
  const segment = path.split('/').filter((part) => part !== '').pop() ?? path;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
