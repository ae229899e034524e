/**
 * Flow strings: `SOURCES -> TARGETS [-> TARGETS…]`, each side one id or ids separated by
 * commas. Every id keeps its own range in the document, so findings, go-to-definition
 * and rename land on the id itself.
 */
import type { YScalar } from './ast';
import { exactArray } from '../util/exact-array';

export interface FlowToken {
  id: string;
  start: number;
  end: number;
}

export interface FlowSyntaxError {
  start: number;
  end: number;
  message: string;
}

export interface ParsedFlow {
  /** steps[0] are the sources, steps[1] their targets, and so on along a chain. */
  steps: FlowToken[][];
  errors: FlowSyntaxError[];
}

export const RESOURCE_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,79}$/;

/**
 * Parse a flow string held by `node`. `source` is the whole document text; token ranges
 * are exact when the scalar is plain or quoted without escapes, and the whole scalar
 * otherwise.
 */
export function parseFlow(node: YScalar, source: string): ParsedFlow {
  const value = node.value === null ? '' : String(node.value);
  const raw = source.slice(node.start, node.end);
  let text = raw;
  let base = node.start;
  if (node.quoted) {
    const inner = raw.length >= 2 ? raw.slice(1, -1) : raw;
    if (inner === value) {
      text = inner;
      base = node.start + 1;
    } else {
      text = value;
      base = -1; // positions inside the scalar are unknown
    }
  } else if (raw !== value && raw.replace(/\s+/g, ' ') !== value.replace(/\s+/g, ' ')) {
    text = value;
    base = -1;
  }
  const at = (offset: number, length: number) =>
    base < 0 ? { start: node.start, end: node.end } : { start: base + offset, end: base + offset + length };

  const steps: FlowToken[][] = [];
  const errors: FlowSyntaxError[] = [];
  const sides = splitKeepingOffsets(text, '->');
  if (sides.length < 2) {
    errors.push({ ...at(0, text.length), message: `A flow needs an arrow: \`source -> target\`, got '${truncate(value)}'.` });
    return { steps, errors };
  }
  for (const side of sides) {
    const tokens: FlowToken[] = [];
    for (const part of splitKeepingOffsets(side.text, ',')) {
      const leading = part.text.length - part.text.trimStart().length;
      const id = part.text.trim();
      const offset = side.offset + part.offset + leading;
      if (id === '') {
        const position = at(side.offset + part.offset, 0);
        errors.push({ start: position.start, end: position.start, message: 'A resource id is missing here.' });
        continue;
      }
      const range = at(offset, id.length);
      if (!RESOURCE_ID.test(id)) {
        errors.push({
          ...range,
          message: `'${truncate(id)}' is not a resource id: ids start with a letter and use letters, digits, '_', '.' and '-' (80 characters at most).`,
        });
        continue;
      }
      tokens.push({ id, ...range });
    }
    steps.push(exactArray(tokens));
  }
  return { steps: exactArray(steps), errors };
}

function splitKeepingOffsets(text: string, separator: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let from = 0;
  for (;;) {
    const index = text.indexOf(separator, from);
    if (index === -1) {
      parts.push({ text: text.slice(from), offset: from });
      return parts;
    }
    parts.push({ text: text.slice(from, index), offset: from });
    from = index + separator.length;
  }
}

function truncate(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
