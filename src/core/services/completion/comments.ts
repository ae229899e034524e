/** Comments: `# awsflow-ignore <rule-id>, …`: the directive, then the rule ids, those with a finding here first. */
import type { Analysis } from '../../analyze';
import type { DocsLinks } from '../../rules/define-rule';
import { rules } from '../../rules/index';
import type { CompletionEntry } from '../types';
import type { YamlText } from '../cursor-context';
import { ruleDocumentation } from './context';

export function commentCompletions(
  analysis: Analysis,
  doc: YamlText,
  commentStart: number,
  offset: number,
  links: DocsLinks,
): CompletionEntry[] {
  const body = analysis.text.slice(commentStart, offset);
  const directive = /^#[ \t]*([A-Za-z-]+)$/.exec(body);
  if (directive && 'awsflow-ignore'.startsWith(directive[1]!)) {
    return [
      {
        label: 'awsflow-ignore',
        kind: 'keyword',
        insertText: 'awsflow-ignore ',
        detail: 'silence rules on this line or the next',
        documentation:
          'Silences the findings of the listed rules on this line or the line below: `# awsflow-ignore <rule-id>[, <rule-id>…] -- <reason>`.',
        replace: { start: offset - directive[1]!.length, end: offset },
      },
    ];
  }
  const ignore = /^#[ \t]*awsflow-ignore[ \t]+(.*)$/.exec(body);
  if (!ignore || ignore[1]!.includes('--')) return [];
  const listed = ignore[1]!;
  const partial = /[A-Za-z0-9/_-]*$/.exec(listed)![0];
  const written = new Set(
    listed
      .slice(0, listed.length - partial.length)
      .split(/[\s,]+/)
      .filter(Boolean),
  );
  const line = doc.lineAt(offset);
  const here = new Map<string, string>();
  for (const finding of analysis.findings) {
    const findingLine = doc.lineAt(finding.start);
    // The comment's own findings (an ignore without a reason, or silencing nothing yet) are not what it is for.
    if (finding.ruleId.startsWith('suppression/')) continue;
    if ((findingLine === line || findingLine === line + 1) && !here.has(finding.ruleId)) here.set(finding.ruleId, finding.message);
  }
  return rules
    .filter((rule) => !written.has(rule.id))
    .map((rule) => {
      const message = here.get(rule.id);
      return {
        label: rule.id,
        kind: 'rule' as const,
        insertText: rule.id,
        detail: rule.summary,
        documentation: (message ? `Silences: ${message}\n\n` : '') + ruleDocumentation(rule.id, rule.summary, rule.defaultSeverity, links),
        replace: { start: offset - partial.length, end: offset },
        sortText: `${message ? 0 : 1}${rule.id}`,
      };
    });
}
