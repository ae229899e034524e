/**
 * RuleTester: inline cases for one rule, with exact ranges marked «…» in the text.
 *
 * - `awsflow: 1` is prepended to a case that does not start with `awsflow:`.
 * - A valid case gives no finding of the rule. An invalid case gives exactly the listed
 *   findings of the rule, one per «…» span in order, with the listed messageId (and
 *   severity / message when given).
 * - No other rule may report an error on a case (fixtures must be valid files); other
 *   rules' warnings and infos are ignored unless `othersMustBeQuiet` is set.
 * - `output`: the text after applying every fix of the rule; required when the rule
 *   reports a fix. The output must parse, and the rule's fixed findings must be gone.
 * - `suggestions`: per finding (same order), the outputs of its suggestions in order.
 * - `fix`: the fix's title and whether fix-all applies it; a fix that needs a decision
 *   (`safeForFixAll: false`) must be listed this way, so every such fix is tested.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, rules as registered, type Rule, type Finding, type SeveritySetting } from '../../src/core/index';
import { strip } from './markers';

export interface ExpectedFinding {
  messageId: string;
  severity?: 'error' | 'warning' | 'info';
  /** Exact message, or a pattern it must match. */
  message?: string | RegExp;
  /** Outputs of the finding's suggestions, in order. */
  suggestions?: string[];
  /** The title of the finding's fix, and whether fix-all may apply it (`safeForFixAll`). */
  fix?: { title: string; safeForFixAll: boolean };
}

export interface ValidCase {
  name?: string;
  code: string;
  /** false: do not prepend `awsflow: 1` (cases about the header itself). */
  header?: boolean;
  ruleSeverities?: Record<string, SeveritySetting>;
  /** The analysis date (`YYYY-MM-DD`) for date-dependent rules. */
  today?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  output?: string;
  othersMustBeQuiet?: boolean;
  /** Broken input (syntax tests) may make other rules report errors too. */
  allowOtherErrors?: boolean;
}

export function withHeader(code: string, header = true): string {
  return !header || code.startsWith('awsflow:') ? code : `awsflow: 1\n${code}`;
}

/** Every registered rule, with the rule under test in place even before it is registered. */
function withRule(rule: Rule): Rule[] {
  return [...registered.filter((r) => r.id !== rule.id), rule];
}

function run(rule: Rule, code: string, ruleSeverities?: Record<string, SeveritySetting>, today?: string) {
  return analyze(code, { rules: withRule(rule), ...(ruleSeverities ? { ruleSeverities } : {}), ...(today ? { today } : {}) });
}

function assertNoForeignErrors(rule: Rule, findings: readonly Finding[], text: string, strict = false): void {
  const foreign = findings.filter((f) => f.ruleId !== rule.id && (strict || f.severity === 'error'));
  assert.deepEqual(
    foreign.map((f) => `${f.ruleId}: ${f.message} @${f.start}-${f.end} '${text.slice(f.start, f.end)}'`),
    [],
    'other rules report errors on this case: fix the fixture',
  );
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    test('has at least one valid and one invalid case', () => {
      assert.ok(cases.valid.length > 0, 'no valid case');
      assert.ok(cases.invalid.length > 0, 'no invalid case');
    });

    cases.valid.forEach((item, index) => {
      const valid = typeof item === 'string' ? { code: item } : item;
      test(`valid ${index + 1}${valid.name ? `: ${valid.name}` : ''}`, () => {
        const text = withHeader(valid.code, valid.header);
        const analysis = run(rule, text, valid.ruleSeverities, valid.today);
        const own = analysis.findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(
          own.map((f) => `${f.message} @${f.start}-${f.end}`),
          [],
          'the rule reports on a valid case',
        );
        assertNoForeignErrors(rule, analysis.findings, text);
        assert.deepEqual(analysis.internalErrors, []);
      });
    });

    cases.invalid.forEach((invalid, index) => {
      test(`invalid ${index + 1}${invalid.name ? `: ${invalid.name}` : ''}`, () => {
        assert.ok(invalid.errors.length > 0, 'an invalid case lists at least one finding');
        const { text, ranges } = strip(withHeader(invalid.code, invalid.header));
        assert.equal(ranges.length, invalid.errors.length, 'one «…» span per expected finding');
        const analysis = run(rule, text, invalid.ruleSeverities, invalid.today);
        assert.deepEqual(analysis.internalErrors, []);
        const own = analysis.findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(
          own.map((f) => ({ messageId: f.messageId, range: `${f.start}-${f.end} '${text.slice(f.start, f.end)}'` })),
          invalid.errors.map((e, i) => ({
            messageId: e.messageId,
            range: `${ranges[i]!.start}-${ranges[i]!.end} '${text.slice(ranges[i]!.start, ranges[i]!.end)}'`,
          })),
        );
        own.forEach((finding, i) => {
          const expected = invalid.errors[i]!;
          assert.ok(expected.messageId in rule.messages, `messageId '${expected.messageId}' is not declared`);
          if (expected.severity) assert.equal(finding.severity, expected.severity);
          if (typeof expected.message === 'string') assert.equal(finding.message, expected.message);
          else if (expected.message) assert.match(finding.message, expected.message);
          assert.doesNotMatch(finding.message, /\{\w+\}/, 'a placeholder is left in the message');
          if (finding.fix) assert.ok(rule.fixable, 'the rule reports a fix but is not declared fixable');
          if (expected.fix)
            assert.deepEqual(
              finding.fix && { title: finding.fix.title, safeForFixAll: finding.fix.safeForFixAll },
              expected.fix,
              'the fix',
            );
          else if (finding.fix)
            assert.ok(
              finding.fix.safeForFixAll,
              `'${finding.fix.title}' needs a decision: list it with \`fix: { title, safeForFixAll: false }\``,
            );
          for (const suggestion of finding.suggestions)
            assert.equal(suggestion.safeForFixAll, false, 'a suggestion is never applied by fix-all');
          if (finding.suggestions.length)
            assert.ok(rule.hasSuggestions, 'the rule reports suggestions but does not declare hasSuggestions');
          if (expected.suggestions) {
            assert.deepEqual(
              finding.suggestions.map((s) => applyEdits(text, s.edits)),
              expected.suggestions.map((s) => withHeader(s, invalid.header)),
              'suggestion outputs',
            );
          }
        });
        if (!invalid.allowOtherErrors) assertNoForeignErrors(rule, analysis.findings, text, invalid.othersMustBeQuiet);

        const fixes = own.filter((f) => f.fix);
        if (fixes.length > 0 && invalid.output === undefined) assert.fail('the rule fixes this case: give `output`');
        if (invalid.output !== undefined) {
          const output = applyEdits(
            text,
            fixes.flatMap((f) => f.fix!.edits),
          );
          assert.equal(output, withHeader(invalid.output, invalid.header));
          const after = analyze(output, { rules: withRule(rule), ...(invalid.today ? { today: invalid.today } : {}) });
          assert.deepEqual(
            after.findings.filter((f) => f.ruleId === 'syntax/yaml').map((f) => f.message),
            [],
            'the fixed text must parse',
          );
          const fixedAgain = after.findings.filter((f) => f.ruleId === rule.id && f.fix);
          assert.ok(fixedAgain.length < fixes.length, 'the fix must remove the finding it fixes');
        }
      });
    });
  });
}
