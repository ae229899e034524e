/**
 * The seams every feature of the server shares: the guard around each handler (a failure
 * logged and answered with the empty answer, a meant refusal let through, a cancelled
 * request answered as cancelled) and the settings (asked of the client once per
 * document, forgotten on close and on a change, which the features hear about).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS } from '../../../src/protocol/settings';
import { Settings } from '../../../src/server/context';
import { describeFailure, guarded } from '../../../src/server/guard';

function recorder() {
  const logged: string[] = [];
  return { logged, log: (where: string, error: unknown) => logged.push(`${where}: ${describeFailure(error).split('\n')[0]}`) };
}

describe('guarded handlers', () => {
  test('an answer goes through unchanged, nothing logged', async () => {
    const { logged, log } = recorder();
    const handler = guarded(log, 'hover', async (params: { n: number }) => params.n * 2, -1);
    assert.equal(await handler({ n: 21 }, new CancellationTokenSource().token), 42);
    assert.deepEqual(logged, []);
  });

  test('a failure is logged on one line, escaped, and answered with the fallback', async () => {
    const { logged, log } = recorder();
    const handler = guarded(
      log,
      'completion',
      () => {
        throw new Error('bad\nline\u001b[31m');
      },
      [] as string[],
    );
    assert.deepEqual(await handler({}, new CancellationTokenSource().token), []);
    assert.deepEqual(logged, ['completion: bad\\nline\\x1b[31m']);
  });

  test('a refusal the handler meant (a ResponseError) reaches the client, not the log', async () => {
    const { logged, log } = recorder();
    const handler = guarded(
      log,
      'rename',
      () => {
        throw new ResponseError(ErrorCodes.InvalidParams, '`newName` must be a string.');
      },
      null,
    );
    await assert.rejects(
      handler({}, new CancellationTokenSource().token),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams,
    );
    assert.deepEqual(logged, []);
  });

  test('cancelled before it runs: not run, answered as cancelled', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const handler = guarded(
      recorder().log,
      'hover',
      () => {
        ran = true;
        return 1;
      },
      0,
    );
    await assert.rejects(
      handler({}, source.token),
      (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled,
    );
    assert.equal(ran, false);
  });

  test('cancelled while it runs: its answer is dropped, answered as cancelled', async () => {
    const source = new CancellationTokenSource();
    const handler = guarded(
      recorder().log,
      'hover',
      async () => {
        source.cancel();
        return 1;
      },
      0,
    );
    await assert.rejects(
      handler({}, source.token),
      (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled,
    );
  });
});

describe('settings', () => {
  /** A connection whose client answers workspace/configuration, counting the questions. */
  function client(answer: unknown) {
    const asked: string[] = [];
    const connection = {
      workspace: {
        getConfiguration: (item: { scopeUri: string; section: string }) => {
          asked.push(`${item.section} ${item.scopeUri}`);
          return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
        },
      },
    } as unknown as Connection;
    return { asked, settings: new Settings(connection) };
  }

  test('a client without configuration is never asked: the defaults', async () => {
    const { asked, settings } = client({});
    assert.equal(await settings.for('file:///a.awsflow'), DEFAULT_SETTINGS);
    assert.deepEqual(asked, []);
  });

  test('asked once per document, again after close or a change; listeners hear of a change after the cache is cleared', async () => {
    const { asked, settings } = client({ validate: { delay: 500 } });
    settings.hasConfiguration = true;
    assert.equal((await settings.for('file:///a.awsflow')).validate.delay, 500);
    await settings.for('file:///a.awsflow');
    await settings.for('file:///b.awsflow');
    assert.deepEqual(asked, ['awsflow file:///a.awsflow', 'awsflow file:///b.awsflow']);
    settings.forget('file:///a.awsflow');
    await settings.for('file:///a.awsflow');
    await settings.for('file:///b.awsflow');
    assert.deepEqual(asked.slice(2), ['awsflow file:///a.awsflow']);
    const heard: number[] = [];
    settings.onDidChange(() => {
      void settings.for('file:///b.awsflow');
      heard.push(asked.length);
    });
    settings.changed();
    assert.deepEqual(heard, [4], 'the listener asked again: the old settings were gone');
    assert.equal(asked[3], 'awsflow file:///b.awsflow');
  });

  test('a client that fails to answer gets the defaults', async () => {
    const { settings } = client(new Error('no configuration'));
    settings.hasConfiguration = true;
    assert.equal(await settings.for('file:///a.awsflow'), DEFAULT_SETTINGS);
  });
});
