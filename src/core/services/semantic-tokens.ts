/**
 * Semantic tokens: what YAML highlighting cannot know. Resource ids, where declared (the
 * keys under `resources`) and wherever used (flow strings, `deadLetter.target`,
 * `onFailure`, `volumes`), are variables; resource types are types; the `->` and `,` of
 * flow strings are operators. Tokens are sorted, never overlap and never span lines.
 */
import type { Analysis } from '../analyze';
import type { SemanticToken, SemanticTokenModifier, SemanticTokenType } from './types';
import type { OffsetRange } from '../text/line-index';
import { findPair, isMap, isScalar, keyText, type YScalar } from '../parse/ast';
import { isResourceType } from '../model/properties';

export function semanticTokens(analysis: Analysis): SemanticToken[] {
  const { model, text } = analysis;
  const tokens: SemanticToken[] = [];
  const push = (range: OffsetRange | undefined, type: SemanticTokenType, modifiers: readonly SemanticTokenModifier[] = []): void => {
    if (range && range.end > range.start && !/[\r\n]/.test(text.slice(range.start, range.end)))
      tokens.push({ start: range.start, end: range.end, type, modifiers });
  };

  for (const resource of model.resources) {
    push(ownText(text, resource.key, resource.id), 'variable', ['declaration']);
    const typeNode = findPair(resource.node, 'type')?.value;
    if (isScalar(typeNode) && isResourceType(typeNode.value)) push(ownText(text, typeNode, typeNode.value), 'type');
  }
  // `defaults` is keyed by type.
  const defaults = findPair(model.root, 'defaults')?.value;
  if (isMap(defaults)) {
    for (const pair of defaults.items) {
      const type = keyText(pair.key);
      if (isResourceType(type)) push(ownText(text, pair.key, type), 'type');
    }
  }
  for (const reference of model.references) {
    push(ownText(text, reference, reference.id), 'variable');
  }
  for (const entry of model.flows) {
    for (const operator of flowOperators(text, entry.flowNode)) push(operator, 'operator');
  }

  tokens.sort((a, b) => a.start - b.start || a.end - b.end);
  const separate: SemanticToken[] = [];
  for (const token of tokens) {
    const previous = separate[separate.length - 1];
    if (!previous || token.start >= previous.end) separate.push(token);
  }
  return separate;
}

/**
 * The range of exactly `id` in the text: the range itself, or inside the quotes of a quoted
 * scalar. Undefined when the text there is something else (a string with escapes, whose
 * tokens span the whole scalar).
 */
function ownText(text: string, range: OffsetRange, id: string): OffsetRange | undefined {
  const written = text.slice(range.start, range.end);
  if (written === id) return range;
  if (written.length === id.length + 2 && /^(["']).*\1$/s.test(written) && written.slice(1, -1) === id) {
    return { start: range.start + 1, end: range.end - 1 };
  }
  return undefined;
}

/** The `->` and `,` in a flow string's text (commas only ever separate ids there). */
function flowOperators(text: string, node: YScalar): OffsetRange[] {
  const operators: OffsetRange[] = [];
  const raw = text.slice(node.start, node.end);
  for (let at = raw.indexOf('->'); at !== -1; at = raw.indexOf('->', at + 2))
    operators.push({ start: node.start + at, end: node.start + at + 2 });
  for (let at = raw.indexOf(','); at !== -1; at = raw.indexOf(',', at + 1))
    operators.push({ start: node.start + at, end: node.start + at + 1 });
  return operators;
}
