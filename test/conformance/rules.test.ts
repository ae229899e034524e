/**
 * Keeps the rules, their files, docs pages, tests and the format catalogue in step,
 * and runs every docs page's examples.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, rules } from '../../src/core/index';

const root = join(__dirname, '../../..');
/** The docs examples are checked as of the day they were written (lambda/runtime follows the calendar). */
const DOCS_AS_OF = { today: '2026-12-04' } as const;

/** FORMAT.md's catalogue (shared/FORMAT.md), kept here so a clone without shared/ can run the test. */
export const CATALOGUE = [
  'schema/invalid',
  'syntax/yaml',
  'flows/unknown-resource',
  'flows/invalid-connection',
  'lambda/timeout-limit',
  'lambda/memory-range',
  'lambda/env-size',
  'lambda/concurrency',
  'lambda/api-timeout',
  'sqs/range',
  'kinesis/range',
  'sqs/fifo-name',
  'sqs/fifo-throughput',
  'sqs/fifo-batch-size',
  'sqs/dlq-type',
  'sqs/visibility-timeout',
  'sqs/long-polling',
  'sqs/no-consumer',
  'sns/no-subscriber',
  'sqs/no-dlq',
  'sns/fifo-subscription',
  'sns/fifo-throughput',
  'esm/batch-window',
  'encryption/service-producer-key',
  'payload/size',
  'apprunner/closed',
  'kinesis/shard-capacity',
  'kinesis/read-fan-out',
  'encryption/at-rest',
  'ecs/fargate-size',
  'schedule/expression',
  'graph/cycle',
];

function ruleFiles(): string[] {
  const dir = join(root, 'src/core/rules');
  const ids: string[] = [];
  for (const category of readdirSync(dir)) {
    if (!statSync(join(dir, category)).isDirectory()) continue;
    for (const file of readdirSync(join(dir, category))) if (file.endsWith('.ts')) ids.push(`${category}/${file.slice(0, -3)}`);
  }
  return ids.sort();
}

function frontMatter(page: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(page);
  assert.ok(match, 'front matter');
  return Object.fromEntries(match[1]!.split('\n').map((line) => line.split(/:\s*/, 2) as [string, string]));
}

function examples(page: string, kind: 'incorrect' | 'correct'): string[] {
  const out: string[] = [];
  const pattern = new RegExp('```awsflow ' + kind + '\\n([\\s\\S]*?)```', 'g');
  for (let match = pattern.exec(page); match; match = pattern.exec(page)) out.push(match[1]!);
  return out;
}

