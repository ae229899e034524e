/**
 * Where the rule pages shipped with this copy of awsflow are. The CLI runs from `dist/`,
 * the language server from `dist/server/`, in a checkout and in the .vsix alike; both
 * carry `docs/rules/` at the package's root. awsflow has no public web address for its
 * docs, so these local pages are what rule links point at (see `docsUrl`).
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_DOCS_FOLDER, type DocsLinks } from '../core/index';

/** How far above the running bundle the package root can be (dist/server/ -> root is two). */
const MAX_LEVELS_UP = 3;

/** The package root above `bundleFolder` that holds the rule pages, or undefined. */
export function findPackageRoot(bundleFolder: string): string | undefined {
  let folder = bundleFolder;
  for (let level = 0; level <= MAX_LEVELS_UP; level++) {
    if (isFolder(join(folder, RULE_DOCS_FOLDER))) return folder;
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return undefined;
}

/** Links to the local pages, or no links when this copy has no docs. */
export function localDocsLinks(bundleFolder: string): DocsLinks {
  const root = findPackageRoot(bundleFolder);
  return root === undefined ? {} : { packageRoot: pathToFileURL(join(root, '/')).href };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
