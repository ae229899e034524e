import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { applyEdits } from '../../../src/core/edit/edits';
import { definition, documentHighlights, prepareRename, references, rename } from '../../../src/core/services/navigation';

/**
 * A fixture with a cursor `‸` and expected ranges `«…»`: returns the plain text, the
 * cursor's offset and the ranges (in document order).
 */
function fixture(marked: string): { text: string; offset: number; ranges: { start: number; end: number }[] } {
  let text = '';
  let offset = -1;
  const open: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  for (const char of marked) {
    if (char === '‸') offset = text.length;
    else if (char === '«') open.push(text.length);
    else if (char === '»') ranges.push({ start: open.pop()!, end: text.length });
    else text += char;
  }
  assert.equal(open.length, 0, 'unbalanced « in fixture');
  return { text, offset, ranges: ranges.sort((a, b) => a.start - b.start) };
}

function renamed(marked: string, newName: string): string {
  const { text, offset } = fixture(marked);
  const result = rename(analyze(text), offset, newName);
  if ('error' in result) assert.fail(`rename refused: ${result.error}`);
  return applyEdits(text, result.edits);
}

function refusal(marked: string, newName: string): string {
  const { text, offset } = fixture(marked);
  const result = rename(analyze(text), offset, newName);
  if (!('error' in result)) assert.fail(`rename should be refused, gave ${JSON.stringify(result.edits)}`);
  return result.error;
}

const ARCHITECTURE = `awsflow: 1
resources:
  api: { type: api-gateway }
  «jobs»:
    type: sqs
    deadLetter: { target: jobs-dlq, maxReceiveCount: 5 }
  jobs-dlq: { type: sqs }
  worker: { type: lambda }
  audit: { type: sqs }
flows:
  - api -> «jobs», audit
  - «jobs» -> worker
`;

