// Runs the extension in a real VS Code (code-server, installed by setup.sh) and checks it
// at two levels against one server:
//   1. the mocha suite test/e2e/suite/*.e2e.ts inside the real extension host (the
//      workbench loads the extension from the repo root and the tests from out/e2e);
//   2. the UI run test/e2e/ui.mjs through headless Chromium: Problems panel, hover,
//      preview, a click on a node, screenshots.
// Then it stops code-server's whole process group and checks that nothing is left.
//
// usage: node scripts/vscode-e2e/run.mjs [--build] [--update-docs] [--vsix <file>]
//   --build        run `node esbuild.mjs` first (the extension must be built: dist/client/extension.js)
//   --update-docs  also copy vscode-problems.png and vscode-preview.png into docs/images/
//   --vsix <file>  install this packaged extension for the UI run instead of loading the
//                  repo (or set AWSFLOW_E2E_VSIX); the mocha layer always loads the repo
// Writes out/e2e/results.json (read by test/integration/vscode.test.ts) and screenshots to
// out/e2e/screenshots/. Exit code 0 only if every test and step passed; 2 if the tooling
// is not installed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { missingTooling, startCodeServer } from './code-server.mjs';
import { runUi } from '../../test/e2e/ui.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const vsixIndex = args.indexOf('--vsix');
const vsixArg = vsixIndex >= 0 ? args[vsixIndex + 1] : process.env.AWSFLOW_E2E_VSIX;
const vsix = vsixArg ? resolve(root, vsixArg) : undefined;

const tooling = process.env.AWSFLOW_TOOLING ?? join(root, '.tooling');
const outDir = join(root, 'out/e2e');
// The profile and workspace copies belong to this checkout, not to the installation: an
// installation shared by several checkouts (AWSFLOW_TOOLING, or a symlinked .tooling/)
// would otherwise have one run wipe another's profile while it runs.
const runDir = join(outDir, 'run');
const screenshotDir = join(outDir, 'screenshots');
const resultsFile = join(outDir, 'results.json');
const hostResultsFile = join(runDir, 'host-results.json');

/**
 * What the workbench logs on every run on a machine with no network and no Microsoft
 * services, which says nothing about the extension: the extension gallery (open-vsx)
 * unreachable, no GitHub sign-in, the connection handshake.
 */
const HARMLESS_NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /Timed out waiting for authentication provider 'github'/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^\[(reconnection-grace-time|AccountPolicyGate|AgentHost:remote|Service Worker|lifecycle)\]/,
  /^Updating additional builtin extensions cache/,
];

/**
 * How long the workbench page may take to load: Playwright's default of 30 s was seen run
 * out with every core busy (a load average of 30 on 2 cores), while the page came up.
 */
const WORKBENCH_LOAD_MS = 120_000;

const t0 = Date.now();
const log = (...parts) => console.log(`[vscode-e2e +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...parts);

const missing = missingTooling(tooling);
if (missing) {
  console.error(`${missing}: run \`bash scripts/vscode-e2e/setup.sh\` first.`);
  process.exit(2);
}

if (flag('--build')) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (vsix && !existsSync(vsix)) {
  console.error(`${vsix} does not exist (npm run package builds dist/awsflow.vsix).`);
  process.exit(1);
}
if (!existsSync(join(root, 'dist/client/extension.js'))) {
  console.error('dist/client/extension.js is missing: build the extension first (`node esbuild.mjs`, or pass --build).');
  process.exit(1);
}
execFileSync(process.execPath, [join(root, 'scripts/vscode-e2e/build.mjs')], { cwd: root, stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Each layer gets its own copy of the fixture workspace: the tests edit documents, and a
// workspace VS Code has seen restores its editors and previews in the next window.
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
rmSync(screenshotDir, { recursive: true, force: true });
mkdirSync(screenshotDir, { recursive: true });
// The folder's name shows in the explorer and the title bar of the screenshots.
const hostWorkspace = join(runDir, 'host/architecture');
const uiWorkspace = join(runDir, 'ui/architecture');
cpSync(join(root, 'test/e2e-workspace'), hostWorkspace, { recursive: true });
cpSync(join(root, 'test/e2e-workspace'), uiWorkspace, { recursive: true });

const results = {
  versions: { codeServer: undefined, vscode: undefined, node: undefined },
  host: { exitCode: undefined, tests: [], error: undefined },
  ui: { extension: undefined, steps: [], error: undefined },
  leftoverProcesses: [],
  seconds: { start: 0, host: 0, ui: 0, total: 0 },
};

let server;
let browser;
let interrupted = false;
// A Ctrl+C or a test runner's timeout must not leave code-server running.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    interrupted = true;
    await browser?.close().catch(() => {});
    await server?.stop();
    process.exit(130);
  });
}

