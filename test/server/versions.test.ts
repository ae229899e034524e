/**
 * Every answer carries the version it was computed from. A large file is opened and
 * edited at once, with code action and diagram requests for each version sent between
 * the edits, all without waiting: the server reads the later edits while it is still
 * analysing the first version. Each answer's ranges must then be those of the text of
 * the version it is tagged with (worked out here by the core on that text), and a quick
 * fix applied to that text must do exactly what it says.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient, applyTextEdits } from '../helpers/lsp-client';
import { DiagramRequest, type DiagramResult } from '../../src/protocol/lsp';
import { LineIndex, analyze, buildDiagram } from '../../src/core/index';

/** Queues feeding functions, `units` of each, then one function with a timeout AWS refuses (its fix: `15m`). */
function largeFile(units: number, top = ''): string {
  const resources: string[] = [];
  const flows: string[] = [];
  for (let i = 0; i < units; i++) {
    resources.push(
      `  queue-${i}:`,
      '    type: sqs',
      '    visibilityTimeout: 3m',
      `    deadLetter: { target: queue-${i}-dlq, maxReceiveCount: 5 }`,
      `  queue-${i}-dlq:`,
      '    type: sqs',
      `  worker-${i}:`,
      '    type: lambda',
      '    timeout: 30s',
    );
    flows.push(`  - queue-${i} -> worker-${i}: { batchSize: 5 }`);
  }
  resources.push('  slow:', '    type: lambda', '    timeout: 20m');
  return ['awsflow: 1', 'name: versions', 'resources:', ...top.split('\n').filter(Boolean), ...resources, 'flows:', ...flows, ''].join(
    '\n',
  );
}

const URI = 'file:///w/versions.awsflow';
const VERSIONS = new Map<number, string>([
  [1, largeFile(700)],
  // Each edit moves every block below it: a resource added at the top, then a longer name.
  [2, largeFile(700, '  added:\n    type: sns\n    encryption: kms')],
  [3, largeFile(700, '  added:\n    type: sns\n    encryption: kms').replace('name: versions', 'name: versions, edited twice')],
]);

function textOf(version: number): string {
  const text = VERSIONS.get(version);
  assert.ok(text !== undefined, `an answer is tagged with version ${version}, which was never sent`);
  return text;
}

/** The findings of a version as the server should publish them: rule and range. */
function expectedDiagnostics(version: number): string[] {
  const text = textOf(version);
  const lines = new LineIndex(text);
  return analyze(text).findings.map((finding) => `${finding.ruleId} ${JSON.stringify(lines.rangeOf(finding))}`);
}

function expectedDiagram(version: number): string[] {
  const text = textOf(version);
  const lines = new LineIndex(text);
  const diagram = buildDiagram(analyze(text));
  return [
    ...diagram.nodes.map((node) => `${node.resourceId} ${JSON.stringify(lines.rangeOf(node))}`),
    ...diagram.edges.map((edge) => `${edge.from}->${edge.to} ${JSON.stringify(lines.rangeOf(edge))}`),
  ];
}

describe('answers tagged with the version they were computed from', () => {
  const client = new TestClient({ settings: {} });
  after(() => client.kill());

  test(
    'a large file edited at once: diagnostics, quick fixes and diagrams all fit the text of their version',
    { timeout: 120_000 },
    async () => {
      await client.initialize();
      const lastDiagnostics = client.diagnostics(URI, 3);

      const actions: Promise<{ asked: number; actions: CodeAction[] }>[] = [];
      const diagrams: Promise<{ asked: number; result: DiagramResult | null }>[] = [];
      const ask = (version: number) => {
        const text = textOf(version);
        const line = text.split('\n').indexOf('    timeout: 20m');
        const range = { start: { line, character: 13 }, end: { line, character: 13 } };
        actions.push(
          Promise.resolve(
            client.connection.sendRequest('textDocument/codeAction', {
              textDocument: { uri: URI },
              range,
              context: { diagnostics: [], only: ['quickfix'] },
            }),
          ).then((answer) => ({ asked: version, actions: answer as CodeAction[] })),
        );
        diagrams.push(
          Promise.resolve(client.connection.sendRequest(DiagramRequest.type, { textDocument: { uri: URI } })).then((result) => ({
            asked: version,
            result,
          })),
        );
      };

      // Nothing awaited in between: the messages reach the server together.
      void client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: URI, languageId: 'awsflow', version: 1, text: textOf(1) },
      });
      ask(1);
      for (const version of [2, 3]) {
        void client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: URI, version },
          contentChanges: [{ text: textOf(version) }],
        });
        ask(version);
      }

      for (const { asked, actions: answer } of await Promise.all(actions)) {
        const fix = answer.find((action) => action.title === 'Set the timeout to 15m');
        assert.ok(fix?.edit?.documentChanges, `the quick fix asked for at version ${asked}`);
        const change = fix.edit.documentChanges[0] as TextDocumentEdit;
        assert.equal(change.textDocument.version, asked, 'a code action is tagged with the version it was asked for');
        const text = textOf(change.textDocument.version!);
        assert.equal(
          applyTextEdits(text, change.edits as TextEdit[]),
          text.replace('    timeout: 20m', '    timeout: 15m'),
          `the fix for version ${asked} applied to its text`,
        );
      }
      for (const { asked, result } of await Promise.all(diagrams)) {
        assert.ok(result, `a diagram for version ${asked}`);
        assert.equal(result.version, asked, 'a diagram is tagged with the version it was asked for');
        const got = [
          ...result.nodes.map((node) => `${node.resourceId} ${JSON.stringify(node.range)}`),
          ...result.edges.map((edge) => `${edge.from}->${edge.to} ${JSON.stringify(edge.range)}`),
        ];
        assert.deepEqual(got, expectedDiagram(result.version), `the diagram's ranges are those of version ${result.version}`);
      }
      await lastDiagnostics;
      const published = client.publishedFor(URI);
      assert.ok(published.length > 0);
      for (const params of published) {
        assert.ok(params.version !== undefined && params.version !== null, 'diagnostics carry their version');
        const got = params.diagnostics.map((diagnostic) => `${String(diagnostic.code)} ${JSON.stringify(diagnostic.range)}`);
        assert.deepEqual(got, expectedDiagnostics(params.version), `the diagnostics tagged ${params.version} are that version's`);
      }
      // A stale set is never shown: once a version's diagnostics are out, none of an older version follows.
      const versions = published.map((params) => params.version!);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        `diagnostics published in the order of their versions: ${versions.join(', ')}`,
      );
      assert.equal(versions.at(-1), 3, "the last set shown is the last version's");
    },
  );
});
