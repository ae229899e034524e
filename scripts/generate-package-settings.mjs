// Writes the per-rule settings of package.json (`contributes.configuration.properties
// ["awsflow.rules"].properties`) from the rule registry (src/core/rules/index.ts): one
// property per rule id with the severities the server accepts, the rule's summary, its
// default severity and a link to its page. The registry is the one source: esbuild.mjs
// runs this before every build, and test/conformance/manifest.test.ts runs `--check`,
// which fails when the committed package.json is out of date.
//
//   node scripts/generate-package-settings.mjs            write package.json if it differs
//   node scripts/generate-package-settings.mjs --check    exit 1 if it differs
//   ... [--package <path>]                                 another copy of package.json (tests)
//
// Only that block changes; the rest of package.json keeps its order and its 2-space layout.
import * as esbuild from 'esbuild';
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchema } from './compile-schema.mjs';

/** The severities a rule setting takes, as src/protocol/settings.ts accepts them. */
export const SEVERITIES = ['error', 'warning', 'info', 'off'];
const SEVERITY_DESCRIPTIONS = ['Report as an error.', 'Report as a warning.', 'Report as information.', 'Do not report.'];

/** The setting for one rule: `{ id, defaultSeverity, summary }` from its `defineRule`. */
export function ruleSetting(rule) {
  const docs = `command:awsflow.showRuleDocs?${encodeURIComponent(JSON.stringify([rule.id]))}`;
  return {
    type: 'string',
    enum: SEVERITIES,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    markdownDescription: `${rule.summary}. Default: \`${rule.defaultSeverity}\`. [Rule documentation](${docs})`,
  };
}

/** The `awsflow.rules` properties, sorted by rule id. */
export function ruleSettings(rules) {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.fromEntries(sorted.map((rule) => [rule.id, ruleSetting(rule)]));
}

/** package.json's text with the rules block replaced; the same text when it is up to date. */
export function withRuleSettings(packageText, rules) {
  const manifest = JSON.parse(packageText);
  const block = manifest.contributes?.configuration?.properties?.['awsflow.rules'];
  if (!block || typeof block !== 'object') throw new Error('package.json has no contributes.configuration.properties["awsflow.rules"]');
  block.properties = ruleSettings(rules);
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * The registry's rules, bundled from the TypeScript source in memory (the JSON schema's
 * validators are compiled first, as the build does: the rules import the core).
 */
export async function loadRules(root) {
  compileSchema(root);
  const result = await esbuild.build({
    stdin: { contents: "export { rules } from './src/core/rules/index';", resolveDir: root, loader: 'ts', sourcefile: 'rule-registry.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.rules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, summary: rule.summary }));
}

/**
 * Brings package.json's rules block in step with the registry. With `check`, writes
 * nothing. Returns whether the file was (or, checking, would have been) out of date.
 */
export async function generatePackageSettings(root, { check = false, packagePath = join(root, 'package.json') } = {}) {
  const text = readFileSync(packagePath, 'utf8');
  const next = withRuleSettings(text, await loadRules(root));
  if (next === text) return false;
  if (!check) writeFileSync(packagePath, next);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const at = args.indexOf('--package');
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const packagePath = at >= 0 ? resolve(args[at + 1]) : join(root, 'package.json');
  const stale = await generatePackageSettings(root, { check, packagePath });
  if (check && stale) {
    console.error(
      `${packagePath}: the awsflow.rules settings differ from the rule registry; run \`node scripts/generate-package-settings.mjs\` (or \`npm run build\`).`,
    );
    process.exit(1);
  }
  if (stale) console.log(`${packagePath}: awsflow.rules settings written from the rule registry`);
}
