import { defineRule } from '../define-rule';
import { EVENTBRIDGE } from '../../limits/aws';
import { isMap, isScalar, isSeq, keyText, type YMap, type YNode, type YScalar, type YSeq } from '../../parse/ast';
import type { RuleContext } from '../types';
import { closest } from '../../util/similar';

/** The comparison operators of an event pattern's match values (`{ prefix: "a" }`). */
const OPERATORS = ['prefix', 'suffix', 'anything-but', 'numeric', 'exists', 'cidr', 'equals-ignore-case', 'wildcard'] as const;
/** What `anything-but` may wrap instead of plain values. */
const ANYTHING_BUT_OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'] as const;
const OR = '$or';
const LOWER_BOUNDS = ['>', '>='];
const UPPER_BOUNDS = ['<', '<='];
const NUMERIC_FORMS = '["=", n], [">" or ">=", n], ["<" or "<=", n], or a lower bound then an upper bound ([">", 0, "<=", 5])';

const messages = {
  emptyMap: 'An empty map in an event pattern: EventBridge rejects empty objects. Give it the fields to match, or remove it.',
  notArray:
    "Field '{field}' is {given}: in an event pattern a field's value is an array of match values (`[{text}]`) or a map of nested fields, and EventBridge rejects anything else.",
  operatorAsField:
    "'{operator}' is a comparison operator, written here as a field of '{field}': a comparison goes inside the field's array of match values (`{field}: [{ {operator}: … }]`), or EventBridge reads it as a field named '{operator}'.",
  emptyArray:
    "Field '{field}' has an empty array: EventBridge rejects empty arrays in event patterns. List the values to match, or remove the field.",
  badValue:
    "A match value of '{field}' is {given}: match values are strings, numbers, true, false, null, or a map of one comparison operator (`{ prefix: … }`).",
  unknownOperator:
    "'{operator}' is not an event pattern operator: EventBridge rejects the pattern. The operators are prefix, suffix, anything-but, numeric, exists, cidr, equals-ignore-case and wildcard ($or joins the fields of a map).",
  operatorCount:
    'A comparison has exactly one operator, and this one has {count} ({operators}): EventBridge rejects it. Write each comparison as an item of its own in the array.',
  operand: "'{operator}' takes {expected}; {given} is not.",
  numeric: 'numeric takes {forms}: {problem}.',
  or: '`$or` takes an array of at least two maps of fields: {problem}.',
  wrap: 'Put the value in an array',
  wrapOperator: "Move '{operator}' into an array of match values",
  rename: "Change to '{operator}'",
};
type MessageId = keyof typeof messages;
type Context = RuleContext<MessageId>;

export default defineRule({
  id: 'eventbridge/pattern',
  defaultSeverity: 'error',
  summary:
    "An EventBridge rule's `pattern` that is not valid event pattern syntax: unknown operators, empty arrays or maps, a field whose value is not an array, a bad operand",
  sources: [EVENTBRIDGE.eventPatterns, EVENTBRIDGE.patternOperators],
  fixable: true,
  hasSuggestions: true,
  messages,
  check(context) {
    const seen = new Set<number>();
    for (const entry of context.model.flows) {
      const pattern = entry.props.get('pattern')?.node;
      // Anything but a map is schema/invalid's (`pattern` is an object); a pattern from an alias is checked where it is written.
      if (!isMap(pattern) || seen.has(pattern.start)) continue;
      seen.add(pattern.start);
      checkFields(context, pattern);
    }
  },
});

