/**
 * The outline through VS Code's own document symbol command (what the Outline view,
 * breadcrumbs and sticky scroll read): the resources in document order, a contiguous
 * `group` as a symbol, an interleaved one flat, and at every resource the chain of
 * symbols holding the cursor names that resource and nothing else.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { waitFor } from '../helpers';

const TEXT = [
  'awsflow: 1',
  'resources:',
  '  api: { type: api-gateway, group: Edge }',
  '  cdn: { type: cloudfront, group: Edge }',
  '  jobs:',
  '    type: sqs',
  '    group: Work',
  '  audit: { type: sqs }',
  '  worker:',
  '    type: lambda',
  '    group: Work',
  'flows:',
  '  - cdn -> api -> jobs -> worker',
  '',
].join('\n');

function tree(symbols: readonly vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} [${s.detail}] ${vscode.SymbolKind[s.kind]}`,
    ...tree(s.children, depth + 1),
  ]);
}

/** The names of the symbols holding `position`, outermost first: what breadcrumbs show. */
function chainAt(symbols: readonly vscode.DocumentSymbol[], position: vscode.Position): string[] {
  const holding = symbols.filter((s) => s.range.contains(position));
  assert.ok(holding.length <= 1, `siblings overlap at ${position.line}:${position.character}: ${holding.map((s) => s.name).join(', ')}`);
  return holding[0] ? [holding[0].name, ...chainAt(holding[0].children, position)] : [];
}

describe('outline', () => {
  it('resources in document order, a contiguous group as a symbol, an interleaved group flat', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'awsflow', content: TEXT });
    await vscode.window.showTextDocument(document, { preview: false });
    const symbols = await waitFor('document symbols from the language server', async () => {
      const list = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      return list && list.length > 0 ? list : undefined;
    });
    assert.deepEqual(tree(symbols), [
      'resources [5 resources] Module',
      '  Edge [2 resources] Namespace',
      '    api [API Gateway] Interface',
      '    cdn [CloudFront distribution] Interface',
      '  jobs [SQS queue · group Work] Event',
      '  audit [SQS queue] Event',
      '  worker [Lambda function · group Work] Function',
      'flows [1 entry] Array',
      '  cdn -> api -> jobs -> worker [3 connections] Event',
    ]);
    assert.deepEqual(chainAt(symbols, new vscode.Position(3, 10)), ['resources', 'Edge', 'cdn']);
    assert.deepEqual(chainAt(symbols, new vscode.Position(7, 10)), ['resources', 'audit']);
    assert.deepEqual(chainAt(symbols, new vscode.Position(10, 6)), ['resources', 'worker']);
    assert.deepEqual(chainAt(symbols, new vscode.Position(12, 6)), ['flows', 'cdn -> api -> jobs -> worker']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
