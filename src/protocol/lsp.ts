/**
 * awsflow's own LSP methods, declared once for the server, the extension and the tests.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

export type DiagramSeverity = 'error' | 'warning' | 'info';

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
  severity: DiagramSeverity | undefined;
  messages: string[];
}

export interface DiagramEdgeInfo {
  from: string;
  to: string;
  style: 'flow' | 'subscription' | 'dead-letter' | 'rule' | 'pipe' | 'task';
  label: string | undefined;
  /** The flow entry (or the dead-letter reference) that makes the connection. */
  range: Range;
  severity: DiagramSeverity | undefined;
  messages: string[];
}

export interface DiagramParams {
  textDocument: { uri: string };
  /** Draw AWS icon nodes (the preview registers the icons); plain shapes otherwise. */
  icons?: boolean;
}

export interface DiagramResult {
  uri: string;
  /** The document version the diagram was drawn from. */
  version: number;
  /** The architecture's top-level `name:`, shown as the diagram's title; absent when the file has none. */
  title?: string;
  mermaid: string;
  nodes: DiagramNodeInfo[];
  edges: DiagramEdgeInfo[];
  /** Error and warning counts, as in the Problems panel. */
  errors: number;
  warnings: number;
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
