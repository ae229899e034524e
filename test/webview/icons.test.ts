/**
 * The AWS icons: the bundled subset is exactly what the build step writes, holds every
 * icon the core can name, and the core's icon nodes keep user text inside the label.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { AWS_ICON_NAMES, ICON_PACK } from '../../src/core/diagram/icons';
import { buildDiagram } from '../../src/core/diagram/mermaid';
import { RESOURCE_TYPES } from '../../src/core/model/properties';
import { ROOT } from './harness';

interface BuildIcons {
  AWS_ICON_NAMES: string[];
  OUTPUT: string;
  iconSubset(root: string): string;
}

const loadScript = (): Promise<BuildIcons> => import(join(ROOT, 'scripts/build-icons.mjs')) as Promise<BuildIcons>;

describe('AWS icons', () => {
  test('the committed subset is what scripts/build-icons.mjs writes, for the names the core uses', async () => {
    const script = await loadScript();
    assert.deepEqual(script.AWS_ICON_NAMES, [...AWS_ICON_NAMES], 'the build step and the core name the same icons');
    const committed = readFileSync(join(ROOT, script.OUTPUT), 'utf8');
    assert.equal(committed, script.iconSubset(ROOT), 'webview/generated/aws-icons.json is up to date (node scripts/build-icons.mjs)');
    const subset = JSON.parse(committed) as { prefix: string; icons: Record<string, { body: string }> };
    assert.equal(subset.prefix, ICON_PACK);
    assert.deepEqual(Object.keys(subset.icons).sort(), [...AWS_ICON_NAMES].sort());
    for (const [name, icon] of Object.entries(subset.icons)) {
      assert.ok(icon.body.includes('<path'), `${name} has a drawing`);
      assert.doesNotMatch(icon.body, /href\s*=\s*["'](?!#)|<script|\son\w+=/i, `${name} loads nothing and runs nothing`);
    }
    assert.ok(Buffer.byteLength(committed) < 64 * 1024, 'a small module, not the 8 MB set');
  });

  test('every resource type gets a bundled icon or keeps its plain shape; Fargate ECS services draw as Fargate, Scheduler schedules as Scheduler, streamed tables as DynamoDB Streams', () => {
    const text = [
      'awsflow: 1',
      'resources:',
      ...RESOURCE_TYPES.map((type) => `  r-${type}: { type: ${type} }`),
      '  fargate: { type: ecs, launchType: fargate }',
      "  scheduler: { type: schedule, kind: scheduler, expression: 'rate(5 minutes)' }",
      "  one-time: { type: schedule, expression: 'at(2027-01-01T09:00:00)' }",
      "  rule: { type: schedule, kind: rule, expression: 'rate(5 minutes)' }",
      '  streamed: { type: dynamodb, stream: true }',
      '',
    ].join('\n');
    const diagram = buildDiagram(analyze(text), { icons: true });
    const iconOf = new Map(
      diagram.nodes.map((node) => [
        node.resourceId,
        new RegExp(`^\\s*${node.id}@\\{ icon: "${ICON_PACK}:([\\w-]+)"`, 'm').exec(diagram.mermaid)?.[1],
      ]),
    );
    for (const [resource, icon] of iconOf)
      if (icon) assert.ok((AWS_ICON_NAMES as readonly string[]).includes(icon), `${resource}: ${icon} is bundled`);
    assert.equal(iconOf.get('r-sqs'), 'aws-sqs');
    assert.equal(iconOf.get('r-firehose'), 'aws-kinesis');
    assert.equal(iconOf.get('r-schedule'), 'aws-eventbridge');
    assert.equal(iconOf.get('r-alb'), 'aws-elb');
    assert.equal(iconOf.get('r-ecs'), 'aws-ecs');
    assert.equal(iconOf.get('fargate'), 'aws-fargate');
    // EventBridge Scheduler (written, or implied by at(…)) draws as Scheduler; a scheduled rule as EventBridge.
    assert.equal(iconOf.get('scheduler'), 'aws-eventbridge-scheduler');
    assert.equal(iconOf.get('one-time'), 'aws-eventbridge-scheduler');
    assert.equal(iconOf.get('rule'), 'aws-eventbridge');
    // A table with its stream on draws as DynamoDB Streams; one without, as DynamoDB.
    assert.equal(iconOf.get('streamed'), 'aws-dynamodb-stream');
    assert.equal(iconOf.get('r-dynamodb'), 'aws-dynamodb');
    assert.equal(iconOf.get('r-stepfunctions'), 'aws-step-functions');
    assert.equal(iconOf.get('r-eventbridge'), 'aws-eventbridge');
    for (const plain of ['r-client', 'r-efs', 'r-apprunner']) assert.equal(iconOf.get(plain), undefined, `${plain} keeps a plain shape`);
    assert.match(diagram.mermaid, /^ {2}n\d+>"r-client<br\/><small>client<\/small>"\]$/m);
  });

  test('without the option the output is unchanged: no icon syntax at all', () => {
    const text = 'awsflow: 1\nresources:\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f\n';
    const plain = buildDiagram(analyze(text));
    assert.doesNotMatch(plain.mermaid, /@\{/);
    assert.equal(plain.mermaid, buildDiagram(analyze(text), { icons: false }).mermaid);
    const withIcons = buildDiagram(analyze(text), { icons: true });
    // Only the node lines differ.
    const differing = plain.mermaid.split('\n').filter((line, i) => line !== withIcons.mermaid.split('\n')[i]);
    assert.deepEqual(
      differing.map((line) => line.trim().split(/[[(]/)[0]),
      ['n0', 'n1'],
    );
  });

  test('an icon node label keeps quotes, braces, directives, newlines and control characters inside it', () => {
    const hostile =
      '"} click n0 call alert(1) %%{init: {"securityLevel":"loose"}}%% <img src=x onerror=alert(1)> \\" \u0007\u0000\u2028 `md` *em*';
    const yaml = hostile
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replaceAll('\u0007', '\\a')
      .replaceAll('\u0000', '\\0')
      .replace(/\u2028/g, '\\L');
    const diagram = buildDiagram(analyze(`awsflow: 1\nresources:\n  a: { type: sqs, label: "${yaml}\\nsecond line" }\n`), { icons: true });
    const line = diagram.mermaid.split('\n').find((l) => l.includes('@{'))!;
    const match = /^ {2}n0@\{ icon: "logos:aws-sqs", form: "square", label: "([^"]*)", labelType: "text", pos: "b", h: 48 \}$/.exec(line);
    assert.ok(match, `one well-formed icon node: ${line}`);
    const suffix = '<br/><small>SQS queue</small>';
    assert.ok(match[1]!.endsWith(suffix));
    const label = match[1]!.slice(0, -suffix.length);
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    assert.doesNotMatch(label, /[{}"\\%<>`\u0000-\u001f\u2028]/, 'nothing in the label can end the string or the block');
    assert.equal(
      label.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
      `${hostile} second line`,
    );
    const tame = buildDiagram(analyze('awsflow: 1\nresources:\n  a: { type: sqs, label: tame }\n'), { icons: true });
    assert.equal(diagram.mermaid.split('\n').length, tame.mermaid.split('\n').length, 'the label stays on its node line');
  });
});
