/**
 * The entry VS Code's extension host calls when the workbench is opened with
 * `extensionTestsPath` (see scripts/vscode-e2e/run.mjs): it runs every suite in
 * ./suite with mocha and settles when they are done, rejecting if any test failed, which
 * the workbench turns into the exit code it reports.
 *
 * It also writes each test's outcome as JSON (to $AWSFLOW_E2E_RESULTS, which the
 * harness sets in code-server's environment, inherited by the extension host) so the
 * harness can assert per test, and ends with the plain `N passed, N failed` line.
 */
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export interface HostTestResult {
  /** Suite and test titles, joined by spaces (mocha's full title). */
  title: string;
  state: 'passed' | 'failed' | 'pending';
  milliseconds: number;
  error?: string;
}

export interface HostResults {
  host: { vscode: string; appName: string; appHost: string; uiKind: string; node: string };
  tests: HostTestResult[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const suiteDir = join(__dirname, 'suite');
  for (const name of readdirSync(suiteDir).sort()) {
    if (name.endsWith('.e2e.js')) mocha.addFile(join(suiteDir, name));
  }
  const results: HostResults = {
    host: {
      vscode: vscode.version,
      appName: vscode.env.appName,
      appHost: vscode.env.appHost,
      uiKind: vscode.UIKind[vscode.env.uiKind],
      node: process.version,
    },
    tests: [],
  };
  console.log(
    `extension host: VS Code ${results.host.vscode} (${results.host.appName}, ${results.host.appHost}, ${results.host.uiKind}), Node ${results.host.node}`,
  );

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = results.tests.filter((t) => t.state === 'passed').length;
      const pending = results.tests.filter((t) => t.state === 'pending').length;
      const failed = results.tests.filter((t) => t.state === 'failed').length;
      const path = process.env['AWSFLOW_E2E_RESULTS'];
      if (path) writeFileSync(path, JSON.stringify(results, null, 2));
      console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      // `failures` also counts a failing hook, which has no test of its own.
      if (failures > 0) reject(new Error(`${failures} extension host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.tests.push({ title: test.fullTitle(), state: 'passed', milliseconds: test.duration ?? 0 }));
    runner.on('pending', (test) => results.tests.push({ title: test.fullTitle(), state: 'pending', milliseconds: 0 }));
    runner.on('fail', (test, error: Error) => {
      results.tests.push({
        title: test.fullTitle(),
        state: 'failed',
        milliseconds: test.duration ?? 0,
        error: error.stack ?? String(error),
      });
    });
  });
}
