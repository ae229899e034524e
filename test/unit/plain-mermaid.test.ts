import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, plainFlowchart, plainLabel } from '../../src/core/index';

const plain = (lines: string[]) => plainFlowchart(analyze([...lines, ''].join('\n')));

describe('plain Mermaid flowchart (for GitHub, Mermaid Live, any Mermaid)', () => {
  test('the architecture in standard flowchart syntax: title, groups, a shape per type, rates, dead letters dashed', () => {
    const text = plain([
      'awsflow: 1',
      'name: order pipeline',
      'resources:',
      '  web: { type: client, label: Web app }',
      '  api: { type: api-gateway, group: edge }',
      '  jobs: { type: sqs, deadLetter: { target: jobs-dlq, maxReceiveCount: 3 } }',
      '  jobs-dlq: { type: sqs }',
      '  worker: { type: lambda, timeout: 20m }',
      '  done: { type: sns }',
      '  notify: { type: lambda }',
      'flows:',
      '  - web -> api',
      '  - api -> jobs: { rate: 20/s }',
      '  - jobs -> worker -> done -> notify',
    ]);
    assert.equal(
      text,
      [
        '---',
        'title: "order pipeline"',
        '---',
        'flowchart LR',
        '  subgraph group_edge["edge"]',
        '    api[/"api (API Gateway)"\\]',
        '  end',
        '  web>"Web app (client)"]',
        '  jobs[["jobs (SQS queue)"]]',
        '  jobs_dlq[["jobs-dlq (SQS queue)"]]',
        '  worker("worker (Lambda)")',
        '  done{{"done (SNS topic)"}}',
        '  notify("notify (Lambda)")',
        '  web --> api',
        '  api -->|"20/s"| jobs',
        '  jobs -->|"≈20/s"| worker',
        '  worker -->|"≈20/s"| done',
        '  done ==>|"≈20/s"| notify',
        '  jobs -.->|"dead letter"| jobs_dlq',
        '  classDef deadletter stroke-dasharray:4 3',
        '  class jobs_dlq deadletter',
        '',
      ].join('\n'),
    );
  });

  test('nothing only our preview can draw: no icon shapes, no HTML, no finding classes, no title without a name', () => {
    const text = plain([
      'awsflow: 1',
      'resources:',
      '  q: { type: sqs, visibilityTimeout: 10s }',
      '  f: { type: lambda, timeout: 20m }',
      'flows:',
      '  - q -> f',
    ]);
    assert.ok(
      analyze(
        'awsflow: 1\nresources:\n  q: { type: sqs, visibilityTimeout: 10s }\n  f: { type: lambda, timeout: 20m }\nflows:\n  - q -> f\n',
      ).findings.some((f) => f.severity === 'error'),
      'the file has findings',
    );
    assert.doesNotMatch(text, /@\{|<|>"|classDef (error|warning)|:::|^---/m);
    assert.match(text, /^flowchart LR\n {2}q\[\["q \(SQS queue\)"\]\]\n {2}f\("f \(Lambda\)"\)\n {2}q --> f\n$/);
  });

  test('node ids are the resource ids made safe: keywords, punctuation, digits and collisions', () => {
    const text = plain([
      'awsflow: 1',
      'resources:',
      '  end: { type: sqs }',
      '  End2: { type: sqs }',
      '  style: { type: sqs }',
      '  class: { type: sqs, group: a-b }',
      '  a-b: { type: lambda }',
      '  a.b: { type: lambda }',
      '  a_b: { type: lambda }',
      '  ops: { type: lambda }',
      '  xray: { type: lambda }',
      '  group_a_b: { type: lambda }',
      'flows:',
      '  - end -> ops',
      '  - style -> xray',
    ]);
    const ids = text
      .split('\n')
      .filter((line) => /^ {2,4}\w+[[({>]/.test(line) && !line.includes('subgraph'))
      .map((line) => /^\s*(\w+)/.exec(line)![1]);
    assert.deepEqual(ids, ['id_class', 'id_end', 'End2', 'id_style', 'a_b', 'a_b_2', 'a_b_3', 'ops', 'xray', 'group_a_b']);
    // The group's id comes after the resources': it steps aside for `group_a_b`.
    assert.match(text, /^ {2}subgraph group_a_b_2\["a-b"\]$/m);
    assert.match(text, /^ {2}id_end --> ops$/m);
    assert.match(text, /^ {2}id_style --> xray$/m);
  });

  test('labels: entity codes for what could end the string, read as HTML, open a directive or a Markdown string', () => {
    assert.equal(
      plainLabel('say "hi" #1 <b>&</b> `x` %%{init}%% 50%'),
      'say #quot;hi#quot; #35;1 #60;b#62;#38;#60;/b#62; #96;x#96; #37;#37;{init}#37;#37; 50#37;',
    );
    assert.equal(plainLabel('two\nlines\u2028and\u0007bell'), 'two lines and bell');
    assert.equal(
      plainLabel('(parens) [brackets] {braces} | pipe ; semi'),
      '(parens) [brackets] {braces} | pipe ; semi',
      'inside quotes these are text',
    );
    const text = plain([
      'awsflow: 1',
      'name: "a \\"quoted\\" %%{init: {}}%% name"',
      'resources:',
      '  q: { type: sqs, label: "x\\"]\\nclick q call alert()" }',
    ]);
    assert.match(text, /^title: "a \\"quoted\\" %%\{init: \{\}\}%% name"$/m, 'the title is a YAML string in the front matter');
    assert.match(text, /^ {2}q\[\["x#quot;\] click q call alert\(\) \(SQS queue\)"\]\]$/m);
    assert.equal(text.split('\n').length, 6, 'one line per statement: three of front matter, the header, the node, the end');
  });
});
