/**
 * The TextMate grammar, tokenized the way VS Code does it: vscode-textmate and
 * vscode-oniguruma with VS Code's own YAML grammar, which ours includes. They come
 * with code-server (the real-VS-Code test tooling under .tooling/, which .ci/run
 * installs) or from node_modules when present.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const codeServer = join(root, '.tooling/code-server/node_modules/code-server/lib/vscode');
const candidates = [join(root, 'node_modules'), join(codeServer, 'node_modules')];
const modules = candidates.find((dir) => existsSync(join(dir, 'vscode-textmate')) && existsSync(join(dir, 'vscode-oniguruma')));
const yamlSyntaxes = join(codeServer, 'extensions/yaml/syntaxes');
const skip =
  modules && existsSync(yamlSyntaxes)
    ? false
    : "needs vscode-textmate, vscode-oniguruma and VS Code's YAML grammar (code-server under .tooling/, installed by .ci/run)";

interface Token {
  text: string;
  scopes: string[];
}

type Tokenize = (text: string) => Token[][];
let tokenize: Tokenize;

describe('grammar source.awsflow', { skip }, () => {
  before(async () => {
    const load = createRequire(join(modules!, 'x.js'));
    const textmate = load('vscode-textmate');
    const oniguruma = load('vscode-oniguruma');
    const wasm = readFileSync(join(modules!, 'vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const files: Record<string, string> = {
      'source.awsflow': join(root, 'syntaxes/awsflow.tmLanguage.json'),
      'source.yaml': join(yamlSyntaxes, 'yaml.tmLanguage.json'),
      'source.yaml.embedded': join(yamlSyntaxes, 'yaml-embedded.tmLanguage.json'),
    };
    for (const version of ['1.0', '1.1', '1.2', '1.3'])
      files[`source.yaml.${version}`] = join(yamlSyntaxes, `yaml-${version}.tmLanguage.json`);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scope: string) =>
        files[scope] ? textmate.parseRawGrammar(readFileSync(files[scope]!, 'utf8'), files[scope]) : null,
    });
    const grammar = await registry.loadGrammar('source.awsflow');
    tokenize = (text) => {
      let stack = textmate.INITIAL;
      return text.split('\n').map((line) => {
        const result = grammar.tokenizeLine(line, stack);
        stack = result.ruleStack;
        return result.tokens.map((token: { startIndex: number; endIndex: number; scopes: string[] }) => ({
          text: line.slice(token.startIndex, token.endIndex),
          scopes: token.scopes,
        }));
      });
    };
  });

  /** The tokens of one line that carry an awsflow scope, as `text=scope` (innermost awsflow scope). */
  function ours(line: Token[]): string[] {
    return line
      .map((token) => ({
        text: token.text,
        scope: [...token.scopes]
          .reverse()
          .find((scope) => scope.endsWith('.awsflow') && scope !== 'source.awsflow' && scope !== 'meta.flow.awsflow'),
      }))
      .filter((token) => token.scope)
      .map((token) => `${token.text}=${token.scope}`);
  }

  test('flow entries: ids, commas and arrows, with properties after them', () => {
    const lines = tokenize('flows:\n  - web, mobile -> api -> jobs: { rate: 20/s }\n  - orders.fifo->billing-dlq\n  - "a -> b"');
    assert.deepEqual(ours(lines[1]!), [
      'web=variable.other.resource.awsflow',
      ',=punctuation.separator.comma.awsflow',
      'mobile=variable.other.resource.awsflow',
      '->=keyword.operator.arrow.awsflow',
      'api=variable.other.resource.awsflow',
      '->=keyword.operator.arrow.awsflow',
      'jobs=variable.other.resource.awsflow',
      '20=constant.numeric.awsflow',
      '/=keyword.operator.rate.awsflow',
      's=keyword.other.unit.awsflow',
    ]);
    assert.deepEqual(ours(lines[2]!), [
      'orders.fifo=variable.other.resource.awsflow',
      '->=keyword.operator.arrow.awsflow',
      'billing-dlq=variable.other.resource.awsflow',
    ]);
    assert.deepEqual(ours(lines[3]!), [
      'a=variable.other.resource.awsflow',
      '->=keyword.operator.arrow.awsflow',
      'b=variable.other.resource.awsflow',
    ]);
    // Still YAML underneath: the flow entry with properties is a map key.
    assert.ok(lines[1]!.find((token) => token.text === 'jobs')!.scopes.some((scope) => scope.startsWith('meta.map.key')));
  });

  test('resource types, references and quantities', () => {
    const lines = tokenize(
      [
        'resources:',
        '  jobs:',
        '    type: sqs   # the queue',
        '    visibilityTimeout: 1h30m',
        '    deadLetter: { target: jobs-dlq, maxReceiveCount: 5 }',
        '  jobs-dlq: { type: sqs, retention: 14d }',
        '  worker:',
        '    type:  lambda',
        '    memory: 512MB',
        '    ephemeralStorage: 10 GiB',
        '  odd:',
        '    type: lambdas',
      ].join('\n'),
    );
    assert.deepEqual(ours(lines[2]!), ['sqs=support.type.resource.awsflow']);
    assert.deepEqual(ours(lines[3]!), ['1h30m=constant.numeric.duration.awsflow']);
    assert.deepEqual(ours(lines[4]!), ['jobs-dlq=variable.other.resource.awsflow']);
    assert.deepEqual(ours(lines[5]!), ['sqs=support.type.resource.awsflow', '14d=constant.numeric.duration.awsflow']);
    assert.deepEqual(ours(lines[7]!), ['lambda=support.type.resource.awsflow']);
    assert.deepEqual(ours(lines[8]!), ['512=constant.numeric.awsflow', 'MB=keyword.other.unit.awsflow']);
    assert.deepEqual(ours(lines[9]!), ['10=constant.numeric.awsflow', 'GiB=keyword.other.unit.awsflow']);
    assert.deepEqual(ours(lines[11]!), [], 'not a known type');
  });

  test('awsflow-ignore directives in comments', () => {
    const [line] = tokenize('    # awsflow-ignore sqs/no-dlq, lambda/concurrency -- read elsewhere');
    assert.deepEqual(ours(line!), [
      'awsflow-ignore=keyword.other.directive.awsflow',
      'sqs/no-dlq=entity.name.tag.rule.awsflow',
      ',=punctuation.separator.comma.awsflow',
      'lambda/concurrency=entity.name.tag.rule.awsflow',
      '--=punctuation.separator.reason.awsflow',
    ]);
    assert.ok(
      line!.filter((token) => token.text.trim() !== '').every((token) => token.scopes.some((scope) => scope.startsWith('comment.line'))),
      'still a comment',
    );
  });

  test('comments and prose stay what they are', () => {
    const lines = tokenize('description: a -> b, then c\nflows:\n  - jobs -> worker   # comment -> not a flow');
    assert.deepEqual(ours(lines[0]!), [], 'an arrow inside prose that does not end the value is not a flow');
    assert.deepEqual(ours(lines[2]!), [
      'jobs=variable.other.resource.awsflow',
      '->=keyword.operator.arrow.awsflow',
      'worker=variable.other.resource.awsflow',
    ]);
    const comment = lines[2]!.filter((token) => token.text.includes('not a flow'));
    assert.ok(comment.length > 0 && comment.every((token) => token.scopes.some((scope) => scope.startsWith('comment.line'))));
  });

  test('every example tokenizes without error, and a long line in bounded time', () => {
    for (const name of ['fanout.awsflow', 'mistakes.awsflow', 'clickstream.awsflow']) {
      const lines = tokenize(readFileSync(join(root, 'examples', name), 'utf8'));
      assert.ok(
        lines.flat().some((token) => token.scopes.includes('keyword.operator.arrow.awsflow')),
        name,
      );
    }
    const start = performance.now();
    tokenize(`description: ${'word, '.repeat(3000)}-> end of a very long line`);
    tokenize(`  - ${Array.from({ length: 500 }, (_, i) => `r${i}`).join(', ')} -> sink`);
    // Catastrophic backtracking on 3,000 words would take hours; the bound only has to tell
    // that from a loaded machine (4 s seen with every core busy), so it is generous.
    assert.ok(performance.now() - start < 30_000, 'no catastrophic backtracking');
  });
});
