/**
 * The CLI against hostile surroundings: file systems (FIFOs, devices, link loops, a link
 * to `/`, UTF-16 files, standard input), output streams (a closed pipe, a full disk, an
 * unwritable file under --fix) and text that tries to drive the terminal or a CI log.
 * Every run is bounded: a hang fails the run at HANG_LIMIT_MS instead of stalling the suite.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
/** Far above any run here (each takes well under a second); only a hang reaches it. */
const HANG_LIMIT_MS = 20_000;
let work: string;

function awsflow(args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: HANG_LIMIT_MS,
    ...options,
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(result.signal, null, `awsflow ${args.join(' ')} did not finish within ${HANG_LIMIT_MS} ms`);
  return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

function mkfifo(path: string) {
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, `mkfifo ${path}: ${String(made.stderr)}`);
}

/** Files named in a JSON report. */
function reported(stdout: string): string[] {
  return (JSON.parse(stdout) as { file: string }[]).map((f) => f.file);
}

const GOOD = 'awsflow: 1\nresources:\n  jobs: { type: sqs }\n  worker: { type: lambda }\nflows:\n  - jobs -> worker\n';
const FIXABLE = 'awsflow: 1\nresources:\n  f:\n    type: lambda\n    timeout: 20m   # keep me\n';
const FIXED = 'awsflow: 1\nresources:\n  f:\n    type: lambda\n    timeout: 15m   # keep me\n';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'awsflow-cli-hostile-'));
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('hostile file systems', () => {
  test('a FIFO named on the command line is refused with one line, without waiting for a writer', () => {
    mkfifo(join(work, 'pipe.awsflow'));
    const result = awsflow(['check', 'pipe.awsflow']);
    assert.equal(result.stderr, "awsflow: cannot read 'pipe.awsflow': it is a named pipe (FIFO), not a regular file\n");
    assert.equal(result.stdout, '');
    assert.equal(result.code, 2);
  });

  test('a link to /dev/zero is refused at once, not read until memory runs out', () => {
    symlinkSync('/dev/zero', join(work, 'zero.awsflow'));
    const result = awsflow(['check', 'zero.awsflow']);
    assert.equal(result.stderr, "awsflow: cannot read 'zero.awsflow': it is a character device, not a regular file\n");
    assert.equal(result.code, 2);
    const diagram = awsflow(['diagram', 'zero.awsflow']);
    assert.equal(diagram.stderr, "awsflow: cannot read 'zero.awsflow': it is a character device, not a regular file\n");
    assert.equal(diagram.code, 2);
  });

  test('in a folder, the regular files are still checked and each refused entry gets its line; exit 2', () => {
    const folder = join(work, 'mixed');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-good.awsflow'), GOOD);
    mkfifo(join(folder, 'b-pipe.awsflow'));
    symlinkSync('/dev/zero', join(folder, 'c-zero.awsflow'));
    writeFileSync(join(folder, 'd-linked-target.txt'), GOOD);
    symlinkSync('d-linked-target.txt', join(folder, 'd-link.awsflow')); // a link to a regular file is read
    symlinkSync('no-such-file', join(folder, 'e-dangling.awsflow')); // a dangling link is nobody's input
    const result = awsflow(['check', '--format', 'json', 'mixed']);
    assert.deepEqual(reported(result.stdout), ['mixed/a-good.awsflow', 'mixed/d-link.awsflow']);
    assert.equal(
      result.stderr,
      [
        "awsflow: cannot read 'mixed/b-pipe.awsflow': it is a named pipe (FIFO), not a regular file",
        "awsflow: cannot read 'mixed/c-zero.awsflow': it is a character device, not a regular file",
        '',
      ].join('\n'),
    );
    assert.equal(result.code, 2);
  });

  test("links to folders are not followed: a loop, two self-links and a link to / list the tree's own files once", () => {
    const tree = join(work, 'tree');
    const outside = join(work, 'outside');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(tree, 'top.awsflow'), GOOD);
    writeFileSync(join(tree, 'sub', 'inner.awsflow'), GOOD);
    writeFileSync(join(outside, 'elsewhere.awsflow'), GOOD);
    symlinkSync('..', join(tree, 'sub', 'up')); // a loop back to the top
    symlinkSync('.', join(tree, 'self-1'));
    symlinkSync('.', join(tree, 'self-2'));
    symlinkSync('/', join(tree, 'root'));
    symlinkSync(outside, join(tree, 'outside-link'));
    symlinkSync('sub', join(tree, 'sub-again')); // inside the tree, but a second way in
    const result = awsflow(['check', '--format', 'json', 'tree']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.deepEqual(reported(result.stdout), ['tree/sub/inner.awsflow', 'tree/top.awsflow']);
    // A linked folder named on the command line is the user's choice: it is searched.
    assert.deepEqual(reported(awsflow(['check', '--format', 'json', 'tree/outside-link']).stdout), ['tree/outside-link/elsewhere.awsflow']);
  });

  test('UTF-16 (with or without a byte order mark) and UTF-32 files are named as such, not called binary; UTF-8 with a byte order mark is read', () => {
    const text = 'awsflow: 1\nresources:\n  jobs: { type: sqs }\n';
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.subarray(0)).swap16();
    writeFileSync(join(work, 'utf16le.awsflow'), utf16le);
    writeFileSync(join(work, 'utf16be.awsflow'), utf16be);
    writeFileSync(join(work, 'utf32le.awsflow'), Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(work, 'utf8bom.awsflow'), '\ufeff' + text);
    const cases: [string, string][] = [
      ['utf16le.awsflow', 'the file is UTF-16 (little-endian); save it as UTF-8'],
      ['utf16be.awsflow', 'the file is UTF-16 (big-endian); save it as UTF-8'],
      ['utf32le.awsflow', 'the file is UTF-32 (little-endian); save it as UTF-8'],
    ];
    for (const [file, reason] of cases) {
      const result = awsflow(['check', file]);
      assert.equal(result.stderr, `awsflow: cannot read '${file}': ${reason}\n`);
      assert.equal(result.code, 2);
    }
    // Without a byte order mark, UTF-16 is recognised by its NUL bytes.
    writeFileSync(join(work, 'utf16le-nomark.awsflow'), Buffer.from(text, 'utf16le'));
    writeFileSync(join(work, 'utf16be-nomark.awsflow'), Buffer.from(text, 'utf16le').swap16());
    for (const [file, reason] of [
      ['utf16le-nomark.awsflow', 'the file looks like UTF-16 (little-endian) without a byte order mark; save it as UTF-8'],
      ['utf16be-nomark.awsflow', 'the file looks like UTF-16 (big-endian) without a byte order mark; save it as UTF-8'],
    ] as const) {
      const result = awsflow(['check', file]);
      assert.equal(result.stderr, `awsflow: cannot read '${file}': ${reason}\n`);
      assert.equal(result.code, 2);
    }
    const bom = awsflow(['check', 'utf8bom.awsflow']);
    assert.equal(bom.stderr, '');
    assert.equal(bom.code, 0, bom.stdout);
  });

  test('no more than the size limit is read: an 8 GiB sparse file is refused as too large in bounded time', () => {
    const file = join(work, 'sparse.awsflow');
    writeFileSync(file, '');
    truncateSync(file, 8 * 1024 ** 3);
    const result = awsflow(['check', '--format', 'json', 'sparse.awsflow']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    assert.deepEqual(
      JSON.parse(result.stdout)[0].findings.map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`),
      [
        'syntax/limits: The file has 8192.0 MB; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.',
      ],
    );
  });

  test('`check -` reads standard input, and stops reading it at the size limit', () => {
    const result = awsflow(['check', '--format', 'json', '-'], { input: 'awsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n' });
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file: '<stdin>',
        findings: [
          {
            ruleId: 'lambda/timeout-limit',
            severity: 'error',
            message: 'Lambda timeout 20m (20 min) is over the 15 minutes maximum; AWS rejects the function.',
            line: 3,
            column: 31,
            endLine: 3,
            endColumn: 34,
          },
        ],
      },
    ]);
    const stylish = awsflow(['check', '-'], { input: GOOD });
    assert.match(stylish.stdout, /^<stdin>\n {2}3:3 +info +Queue 'jobs' is read by 'worker'/);
    assert.equal(stylish.code, 0);

    const zero = openSync('/dev/zero', 'r');
    try {
      const endless = awsflow(['check', '--format', 'json', '-'], { stdio: [zero, 'pipe', 'pipe'] });
      assert.equal(endless.stderr, '');
      assert.equal(endless.code, 1);
      assert.deepEqual(
        JSON.parse(endless.stdout)[0].findings.map((f: { message: string }) => f.message),
        [
          'The file is larger than 12 MB; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.',
        ],
      );
    } finally {
      closeSync(zero);
    }

    const fix = awsflow(['check', '--fix', '-'], { input: GOOD });
    assert.equal(fix.stderr, 'awsflow: --fix writes files in place; it cannot fix standard input\n');
    assert.equal(fix.code, 2);
    const diagram = awsflow(['diagram', '-'], { input: GOOD });
    assert.equal(diagram.code, 0, diagram.stderr);
    assert.match(diagram.stdout, /^ {2}n0 --> n1$/m);
  });
});

describe('terminal and CI-log injection', () => {
  // A value that would become a GitHub Actions workflow command, set the terminal title and clear the screen.
  const HOSTILE =
    'awsflow: 1\nname: "pipeline\\e]0;owned\\a"\nresources:\n  a:\n    type: "sqs\\e]0;owned\\a\\n::error file=x::injected\\e[2J\\x9b2J\\x7f"\n    label: "queue\\e[2J\\x9b31m"\n  b: { type: lambda }\nflows:\n  - a -> b\n';
  const EXPECTED_MESSAGE = "'sqs\\x1b]0;owned\\x07\\n::error file=x::injected\\x1b[2J\\x9b2J\\x7f' is not allowed here";

  test('the stylish report escapes control characters and line breaks in messages and file names', () => {
    const name = 'evil\u001b]0;title\u0007\n::error::name.awsflow';
    writeFileSync(join(work, name), HOSTILE);
    const result = awsflow(['check', name]);
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout, RAW_CONTROL);
    assert.doesNotMatch(result.stdout, /^::/m, 'no line starts a workflow command');
    assert.equal(result.stdout.split('\n')[0], 'evil\\x1b]0;title\\x07\\n::error::name.awsflow');
    assert.ok(result.stdout.includes(EXPECTED_MESSAGE), result.stdout);
  });

  test('JSON and SARIF carry the text exactly, as JSON escapes: no raw control character, no line of its own', () => {
    writeFileSync(join(work, 'hostile.awsflow'), HOSTILE);
    for (const format of ['json', 'sarif']) {
      const result = awsflow(['check', '--format', format, 'hostile.awsflow']);
      assert.equal(result.code, 1);
      assert.doesNotMatch(result.stdout, RAW_CONTROL, format);
      assert.doesNotMatch(result.stdout, /^::/m, format);
      const parsed = JSON.parse(result.stdout);
      const messages: string[] =
        format === 'json'
          ? parsed[0].findings.map((f: { message: string }) => f.message)
          : parsed.runs[0].results.map((r: { message: { text: string } }) => r.message.text);
      assert.ok(
        messages.some((m) =>
          m.startsWith("'sqs\u001b]0;owned\u0007\n::error file=x::injected\u001b[2J\u009b2J\u007f' is not allowed here"),
        ),
        format,
      );
    }
  });

  test('diagram: Mermaid source and the HTML page carry no raw control character', () => {
    writeFileSync(join(work, 'hostile.awsflow'), HOSTILE);
    const mermaid = awsflow(['diagram', 'hostile.awsflow']);
    assert.equal(mermaid.code, 0, mermaid.stderr);
    assert.doesNotMatch(mermaid.stdout, RAW_CONTROL);
    assert.ok(mermaid.stdout.includes('  n0["queue#27;#91;2J#155;31m<br/>'), mermaid.stdout);
    const html = awsflow(['diagram', '--format', 'html', 'hostile.awsflow', '--output', 'hostile.html']);
    assert.equal(html.code, 0, html.stderr);
    const page = readFileSync(join(work, 'hostile.html'), 'utf8');
    assert.ok(page.includes('<title>pipeline\\x1b]0;owned\\x07</title>'), 'the title, escaped');
    assert.doesNotMatch(page.replace(/<script>[\s\S]*?<\/script>/, ''), RAW_CONTROL, 'nothing outside the bundled mermaid script');
  });

  test('explain and other errors escape what the user typed; rules prints no control character', () => {
    const explain = awsflow(['explain', 'x\u001b[2J\n::error::y']);
    assert.equal(explain.stderr, "awsflow: 'x\\x1b[2J\\n::error::y' is not an awsflow rule (awsflow rules lists them)\n");
    assert.equal(explain.code, 2);
    const missing = awsflow(['check', 'no\u001b]0;t\u0007.awsflow']);
    assert.equal(missing.stderr, "awsflow: cannot read 'no\\x1b]0;t\\x07.awsflow': no such file or folder\n");
    const rules = awsflow(['rules']);
    assert.equal(rules.code, 0);
    assert.doesNotMatch(rules.stdout, RAW_CONTROL);
  });
});

describe('output streams', () => {
  /** Runs the CLI with its standard output closed by the reader before it writes. */
  function withClosedOutput(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // as `| head -0` would: the pipe's reading end is gone
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`awsflow ${args.join(' ')} did not finish within ${HANG_LIMIT_MS} ms`));
      }, HANG_LIMIT_MS);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  test('a closed pipe (EPIPE) ends the run quietly, with the exit code the report gives', async () => {
    assert.deepEqual(await withClosedOutput(['diagram', '--format', 'html', 'examples/fanout.awsflow']), { code: 0, stderr: '' });
    assert.deepEqual(await withClosedOutput(['check', 'examples/mistakes.awsflow']), { code: 1, stderr: '' });
    assert.deepEqual(await withClosedOutput(['check', 'examples/fanout.awsflow']), { code: 0, stderr: '' });
  });

  test('any other write error (a full disk) is one line and exit 2', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, () => {
    for (const args of [
      ['rules'],
      ['diagram', join(root, 'examples/fanout.awsflow')],
      ['check', join(root, 'examples/mistakes.awsflow')],
    ]) {
      const full = openSync('/dev/full', 'w');
      try {
        const result = awsflow(args, { stdio: ['ignore', full, 'pipe'] });
        assert.equal(result.stderr, 'awsflow: cannot write to standard output: no space left on the device\n', args.join(' '));
        assert.equal(result.code, 2, args.join(' '));
      } finally {
        closeSync(full);
      }
    }
  });

  test('--fix over several files fixes every writable one and names each it could not write', (t) => {
    // root writes any file whatever its mode: the test runs the CLI as nobody there, which
    // needs a checkout nobody can read (a clone inside a private folder, e.g. `mktemp -d`, is not).
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (
      'uid' in asUser &&
      spawnSync(process.execPath, ['-e', 'require(process.argv[1])', '--', join(root, 'node_modules/ajv/dist/runtime/ucs2length.js')], {
        ...asUser,
        timeout: HANG_LIMIT_MS,
      }).status !== 0
    ) {
      return t.skip('run as root in a checkout the nobody user cannot read: no user here for whom a file is read-only');
    }
    const folder = join(work, 'fix-many');
    mkdirSync(folder);
    chmodSync(work, 0o755);
    chmodSync(folder, 0o755);
    for (const name of ['a.awsflow', 'b.awsflow', 'c.awsflow']) writeFileSync(join(folder, name), FIXABLE, { mode: 0o666 });
    chmodSync(join(folder, 'a.awsflow'), 0o666);
    chmodSync(join(folder, 'b.awsflow'), 0o444);
    chmodSync(join(folder, 'c.awsflow'), 0o666);
    writeFileSync(join(folder, 'd-clean.awsflow'), GOOD, { mode: 0o444 });
    chmodSync(join(folder, 'd-clean.awsflow'), 0o444); // nothing to fix: never written, no line
    const result = awsflow(['check', '--fix', '--format', 'json', 'fix-many'], asUser);
    assert.equal(
      result.stderr,
      [
        "awsflow: fixed 1 problem in 'fix-many/a.awsflow'",
        "awsflow: cannot write 'fix-many/b.awsflow': permission denied; 1 fix not applied",
        "awsflow: fixed 1 problem in 'fix-many/c.awsflow'",
        '',
      ].join('\n'),
    );
    assert.equal(result.code, 2);
    assert.equal(readFileSync(join(folder, 'a.awsflow'), 'utf8'), FIXED);
    assert.equal(readFileSync(join(folder, 'b.awsflow'), 'utf8'), FIXABLE);
    assert.equal(readFileSync(join(folder, 'c.awsflow'), 'utf8'), FIXED);
    // The report tells what is on disk: b.awsflow still has its finding.
    const findings = Object.fromEntries(
      JSON.parse(result.stdout).map((f: { file: string; findings: { ruleId: string }[] }) => [f.file, f.findings.map((x) => x.ruleId)]),
    );
    assert.deepEqual(findings, {
      'fix-many/a.awsflow': [],
      'fix-many/b.awsflow': ['lambda/timeout-limit'],
      'fix-many/c.awsflow': [],
      'fix-many/d-clean.awsflow': ['sqs/no-dlq'],
    });
  });
});

describe('arguments', () => {
  test('rules --format takes text or json; --max-warnings a whole number; one line each, exit 2', () => {
    writeFileSync(join(work, 'good.awsflow'), GOOD);
    const cases: [string[], string][] = [
      [['rules', '--format', 'bogus'], "awsflow: --format must be text or json, not 'bogus'\n"],
      [['check', '--max-warnings', '-1', 'good.awsflow'], "awsflow: --max-warnings takes a whole number (0 or more), not '-1'\n"],
      [['check', '--max-warnings=-1', 'good.awsflow'], "awsflow: --max-warnings takes a whole number (0 or more), not '-1'\n"],
      [['check', '--max-warnings', '1.5', 'good.awsflow'], "awsflow: --max-warnings takes a whole number (0 or more), not '1.5'\n"],
    ];
    for (const [args, expected] of cases) {
      const result = awsflow(args);
      assert.equal(result.stderr, expected, args.join(' '));
      assert.equal(result.code, 2, args.join(' '));
    }
    assert.equal(awsflow(['rules', '--format', 'text']).code, 0);
    assert.equal(awsflow(['check', '--max-warnings', '0', 'good.awsflow']).code, 0);
  });
});
