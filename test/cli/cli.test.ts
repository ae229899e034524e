import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
let work: string;

function awsflow(args: string[], cwd = work) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoStackTrace(text: string) {
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'awsflow-cli-'));
  cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('awsflow check', () => {
  test('clean files: exit 0 and a one-line summary', () => {
    const result = awsflow(['check', 'examples/music-compression.awsflow', 'examples/order-buffer.awsflow']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /2 files checked, no problems\./);
  });

  test('an empty file (nothing, blank lines or comments only) is reported as info and does not fail the check', () => {
    mkdirSync(join(work, 'new'), { recursive: true });
    writeFileSync(join(work, 'new/blank.awsflow'), '');
    writeFileSync(join(work, 'new/notes.awsflow'), '# the payments pipeline, to be written\n\n');
    const result = awsflow(['check', 'new']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^ {2}1:1 +info +The file is empty: start it with `awsflow: 1`.* schema\/invalid$/m);
    assert.match(result.stdout, /✖ 2 problems \(0 errors, 0 warnings, 2 info\)/);
    // Something written, the missing section is an error again.
    writeFileSync(join(work, 'new/started.awsflow'), 'awsflow: 1\n');
    assert.equal(awsflow(['check', 'new/started.awsflow']).code, 1);
  });

  test('errors: exit 1, stylish output with 1-based positions and rule ids', () => {
    const result = awsflow(['check', 'examples/mistakes.awsflow']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^examples\/mistakes\.awsflow$/m);
    assert.match(result.stdout, /^ {2}15:14 +error +Lambda timeout 20m .* lambda\/timeout-limit$/m);
    assert.match(result.stdout, /✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ info\)/);
  });

  test('--format json has exactly the documented shape', () => {
    writeFileSync(join(work, 'one.awsflow'), 'awsflow: 1\nresources:\n  f:\n    type: lambda\n    timeout: 20m\n');
    const result = awsflow(['check', '--format', 'json', 'one.awsflow']);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file: 'one.awsflow',
        findings: [
          {
            ruleId: 'lambda/timeout-limit',
            severity: 'error',
            message: 'Lambda timeout 20m (20 min) is over the 15 minutes maximum; AWS rejects the function.',
            line: 5,
            column: 14,
            endLine: 5,
            endColumn: 17,
          },
        ],
      },
    ]);
  });

  test('--format sarif is SARIF 2.1.0 with rule metadata and help', () => {
    const result = awsflow(['check', '--format', 'sarif', 'examples/mistakes.awsflow']);
    assert.equal(result.code, 1);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'awsflow');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('lambda/timeout-limit'));
    // No web address: awsflow controls none, so no rule points at a page that does not exist.
    assert.equal(run.tool.driver.informationUri, undefined);
    for (const rule of run.tool.driver.rules) {
      assert.equal(rule.helpUri, undefined);
      assert.equal(rule.help.text, `${rule.shortDescription.text}. \`awsflow explain ${rule.id}\` prints its documentation.`);
    }
    const timeout = run.results.find((r: { ruleId: string }) => r.ruleId === 'lambda/timeout-limit');
    assert.equal(timeout.level, 'error');
    assert.equal(run.tool.driver.rules[timeout.ruleIndex].id, 'lambda/timeout-limit');
    assert.deepEqual(timeout.locations[0].physicalLocation.region, { startLine: 15, startColumn: 14, endLine: 15, endColumn: 17 });
    assert.equal(timeout.locations[0].physicalLocation.artifactLocation.uri, 'examples/mistakes.awsflow');
  });

  test('--fix applies safe fixes in place and keeps comments', () => {
    const file = join(work, 'fix.awsflow');
    writeFileSync(file, 'awsflow: 1\nresources:\n  f:\n    type: lambda\n    timeout: 20m   # keep me\n');
    const result = awsflow(['check', '--fix', 'fix.awsflow']);
    assert.equal(result.code, 0, result.stdout);
    assert.equal(readFileSync(file, 'utf8'), 'awsflow: 1\nresources:\n  f:\n    type: lambda\n    timeout: 15m   # keep me\n');
  });

  test('--fix never edits a value shared through an alias or a merge key', () => {
    const file = join(work, 'shared.awsflow');
    const text =
      'awsflow: 1\nresources:\n  long: &fn\n    type: lambda\n    capacity: managed-instances\n    timeout: &t 30m\n  short:\n    <<: *fn\n    capacity: on-demand\n  other:\n    type: lambda\n    timeout: *t\n';
    writeFileSync(file, text);
    const result = awsflow(['check', '--fix', '--format', 'json', 'shared.awsflow']);
    // `other` gets its own timeout; `short` (merged) is left for the user, and still reported.
    assert.equal(readFileSync(file, 'utf8'), text.replace('timeout: *t', 'timeout: 15m'));
    assert.equal(result.code, 1);
    assert.deepEqual(
      JSON.parse(result.stdout)[0].findings.map((f: { ruleId: string; line: number; column: number }) => [f.ruleId, f.line, f.column]),
      [['lambda/timeout-limit', 8, 9]],
    );
  });

  test('--fix leaves renames and overrides of accepted values, and says what it left', () => {
    const file = join(work, 'decide.awsflow');
    const text =
      'awsflow: 1\nresources:\n  jobs:\n    type: sqs\n    fifo: true   # ordered\n    encryption: none\n    visibilityTimeout: 2h\n  worker:\n    type: lambda\n    timeout: 20m\nflows:\n  - jobs -> worker\n';
    writeFileSync(file, text);
    const result = awsflow(['check', '--fix', 'decide.awsflow']);
    assert.equal(readFileSync(file, 'utf8'), text.replace('timeout: 20m', 'timeout: 15m'));
    assert.equal(result.code, 1, 'the FIFO name is still an error');
    assert.match(result.stdout, /2 fixes need a decision: run them from the editor \(Ctrl\+\. on the problem\) or edit by hand:\n/);
    assert.match(
      result.stdout,
      /^ {2}decide\.awsflow:5:11 {2}Rename to 'jobs\.fifo' and every reference \(replaces the queue at deploy\) {2}sqs\/fifo-name$/m,
    );
    assert.match(
      result.stdout,
      /^ {2}decide\.awsflow:6:17 {2}Encrypt with SSE-SQS \(overrides `encryption: none`\) {2}encryption\/at-rest$/m,
    );
    assert.equal(result.stderr, "awsflow: fixed 1 problem in 'decide.awsflow'\n");
  });

  test('--fix with --format json: the note goes to stderr, stdout stays JSON', () => {
    writeFileSync(join(work, 'decide-json.awsflow'), 'awsflow: 1\nresources:\n  q:\n    type: sqs\n    encryption: none\n');
    const result = awsflow(['check', '--fix', '--format', 'json', 'decide-json.awsflow']);
    assert.ok(JSON.parse(result.stdout)[0].findings.some((f: { ruleId: string }) => f.ruleId === 'encryption/at-rest'));
    assert.equal(
      result.stderr,
      '1 fix needs a decision: run it from the editor (Ctrl+. on the problem) or edit by hand:\n  decide-json.awsflow:5:17  Encrypt with SSE-SQS (overrides `encryption: none`)  encryption/at-rest\n',
    );
  });

  test('without --fix, nothing is said about fixes', () => {
    writeFileSync(join(work, 'nofix.awsflow'), 'awsflow: 1\nresources:\n  q:\n    type: sqs\n    encryption: none\n');
    assert.doesNotMatch(awsflow(['check', 'nofix.awsflow']).stdout, /need/);
  });

  test('--max-warnings: more warnings than allowed exits 1', () => {
    writeFileSync(join(work, 'warn.awsflow'), 'awsflow: 1\nresources:\n  q: { type: sqs }\n');
    assert.equal(awsflow(['check', 'warn.awsflow']).code, 0);
    const result = awsflow(['check', '--max-warnings', '0', 'warn.awsflow']);
    assert.equal(result.code, 1);
  });

  test('folders are searched for .awsflow files', () => {
    const result = awsflow(['check', '--format', 'json', 'examples']);
    const files = JSON.parse(result.stdout).map((f: { file: string }) => f.file);
    assert.equal(files.length, 9);
    assert.ok(files.every((f: string) => f.startsWith('examples/') && f.endsWith('.awsflow')));
  });

  test('bad usage and unreadable input: exit 2, one clear line, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['check', 'missing.awsflow'], /^awsflow: cannot read 'missing\.awsflow': no such file or folder\n$/],
      [['check', '--format', 'xml', 'examples'], /^awsflow: --format must be stylish, json or sarif, not 'xml'\n$/],
      [['check', '--bogus'], /^awsflow: Unknown option '--bogus'/],
      [['frobnicate'], /^awsflow: unknown command 'frobnicate'/],
      [['explain', 'no/such-rule'], /^awsflow: 'no\/such-rule' is not an awsflow rule/],
      [['diagram'], /^awsflow: diagram takes one file/],
      [['check', '--max-warnings', 'many', 'examples'], /^awsflow: --max-warnings takes a whole number/],
    ];
    for (const [args, expected] of cases) {
      const result = awsflow(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, expected);
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assertNoStackTrace(result.stderr);
    }
  });

  test('hostile input gives findings in bounded time, never a crash', () => {
    mkdirSync(join(work, 'bad'), { recursive: true });
    writeFileSync(join(work, 'bad/empty.awsflow'), '');
    writeFileSync(join(work, 'bad/binary.awsflow'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]));
    writeFileSync(join(work, 'bad/version.awsflow'), 'awsflow: 7\nresources: {}\n');
    writeFileSync(join(work, 'bad/broken.awsflow'), 'awsflow: 1\nresources:\n  a: [\n');
    const big = 'awsflow: 1\nresources:\n' + '  r'.padEnd(2) + 'x'.repeat(20 * 1024 * 1024) + ': { type: sqs }\n';
    writeFileSync(join(work, 'bad/huge.awsflow'), big);
    const started = Date.now();
    const result = awsflow(['check', '--format', 'json', 'bad']);
    assert.ok(Date.now() - started < 30_000, 'bounded time');
    assert.equal(result.code, 1);
    assertNoStackTrace(result.stderr);
    const byFile = Object.fromEntries(
      JSON.parse(result.stdout).map((f: { file: string; findings: { ruleId: string; message: string }[] }) => [
        f.file.replace('bad/', ''),
        f.findings.map((x) => `${x.ruleId}: ${x.message}`),
      ]),
    );
    assert.deepEqual(byFile['empty.awsflow'], [
      'schema/invalid: The file is empty: start it with `awsflow: 1` and a `resources:` section, or type `awsflow` and pick the "awsflow skeleton" completion for a whole example.',
    ]);
    assert.match(byFile['binary.awsflow'][0], /^syntax\/limits: The file contains a NUL byte/);
    assert.deepEqual(byFile['version.awsflow'], [
      'schema/invalid: awsflow: 7 is not a format version this tool reads; it reads version 1.',
    ]);
    assert.ok(byFile['broken.awsflow'].some((f: string) => f.startsWith('syntax/yaml: ')));
    // Over 12 MB no more is read (UTF-8 needs at most 3 bytes per character): the size on disk is reported.
    assert.deepEqual(byFile['huge.awsflow'], [
      'syntax/limits: The file has 20.0 MB; awsflow checks files up to 4 M characters (about 40,000 resources). Split the architecture into several files.',
    ]);
  });
});

