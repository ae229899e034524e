/**
 * What the editor services return, in the core's terms: offsets into the document
 * text, never line/character positions (the server converts, in one place).
 * Each service is a pure function of one Analysis (and an offset or range).
 */
import type { OffsetRange } from '../text/line-index';

export interface HoverResult extends OffsetRange {
  /** Markdown. */
  readonly markdown: string;
}

export type CompletionKind = 'keyword' | 'property' | 'value' | 'type' | 'resource' | 'unit' | 'snippet' | 'rule';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Text to insert; a snippet (`${1:name}`) when `snippet` is true. */
  readonly insertText: string;
  readonly snippet?: boolean;
  /** The span the insert replaces (the word typed so far). */
  readonly replace: OffsetRange;
  readonly sortText?: string;
  readonly filterText?: string;
}

export type SymbolKind =
  | 'file'
  | 'namespace'
  | 'class'
  | 'property'
  | 'field'
  | 'event'
  | 'function'
  | 'object'
  | 'array'
  | 'string'
  | 'number'
  | 'boolean'
  | 'key'
  | 'interface'
  | 'module';

export interface DocumentSymbolEntry extends OffsetRange {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  /** The part to select when the symbol is revealed (the id). */
  readonly selection: OffsetRange;
  readonly children: readonly DocumentSymbolEntry[];
}

export interface HighlightEntry extends OffsetRange {
  readonly kind: 'read' | 'write';
}

export type RenameResult =
  { readonly edits: readonly { readonly start: number; readonly end: number; readonly newText: string }[] } | { readonly error: string };

/** Semantic token types, in the order of the legend the server declares. */
export const SEMANTIC_TOKEN_TYPES = ['type', 'variable', 'operator', 'property', 'enumMember', 'number', 'keyword'] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface SemanticToken extends OffsetRange {
  readonly type: SemanticTokenType;
  readonly modifiers: readonly SemanticTokenModifier[];
}

export interface InlayHintEntry {
  /** Where the hint is drawn (after the value). */
  readonly offset: number;
  readonly label: string;
  /** Markdown. */
  readonly tooltip?: string;
}
