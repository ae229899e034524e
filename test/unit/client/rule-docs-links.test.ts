import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isRuleId,
  RULE_DOCS_HANDLER_PATH,
  ruleDocsCommandLink,
  ruleDocsHandlerQuery,
  ruleIdOfDocsLink,
  ruleIdOfHandlerUri,
  rewriteRuleDocsLinks,
} from '../../../src/client/rule-docs-links';

describe('rule links in VS Code', () => {
  test('a rule page link, wherever the package is, names its rule', () => {
    assert.equal(ruleIdOfDocsLink('file:///home/me/.vscode/extensions/awsflow.awsflow-0.1.0/docs/rules/sqs/no-dlq.md'), 'sqs/no-dlq');
    assert.equal(ruleIdOfDocsLink('file:///c%3A/Users/me/awsflow/docs/rules/api-gateway/range.md'), 'api-gateway/range');
    assert.equal(ruleIdOfDocsLink('file:///opt/awsflow/docs/rules/sqs/no-dlq.md#severity'), undefined);
    assert.equal(ruleIdOfDocsLink('file:///opt/awsflow/docs/format.md'), undefined);
    assert.equal(ruleIdOfDocsLink('file:///opt/awsflow/docs/rules/sqs/../../../etc/passwd.md'), undefined);
    assert.equal(ruleIdOfDocsLink('https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html'), undefined);
  });

  test('rule ids: category/name in lower case, nothing else', () => {
    for (const id of ['sqs/no-dlq', 'api-gateway/range', 'ec2/range']) assert.ok(isRuleId(id), id);
    for (const id of ['sqs', 'sqs/no-dlq/x', '../sqs', 'sqs/No-dlq', 'sqs/-x', '', 42, undefined]) assert.ok(!isRuleId(id), String(id));
  });

  test('the command link carries the id as its one argument', () => {
    assert.equal(ruleDocsCommandLink('sqs/no-dlq'), 'command:awsflow.showRuleDocs?%5B%22sqs%2Fno-dlq%22%5D');
    assert.deepEqual(JSON.parse(decodeURIComponent(ruleDocsCommandLink('sqs/no-dlq').split('?')[1]!)), ['sqs/no-dlq']);
  });

  test('the URI handler link round-trips, and refuses anything else', () => {
    assert.equal(ruleIdOfHandlerUri(RULE_DOCS_HANDLER_PATH, ruleDocsHandlerQuery('lambda/timeout-limit')), 'lambda/timeout-limit');
    assert.equal(ruleIdOfHandlerUri('/other', ruleDocsHandlerQuery('lambda/timeout-limit')), undefined);
    assert.equal(ruleIdOfHandlerUri(RULE_DOCS_HANDLER_PATH, 'rule=..%2F..%2Fetc'), undefined);
    assert.equal(ruleIdOfHandlerUri(RULE_DOCS_HANDLER_PATH, ''), undefined);
  });

  test('Markdown: rule page links rewritten, other links and text kept byte for byte', () => {
    const markdown =
      '**`sqs/no-dlq`** — rule\n\n[Documentation](file:///opt/awsflow/docs/rules/sqs/no-dlq.md) and [AWS](https://docs.aws.amazon.com/x) (see docs/rules/)';
    assert.equal(
      rewriteRuleDocsLinks(markdown, (id) => `command:open?${id}`),
      '**`sqs/no-dlq`** — rule\n\n[Documentation](command:open?sqs/no-dlq) and [AWS](https://docs.aws.amazon.com/x) (see docs/rules/)',
    );
    const plain = 'no links here';
    assert.equal(
      rewriteRuleDocsLinks(plain, () => 'x'),
      plain,
    );
  });
});
