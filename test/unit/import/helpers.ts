/** Shared by the import tests: what "a file check accepts" means for an import's output. */
import assert from 'node:assert/strict';
import { analyze, RESOURCE_TYPES, type Finding } from '../../../src/core/index';

/** The findings an imported file must never have. */
export function isForbidden(finding: Finding): boolean {
  return (
    finding.ruleId.startsWith('syntax/') ||
    finding.ruleId === 'schema/invalid' ||
    finding.ruleId === 'flows/syntax' ||
    finding.ruleId === 'flows/unknown-resource'
  );
}

/**
 * Whether the format 1.1 types (`eventbridge`, `stepfunctions`) and connections are in this
 * build. They come from another branch; until it is merged, schema findings on exactly
 * those additions are expected, and nothing else is tolerated. Once merged, none is.
 */
export const FORMAT_11 = (RESOURCE_TYPES as readonly string[]).includes('eventbridge');

const FORMAT_11_WORDS =
  /'(?:eventbridge|stepfunctions|kind|timezone|flexibleWindow|archive|stream|workflow|events|pattern|rule|retry|via|enrich|callback)'/;

export function assertAccepted(text: string, context = ''): void {
  const bad = analyze(text)
    .findings.filter(isForbidden)
    .filter((f) => FORMAT_11 || !(f.ruleId === 'schema/invalid' && FORMAT_11_WORDS.test(f.message)));
  assert.deepEqual(
    bad.map((f) => `${f.ruleId}: ${f.message} at ${JSON.stringify(text.slice(f.start, f.end))}`),
    [],
    `${context}\n${text}`,
  );
}