describe('definition', () => {
  test('from a flow target, the key of the resource', () => {
    const { text, offset, ranges } = fixture(ARCHITECTURE.replace('api -> «jobs»', 'api -> jo‸bs'));
    assert.deepEqual(definition(analyze(text), offset), [ranges[0]]);
  });

  test('from the resource key itself, that key', () => {
    const { text, offset, ranges } = fixture(ARCHITECTURE.replace('«jobs»:', '«j‸obs»:'));
    assert.deepEqual(definition(analyze(text), offset), [ranges[0]]);
  });

  test('a cursor just before or just after the id counts', () => {
    const before = fixture(ARCHITECTURE.replace('- «jobs» -> worker', '- ‸jobs -> worker'));
    assert.deepEqual(definition(analyze(before.text), before.offset), [before.ranges[0]]);
    const after = fixture(ARCHITECTURE.replace('- «jobs» -> worker', '- jobs‸ -> worker'));
    assert.deepEqual(definition(analyze(after.text), after.offset), [after.ranges[0]]);
  });

  test('fan-out, fan-in and chains: every id of every entry leads to its own key', () => {
    const { text, ranges } = fixture(`resources:
  «a»: { type: client }
  «b»: { type: lambda }
  «c»: { type: sqs }
  «d»: { type: lambda }
flows:
  - «a» -> «b», «c»
  - «b», «c» -> «d»
  - «a» -> «c» -> «d»
  - «a»->«b»,«c»
`);
    const analysis = analyze(text);
    const keys = new Map(ranges.slice(0, 4).map((r) => [text.slice(r.start, r.end), r]));
    const uses = ranges.slice(4);
    assert.equal(uses.length, 12);
    for (const use of uses) {
      const id = text.slice(use.start, use.end);
      assert.deepEqual(definition(analysis, use.start), [keys.get(id)], `start of ${id} at ${use.start}`);
      assert.deepEqual(definition(analysis, use.end), [keys.get(id)], `end of ${id} at ${use.end}`);
    }
  });

  test('from deadLetter.target, onFailure and volumes', () => {
    const { text, ranges } = fixture(`resources:
  «orders-dlq»: { type: sqs }
  orders:
    type: sqs
    deadLetter: { target: orders-dlq }
  stream: { type: kinesis }
  «failed»: { type: sns }
  fn: { type: lambda }
  «shared»: { type: efs }
  svc: { type: ecs, volumes: [shared, scratch] }
flows:
  - stream -> fn: { onFailure: failed }
`);
    const analysis = analyze(text);
    assert.deepEqual(definition(analysis, text.indexOf('target: orders-dlq') + 10), [ranges[0]]);
    assert.deepEqual(definition(analysis, text.indexOf('onFailure: failed') + 12), [ranges[1]]);
    assert.deepEqual(definition(analysis, text.indexOf('[shared') + 2), [ranges[2]]);
    assert.deepEqual(definition(analysis, text.indexOf('scratch') + 1), [], 'a volume name that is not a resource');
  });

  test('an id that is a prefix of another leads to its own key only', () => {
    const { text, ranges } = fixture(`resources:
  «jobs»: { type: sqs, deadLetter: { target: jobs-dlq } }
  «jobs-dlq»: { type: sqs }
`);
    const analysis = analyze(text);
    assert.deepEqual(definition(analysis, text.indexOf('jobs-dlq }') + 2), [ranges[1]]);
    assert.deepEqual(definition(analysis, text.indexOf('jobs-dlq }') + 6), [ranges[1]]);
  });

  test('ids in quoted flow strings and quoted keys: the id inside the quotes', () => {
    const { text, offset, ranges } = fixture(`resources:
  "«orders»": { type: sqs }
  'api': { type: api-gateway }
flows:
  - "api -> ord‸ers"
`);
    assert.deepEqual(definition(analyze(text), offset), [ranges[0]]);
    assert.deepEqual(definition(analyze(text), text.indexOf('"api') + 1), [
      { start: text.indexOf("'api'") + 1, end: text.indexOf("'api'") + 4 },
    ]);
  });

  test('an id that is not defined, or a cursor off any id: nothing', () => {
    const { text } = fixture(ARCHITECTURE + '  - worker -> nowhere\n');
    const analysis = analyze(text);
    assert.deepEqual(definition(analysis, text.indexOf('nowhere') + 2), []);
    assert.deepEqual(definition(analysis, text.indexOf('-> worker') + 1), [], 'on the arrow');
    assert.deepEqual(definition(analysis, text.indexOf('type: sqs') + 7), [], 'on a type value');
    assert.deepEqual(definition(analysis, text.indexOf('flows')), [], 'on a top-level key');
  });

  test('a duplicated key: both declarations', () => {
    const { text, offset, ranges } = fixture(
      'resources:\n  «a»: { type: sqs }\n  «a»: { type: sqs }\n  b: { type: lambda }\nflows:\n  - ‸a -> b\n',
    );
    assert.deepEqual(definition(analyze(text), offset), ranges);
  });
});

describe('references', () => {
  const MANY = `resources:
  api: { type: api-gateway }
  «jobs»:
    type: sqs
    deadLetter: { target: jobs-dlq }
  jobs-dlq: { type: sqs }
  worker: { type: lambda }
  stream: { type: kinesis }
  fn: { type: lambda }
flows:
  - api -> «jobs», jobs-dlq
  - stream, «jobs» -> worker
  - api -> «jobs» -> fn
  - stream -> fn: { onFailure: «jobs» }
  - "api -> «jobs»"
  - worker -> jobs-dlq
`;

  test('every reference, exact, in document order; the key only when asked', () => {
    const { text, ranges } = fixture(MANY);
    const analysis = analyze(text);
    const onReference = text.indexOf('stream, jobs') + 9;
    assert.deepEqual(references(analysis, onReference, true), ranges);
    assert.deepEqual(references(analysis, onReference, false), ranges.slice(1));
    assert.deepEqual(references(analysis, ranges[0]!.start, false), ranges.slice(1), 'from the key');
  });

  test('jobs-dlq is a different id from jobs', () => {
    const { text } = fixture(MANY);
    const analysis = analyze(text);
    const at = (needle: string, from = 0) => ({ start: text.indexOf(needle, from), end: text.indexOf(needle, from) + 'jobs-dlq'.length });
    const expected = [at('jobs-dlq }'), at('jobs-dlq:'), at('jobs-dlq\n'), at('jobs-dlq\n', text.indexOf('worker -> '))];
    assert.deepEqual(references(analysis, text.indexOf('jobs-dlq:'), true), expected);
  });

  test('an id that is not defined: its uses (a typo shows everywhere)', () => {
    const { text, ranges } = fixture('resources:\n  a: { type: client }\nflows:\n  - a -> «wrkr»\n  - «wrkr» -> a\n');
    assert.deepEqual(references(analyze(text), ranges[0]!.start, true), ranges);
  });

  test('references inside defaults count', () => {
    const { text, ranges } = fixture(`defaults:
  sqs: { deadLetter: { target: «dlq» } }
resources:
  «dlq»: { type: sqs }
  jobs: { type: sqs }
`);
    assert.deepEqual(references(analyze(text), ranges[1]!.start, true), ranges);
  });

  test('a quoted deadLetter.target: the id inside the quotes', () => {
    const { text, ranges } = fixture(`resources:
  «dlq»: { type: sqs }
  jobs: { type: sqs, deadLetter: { target: "«dlq»" } }
  more: { type: sqs, deadLetter: { target: '«dlq»' } }
`);
    assert.deepEqual(references(analyze(text), ranges[0]!.start, true), ranges);
  });
});

