/** The Node-side reader shared by the CLI and the language server: its limits, on both sides of each. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MAX_TEXT_LENGTH } from '../../../src/core/index';
import { decodeSource, findSourceFiles, MAX_SOURCE_BYTES, readSourceFile, readSourceStream } from '../../../src/node/source-files';

describe('decodeSource', () => {
  test('the byte limit is three bytes per UTF-16 code unit of the analysis limit', () => {
    assert.equal(MAX_SOURCE_BYTES, 3 * MAX_TEXT_LENGTH);
    // The worst case for UTF-8: every code unit (here U+20AC) takes three bytes.
    const widest = Buffer.from('€'.repeat(MAX_TEXT_LENGTH));
    assert.equal(widest.length, MAX_SOURCE_BYTES);
    const read = decodeSource(widest, widest.length);
    assert.equal(read.kind, 'text');
  });

  test('exactly the limit is text; one byte more is too large, with the size the file system gave', () => {
    assert.deepEqual(Object.keys(decodeSource(Buffer.alloc(MAX_SOURCE_BYTES, 0x61), MAX_SOURCE_BYTES)), ['kind', 'text']);
    const over = decodeSource(Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61), 50 * 1024 * 1024);
    assert.equal(over.kind, 'too-large');
    assert.equal(over.kind === 'too-large' && over.text.length, MAX_SOURCE_BYTES);
    assert.equal(over.kind === 'too-large' && over.bytes, 50 * 1024 * 1024);
    // A size at or under the limit cannot be right (the file grew, or the file system reports 0): unknown.
    const grown = decodeSource(Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61), 0);
    assert.equal(grown.kind === 'too-large' && grown.bytes, undefined);
  });

  test('byte order marks: UTF-16 and UTF-32 named, UTF-8 kept as the editor keeps it', () => {
    const cases: [number[], string][] = [
      [[0xff, 0xfe, 0x61, 0x00], 'the file is UTF-16 (little-endian); save it as UTF-8'],
      [[0xfe, 0xff, 0x00, 0x61], 'the file is UTF-16 (big-endian); save it as UTF-8'],
      [[0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0], 'the file is UTF-32 (little-endian); save it as UTF-8'],
      [[0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x61], 'the file is UTF-32 (big-endian); save it as UTF-8'],
    ];
    for (const [bytes, reason] of cases) assert.deepEqual(decodeSource(Buffer.from(bytes), bytes.length), { kind: 'refused', reason });
    assert.deepEqual(decodeSource(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 4), { kind: 'text', text: '\ufeffa' });
    // Not a mark: one byte of it alone, or the bytes later in the file.
    assert.deepEqual(decodeSource(Buffer.from([0xff]), 1), { kind: 'text', text: '\ufffd' });
    assert.deepEqual(decodeSource(Buffer.from([0x61, 0xff, 0xfe]), 3), { kind: 'text', text: 'a\ufffd\ufffd' });
  });
  test("UTF-16 without a byte order mark: named when three quarters of the first KiB's code units are NUL + ASCII on one side", () => {
    const text = 'awsflow: 1\nresources:\n  jobs: { type: sqs }\n';
    const little = Buffer.from(text, 'utf16le');
    const big = Buffer.from(little).swap16();
    assert.deepEqual(decodeSource(little, little.length), {
      kind: 'refused',
      reason: 'the file looks like UTF-16 (little-endian) without a byte order mark; save it as UTF-8',
    });
    assert.deepEqual(decodeSource(big, big.length), {
      kind: 'refused',
      reason: 'the file looks like UTF-16 (big-endian) without a byte order mark; save it as UTF-8',
    });
    // The boundary: 3 of 4 code units ASCII (the fourth, é, is not) is UTF-16; 2 of 4 is not.
    const threeOfFour = Buffer.from('abcé', 'utf16le');
    assert.equal(decodeSource(threeOfFour, 8).kind, 'refused');
    const twoOfFour = Buffer.from('abéé', 'utf16le');
    assert.deepEqual(decodeSource(twoOfFour, 8), { kind: 'text', text: twoOfFour.toString('utf8') });
    // One code unit is not enough to tell; UTF-32 (two NULs per character) and NUL-filled data are not UTF-16.
    assert.deepEqual(decodeSource(Buffer.from([0x61, 0x00]), 2), { kind: 'text', text: 'a\0' });
    const utf32 = Buffer.from([0x61, 0, 0, 0, 0x62, 0, 0, 0]);
    assert.deepEqual(decodeSource(utf32, 8), { kind: 'text', text: utf32.toString('utf8') });
    assert.equal(decodeSource(Buffer.alloc(64), 64).kind, 'text');
    // UTF-8 text is never taken for UTF-16, and only the first KiB is looked at.
    assert.deepEqual(decodeSource(Buffer.from(text), text.length), { kind: 'text', text });
    const late = Buffer.concat([Buffer.alloc(1024, 0x61), little]);
    assert.equal(decodeSource(late, late.length).kind, 'text');
    // A file over the size limit is named by its encoding too.
    assert.equal(decodeSource(Buffer.from('a'.repeat(MAX_SOURCE_BYTES / 2 + 1), 'utf16le'), undefined).kind, 'refused');
  });
});

describe('readSourceFile, readSourceStream and findSourceFiles', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'awsflow-source-files-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('regular files are read; anything else is refused with its kind, never opened for reading', async () => {
    writeFileSync(join(folder, 'good.awsflow'), 'awsflow: 1\n');
    assert.deepEqual(await readSourceFile(join(folder, 'good.awsflow')), { kind: 'text', text: 'awsflow: 1\n' });
    assert.equal(spawnSync('mkfifo', [join(folder, 'pipe.awsflow')]).status, 0);
    assert.deepEqual(await readSourceFile(join(folder, 'pipe.awsflow')), {
      kind: 'refused',
      reason: 'it is a named pipe (FIFO), not a regular file',
    });
    assert.deepEqual(await readSourceFile('/dev/zero'), { kind: 'refused', reason: 'it is a character device, not a regular file' });
    assert.deepEqual(await readSourceFile(folder), { kind: 'refused', reason: 'it is a folder' });
    assert.deepEqual(await readSourceFile(join(folder, 'missing.awsflow')), { kind: 'refused', reason: 'no such file or folder' });
    symlinkSync('self-link.awsflow', join(folder, 'self-link.awsflow'));
    assert.deepEqual(await readSourceFile(join(folder, 'self-link.awsflow')), {
      kind: 'refused',
      reason: 'too many levels of symbolic links',
    });
  });

  test('a stream is read up to the limit and no further', async () => {
    assert.deepEqual(await readSourceStream(Readable.from([Buffer.from('awsflow: '), Buffer.from('1\n')])), {
      kind: 'text',
      text: 'awsflow: 1\n',
    });
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024 * 1024, 0x61));
      },
    });
    const read = await readSourceStream(endless);
    assert.equal(read.kind, 'too-large');
    assert.equal(read.kind === 'too-large' && read.bytes, undefined);
    assert.ok(pulled <= MAX_SOURCE_BYTES / (1024 * 1024) + 2, `read ${pulled} MiB`);
    assert.ok(endless.destroyed, 'the stream is let go');
  });

  test('folder search: name order, skipped folders, limits on files and depth, no link to a folder followed', async () => {
    const tree = join(folder, 'tree');
    mkdirSync(join(tree, 'b', 'deeper'), { recursive: true });
    mkdirSync(join(tree, 'node_modules'), { recursive: true });
    for (const file of ['a.awsflow', 'b/x.awsflow', 'b/deeper/y.awsflow', 'c.awsflow', 'node_modules/n.awsflow', 'notes.yaml'])
      writeFileSync(join(tree, file), '');
    symlinkSync('.', join(tree, 'loop'));
    symlinkSync('/', join(tree, 'root'));
    symlinkSync('b', join(tree, 'b-link.awsflow')); // named like a file, but a folder: not listed
    symlinkSync('a.awsflow', join(tree, 'd-link.awsflow'));
    const names = (files: string[]) => files.map((f) => f.slice(tree.length + 1));
    const all = await findSourceFiles(tree);
    assert.deepEqual(names(all.files), ['a.awsflow', 'c.awsflow', 'd-link.awsflow', 'b/x.awsflow', 'b/deeper/y.awsflow']);
    assert.equal(all.truncated, false);
    assert.deepEqual(names((await findSourceFiles(tree, { maxDepth: 1 })).files), [
      'a.awsflow',
      'c.awsflow',
      'd-link.awsflow',
      'b/x.awsflow',
    ]);
    const two = await findSourceFiles(tree, { maxFiles: 2 });
    assert.deepEqual(names(two.files), ['a.awsflow', 'c.awsflow']);
    assert.equal(two.truncated, true);
    assert.deepEqual((await findSourceFiles(join(folder, 'no-such-folder'))).unreadableFolders, [
      { path: join(folder, 'no-such-folder'), reason: 'no such file or folder' },
    ]);
  });
});
