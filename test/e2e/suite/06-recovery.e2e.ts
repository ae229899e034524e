/**
 * Recovery from a crashed language server, in the real extension host: the server
 * process is killed with SIGKILL (found as the extension host's child running
 * dist/server/main-node.js, so nothing in the extension is trusted to say which process
 * it is), and the client must restart it. What the user sees is checked as it happens:
 * the status item says "restarting" and then shows the counts again, the preview dims its
 * drawing with the reason while no server answers and never draws as current until a
 * fresh answer comes, the diagnostics (cleared with the dead server) come back the same
 * as `awsflow check` gives for the current text, an edit made while the server was down
 * is in all of them, and after too many crashes the client gives up, says so, and the
 * item's Restart action brings it back.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { AwsflowApi } from '../../../src/client/api';
import type { ServerState } from '../../../src/client/server-state';
import type { ToWebview } from '../../../src/protocol/webview';
import { EXTENSION_ID, openFixture, rangeText, revert, ruleOf, waitFor } from '../helpers';

/** As src/client/language-server.ts starts it (an absolute path on the child's command line). */
const SERVER_MODULE = 'dist/server/main-node.js';
const RESOURCES = 11;
/** The restarts the client allows within 3 minutes (MAX_RESTARTS in src/client/server-state.ts). */
const MAX_RESTARTS = 4;
const AUDIT_LOG = '  audit-log:\n    type: sqs\n    encryption: sqs-managed\n';

/**
 * The language servers this extension host runs: its children whose command line runs
 * the server module. Read from /proc (the e2e runs on Linux) rather than from the client.
 */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the 2nd field after the command name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      // A killed child not yet reaped (a zombie) has an empty command line: it does not count.
      if (
        readFileSync(`/proc/${entry}/cmdline`, 'utf8')
          .split('\0')
          .some((arg) => arg.endsWith(SERVER_MODULE))
      )
        pids.push(Number(entry));
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

function theServerPid(): number {
  const pids = serverPids();
  assert.equal(
    pids.length,
    1,
    `expected one language server process under the extension host (pid ${process.pid}), found [${pids.join(', ')}]`,
  );
  return pids[0]!;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.compareTo(b.range.start) || ruleOf(a).localeCompare(ruleOf(b)))
    .map((d) => `${ruleOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${rangeText(d.range)}`);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'awsflow');
}

/** What `awsflow check` reports for this text, in the same form (a fresh analysis by the CLI, no server involved). */
function cliSummary(text: string, extensionPath: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'awsflow-recovery-'));
  try {
    const file = join(dir, 'mistakes.awsflow');
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [join(extensionPath, 'dist/cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, `awsflow check failed: ${run.stderr}`);
    const severity: Record<string, vscode.DiagnosticSeverity> = {
      error: vscode.DiagnosticSeverity.Error,
      warning: vscode.DiagnosticSeverity.Warning,
      info: vscode.DiagnosticSeverity.Information,
    };
    const findings = (
      JSON.parse(run.stdout) as {
        findings: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[];
      }[]
    )[0]!.findings;
    return summary(
      findings.map((f) =>
        Object.assign(
          new vscode.Diagnostic(new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1), f.ruleId, severity[f.severity]),
          { code: f.ruleId },
        ),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails instead of hanging when something never reports. */
function within<T>(what: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)),
  ]);
}

/** One state change as the test saw it, with what the status item and the preview showed at that moment. */
interface Seen {
  state: ServerState;
  status: ReturnType<AwsflowApi['server']['status']>;
  /** The document version and the messages posted to its preview since the test's mark. */
  version: number;
  posted: ToWebview[];
  diagnostics: number;
  at: number;
}

