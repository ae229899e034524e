// `awsflow check template.yaml`: CloudFormation and SAM templates checked in place, through
// the built CLI as a process. Findings sit on the template's own lines in every format.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const fixtures = join(root, 'test/fixtures/templates');
let work: string;

function awsflow(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoStackTrace(text: string) {
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function jsonFindings(stdout: string): { file: string; findings: JsonFinding[] }[] {
  return JSON.parse(stdout) as { file: string; findings: JsonFinding[] }[];
}

/** `line:column-endLine:endColumn ruleId` per finding, to compare positions exactly. */
function positions(findings: readonly JsonFinding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`);
}

const ORDERS_STYLISH = `orders.yaml
  5:3    info     Queue 'Orders' is read by 'Worker' but has no \`deadLetter\`: a message that keeps failing is received again and again until the 4 d retention period deletes it, and nobody sees why.  sqs/no-dlq
  8:26   error    Visibility timeout 30s of queue Orders is below the 1m timeout of Worker, which consumes it; Lambda refuses to create the event source mapping.  sqs/visibility-timeout
  9:3    info     Queue 'Audit' is read by 'Auditor' but has no \`deadLetter\`: a message that keeps failing is received again and again until the 4 d retention period deletes it, and nobody sees why.  sqs/no-dlq
  16:16  warning  Runtime nodejs20.x has been deprecated since 2026-04-30: Lambda no longer patches it and AWS no longer supports functions that use it. Move to nodejs24.x.  lambda/runtime

✖ 4 problems (1 error, 1 warning, 2 info) in 1 file
`;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'awsflow-check-template-'));
  copyFileSync(join(fixtures, 'check-orders.yaml'), join(work, 'orders.yaml'));
  copyFileSync(join(fixtures, 'check-orders.json'), join(work, 'jobs.json'));
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('awsflow check on a template', () => {
  test('stylish: findings on the template’s lines and columns; the suppressed one is gone; errors exit 1', () => {
    const result = awsflow(['check', 'orders.yaml']);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, ORDERS_STYLISH);
    assert.equal(result.code, 1);
    // Line 12 holds `VisibilityTimeout: 30 # awsflow-ignore sqs/visibility-timeout`: suppressed there.
    assert.match(readFileSync(join(work, 'orders.yaml'), 'utf8').split('\n')[11]!, /awsflow-ignore sqs\/visibility-timeout/);
  });

  test('json: the same positions, 1-based, for a YAML and a JSON template', () => {
    const result = awsflow(['check', '--format', 'json', 'orders.yaml', 'jobs.json']);
    assert.equal(result.code, 1, result.stderr);
    const report = jsonFindings(result.stdout);
    assert.deepEqual(
      report.map((file) => file.file),
      ['jobs.json', 'orders.yaml'],
    );
    // jobs.json line 7: `        "VisibilityTimeout": 20,`, the value at columns 30-32.
    assert.deepEqual(positions(report[0]!.findings), ['7:30-7:32 sqs/visibility-timeout']);
    assert.deepEqual(positions(report[1]!.findings), [
      '5:3-5:9 sqs/no-dlq',
      '8:26-8:28 sqs/visibility-timeout',
      '9:3-9:8 sqs/no-dlq',
      '16:16-16:26 lambda/runtime',
    ]);
  });

  test('sarif: the artifact is the template, the region its line and columns', () => {
    const result = awsflow(['check', '--format', 'sarif', 'orders.yaml']);
    assert.equal(result.code, 1, result.stderr);
    const sarif = JSON.parse(result.stdout) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
        }[];
      }[];
    };
    const results = sarif.runs[0]!.results.map((r) => ({
      ruleId: r.ruleId,
      level: r.level,
      uri: r.locations[0]!.physicalLocation.artifactLocation.uri,
      region: r.locations[0]!.physicalLocation.region,
    }));
    assert.deepEqual(results, [
      { ruleId: 'sqs/no-dlq', level: 'note', uri: 'orders.yaml', region: { startLine: 5, startColumn: 3, endLine: 5, endColumn: 9 } },
      {
        ruleId: 'sqs/visibility-timeout',
        level: 'error',
        uri: 'orders.yaml',
        region: { startLine: 8, startColumn: 26, endLine: 8, endColumn: 28 },
      },
      { ruleId: 'sqs/no-dlq', level: 'note', uri: 'orders.yaml', region: { startLine: 9, startColumn: 3, endLine: 9, endColumn: 8 } },
      {
        ruleId: 'lambda/runtime',
        level: 'warning',
        uri: 'orders.yaml',
        region: { startLine: 16, startColumn: 16, endLine: 16, endColumn: 26 },
      },
    ]);
  });

  test('standard input: a template is checked as one; anything else is still read as an .awsflow text', () => {
    const template = awsflow(['check', '-'], readFileSync(join(work, 'orders.yaml'), 'utf8'));
    assert.equal(template.code, 1, template.stderr);
    assert.equal(template.stdout, ORDERS_STYLISH.replace('orders.yaml', '<stdin>'));
    const plain = awsflow(['check', '--format', 'json', '-'], 'resources:\n  q: { type: sqs }\n');
    assert.equal(plain.stderr, '');
    const ids = jsonFindings(plain.stdout)[0]!.findings.map((f) => f.ruleId);
    assert.ok(ids.includes('schema/invalid'), `an .awsflow text without its version: ${ids.join(', ')}`);
  });

  test('--quiet and --max-warnings count a template’s findings as a file’s', () => {
    // Orders' visibility timeout raised above the worker's: a warning and two infos are left.
    const text = readFileSync(join(work, 'orders.yaml'), 'utf8').replace('VisibilityTimeout: 30\n', 'VisibilityTimeout: 360\n');
    writeFileSync(join(work, 'warned.yaml'), text);
    let result = awsflow(['check', '--format', 'json', 'warned.yaml']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(positions(jsonFindings(result.stdout)[0]!.findings), [
      '5:3-5:9 sqs/no-dlq',
      '9:3-9:8 sqs/no-dlq',
      '16:16-16:26 lambda/runtime',
    ]);
    result = awsflow(['check', '--max-warnings', '0', 'warned.yaml']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /awsflow found 1 warnings \(more than --max-warnings 0\)\.\n$/);
    result = awsflow(['check', '--max-warnings', '1', 'warned.yaml']);
    assert.equal(result.code, 0);
    result = awsflow(['check', '--quiet', '--format', 'json', 'orders.yaml']);
    assert.deepEqual(positions(jsonFindings(result.stdout)[0]!.findings), ['8:26-8:28 sqs/visibility-timeout']);
    assert.equal(result.code, 1);
  });

  test('--fix never writes a template: one line says so, the findings are reported as they are', () => {
    const before = readFileSync(join(work, 'orders.yaml'), 'utf8');
    const result = awsflow(['check', '--fix', 'orders.yaml']);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      "awsflow: 'orders.yaml' is a template: --fix does not edit templates (1 finding has a fix for the imported .awsflow text); it is checked, not changed\n",
    );
    assert.equal(result.stdout, ORDERS_STYLISH);
    assert.equal(readFileSync(join(work, 'orders.yaml'), 'utf8'), before);
  });

  test('YAML and JSON errors in a template are syntax/yaml findings on its lines, exit 1', () => {
    writeFileSync(join(work, 'broken.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n   Properties: [\n');
    writeFileSync(join(work, 'broken.json'), '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" ,, }\n  }\n}\n');
    const result = awsflow(['check', '--format', 'json', 'broken.yaml', 'broken.json']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, '');
    const report = jsonFindings(result.stdout);
    assert.equal(report[0]!.file, 'broken.json');
    assert.ok(report[0]!.findings.length > 0);
    assert.ok(
      report[0]!.findings.every((f) => f.ruleId === 'syntax/yaml' && f.line === 3),
      positions(report[0]!.findings).join('\n'),
    );
    assert.deepEqual(positions(report[1]!.findings), ['4:1-4:2 syntax/yaml', '5:1-5:1 syntax/yaml']);
  });

  test('a file named that is neither .awsflow nor a template: one line, exit 2, the other files still checked', () => {
    writeFileSync(join(work, 'settings.yaml'), 'name: not a template\nitems: [1, 2]\n');
    writeFileSync(join(work, 'notes.txt'), 'key: [unclosed\n');
    const result = awsflow(['check', '--format', 'json', 'settings.yaml', 'notes.txt', 'jobs.json']);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      [
        "awsflow: 'notes.txt' is neither an .awsflow file nor a CloudFormation or SAM template (no AWSTemplateFormatVersion, no SAM Transform, no Resources of AWS:: types)",
        "awsflow: 'settings.yaml' is neither an .awsflow file nor a CloudFormation or SAM template (no AWSTemplateFormatVersion, no SAM Transform, no Resources of AWS:: types)",
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      jsonFindings(result.stdout).map((file) => file.file),
      ['jobs.json'],
    );
  });

  test('a file of another name with the format’s `awsflow:` key is checked as an .awsflow file', () => {
    writeFileSync(join(work, 'architecture.yaml'), 'awsflow: 1\nname: x\nresources:\n  q:\n    type: sqs\n');
    const result = awsflow(['check', '--format', 'json', 'architecture.yaml']);
    assert.equal(result.stderr, '');
    const ids = jsonFindings(result.stdout)[0]!.findings.map((f) => f.ruleId);
    assert.ok(ids.includes('sqs/no-consumer'), ids.join(', '));
  });

  test('a folder is searched for .awsflow files only: the templates in it are named to be checked', () => {
    const folder = join(work, 'project');
    mkdirSync(folder);
    copyFileSync(join(work, 'orders.yaml'), join(folder, 'template.yaml'));
    writeFileSync(join(folder, 'app.awsflow'), 'awsflow: 1\nname: app\nresources: {}\n');
    let result = awsflow(['check', '--format', 'json', 'project']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      jsonFindings(result.stdout).map((file) => file.file),
      [join('project', 'app.awsflow')],
    );
    result = awsflow(['check', '--format', 'json', 'project', join('project', 'template.yaml')]);
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(
      jsonFindings(result.stdout).map((file) => file.file),
      [join('project', 'app.awsflow'), join('project', 'template.yaml')],
    );
  });
});

