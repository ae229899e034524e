/**
 * awsflow's own requests for the preview and the export. `awsflow/diagram`: the preview's
 * diagram of one document version — the verdict (can it be drawn, or is the file
 * momentarily broken, why and where), the typed graph, the Mermaid text written from it
 * with its outline — in LSP shapes; and `awsflow/plainMermaid`, the plain flowchart. The
 * tests and the benchmark call `diagramResult` too, so what they check is what the server sends.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import { buildDiagram, diagramVerdict, plainFlowchart, type Analysis, type DiagramOptions } from '../../core/index';
import { DiagramRequest, PlainMermaidRequest, type DiagramResult, type DiagramVerdict, type PlainMermaidResult } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { readDocumentUri } from '../params';

export function registerDiagram(context: ServerContext): ServerCapabilities {
  const { connection, analysisOf, guard } = context;

  connection.onRequest(
    DiagramRequest.type,
    guard(
      'diagram',
      async (params): Promise<DiagramResult | null> => {
        const uri = readDocumentUri(params);
        const found = await analysisOf(uri);
        if (!found) return null;
        return diagramResult(found.analysis, uri, found.document.version, { icons: params.icons === true });
      },
      null,
    ),
  );

  connection.onRequest(
    PlainMermaidRequest.type,
    guard(
      'plainMermaid',
      async (params): Promise<PlainMermaidResult | null> => {
        const uri = readDocumentUri(params);
        const found = await analysisOf(uri);
        if (!found) return null;
        return { uri, version: found.document.version, mermaid: plainFlowchart(found.analysis) };
      },
      null,
    ),
  );

  return {};
}

export function diagramResult(analysis: Analysis, uri: string, version: number, options: DiagramOptions = {}): DiagramResult {
  const diagram = buildDiagram(analysis, options);
  let errors = 0;
  let warnings = 0;
  for (const finding of analysis.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  return {
    uri,
    version,
    verdict: verdictOf(analysis),
    ...(diagram.title !== undefined ? { title: diagram.title } : {}),
    mermaid: diagram.mermaid,
    outline: diagram.outline.map((statement) =>
      statement.kind === 'class' ? { ...statement, members: [...statement.members] } : { ...statement },
    ),
    nodes: diagram.nodes.map((node) => ({
      id: node.id,
      resourceId: node.resourceId,
      type: node.type,
      typeName: node.typeName,
      label: node.label,
      range: toRange(analysis, node),
      group: node.group,
      deadLetter: node.deadLetter,
      icon: node.icon,
      severity: node.severity,
      messages: [...node.messages],
      findings: { ...node.findings },
    })),
    edges: diagram.edges.map((edge) => ({
      key: edge.key,
      from: edge.from,
      to: edge.to,
      style: edge.style,
      kind: edge.kind,
      label: edge.label,
      rate: edge.rate,
      derivedRate: edge.derivedRate,
      range: toRange(analysis, edge),
      severity: edge.severity,
      messages: [...edge.messages],
      findings: { ...edge.findings },
    })),
    groups: diagram.groups.map((group) => ({ id: group.id, label: group.label, members: [...group.members] })),
    errors,
    warnings,
  };
}

function verdictOf(analysis: Analysis): DiagramVerdict {
  const verdict = diagramVerdict(analysis);
  if (verdict.kind === 'drawable') return { kind: 'drawable' };
  return { kind: 'broken', reason: verdict.reason, range: toRange(analysis, verdict), ruleId: verdict.ruleId, more: verdict.more };
}