try {
  let mark = Date.now();
  server = await startCodeServer({ tooling, runDir, vsix, env: { AWSFLOW_E2E_RESULTS: hostResultsFile } });
  results.seconds.start = (Date.now() - mark) / 1000;
  log(`code-server on ${server.url} (process group ${server.pid})`);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // --no-sandbox: CI runs as root. The rest stop Chromium dialling out on a machine with no network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  mark = Date.now();
  log('layer 1: mocha inside the extension host');
  results.host.exitCode = await runExtensionHostTests(server.url, hostWorkspace);
  try {
    const host = JSON.parse(readFileSync(hostResultsFile, 'utf8'));
    results.host.tests = host.tests;
    results.versions.vscode = host.host.vscode;
    results.versions.node = host.host.node;
  } catch (error) {
    results.host.error = `no results from the extension host: ${error.message}`;
  }
  results.seconds.host = (Date.now() - mark) / 1000;

  mark = Date.now();
  log(`layer 2: UI run through Chromium (${vsix ? `the packaged ${vsix}` : 'the extension loaded from the repo'})`);
  results.ui.extension = vsix ? 'vsix' : 'development';
  try {
    results.ui.steps = await runUi({
      browser,
      url: server.url,
      workspace: uiWorkspace,
      extensionPath: vsix ? undefined : root,
      manifest,
      outDir: screenshotDir,
    });
  } catch (error) {
    results.ui.error = String(error?.stack ?? error);
  }
  results.seconds.ui = (Date.now() - mark) / 1000;
  for (const step of results.ui.steps) log(`${step.ok ? 'ok  ' : 'FAIL'} ui: ${step.name} (${step.milliseconds} ms) ${step.detail}`);
} catch (error) {
  results.host.error ??= String(error?.stack ?? error);
} finally {
  await browser?.close().catch(() => {});
  if (server) results.leftoverProcesses = await server.stop();
  results.versions.codeServer = JSON.parse(
    readFileSync(join(tooling, 'code-server/node_modules/code-server/package.json'), 'utf8'),
  ).version;
  results.seconds.total = (Date.now() - t0) / 1000;
}
if (interrupted) process.exit(130);

if (flag('--update-docs')) {
  for (const name of ['vscode-problems.png', 'vscode-preview.png']) {
    const shot = join(screenshotDir, name);
    if (existsSync(shot)) copyFileSync(shot, join(root, 'docs/images', name));
    else console.error(`not updated: ${name} was not taken`);
  }
}

mkdirSync(outDir, { recursive: true });
writeFileSync(resultsFile, JSON.stringify(results, null, 2));

const hostFailed = results.host.tests.filter((test) => test.state === 'failed').length;
const uiFailed = results.ui.steps.filter((step) => !step.ok).length;
const passed = results.host.tests.filter((test) => test.state === 'passed').length + results.ui.steps.filter((step) => step.ok).length;
const skipped = results.host.tests.filter((test) => test.state === 'pending').length;
const problems = [
  results.host.error,
  results.ui.error,
  results.host.exitCode !== 0 && hostFailed === 0 ? `the extension host reported exit code ${results.host.exitCode}` : undefined,
  results.host.tests.length === 0 ? 'no extension host test ran' : undefined,
  results.leftoverProcesses.length ? `processes left behind: ${results.leftoverProcesses.join(' ')}` : undefined,
].filter(Boolean);
for (const problem of problems) console.error(problem);
log(
  `done: code-server ${results.versions.codeServer} (VS Code ${results.versions.vscode}, extension host Node ${results.versions.node}); start ${results.seconds.start}s, extension host ${results.seconds.host}s, UI ${results.seconds.ui}s`,
);
const failed = hostFailed + uiFailed + (problems.length ? 1 : 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);

/**
 * Opens a workbench whose URL payload names the extension (the repo root) and the test
 * entry; the workbench reports the suite's outcome through window.codeAutomationExit and
 * forwards the extension host's console through window.codeAutomationLog.
 */
async function runExtensionHostTests(url, workspace) {
  const host = new URL(url).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${root}`],
    ['extensionTestsPath', `vscode-remote://${host}${join(outDir, 'index.js')}`],
  ];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    return await new Promise((resolvePromise) => {
      const timer = setTimeout(() => {
        console.error('timed out: the extension host tests did not finish within 5 minutes');
        resolvePromise(-1);
      }, 5 * 60_000);
      const done = (code) => {
        clearTimeout(timer);
        resolvePromise(code);
      };
      page
        .exposeFunction('codeAutomationLog', (type, lines) => {
          const parts = Array.isArray(lines) ? lines : [lines];
          if (HARMLESS_NOISE.some((pattern) => pattern.test(String(parts[0])))) return;
          const write = typeof console[type] === 'function' ? console[type] : console.log;
          write(...parts);
        })
        .then(() => page.exposeFunction('codeAutomationExit', done))
        .then(() =>
          page.goto(`${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, {
            timeout: WORKBENCH_LOAD_MS,
          }),
        )
        .catch((error) => {
          console.error(`could not open the workbench: ${error.message}`);
          done(-1);
        });
    });
  } finally {
    await context.close();
  }
}