describe('documentHighlights', () => {
  test('the key is written, the references read', () => {
    const { text, offset, ranges } = fixture(ARCHITECTURE.replace('- «jobs» -> worker', '- «jo‸bs» -> worker'));
    assert.deepEqual(documentHighlights(analyze(text), offset), [
      { ...ranges[0]!, kind: 'write' },
      { ...ranges[1]!, kind: 'read' },
      { ...ranges[2]!, kind: 'read' },
    ]);
  });

  test('off any id: none', () => {
    const { text } = fixture(ARCHITECTURE);
    assert.deepEqual(documentHighlights(analyze(text), text.indexOf('type: sqs')), []);
  });
});

describe('prepareRename', () => {
  test('on a key or a reference: the id range', () => {
    const { text, ranges } = fixture(ARCHITECTURE);
    const analysis = analyze(text);
    assert.deepEqual(prepareRename(analysis, ranges[0]!.start + 1), ranges[0]);
    assert.deepEqual(prepareRename(analysis, ranges[2]!.end), ranges[2]);
  });

  test('elsewhere, or on an id that names nothing: a reason', () => {
    const { text } = fixture(ARCHITECTURE + '  - worker -> nowhere\n');
    const analysis = analyze(text);
    assert.deepEqual(prepareRename(analysis, text.indexOf('sqs')), {
      error:
        'Only a resource id can be renamed: put the cursor on a key under `resources`, or on an id in a flow, `deadLetter.target`, `onFailure` or `volumes`.',
    });
    assert.deepEqual(prepareRename(analysis, text.indexOf('nowhere')), {
      error: "'nowhere' is not defined under `resources`, so there is nothing to rename. Define it, or correct this reference.",
    });
  });
});

