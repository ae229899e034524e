/**
 * awsflow's own requests for the preview and the export: the diagram (Mermaid text with
 * its nodes and edges, their ranges and findings) and the plain flowchart. Moved here
 * verbatim from server.ts; the diagram's result is being reworked separately.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import { buildDiagram, plainFlowchart } from '../../core/index';
import { DiagramRequest, PlainMermaidRequest, type DiagramResult, type PlainMermaidResult } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { readDocumentUri } from '../params';

export function registerDiagram(context: ServerContext): ServerCapabilities {
  const { connection, analysisOf, guard } = context;

  connection.onRequest(DiagramRequest.type, guard('diagram', async (params): Promise<DiagramResult | null> => {
    const uri = readDocumentUri(params);
    const found = await analysisOf(uri);
    if (!found) return null;
    const { analysis, document } = found;
    const diagram = buildDiagram(analysis, { icons: params.icons === true });
    return {
      uri,
      version: document.version,
      ...(diagram.title !== undefined ? { title: diagram.title } : {}),
      mermaid: diagram.mermaid,
      nodes: diagram.nodes.map((node) => ({ id: node.id, resourceId: node.resourceId, type: node.type, typeName: node.typeName, label: node.label, range: toRange(analysis, node), severity: node.severity, messages: [...node.messages] })),
      edges: diagram.edges.map((edge) => ({ from: edge.from, to: edge.to, style: edge.style, label: edge.label, range: toRange(analysis, edge), severity: edge.severity, messages: [...edge.messages] })),
      errors: analysis.findings.filter((f) => f.severity === 'error').length,
      warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
    };
  }, null));

  connection.onRequest(PlainMermaidRequest.type, guard('plainMermaid', async (params): Promise<PlainMermaidResult | null> => {
    const uri = readDocumentUri(params);
    const found = await analysisOf(uri);
    if (!found) return null;
    return { uri, version: found.document.version, mermaid: plainFlowchart(found.analysis) };
  }, null));

  return {};
}
