/**
 * awsflow's own LSP methods, declared once for the server, the extension and the tests.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { DocumentSelector, Range } from 'vscode-languageserver-protocol';

export type DiagramSeverity = 'error' | 'warning' | 'info';

/** How many findings of each severity mark a node or an edge. */
export interface DiagramFindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface DiagramNodeInfo {
  /** The Mermaid node id (`n0`, `n1`, …). */
  id: string;
  resourceId: string;
  type: string | undefined;
  /** The type's name for people (`SQS queue`, `Lambda function`), if the type is known. */
  typeName?: string | undefined;
  label: string;
  /** The resource's key in the document. */
  range: Range;
  /** The group (`g0`, …) it is drawn in, if any. */
  group?: string | undefined;
  /** A dead-letter or on-failure target. */
  deadLetter: boolean;
  /** The AWS icon (`logos:aws-sqs`) that draws it, if its type has one. */
  icon?: string | undefined;
  /** The worst finding inside the resource's definition. */
  severity: DiagramSeverity | undefined;
  /** Each finding as `severity: message (rule id)`. */
  messages: string[];
  findings: DiagramFindingCounts;
}

export type DiagramEdgeKind = 'flow' | 'subscription' | 'deadLetter' | 'onFailure';

export interface DiagramEdgeInfo {
  /** `from>to>style`: unique in the diagram. */
  key: string;
  from: string;
  to: string;
  style: 'flow' | 'subscription' | 'dead-letter' | 'rule' | 'pipe' | 'task';
  /** The kind of the (first) connection it draws. */
  kind: DiagramEdgeKind;
  label: string | undefined;
  /** Messages per second, declared or (when `derivedRate`) worked out from upstream. */
  rate?: number | undefined;
  derivedRate: boolean;
  /** The flow entry (or the dead-letter reference) that makes the connection. */
  range: Range;
  severity: DiagramSeverity | undefined;
  messages: string[];
  findings: DiagramFindingCounts;
}

export interface DiagramGroupInfo {
  /** The Mermaid subgraph id (`g0`, `g1`, …). */
  id: string;
  /** The `group` value as the user wrote it. */
  label: string;
  /** Its nodes' ids, in drawing order. */
  members: string[];
}

/**
 * What one line of the Mermaid text writes (see the core's `MermaidStatement`): the
 * preview cuts smaller views out of the text by these, never by reading the text.
 */
export type MermaidStatementInfo =
  | { kind: 'header' }
  | { kind: 'node'; id: string }
  | { kind: 'groupStart'; id: string }
  | { kind: 'groupEnd'; id: string }
  | { kind: 'edge'; from: string; to: string }
  | { kind: 'class'; className: string; members: string[] };

/** The architecture as typed data: what the Mermaid text draws, tied to the document. */
export interface DiagramGraph {
  /** In drawing order: group by group, then the resources in no group. */
  nodes: DiagramNodeInfo[];
  edges: DiagramEdgeInfo[];
  groups: DiagramGroupInfo[];
}

/**
 * Whether the diagram shows the architecture (`drawable`), or the file is momentarily
 * broken (YAML that does not parse, a duplicate key, over the size limits): then the
 * preview keeps its last good diagram, dimmed, with the reason and where it is.
 */
export type DiagramVerdict =
  | { kind: 'drawable' }
  | {
      kind: 'broken';
      /** The first such problem's message, on one line. */
      reason: string;
      range: Range;
      ruleId: string;
      /** How many more such problems the file has. */
      more: number;
    };

export interface DiagramParams {
  textDocument: { uri: string };
  /** Draw AWS icon nodes (the preview registers the icons); plain shapes otherwise. */
  icons?: boolean;
}

export interface DiagramResult extends DiagramGraph {
  uri: string;
  /** The document version the diagram was drawn from. */
  version: number;
  verdict: DiagramVerdict;
  /** The architecture's top-level `name:`, shown as the diagram's title; absent when the file has none. */
  title?: string;
  mermaid: string;
  /** One statement per line of `mermaid`. */
  outline: MermaidStatementInfo[];
  /** Error and warning counts, as in the Problems panel. */
  errors: number;
  warnings: number;
  /**
   * The slowest path from an entry point by its worst-case latency: the keys of its edges,
   * its estimates in seconds and a line to read. Absent when none can be estimated.
   */
  criticalPath?: { edges: string[]; p50: number; worst: number; text: string };
}

export const DiagramRequest = {
  method: 'awsflow/diagram',
  type: new RequestType<DiagramParams, DiagramResult | null, void>('awsflow/diagram'),
} as const;

export interface PlainMermaidParams {
  textDocument: { uri: string };
}

export interface PlainMermaidResult {
  uri: string;
  version: number;
  /** A flowchart in standard Mermaid syntax only (no icons, no HTML), for GitHub, Mermaid Live or any Mermaid. */
  mermaid: string;
}

export const PlainMermaidRequest = {
  method: 'awsflow/plainMermaid',
  type: new RequestType<PlainMermaidParams, PlainMermaidResult | null, void>('awsflow/plainMermaid'),
} as const;

// --- CloudFormation and SAM templates --------------------------------------------

/**
 * The language ids templates are opened with: VS Code's own `yaml` and `json`, and the
 * ids CloudFormation extensions give them (`cloudformation`: AWS's CloudFormation
 * language server; `cloudformation-yaml` / `cloudformation-json`: others). awsflow
 * registers no language and no grammar for them, so it never takes a file from another
 * extension; the server only asks to be sent these documents, and finds out itself which
 * of them are templates (a cheap look at the text, then the import).
 */
export const TEMPLATE_LANGUAGE_IDS = ['yaml', 'json', 'cloudformation', 'cloudformation-yaml', 'cloudformation-json'] as const;

/** What the server asks the client to send it besides `.awsflow` files: the languages above, and `*.template` files (plain text in VS Code). */
export const TEMPLATE_DOCUMENT_SELECTOR: DocumentSelector = [
  ...TEMPLATE_LANGUAGE_IDS.map((language) => ({ language })),
  { pattern: '**/*.template' },
];

/** Whether a document the server was sent is a CloudFormation or SAM template: sent when that changes (edits can make it one, or stop it being one). */
export interface TemplateStatusParams {
  uri: string;
  template: boolean;
}

export const TemplateStatusNotification = {
  method: 'awsflow/templateStatus',
  type: new NotificationType<TemplateStatusParams>('awsflow/templateStatus'),
} as const;

export interface ImportTemplateParams {
  /** The template's URI: its file name gives the import's title, as `awsflow import` does. */
  uri: string;
  /** The template's text (the editor's, saved or not; a file from the explorer, read). */
  text: string;
}

export type ImportTemplateResult =
  /** The `.awsflow` text `awsflow import` writes for the template. */
  | {
      kind: 'imported';
      text: string;
      /** The first line of every file the import writes: a file that does not start with it was not written by awsflow, and is never overwritten. */
      generatedHeader: string;
    }
  | { kind: 'not-a-template' }
  /** YAML or JSON errors: the first one, and where (0-based line). */
  | { kind: 'syntax-errors'; message: string; line: number };

export const ImportTemplateRequest = {
  method: 'awsflow/importTemplate',
  type: new RequestType<ImportTemplateParams, ImportTemplateResult, void>('awsflow/importTemplate'),
} as const;
