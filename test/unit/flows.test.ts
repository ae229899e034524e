import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import { strip } from '../helpers/markers';

function connections(text: string) {
  return analyze(text)
    .model.connections.filter((c) => c.origin === 'flow')
    .map((c) => `${c.source.id}->${c.target.id}`);
}

describe('flow strings', () => {
  const header = 'awsflow: 1\nresources:\n  a: { type: client }\n  b: { type: lambda }\n  c: { type: lambda }\n  d: { type: s3 }\nflows:\n';
  test('fan-out, fan-in and chains connect every id on one side to every id on the next', () => {
    assert.deepEqual(connections(header + '  - a -> b, c\n'), ['a->b', 'a->c']);
    assert.deepEqual(connections(header + '  - b, c -> d\n'), ['b->d', 'c->d']);
    assert.deepEqual(connections(header + '  - a -> b -> d\n'), ['a->b', 'b->d']);
    assert.deepEqual(connections(header + '  - a -> b, c -> d\n'), ['a->b', 'a->c', 'b->d', 'c->d']);
  });

  test('every id keeps its exact range, in plain and quoted strings and in map keys', () => {
    const { text, ranges } = strip(header + '  - «a» -> «b»,«c»\n  - "«b» -> «d»"\n  - «c»  ->  «d»: { rate: 5/s }\n');
    const references = analyze(text).model.references.filter((r) => r.kind === 'flow');
    assert.deepEqual(
      references.map((r) => [r.start, r.end]),
      ranges.map((r) => [r.start, r.end]),
    );
    assert.deepEqual(
      references.map((r) => r.id),
      ['a', 'b', 'c', 'b', 'd', 'c', 'd'],
    );
  });

  test('connection properties apply to every connection of the entry', () => {
    const analysis = analyze(header + '  - a -> b, c: { rate: 10/s, batchSize: 5 }\n');
    const flows = analysis.model.connections.filter((c) => c.origin === 'flow');
    assert.deepEqual(
      flows.map((c) => c.props.get('rate')?.value),
      [10, 10],
    );
    assert.deepEqual(
      flows.map((c) => c.props.get('batchSize')?.value),
      [5, 5],
    );
  });

  test('syntax errors are reported on the exact span', () => {
    const { text, ranges } = strip(header + '  - «a»\n  - a ->«»\n  - a -> «9x»\n');
    const findings = analyze(text).findings.filter((f) => f.ruleId === 'flows/syntax');
    assert.deepEqual(
      findings.map((f) => [f.start, f.end]),
      ranges.map((r) => [r.start, r.end]),
    );
  });

  test('deadLetter and onFailure draw connections and mark dead-letter queues', () => {
    const analysis = analyze(
      'awsflow: 1\nresources:\n  q: { type: sqs, deadLetter: { target: q-dlq, maxReceiveCount: 3 } }\n  q-dlq: { type: sqs }\n' +
        '  s: { type: kinesis, encryption: kms }\n  f: { type: lambda }\n  failed: { type: sqs }\nflows:\n  - q -> f\n  - s -> f: { onFailure: failed }\n',
    );
    const model = analysis.model;
    assert.deepEqual([...model.deadLetterIds].sort(), ['failed', 'q-dlq']);
    assert.deepEqual(model.connections.map((c) => `${c.origin}:${c.source.id}->${c.target.id}`).sort(), [
      'deadLetter:q->q-dlq',
      'flow:q->f',
      'flow:s->f',
      'onFailure:s->failed',
    ]);
  });
});