describe('recovery from a crashed language server', () => {
  let api: AwsflowApi;
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;
  let extensionPath: string;
  let seen: Seen[] = [];
  /** The last message posted before the test acted: everything after it is the test's doing. */
  let mark: ToWebview | undefined;
  let subscription: vscode.Disposable | undefined;

  const postedSinceMark = (): ToWebview[] => {
    const posted = api.previews.posted(uri);
    const at = mark ? posted.lastIndexOf(mark) : -1;
    assert.ok(!mark || at >= 0, 'more than 100 messages since the mark: the record of what the preview was sent is incomplete');
    return posted.slice(at + 1);
  };
  const setMark = (): void => {
    const posted = api.previews.posted(uri);
    mark = posted[posted.length - 1];
    seen = [];
  };

  before(async () => {
    if (process.platform !== 'linux') throw new Error('this suite finds the server process through /proc (Linux)');
    editor = await openFixture('mistakes.awsflow');
    uri = editor.document.uri;
    const extension = vscode.extensions.getExtension<AwsflowApi>(EXTENSION_ID)!;
    extensionPath = extension.extensionPath;
    api = await extension.activate();
    await within('the language server to start', api.ready);
    await waitFor('the language server to run', () => api.server.state().kind === 'running');
    await vscode.commands.executeCommand('awsflow.showPreviewToSide', uri);
    await within('the preview to draw', api.previews.whenRendered(uri, editor.document.version));
    subscription = api.server.onDidChangeState((state) => {
      seen.push({
        state,
        status: api.server.status(),
        version: editor.document.version,
        posted: postedSinceMark(),
        diagnostics: ours(uri).length,
        at: Date.now(),
      });
    });
  });

  after(async () => {
    subscription?.dispose();
    // Leave a running server behind whatever happened.
    if (api && api.server.state().kind !== 'running') {
      await vscode.commands.executeCommand('awsflow.restartServer');
      await waitFor('the language server to run again', () => api.server.state().kind === 'running');
    }
    if (editor) await revert(editor);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a killed server is restarted: the status item says so, the preview is dimmed meanwhile, and diagnostics and drawing come back for the text as edited while it was down', async () => {
    const diagnosticsBefore = summary(ours(uri));
    assert.deepEqual(
      diagnosticsBefore,
      cliSummary(editor.document.getText(), extensionPath),
      'before the crash the editor shows what the CLI reports',
    );
    const drawnBefore = api.previews.lastRendered(uri)!;
    assert.equal(drawnBefore.nodes, RESOURCES);
    const pid = theServerPid();
    setMark();

    // Edit as soon as the crash is noticed, so the edit lands while no server runs.
    const line = editor.document.getText().split('\n').indexOf('flows:');
    let edited: Thenable<boolean> | undefined;
    let editLanded: { version: number; state: ServerState['kind'] } | undefined;
    const onRestarting = api.server.onDidChangeState((state) => {
      if (state.kind === 'restarting' && !edited) edited = editor.edit((edit) => edit.insert(new vscode.Position(line - 1, 0), AUDIT_LOG));
    });
    const onEdit = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === uri.toString() && event.contentChanges.length > 0)
        editLanded ??= { version: event.document.version, state: api.server.state().kind };
    });
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    try {
      await waitFor(
        'the server to be restarted and run again',
        () => seen.some((s) => s.state.kind === 'restarting') && api.server.state().kind === 'running',
      );
      assert.equal(await edited, true, 'the edit made while the server was down was applied');
    } finally {
      onRestarting.dispose();
      onEdit.dispose();
    }
    const runningAt = seen.find((s) => s.state.kind === 'running')!.at;
    console.log(
      `recovery: server ${pid} killed; restarting seen after ${seen[0]!.at - killedAt} ms; running again after ${runningAt - killedAt} ms; edit landed in state ${editLanded?.state}`,
    );

    // The status item, at each step.
    const states = seen.map((s) => s.state.kind);
    assert.equal(states[0], 'restarting', `state changes: ${states.join(' → ')}`);
    assert.equal(states[states.length - 1], 'running', `state changes: ${states.join(' → ')}`);
    assert.ok(
      states.every((kind) => kind === 'restarting' || kind === 'running'),
      `nothing but restarting, then running: ${states.join(' → ')}`,
    );
    const restarting = seen[0]!;
    assert.deepEqual(restarting.state, { kind: 'restarting', attempt: 1 });
    assert.equal(restarting.status.text, 'awsflow: restarting');
    assert.equal(
      restarting.status.detail,
      `The language server stopped unexpectedly; restarting it (restart 1 of at most ${MAX_RESTARTS} within 3 minutes).`,
    );
    assert.equal(restarting.status.busy, true);
    assert.equal(restarting.status.severity, vscode.LanguageStatusSeverity.Warning);
    const running = seen[seen.length - 1]!;
    assert.equal(running.status.busy, false);
    assert.equal(running.status.detail, 'Language server running');
    assert.doesNotMatch(running.status.text, /restarting|stopped/);

    // A new process, and the old one gone.
    const newPid = theServerPid();
    assert.notEqual(newPid, pid);
    assert.equal(alive(pid), false, `the killed server ${pid} is gone`);

    // The dead server's diagnostics were cleared as it stopped, not left as if current.
    assert.equal(restarting.diagnostics, 0, 'no diagnostics from the dead server while it restarts');
    // The preview: dimmed with the reason the moment the crash was noticed, and nothing
    // drawn as current until the server ran again.
    const stale = restarting.posted.find((message) => message.type === 'stale');
    assert.ok(
      stale?.type === 'stale',
      `a stale message when the crash was noticed; sent: ${restarting.posted.map((m) => m.type).join(', ')}`,
    );
    assert.equal(
      stale.reason,
      'The awsflow language server stopped unexpectedly and is restarting; the diagram updates once it runs again.',
    );
    assert.ok(stale.version >= drawnBefore.version);
    assert.deepEqual(
      running.posted.filter((message) => message.type === 'render'),
      [],
      'no drawing sent while the server was down',
    );

    // The edit was made while no server ran (else this test proves less than it says).
    assert.ok(editLanded, 'the edit reached the extension host');
    assert.notEqual(editLanded.state, 'running', `the edit landed while the server was ${editLanded.state}`);
    assert.ok(running.version >= editLanded.version, 'the edit landed before the server ran again');

    // After the restart: a fresh drawing of the edited text…
    const version = editor.document.version;
    const drawn = await within('the webview to draw the edited text after the restart', api.previews.whenRendered(uri, version));
    assert.equal(drawn.version, version);
    assert.equal(drawn.nodes, RESOURCES + 1, 'the resource added while the server was down is drawn');
    assert.ok(api.previews.lastDiagram(uri)!.nodes.some((node) => node.resourceId === 'audit-log'));
    const afterRestart = postedSinceMark();
    const lastRender = afterRestart.map((m) => m.type).lastIndexOf('render');
    assert.ok(lastRender > afterRestart.indexOf(stale), 'drawn again after the stale message');
    assert.ok(!afterRestart.slice(lastRender).some((m) => m.type === 'stale'), 'and no longer marked stale');
    // …and the diagnostics back, the same as a fresh analysis of that text.
    const expected = cliSummary(editor.document.getText(), extensionPath);
    assert.notDeepEqual(
      expected,
      diagnosticsBefore,
      'the edit changes the findings (else this would not show they are of the edited text)',
    );
    await waitFor(
      'the diagnostics of the edited text after the restart',
      () => JSON.stringify(summary(ours(uri))) === JSON.stringify(expected),
    );
  });

  it(`after ${MAX_RESTARTS + 1} crashes within 3 minutes the client gives up, the status item and the preview say so, and the item's Restart action brings it back`, async () => {
    // Start counting from zero (the previous test's crash is within the window): the restart command forgets earlier crashes.
    setMark();
    await vscode.commands.executeCommand('awsflow.restartServer');
    await waitFor(
      'the language server to run after the restart command',
      () => api.server.state().kind === 'running' && serverPids().length === 1,
    );
    assert.ok(api.server.state().kind === 'running');

    // Each crash once the preview has drawn again, so nothing is in flight when the next one comes.
    let drawn = api.previews.lastRendered(uri);
    await waitFor('the preview to draw after the restart command', () => api.previews.lastRendered(uri) !== drawn);
    for (let crash = 1; crash <= MAX_RESTARTS; crash++) {
      setMark();
      drawn = api.previews.lastRendered(uri);
      const pid = theServerPid();
      process.kill(pid, 'SIGKILL');
      await waitFor(
        `restart ${crash} to run`,
        () => seen.some((s) => s.state.kind === 'restarting') && api.server.state().kind === 'running',
      );
      const restarting = seen.find((s) => s.state.kind === 'restarting')!;
      assert.deepEqual(restarting.state, { kind: 'restarting', attempt: crash });
      assert.match(restarting.status.detail ?? '', new RegExp(`restart ${crash} of at most ${MAX_RESTARTS} within 3 minutes`));
      // Dimmed after the crash and before anything was drawn again (checked on the whole
      // record: the state listeners run in turn, so the moment of the event may not show it yet).
      const sinceCrash = postedSinceMark().map((m) => m.type);
      const dimmed = sinceCrash.indexOf('stale');
      const drawnAgain = sinceCrash.indexOf('render');
      assert.ok(
        dimmed !== -1 && (drawnAgain === -1 || dimmed < drawnAgain),
        `the preview was dimmed at crash ${crash}, before it was drawn again; sent: ${sinceCrash.join(', ')}`,
      );
      assert.notEqual(theServerPid(), pid);
      // Drawn afresh by the new server, for the same text: a drawing posted after the stale
      // message (so the preview no longer counts itself stale, and the next crash dims it
      // again), and drawn by the webview. The webview also reports when it dims, so a new
      // report alone does not show a new drawing.
      const redrawn = await waitFor(`the preview to draw again after restart ${crash}`, () => {
        const types = postedSinceMark().map((message) => message.type);
        const current = types.lastIndexOf('render') > types.lastIndexOf('stale');
        const rendered = api.previews.lastRendered(uri);
        return current && rendered !== drawn ? rendered : undefined;
      });
      assert.equal(redrawn.version, editor.document.version);
    }

    // One crash more: the client does not restart it.
    setMark();
    const pid = theServerPid();
    process.kill(pid, 'SIGKILL');
    await waitFor('the client to give up', () => api.server.state().kind === 'failed');
    const reason = `The awsflow language server crashed ${MAX_RESTARTS + 1} times within 3 minutes and will not be restarted.`;
    assert.deepEqual(api.server.state(), { kind: 'failed', reason });
    const status = api.server.status();
    assert.equal(status.text, 'awsflow: stopped');
    assert.equal(status.detail, `${reason} Click to restart it.`);
    assert.equal(status.severity, vscode.LanguageStatusSeverity.Error);
    assert.equal(status.busy, false);
    assert.equal(status.command, 'awsflow.restartServer', 'clicking the item restarts the server');
    assert.deepEqual(ours(uri), [], 'no diagnostics left from the dead server');
    // From here it must stay down. The client starts a restart as it decides on one, and any
    // start is a state change (to starting): checked below, after the edit has gone through
    // the extension, rather than after a fixed wait.
    const failedAt = seen.findIndex((s) => s.state.kind === 'failed');
    assert.ok(failedAt >= 0, `the change to failed was seen: ${seen.map((s) => s.state.kind).join(' → ')}`);

    // The preview says why it is not current, and keeps saying so through an edit.
    const down = `${reason} Run "awsflow: Restart Language Server" to bring it back.`;
    const lastStale = (): ToWebview | undefined =>
      postedSinceMark()
        .filter((m) => m.type === 'stale')
        .pop();
    assert.deepEqual(lastStale(), { type: 'stale', version: editor.document.version, reason: down });
    const line = editor.document.getText().split('\n').indexOf('  audit-log:');
    assert.ok(line > 0, "the previous test's edit is still there");
    assert.equal(await editor.edit((edit) => edit.delete(new vscode.Range(line, 0, line + 3, 0))), true);
    await waitFor('the preview to say the edited version is not drawn', () => {
      const message = lastStale();
      return message?.type === 'stale' && message.version === editor.document.version && message.reason === down;
    });
    assert.deepEqual(
      postedSinceMark().filter((m) => m.type === 'render'),
      [],
      'nothing drawn as current while no server runs',
    );
    // It stayed down through the edit: no state change since it failed, no server process.
    assert.deepEqual(
      seen.slice(failedAt + 1).map((s) => s.state.kind),
      [],
      'no state change after the client gave up',
    );
    assert.deepEqual(serverPids(), [], 'no language server runs');
    assert.equal(api.server.state().kind, 'failed');

    // The status item's action.
    setMark();
    await vscode.commands.executeCommand(status.command!);
    await waitFor('the server to run after the Restart action', () => api.server.state().kind === 'running');
    assert.equal(serverPids().length, 1);
    assert.equal(api.server.status().detail, 'Language server running');
    const version = editor.document.version;
    const final = await within('the preview to draw the current text after the restart', api.previews.whenRendered(uri, version));
    assert.equal(final.nodes, RESOURCES, 'the resource removed while the server was down is gone from the drawing');
    const expected = cliSummary(editor.document.getText(), extensionPath);
    await waitFor(
      'the diagnostics of the current text after the restart',
      () => JSON.stringify(summary(ours(uri))) === JSON.stringify(expected),
    );
  });
});
