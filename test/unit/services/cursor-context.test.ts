import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cursorContext, wordAt, YamlText, type CursorContext } from '../../../src/core/services/cursor-context';
import { cursor } from '../../helpers/markers';

/**
 * What a context says, in a form a table can hold: the kind, its own fields, the word
 * typed so far (`partial`), and `quoted` / `inFlow` only when set.
 */
function summary(context: CursorContext, text: string): Record<string, unknown> {
  const { kind } = context;
  if (context.kind === 'comment')
    return {
      kind,
      comment: text.slice(context.start, text.indexOf('\n', context.start) === -1 ? undefined : text.indexOf('\n', context.start)),
    };
  if (context.kind === 'block-scalar') return { kind, headerLine: context.headerLine };
  const out: Record<string, unknown> = { kind };
  switch (context.kind) {
    case 'top-level-value':
      out.key = context.key;
      break;
    case 'section-key':
      out.section = context.section;
      out.keys = context.keys;
      break;
    case 'section-value':
      out.section = context.section;
      out.keys = context.keys;
      out.name = context.name;
      break;
    case 'resource-key':
      out.resource = context.resourceId;
      out.parents = context.parents;
      break;
    case 'resource-value':
      out.resource = context.resourceId;
      out.property = context.property;
      break;
    case 'flow-side':
      out.side = context.side;
      break;
    case 'connection-key':
      out.flow = context.flow;
      if (context.parents.length > 0) out.parents = context.parents;
      break;
    case 'connection-value':
      out.flow = context.flow;
      out.property = context.property;
      if (context.nested.length > 0) out.nested = context.nested;
      break;
    case 'unknown':
      out.path = context.path;
      break;
    default:
      break;
  }
  out.partial = text.slice(context.at.partialStart, context.at.offset);
  if (context.at.quoted) out.quoted = true;
  if (context.at.inFlow) out.inFlow = true;
  return out;
}

function contextAt(marked: string): Record<string, unknown> {
  const { text, offset } = cursor(marked);
  return summary(cursorContext(text, offset), text);
}

const RESOURCE = 'resources:\n  q:\n    type: sqs\n';

