import { defineRule } from '../define-rule';

/** Reported by the engine (analyze.ts), which reads the ignore comments. */
export default defineRule({
  id: 'suppression/missing-reason',
  defaultSeverity: 'info',
  summary: 'An `# awsflow-ignore` comment without `-- <reason>`',
  fixable: false,
  hasSuggestions: false,
  messages: {
    missingReason: 'Say why this finding is ignored: `# awsflow-ignore <rule-id> -- <reason>`.',
  },
  check() {},
});
