import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeError, findSourceFiles } from '../node/source-files';

export class UsageError extends Error {}

/** `-` on the command line: standard input. */
export const STDIN = '-';

/**
 * The `.awsflow` files named, or found under the folders named (see findSourceFiles:
 * links to folders inside them are not followed), sorted, each once; `-` first if given.
 */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  let stdin = false;
  for (const path of paths) {
    if (path === STDIN) {
      stdin = true;
      continue;
    }
    let stats;
    try {
      stats = await stat(path);
    } catch (error) {
      throw new UsageError(`cannot read '${path}': ${describeError(error)}`);
    }
    if (stats.isDirectory()) {
      const search = await findSourceFiles(path);
      const unreadable = search.unreadableFolders[0];
      if (unreadable) throw new UsageError(`cannot read folder '${unreadable.path}': ${unreadable.reason}`);
      files.push(...search.files);
    } else files.push(path);
  }
  const sorted = [...new Set(files.map((f) => resolve(f)))].sort().map((f) => relativeOrAbsolute(f));
  return stdin ? [STDIN, ...sorted] : sorted;
}

function relativeOrAbsolute(file: string): string {
  const cwd = process.cwd();
  return file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file;
}
