import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decidePresentation, serverDownReason, syntaxProblem, type DiagnosticLike } from '../../../src/client/preview/presentation';

function diagnostic(line: number, code: DiagnosticLike['code'], message = 'problem', source: string | undefined = 'awsflow'): DiagnosticLike {
  return { message, source, code, range: { start: { line, character: 2 } } };
}

describe('momentarily broken files', () => {
  test('a YAML or limits error is a reason to keep the last good diagram', () => {
    assert.equal(syntaxProblem([diagnostic(3, 'syntax/yaml', 'YAML syntax error: Tabs are not allowed\nas indentation')]), 'The file has a problem at line 4: YAML syntax error: Tabs are not allowed as indentation');
    assert.equal(syntaxProblem([diagnostic(0, 'syntax/limits', 'too large')]), 'The file has a problem at line 1: too large');
  });

  test('the code as the language client gives it: { value, target }', () => {
    assert.equal(syntaxProblem([diagnostic(7, { value: 'syntax/yaml' }, 'bad')]), 'The file has a problem at line 8: bad');
  });

  test('the first by position, and how many more', () => {
    const reason = syntaxProblem([diagnostic(9, 'syntax/yaml', 'second'), diagnostic(2, 'sqs/range'), diagnostic(4, 'syntax/yaml', 'first'), diagnostic(12, 'syntax/yaml', 'third')]);
    assert.equal(reason, 'The file has a problem at line 5: first (and 2 more)');
  });

  test('other rules, or another tool\'s syntax errors, do not make a file broken', () => {
    assert.equal(syntaxProblem([diagnostic(1, 'sqs/range'), diagnostic(2, 'schema/invalid'), diagnostic(3, undefined)]), undefined);
    assert.equal(syntaxProblem([diagnostic(1, 'syntax/yaml', 'x', 'yaml-language-server')]), undefined);
    assert.equal(syntaxProblem([]), undefined);
  });
});

describe('draw, dim, or wait for the diagnostics', () => {
  const broken = [diagnostic(2, 'syntax/yaml', 'bad indentation')];
  test('diagnostics that agree with the diagram decide at once', () => {
    assert.deepEqual(decidePresentation({ errors: 0, warnings: 1 }, { errors: 0, warnings: 1, diagnostics: [diagnostic(1, 'sqs/no-dlq')] }, false), { kind: 'render' });
    assert.deepEqual(decidePresentation({ errors: 1, warnings: 0 }, { errors: 1, warnings: 0, diagnostics: broken }, false), { kind: 'stale', reason: 'The file has a problem at line 3: bad indentation' });
  });

  test('diagnostics of another version: wait for them', () => {
    // The server found a syntax error in this version, but the editor still shows the clean one.
    assert.deepEqual(decidePresentation({ errors: 1, warnings: 0 }, { errors: 0, warnings: 0, diagnostics: [] }, false), { kind: 'wait' });
    // The file was fixed, but the editor still shows the broken version's error.
    assert.deepEqual(decidePresentation({ errors: 0, warnings: 0 }, { errors: 1, warnings: 0, diagnostics: broken }, false), { kind: 'wait' });
  });

  test('after the timeout, decide with what there is', () => {
    assert.deepEqual(decidePresentation({ errors: 1, warnings: 0 }, { errors: 0, warnings: 0, diagnostics: [] }, true), { kind: 'render' });
    assert.deepEqual(decidePresentation({ errors: 0, warnings: 0 }, { errors: 1, warnings: 0, diagnostics: broken }, true), { kind: 'stale', reason: 'The file has a problem at line 3: bad indentation' });
  });
});

describe('while the language server is down', () => {
  test('running: nothing to say', () => {
    assert.equal(serverDownReason({ kind: 'running' }, true), undefined);
    assert.equal(serverDownReason({ kind: 'running' }, false), undefined);
  });

  test('restarting after a crash, or starting: a drawing is marked as possibly out of date; an empty preview just waits', () => {
    assert.equal(serverDownReason({ kind: 'restarting', attempt: 1 }, true), 'The awsflow language server stopped unexpectedly and is restarting; the diagram updates once it runs again.');
    assert.equal(serverDownReason({ kind: 'starting' }, true), 'The awsflow language server is starting; the diagram updates once it runs.');
    assert.equal(serverDownReason({ kind: 'restarting', attempt: 3 }, false), undefined);
    assert.equal(serverDownReason({ kind: 'starting' }, false), undefined);
  });

  test('given up or stopped: always said, with the way back', () => {
    const failed = 'The awsflow language server crashed 5 times within 3 minutes and will not be restarted.';
    assert.equal(serverDownReason({ kind: 'failed', reason: failed }, true), `${failed} Run "awsflow: Restart Language Server" to bring it back.`);
    assert.equal(serverDownReason({ kind: 'failed', reason: failed }, false), `${failed} Run "awsflow: Restart Language Server" to bring it back.`);
    assert.equal(serverDownReason({ kind: 'stopped' }, false), 'The awsflow language server is not running (awsflow: Restart Language Server).');
  });
});