describe('a 10 MB template', () => {
  /** A template of more than `bytes` characters: queues and functions with mappings. */
  function bigYaml(bytes: number): string {
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const block = [
        `  Jobs${i}:`,
        '    Type: AWS::SQS::Queue',
        '    Properties: { VisibilityTimeout: 60 }',
        `  Worker${i}:`,
        '    Type: AWS::Lambda::Function',
        '    Properties: { Runtime: python3.13, Handler: app.handler, Timeout: 10 }',
        `  Mapping${i}:`,
        '    Type: AWS::Lambda::EventSourceMapping',
        `    Properties: { EventSourceArn: !GetAtt Jobs${i}.Arn, FunctionName: !Ref Worker${i} }`,
      ];
      lines.push(...block);
      size += block.join('\n').length + 1;
    }
    return lines.join('\n') + '\n';
  }

  function bigJson(bytes: number): string {
    const resources: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const entry = `    "Jobs${i}": { "Type": "AWS::SQS::Queue", "Properties": { "VisibilityTimeout": 60 } }`;
      resources.push(entry);
      size += entry.length + 2;
    }
    return `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n${resources.join(',\n')}\n  }\n}\n`;
  }

  const TEN_MB = 10 * 1024 * 1024;

  test('is refused: by check with one syntax/limits finding (YAML and JSON, exit 1), by import with one line (exit 2); never a stack trace', () => {
    writeFileSync(join(work, 'big.yaml'), bigYaml(TEN_MB));
    writeFileSync(join(work, 'big.json'), bigJson(TEN_MB));
    const result = awsflow(['check', '--format', 'json', 'big.yaml', 'big.json']);
    assertNoStackTrace(result.stderr);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    const report = jsonFindings(result.stdout) as ({ findings: (JsonFinding & { message: string })[] } & { file: string })[];
    assert.deepEqual(
      report.map((file) => [file.file, file.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)]),
      [
        ['big.json', ['1:1 syntax/limits']],
        ['big.yaml', ['1:1 syntax/limits']],
      ],
    );
    for (const file of report) {
      assert.match(
        file.findings[0]!.message,
        /^The template has 10\.0 M characters; awsflow imports templates up to 2 M characters \(CloudFormation itself takes templates of 1 MB at most\)\. Split it into several stacks\.$/,
      );
    }
    const imported = awsflow(['import', 'big.json']);
    assertNoStackTrace(imported.stderr);
    assert.equal(imported.code, 2);
    assert.equal(imported.stdout, '');
    assert.match(imported.stderr, /^awsflow: cannot import 'big\.json': the template has 10\.0 M characters; [^\n]+\n$/);
  });
});
