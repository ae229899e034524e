import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseName, missingFileReason, parsePreviewState, previewTitle, restoreTarget } from '../../../src/client/preview/preview-state';

describe('preview state (restored after a reload)', () => {
  test('a saved state names the document and whether the preview was locked', () => {
    assert.deepEqual(parsePreviewState({ resource: 'file:///w/fanout.awsflow', locked: true, zoom: 2 }), {
      resource: 'file:///w/fanout.awsflow',
      locked: true,
    });
    assert.deepEqual(parsePreviewState({ resource: 'untitled:Untitled-1' }), { resource: 'untitled:Untitled-1', locked: false });
    assert.deepEqual(parsePreviewState({ resource: 'file:///w/a.awsflow', locked: 'yes' }), {
      resource: 'file:///w/a.awsflow',
      locked: false,
    });
  });

  test('anything else is not ours', () => {
    for (const state of [
      undefined,
      null,
      42,
      'file:///a',
      {},
      { resource: 7 },
      { resource: '/no/scheme' },
      { resource: '' },
      { resource: `file:///${'a'.repeat(9000)}` },
    ]) {
      assert.equal(parsePreviewState(state), undefined, JSON.stringify(state)?.slice(0, 40));
    }
  });

  test('the layout last drawn comes back when it is one of ours', () => {
    assert.deepEqual(parsePreviewState({ resource: 'file:///w/a.awsflow', locked: true, layout: 'elk' }), {
      resource: 'file:///w/a.awsflow',
      locked: true,
      layout: 'elk',
    });
    assert.deepEqual(parsePreviewState({ resource: 'file:///w/a.awsflow', layout: 'circo' }), {
      resource: 'file:///w/a.awsflow',
      locked: false,
    });
  });

  test('a state from an older version (a view and a layout, no document) restores nothing, without throwing', () => {
    const older = { view: { x: 10, y: 20, scale: 1.5, uri: 'file:///w/a.awsflow' }, layout: 'elk', largeView: 'focus' };
    assert.equal(parsePreviewState(older), undefined);
    assert.equal(restoreTarget(older, false), undefined);
    for (const corrupt of [
      { resource: null },
      { resource: ['file:///w/a.awsflow'] },
      { resource: { toString: () => 'file:///a' } },
      Object.create(null) as object,
      [],
    ]) {
      assert.equal(restoreTarget(corrupt, false), undefined, JSON.stringify(corrupt));
    }
  });

  test('each restored panel gets the document its own state names, whatever order they come back in', () => {
    const a = { resource: 'file:///w/a.awsflow', locked: true, view: { x: 0, y: 0, scale: 1, uri: 'file:///w/a.awsflow' } };
    const b = { resource: 'file:///w/b.awsflow', locked: true };
    // B's panel first (opened first), then A's; then the other way round: the pairs are the same.
    assert.deepEqual(
      [b, a].map((state) => restoreTarget(state, false)?.resource),
      ['file:///w/b.awsflow', 'file:///w/a.awsflow'],
    );
    assert.deepEqual(
      [a, b].map((state) => restoreTarget(state, false)?.resource),
      ['file:///w/a.awsflow', 'file:///w/b.awsflow'],
    );
  });

  test('an unlocked preview stays unlocked unless another already follows the editor', () => {
    const unlocked = { resource: 'file:///w/a.awsflow', locked: false };
    assert.deepEqual(restoreTarget(unlocked, false), { resource: 'file:///w/a.awsflow', locked: false });
    assert.deepEqual(restoreTarget(unlocked, true), { resource: 'file:///w/a.awsflow', locked: true });
    assert.deepEqual(restoreTarget({ resource: 'file:///w/b.awsflow', locked: true }, false), {
      resource: 'file:///w/b.awsflow',
      locked: true,
    });
  });

  test('a preview of a file that is gone names it and where it was', () => {
    assert.equal(
      missingFileReason({ scheme: 'file', path: '/w/flows/order events.awsflow' }),
      'order events.awsflow no longer exists (/w/flows/order events.awsflow). Restore the file, or close this preview.',
    );
    assert.equal(
      missingFileReason({ scheme: 'vscode-vfs', path: '/github/o/r/a.awsflow' }),
      'a.awsflow no longer exists (vscode-vfs:/github/o/r/a.awsflow). Restore the file, or close this preview.',
    );
  });

  test('titles name the file, and a locked preview says so', () => {
    assert.equal(previewTitle('fanout.awsflow', false), 'Preview fanout.awsflow');
    assert.equal(previewTitle('fanout.awsflow', true), '[Locked] Preview fanout.awsflow');
  });

  test('the base name is the decoded last path segment', () => {
    assert.equal(baseName('/w/my%20flows/order%20events.awsflow'), 'order events.awsflow');
    assert.equal(baseName('/w/dir/'), 'dir');
    assert.equal(baseName('Untitled-1'), 'Untitled-1');
    assert.equal(baseName('/w/100%.awsflow'), '100%.awsflow');
  });
});
