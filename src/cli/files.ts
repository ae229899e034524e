import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.tooling']);

export class UsageError extends Error {}

/** The `.awsflow` files named, or found under the folders named. */
export function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new UsageError(`cannot read '${path}': ${describeError(error)}`);
    }
    if (stats.isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return [...new Set(files.map((f) => resolve(f)))].sort().map((f) => relativeOrAbsolute(f));
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new UsageError(`cannot read folder '${dir}': ${describeError(error)}`);
  }
  for (const name of names) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue; // a dangling link inside a folder is not the user's input
    }
    if (stats.isDirectory()) out.push(...walk(path));
    else if (name.endsWith('.awsflow')) out.push(path);
  }
  return out;
}

function relativeOrAbsolute(file: string): string {
  const cwd = process.cwd();
  return file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file;
}

export function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    default: return error instanceof Error ? error.message : String(error);
  }
}