describe('rename', () => {
  test('updates the key and every reference, and nothing else, byte for byte', () => {
    const before = `# orders pipeline
awsflow: 1
resources:
  api:   { type: api-gateway }   # front door
  jobs:                          # the work queue (jobs)
    type: sqs
    label: "jobs queue"
    deadLetter: { target: jobs-dlq, maxReceiveCount: 5 }
  jobs-dlq: { type: sqs }        # jobs-dlq keeps failures
  worker:
    type: lambda
flows:
  - api -> jobs, jobs-dlq        # fan-out
  - jobs,api -> worker           # fan-in
  - api -> jobs -> worker        # chain
  - "api -> jobs"
  - worker -> jobs-dlq: { onFailure: jobs }
`;
    const after = `# orders pipeline
awsflow: 1
resources:
  api:   { type: api-gateway }   # front door
  work-items:                          # the work queue (jobs)
    type: sqs
    label: "jobs queue"
    deadLetter: { target: jobs-dlq, maxReceiveCount: 5 }
  jobs-dlq: { type: sqs }        # jobs-dlq keeps failures
  worker:
    type: lambda
flows:
  - api -> work-items, jobs-dlq        # fan-out
  - work-items,api -> worker           # fan-in
  - api -> work-items -> worker        # chain
  - "api -> work-items"
  - worker -> jobs-dlq: { onFailure: work-items }
`;
    assert.equal(renamed(before.replace('  - api -> jobs, jobs-dlq', '  - api -> jo‸bs, jobs-dlq'), 'work-items'), after);
    // The same result from the key.
    assert.equal(renamed(before.replace('  jobs:', '  ‸jobs:'), 'work-items'), after);
  });

  test('renaming the longer id leaves its prefix alone', () => {
    const before =
      'resources:\n  jobs: { type: sqs, deadLetter: { target: jobs-dlq } }\n  jobs-dlq: { type: sqs }\nflows:\n  - jobs -> jobs-dlq\n';
    assert.equal(
      renamed(before.replace('target: jobs-dlq', 'target: jobs-‸dlq'), 'failures'),
      'resources:\n  jobs: { type: sqs, deadLetter: { target: failures } }\n  failures: { type: sqs }\nflows:\n  - jobs -> failures\n',
    );
  });

  test('quoted ids keep their quotes', () => {
    const before = `resources:
  "orders": { type: sqs, deadLetter: { target: 'dlq' } }
  'dlq': { type: sqs }
  "api": { type: api-gateway }
flows:
  - "api -> orders"
  - 'api -> dlq'
  - api -> orders: { rate: 5/s }
`;
    assert.equal(renamed(before.replace('"orders":', '"ord‸ers":'), 'orders-v2'), before.replaceAll('orders', 'orders-v2'));
    assert.equal(renamed(before.replace("'dlq':", "'‸dlq':"), 'orders.dlq'), before.replaceAll('dlq', 'orders.dlq'));
  });

  test('a key written with escapes is rewritten whole, double-quoted', () => {
    const before = 'resources:\n  "ord\\x65rs": { type: sqs }\n  api: { type: api-gateway }\nflows:\n  - api -> orders\n';
    assert.equal(
      renamed(before.replace('-> orders', '-> ‸orders'), 'queue'),
      'resources:\n  "queue": { type: sqs }\n  api: { type: api-gateway }\nflows:\n  - api -> queue\n',
    );
  });

  test('a flow written with escapes is refused, naming its line', () => {
    const text = 'resources:\n  orders: { type: sqs }\n  api: { type: api-gateway }\nflows:\n  - "api -> ord\\x65rs"\n';
    assert.equal(
      refusal(text.replace('  orders:', '  ‸orders:'), 'queue'),
      "The flow on line 5 writes 'orders' with escape sequences, so its position in the text is unknown. Write that flow without escapes, then rename.",
    );
  });

  test('a name YAML would read as a boolean or null is quoted where it stands alone', () => {
    const before = 'resources:\n  dlq: { type: sqs }\n  jobs: { type: sqs, deadLetter: { target: dlq } }\nflows:\n  - jobs -> dlq\n';
    const after = renamed(before.replace('  dlq:', '  ‸dlq:'), 'null');
    assert.equal(
      after,
      'resources:\n  "null": { type: sqs }\n  jobs: { type: sqs, deadLetter: { target: "null" } }\nflows:\n  - jobs -> null\n',
    );
    const model = analyze(after).model;
    assert.deepEqual(
      model.resources.map((r) => r.id),
      ['null', 'jobs'],
    );
    assert.deepEqual(
      model.references.map((r) => r.id),
      ['null', 'jobs', 'null'],
    );
  });

  test('references inside defaults are renamed too', () => {
    const before = 'defaults:\n  sqs: { deadLetter: { target: dlq } }\nresources:\n  dlq: { type: sqs }\n';
    assert.equal(
      renamed(before.replace('  dlq:', '  ‸dlq:'), 'failures'),
      'defaults:\n  sqs: { deadLetter: { target: failures } }\nresources:\n  failures: { type: sqs }\n',
    );
  });

  test('CRLF text: edits keep every line ending', () => {
    const before = 'awsflow: 1\r\nresources:\r\n  a: { type: client }\r\n  jobs:\r\n    type: sqs\r\nflows:\r\n  - a -> jobs\r\n';
    assert.equal(renamed(before.replace('-> jobs', '-> jobs‸'), 'queue'), before.replaceAll('jobs', 'queue'));
  });

  test('renaming to the same name: no edits', () => {
    const { text, ranges } = fixture(ARCHITECTURE);
    assert.deepEqual(rename(analyze(text), ranges[0]!.start, 'jobs'), { edits: [] });
  });

  test('an invalid id is refused', () => {
    for (const bad of ['', '9lives', 'has space', 'a:b', 'x'.repeat(81), '"quoted"', 'a#b']) {
      const error = refusal(ARCHITECTURE.replace('«jobs»:', '‸jobs:'), bad);
      assert.match(
        error,
        /is not a valid resource id: an id starts with a letter and uses letters, digits, '_', '\.' and '-' \(80 characters at most\)\.$/,
        bad,
      );
    }
    assert.equal(renamed(ARCHITECTURE.replace('«jobs»:', '‸jobs:'), 'x'.repeat(80)).split('x'.repeat(80)).length, 4);
  });

  test('a name another resource has is refused, naming its line', () => {
    assert.equal(refusal(ARCHITECTURE.replace('«jobs»:', '‸jobs:'), 'audit'), "A resource named 'audit' already exists (line 9).");
  });

  test('off an id, or on an undefined id: refused', () => {
    assert.match(refusal(ARCHITECTURE.replace('type: sqs', 'type: s‸qs'), 'x'), /^Only a resource id can be renamed/);
    assert.match(refusal(ARCHITECTURE + '  - worker -> no‸where\n', 'x'), /^'nowhere' is not defined under `resources`/);
  });

  test('a FIFO queue or topic named by its id keeps .fifo', () => {
    const text =
      'resources:\n  orders.fifo: { type: sqs, fifo: true }\n  events.fifo: { type: sns, fifo: true }\n  api: { type: api-gateway }\nflows:\n  - api -> orders.fifo\n';
    assert.equal(
      refusal(text.replace('  orders.fifo:', '  ‸orders.fifo:'), 'orders'),
      "'orders.fifo' is a FIFO queue whose id is its AWS name, and AWS requires a FIFO queue's name to end in .fifo: keep the suffix, or set `name:` to keep the physical name.",
    );
    assert.match(
      refusal(text.replace('  events.fifo:', '  ‸events.fifo:'), 'events'),
      /^'events\.fifo' is a FIFO topic whose id is its AWS name/,
    );
    assert.equal(
      renamed(text.replace('-> orders.fifo', '-> ‸orders.fifo'), 'purchases.fifo'),
      text.replaceAll('orders.fifo', 'purchases.fifo'),
    );
  });

  test('a FIFO queue with its own name: the id is free', () => {
    const text = 'resources:\n  orders.fifo: { type: sqs, fifo: true, name: prod-orders.fifo }\n';
    assert.equal(
      renamed(text.replace('  orders', '  ‸orders'), 'orders'),
      'resources:\n  orders: { type: sqs, fifo: true, name: prod-orders.fifo }\n',
    );
  });

  test('the renamed document analyses to the same graph', () => {
    const { text } = fixture(ARCHITECTURE);
    const after = renamed(ARCHITECTURE.replace('«jobs»:', '‸jobs:'), 'queue');
    const edges = (source: string, rename: (id: string) => string = (id) => id) =>
      analyze(source).model.connections.map((c) => `${rename(c.source.id)} ${rename(c.target.id)} ${c.origin}`);
    assert.deepEqual(
      edges(after),
      edges(text, (id) => (id === 'jobs' ? 'queue' : id)),
    );
    assert.ok(!analyze(after).findings.some((f) => f.ruleId === 'flows/unknown-resource'));
  });
});

