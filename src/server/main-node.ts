/**
 * `awsflow-language-server --stdio` (or `--node-ipc`, as the VS Code client starts it).
 * stdout carries the protocol, so console output is sent to the client's log instead.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { escapeControlCharacters } from '../core/index';
import { localDocsLinks } from '../node/local-docs';
import { findSourceFiles, MAX_SOURCE_BYTES, readSourceFile } from '../node/source-files';
import { describeFailure, startServer, type ServerHost } from './server';

const connection = createConnection(ProposedFeatures.all);

// Everything logged reaches the client's output panel: control characters escaped.
const logText = (args: unknown[]) => escapeControlCharacters(args.map(String).join(' '), { keepLineBreaks: true });
console.log = (...args: unknown[]) => connection.console.log(logText(args));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(logText(args));
console.error = (...args: unknown[]) => connection.console.error(logText(args));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${describeFailure(reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${describeFailure(error)}`));

/** Bounds for the workspace scan behind workspace symbols. */
const MAX_FILES = 2000;
const MAX_DEPTH = 12;

/** Files the scan could not read are logged once each, not on every workspace/symbol request. */
const loggedSkips = new Set<string>();
const MAX_LOGGED_SKIPS = 100;

function logSkip(path: string, reason: string): void {
  if (loggedSkips.has(path) || loggedSkips.size >= MAX_LOGGED_SKIPS) return;
  loggedSkips.add(path);
  connection.console.log(escapeControlCharacters(`workspace symbols: skipped '${path}': ${reason}`));
}

const host: ServerHost = {
  // The pages beside this bundle: dist/server/ -> the package root's docs/rules/.
  docsLinks: localDocsLinks(__dirname),
  async workspaceFiles(folderUris) {
    const files: { uri: string; text: string }[] = [];
    for (const uri of folderUris) {
      if (!uri.startsWith('file:') || files.length >= MAX_FILES) continue;
      // Only regular files, at most MAX_SOURCE_BYTES each, and no symbolic link to a folder is followed.
      const search = await findSourceFiles(fileURLToPath(uri), { maxFiles: MAX_FILES - files.length, maxDepth: MAX_DEPTH });
      for (const path of search.files) {
        const read = await readSourceFile(path);
        if (read.kind === 'text') files.push({ uri: pathToFileURL(path).toString(), text: read.text });
        else logSkip(path, read.kind === 'refused' ? read.reason : `it has more than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB`);
      }
    }
    return files;
  },
};

startServer(connection, host);
