/** Settings changes: registered for the `awsflow` section with a client that has configuration; a change re-reads them. */
import { DidChangeConfigurationNotification, type ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../context';

export function registerSettings(context: ServerContext): ServerCapabilities {
  const { connection, settings } = context;
  context.whenInitialized(() => {
    if (settings.hasConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'awsflow' }).catch(() => undefined);
  });
  connection.onDidChangeConfiguration(() => settings.changed());
  return {};
}
