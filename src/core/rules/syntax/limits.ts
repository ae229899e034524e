import { defineRule } from '../define-rule';
import { LIMIT_CODES } from './yaml';

export default defineRule({
  id: 'syntax/limits',
  defaultSeverity: 'error',
  summary: 'Input awsflow refuses to read: too large, binary, nested too deeply, or aliases that expand too far',
  fixable: false,
  hasSuggestions: false,
  messages: {
    limit: '{message}',
  },
  check(context) {
    for (const problem of context.syntaxProblems) {
      if (LIMIT_CODES.has(problem.code)) context.report({ at: problem, messageId: 'limit', data: { message: problem.message } });
    }
  },
});
