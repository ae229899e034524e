/**
 * Values used through a YAML alias (`*x`) or a merge key (`<<: *x`): a finding sits where
 * the value is used (the alias token, or the alias named by the `<<` entry), in the
 * resource that uses it; a suppression comment there reaches it; no fix or suggestion
 * edits the anchored text, the merge entry, or what an alias stands for beyond replacing
 * a whole `key: *x` value (a local override).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, type Analysis, type Finding } from '../../src/core/index';
import { strip } from '../helpers/markers';
import { defineRule } from '../../src/core/rules/define-rule';
import { Edits, SharedTextEdit } from '../../src/core/edit/edits';
import { removeProperty } from '../../src/core/edit/remove';

interface Seen {
  ruleId: string;
  at: string;
  fix?: string;
  suggestions: string[];
}

/** The findings of `ruleIds`, each with its marked text, fix output and suggestion outputs. */
function seen(text: string, analysis: Analysis, ruleIds: readonly string[]): Seen[] {
  const own = analysis.findings.filter((f) => ruleIds.includes(f.ruleId));
  return own.map((f: Finding) => ({
    ruleId: f.ruleId,
    at: `${f.start}-${f.end} ${text.slice(f.start, f.end)}`,
    ...(f.fix ? { fix: applyEdits(text, f.fix.edits) } : {}),
    suggestions: f.suggestions.map((s) => applyEdits(text, s.edits)),
  }));
}

function at(text: string, range: { start: number; end: number }): string {
  return `${range.start}-${range.end} ${text.slice(range.start, range.end)}`;
}

/** Every fix and suggestion of the analysis keeps `shared` (the anchored text) byte for byte. */
function assertAnchorsUntouched(text: string, analysis: Analysis, shared: readonly string[]): void {
  for (const finding of analysis.findings) {
    for (const fix of [finding.fix, ...finding.suggestions]) {
      if (!fix) continue;
      const output = applyEdits(text, fix.edits);
      for (const piece of shared) assert.ok(output.includes(piece), `${finding.ruleId} '${fix.title}' edits the shared text ${piece}`);
    }
  }
}

