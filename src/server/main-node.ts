/**
 * `awsflow-language-server --stdio` (or `--node-ipc`, as the VS Code client starts it).
 * stdout carries the protocol, so console output is sent to the client's log instead.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerHost } from './server';

const connection = createConnection(ProposedFeatures.all);

console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${error.stack ?? error.message}`));

/** Bounds for the workspace scan behind workspace symbols. */
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);

const host: ServerHost = {
  async workspaceFiles(folderUris) {
    const files: { uri: string; text: string }[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (files.length >= MAX_FILES || depth > 12) return;
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (files.length >= MAX_FILES || SKIP.has(name)) continue;
        const path = join(dir, name);
        const info = await stat(path).catch(() => undefined);
        if (!info) continue;
        if (info.isDirectory()) await walk(path, depth + 1);
        else if (name.endsWith('.awsflow') && info.size <= MAX_FILE_BYTES) {
          const text = await readFile(path, 'utf8').catch(() => undefined);
          if (text !== undefined) files.push({ uri: pathToFileURL(path).toString(), text });
        }
      }
    };
    for (const uri of folderUris) if (uri.startsWith('file:')) await walk(fileURLToPath(uri), 0);
    return files;
  },
};

startServer(connection, host);
