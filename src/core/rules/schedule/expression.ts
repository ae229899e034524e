import { defineRule } from '../define-rule';
import { EVENTBRIDGE } from '../../limits/aws';
import type { YNode, YScalar } from '../../parse/ast';
import { isScalar } from '../../parse/ast';

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const DAY_OF_MONTH = 2;
const DAY_OF_WEEK = 4;
const FIELDS: readonly CronField[] = [
  { name: 'Minutes', min: 0, max: 59 },
  { name: 'Hours', min: 0, max: 23 },
  { name: 'Day-of-month', min: 1, max: 31 },
  { name: 'Month', min: 1, max: 12, names: MONTHS },
  { name: 'Day-of-week', min: 1, max: 7, names: DAYS },
  { name: 'Year', min: 1970, max: 2199 },
];
const RATE_UNITS = new Map([
  ['minute', 'minutes'],
  ['hour', 'hours'],
  ['day', 'days'],
]);

/** A piece of the expression, with its offset inside the written string. */
interface Token {
  readonly text: string;
  readonly start: number;
}

export default defineRule({
  id: 'schedule/expression',
  defaultSeverity: 'error',
  summary: 'Schedule without an expression, or with an invalid EventBridge cron(…) or rate(…) expression',
  sources: [EVENTBRIDGE.scheduleExpressions],
  fixable: true,
  hasSuggestions: false,
  messages: {
    missing: 'Schedule {id} has no expression: EventBridge needs cron(…) or rate(…) to know when to fire.',
    notExpression:
      'Schedule expression {given} is not cron(…) or rate(…): EventBridge takes cron(Minutes Hours Day-of-month Month Day-of-week Year) or rate(value unit).{hint}',
    cronFieldCount: '{given} has {count}; an EventBridge cron expression needs 6: Minutes Hours Day-of-month Month Day-of-week Year.{hint}',
    cronField: 'In {given}, the {field} field `{value}` is invalid: {reason}.',
    cronBothDays: 'In {given}, Day-of-month `{dom}` and Day-of-week `{dow}` are both set: EventBridge needs `?` in one of them.',
    cronNoDays:
      'In {given}, Day-of-month and Day-of-week are both `?`: only one of them may be `?`, the other says which days (a value or `*`).',
    rateForm: '{given} is not a valid rate: EventBridge takes rate(value unit), for example rate(5 minutes).',
    rateValue: 'In {given}, the value `{value}` is invalid: it must be a whole number of at least 1.',
    rateUnit:
      'In {given}, the unit `{unit}` is invalid: EventBridge takes minute(s), hour(s) or day(s); the finest interval is one minute.',
    rateSingular: 'In {given}, the value is 1, so the unit must be singular: `{expected}`, not `{unit}`.',
    ratePlural: 'In {given}, the value {value} is over 1, so the unit must be plural: `{expected}`, not `{unit}`.',
    setField: 'Set {field} to `{value}`',
    writeUnit: 'Write `{expected}`',
  },
  check(context) {
    const { text } = context;
    // An expression inherited from `defaults` is one node shared by several schedules: report it once.
    const seen = new Set<YNode>();
    for (const schedule of context.model.ofType('schedule')) {
      const expression = schedule.props.get('expression');
      if (!expression) {
        context.report({ at: schedule.key, messageId: 'missing', data: { id: schedule.id } });
        continue;
      }
      const node = expression.node;
      // `expression:` with nothing after it yet, or a non-string the schema reports.
      if (!isScalar(node) || typeof node.value !== 'string' || seen.has(node)) continue;
      seen.add(node);
      const raw = node.value;
      const given = raw.trim();
      const base = valueOffset(node, text);
      const replace = (token: Token, value: string) =>
        base === undefined ? undefined : { start: base + token.start, end: base + token.start + token.text.length, newText: value };

      const form = /^\s*(cron|rate|at)\((.*)\)\s*$/s.exec(raw);
      if (!form) {
        const fields = given.split(/\s+/).length;
        const looksLikeCron = (fields === 5 || fields === 6) && /^[\d\s*?,/#LW-]+$/i.test(given);
        context.report({
          at: node,
          messageId: 'notExpression',
          data: { given: given === '' ? '""' : given, hint: looksLikeCron ? ' Write the fields inside cron(…).' : '' },
        });
        continue;
      }
      const kind = form[1]!;
      const innerStart = raw.indexOf('(') + 1;
      const tokens: Token[] = [...form[2]!.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: innerStart + m.index! }));

      if (kind === 'at') {
        // EventBridge Scheduler's one-time schedule: at(yyyy-mm-ddThh:mm:ss).
        if (tokens.length !== 1 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(tokens[0]!.text)) {
          context.report({
            at: node,
            messageId: 'notExpression',
            data: { given, hint: ' A one-time schedule is at(yyyy-mm-ddThh:mm:ss).' },
          });
        }
        continue;
      }

      if (kind === 'rate') {
        if (tokens.length !== 2) {
          context.report({ at: node, messageId: 'rateForm', data: { given } });
          continue;
        }
        const [valueToken, unitToken] = tokens as [Token, Token];
        if (!/^\d+$/.test(valueToken.text) || Number(valueToken.text) < 1) {
          context.report({ at: node, messageId: 'rateValue', data: { given, value: valueToken.text } });
        }
        const unit = unitToken.text.toLowerCase();
        const singular = RATE_UNITS.has(unit) ? unit : [...RATE_UNITS].find(([, plural]) => plural === unit)?.[0];
        if (singular === undefined) {
          context.report({ at: node, messageId: 'rateUnit', data: { given, unit: unitToken.text } });
          continue;
        }
        if (!/^\d+$/.test(valueToken.text)) continue;
        const value = Number(valueToken.text);
        if (value < 1) continue;
        const expected = value === 1 ? singular : RATE_UNITS.get(singular)!;
        if (unit === expected) continue;
        const edit = replace(unitToken, expected);
        context.report({
          at: node,
          messageId: value === 1 ? 'rateSingular' : 'ratePlural',
          data: { given, value, unit: unitToken.text, expected },
          ...(edit ? { fix: { messageId: 'writeUnit' as const, data: { expected }, build: () => edit } } : {}),
        });
        continue;
      }

      if (tokens.length !== FIELDS.length) {
        const count = `${tokens.length} field${tokens.length === 1 ? '' : 's'}`;
        const hint = tokens.length === 5 ? ' A Unix cron has 5: add the Year (`*`) and put `?` in Day-of-month or Day-of-week.' : '';
        context.report({ at: node, messageId: 'cronFieldCount', data: { given, count, hint } });
        continue;
      }
      let fieldsValid = true;
      tokens.forEach((token, index) => {
        const reason = checkCronField(index, token.text.toUpperCase());
        if (!reason) return;
        fieldsValid = false;
        context.report({ at: node, messageId: 'cronField', data: { given, field: FIELDS[index]!.name, value: token.text, reason } });
      });
      if (!fieldsValid) continue;

      const dom = tokens[DAY_OF_MONTH]!;
      const dow = tokens[DAY_OF_WEEK]!;
      if (dom.text === '?' && dow.text === '?') {
        // Both `?` means "any day": `*` in Day-of-month says the same.
        const edit = replace(dom, '*');
        context.report({
          at: node,
          messageId: 'cronNoDays',
          data: { given },
          ...(edit ? { fix: { messageId: 'setField' as const, data: { field: 'Day-of-month', value: '*' }, build: () => edit } } : {}),
        });
      } else if (dom.text !== '?' && dow.text !== '?') {
        // Only a `*` can become `?` without changing which days the schedule fires on.
        const loose =
          dow.text === '*' ? { token: dow, field: 'Day-of-week' } : dom.text === '*' ? { token: dom, field: 'Day-of-month' } : undefined;
        const edit = loose ? replace(loose.token, '?') : undefined;
        context.report({
          at: node,
          messageId: 'cronBothDays',
          data: { given, dom: dom.text, dow: dow.text },
          ...(edit && loose
            ? { fix: { messageId: 'setField' as const, data: { field: loose.field, value: '?' }, build: () => edit } }
            : {}),
        });
      }
    }
  },
});

