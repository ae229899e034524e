import { defineRule } from '../define-rule';

export default defineRule({
  id: 'flows/syntax',
  defaultSeverity: 'error',
  summary: 'A flow entry that is not `source -> target` with valid resource ids',
  fixable: false,
  hasSuggestions: false,
  messages: {
    syntax: '{message}',
  },
  check(context) {
    for (const entry of context.model.flows) {
      for (const error of entry.errors) context.report({ at: error, messageId: 'syntax', data: { message: error.message } });
    }
  },
});
