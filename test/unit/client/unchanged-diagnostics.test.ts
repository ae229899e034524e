import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UnchangedDiagnostics, type DiagnosticShape } from '../../../src/client/unchanged-diagnostics';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const uri = { toString: () => 'file:///a.awsflow' };
function finding(overrides: Partial<DiagnosticShape> = {}): DiagnosticShape {
  return {
    range: range(3, 4, 10),
    message: 'The subscription has no deadLetter',
    severity: 2,
    source: 'awsflow',
    code: { value: 'sns/no-redrive', target: { toString: () => 'https://example.test/sns/no-redrive' } },
    relatedInformation: [{ location: { uri, range: range(9, 2, 8) }, message: 'the queue' }],
    ...overrides,
  };
}

describe('diagnostics handed to VS Code only when they change', () => {
  test('the same findings again are unchanged; the first set, per document, is not', () => {
    const filter = new UnchangedDiagnostics();
    assert.equal(filter.unchanged('a', [finding()]), false);
    assert.equal(filter.unchanged('a', [finding()]), true);
    assert.equal(filter.unchanged('b', [finding()]), false, 'another document');
    assert.equal(filter.unchanged('b', []), false, 'its findings gone');
    assert.equal(filter.unchanged('b', []), true);
  });

  test('any difference a user can see is a change', () => {
    const changes: Partial<DiagnosticShape>[] = [
      { range: range(3, 4, 11) },
      { range: range(4, 4, 10) },
      { message: 'another message' },
      { severity: 1 },
      { source: 'other' },
      { code: 'sns/no-redrive' },
      { code: { value: 'sqs/dlq', target: { toString: () => 'https://example.test/sns/no-redrive' } } },
      { code: { value: 'sns/no-redrive', target: { toString: () => 'https://example.test/other' } } },
      { tags: [1] },
      { relatedInformation: [] },
      { relatedInformation: [{ location: { uri, range: range(9, 2, 9) }, message: 'the queue' }] },
      { relatedInformation: [{ location: { uri, range: range(9, 2, 8) }, message: 'another queue' }] },
      { relatedInformation: [{ location: { uri: { toString: () => 'file:///b.awsflow' }, range: range(9, 2, 8) }, message: 'the queue' }] },
    ];
    for (const change of changes) {
      const filter = new UnchangedDiagnostics();
      filter.unchanged('a', [finding()]);
      assert.equal(filter.unchanged('a', [finding(change)]), false, JSON.stringify(change));
    }
    const filter = new UnchangedDiagnostics();
    filter.unchanged('a', [finding(), finding({ message: 'second' })]);
    assert.equal(filter.unchanged('a', [finding({ message: 'second' }), finding()]), false, 'another order');
    assert.equal(filter.unchanged('a', [finding({ message: 'second' })]), false, 'one fewer');
  });

  test('after forget, the same set is handed over again (a restarted client starts with none)', () => {
    const filter = new UnchangedDiagnostics();
    filter.unchanged('a', [finding()]);
    filter.forget();
    assert.equal(filter.unchanged('a', [finding()]), false);
    assert.equal(filter.unchanged('a', [finding()]), true);
  });
});
