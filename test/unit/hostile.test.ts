/** Hostile and unusual input: each gives a clear finding or a bounded refusal, with exact UTF-16 positions. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';

const codes = (text: string) => analyze(text).findings.map((f) => f.ruleId);

describe('hostile and unusual input', () => {
  test('a byte order mark is read past', () => {
    assert.deepEqual(codes('\uFEFFawsflow: 1\nresources:\n  f: { type: lambda, timeout: 20m }\n'), ['lambda/timeout-limit']);
  });

  test('CRLF line endings: same findings, ranges on the right characters, fixes keep CRLF', () => {
    const text = 'awsflow: 1\r\nresources:\r\n  f:\r\n    type: lambda\r\n    timeout: 20m\r\n';
    const analysis = analyze(text);
    const finding = analysis.findings.find((f) => f.ruleId === 'lambda/timeout-limit')!;
    assert.equal(text.slice(finding.start, finding.end), '20m');
    assert.deepEqual(analysis.lineIndex.rangeOf(finding), { start: { line: 4, character: 13 }, end: { line: 4, character: 16 } });
    const created = analyze(text + '  q:\r\n    type: sqs\r\nflows:\r\n  - q -> nope\r\n').findings.find(
      (f) => f.ruleId === 'flows/unknown-resource',
    )!;
    const create = created.suggestions.find((s) => s.title.startsWith('Create'))!;
    assert.ok(
      create.edits.every((e) => !/(^|[^\r])\n/.test(e.newText)),
      'inserted lines end with CRLF',
    );
  });

  test('tabs used for indentation are a YAML error, not a crash', () => {
    assert.ok(codes('awsflow: 1\nresources:\n\tf: { type: lambda }\n').includes('syntax/yaml'));
  });

  test('non-ASCII labels and descriptions: positions count UTF-16 code units, as LSP wants', () => {
    const text = 'awsflow: 1\nresources:\n  f:\n    type: lambda\n    label: "Störung 🙂 处理"\n    timeout: 20m # 🙂🙂\n';
    const analysis = analyze(text);
    const finding = analysis.findings.find((f) => f.ruleId === 'lambda/timeout-limit')!;
    assert.deepEqual(analysis.lineIndex.rangeOf(finding), { start: { line: 5, character: 13 }, end: { line: 5, character: 16 } });
    const after = 'awsflow: 1\nresources:\n  f: { type: lambda, label: "🙂🙂", timeout: 20m }\n';
    const moved = analyze(after).findings.find((f) => f.ruleId === 'lambda/timeout-limit')!;
    // "  f: { type: lambda, label: \"🙂🙂\", timeout: " — each emoji is two UTF-16 units.
    assert.equal(analyze(after).lineIndex.rangeOf(moved).start.character, 45);
  });

  test('non-ASCII resource ids are refused as ids, clearly', () => {
    const findings = analyze('awsflow: 1\nresources:\n  größe: { type: sqs }\n').findings;
    assert.ok(findings.some((f) => f.ruleId === 'schema/invalid' && /is not a valid resource id/.test(f.message)));
  });

  test('a list or a scalar where a mapping belongs', () => {
    assert.ok(
      analyze('awsflow: 1\nresources: [a, b]\n').findings.some(
        (f) => f.ruleId === 'schema/invalid' && /Expected a mapping/.test(f.message),
      ),
    );
    assert.ok(
      analyze('awsflow: 1\nresources:\n  q: just text\n').findings.some(
        (f) => f.ruleId === 'schema/invalid' && /Expected a mapping/.test(f.message),
      ),
    );
    assert.ok(
      analyze('awsflow: 1\nresources: {}\nflows: a -> b\n').findings.some(
        (f) => f.ruleId === 'schema/invalid' && /Expected a list/.test(f.message),
      ),
    );
  });

  test('flow strings made of arrows and commas', () => {
    for (const flow of ['->', '-> ->', ',,,', 'a ->->-> b', '-> , ->', ', -> ,']) {
      const analysis = analyze(`awsflow: 1\nresources:\n  a: { type: client }\n  b: { type: lambda }\nflows:\n  - "${flow}"\n`);
      assert.deepEqual(analysis.internalErrors, []);
      assert.ok(
        analysis.findings.some((f) => f.ruleId === 'flows/syntax'),
        flow,
      );
    }
  });

  test('a multi-megabyte line is read in bounded time', () => {
    const text = 'awsflow: 1\nresources:\n  a: { type: client, description: "' + 'x'.repeat(3_000_000) + '" }\n';
    const started = Date.now();
    assert.deepEqual(codes(text), []);
    assert.ok(Date.now() - started < 20_000);
  });
});