describe('half-typed and hostile documents', () => {
  test('an empty file', () => {
    const analysis = analyze('');
    assert.deepEqual(definition(analysis, 0), []);
    assert.deepEqual(references(analysis, 0, true), []);
    assert.deepEqual(documentHighlights(analysis, 0), []);
    assert.ok('error' in prepareRename(analysis, 0));
    assert.ok('error' in rename(analysis, 0, 'x'));
  });

  test('a flow being typed: its finished ids still navigate, the half-typed one names nothing', () => {
    const { text, ranges } = fixture('resources:\n  «api»: { type: api-gateway }\n  jobs: { type: sqs }\nflows:\n  - «api» -> «api», jo');
    const analysis = analyze(text);
    assert.deepEqual(definition(analysis, ranges[1]!.start), [ranges[0]]);
    assert.deepEqual(references(analysis, ranges[0]!.start, true), ranges);
    assert.deepEqual(definition(analysis, text.length), []);
  });

  test('a broken block elsewhere does not stop navigation', () => {
    const { text, offset, ranges } = fixture(
      'resources:\n  «jobs»: { type: sqs }\n  worker: { type: lambda, timeout: [\nflows:\n  - j‸obs -> worker\n',
    );
    assert.deepEqual(definition(analyze(text), offset), [ranges[0]]);
  });

  test('a resource key with no value yet', () => {
    const { text, offset, ranges } = fixture('resources:\n  «jobs»:\n  api: { type: api-gateway }\nflows:\n  - api -> jo‸bs\n');
    assert.deepEqual(definition(analyze(text), offset), [ranges[0]]);
    assert.deepEqual(renamed(text.slice(0, offset) + '‸' + text.slice(offset), 'queue'), text.replaceAll('jobs', 'queue'));
  });

  test('every offset of a messy document: no throw', () => {
    const text =
      'resources:\n  a: { type: sqs, deadLetter: { target: 12 } }\n  : x\n  "b\\t": 1\n  c: [\nflows:\n  - a -> \n  - -> b\n  - 42\n  - a,,b -> c: x\n  - {}\n';
    const analysis = analyze(text);
    for (let offset = 0; offset <= text.length; offset++) {
      definition(analysis, offset);
      references(analysis, offset, true);
      documentHighlights(analysis, offset);
      prepareRename(analysis, offset);
      rename(analysis, offset, 'z');
    }
    const aKey = { start: text.indexOf('a:'), end: text.indexOf('a:') + 1 };
    assert.deepEqual(definition(analysis, text.indexOf('- a -> ') + 2), [aKey]);
    assert.deepEqual(definition(analysis, text.indexOf('a,,b') + 1), [aKey]);
    assert.deepEqual(definition(analysis, text.indexOf('target: 12') + 9), [], 'a number is not a reference');
  });

  test('half-typed: a deadLetter target still being typed', () => {
    const { text, offset, ranges } = fixture(
      'resources:\n  «jobs-dlq»: { type: sqs }\n  jobs:\n    type: sqs\n    deadLetter:\n      target: jobs-d‸',
    );
    assert.deepEqual(definition(analyze(text), offset), []);
    assert.deepEqual(references(analyze(text), offset, true), [{ start: offset - 6, end: offset }]);
    assert.deepEqual(definition(analyze(text + 'lq'), offset + 2), [ranges[0]]);
  });

  test('a long flow line with many ids and long ids', () => {
    const id = 'q' + 'x'.repeat(78) + '1';
    const ids = Array.from({ length: 300 }, (_, i) => `n${i}`);
    const text = `resources:\n  ${id}: { type: sqs }\n${ids.map((i) => `  ${i}: { type: lambda }`).join('\n')}\nflows:\n  - ${id} -> ${ids.join(', ')}\n  - ${ids.join(',')} -> ${id}\n`;
    const analysis = analyze(text);
    const last = text.lastIndexOf(id);
    assert.deepEqual(definition(analysis, last + 40), [{ start: text.indexOf(id), end: text.indexOf(id) + 80 }]);
    assert.equal(references(analysis, last, false).length, 2);
    const n299 = references(analysis, text.indexOf('n299'), true);
    assert.deepEqual(
      n299.map((r) => text.slice(r.start, r.end)),
      ['n299', 'n299', 'n299'],
    );
    const result = rename(analysis, text.indexOf('n29:'), 'renamed.id');
    if ('error' in result) assert.fail(result.error);
    assert.equal(result.edits.length, 3);
    assert.ok(applyEdits(text, result.edits).includes('n28, renamed.id, n30'));
  });
});
