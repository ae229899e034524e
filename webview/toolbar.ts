/**
 * The toolbar, from @vscode-elements/elements (the successor of the archived webview UI
 * toolkit), so buttons and selects look like VS Code's own and follow its theme. Text
 * labels, no codicons: the icon font would be one more file to load.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { Layout } from '../src/protocol/webview';

export interface ToolbarActions {
  fit(): void;
  zoom(factor: number): void;
  setLayout(layout: Layout): void;
  exportSvg(): void;
  exportPng(): void;
  copySource(): void;
  /** Show or hide the critical path (the slowest path from an entry point). */
  showCriticalPath(on: boolean): void;
}

export interface Toolbar {
  showLayout(layout: Layout): void;
  /** Actions on the drawing wait until there is one. */
  setDrawn(drawn: boolean): void;
  /** The drawn diagram's critical path, as a line to read; undefined when it has none (the button is off). */
  setCriticalPath(text: string | undefined): void;
}

export function buildToolbar(host: HTMLElement, actions: ToolbarActions): Toolbar {
  const drawingButtons: HTMLElement[] = [];
  const button = (text: string, title: string, action: string, run: () => void, needsDrawing = true) => {
    const element = document.createElement('vscode-button');
    element.setAttribute('secondary', '');
    element.textContent = text;
    element.title = title;
    element.setAttribute('aria-label', title);
    element.dataset['action'] = action;
    element.addEventListener('click', () => {
      if (!element.hasAttribute('disabled')) run();
    });
    if (needsDrawing) drawingButtons.push(element);
    return element;
  };
  const layout = document.createElement('vscode-single-select') as VscodeSingleSelect;
  layout.setAttribute('aria-label', 'Layout');
  layout.title = 'Layout engine';
  layout.dataset['action'] = 'layout';
  for (const [value, text] of [
    ['dagre', 'Layout: dagre'],
    ['elk', 'Layout: ELK'],
  ] as const) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', value);
    option.textContent = text;
    layout.append(option);
  }
  layout.addEventListener('change', () => {
    if (layout.value === 'dagre' || layout.value === 'elk') actions.setLayout(layout.value);
  });
  const separator = () => Object.assign(document.createElement('span'), { className: 'separator' });
  // A toggle: pressed, the slowest path's edges stand out and the others fade.
  const criticalTitle = 'Show the critical path: the slowest path from an entry point, by its worst-case latency';
  let criticalPathText: string | undefined;
  const critical = button('Critical path', criticalTitle, 'critical-path', () => {
    const on = critical.getAttribute('aria-pressed') !== 'true';
    critical.setAttribute('aria-pressed', String(on));
    critical.toggleAttribute('secondary', !on);
    actions.showCriticalPath(on);
  });
  critical.setAttribute('aria-pressed', 'false');
  host.append(
    button('Fit', 'Fit the diagram to the view', 'fit', () => actions.fit()),
    button('−', 'Zoom out', 'zoom-out', () => actions.zoom(1 / 1.25)),
    button('+', 'Zoom in', 'zoom-in', () => actions.zoom(1.25)),
    separator(),
    layout,
    separator(),
    critical,
    separator(),
    button('Export SVG', 'Save the diagram as SVG', 'export-svg', () => actions.exportSvg()),
    button('Export PNG', 'Save the diagram as PNG', 'export-png', () => actions.exportPng()),
    button('Copy Mermaid', 'Copy the Mermaid source to the clipboard', 'copy-source', () => actions.copySource(), false),
  );
  return {
    showLayout(value) {
      if (layout.value !== value) layout.value = value;
    },
    setDrawn(drawn) {
      for (const element of drawingButtons) element.toggleAttribute('disabled', !drawn);
      if (drawn && criticalPathText === undefined) critical.toggleAttribute('disabled', true);
    },
    setCriticalPath(text) {
      criticalPathText = text;
      critical.toggleAttribute('disabled', text === undefined);
      const title = text === undefined ? 'No critical path: no path from an entry point can be estimated' : `${criticalTitle}. ${text}`;
      critical.title = title;
      critical.setAttribute('aria-label', title);
    },
  };
}
