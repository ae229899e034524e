import { defineRule } from '../define-rule';
import { closest } from '../../util/similar';

export default defineRule({
  id: 'config/unknown-rule',
  defaultSeverity: 'warning',
  summary: "A rule id in the file's `rules:` section that awsflow does not know",
  fixable: false,
  hasSuggestions: true,
  messages: {
    unknown: "'{ruleId}' is not an awsflow rule, so this setting does nothing.{hint}",
    renameTo: "Change to '{ruleId}'",
  },
  check(context) {
    const known = new Set(context.ruleIds);
    for (const setting of context.model.ruleSettings) {
      if (known.has(setting.ruleId)) continue;
      const candidates = closest(setting.ruleId, context.ruleIds);
      context.report({
        at: setting.key,
        messageId: 'unknown',
        data: { ruleId: setting.ruleId, hint: candidates.length ? ` Did you mean '${candidates[0]}'?` : ' `awsflow rules` lists them.' },
        suggest: candidates.map((candidate) => ({
          messageId: 'renameTo' as const,
          data: { ruleId: candidate },
          build: (e) => e.replace(setting.key, candidate),
        })),
      });
    }
  },
});
