import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { diagramResult } from '../../../src/server/features/diagram';
import type { DiagramResult } from '../../../src/protocol/lsp';
import { idAt, resourceAt } from '../../../src/client/preview/resource-at';

/** The diagram as the server sends it (the server's own mapping), for a document. */
function diagramOf(text: string): Pick<DiagramResult, 'nodes' | 'edges'> {
  return diagramResult(analyze(text), 'file:///work/fixture.awsflow', 1);
}

const text = [
  'awsflow: 1', //                                        0
  'name: orders', //                                      1
  'resources:', //                                        2
  '  jobs:', //                                           3
  '    type: sqs', //                                     4
  '# a comment at the left margin, still inside jobs', // 5
  '    deadLetter: { target: jobs-dlq, maxReceiveCount: 3 }', // 6
  '', //                                                  7
  '  jobs-dlq: { type: sqs }', //                         8
  '  orders.fifo:', //                                    9
  '    type: sqs', //                                     10
  '    fifo: true', //                                    11
  '  worker:', //                                         12
  '    type: lambda', //                                  13
  'flows:', //                                            14
  '  - jobs -> worker: { batchSize: 5 }', //              15
  '  - orders.fifo->worker', //                           16
  '', //                                                  17
].join('\n');
const lines = text.split('\n');
const lineAt = (line: number) => lines[line];
const diagram = diagramOf(text);
const at = (line: number, character: number) => resourceAt(diagram, { line, character }, lineAt);

describe('cursor → resource (preview highlight)', () => {
  test('the diagram has the resources this test is about', () => {
    assert.deepEqual(diagram.nodes.map((node) => [node.resourceId, node.range.start.line]).sort(), [
      ['jobs', 3],
      ['jobs-dlq', 8],
      ['orders.fifo', 9],
      ['worker', 12],
    ]);
  });

  test('on a key, or anywhere in the definition under it', () => {
    assert.equal(at(3, 2), 'jobs');
    assert.equal(at(3, 0), 'jobs', 'in the indentation before the key');
    assert.equal(at(4, 10), 'jobs');
    assert.equal(at(5, 3), 'jobs', 'a comment does not end the definition');
    assert.equal(at(6, 6), 'jobs');
    assert.equal(at(10, 4), 'orders.fifo');
    assert.equal(at(11, 9), 'orders.fifo');
    assert.equal(at(13, 10), 'worker');
  });

  test('a one-line definition', () => {
    assert.equal(at(8, 2), 'jobs-dlq');
    assert.equal(at(8, 20), 'jobs-dlq');
  });

  test('outside every definition: nothing', () => {
    assert.equal(at(0, 3), null);
    assert.equal(at(1, 8), null);
    assert.equal(at(2, 4), null);
    assert.equal(at(14, 2), null, 'flows: ends the last resource');
  });

  test('on an id in a flow entry or a dead-letter target: that resource', () => {
    assert.equal(at(15, 5), 'jobs');
    assert.equal(at(15, 8), 'jobs', 'right after the id');
    assert.equal(at(15, 14), 'worker');
    assert.equal(at(16, 6), 'orders.fifo');
    assert.equal(at(16, 17), 'worker', 'no spaces around the arrow');
    assert.equal(at(6, 30), 'jobs-dlq');
  });

  test('on the arrow or a connection property: nothing', () => {
    assert.equal(at(15, 10), null);
    assert.equal(at(15, 25), null);
  });

  test('a cursor past the end of the text', () => {
    assert.equal(at(17, 0), null);
    assert.equal(resourceAt(diagram, { line: 40, character: 0 }, lineAt), null);
  });

  test('no diagram yet: nothing', () => {
    assert.equal(resourceAt({ nodes: [], edges: [] }, { line: 3, character: 2 }, lineAt), null);
  });
});

describe('the id under the cursor', () => {
  test('ids with dots and dashes; an arrow is not part of an id', () => {
    assert.equal(idAt('  - orders.fifo->billing-dlq', 6), 'orders.fifo');
    assert.equal(idAt('  - orders.fifo->billing-dlq', 15), 'orders.fifo');
    assert.equal(idAt('  - orders.fifo->billing-dlq', 17), 'billing-dlq');
    assert.equal(idAt('  - a -> b', 7), undefined);
    assert.equal(idAt('  - a, b -> c', 4), 'a');
    assert.equal(idAt('rate: 20/s', 7), undefined, 'ids start with a letter');
    assert.equal(idAt('', 0), undefined);
  });
});