describe('aliases: a finding sits on the alias, in the resource that uses the value', () => {
  test('a range rule: a Kinesis retention reused by a queue is over the queue maximum at the alias only', () => {
    const { text, ranges } = strip(
      [
        'awsflow: 1',
        'resources:',
        '  stream:',
        '    type: kinesis',
        '    encryption: kms',
        '    retention: &keep 20d',
        '  queue:',
        '    type: sqs',
        '    retention: «*keep»',
        '  worker: { type: lambda }',
        'flows:',
        '  - stream -> worker',
        '  - queue -> worker',
        '',
      ].join('\n'),
    );
    const analysis = analyze(text);
    assert.deepEqual(analysis.internalErrors, []);
    // The stream keeps 20 days, which Kinesis allows: kinesis/range is quiet on the anchor.
    assert.deepEqual(seen(text, analysis, ['kinesis/range']), []);
    assert.deepEqual(seen(text, analysis, ['sqs/range']), [
      {
        ruleId: 'sqs/range',
        at: at(text, ranges[0]!),
        // The fix overrides the value for the queue only; the stream's anchor stays.
        fix: text.replace('retention: *keep', 'retention: 14d'),
        suggestions: [],
      },
    ]);
    assert.deepEqual(
      analysis.findings.find((f) => f.ruleId === 'sqs/range')!.message,
      'SQS retention 20d (20 d) is over the maximum of 14 days (1,209,600 s).',
    );
    assertAnchorsUntouched(text, analysis, ['&keep 20d']);
  });

  test('lambda/timeout-limit: a managed-instances timeout reused by an on-demand function', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  long:\n    type: lambda\n    capacity: managed-instances\n    timeout: &t 30m\n  short:\n    type: lambda\n    timeout: «*t»\n',
    );
    const analysis = analyze(text);
    assert.deepEqual(seen(text, analysis, ['lambda/timeout-limit']), [
      {
        ruleId: 'lambda/timeout-limit',
        at: at(text, ranges[0]!),
        fix: text.replace('timeout: *t', 'timeout: 15m'),
        // Moving `short` to Fargate edits `short` only: its use of the anchor goes, the anchor stays.
        suggestions: [
          text.replace(
            '  short:\n    type: lambda\n    timeout: *t\n',
            '  short:\n    type: ecs\n    launchType: fargate\n    cpu: 256\n    memory: 512MB\n',
          ),
        ],
      },
    ]);
    assertAnchorsUntouched(text, analysis, ['&t 30m']);
  });

  test('the anchor-owning resource with a value out of range: reported on the anchor, with no fix (it would change every use)', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  a:\n    type: lambda\n    timeout: &t «20m»\n  b:\n    type: lambda\n    timeout: «*t»\n',
    );
    const analysis = analyze(text);
    const found = seen(text, analysis, ['lambda/timeout-limit']);
    assert.deepEqual(
      found.map((f) => [f.at, f.fix]),
      [
        [at(text, ranges[0]!), undefined],
        [at(text, ranges[1]!), text.replace('timeout: *t', 'timeout: 15m')],
      ],
    );
    assertAnchorsUntouched(text, analysis, ['&t 20m']);
  });

  test('a value inside an aliased map: on the alias, without a fix (the alias stands for the whole map)', () => {
    const { text, ranges } = strip(
      [
        'awsflow: 1',
        'resources:',
        '  a:',
        '    type: sqs',
        '    deadLetter: &redrive { target: dlq, maxReceiveCount: «2000» }',
        '  b:',
        '    type: sqs',
        '    deadLetter: «*redrive»',
        '  dlq: { type: sqs }',
        '',
      ].join('\n'),
    );
    const analysis = analyze(text);
    const found = seen(text, analysis, ['sqs/range']);
    assert.deepEqual(
      found.map((f) => [f.at, f.fix]),
      [
        [at(text, ranges[0]!), undefined],
        [at(text, ranges[1]!), undefined],
      ],
    );
    assertAnchorsUntouched(text, analysis, ['&redrive { target: dlq, maxReceiveCount: 2000 }']);
  });

  test('encryption/at-rest: `encryption: none` through an alias, fixed by a local override', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  q:\n    type: sqs\n    encryption: &plain «none»\n  t:\n    type: sns\n    encryption: «*plain»\nflows:\n  - t -> q\n',
    );
    const analysis = analyze(text);
    assert.deepEqual(seen(text, analysis, ['encryption/at-rest']), [
      { ruleId: 'encryption/at-rest', at: at(text, ranges[0]!), suggestions: [] },
      {
        ruleId: 'encryption/at-rest',
        at: at(text, ranges[1]!),
        fix: text.replace('encryption: *plain', 'encryption: kms'),
        suggestions: [],
      },
    ]);
  });

  test('a connection property map reused by another flow entry: the flow-level finding sits on its alias', () => {
    const { text, ranges } = strip(
      [
        'awsflow: 1',
        'resources:',
        '  std: { type: sqs }',
        '  jobs.fifo: { type: sqs, fifo: true }',
        '  f: { type: lambda }',
        '  g: { type: lambda }',
        'flows:',
        '  - std -> f: &batches { batchSize: 50, batchWindow: 1s }',
        '  - jobs.fifo -> g: «*batches»',
        '',
      ].join('\n'),
    );
    const analysis = analyze(text, {});
    assert.deepEqual(analysis.internalErrors, []);
    const rules = ['sqs/fifo-batch-size', 'esm/batch-window'];
    const found = seen(text, analysis, rules);
    // Both findings are about the FIFO connection, which uses the map through `*batches`.
    assert.deepEqual(found.map((f) => [f.ruleId, f.at, f.fix]).sort(), [
      ['esm/batch-window', at(text, ranges[0]!), undefined],
      ['sqs/fifo-batch-size', at(text, ranges[0]!), undefined],
    ]);
    assertAnchorsUntouched(text, analysis, ['&batches { batchSize: 50, batchWindow: 1s }']);
  });

  test('a name inside an aliased map: did-you-mean is not offered at the alias (it would replace the map)', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  q: { type: sqs, deadLetter: &redrive { target: «dlqq» } }\n  r: { type: sqs, deadLetter: «*redrive» }\n  s: { type: sqs, deadLetter: { target: &name «dlqq» } }\n  t: { type: sqs, deadLetter: { target: «*name» } }\n  dlq: { type: sqs }\n',
    );
    const analysis = analyze(text);
    const found = seen(text, analysis, ['flows/unknown-resource']);
    assert.deepEqual(
      found.map((f) => f.at),
      ranges.map((range) => at(text, range)),
    );
    // Only `t`, whose alias stands for the name alone, may have it replaced (for `t` only); creating `dlqq` edits nothing shared.
    assert.deepEqual(
      found.map((f) => f.suggestions.filter((output) => output.includes('target: dlq }')).length),
      [0, 0, 0, 1],
    );
    assert.equal(found[3]!.suggestions[0], text.replace('{ target: *name }', '{ target: dlq }'));
  });

  test('a suppression comment at the alias silences it; the anchor is not reported', () => {
    const text =
      'awsflow: 1\nresources:\n  long:\n    type: lambda\n    capacity: managed-instances\n    timeout: &t 30m\n  short:\n    type: lambda\n    # awsflow-ignore lambda/timeout-limit -- migrating to managed instances\n    timeout: *t\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.findings.map((f) => f.ruleId),
      [],
    );
  });
});

