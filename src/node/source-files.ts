/**
 * Reading the user's `.awsflow` files from disk, for the CLI and the language server's
 * workspace scan alike. A folder can hold things that are not text files: a FIFO blocks
 * whoever opens it until a writer comes, a link to /dev/zero never ends, a link to a
 * folder can lead back up the tree (a loop) or out of it (to `/`). So: only regular files
 * are read, never more bytes than the analysis accepts, and symbolic links to folders
 * are not followed while searching a folder.
 */
import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_TEXT_LENGTH } from '../core/index';

/**
 * The most bytes a file within the analysis' limit (MAX_TEXT_LENGTH UTF-16 code units)
 * can have: UTF-8 spends at most 3 bytes per code unit. A file with more is too large
 * whatever it holds, so no more than this (plus one byte, to know) is ever read.
 */
export const MAX_SOURCE_BYTES = MAX_TEXT_LENGTH * 3;

/** Folders a search never enters: dependencies, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.tooling']);

export type SourceRead =
  /** The whole file, as text. */
  | { readonly kind: 'text'; readonly text: string }
  /**
   * More than MAX_SOURCE_BYTES: `text` is the start that was read, `bytes` the full size
   * when the file system knows it. The analysis refuses it (`truncated` option).
   */
  | { readonly kind: 'too-large'; readonly text: string; readonly bytes: number | undefined }
  /** Not read, for the reason given (one clause, e.g. "it is a named pipe (FIFO), not a regular file"). */
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * A file's text, if it is a regular file in UTF-8. Never throws, never blocks on a FIFO
 * or device, never reads more than MAX_SOURCE_BYTES + 1 bytes.
 */
export async function readSourceFile(path: string): Promise<SourceRead> {
  try {
    // stat before open: opening a device can have effects of its own, and a FIFO blocks.
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'refused', reason: notRegular(info) };
    // The path may have been replaced between the two calls: open without blocking and look again.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { kind: 'refused', reason: notRegular(opened) };
      const chunks: Buffer[] = [];
      let total = 0;
      while (total <= MAX_SOURCE_BYTES) {
        const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, MAX_SOURCE_BYTES + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
        total += bytesRead;
      }
      return decodeSource(Buffer.concat(chunks, total), opened.size);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { kind: 'refused', reason: describeError(error) };
  }
}

/** The same for a stream (standard input): at most MAX_SOURCE_BYTES + 1 bytes are taken from it. */
export async function readSourceStream(stream: NodeJS.ReadableStream & { destroy?(): void }): Promise<SourceRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      total += bytes.length;
      if (total > MAX_SOURCE_BYTES) break;
    }
  } catch (error) {
    return { kind: 'refused', reason: describeError(error) };
  } finally {
    stream.destroy?.();
  }
  return decodeSource(Buffer.concat(chunks, total).subarray(0, MAX_SOURCE_BYTES + 1), undefined);
}

/**
 * UTF-8 text (a UTF-8 byte order mark stays, as the editor keeps it); a UTF-16 or UTF-32
 * byte order mark is named, since decoding such a file as UTF-8 would call it binary. So is
 * UTF-16 without a mark, recognised by its NUL bytes (see utf16WithoutMark). Such files are
 * refused rather than decoded: `--fix` writes UTF-8 back, and the editor, which opens them
 * as UTF-8 too, would not see the text awsflow checked.
 */
export function decodeSource(bytes: Buffer, size: number | undefined): SourceRead {
  const encoding = byteOrderMark(bytes);
  if (encoding) return { kind: 'refused', reason: `the file is ${encoding}; save it as UTF-8` };
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return { kind: 'refused', reason: `the file looks like ${unmarked} without a byte order mark; save it as UTF-8` };
  if (bytes.length > MAX_SOURCE_BYTES) {
    return {
      kind: 'too-large',
      text: bytes.subarray(0, MAX_SOURCE_BYTES).toString('utf8'),
      bytes: size !== undefined && size > MAX_SOURCE_BYTES ? size : undefined,
    };
  }
  return { kind: 'text', text: bytes.toString('utf8') };
}

