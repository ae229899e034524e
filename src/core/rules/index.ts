/**
 * The rule registry: one import per rule, sorted by id (a conformance test keeps it so,
 * and keeps it equal to the files under rules/, the docs and the tests).
 */
import type { Rule } from './types';
import configUnknownRule from './config/unknown-rule';
import flowsSyntax from './flows/syntax';
import flowsUnknownResource from './flows/unknown-resource';
import lambdaTimeoutLimit from './lambda/timeout-limit';
import schemaInvalid from './schema/invalid';
import suppressionMissingReason from './suppression/missing-reason';
import suppressionUnused from './suppression/unused';
import syntaxLimits from './syntax/limits';
import syntaxYaml from './syntax/yaml';

export const rules: readonly Rule[] = [
  configUnknownRule,
  flowsSyntax,
  flowsUnknownResource,
  lambdaTimeoutLimit,
  schemaInvalid,
  suppressionMissingReason,
  suppressionUnused,
  syntaxLimits,
  syntaxYaml,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