describe('merge keys: a finding sits on the `<<` entry of the resource that merges the value', () => {
  const merged = [
    'awsflow: 1',
    'resources:',
    '  long: &fn',
    '    type: lambda',
    '    capacity: managed-instances',
    '    timeout: 30m',
    '  short:',
    '    <<: «*fn»',
    '    capacity: on-demand',
    '',
  ].join('\n');

  test('lambda/timeout-limit through `<<: *fn`: on the alias of the entry, no fix, no suggestion', () => {
    const { text, ranges } = strip(merged);
    const analysis = analyze(text);
    assert.deepEqual(analysis.internalErrors, []);
    // `short` is a lambda (its type comes through the merge key): no schema error.
    assert.deepEqual(
      analysis.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, at(text, f)]),
      [['lambda/timeout-limit', at(text, ranges[0]!)]],
    );
    assert.deepEqual(seen(text, analysis, ['lambda/timeout-limit']), [
      { ruleId: 'lambda/timeout-limit', at: at(text, ranges[0]!), suggestions: [] },
    ]);
  });

  test('a nested merge (a merged map that merges another) reports in the resource at the end of the chain', () => {
    const { text, ranges } = strip(
      [
        'awsflow: 1',
        'resources:',
        '  top: &top { type: lambda, capacity: managed-instances, timeout: 30m }',
        '  mid: &mid',
        '    <<: *top',
        '    memory: 512',
        '  low:',
        '    <<: «*mid»',
        '    capacity: on-demand',
        '',
      ].join('\n'),
    );
    const analysis = analyze(text);
    assert.deepEqual(seen(text, analysis, ['lambda/timeout-limit']), [
      { ruleId: 'lambda/timeout-limit', at: at(text, ranges[0]!), suggestions: [] },
    ]);
    assertAnchorsUntouched(text, analysis, ['&top { type: lambda, capacity: managed-instances, timeout: 30m }', '<<: *top', '<<: *mid']);
  });

  test("`<<: [*a, *b]`: the first map that sets a key wins, and the finding names that map's alias", () => {
    const { text, ranges } = strip(
      [
        'awsflow: 1',
        'defaults:',
        '  lambda: &slow { timeout: 20m }',
        'resources:',
        '  base: &base { type: lambda, memory: 256 }',
        '  f:',
        '    <<: [*base, «*slow»]',
        '',
      ].join('\n'),
    );
    const analysis = analyze(text);
    // `defaults` itself is reported on its own node; `f` (merged) on the `*slow` of its entry.
    const found = seen(text, analysis, ['lambda/timeout-limit']).map((f) => f.at);
    assert.deepEqual(found, [at(text, { start: text.indexOf('20m'), end: text.indexOf('20m') + 3 }), at(text, ranges[0]!)]);
    for (const finding of analysis.findings.filter((f) => f.ruleId === 'lambda/timeout-limit')) assert.equal(finding.fix, undefined);
    assert.equal(analysis.model.byId.get('f')!.props.get('memory')!.value, 256);
  });

  test("explicit keys win over merged ones: the resource's own value is checked, not the anchor's", () => {
    const text =
      'awsflow: 1\nresources:\n  long: &fn\n    type: lambda\n    capacity: managed-instances\n    timeout: 30m\n  short:\n    <<: *fn\n    capacity: on-demand\n    timeout: 10m\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.equal(analysis.model.byId.get('short')!.props.get('timeout')!.value, 600);
  });

  test("suppression on the `<<` line silences the merged value's finding", () => {
    const text = strip(merged).text.replace(
      '    <<: *fn\n',
      '    <<: *fn   # awsflow-ignore lambda/timeout-limit -- moves to managed instances next sprint\n',
    );
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.findings.map((f) => f.ruleId),
      [],
    );
  });

  test('encryption/at-rest through a merge key: the fix that would remove or replace the merged value is dropped', () => {
    const { text, ranges } = strip(
      'awsflow: 1\nresources:\n  q: &plain\n    type: sqs\n    encryption: «none»\n  r:\n    <<: «*plain»\n    label: second\n',
    );
    const analysis = analyze(text);
    assert.deepEqual(
      seen(text, analysis, ['encryption/at-rest']).map((f) => [f.at, f.fix]),
      [
        [at(text, ranges[0]!), undefined],
        [at(text, ranges[1]!), undefined],
      ],
    );
  });

  test("a flow entry merging an aliased connection map reports on the entry's alias", () => {
    const { text, ranges } = strip(
      [
        'awsflow: 1',
        'resources:',
        '  std: { type: sqs }',
        '  jobs.fifo: { type: sqs, fifo: true }',
        '  f: { type: lambda }',
        '  g: { type: lambda }',
        'flows:',
        '  - std -> f: &batches { batchSize: 50, batchWindow: 1s }',
        '  - jobs.fifo -> g: { <<: «*batches», label: ordered }',
        '',
      ].join('\n'),
    );
    const analysis = analyze(text);
    const found = seen(text, analysis, ['sqs/fifo-batch-size']);
    assert.deepEqual(found, [{ ruleId: 'sqs/fifo-batch-size', at: at(text, ranges[0]!), suggestions: [] }]);
  });

  test('a merge key naming something other than a map stays an unknown key', () => {
    const text = 'awsflow: 1\nresources:\n  a: { type: lambda, timeout: &t 10m }\n  b:\n    type: lambda\n    <<: *t\n';
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 'schema/invalid').map((f) => text.slice(f.start, f.end)),
      ['<<'],
    );
  });
});

