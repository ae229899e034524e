// `npm run test:loaded [substrings…]`: the tests run twice while every core is kept busy,
// to catch tests that pass on an idle machine only (a fixed wait, a wall-clock limit, a
// race between two events). Arguments pick test files as scripts/run-tests.mjs does;
// none: the unit and server tests. Build the tests first (`node esbuild.mjs --tests`).
//
// The load: one busy child process per core (a tight loop, at normal priority), stopped
// when the runs end, whatever happens.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const RUNS = 2;
const chosen = process.argv.slice(2);
const files = chosen.length > 0 ? chosen : ['out/test/unit', 'out/test/server'];

const hogs = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopHogs = () => {
  for (const hog of hogs) hog.kill('SIGKILL');
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopHogs();
    process.exit(130);
  });
}

console.log(`test:loaded: ${hogs.length} busy processes, ${RUNS} runs of ${files.join(' ')}`);
const results = [];
for (let run = 1; run <= RUNS; run++) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['scripts/run-tests.mjs', ...files], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = result.stdout ?? '';
  process.stdout.write(output);
  const summary = output.trimEnd().split('\n').at(-1) ?? '';
  results.push({ run, code: result.status, summary, seconds: Math.round((Date.now() - started) / 1000) });
}
stopHogs();
for (const { run, code, summary, seconds } of results)
  console.log(`run ${run} under load: ${summary} (exit ${String(code)}, ${seconds} s)`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
