import type { Rule } from './types';

/** The folder of the rule pages, relative to the package's root: the same in a checkout, the CLI's package and the .vsix. */
export const RULE_DOCS_FOLDER = 'docs/rules';

/** A rule's page, relative to the package's root. */
export function docsPath(ruleId: string): string {
  return `${RULE_DOCS_FOLDER}/${ruleId}.md`;
}

/**
 * Where rule links point: the one place that decides it. awsflow has no public web
 * address that it controls, so every link goes to the page shipped with the program
 * that shows it: `packageRoot` is the URI of the installed package's root folder
 * (`file:///…/`), which only the host knows (the language server and the CLI find it
 * from their own location; VS Code turns these links into its Markdown preview of the
 * same page). A host without a local copy (the browser worker) gives no root, and then
 * there is no link.
 */
export interface DocsLinks {
  readonly packageRoot?: string;
}

/** The link to a rule's page, or undefined when the host has no copy of the docs. */
export function docsUrl(ruleId: string, links: DocsLinks): string | undefined {
  if (links.packageRoot === undefined) return undefined;
  return (links.packageRoot.endsWith('/') ? links.packageRoot : `${links.packageRoot}/`) + docsPath(ruleId);
}

/**
 * Declares a rule. The message ids are typed from `messages`, so a report names only a
 * declared message; everything a user sees comes from this metadata.
 */
export function defineRule<const MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** `Lambda timeout {given} is over {max}` + data -> text; a missing placeholder stays visible. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data?.[name];
    return value === undefined ? whole : String(value);
  });
}