function byteOrderMark(bytes: Buffer): string | undefined {
  // UTF-32 first: its little-endian mark begins with UTF-16's.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return 'UTF-32 (little-endian)';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'UTF-32 (big-endian)';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian)';
  return undefined;
}

/** Bytes looked at to recognise UTF-16 without a byte order mark. */
const SNIFF_BYTES = 1024;

/**
 * UTF-16 without a byte order mark, recognised in the first KiB: an .awsflow file is mostly
 * ASCII, which UTF-16 writes as the character's byte and a NUL, in that order in little-endian
 * and the other way in big-endian. Three quarters of the code units being NUL + ASCII text
 * (tab, line breaks, printable) on the same side is UTF-16; UTF-8 text has no NUL at all, and
 * binary data or UTF-32 (two NULs per ASCII character) do not fit the pattern.
 */
function utf16WithoutMark(bytes: Buffer): string | undefined {
  const units = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (units < 2) return undefined;
  let little = 0;
  let big = 0;
  for (let i = 0; i < units; i++) {
    const first = bytes[2 * i]!;
    const second = bytes[2 * i + 1]!;
    if (second === 0 && isAsciiText(first)) little++;
    else if (first === 0 && isAsciiText(second)) big++;
  }
  if (little * 4 >= units * 3) return 'UTF-16 (little-endian)';
  if (big * 4 >= units * 3) return 'UTF-16 (big-endian)';
  return undefined;
}

function isAsciiText(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte <= 0x7e);
}

function notRegular(info: Stats): string {
  if (info.isDirectory()) return 'it is a folder';
  if (info.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (info.isCharacterDevice()) return 'it is a character device, not a regular file';
  if (info.isBlockDevice()) return 'it is a block device, not a regular file';
  if (info.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

export interface SourceSearch {
  /** Every entry named `*.awsflow` that is not a folder, in a stable order (read them with readSourceFile). */
  readonly files: string[];
  /** Folders that could not be listed, with the reason. */
  readonly unreadableFolders: { readonly path: string; readonly reason: string }[];
  /** The search stopped at `maxFiles`. */
  readonly truncated: boolean;
}

/**
 * The `.awsflow` entries under `root`, depth first in name order. Folders named in
 * SKIPPED_FOLDERS are not entered, nor are symbolic links to folders: a link can point
 * back up the tree (a loop: the same files again and again) or out of it, so only the
 * real folders under `root` are searched (name a linked folder to check it). A link
 * named `*.awsflow` is listed unless it is dangling or leads to a folder; reading it
 * follows it, and refuses what is not a regular file.
 */
export async function findSourceFiles(
  root: string,
  limits: { readonly maxFiles?: number; readonly maxDepth?: number } = {},
): Promise<SourceSearch> {
  const maxFiles = limits.maxFiles ?? Infinity;
  const maxDepth = limits.maxDepth ?? Infinity;
  const files: string[] = [];
  const unreadableFolders: { path: string; reason: string }[] = [];
  const pending = [{ path: root, depth: 0 }];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(folder.path, { withFileTypes: true });
    } catch (error) {
      unreadableFolders.push({ path: folder.path, reason: describeError(error) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = join(folder.path, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && folder.depth < maxDepth) subfolders.push(path);
      } else if (entry.name.endsWith('.awsflow')) {
        // A dangling link is nobody's input; a link to a folder is not followed (above).
        if (
          entry.isSymbolicLink() &&
          !(await stat(path).then(
            (target) => !target.isDirectory(),
            () => false,
          ))
        )
          continue;
        if (files.length >= maxFiles) return { files, unreadableFolders, truncated: true };
        files.push(path);
      }
    }
    // Reversed onto the stack, so that the first subfolder is searched first.
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push({ path: subfolders[i]!, depth: folder.depth + 1 });
  }
  return { files, unreadableFolders, truncated: false };
}

/** A file system error as a short clause for a one-line message. */
export function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}
