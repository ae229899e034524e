import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findIgnoreComments } from '../../src/core/suppress';

/** The ids of each ignore comment found, per comment. */
function ids(text: string): string[][] {
  return findIgnoreComments(text).map((comment) => comment.ruleIds.map((id) => id.id));
}

describe('findIgnoreComments: only real comments', () => {
  const cases: readonly (readonly [string, string, string[][]])[] = [
    ['a comment after a value', 'visibilityTimeout: 30s # awsflow-ignore sqs/range -- why\n', [['sqs/range']]],
    ['a comment on its own line', '  # awsflow-ignore a/b, c/d -- why\n', [['a/b', 'c/d']]],
    ['after a closed double-quoted value', 'label: "x" # awsflow-ignore a/b -- why\n', [['a/b']]],
    ['after a closed single-quoted value with an escaped quote', "label: 'it''s' # awsflow-ignore a/b -- why\n", [['a/b']]],
    ['an apostrophe in a plain value opens no quote', "label: it's fine # awsflow-ignore a/b -- why\n", [['a/b']]],
    ['inside a double-quoted value', 'label: "deploy # awsflow-ignore a/b -- why"\n', []],
    ['inside a single-quoted value', "label: 'deploy # awsflow-ignore a/b'\n", []],
    ['inside a quoted list item', '- "x # awsflow-ignore a/b"\n', []],
    ['inside a quoted flow-sequence item', 'tags: [one, "two # awsflow-ignore a/b"]\n', []],
    ['inside a JSON string, with escaped quotes before it', '{"Description": "say \\"hi\\" # awsflow-ignore a/b"}\n', []],
    ['an unclosed quote runs to the end of the line', 'label: "deploy # awsflow-ignore a/b\n', []],
    ['a later line is read afresh', 'label: "a # awsflow-ignore x/y"\nq: 1 # awsflow-ignore a/b -- why\n', [['a/b']]],
  ];
  for (const [name, text, expected] of cases) {
    test(name, () => assert.deepEqual(ids(text), expected));
  }
});
