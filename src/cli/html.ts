import { escapeControlCharacters, type Diagram } from '../core/index';

/**
 * A self-contained page: the Mermaid source, mermaid itself inline, no network.
 * `securityLevel: 'strict'`; the source is placed as text, never as HTML.
 */
export function diagramHtml(diagram: Diagram, title: string, mermaidScript: string): string {
  // The title comes from the file (its name: or its file name): no control character reaches the page.
  const escapeHtml = (text: string) => escapeControlCharacters(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // Inside a <script> element, only "</script" and "<!--" can end or confuse it.
  const safeScript = mermaidScript.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  const source = JSON.stringify(diagram.mermaid).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;background:#fff;color:#222}h1{font-size:1.2rem}#diagram{overflow:auto}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div id="diagram"></div>
<script>${safeScript}</script>
<script>
(async () => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: true } });
  const { svg } = await mermaid.render('awsflow-diagram', ${source});
  document.getElementById('diagram').innerHTML = svg;
})().catch((error) => { document.getElementById('diagram').textContent = 'Could not draw the diagram: ' + error.message; });
</script>
</body>
</html>
`;
}
