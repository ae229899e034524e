import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, applyTextEdits } from '../helpers/lsp-client';
import { DiagramRequest } from '../../src/protocol/lsp';

const TEXT =
  'awsflow: 1\nresources:\n  jobs:\n    type: sqs\n  worker:\n    type: lambda\n    timeout: 20m   # keep this comment\n    memory: 12GB\nflows:\n  - jobs -> wroker\n';

describe('code actions and the diagram request', () => {
  const client = new TestClient({ settings: {} });
  const uri = 'file:///w/actions.awsflow';
  before(async () => {
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(() => client.kill());

  test('a quick fix for the finding under the cursor, applied, keeps the comment', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 6, character: 14 }, end: { line: 6, character: 14 } },
      context: { diagnostics: [], only: ['quickfix'] },
    })) as {
      title: string;
      kind: string;
      isPreferred?: boolean;
      diagnostics?: { code: string }[];
      edit: { documentChanges: { textDocument: { version: number }; edits: never[] }[] };
    }[];
    const fix = actions.find((a) => a.title === 'Set the timeout to 15m')!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.diagnostics?.[0]?.code, 'lambda/timeout-limit');
    // The fix names the very diagnostic the client was shown (range, code, message: the whole object), so it attaches to that squiggle.
    const published = (await client.diagnostics(uri, 1)).diagnostics.filter((d) => d.code === 'lambda/timeout-limit');
    assert.equal(published.length, 1);
    assert.deepStrictEqual(fix.diagnostics, published);
    assert.equal(fix.edit.documentChanges[0]!.textDocument.version, 1);
    const applied = applyTextEdits(TEXT, fix.edit.documentChanges[0]!.edits);
    assert.equal(applied, TEXT.replace('timeout: 20m', 'timeout: 15m'));
  });

  test('did-you-mean and "create resource" for an unknown id', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 9, character: 12 }, end: { line: 9, character: 12 } },
      context: { diagnostics: [], only: ['quickfix'] },
    })) as { title: string; edit: { documentChanges: { edits: never[] }[] } }[];
    // The file has two safe fixes elsewhere: fix-all comes last in the menu.
    assert.deepEqual(
      actions.map((a) => a.title),
      ["Change to 'worker'", "Create resource 'wroker'", 'Fix all safe awsflow problems'],
    );
    assert.equal(applyTextEdits(TEXT, actions[0]!.edit.documentChanges[0]!.edits), TEXT.replace('wroker', 'worker'));
  });

  test('source.fixAll.awsflow applies every safe fix at once', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.awsflow'] },
    })) as { kind: string; edit: { documentChanges: { edits: never[] }[] } }[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.awsflow');
    const applied = applyTextEdits(TEXT, actions[0]!.edit.documentChanges[0]!.edits);
    assert.match(applied, /timeout: 15m {3}# keep this comment\n/);
    assert.match(applied, /memory: 10GB\n/);
  });

  test('in the Ctrl+. menu, on a problem with a fix: "Fix all safe awsflow problems" as a quick fix too', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 7, character: 12 }, end: { line: 7, character: 12 } },
      context: { diagnostics: [], only: ['quickfix'] },
    })) as { title: string; kind: string; edit: { documentChanges: { edits: never[] }[] } }[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [
        ['Set the memory to 10GB', 'quickfix'],
        ['Fix all safe awsflow problems', 'quickfix'],
      ],
    );
    const applied = applyTextEdits(TEXT, actions[1]!.edit.documentChanges[0]!.edits);
    assert.equal(applied, TEXT.replace('timeout: 20m', 'timeout: 15m').replace('memory: 12GB', 'memory: 10GB'));
  });

  test('no fix-all quick fix where the cursor is on no problem: not a light bulb on every line', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } },
      context: { diagnostics: [], only: ['quickfix'] },
    })) as { title: string }[];
    assert.deepEqual(
      actions.map((a) => a.title),
      [],
    );
  });

  test('a client that asks for every kind gets one fix-all, not two', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 7, character: 12 }, end: { line: 7, character: 12 } },
      context: { diagnostics: [] },
    })) as { title: string; kind: string }[];
    assert.deepEqual(
      actions.filter((a) => a.title === 'Fix all safe awsflow problems').map((a) => a.kind),
      ['quickfix'],
    );
  });

  test('awsflow/diagram returns the Mermaid text, the node map and the findings per node', async () => {
    const result = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } });
    assert.ok(result);
    assert.equal(result.version, 1);
    assert.match(result.mermaid, /^flowchart LR\n/);
    assert.deepEqual(
      result.nodes.map((n) => [n.id, n.resourceId, n.range.start.line]),
      [
        ['n0', 'jobs', 2],
        ['n1', 'worker', 4],
      ],
    );
    const worker = result.nodes.find((n) => n.resourceId === 'worker')!;
    assert.equal(worker.severity, 'error');
    assert.ok(worker.messages.some((m) => m.includes('lambda/timeout-limit')));
    assert.equal(result.errors, 3);
  });

  test('awsflow/diagram carries the verdict, the groups, the per-node and per-edge findings and the outline as typed data', async () => {
    const result = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } });
    assert.ok(result);
    // Errors of other rules (an unknown flow target, a timeout over the limit) leave the file drawable.
    assert.deepEqual(result.verdict, { kind: 'drawable' });
    assert.deepEqual(result.groups, []);
    const worker = result.nodes.find((n) => n.resourceId === 'worker')!;
    assert.equal(worker.findings.errors, worker.messages.filter((m) => m.startsWith('error: ')).length);
    assert.ok(worker.findings.errors >= 1);
    // The graph names the icon; the text, asked without icons, draws plain shapes.
    assert.equal(worker.icon, 'logos:aws-lambda');
    assert.doesNotMatch(result.mermaid, /@\{ icon:/);
    assert.equal(result.outline.length, result.mermaid.split('\n').length - 1);
    assert.deepEqual(result.outline[0], { kind: 'header' });

    const brokenUri = 'file:///w/broken.awsflow';
    await client.open(brokenUri, 'awsflow: 1\nname: shop\nresources:\n  jobs: { type: sqs, group: work }\n  jobs: { type: sns }\n');
    const broken = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri: brokenUri }, icons: true });
    assert.ok(broken);
    assert.deepEqual(broken.verdict, {
      kind: 'broken',
      ruleId: 'syntax/yaml',
      more: 0,
      reason: "Duplicate key 'jobs': YAML keeps one value per key. The first 'jobs' is on line 4.",
      range: { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } },
    });
    await client.close(brokenUri);
  });

  test('an unknown document gets no diagram, not an error', async () => {
    assert.equal(await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri: 'file:///nope.awsflow' } }), null);
  });
});