describe('the engine drops any fix that edits shared text, whichever rule built it', () => {
  const text =
    'awsflow: 1\nresources:\n  a: &base { type: lambda, timeout: 10m }\n  b:\n    <<: *base\n    memory: 256\n  d: { type: lambda, timeout: &t 5m }\n  c:\n    type: lambda\n    timeout: *t\n  q: { type: sqs, deadLetter: &m { target: dlq } }\n  r: { type: sqs, deadLetter: *m }\n  dlq: { type: sqs }\n';
  const edit = (start: number, end: number, newText = 'x') => ({ start, end, newText });
  const cases: [string, { start: number; end: number; newText: string }, boolean][] = [
    ['inside an aliased anchor', edit(text.indexOf('10m'), text.indexOf('10m') + 3, '15m'), false],
    ['an insertion inside an aliased anchor', edit(text.indexOf('10m }') + 3, text.indexOf('10m }') + 3, ', memory: 512'), false],
    ['over its `&name`', edit(text.indexOf('&base'), text.indexOf('&base') + 5, '&other'), false],
    ['over a merge entry', edit(text.indexOf('<<'), text.indexOf('<<') + 2, 'base'), false],
    ['inside an alias token', edit(text.indexOf('*t') + 1, text.indexOf('*t') + 2, 'u'), false],
    ["an aliased scalar's token replaced whole (a local override)", edit(text.indexOf('*t'), text.indexOf('*t') + 2, '15m'), true],
    [
      "an aliased map's token replaced whole (it stands for every value inside)",
      edit(text.indexOf('*m'), text.indexOf('*m') + 2, 'sqs'),
      false,
    ],
    [
      'a whole pair around an aliased scalar removed (this use ends; the anchor stays)',
      edit(text.indexOf('    timeout: *t'), text.indexOf('*t\n') + 3, ''),
      true,
    ],
    ['a whole pair around an aliased map removed', edit(text.indexOf(', deadLetter: *m'), text.indexOf('*m }') + 2, ''), true],
    ['text nothing shares', edit(text.indexOf('memory: 256') + 8, text.indexOf('memory: 256') + 11, '512'), true],
  ];
  for (const [name, textEdit, kept] of cases) {
    test(`${name}: ${kept ? 'kept' : 'dropped'}`, () => {
      const rule = defineRule({
        id: 'test/raw-fix',
        defaultSeverity: 'warning',
        summary: 'a fix with a raw edit',
        fixable: true,
        hasSuggestions: true,
        messages: { found: 'found', fix: 'fix' },
        check(context) {
          context.report({
            at: { start: 0, end: 7 },
            messageId: 'found',
            fix: { messageId: 'fix', build: () => textEdit },
            suggest: [{ messageId: 'fix', build: () => [textEdit] }],
          });
        },
      });
      const [finding] = analyze(text, { rules: [rule] }).findings.filter((f) => f.ruleId === 'test/raw-fix');
      assert.ok(finding, 'the finding stays');
      assert.deepEqual(finding.fix?.edits, kept ? [textEdit] : undefined);
      assert.equal(finding.suggestions.length, kept ? 1 : 0);
    });
  }

  test('Edits refuses a value inside an aliased map or brought by a merge key, and a map that is an alias', () => {
    const analysis = analyze(text);
    const b = analysis.model.byId.get('b')!;
    const edits = new Edits(text);
    assert.throws(() => edits.replace(b.props.get('timeout')!.node!, '15m'), SharedTextEdit);
    assert.throws(() => removeProperty(edits, b.node!, 'timeout'), SharedTextEdit);
    const aliased = analyze('awsflow: 1\nresources:\n  a: &base { type: lambda, timeout: 10m }\n  b: *base\n');
    const whole = aliased.model.byId.get('b')!;
    assert.throws(() => edits.insertProperty(whole.node!, 'memory', '512'), SharedTextEdit);
    assert.throws(() => edits.setProperty(whole.node!, 'timeout', '1m'), SharedTextEdit);
    assert.throws(() => edits.replace(whole.props.get('timeout')!.node!, '1m'), SharedTextEdit);
  });
});