/** A map of fields: each value an array of match values, a map of nested fields, or (`$or`) an array of such maps. */
function checkFields(context: Context, map: YMap): void {
  if (map.items.length === 0) {
    context.report({ at: map, messageId: 'emptyMap' });
    return;
  }
  for (const pair of map.items) {
    const field = keyText(pair.key);
    const value = pair.value;
    if (field === OR) {
      checkOr(context, value, pair.key);
      continue;
    }
    if (isSeq(value)) checkMatchValues(context, value, field);
    else if (isMap(value)) {
      const only = value.items.length === 1 ? value.items[0]! : undefined;
      const operator = only ? keyText(only.key) : '';
      // `source: { prefix: aws. }`: an operator where a field's array belongs (an array value would be a real nested field).
      if (only && isOperator(operator) && !isSeq(only.value)) {
        context.report({
          at: value,
          messageId: 'operatorAsField',
          data: { operator, field },
          ...(value.flow && !value.shared
            ? {
                fix: {
                  messageId: 'wrapOperator' as const,
                  data: { operator },
                  build: (edits) => edits.replace(value, `[${context.text.slice(value.start, value.end)}]`),
                },
              }
            : {}),
        });
      } else checkFields(context, value);
    } else if (isScalar(value)) {
      const text = context.text.slice(value.start, value.end);
      // A plain one-line scalar can be put in brackets as written; a block scalar or an alias cannot.
      const wrappable = !value.shared && !text.includes('\n') && !/^[|>]/.test(text);
      context.report({
        at: value,
        messageId: 'notArray',
        data: { field, given: describe(value), text: wrappable ? text : '…' },
        ...(wrappable ? { fix: { messageId: 'wrap' as const, build: (edits) => edits.replace(value, `[${text}]`) } } : {}),
      });
    } else {
      // `field:` with nothing after it.
      context.report({ at: pair.key, messageId: 'notArray', data: { field, given: 'empty', text: '…' } });
    }
  }
}

function checkOr(context: Context, value: YNode | null, key: YScalar): void {
  if (!isSeq(value)) {
    context.report({
      at: value ?? key,
      messageId: 'or',
      data: { problem: value ? `${describe(value)} is not an array` : 'it has no value' },
    });
    return;
  }
  if (value.items.length < 2) {
    context.report({
      at: value,
      messageId: 'or',
      data: {
        problem: `this one has ${value.items.length === 0 ? 'none' : 'one'}, and EventBridge rejects it (write the fields without $or)`,
      },
    });
  }
  for (const item of value.items) {
    if (isMap(item)) checkFields(context, item);
    else context.report({ at: item, messageId: 'or', data: { problem: `${describe(item)} is not a map of fields` } });
  }
}

function checkMatchValues(context: Context, array: YSeq, field: string): void {
  if (array.items.length === 0) {
    context.report({ at: array, messageId: 'emptyArray', data: { field } });
    return;
  }
  for (const item of array.items) {
    if (isScalar(item)) continue;
    if (isSeq(item)) {
      context.report({ at: item, messageId: 'badValue', data: { field, given: 'an array' } });
      continue;
    }
    checkComparison(context, item);
  }
}

/** `{ <operator>: <operand> }`: exactly one known operator, with an operand of its kind. */
function checkComparison(context: Context, map: YMap): void {
  if (map.items.length !== 1) {
    const operators = map.items.map((pair) => keyText(pair.key));
    context.report({
      at: map,
      messageId: 'operatorCount',
      data: { count: operators.length === 0 ? 'none' : operators.length, operators: operators.length === 0 ? '{}' : operators.join(', ') },
    });
    // Each operator still gets its own checks.
    for (const pair of map.items) checkOperator(context, pair.key, pair.value);
    return;
  }
  const pair = map.items[0]!;
  checkOperator(context, pair.key, pair.value);
}

function checkOperator(context: Context, key: YScalar, operand: YNode | null): void {
  const operator = keyText(key);
  if (!isOperator(operator)) {
    const [likely] = closest(operator, OPERATORS, 1);
    context.report({
      at: key,
      messageId: 'unknownOperator',
      data: { operator },
      ...(likely && !key.shared
        ? { suggest: [{ messageId: 'rename' as const, data: { operator: likely }, build: (edits) => edits.replace(key, likely) }] }
        : {}),
    });
    return;
  }
  const bad = (expected: string, at: YNode | null = operand): void => {
    context.report({ at: at ?? key, messageId: 'operand', data: { operator, expected, given: at ? describe(at) : 'nothing' } });
  };
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (isString(operand)) return;
      if (isMap(operand) && operand.items.length === 1 && keyText(operand.items[0]!.key) === 'equals-ignore-case') {
        const inner = operand.items[0]!.value;
        if (!isString(inner)) bad('a string', inner);
        return;
      }
      return bad('a string, or `{ equals-ignore-case: <string> }`');
    case 'equals-ignore-case':
    case 'wildcard':
      if (!isString(operand)) bad('a string');
      return;
    case 'exists':
      if (!(isScalar(operand) && typeof operand.value === 'boolean')) bad('true or false');
      return;
    case 'cidr':
      if (!(isString(operand) && isCidr(String(operand.value))))
        bad('an IP address range in CIDR notation (`10.0.0.0/24`, `2001:db8::/32`)');
      return;
    case 'numeric':
      return checkNumeric(context, operand, key);
    case 'anything-but':
      return checkAnythingBut(operand, bad);
  }
}

