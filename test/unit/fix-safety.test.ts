/**
 * No lost bytes: every fix and suggestion, applied to every example and every docs
 * example, keeps every comment, leaves the file parseable and brings in no new error; a
 * fix also removes the finding it fixes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, type Finding } from '../../src/core/index';

const root = join(__dirname, '../../..');

function docsExamples(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...docsExamples(path));
    else if (name.endsWith('.md')) {
      const page = readFileSync(path, 'utf8');
      for (const match of page.matchAll(/```awsflow incorrect\n([\s\S]*?)```/g)) out.push(match[1]!);
    }
  }
  return out;
}

/** Cases for suggestions that change a resource's kind, which the examples do not all reach. */
const SUGGESTION_CASES: [string, string][] = [
  [
    'a Lambda over 15 minutes, moved to Fargate',
    'awsflow: 1\nresources:\n  q: { type: sqs, visibilityTimeout: 2h }\n  f:\n    type: lambda   # the report job\n    memory: 10GB   # big joins\n    timeout: 20m\n    reservedConcurrency: 5\n    deadLetter: { target: failed }\n  g: { type: lambda, timeout: 1h, memory: 128MB, ephemeralStorage: 1GB }\n  failed: { type: sqs }\nflows:\n  - q -> f\n  - q -> g\n',
  ],
  [
    'a FIFO queue with a standard dead-letter queue',
    'awsflow: 1\nresources:\n  in.fifo: { type: sqs, fifo: true, deadLetter: { target: failed } }   # orders\n  failed:\n    type: sqs   # poison\n    retention: 14d\n  f: { type: lambda }\nflows:\n  - in.fifo -> f\n',
  ],
  [
    'a standard topic to a FIFO queue',
    'awsflow: 1\nresources:\n  news: { type: sns, encryption: kms }   # public\n  work.fifo: { type: sqs, fifo: true }\n  f: { type: lambda }\nflows:\n  - news -> work.fifo\n  - work.fifo -> f\n',
  ],
];

const fixtures: [string, string][] = [
  ...SUGGESTION_CASES,
  ...readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.awsflow'))
    .map((f) => [`examples/${f}`, readFileSync(join(root, 'examples', f), 'utf8')] as [string, string]),
  ...docsExamples(join(root, 'docs/rules')).map((text, i) => [`docs example ${i + 1}`, text] as [string, string]),
];

/** The comments of a text: every `# …` that starts a comment (after a space or at a line start). */
function comments(text: string): string[] {
  return [...text.matchAll(/(?:^|[ \t])(#[^\n]*)/gm)].map((m) => m[1]!.trimEnd());
}

/**
 * How many errors each rule reports (messages may quote the value a fix changed). The
 * `<type>/range` rules count as one: a suggestion that changes a resource's type carries a
 * value already out of range (`instances: -2` becomes `desiredCount: -2`) from one type's
 * range rule to the other's, which is the same error, not a new one.
 */
function errorCounts(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const family = f.ruleId.endsWith('/range') ? '<type>/range' : f.ruleId;
    counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  return counts;
}

describe("fixes and suggestions keep the user's text", () => {
  for (const [name, text] of fixtures) {
    test(name, () => {
      const analysis = analyze(text);
      const before = comments(text);
      for (const finding of analysis.findings) {
        const changes = [
          ...(finding.fix ? [{ fix: finding.fix, safe: true }] : []),
          ...finding.suggestions.map((fix) => ({ fix, safe: false })),
        ];
        for (const { fix, safe } of changes) {
          const output = applyEdits(text, fix.edits);
          assert.notEqual(output, text, `${finding.ruleId}: '${fix.title}' changes something`);
          // Every edit touches only its own span: the bytes between edits are the original bytes.
          const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
          assert.equal(output.slice(0, sorted[0]!.start), text.slice(0, sorted[0]!.start));
          for (const comment of before)
            assert.ok(output.includes(comment), `${finding.ruleId}: '${fix.title}' keeps the comment '${comment}'`);
          const after = analyze(output);
          assert.deepEqual(
            after.findings.filter((f) => f.ruleId === 'syntax/yaml').map((f) => f.message),
            [],
            `${finding.ruleId}: '${fix.title}' leaves the file parseable`,
          );
          assert.deepEqual(after.internalErrors, []);
          if (safe) {
            const stillThere = after.findings.filter((f) => f.ruleId === finding.ruleId && f.message === finding.message);
            assert.equal(stillThere.length, 0, `${finding.ruleId}: '${fix.title}' removes its finding`);
          }
          const beforeCounts = errorCounts(analysis.findings);
          const newErrors = [...errorCounts(after.findings)]
            .filter(([ruleId, count]) => count > (beforeCounts.get(ruleId) ?? 0))
            .map(([ruleId]) => ruleId);
          assert.deepEqual(newErrors, [], `${finding.ruleId}: '${fix.title}' brings in no new error`);
        }
      }
    });
  }
});
