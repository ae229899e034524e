import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ServerStateMachine } from '../../../src/client/server-state';
import { describeStatus, countsText, MAX_RESTARTS } from '../../../src/client/status-text';

describe('language server state', () => {
  test('a normal start', () => {
    const machine = new ServerStateMachine();
    assert.deepEqual(machine.state, { kind: 'stopped' });
    assert.deepEqual(machine.clientStateChanged('starting'), { kind: 'starting' });
    assert.deepEqual(machine.clientStateChanged('running'), { kind: 'running' });
  });

  test('a crash that the client restarts: "restarting" until it runs again', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    machine.clientStateChanged('running');
    machine.connectionClosed('restart');
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'restarting', attempt: 1 });
    assert.deepEqual(machine.clientStateChanged('starting'), { kind: 'restarting', attempt: 1 });
    assert.deepEqual(machine.clientStateChanged('running'), { kind: 'running' });
  });

  test('crashes in a row count up; the last one stops it for good', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    for (let attempt = 1; attempt <= MAX_RESTARTS; attempt++) {
      machine.connectionClosed('restart');
      assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'restarting', attempt });
      machine.clientStateChanged('starting');
    }
    machine.connectionClosed('doNotRestart', 'The awsflow server crashed 5 times in the last 3 minutes.');
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'failed', reason: 'The awsflow server crashed 5 times in the last 3 minutes.' });
  });

  test('a stop nobody reported as a crash is a plain stop (the restart command, shutdown)', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    machine.clientStateChanged('running');
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'stopped' });
  });

  test('the restart command forgets earlier crashes', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    machine.connectionClosed('restart');
    machine.clientStateChanged('stopped');
    machine.manualRestart();
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'stopped' });
    assert.deepEqual(machine.clientStateChanged('starting'), { kind: 'starting' });
    machine.clientStateChanged('running');
    machine.connectionClosed('restart');
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'restarting', attempt: 1 });
  });

  test('a failed start', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    assert.deepEqual(machine.clientStateChanged('startFailed'), { kind: 'failed', reason: 'The language server failed to start.' });
  });
});

describe('status item text', () => {
  test('running: the file\'s error and warning counts', () => {
    assert.deepEqual(describeStatus({ kind: 'running' }, { errors: 2, warnings: 1 }), {
      text: '$(error) 2 $(warning) 1', detail: 'Language server running', severity: 'information', busy: false, action: 'showOutput',
    });
    assert.equal(countsText({ errors: 0, warnings: 0 }), '$(check) No problems');
    assert.equal(countsText({ errors: 0, warnings: 3 }), '$(error) 0 $(warning) 3');
    assert.equal(countsText(undefined), 'awsflow');
  });

  test('starting and restarting are busy', () => {
    assert.equal(describeStatus({ kind: 'starting' }, undefined).busy, true);
    const restarting = describeStatus({ kind: 'restarting', attempt: 2 }, { errors: 1, warnings: 0 });
    assert.equal(restarting.busy, true);
    assert.equal(restarting.severity, 'warning');
    assert.equal(restarting.text, 'awsflow: restarting');
    assert.match(restarting.detail, /attempt 2 of 4/);
  });

  test('once it has given up, clicking restarts it', () => {
    const failed = describeStatus({ kind: 'failed', reason: 'It crashed 5 times.' }, undefined);
    assert.deepEqual([failed.text, failed.severity, failed.busy, failed.action], ['awsflow: stopped', 'error', false, 'restartServer']);
    assert.match(failed.detail, /^It crashed 5 times\. Click to restart it\.$/);
    assert.equal(describeStatus({ kind: 'stopped' }, undefined).action, 'restartServer');
  });
});
