import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { semanticTokens } from '../../../src/core/services/semantic-tokens';
import type { SemanticToken } from '../../../src/core/services/types';
import { strip } from '../../helpers/markers';

/** Tokens as `text:type[+modifier]`, in order. */
function describeTokens(text: string, tokens: readonly SemanticToken[]): string[] {
  return tokens.map((t) => `${text.slice(t.start, t.end)}:${t.type}${t.modifiers.map((m) => `+${m}`).join('')}`);
}

/** Asserts the tokens' ranges are exactly the marked ones and returns their descriptions. */
function tokensOf(marked: string): string[] {
  const { text, ranges } = strip(marked);
  const tokens = semanticTokens(analyze(text));
  assert.deepEqual(
    tokens.map((t) => [t.start, t.end]),
    ranges.map((r) => [r.start, r.end]),
  );
  return describeTokens(text, tokens);
}

describe('semantic tokens', () => {
  test('declarations, types, references, arrows and commas, in order', () => {
    const described = tokensOf(
      [
        'awsflow: 1',
        'defaults:',
        '  «sqs»: { receiveWait: 20s }',
        'resources:',
        '  «api»: { type: «api-gateway» }',
        '  «jobs»:',
        '    type: «sqs»',
        '    deadLetter: { target: «dlq» }',
        '  «dlq»: { type: «sqs» }',
        '  «t»: { type: «sns» }',
        '  «f»: { type: «lambda» }',
        '  «g»: { type: «lambda» }',
        'flows:',
        '  - «api» «->» «jobs»',
        '  - «jobs» «->» «f»: { onFailure: «dlq» }',
        '  - «f»«,» «g» «->» «t»',
        '',
      ].join('\n'),
    );
    assert.deepEqual(described, [
      'sqs:type',
      'api:variable+declaration',
      'api-gateway:type',
      'jobs:variable+declaration',
      'sqs:type',
      'dlq:variable',
      'dlq:variable+declaration',
      'sqs:type',
      't:variable+declaration',
      'sns:type',
      'f:variable+declaration',
      'lambda:type',
      'g:variable+declaration',
      'lambda:type',
      'api:variable',
      '->:operator',
      'jobs:variable',
      'jobs:variable',
      '->:operator',
      'f:variable',
      'dlq:variable',
      'f:variable',
      ',:operator',
      'g:variable',
      '->:operator',
      't:variable',
    ]);
  });

  test('quoted ids and quoted flow strings: the id without its quotes', () => {
    const described = tokensOf('resources:\n  "«a»": { type: "«sqs»" }\n  \'«b»\': { type: «lambda» }\nflows:\n  - "«a» «->» «b»"\n');
    assert.deepEqual(described, [
      'a:variable+declaration',
      'sqs:type',
      'b:variable+declaration',
      'lambda:type',
      'a:variable',
      '->:operator',
      'b:variable',
    ]);
  });

  test('unknown types are not types; undefined ids in flows are still ids; volumes are references', () => {
    const described = tokensOf(
      'resources:\n  «x»: { type: sqss }\n  «fs»: { type: «efs» }\n  «s»: { type: «ecs», volumes: [«fs», scratch] }\nflows:\n  - «x» «->» «nowhere»\n',
    );
    assert.deepEqual(described, [
      'x:variable+declaration',
      'fs:variable+declaration',
      'efs:type',
      's:variable+declaration',
      'ecs:type',
      'fs:variable',
      'x:variable',
      '->:operator',
      'nowhere:variable',
    ]);
  });

  test('a flow string folded over two lines: every token stays on one line', () => {
    const { text } = strip('resources:\n  a: { type: client }\n  b: { type: lambda }\nflows:\n  - a ->\n    b\n');
    const tokens = semanticTokens(analyze(text));
    for (const token of tokens)
      assert.ok(!/[\r\n]/.test(text.slice(token.start, token.end)), JSON.stringify(text.slice(token.start, token.end)));
    assert.deepEqual(describeTokens(text, tokens).slice(-3), ['a:variable', '->:operator', 'b:variable']);
  });

  test('a string with escapes: the ids have no range of their own, the arrows still do', () => {
    const { text } = strip('resources:\n  a: { type: client }\n  b: { type: lambda }\nflows:\n  - "a \\x2d> b -> a"\n');
    const tokens = semanticTokens(analyze(text));
    assert.deepEqual(describeTokens(text, tokens).slice(-1), ['->:operator']);
  });

  test('sorted, never overlapping', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `q${i}`);
    const text = `resources:\n  t: { type: sns }\n${ids.map((id) => `  ${id}: { type: sqs }`).join('\n')}\nflows:\n  - t -> ${ids.join(', ')}\n  - t -> t\n`;
    const tokens = semanticTokens(analyze(text));
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i]!.start >= tokens[i - 1]!.end, `token ${i} overlaps`);
    assert.equal(tokens.length, 2 + 600 + 1 + 1 + 300 + 299 + 3);
  });

  test('empty, half-typed and hostile input', () => {
    assert.deepEqual(semanticTokens(analyze('')), []);
    assert.deepEqual(tokensOf('resources:\n  «q»:\n    type:\n  «w»: { type: «lambda»\nflows:\n  - «q» «->»\n'), [
      'q:variable+declaration',
      'w:variable+declaration',
      'lambda:type',
      'q:variable',
      '->:operator',
    ]);
    assert.deepEqual(semanticTokens(analyze('- a -> b\n')), []);
  });
});
