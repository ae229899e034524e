// A node:test reporter that prints only the closing line CI reads: `N passed, N failed`.
// It counts tests, not suites (a suite's own event carries `details.type === 'suite'`).
//
// With AWSFLOW_TEST_COUNTS set (scripts/run-tests.mjs sets it), it also keeps the counts
// so far and the tests still running in that file, so a run stopped for going over its
// budget can still print the closing line and name what did not finish.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export default async function* summaryReporter(source) {
  const countsFile = process.env.AWSFLOW_TEST_COUNTS;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** Per file, the names of the tests open at each nesting level. */
  const open = new Map();
  /** The tests being run now (node:test's `test:start` comes only when a test reports). */
  const running = new Map();
  const where = (data) => {
    const file = data.file ? relative(process.cwd(), data.file) : '';
    const key = `${file}\0${data.nesting}\0${data.name}`;
    return { file, key, isFile: data.name === data.file };
  };
  for await (const event of source) {
    if (event.type === 'test:dequeue') {
      const { file, key, isFile } = where(event.data);
      if (isFile) {
        running.set(key, file);
      } else {
        const names = open.get(file) ?? [];
        names.length = event.data.nesting;
        names.push(event.data.name);
        open.set(file, names);
        running.set(key, [file, ...names].join(' › '));
      }
      save();
      continue;
    }
    if (event.type === 'test:complete') {
      running.delete(where(event.data).key);
      save();
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, isFile } = where(event.data);
    if (event.type === 'test:fail' && isFile && event.data.details?.error?.failureType === 'testTimeoutFailure') {
      // The file was killed at its time limit: name the tests it was in the middle of
      // (node:test reports only the file).
      const inside = [];
      for (const [key, name] of running) {
        if (!name.startsWith(`${file} › `)) continue;
        inside.push(name);
        running.delete(key);
      }
      // The innermost ones: a suite is named by its test's path already.
      const innermost = inside.filter((name) => !inside.some((other) => other.startsWith(`${name} › `)));
      yield `\n${file} was stopped at its time limit, in: ${innermost.map((name) => name.slice(file.length + 3)).join('; ') || 'no test (loading the file)'}\n`;
    }
    if (event.data.details?.type === 'suite') {
      // A suite fails on its own only when its hook or body threw outside a test.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') failed++;
      save();
      continue;
    }
    if (event.data.skip || event.data.todo) skipped++;
    else if (event.type === 'test:pass') passed++;
    else failed++;
    save();
  }
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;

  function save() {
    if (countsFile) writeFileSync(countsFile, JSON.stringify({ passed, failed, running: [...running.values()] }));
  }
}