/** [fixture with ‸, what the scanner must say]: both sides of each boundary. */
const CASES: readonly (readonly [string, Record<string, unknown>])[] = [
  // Top level: keys at column 0, their values.
  ['‸', { kind: 'top-level-key', partial: '' }],
  ['reso‸', { kind: 'top-level-key', partial: 'reso' }],
  ['awsflow: 1\nreg‸', { kind: 'top-level-key', partial: 'reg' }],
  ['region‸: eu-west-1\n', { kind: 'top-level-key', partial: 'region' }],
  ['region:‸ eu-west-1\n', { kind: 'top-level-value', key: 'region', partial: '' }],
  ['region: eu-‸west-1\n', { kind: 'top-level-value', key: 'region', partial: 'eu-' }],
  ['region:eu‸', { kind: 'top-level-key', partial: 'region:eu' }],
  ['"region": eu‸', { kind: 'top-level-value', key: 'region', partial: 'eu' }],
  // Sections.
  ['account:\n  lambda‸', { kind: 'section-key', section: 'account', keys: [], partial: 'lambda' }],
  ['account:\n  lambdaConcurrency: 10‸', { kind: 'section-value', section: 'account', keys: [], name: 'lambdaConcurrency', partial: '10' }],
  ['rules:\n  sqs/no-‸', { kind: 'section-key', section: 'rules', keys: [], partial: 'sqs/no-' }],
  ['rules:\n  sqs/no-dlq: w‸', { kind: 'section-value', section: 'rules', keys: [], name: 'sqs/no-dlq', partial: 'w' }],
  ['defaults:\n  sqs:\n    ret‸', { kind: 'section-key', section: 'defaults', keys: ['sqs'], partial: 'ret' }],
  [
    'defaults:\n  sqs: { retention: 4‸',
    { kind: 'section-value', section: 'defaults', keys: ['sqs'], name: 'retention', partial: '4', inFlow: true },
  ],
  // Resources: ids, keys, values, nested maps, lists.
  ['resources:\n  jo‸', { kind: 'resource-id', partial: 'jo' }],
  ['resources:\n  ‸', { kind: 'resource-id', partial: '' }],
  [`${RESOURCE}    vis‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: 'vis' }],
  [`${RESOURCE}    ‸\n`, { kind: 'resource-key', resource: 'q', parents: [], partial: '' }],
  [`${RESOURCE}  ‸\n`, { kind: 'resource-id', partial: '' }],
  [`${RESOURCE}‸\n`, { kind: 'top-level-key', partial: '' }],
  [`${RESOURCE}    retention‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: 'retention' }],
  [`${RESOURCE}    retention:‸`, { kind: 'resource-value', resource: 'q', property: ['retention'], partial: '' }],
  [`${RESOURCE}    retention: 4d‸`, { kind: 'resource-value', resource: 'q', property: ['retention'], partial: '4d' }],
  ['resources:\n  q:\n    type: s‸', { kind: 'resource-value', resource: 'q', property: ['type'], partial: 's' }],
  [`${RESOURCE}    deadLetter:\n      max‸`, { kind: 'resource-key', resource: 'q', parents: ['deadLetter'], partial: 'max' }],
  [
    `${RESOURCE}    deadLetter:\n      target: d‸`,
    { kind: 'resource-value', resource: 'q', property: ['deadLetter', 'target'], partial: 'd' },
  ],
  [
    `${RESOURCE}    deadLetter: { target: d‸`,
    { kind: 'resource-value', resource: 'q', property: ['deadLetter', 'target'], partial: 'd', inFlow: true },
  ],
  [`${RESOURCE}    deadLetter: { ‸ }`, { kind: 'resource-key', resource: 'q', parents: ['deadLetter'], partial: '', inFlow: true }],
  [
    `${RESOURCE}    deadLetter: { target: x, ma‸ }`,
    { kind: 'resource-key', resource: 'q', parents: ['deadLetter'], partial: 'ma', inFlow: true },
  ],
  ['resources:\n  q: { type: sqs, ret‸ }', { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret', inFlow: true }],
  ['resources:\n  q: {\n    type: sqs,\n    ret‸\n  }', { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret', inFlow: true }],
  [
    'resources:\n  s:\n    type: ecs\n    volumes:\n      - f‸',
    { kind: 'resource-value', resource: 's', property: ['volumes', null], partial: 'f' },
  ],
  [
    'resources:\n  s:\n    type: ecs\n    volumes: [a, f‸',
    { kind: 'resource-value', resource: 's', property: ['volumes', null], partial: 'f', inFlow: true },
  ],
  ['resources:\n  - q‸', { kind: 'unknown', path: ['resources', null], partial: 'q' }],
  // Flows: sides, connection properties.
  ['flows:\n  ‸', { kind: 'flow-entry', partial: '' }],
  ['flows:\n  - ‸', { kind: 'flow-side', side: 'source', partial: '' }],
  ['flows:\n  - a ‸', { kind: 'flow-side', side: 'source', partial: 'a ' }],
  ['flows:\n  - a -‸', { kind: 'flow-side', side: 'source', partial: 'a -' }],
  ['flows:\n  - a ->‸', { kind: 'flow-side', side: 'target', partial: 'a ->' }],
  ['flows:\n  - a -> b‸', { kind: 'flow-side', side: 'target', partial: 'a -> b' }],
  ['flows:\n  - "a -> b‸', { kind: 'flow-side', side: 'target', partial: 'a -> b', quoted: true }],
  ['flows:\n- a -> b‸', { kind: 'flow-side', side: 'target', partial: 'a -> b' }],
  ['flows: [a -> b‸', { kind: 'flow-side', side: 'target', partial: 'a -> b', inFlow: true }],
  ['flows:\n  - a -> b: { batch‸', { kind: 'connection-key', flow: 'a -> b', partial: 'batch', inFlow: true }],
  ['flows:\n  - a -> b: { batchSize: 1‸', { kind: 'connection-value', flow: 'a -> b', property: 'batchSize', partial: '1', inFlow: true }],
  ['flows:\n  - a -> b:\n      batch‸', { kind: 'connection-key', flow: 'a -> b', partial: 'batch' }],
  ['flows:\n  - a -> b:\n      onFailure: f‸', { kind: 'connection-value', flow: 'a -> b', property: 'onFailure', partial: 'f' }],
  // Inside a connection property's own map or list (an S3 notification's filter and events, a rule's retry).
  ['flows:\n  - a -> b: { filter: { pre‸', { kind: 'connection-key', flow: 'a -> b', parents: ['filter'], partial: 'pre', inFlow: true }],
  ['flows:\n  - a -> b:\n      retry:\n        att‸', { kind: 'connection-key', flow: 'a -> b', parents: ['retry'], partial: 'att' }],
  [
    'flows:\n  - a -> b: { filter: { prefix: up‸',
    { kind: 'connection-value', flow: 'a -> b', property: 'filter', nested: ['prefix'], partial: 'up', inFlow: true },
  ],
  [
    'flows:\n  - a -> b: { events: [s3‸',
    { kind: 'connection-value', flow: 'a -> b', property: 'events', nested: [null], partial: 's3', inFlow: true },
  ],
  [
    'flows:\n  - a -> b:\n      events:\n        - ‸',
    { kind: 'connection-value', flow: 'a -> b', property: 'events', nested: [null], partial: '' },
  ],
  // Comments: `#` after a space or at the start, never inside quotes, never inside a word.
  ['# awsflow-ig‸', { kind: 'comment', comment: '# awsflow-ig' }],
  ['#‸', { kind: 'comment', comment: '#' }],
  ['‸# note', { kind: 'top-level-key', partial: '' }],
  [`${RESOURCE}    retention: 4d # four‸`, { kind: 'comment', comment: '# four' }],
  [`${RESOURCE}    retention: 4d #‸`, { kind: 'comment', comment: '#' }],
  [`${RESOURCE}    retention: 4d ‸#`, { kind: 'resource-value', resource: 'q', property: ['retention'], partial: '4d ' }],
  [`${RESOURCE}    label: "a # b‸"`, { kind: 'resource-value', resource: 'q', property: ['label'], partial: 'a # b', quoted: true }],
  [
    `${RESOURCE}    label: 'it''s # b‸'`,
    { kind: 'resource-value', resource: 'q', property: ['label'], partial: "it''s # b", quoted: true },
  ],
  [
    `${RESOURCE}    label: "a \\" # b‸"`,
    { kind: 'resource-value', resource: 'q', property: ['label'], partial: 'a \\" # b', quoted: true },
  ],
  [`${RESOURCE}    label: "a" # b‸`, { kind: 'comment', comment: '# b' }],
  [`${RESOURCE}    label: a#b‸`, { kind: 'resource-value', resource: 'q', property: ['label'], partial: 'a#b' }],
  [`${RESOURCE}    deadLetter: { target: x } # y‸`, { kind: 'comment', comment: '# y' }],
  [`${RESOURCE}    deadLetter: { target: x #y‸`, { kind: 'comment', comment: '#y' }],
  ['flows:\n  - a -> b # c‸', { kind: 'comment', comment: '# c' }],
  [`${RESOURCE}    # a comment\n    ret‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret' }],
  // Plain scalars: brackets inside them are text.
  [`${RESOURCE}    label: see [docs] ‸`, { kind: 'resource-value', resource: 'q', property: ['label'], partial: 'see [docs] ' }],
  [`${RESOURCE}    label: see [docs\n    ret‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret' }],
  // Block scalars: their body is text; the key after them is a key again.
  [`${RESOURCE}    description: |\n      some text‸`, { kind: 'block-scalar', headerLine: 3 }],
  [`${RESOURCE}    description: >-\n      a: b\n      c‸`, { kind: 'block-scalar', headerLine: 3 }],
  [`${RESOURCE}    description: |2 # two\n      # not a comment‸`, { kind: 'block-scalar', headerLine: 3 }],
  [`${RESOURCE}    description: |\n      text\n\n      ‸`, { kind: 'block-scalar', headerLine: 3 }],
  [`${RESOURCE}    description: |\n      text\n    ret‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret' }],
  [`${RESOURCE}    description: |\n      text\n    ‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: '' }],
  [
    `${RESOURCE}    description: |\n      text: x\n    deadLetter:\n      ta‸`,
    { kind: 'resource-key', resource: 'q', parents: ['deadLetter'], partial: 'ta' },
  ],
  [`${RESOURCE}    description: |‸`, { kind: 'resource-value', resource: 'q', property: ['description'], partial: '|' }],
  ['description: >\n  a\n  b‸', { kind: 'block-scalar', headerLine: 0 }],
  ['flows:\n  - |\n    a -> b‸', { kind: 'block-scalar', headerLine: 1 }],
  [`${RESOURCE}    label: a | b\n    ret‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret' }],
  // Multi-document: the path stops at `---`.
  ['resources:\n  q:\n---\n  ‸', { kind: 'top-level-key', partial: '' }],
  ['resources:\n---\nresources:\n  q‸', { kind: 'resource-id', partial: 'q' }],
  // Tabs are not indentation; a half-typed key without a colon is a key.
  [`${RESOURCE}    type\t‸`, { kind: 'resource-key', resource: 'q', parents: [], partial: 'type\t' }],
  [`${RESOURCE}    type:\t‸`, { kind: 'resource-value', resource: 'q', property: ['type'], partial: '' }],
  // CRLF and a lone CR end lines.
  ['resources:\r\n  q:\r\n    type: sqs\r\n    ret‸', { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret' }],
  ['resources:\r  q:\r    ret‸', { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret' }],
  // UTF-16: astral characters before the cursor count as two code units, as in LSP positions.
  [`${RESOURCE}    label: "🚀 x‸"`, { kind: 'resource-value', resource: 'q', property: ['label'], partial: '🚀 x', quoted: true }],
  ['resources:\n  🚀:\n    ty‸', { kind: 'resource-key', resource: '🚀', parents: [], partial: 'ty' }],
  ['resources:\n  é: { type: sqs, label: ü‸ }', { kind: 'resource-value', resource: 'é', property: ['label'], partial: 'ü', inFlow: true }],
];

describe('cursorContext: every kind, both sides of each boundary', () => {
  for (const [marked, expected] of CASES) {
    test(JSON.stringify(marked), () => {
      assert.deepEqual(contextAt(marked), expected);
    });
  }

  test('a cursor between \\r and \\n is at the end of its line; offsets outside the text are clamped', () => {
    const text = 'resources:\r\n  q:\r\n    ret\r\n';
    const between = text.indexOf('ret') + 4;
    assert.equal(text[between], '\n');
    assert.deepEqual(summary(cursorContext(text, between), text), { kind: 'resource-key', resource: 'q', parents: [], partial: 'ret' });
    assert.deepEqual(summary(cursorContext('reg', 99), 'reg'), { kind: 'top-level-key', partial: 'reg' });
    assert.deepEqual(summary(cursorContext('reg', -5), 'reg'), { kind: 'top-level-key', partial: '' });
    assert.deepEqual(summary(cursorContext('reg', Number.NaN), 'reg'), { kind: 'top-level-key', partial: '' });
  });

  test("a resource's written type and entries, from any depth inside it", () => {
    const { text, offset } = cursor('resources:\n  q:\n    type: sqs\n    fifo: true\n    deadLetter:\n      ta‸\n');
    const context = cursorContext(text, offset);
    assert.equal(context.kind, 'resource-key');
    if (context.kind !== 'resource-key') return;
    assert.equal(context.writtenType(), 'sqs');
    assert.deepEqual(Object.fromEntries(context.resourceEntries()), { type: 'sqs', fifo: 'true', deadLetter: '' });
    const flow = cursor('resources:\n  q: { type: kinesis, ‸ }\n');
    const inFlow = cursorContext(flow.text, flow.offset);
    assert.ok(inFlow.kind === 'resource-key' && inFlow.writtenType() === 'kinesis');
    const unknown = cursor('resources:\n  q: { type: nope, ‸ }\n');
    const notAType = cursorContext(unknown.text, unknown.offset);
    assert.ok(notAType.kind === 'resource-key' && notAType.writtenType() === undefined);
  });

  test('sibling keys of the map being typed in, block and flow, before and after the cursor', () => {
    const block = cursor(`${RESOURCE}    retention: 4d\n    ‸\n    fifo: true\n  other:\n    label: x\n`);
    const blockContext = cursorContext(block.text, block.offset);
    assert.ok(blockContext.kind === 'resource-key');
    assert.deepEqual([...blockContext.at.entries().keys()], ['retention', 'type', 'fifo']);
    const flow = cursor('resources:\n  q: { type: sqs, ‸, retention: 4d }\n');
    const flowContext = cursorContext(flow.text, flow.offset);
    assert.ok(flowContext.kind === 'resource-key');
    assert.deepEqual([...flowContext.at.entries().keys()], ['type', 'retention']);
  });
});

describe('wordAt: the whole word on both sides of the cursor', () => {
  function word(marked: string) {
    const { text, offset } = cursor(marked);
    const doc = new YamlText(text);
    const context = cursorContext(doc, offset);
    if (context.kind === 'comment' || context.kind === 'block-scalar') return context.kind;
    const found = wordAt(doc, context.at);
    return found && { text: text.slice(found.start, found.end), value: found.value, isKey: found.isKey, quoted: found.quoted };
  }

  test('keys: up to the separating colon, whichever side of the cursor', () => {
    assert.deepEqual(word('reso‸urces:\n'), { text: 'resources', value: 'resources', isKey: true, quoted: false });
    assert.deepEqual(word('‸resources:\n'), { text: 'resources', value: 'resources', isKey: true, quoted: false });
    assert.deepEqual(word('resources‸:\n'), { text: 'resources', value: 'resources', isKey: true, quoted: false });
    assert.deepEqual(word('reso‸urces\n'), { text: 'resources', value: 'resources', isKey: false, quoted: false });
    assert.deepEqual(word('a: { ty‸pe: sqs }'), { text: 'type', value: 'type', isKey: true, quoted: false });
    assert.deepEqual(word('a: { "ty‸pe":sqs }'), { text: '"type"', value: 'type', isKey: true, quoted: true });
    assert.deepEqual(word('"a:‸ b": 1'), { text: '"a: b"', value: 'a: b', isKey: true, quoted: true });
  });

  test('values: to the end of the line or the comment; in flow style to the next separator', () => {
    assert.deepEqual(word('timeout: 9‸00   # fifteen minutes\n'), { text: '900', value: '900', isKey: false, quoted: false });
    assert.deepEqual(word('label: "a # ‸b" # c\n'), { text: '"a # b"', value: 'a # b', isKey: false, quoted: true });
    assert.deepEqual(word('label: a#‸b\n'), { text: 'a#b', value: 'a#b', isKey: false, quoted: false });
    assert.deepEqual(word('q: { timeout: 3‸0, memory: 1GB }'), { text: '30', value: '30', isKey: false, quoted: false });
    assert.deepEqual(word('label: "open‸'), { text: '"open', value: 'open', isKey: false, quoted: true });
  });

  test('on spaces before a word, or nothing written: no word', () => {
    assert.equal(word('timeout:‸ 900\n'), undefined);
    assert.equal(word('  ‸  timeout: 1\n'), undefined);
    assert.equal(word('timeout: ‸\n'), undefined);
    assert.equal(word('label: x # co‸mment'), 'comment');
  });
});

describe('cursorContext on any text', () => {
  test('never throws, and every offset it returns is inside the text', () => {
    const pieces = [
      'resources:',
      'flows:',
      '  ',
      '    ',
      '- ',
      'a',
      ': ',
      ':',
      '{',
      '}',
      '[',
      ']',
      ',',
      '"',
      "'",
      '#',
      ' # c',
      '|',
      '>-',
      '---',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '->',
      'type: sqs',
      '🚀',
      '\\',
    ];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: -3, max: 200 }), (source, offset) => {
        const doc = new YamlText(source);
        const context = cursorContext(doc, offset);
        if (context.kind === 'comment') {
          assert.ok(context.start >= 0 && context.start < source.length);
          assert.equal(source[context.start], '#');
          return;
        }
        if (context.kind === 'block-scalar') {
          assert.ok(context.headerLine >= 0 && context.headerLine < doc.lineCount);
          return;
        }
        const { at } = context;
        assert.ok(at.offset >= 0 && at.offset <= source.length);
        assert.ok(at.partialStart >= 0 && at.partialStart <= at.offset, `partial ${at.partialStart} after cursor ${at.offset}`);
        assert.ok(at.valueStart >= 0 && at.valueStart <= at.offset);
        at.entries();
        const found = wordAt(doc, at);
        if (found) assert.ok(found.start >= 0 && found.start <= found.end && found.end <= source.length);
      }),
      { numRuns: 2000 },
    );
  });
});