function checkAnythingBut(operand: YNode | null, bad: (expected: string, at?: YNode | null) => void): void {
  const plain = 'a string, a number, an array of strings or of numbers, or one of prefix, suffix, equals-ignore-case and wildcard';
  if (isScalar(operand)) {
    if (typeof operand.value !== 'string' && typeof operand.value !== 'number') bad(plain);
    return;
  }
  if (isSeq(operand)) {
    const strings = operand.items.every(isString);
    const numbers = operand.items.every((item) => isScalar(item) && typeof item.value === 'number');
    if (operand.items.length === 0 || !(strings || numbers)) bad('a non-empty array of strings only or of numbers only');
    return;
  }
  if (isMap(operand) && operand.items.length === 1) {
    const inner = operand.items[0]!;
    const name = keyText(inner.key);
    if (!(ANYTHING_BUT_OPERATORS as readonly string[]).includes(name)) return bad(`${plain}; '${name}' is none of these`, inner.key);
    const value = inner.value;
    const nonEmpty = name === 'prefix' || name === 'suffix';
    const ok = (node: YNode): boolean => isString(node) && (!nonEmpty || String(node.value) !== '');
    if (value && (ok(value) || (isSeq(value) && value.items.length > 0 && value.items.every(ok)))) return;
    return bad(nonEmpty ? 'a non-empty string or an array of them' : 'a string or an array of strings', value ?? inner.key);
  }
  bad(plain);
}

function checkNumeric(context: Context, operand: YNode | null, key: YScalar): void {
  const report = (at: YNode, problem: string): void =>
    context.report({ at, messageId: 'numeric', data: { forms: NUMERIC_FORMS, problem } });
  if (!isSeq(operand)) {
    report(operand ?? key, `${operand ? describe(operand) : 'nothing'} is not an array`);
    return;
  }
  const items = operand.items;
  if (items.length === 0) return report(operand, 'the array is empty');
  // Operators at even places, numbers at odd places.
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (i % 2 === 0) {
      const known = ['=', ...LOWER_BOUNDS, ...UPPER_BOUNDS];
      if (!(isScalar(item) && typeof item.value === 'string' && known.includes(item.value)))
        return report(item, `${describe(item)} is not one of the operators =, >, >=, <, <=`);
    } else if (!(isScalar(item) && typeof item.value === 'number')) {
      return report(item, `${describe(item)} is not a number (write numbers without quotes)`);
    }
  }
  const last = items[items.length - 1] as YScalar;
  if (items.length % 2 === 1) return report(last, `the operator ${String(last.value)} has no number after it`);
  const first = (items[0] as YScalar).value as string;
  if (items.length === 2) return;
  if (items.length > 4) return report(items[4]!, 'it has more than two comparisons');
  const second = (items[2] as YScalar).value as string;
  if (!LOWER_BOUNDS.includes(first) || !UPPER_BOUNDS.includes(second)) {
    return report(
      items[LOWER_BOUNDS.includes(first) ? 2 : 0]!,
      `a range is a lower bound (> or >=) followed by an upper bound (< or <=), not ${first} then ${second}`,
    );
  }
  const low = (items[1] as YScalar).value as number;
  const high = (items[3] as YScalar).value as number;
  if (low > high) report(operand, `its lower bound ${low} is over its upper bound ${high}, so no number matches`);
}

function isOperator(name: string): boolean {
  return (OPERATORS as readonly string[]).includes(name);
}

function isString(node: YNode | null | undefined): node is YScalar {
  return isScalar(node) && typeof node.value === 'string';
}

/** IPv4 `a.b.c.d/n` (n ≤ 32) or IPv6 `…/n` (n ≤ 128). */
function isCidr(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (v4) return v4.slice(1, 5).every((octet) => Number(octet) <= 255) && Number(v4[5]) <= 32;
  const v6 = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(text);
  return !!v6 && v6[1]!.includes(':') && Number(v6[2]) <= 128;
}

/** `the string "x"`, `the number 5`, `a map`: what a node is, for messages. */
function describe(node: YNode): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'an array';
  const value = node.value;
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
}