describe('code actions never edit a value shared through an alias or a merge key', () => {
  const SHARED =
    'awsflow: 1\nresources:\n  long: &fn\n    type: lambda\n    capacity: managed-instances\n    timeout: &t 30m\n  short:\n    <<: *fn\n    capacity: on-demand\n  other:\n    type: lambda\n    timeout: *t\n';
  const client = new TestClient({ settings: {} });
  const uri = 'file:///w/shared.awsflow';
  let diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    code?: string | number;
  }[] = [];
  before(async () => {
    await client.initialize();
    diagnostics = await client.open(uri, SHARED);
  });
  after(() => client.kill());

  const actionsAt = (line: number, character: number, only: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics: [], only },
    }) as Promise<{ title: string; edit: { documentChanges: { edits: never[] }[] } }[]>;

  test('the findings sit where the value is used: the merge entry and the alias', () => {
    assert.deepEqual(
      diagnostics
        .filter((d) => d.code === 'lambda/timeout-limit')
        .map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        [7, 8, 11],
        [11, 13, 15],
      ],
    );
  });

  test('no quick fix on the merge entry; the alias gets a local override only', async () => {
    assert.deepEqual(await actionsAt(7, 9, ['quickfix']), []);
    const actions = await actionsAt(11, 14, ['quickfix']);
    const fix = actions.find((a) => a.title === 'Set the timeout to 15m')!;
    assert.equal(applyTextEdits(SHARED, fix.edit.documentChanges[0]!.edits), SHARED.replace('timeout: *t', 'timeout: 15m'));
    for (const action of actions)
      assert.match(
        applyTextEdits(SHARED, action.edit.documentChanges[0]!.edits),
        /long: &fn\n {4}type: lambda\n {4}capacity: managed-instances\n {4}timeout: &t 30m\n {2}short:\n {4}<<: \*fn\n/,
      );
  });

  test('fix-all leaves the anchor and the merge entry alone', async () => {
    const [action] = await actionsAt(0, 0, ['source.fixAll.awsflow']);
    assert.equal(applyTextEdits(SHARED, action!.edit.documentChanges[0]!.edits), SHARED.replace('timeout: *t', 'timeout: 15m'));
  });
});