/** Where the string's first character sits in the file; undefined when the scalar has escapes or folding. */
function valueOffset(node: YScalar, text: string): number | undefined {
  const source = text.slice(node.start, node.end);
  const value = node.value as string;
  if (source === value) return node.start;
  if (source.length === value.length + 2 && (source[0] === '"' || source[0] === "'") && source.slice(1, -1) === value)
    return node.start + 1;
  return undefined;
}

/** Why a cron field (upper-cased) is invalid, or undefined when it is fine. */
function checkCronField(index: number, text: string): string | undefined {
  const field = FIELDS[index]!;
  const days = index === DAY_OF_MONTH || index === DAY_OF_WEEK;
  if (text === '?') return days ? undefined : '`?` is only allowed in Day-of-month and Day-of-week';
  const items = text.split(',');
  for (const item of items) {
    const reason = checkCronItem(index, field, item);
    if (reason) return reason;
  }
  if (index === DAY_OF_WEEK && items.filter((item) => item.includes('#')).length > 1) {
    return 'only one `#` expression is allowed in the field';
  }
  return undefined;
}

function checkCronItem(index: number, field: CronField, item: string): string | undefined {
  if (item === '') return 'a list has an empty item';
  if (item.includes('?'))
    return index === DAY_OF_MONTH || index === DAY_OF_WEEK
      ? '`?` must stand alone, not in a list'
      : '`?` is only allowed in Day-of-month and Day-of-week';
  const plain = /^(?:(\*)|([0-9]+|[A-Z]{3})(?:-([0-9]+|[A-Z]{3}))?)(?:\/([0-9]+))?$/.exec(item);
  if (plain) {
    for (const value of [plain[2], plain[3]]) {
      const reason = value === undefined ? undefined : checkValue(field, value);
      if (reason) return reason;
    }
    if (plain[4] !== undefined) {
      const step = Number(plain[4]);
      if (step < 1) return 'the step after `/` must be at least 1';
      if (index !== FIELDS.length - 1 && step > field.max) return `the step ${step} is over ${field.max}`;
    }
    return undefined;
  }
  if (index === DAY_OF_MONTH) {
    if (item === 'L' || item === 'LW') return undefined;
    const offset = /^L-(\d+)$/.exec(item);
    if (offset) return Number(offset[1]) >= 1 && Number(offset[1]) <= 30 ? undefined : `the offset in \`${item}\` must be 1–30`;
    const weekday = /^(\d+)W$/.exec(item);
    if (weekday) return checkValue(field, weekday[1]!);
  }
  if (index === DAY_OF_WEEK) {
    if (item === 'L') return undefined;
    const last = /^([0-9]+|[A-Z]{3})L$/.exec(item);
    if (last) return checkValue(field, last[1]!);
    const nth = /^([0-9]+|[A-Z]{3})#(\d+)$/.exec(item);
    if (nth) {
      const n = Number(nth[2]);
      return checkValue(field, nth[1]!) ?? (n >= 1 && n <= 5 ? undefined : `the week number after \`#\` must be 1–5, not ${n}`);
    }
    if (item.includes('#')) return '`#` takes day#n, for example `3#2` (the second Tuesday of the month)';
  }
  if (/L/.test(item) && index !== DAY_OF_MONTH && index !== DAY_OF_WEEK) return '`L` is only allowed in Day-of-month and Day-of-week';
  if (/W/.test(item) && index !== DAY_OF_MONTH) return '`W` is only allowed in Day-of-month';
  if (/#/.test(item)) return '`#` is only allowed in Day-of-week';
  return `\`${item}\` is not a value, a range (a-b), a list (a,b), a step (a/n) or \`*\``;
}

function checkValue(field: CronField, value: string): string | undefined {
  if (/^\d+$/.test(value)) {
    const number = Number(value);
    return number < field.min || number > field.max ? `${number} is outside ${field.min}–${field.max}` : undefined;
  }
  if (!field.names) return `${value} is not a number`;
  if (field.names.includes(value)) return undefined;
  return `${value} is not a ${field.names === MONTHS ? 'month' : 'day'} name (${field.names[0]}–${field.names[field.names.length - 1]})`;
}
