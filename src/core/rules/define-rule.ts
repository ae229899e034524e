import type { Rule } from './types';

/** Base of every rule's documentation link; the page is docs/rules/<id>.md. */
export const DOCS_BASE = 'https://github.com/awsflow/awsflow/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
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
