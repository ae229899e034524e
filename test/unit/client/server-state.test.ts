import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RESTARTS, RESTART_WINDOW_MS, ServerStateMachine } from '../../../src/client/server-state';
import { describeStatus, countsLabel, countsText } from '../../../src/client/status-text';

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
    assert.deepEqual(machine.crashed(0), { restart: true, attempt: 1 });
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'restarting', attempt: 1 });
    assert.deepEqual(machine.clientStateChanged('starting'), { kind: 'restarting', attempt: 1 });
    assert.deepEqual(machine.clientStateChanged('running'), { kind: 'running' });
  });

  test('crashes within the window count up even when each restart runs; the one past the limit stops it for good', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    machine.clientStateChanged('running');
    for (let attempt = 1; attempt <= MAX_RESTARTS; attempt++) {
      const now = attempt * 10_000;
      assert.deepEqual(machine.crashed(now), { restart: true, attempt });
      assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'restarting', attempt });
      machine.clientStateChanged('starting');
      assert.deepEqual(machine.clientStateChanged('running'), { kind: 'running' });
    }
    const message = 'The awsflow language server crashed 5 times within 3 minutes and will not be restarted.';
    assert.deepEqual(machine.crashed((MAX_RESTARTS + 1) * 10_000), { restart: false, message });
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'failed', reason: message });
  });

  test('crashes older than the window no longer count', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    machine.clientStateChanged('running');
    for (let attempt = 1; attempt <= MAX_RESTARTS; attempt++) assert.deepEqual(machine.crashed(attempt * 1000), { restart: true, attempt });
    // The first crash (at 1 s) has left the window; the other three are still in it.
    assert.deepEqual(machine.crashed(1000 + RESTART_WINDOW_MS), { restart: true, attempt: MAX_RESTARTS });
    // One crash an hour is restarted every time, and is always the first.
    const hourly = new ServerStateMachine();
    for (let hour = 0; hour < 10; hour++) assert.deepEqual(hourly.crashed(hour * 3_600_000), { restart: true, attempt: 1 });
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
    for (let attempt = 1; attempt <= MAX_RESTARTS; attempt++) machine.crashed(attempt);
    assert.equal(machine.crashed(MAX_RESTARTS + 1).restart, false);
    assert.equal(machine.clientStateChanged('stopped').kind, 'failed');
    machine.manualRestart();
    assert.deepEqual(machine.clientStateChanged('starting'), { kind: 'starting' });
    machine.clientStateChanged('running');
    assert.deepEqual(machine.crashed(MAX_RESTARTS + 2), { restart: true, attempt: 1 });
    assert.deepEqual(machine.clientStateChanged('stopped'), { kind: 'restarting', attempt: 1 });
  });

  test('a failed start', () => {
    const machine = new ServerStateMachine();
    machine.clientStateChanged('starting');
    assert.deepEqual(machine.clientStateChanged('startFailed'), { kind: 'failed', reason: 'The language server failed to start.' });
  });
});

describe('status item text', () => {
  test("running: the file's error and warning counts", () => {
    assert.deepEqual(describeStatus({ kind: 'running' }, { errors: 2, warnings: 1 }), {
      text: '$(error) 2 $(warning) 1',
      label: 'awsflow: 2 errors, 1 warning in this file',
      detail: 'Language server running',
      severity: 'information',
      busy: false,
      action: 'showOutput',
    });
    assert.equal(countsText({ errors: 0, warnings: 0 }), '$(check) No problems');
    assert.equal(countsText({ errors: 0, warnings: 3 }), '$(error) 0 $(warning) 3');
    assert.equal(countsText(undefined), 'awsflow');
  });

  test('the accessible label says the counts in words, one and many', () => {
    assert.equal(countsLabel({ errors: 1, warnings: 0 }), 'awsflow: 1 error, 0 warnings in this file');
    assert.equal(countsLabel({ errors: 0, warnings: 2 }), 'awsflow: 0 errors, 2 warnings in this file');
    assert.equal(countsLabel({ errors: 0, warnings: 0 }), 'awsflow: no problems in this file');
    assert.equal(countsLabel(undefined), 'awsflow: the language server is running');
  });

  test('every state has a label in plain words: no $(icon) codes', () => {
    const states = [
      { kind: 'starting' },
      { kind: 'restarting', attempt: 1 },
      { kind: 'failed', reason: 'It crashed.' },
      { kind: 'stopped' },
      { kind: 'running' },
    ] as const;
    for (const state of states) {
      for (const counts of [undefined, { errors: 3, warnings: 1 }, { errors: 0, warnings: 0 }]) {
        const { label } = describeStatus(state, counts);
        assert.match(label, /^awsflow: [a-z0-9 ,;]+$/, `${state.kind}: ${label}`);
        assert.ok(!label.includes('$('), label);
      }
    }
  });

  test('starting and restarting are busy', () => {
    assert.equal(describeStatus({ kind: 'starting' }, undefined).busy, true);
    const restarting = describeStatus({ kind: 'restarting', attempt: 2 }, { errors: 1, warnings: 0 });
    assert.equal(restarting.busy, true);
    assert.equal(restarting.severity, 'warning');
    assert.equal(restarting.text, 'awsflow: restarting');
    assert.equal(restarting.detail, 'The language server stopped unexpectedly; restarting it (restart 2 of at most 4 within 3 minutes).');
  });

  test('once it has given up, clicking restarts it', () => {
    const failed = describeStatus({ kind: 'failed', reason: 'It crashed 5 times.' }, undefined);
    assert.deepEqual([failed.text, failed.severity, failed.busy, failed.action], ['awsflow: stopped', 'error', false, 'restartServer']);
    assert.match(failed.detail, /^It crashed 5 times\. Click to restart it\.$/);
    assert.equal(describeStatus({ kind: 'stopped' }, undefined).action, 'restartServer');
  });
});
