/**
 * The VS Code theme, as the webview sees it: a class on <body> (`vscode-light`,
 * `vscode-dark`, `vscode-high-contrast`, `vscode-high-contrast-light`) and `--vscode-*`
 * CSS variables on <html>. VS Code changes both when the user switches themes.
 */
import type { MermaidTheme } from './renderer';

export interface ThemeInfo {
  readonly mermaidTheme: MermaidTheme;
  readonly fontFamily: string;
  /** The editor background, for exports (a PNG has no page behind it). */
  readonly background: string;
}

const FALLBACK_FONT = "system-ui, -apple-system, 'Segoe UI', Ubuntu, sans-serif";

export function currentTheme(): ThemeInfo {
  const classes = document.body.classList;
  // High-contrast light carries `vscode-high-contrast-light` (not `vscode-high-contrast`) in current VS Code; check it first anyway.
  const dark =
    !classes.contains('vscode-high-contrast-light') && (classes.contains('vscode-dark') || classes.contains('vscode-high-contrast'));
  const style = getComputedStyle(document.documentElement);
  const font = style.getPropertyValue('--vscode-font-family').trim();
  const background = style.getPropertyValue('--vscode-editor-background').trim();
  return {
    mermaidTheme: dark ? 'dark' : 'default',
    fontFamily: font || FALLBACK_FONT,
    background: background || (dark ? '#1e1e1e' : '#ffffff'),
  };
}

/**
 * Calls back when the theme changes: the body's theme class (not other classes), or the
 * colours and font on <html> (another theme of the same kind).
 */
export function watchTheme(onChange: () => void): MutationObserver {
  let last = themeKey();
  const observer = new MutationObserver(() => {
    const key = themeKey();
    if (key === last) return;
    last = key;
    onChange();
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return observer;
}

function themeKey(): string {
  const { fontFamily, background } = currentTheme();
  return [...[...document.body.classList].filter((name) => name.startsWith('vscode-')).sort(), background, fontFamily].join(' ');
}
