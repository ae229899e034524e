import { defineRule } from '../define-rule';

/** Reported by the engine (analyze.ts), which reads the ignore comments. */
export default defineRule({
  id: 'suppression/unused',
  defaultSeverity: 'warning',
  summary: 'An `# awsflow-ignore` comment that silences nothing',
  fixable: false,
  hasSuggestions: false,
  messages: {
    unused: "'{ruleId}' reports nothing on this line or the next: the ignore comment can go.",
    unknownRule: "'{ruleId}' is not an awsflow rule: this ignore comment silences nothing.",
  },
  check() {},
});
