/**
 * Diagnostics as VS Code holds them (what the Problems panel and the squiggles show):
 * the language server's findings for the mistakes fixture, each with its rule id as the
 * code, a link to the rule's documentation, its severity and its exact range; and the
 * same findings the command line reports for the same file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, diagnosticsWhere, openFixture, rangeText, ruleOf } from '../helpers';

const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

/** Every finding in test/e2e-workspace/mistakes.awsflow: rule, severity, zero-based range. */
const EXPECTED: [string, vscode.DiagnosticSeverity, string][] = [
  ['sqs/no-dlq', I, '7:2-7:8'],
  ['encryption/at-rest', W, '9:16-9:20'],
  ['sqs/visibility-timeout', E, '10:23-10:26'],
  ['sqs/range', E, '11:15-11:18'],
  ['lambda/timeout-limit', E, '14:13-14:16'],
  ['lambda/memory-range', E, '15:12-15:16'],
  ['sqs/visibility-timeout', E, '16:2-16:13'],
  ['sqs/dlq-type', E, '20:26-20:36'],
  ['encryption/at-rest', W, '30:2-30:8'],
  ['sqs/no-consumer', W, '32:2-32:13'],
  ['sqs/fifo-name', E, '34:10-34:14'],
  ['schedule/expression', E, '38:16-38:34'],
  ['ecs/fargate-size', E, '43:12-43:15'],
  ['sqs/fifo-throughput', E, '48:32-48:38'],
  ['sqs/fifo-batch-size', E, '49:47-49:49'],
  ['lambda/api-timeout', W, '50:11-50:23'],
  ['sns/fifo-subscription', E, '52:14-52:25'],
  ['sns/no-redrive', I, '52:14-52:25'],
  ['eventbridge/no-dlq', I, '53:12-53:18'],
  ['flows/unknown-resource', E, '54:14-54:22'],
];

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = { error: E, warning: W, info: I };

function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => `${ruleOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${rangeText(d.range)}`);
}

describe('diagnostics', () => {
  it('the findings of mistakes.awsflow arrive with rule ids as codes, severities and exact ranges', async () => {
    const editor = await openFixture('mistakes.awsflow');
    const diagnostics = await diagnosticsWhere(
      editor.document.uri,
      `${EXPECTED.length} diagnostics`,
      (list) => list.length >= EXPECTED.length,
    );
    assert.deepEqual(
      summary(diagnostics),
      EXPECTED.map(([rule, severity, range]) => `${rule} ${vscode.DiagnosticSeverity[severity]} ${range}`),
    );

    const timeout = diagnostics.find((d) => ruleOf(d) === 'lambda/timeout-limit')!;
    assert.equal(editor.document.getText(timeout.range), '20m');
    assert.match(timeout.message, /over the 15 minutes maximum/);
    // The code links to the rule's documentation (the Problems panel shows it as a link).
    assert.equal(typeof timeout.code, 'object');
    const target = (timeout.code as { target: vscode.Uri }).target;
    assert.equal(new URLSearchParams(target.query).get('rule'), 'lambda/timeout-limit');
  });

  it('every line the fixture marks `# expect: <rule>` has that finding, directly or through related information', async () => {
    const editor = await openFixture('mistakes.awsflow');
    const diagnostics = await diagnosticsWhere(
      editor.document.uri,
      `${EXPECTED.length} diagnostics`,
      (list) => list.length >= EXPECTED.length,
    );
    const marked = editor.document
      .getText()
      .split('\n')
      .flatMap((text, line) => [...text.matchAll(/# expect: ([\w-]+\/[\w-]+)/g)].map((m) => ({ line, rule: m[1]! })));
    assert.ok(marked.length >= 15, 'the fixture lost its expect: markers');
    // A marker names the line of the value or of the key just above it; a finding that
    // involves two places (a flow and the resource it breaks) may sit at the other one and
    // point here through its related information, which must reach VS Code too.
    const missing = marked.filter(
      ({ line, rule }) =>
        !diagnostics.some(
          (d) =>
            ruleOf(d) === rule &&
            ([line, line - 1].includes(d.range.start.line) ||
              (d.relatedInformation ?? []).some((info) => info.location.range.start.line === line)),
        ),
    );
    assert.deepEqual(missing, []);
  });

  it('the editor shows exactly what `awsflow check` reports for the same file', async () => {
    const editor = await openFixture('mistakes.awsflow');
    const diagnostics = await diagnosticsWhere(
      editor.document.uri,
      `${EXPECTED.length} diagnostics`,
      (list) => list.length >= EXPECTED.length,
    );
    const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/cli.js');
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', editor.document.uri.fsPath], { encoding: 'utf8' });
    assert.equal(run.status, 1, `awsflow check should exit 1 on errors: ${run.stderr}`);
    const findings = (
      JSON.parse(run.stdout) as {
        findings: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[];
      }[]
    )[0]!.findings;
    assert.deepEqual(
      summary(diagnostics),
      summary(
        findings.map((f) => {
          const range = new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
          return Object.assign(new vscode.Diagnostic(range, f.ruleId, SEVERITY[f.severity]), { code: f.ruleId });
        }),
      ),
    );
  });
});
