/** Shared by the import tests: what "a file check accepts" means for an import's output. */
import assert from 'node:assert/strict';
import { analyze, type Finding } from '../../../src/core/index';

/** The findings an imported file must never have. */
export function isForbidden(finding: Finding): boolean {
  return (
    finding.ruleId.startsWith('syntax/') ||
    finding.ruleId === 'schema/invalid' ||
    finding.ruleId === 'flows/syntax' ||
    finding.ruleId === 'flows/unknown-resource'
  );
}

export function assertAccepted(text: string, context = ''): void {
  const bad = analyze(text).findings.filter(isForbidden);
  assert.deepEqual(
    bad.map((f) => `${f.ruleId}: ${f.message} at ${JSON.stringify(text.slice(f.start, f.end))}`),
    [],
    `${context}\n${text}`,
  );
}
