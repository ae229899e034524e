/** The public API of the analysis core. Pure: no Node, no VS Code, no DOM. */
export { analyze, Analyzer, suppressFindings, MAX_TEXT_LENGTH, type Analysis, type AnalyzeOptions, type InternalError } from './analyze';
export { rules, ruleById } from './rules/index';
export { docsPath, docsUrl, RULE_DOCS_FOLDER, type DocsLinks } from './rules/define-rule';
export type { Finding, Fix, Rule, Severity, SeveritySetting, RelatedInformation } from './rules/types';
export { SEVERITY_SETTINGS } from './rules/types';
export { applyEdits, type TextEdit } from './edit/edits';
export { escapeControlCharacters } from './text/control-characters';
export { LineIndex, type Position, type Range, type OffsetRange } from './text/line-index';
export type { Model, Resource, Connection, FlowEntry } from './model/model';
export { RESOURCE_TYPES, type ResourceType } from './model/properties';
export { fixAll, fixesNeedingDecision, safelyFixable } from './fix-all';
export { buildDiagram, escapeLabel, writeMermaid, type Diagram, type DiagramOptions, type MermaidStatement } from './diagram/mermaid';
export { breaksTheDiagram, diagramVerdict, type DiagramVerdict } from './diagram/verdict';
export {
  buildGraph,
  type ArchitectureGraph,
  type DiagramNode,
  type DiagramEdge,
  type DiagramGroup,
  type EdgeKind,
  type FindingCounts,
} from './diagram/graph';
export { plainFlowchart, plainLabel } from './diagram/plain-mermaid';
export { hover } from './services/hover';
export { complete } from './services/completion';
export { definition, references, documentHighlights, prepareRename, rename } from './services/navigation';
export { documentSymbols, workspaceSymbols, matchesQuery, type WorkspaceSymbolEntry } from './services/symbols';
export { semanticTokens } from './services/semantic-tokens';
export { inlayHints } from './services/inlay-hints';
export {
  SEMANTIC_TOKEN_TYPES,
  SEMANTIC_TOKEN_MODIFIERS,
  type HoverResult,
  type CompletionEntry,
  type CompletionKind,
  type DocumentSymbolEntry,
  type HighlightEntry,
  type RenameResult,
  type SemanticToken,
  type InlayHintEntry,
  type SymbolKind as SymbolKindName,
} from './services/types';
export { capacityOf, type Capacity, type ResourceLoad, type ConnectionLoad } from './model/capacity';
export {
  importTemplates,
  checkTemplate,
  templateSyntaxFindings,
  TemplateLocator,
  type TemplateCheck,
  type TemplateCheckOptions,
  readTemplate,
  TemplateReader,
  isTemplate,
  GENERATED_HEADER,
  DEFAULT_BUS_ID,
  type TemplateInput,
  type ImportResult,
  type Template,
  type TemplateProblem,
  type SourceMap,
  type SourceMapEntry,
  type ResourceSource,
  type TemplateRange,
} from './import/index';
