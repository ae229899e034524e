/**
 * The preview's pure parts, in Node: the views of a large diagram (focus, group), the
 * reduced Mermaid text, and the check of incoming messages.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LARGE_DIAGRAM_NODES, focusSet, groupSet, groupsOf, outlines, planView, reduceMermaid } from '../../webview/graph';
import { MalformedMessage, parseToWebview } from '../../webview/messages';
import { diagramResult } from './harness';

const TEXT = [
  'awsflow: 1',
  'resources:',
  '  web: { type: client, label: "Web <b>app</b>" }',
  '  api: { type: api-gateway, group: "edge & [front]" }',
  '  jobs: { type: sqs, group: work, deadLetter: { target: jobs-dlq, maxReceiveCount: 3 } }',
  '  jobs-dlq: { type: sqs, group: work }',
  '  worker: { type: lambda, timeout: 20m, group: work }',
  '  done: { type: sns, encryption: kms }',
  '  notify: { type: lambda }',
  '  audit: { type: lambda }',
  'flows:',
  '  - web -> api',
  '  - api -> jobs: { rate: 20/s }',
  '  - jobs -> worker',
  '  - worker -> done -> notify',
  '  - done -> audit',
  '',
].join('\n');

for (const icons of [false, true]) {
  describe(`large-diagram views (${icons ? 'icon' : 'plain'} nodes)`, () => {
    const diagram = diagramResult(TEXT, { icons });
    const id = (resourceId: string) => diagram.nodes.find((n) => n.resourceId === resourceId)!.id;
    const resources = (ids: Iterable<string>) => [...ids].map((n) => diagram.nodes.find((node) => node.id === n)!.resourceId).sort();

    test('groups come from the typed graph: titles as written, members in order, ids those of the subgraphs', () => {
      assert.deepEqual(
        groupsOf(diagram).map((g) => [g.title, resources(g.nodeIds)]),
        [
          ['edge & [front]', ['api']],
          ['work', ['jobs', 'jobs-dlq', 'worker']],
        ],
      );
      for (const group of groupsOf(diagram)) assert.match(diagram.mermaid, new RegExp(`^ {2}subgraph ${group.id}\\[`, 'm'));
    });

    test('focus: the node, everything upstream and downstream, not its siblings', () => {
      assert.deepEqual(resources(focusSet(diagram, id('worker'))), ['api', 'audit', 'done', 'jobs', 'notify', 'web', 'worker']);
      // notify's upstream goes through done, but audit (done's other branch) is neither up- nor downstream of notify.
      assert.deepEqual(resources(focusSet(diagram, id('notify'))), ['api', 'done', 'jobs', 'notify', 'web', 'worker']);
      // Dead-letter connections count: the DLQ is downstream of its queue.
      assert.ok(focusSet(diagram, id('jobs')).has(id('jobs-dlq')));
    });

    test('group: its members and their direct neighbours outside it', () => {
      const work = groupsOf(diagram).find((g) => g.title === 'work')!;
      assert.deepEqual(resources(groupSet(diagram, work)), ['api', 'done', 'jobs', 'jobs-dlq', 'worker']);
    });

    test('the reduced text keeps exactly the kept nodes, their edges, classes and non-empty subgraphs', () => {
      const keep = new Set([id('web'), id('api'), id('worker')]);
      const view = reduceMermaid({ text: diagram.mermaid, outline: diagram.outline }, keep);
      const reduced = view.text;
      assert.equal(view.outline.length, reduced.split('\n').length - 1, 'the reduced outline describes the reduced text');
      const full = diagram.mermaid.split('\n');
      const lines = reduced.split('\n');
      // Every line comes from the full text (class lines may lose ids), in the same order.
      let at = 0;
      for (const line of lines.filter((l) => !/^\s*class /.test(l) && l !== '')) {
        at = full.indexOf(line, at);
        assert.ok(at >= 0, `'${line}' is a line of the full text, in order`);
      }
      const named = new Set([...reduced.matchAll(/\bn\d+\b/g)].map((m) => m[0]));
      assert.deepEqual([...named].sort(), [...keep].sort(), 'no dropped node is named anywhere');
      assert.match(reduced, new RegExp(`^ {2}${id('web')} --> ${id('api')}$`, 'm'));
      // worker's group keeps its subgraph; `jobs` was its only other member there and is gone.
      assert.equal((reduced.match(/^ {2}subgraph /gm) ?? []).length, 2);
      assert.match(reduced, new RegExp(`^ {2}class ${id('worker')} error$`, 'm'));
      assert.match(reduced, /^ {2}classDef error /m);
      // A subgraph left empty is left out.
      assert.doesNotMatch(reduceMermaid({ text: diagram.mermaid, outline: diagram.outline }, new Set([id('web')])).text, /subgraph/);
    });

    test('a text its outline does not describe is never cut: it comes back whole', () => {
      const odd = { text: `${diagram.mermaid}  n0 --> --> n1\n`, outline: diagram.outline };
      assert.equal(outlines(odd), false);
      assert.equal(outlines({ text: diagram.mermaid, outline: diagram.outline }), true);
      assert.equal(reduceMermaid(odd, new Set([id('web')])), odd);
    });

    test('small diagrams are drawn whole, with no notice', () => {
      const plan = planView(diagram, 'focus', null);
      assert.equal(plan.text, diagram.mermaid);
      assert.equal(plan.notice, undefined);
    });
  });
}

describe('large-diagram plans', () => {
  const lines = ['awsflow: 1', 'resources:'];
  const flows: string[] = [];
  for (let i = 0; i <= LARGE_DIAGRAM_NODES; i++) {
    lines.push(`  r${i}: { type: ${i % 2 ? 'lambda' : 'sqs'}, group: g${Math.floor(i / 10)} }`);
    if (i % 10) flows.push(`  - r${i - 1} -> r${i}`);
  }
  const diagram = diagramResult([...lines, 'flows:', ...flows, ''].join('\n'), { icons: true });

  test('focus on the resource at the cursor, saying so', () => {
    const plan = planView(diagram, 'focus', 'r25');
    assert.deepEqual(plan.keep && [...plan.keep].map((n) => diagram.nodes.find((node) => node.id === n)!.resourceId).sort(), [
      'r20',
      'r21',
      'r22',
      'r23',
      'r24',
      'r25',
      'r26',
      'r27',
      'r28',
      'r29',
    ]);
    assert.match(plan.notice!.summary, new RegExp(`${diagram.nodes.length} resources`));
    assert.match(plan.notice!.detail, /r25 \(the resource at the cursor\).*10 of 151/);
    assert.equal(plan.edges.length, 9);
  });

  test('without a cursor, focus on the first resource with a problem and say how to choose', () => {
    const plan = planView(diagram, 'focus', null);
    const center =
      diagram.nodes.find((n) => n.severity === 'error') ?? diagram.nodes.find((n) => n.severity === 'warning') ?? diagram.nodes[0]!;
    assert.ok(plan.keep!.has(center.id));
    assert.match(plan.notice!.detail, /move the cursor onto a resource/);
  });

  test('a group view, everything, and an unknown choice falling back to focus', () => {
    const group = planView(diagram, 'group:g3', null);
    assert.equal(group.keep!.size, 10);
    assert.match(group.notice!.detail, /group “g3”: its 10 resources \(10 of 151\)/);
    assert.ok(group.notice!.choices.some((c) => c.value === 'group:g3' && c.label === 'Group: g3 (10)'));
    const all = planView(diagram, 'all', null);
    assert.equal(all.text, diagram.mermaid);
    assert.match(all.notice!.detail, /all 151 resources/);
    assert.equal(planView(diagram, 'group:nope', 'r3').notice!.selected, 'focus');
  });
});

describe('messages from the extension', () => {
  const diagram = diagramResult(TEXT);

  test('well-formed messages pass, with only the fields the preview knows', () => {
    assert.deepEqual(parseToWebview({ type: 'render', version: 3, layout: 'elk', diagram: { ...diagram, extra: 1 } }), {
      type: 'render',
      version: 3,
      layout: 'elk',
      diagram,
    });
    assert.deepEqual(parseToWebview({ type: 'stale', version: 2, reason: 'broken' }), { type: 'stale', version: 2, reason: 'broken' });
    assert.deepEqual(parseToWebview({ type: 'highlight', resourceId: null }), { type: 'highlight', resourceId: null });
    assert.deepEqual(parseToWebview({ type: 'fit', x: 1 }), { type: 'fit' });
  });

  test('messages that are not ours are ignored; broken ones of ours say what is wrong', () => {
    for (const other of [null, 'render', 42, [], { type: 'something' }, { kind: 'render' }]) assert.equal(parseToWebview(other), undefined);
    const broken: [unknown, RegExp][] = [
      [{ type: 'render', version: '1', layout: 'dagre', diagram }, /version/],
      [{ type: 'render', version: 1, layout: 'radial', diagram }, /layout/],
      [{ type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, mermaid: undefined } }, /Mermaid/],
      [
        { type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, nodes: [{ ...diagram.nodes[0], id: 'n0"]' }] } },
        /node is malformed/,
      ],
      [
        { type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, nodes: [diagram.nodes[0], diagram.nodes[0]] } },
        /share an id/,
      ],
      [
        { type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, edges: [{ ...diagram.edges[0], to: 'n999' }] } },
        /not in the diagram/,
      ],
      [
        { type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, nodes: [{ ...diagram.nodes[0], messages: [1] }] } },
        /node is malformed/,
      ],
      [
        { type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, edges: [{ ...diagram.edges[0], style: 'dashed' }] } },
        /edge is malformed/,
      ],
      [{ type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, verdict: { kind: 'maybe' } } }, /verdict/],
      [
        { type: 'render', version: 1, layout: 'dagre', diagram: { ...diagram, groups: [{ id: 'g0', label: 'x', members: ['n999'] }] } },
        /group is malformed/,
      ],
      [
        {
          type: 'render',
          version: 1,
          layout: 'dagre',
          diagram: { ...diagram, outline: [...diagram.outline.slice(0, -1), { kind: 'node', id: 'n999' }] },
        },
        /line of the outline is malformed/,
      ],
      [{ type: 'stale', version: 1 }, /reason/],
      [{ type: 'highlight', resourceId: { id: 'x' } }, /resource id/],
    ];
    for (const [message, reason] of broken) {
      const parsed = parseToWebview(message);
      assert.ok(parsed instanceof MalformedMessage, JSON.stringify(message).slice(0, 120));
      assert.match(parsed.reason, reason);
    }
  });
});
