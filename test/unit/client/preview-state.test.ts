import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseName, parsePreviewState, previewTitle } from '../../../src/client/preview/preview-state';

describe('preview state (restored after a reload)', () => {
  test('a saved state names the document and whether the preview was locked', () => {
    assert.deepEqual(parsePreviewState({ resource: 'file:///w/fanout.awsflow', locked: true, zoom: 2 }), { resource: 'file:///w/fanout.awsflow', locked: true });
    assert.deepEqual(parsePreviewState({ resource: 'untitled:Untitled-1' }), { resource: 'untitled:Untitled-1', locked: false });
    assert.deepEqual(parsePreviewState({ resource: 'file:///w/a.awsflow', locked: 'yes' }), { resource: 'file:///w/a.awsflow', locked: false });
  });

  test('anything else is not ours', () => {
    for (const state of [undefined, null, 42, 'file:///a', {}, { resource: 7 }, { resource: '/no/scheme' }, { resource: '' }, { resource: `file:///${'a'.repeat(9000)}` }]) {
      assert.equal(parsePreviewState(state), undefined, JSON.stringify(state)?.slice(0, 40));
    }
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
