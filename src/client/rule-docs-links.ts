/**
 * Rule links, as VS Code shows them. The language server links each rule to the page
 * shipped beside it (`file:///…/docs/rules/<category>/<name>.md`, see `docsUrl` in the
 * core), which suits every editor; in VS Code the same page opens in the Markdown
 * preview instead of as raw text. These helpers recognise such links and say where to
 * send them. vscode-free, so unit tests can import it.
 */
import { COMMANDS } from './command-ids';

/** A rule id: `<category>/<name>`, lower case (the ids of src/core/rules, which the client cannot import). */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The end of a rule page's link: the package's docs/rules/<category>/<name>.md. */
const RULE_PAGE = /\/docs\/rules\/([a-z0-9-]+\/[a-z0-9-]+)\.md$/;

/** The path of the extension's URI handler that opens a rule's page (see `ruleDocsHandlerQuery`). */
export const RULE_DOCS_HANDLER_PATH = '/rule-docs';

export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && RULE_ID.test(value);
}

/** The rule whose page `href` links to, or undefined for any other link. */
export function ruleIdOfDocsLink(href: string): string | undefined {
  const match = RULE_PAGE.exec(href);
  return match && isRuleId(match[1]) ? match[1] : undefined;
}

/** `command:awsflow.showRuleDocs?["<id>"]`, for Markdown that VS Code renders trusted for that command only. */
export function ruleDocsCommandLink(ruleId: string): string {
  return `command:${COMMANDS.showRuleDocs}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

/** The query of the URI handler's link: `rule=<id>`. */
export function ruleDocsHandlerQuery(ruleId: string): string {
  return `rule=${encodeURIComponent(ruleId)}`;
}

/** The rule a URI handler's `path` and `query` ask for, or undefined when they ask for nothing we know. */
export function ruleIdOfHandlerUri(path: string, query: string): string | undefined {
  if (path !== RULE_DOCS_HANDLER_PATH) return undefined;
  const rule = new URLSearchParams(query).get('rule');
  return isRuleId(rule) ? rule : undefined;
}

/** Markdown links `[text](…/docs/rules/<id>.md)` turned into `[text](<link for id>)`; every other link kept. */
export function rewriteRuleDocsLinks(markdown: string, linkFor: (ruleId: string) => string): string {
  if (!markdown.includes('/docs/rules/')) return markdown;
  return markdown.replace(/\]\(([^()\s]+)\)/g, (whole, href: string) => {
    const ruleId = ruleIdOfDocsLink(href);
    return ruleId ? `](${linkFor(ruleId)})` : whole;
  });
}
