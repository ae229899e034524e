/**
 * Where a layout picked in the preview's toolbar is written: the workspace's settings,
 * the folder's when a folder value already decides, the user's when no folder is open.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutSettingTarget } from '../../../src/client/client-settings';

describe('layoutSettingTarget', () => {
  test('a folder is open: the workspace settings', () => {
    assert.equal(layoutSettingTarget(undefined, true), 'workspace');
    assert.equal(layoutSettingTarget({}, true), 'workspace');
    assert.equal(layoutSettingTarget({ workspaceFolderValue: undefined }, true), 'workspace');
  });

  test('no folder is open: the user settings', () => {
    assert.equal(layoutSettingTarget(undefined, false), 'global');
    assert.equal(layoutSettingTarget({}, false), 'global');
  });

  test('a folder value decides already: the folder settings, or the pick would be shadowed', () => {
    assert.equal(layoutSettingTarget({ workspaceFolderValue: 'dagre' }, true), 'workspaceFolder');
  });
});
