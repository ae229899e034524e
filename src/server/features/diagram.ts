/**
 * awsflow's own requests for the preview and the export. `awsflow/diagram`: the preview's
 * diagram of one document version — the verdict (can it be drawn, or is the file
 * momentarily broken, why and where), the typed graph, the Mermaid text written from it
 * with its outline — in LSP shapes; and `awsflow/plainMermaid`, the plain flowchart. The
 * tests and the benchmark call `diagramResult` too, so what they check is what the server sends.
 */
import type { Range, ServerCapabilities } from 'vscode-languageserver';
import {
  buildDiagram,
  diagramVerdict,
  plainFlowchart,
  TemplateLocator,
  type Analysis,
  type DiagramOptions,
  type Finding,
  type OffsetRange,
  type SourceMap,
} from '../../core/index';
import { DiagramRequest, PlainMermaidRequest, type DiagramResult, type DiagramVerdict, type PlainMermaidResult } from '../../protocol/lsp';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { readDocumentUri } from '../params';
import type { TemplateDocument } from '../templates';

/**
 * Where the diagram's ranges point. For an `.awsflow` file, at its own text; for a
 * template, at the template: a node at its logical id, an edge at what states the flow
 * (the event source, the subscription, the redrive policy…).
 */
export interface DiagramPlacement {
  node(node: { resourceId: string } & OffsetRange): Range;
  /** An edge's range, or the range of the finding that makes the file undrawable. */
  other(range: OffsetRange): Range;
  /** Error and warning counts, as the Problems panel has them. */
  findings: readonly Finding[];
}

export function registerDiagram(context: ServerContext): ServerCapabilities {
  const { connection, analysisOf, templateOf, guard } = context;

  connection.onRequest(
    DiagramRequest.type,
    guard(
      'diagram',
      async (params): Promise<DiagramResult | null> => {
        const uri = readDocumentUri(params);
        const options = { icons: params.icons === true };
        const template = await templateOf(uri);
        if (template) {
          const checked = template.result.template;
          return checked ? templateDiagramResult(checked, uri, template.document.version, options) : null;
        }
        const found = await analysisOf(uri);
        if (!found) return null;
        return diagramResult(found.analysis, uri, found.document.version, options);
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
        const template = await templateOf(uri);
        if (template) {
          const checked = template.result.template?.check;
          return checked?.kind === 'checked'
            ? { uri, version: template.document.version, mermaid: plainFlowchart(checked.imported.analysis) }
            : null;
        }
        const found = await analysisOf(uri);
        if (!found) return null;
        return { uri, version: found.document.version, mermaid: plainFlowchart(found.analysis) };
      },
      null,
    ),
  );

  return {};
}

export function diagramResult(
  analysis: Analysis,
  uri: string,
  version: number,
  options: DiagramOptions = {},
  placement: DiagramPlacement = {
    node: (node) => toRange(analysis, node),
    other: (range) => toRange(analysis, range),
    findings: analysis.findings,
  },
): DiagramResult {
  const diagram = buildDiagram(analysis, options);
  let errors = 0;
  let warnings = 0;
  for (const finding of placement.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  return {
    uri,
    version,
    verdict: verdictOf(analysis, placement),
    ...(diagram.title !== undefined ? { title: diagram.title } : {}),
    ...(diagram.criticalPath ? { criticalPath: { ...diagram.criticalPath, edges: [...diagram.criticalPath.edges] } } : {}),
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
      range: placement.node(node),
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
      range: placement.other(edge),
      severity: edge.severity,
      messages: [...edge.messages],
      findings: { ...edge.findings },
    })),
    groups: diagram.groups.map((group) => ({ id: group.id, label: group.label, members: [...group.members] })),
    errors,
    warnings,
  };
}

function verdictOf(analysis: Analysis, placement: DiagramPlacement): DiagramVerdict {
  const verdict = diagramVerdict(analysis);
  if (verdict.kind === 'drawable') return { kind: 'drawable' };
  return { kind: 'broken', reason: verdict.reason, range: placement.other(verdict), ruleId: verdict.ruleId, more: verdict.more };
}

/**
 * A template's diagram: the imported model's, with every range on the template. A template
 * with YAML or JSON errors cannot be imported: its verdict is `broken` at the first error
 * (the preview keeps the last good diagram, dimmed) and the graph is empty.
 */
export function templateDiagramResult(template: TemplateDocument, uri: string, version: number, options: DiagramOptions): DiagramResult {
  const { check, lineIndex } = template;
  if (check.kind === 'syntax-errors') {
    const first = check.findings[0]!;
    return {
      uri,
      version,
      verdict: {
        kind: 'broken',
        reason: first.message,
        range: lineIndex.rangeOf(first),
        ruleId: first.ruleId,
        more: check.findings.length - 1,
      },
      mermaid: '',
      outline: [],
      nodes: [],
      edges: [],
      groups: [],
      errors: check.findings.length,
      warnings: 0,
    };
  }
  const { text, sourceMap } = check.imported;
  // Marked with the findings the template's `# awsflow-ignore` comments left, as its Problems are.
  const analysis = { ...check.imported.analysis, findings: check.imported.findings };
  const locator = new TemplateLocator(text, sourceMap);
  return diagramResult(analysis, uri, version, options, {
    node: (node) => lineIndex.rangeOf(locator.resourceSource(node.resourceId) ?? locator.locate(node)),
    // A flow entry is drawn from what states the flow, even when a value of it (`batchSize`) is on its line.
    other: (range) => lineIndex.rangeOf(flowSource(sourceMap, range.start) ?? locator.locate(range)),
    findings: check.findings,
  });
}

/** What states the flow entry written at `offset` of the generated text (flows are written in order), if one is. */
function flowSource(sourceMap: SourceMap, offset: number): OffsetRange | undefined {
  const flows = sourceMap.flows;
  let low = 0;
  let high = flows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const flow = flows[middle]!;
    if (offset < flow.generated.start) high = middle - 1;
    else if (offset >= flow.generated.end) low = middle + 1;
    else return { start: flow.source.start, end: flow.source.end };
  }
  return undefined;
}