describe('awsflow diagram, rules, explain', () => {
  test('diagram prints a Mermaid flowchart with generated ids and escaped labels', () => {
    writeFileSync(
      join(work, 'hostile.awsflow'),
      'awsflow: 1\nresources:\n  a:\n    type: client\n    label: "<img src=x onerror=alert(1)> %%{init: {}}%% \\"quoted\\""\n  b: { type: lambda }\nflows:\n  - a -> b\n',
    );
    const result = awsflow(['diagram', 'hostile.awsflow']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^flowchart LR\n/);
    assert.match(result.stdout, /^ {2}n0 --> n1$/m);
    assert.doesNotMatch(result.stdout, /<img|%%\{|onerror=alert\(1\)>/);
    assert.match(result.stdout, /#60;img src=x onerror=alert#40;1#41;#62;/);
  });

  test('diagram --format html is a self-contained page', () => {
    const result = awsflow(['diagram', '--format', 'html', 'examples/fanout.awsflow', '--output', 'fanout.html']);
    assert.equal(result.code, 0, result.stderr);
    const html = readFileSync(join(work, 'fanout.html'), 'utf8');
    assert.match(html, /<title>order-events fan-out<\/title>/);
    assert.match(html, /securityLevel: 'strict'/);
    assert.doesNotMatch(html, /<script src=|https?:\/\/cdn/i);
    assert.ok(html.length > 1_000_000, 'mermaid is inlined');
  });

  test('rules lists the catalogue; explain prints a rule page', () => {
    const rules = awsflow(['rules', '--format', 'json']);
    const list = JSON.parse(rules.stdout);
    const timeout = list.find((r: { id: string }) => r.id === 'lambda/timeout-limit');
    assert.equal(timeout.docs, pathToFileURL(join(root, 'docs/rules/lambda/timeout-limit.md')).href);
    const explain = awsflow(['explain', 'lambda/timeout-limit']);
    assert.equal(explain.code, 0);
    assert.match(explain.stdout, /^---\nid: lambda\/timeout-limit/);
  });
});

describe('README', () => {
  test('the example in the README gives the output the README shows', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## An example'));
    const file = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const shown = /```\n\$ awsflow check (\S+)\n([\s\S]*?)```/.exec(section)!;
    writeFileSync(join(work, shown[1]!), file);
    const result = awsflow(['check', shown[1]!]);
    assert.equal(result.stdout, shown[2]);
  });

  test('the README lists every rule with a link to its page', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const list = JSON.parse(awsflow(['rules', '--format', 'json']).stdout) as { id: string }[];
    for (const rule of list) assert.ok(readme.includes(`| [\`${rule.id}\`](docs/rules/${rule.id}.md) |`), rule.id);
  });
});