describe('a finding about one connection of a fan-out', () => {
  // The failure-path advice rules are off (at the end, so no line moves): only sns/fifo-subscription speaks.
  const FAN_OUT =
    'awsflow: 1\nresources:\n  topic: { type: sns, encryption: kms }\n  a: { type: sqs }\n  b.fifo: { type: sqs, fifo: true }\n  c: { type: lambda }\nflows:\n  - topic -> a, b.fifo, c\nrules: { sns/no-redrive: off, lambda/async-failure: off }\n';
  const client = new TestClient({ settings: {} });
  const uri = 'file:///w/fan-out.awsflow';
  let diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    code?: string | number;
  }[] = [];
  before(async () => {
    await client.initialize();
    diagnostics = await client.open(uri, FAN_OUT);
  });
  after(() => client.kill());

  test('the diagnostic covers the target id in the flow line', () => {
    const found = diagnostics.filter((d) => d.code === 'sns/fifo-subscription');
    assert.deepEqual(
      found.map((d) => d.range),
      [{ start: { line: 7, character: 16 }, end: { line: 7, character: 22 } }],
    );
  });

  test('the diagram marks that edge only', async () => {
    const result = await client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri } });
    const name = new Map(result!.nodes.map((n) => [n.id, n.resourceId]));
    assert.deepEqual(
      result!.edges.map((e) => [name.get(e.from), name.get(e.to), e.severity ?? null, e.messages.length]),
      [
        ['topic', 'a', null, 0],
        ['topic', 'b.fifo', 'error', 1],
        ['topic', 'c', null, 0],
      ],
    );
  });
});

/** A rename and an override of `encryption: none` need a decision; the timeout clamp does not. */
const DECISIONS =
  'awsflow: 1\nresources:\n  jobs:\n    type: sqs\n    fifo: true   # ordered per customer\n    encryption: none\n    visibilityTimeout: 2h\n  worker:\n    type: lambda\n    timeout: 20m\nflows:\n  - jobs -> worker\n';

describe('fixes that need a decision', () => {
  const client = new TestClient({ settings: {} });
  const uri = 'file:///w/decisions.awsflow';
  before(async () => {
    await client.initialize();
    await client.open(uri, DECISIONS);
  });
  after(() => client.kill());

  type Action = { title: string; kind: string; isPreferred?: boolean; edit: { documentChanges: { edits: never[] }[] } };
  const actionsAt = (line: number, character: number, only: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics: [], only },
    }) as Promise<Action[]>;

  test('a rename is a quick fix named by its consequence, not the preferred one', async () => {
    const actions = await actionsAt(4, 10, ['quickfix']);
    const rename = actions.find((a) => a.title === "Rename to 'jobs.fifo' and every reference (replaces the queue at deploy)");
    assert.ok(rename, actions.map((a) => a.title).join('; '));
    assert.equal(rename.kind, 'quickfix');
    assert.equal(rename.isPreferred, undefined);
    assert.equal(
      applyTextEdits(DECISIONS, rename.edit.documentChanges[0]!.edits),
      DECISIONS.replace('  jobs:', '  jobs.fifo:').replace('- jobs ->', '- jobs.fifo ->'),
    );
  });

  test('overriding `encryption: none` is a quick fix that says so', async () => {
    const actions = await actionsAt(5, 17, ['quickfix']);
    const encrypt = actions.find((a) => a.title === 'Encrypt with SSE-SQS (overrides `encryption: none`)');
    assert.ok(encrypt, actions.map((a) => a.title).join('; '));
    assert.equal(encrypt.isPreferred, undefined);
  });

  test('fix-all applies only the safe fix: the name and `encryption: none` stay', async () => {
    const actions = await actionsAt(0, 0, ['source.fixAll.awsflow']);
    assert.equal(actions.length, 1);
    assert.equal(applyTextEdits(DECISIONS, actions[0]!.edit.documentChanges[0]!.edits), DECISIONS.replace('timeout: 20m', 'timeout: 15m'));
  });

  test('one safe fix in the file: no fix-all in the Ctrl+. menu, the quick fix itself is enough', async () => {
    const actions = await actionsAt(9, 14, ['quickfix']);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Set the timeout to 15m', true],
        [
          'Run this work on ECS Fargate instead (no time limit): 256 CPU units and 512 MiB of memory, without the Lambda-only settings (replaces the function at deploy)',
          undefined,
        ],
      ],
    );
  });
});
