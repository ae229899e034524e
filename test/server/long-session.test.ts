/**
 * A long editing session: 1,000 random edits (seeded, reproducible) with hover,
 * completion, code action and diagram requests in between. Every request is answered
 * (results or empty, never an error), the server never crashes, and its memory stays
 * bounded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient, positionAt } from '../helpers/lsp-client';
import { DiagramRequest } from '../../src/protocol/lsp';

const seedText = readFileSync(join(__dirname, '../../../examples/fanout.awsflow'), 'utf8');
const FRAGMENTS = [
  '',
  ' ',
  '\n',
  ':',
  '- ',
  ' -> ',
  ', ',
  '{',
  '}',
  '"',
  '#',
  'type: sqs',
  'timeout: 20m',
  'x',
  '  q2:\n    type: sqs\n',
  '  - billing -> charge-card\n',
  '\t',
  '🙂',
];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

test('1,000 random edits with requests in between: every request answered, no crash, memory bounded', { timeout: 240_000 }, async () => {
  const client = new TestClient({ settings: {} });
  const next = random(20261126);
  const uri = 'file:///w/long-session.awsflow';
  try {
    await client.initialize();
    await client.open(uri, seedText);
    let text = seedText;
    let answered = 0;
    let peak = 0;
    for (let version = 2; version <= 1001; version++) {
      // Mostly small edits near each other, sometimes a reset to a valid file, as while typing.
      if (next() < 0.02) text = seedText;
      else {
        const at = Math.floor(next() * (text.length + 1));
        const remove = next() < 0.5 ? 0 : Math.floor(next() * 4);
        text = text.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]! + text.slice(at + remove);
      }
      await client.change(uri, version, text, false);
      if (version % 10 === 0) {
        const offset = Math.floor(next() * (text.length + 1));
        const position = positionAt(text, offset);
        const requests = [
          client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
          client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
          client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: position, end: position },
            context: { diagnostics: [] },
          }),
          client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } }),
        ];
        const results = await Promise.all(requests);
        assert.ok(Array.isArray(results[1]), 'completion answers a list');
        assert.ok(Array.isArray(results[2]), 'code actions answer a list');
        const diagram = results[3] as { mermaid?: unknown } | null;
        assert.ok(diagram && typeof diagram.mermaid === 'string', 'the diagram is answered');
        answered += requests.length;
      }
      if (version % 100 === 0) peak = Math.max(peak, rssMiB(client.child.pid!));
    }
    // The last version's diagnostics arrive, for exactly that version.
    const last = await client.diagnostics(uri, 1001);
    assert.equal(last.version, 1001);
    assert.equal(answered, 400);
    assert.ok(peak < 400, `peak RSS ${peak.toFixed(0)} MiB`);
    assert.deepEqual(
      client.logs.filter((line) => /failed|uncaught|unhandled/i.test(line)),
      [],
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
