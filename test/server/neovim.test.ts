/** The server outside VS Code: Neovim's built-in LSP client, headless. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER } from '../helpers/lsp-client';

const script = join(__dirname, '../../../test/server/neovim/smoke.lua');
const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

test(
  'Neovim gets diagnostics and hover from the server',
  { skip: hasNeovim ? false : 'nvim is not installed (.ci/run installs it)' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsflow-nvim-'));
    try {
      const file = join(dir, 'jobs.awsflow');
      writeFileSync(file, 'awsflow: 1\nresources:\n  compressor:\n    type: lambda\n    timeout: 20m\n');
      const resultFile = join(dir, 'result.json');
      const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${script}`], {
        env: {
          ...process.env,
          AWSFLOW_FILE: file,
          AWSFLOW_SERVER: SERVER,
          RESULT_FILE: resultFile,
          NODE: process.execPath,
          HOVER_LINE: '3',
          HOVER_COL: '10',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(run.status, 0, run.stderr);
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as {
        error?: string;
        diagnostics: { line: number; col: number; severity: number; message: string }[];
        hover: string | null;
      };
      assert.equal(result.error, undefined);
      assert.deepEqual(
        result.diagnostics.map((d) => [d.line, d.col, d.severity]),
        [[4, 13, 1]],
      );
      assert.match(result.diagnostics[0]!.message, /^Lambda timeout 20m \(20 min\) is over the 15 minutes maximum/);
      assert.match(String(result.hover), /Lambda/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
