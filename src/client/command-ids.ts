/**
 * The commands the extension contributes, declared once: `package.json` lists exactly
 * these (a conformance test checks it) and `commands.ts` must register a handler for
 * each (its handler table is typed `Record<CommandId, …>`). vscode-free, so tests can
 * import it.
 */
export const COMMANDS = {
  showPreview: 'awsflow.showPreview',
  showPreviewToSide: 'awsflow.showPreviewToSide',
  showLockedPreviewToSide: 'awsflow.showLockedPreviewToSide',
  restartServer: 'awsflow.restartServer',
  showOutput: 'awsflow.showOutput',
  showRuleDocs: 'awsflow.showRuleDocs',
  importTemplate: 'awsflow.importTemplate',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];
