import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { brokenReason, decidePresentation, serverDownReason } from '../../../src/client/preview/presentation';
import type { DiagramVerdict } from '../../../src/protocol/lsp';

function broken(line: number, reason: string, more = 0): Extract<DiagramVerdict, { kind: 'broken' }> {
  return { kind: 'broken', reason, ruleId: 'syntax/yaml', more, range: { start: { line, character: 2 }, end: { line, character: 4 } } };
}

describe('momentarily broken files', () => {
  test('the banner says where the problem is (1-based line) and what it is', () => {
    assert.equal(
      brokenReason(broken(3, 'YAML syntax error: Tabs are not allowed as indentation')),
      'The file has a problem at line 4: YAML syntax error: Tabs are not allowed as indentation',
    );
    assert.equal(brokenReason({ ...broken(0, 'too large'), ruleId: 'syntax/limits' }), 'The file has a problem at line 1: too large');
  });

  test('and how many more', () => {
    assert.equal(brokenReason(broken(4, 'first', 2)), 'The file has a problem at line 5: first (and 2 more)');
  });
});

describe("draw, or dim the last good diagram: the diagram's verdict decides", () => {
  test('drawable: draw it', () => {
    assert.deepEqual(decidePresentation({ verdict: { kind: 'drawable' } }), { kind: 'render' });
  });

  test('broken: keep the last good one, with the reason', () => {
    assert.deepEqual(decidePresentation({ verdict: broken(2, 'bad indentation') }), {
      kind: 'stale',
      reason: 'The file has a problem at line 3: bad indentation',
    });
  });
});

describe('while the language server is down', () => {
  test('running: nothing to say', () => {
    assert.equal(serverDownReason({ kind: 'running' }, true), undefined);
    assert.equal(serverDownReason({ kind: 'running' }, false), undefined);
  });

  test('restarting after a crash, or starting: a drawing is marked as possibly out of date; an empty preview just waits', () => {
    assert.equal(
      serverDownReason({ kind: 'restarting', attempt: 1 }, true),
      'The awsflow language server stopped unexpectedly and is restarting; the diagram updates once it runs again.',
    );
    assert.equal(
      serverDownReason({ kind: 'starting' }, true),
      'The awsflow language server is starting; the diagram updates once it runs.',
    );
    assert.equal(serverDownReason({ kind: 'restarting', attempt: 3 }, false), undefined);
    assert.equal(serverDownReason({ kind: 'starting' }, false), undefined);
  });

  test('given up or stopped: always said, with the way back', () => {
    const failed = 'The awsflow language server crashed 5 times within 3 minutes and will not be restarted.';
    assert.equal(
      serverDownReason({ kind: 'failed', reason: failed }, true),
      `${failed} Run "awsflow: Restart Language Server" to bring it back.`,
    );
    assert.equal(
      serverDownReason({ kind: 'failed', reason: failed }, false),
      `${failed} Run "awsflow: Restart Language Server" to bring it back.`,
    );
    assert.equal(
      serverDownReason({ kind: 'stopped' }, false),
      'The awsflow language server is not running (awsflow: Restart Language Server).',
    );
  });
});