describe('rule catalogue', () => {
  test('the registry lists every rule file once, sorted by id', () => {
    const ids = rules.map((rule) => rule.id);
    assert.deepEqual(ids, [...ids].sort(), 'sorted');
    assert.deepEqual(ids, ruleFiles());
  });

  test('every id of the format catalogue exists', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    assert.deepEqual(
      CATALOGUE.filter((id) => !ids.has(id)),
      [],
    );
  });

  test('the catalogue here matches shared/FORMAT.md where it is present', (t) => {
    const format = join(root, '../shared/FORMAT.md');
    if (!existsSync(format)) return t.skip('shared/FORMAT.md is not beside this clone');
    const text = readFileSync(format, 'utf8');
    const ids = [
      ...text.matchAll(/^\| `([a-z0-9-]+\/[a-z0-9-]+)`(?: \(and the like for each type: `([a-z0-9-]+\/[a-z0-9-]+)`)?/gm),
    ].flatMap((m) => m.slice(1).filter(Boolean) as string[]);
    ids.push(...[...text.matchAll(/^\| `([a-z0-9-]+\/[a-z0-9-]+)`, `([a-z0-9-]+\/[a-z0-9-]+)`/gm)].map((m) => m[2]!));
    assert.deepEqual([...new Set(ids)].sort(), [...CATALOGUE].sort());
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const docsPath = join(root, 'docs/rules', `${rule.id}.md`);
      const testPath = join(root, 'test/unit/rules', `${rule.id}.test.ts`);
      const sourcePath = join(root, 'src/core/rules', `${rule.id}.ts`);

      test('has a docs page whose front matter agrees with the rule', () => {
        assert.ok(existsSync(docsPath), `missing ${docsPath}`);
        const page = readFileSync(docsPath, 'utf8');
        assert.deepEqual(frontMatter(page), { id: rule.id, severity: rule.defaultSeverity, fixable: String(rule.fixable) });
        for (const heading of [`# ${rule.id}`, '## What it finds', '## Why', '## Examples', '## Quick fix', '## Options']) {
          assert.ok(page.includes(`\n${heading}\n`), `docs page has '${heading}'`);
        }
      });

      test('its docs page states the default severity first, and every other severity the rule reports', () => {
        const page = readFileSync(docsPath, 'utf8');
        const section = /\n## Severity\n\n([\s\S]*?)\n## /.exec(page)?.[1];
        assert.ok(section, 'docs page has a "## Severity" section before the next heading');
        const stated = [...section.matchAll(/\*\*(error|warning|info)\*\*/g)].map((m) => m[1]!);
        assert.equal(stated[0], rule.defaultSeverity, 'the section opens with the default severity in bold');
        assert.match(section, /\*\*(?:error|warning|info)\*\*(?: for [^:]+)?: \S/, 'each severity is followed by its reason');
        // Per-finding severities are literals on lines of the rule that set `severity`.
        const source = readFileSync(sourcePath, 'utf8');
        const reported = new Set([rule.defaultSeverity]);
        for (const line of source.split('\n')) {
          if (!/\bseverity\b/.test(line)) continue;
          for (const m of line.matchAll(/'(error|warning|info)'/g)) reported.add(m[1]! as typeof rule.defaultSeverity);
        }
        assert.deepEqual(new Set(stated), reported, 'the section names exactly the severities the rule reports');
      });

      test('has a test file; fixable and hasSuggestions agree with what the tests exercise', () => {
        assert.ok(existsSync(testPath), `missing ${testPath}`);
        const source = readFileSync(testPath, 'utf8');
        if (rule.fixable) assert.match(source, /output:/, 'a fixable rule has a test with `output`');
        if (rule.hasSuggestions) assert.match(source, /suggestions:/, 'a rule with suggestions tests them');
      });

      test('every declared message is used', () => {
        const source = readFileSync(sourcePath, 'utf8');
        // Messages may be reported by the engine (suppression) or a shared helper under rules/ the rule imports.
        const engineReported = rule.id.startsWith('suppression/') ? readFileSync(join(root, 'src/core/analyze.ts'), 'utf8') : '';
        const helpers = [...source.matchAll(/from '\.\.\/([a-z-]+)'/g)]
          .map((m) => readFileSync(join(root, 'src/core/rules', `${m[1]}.ts`), 'utf8'))
          .join('\n');
        for (const id of Object.keys(rule.messages)) {
          const uses = (source + engineReported + helpers).split(new RegExp(`['"\`]${id}['"\`]|\\b${id}\\b`)).length - 1;
          assert.ok(uses >= 2, `message '${id}' is declared but never reported`);
        }
      });

      test('the docs examples: incorrect fires the rule, correct is clean', () => {
        const page = readFileSync(docsPath, 'utf8');
        const incorrect = examples(page, 'incorrect');
        const correct = examples(page, 'correct');
        assert.ok(incorrect.length > 0 && correct.length > 0, 'one incorrect and one correct example at least');
        for (const text of incorrect) {
          assert.ok(
            analyze(text, DOCS_AS_OF).findings.some((f) => f.ruleId === rule.id),
            `incorrect example does not fire ${rule.id}:\n${text}`,
          );
        }
        for (const text of correct) {
          const findings = analyze(text, DOCS_AS_OF).findings;
          assert.deepEqual(
            findings.filter((f) => f.ruleId === rule.id || f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`),
            [],
            `correct example:\n${text}`,
          );
        }
      });
    });
  }
});
