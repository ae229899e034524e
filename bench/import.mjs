// `awsflow import` of generated CloudFormation templates (issue 15): the core's
// importTemplates (read with ranges, resolve, map, write with source map) against
// `yaml`'s parseDocument of the same text, measured in the same run. Target: a
// 1,000-resource template imported in under 1 s; and the same template checked in place
// (checkTemplate: import, analysis, findings moved back onto the template).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * A template of `size` resources in the shapes real ones have: queues with dead-letter
 * queues, functions with event source mappings and IAM roles scoped to a queue, topics
 * with subscriptions, parameters and `!Sub`/`!GetAtt`/`!Ref`.
 */
export function generateTemplate(size) {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Parameters:', '  Stage: { Type: String, Default: prod }', 'Resources:'];
  let count = 0;
  for (let i = 0; count < size; i++) {
    lines.push(
      `  Jobs${i}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      `      QueueName: !Sub "jobs-${i}-\${Stage}"`,
      `      VisibilityTimeout: ${60 + (i % 10) * 30}`,
      `      RedrivePolicy: { deadLetterTargetArn: !GetAtt Dead${i}.Arn, maxReceiveCount: 5 }`,
      `  Dead${i}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties: { MessageRetentionPeriod: 1209600 }',
      `  Topic${i}:`,
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      `      Subscription: [{ Protocol: sqs, Endpoint: !GetAtt Jobs${i}.Arn }]`,
      `  Role${i}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument: {}',
      '      Policies:',
      '        - PolicyName: send',
      '          PolicyDocument:',
      '            Statement:',
      `              - { Effect: Allow, Action: sns:Publish, Resource: !Ref Topic${(i + 1) % Math.ceil(size / 6)} }`,
      `  Worker${i}:`,
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Runtime: nodejs22.x',
      '      MemorySize: 1024',
      '      Timeout: 10',
      `      Role: !GetAtt Role${i}.Arn`,
      '      Environment: { Variables: { STAGE: !Ref Stage } }',
      `  Mapping${i}:`,
      '    Type: AWS::Lambda::EventSourceMapping',
      `    Properties: { EventSourceArn: !GetAtt Jobs${i}.Arn, FunctionName: !Ref Worker${i}, BatchSize: 10 }`,
    );
    count += 6;
  }
  return lines.join('\n') + '\n';
}

export const benches = [
  async ({ out, root, median, ms, ratio, record }) => {
    const core = await import(pathToFileURL(join(root, 'dist/core-browser.js')).href);
    const yaml = require('yaml');
    const time = (fn, runs) => {
      fn();
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        fn();
        samples.push(performance.now() - start);
      }
      return median(samples);
    };
    out('## Import');
    out();
    out(
      '`awsflow import` in the core (`importTemplates`: read the template with ranges, resolve intrinsics, map, write with the source map), against `yaml` parseDocument of the same template in the same run. Templates from `bench/import.mjs`: queues with dead-letter queues, topics with subscriptions, functions with event source mappings and IAM roles, `!Sub`/`!GetAtt`/`!Ref`. Target: 1,000 resources in under 1 s.',
    );
    out();
    out('| resources | template | `yaml` parseDocument | awsflow import | vs `yaml` | resources out | flows out | target |');
    out('|---|---|---|---|---|---|---|---|');
    for (const size of [1000, 5000]) {
      const text = generateTemplate(size);
      const runs = size >= 5000 ? 5 : 9;
      const parse = time(() => yaml.parseDocument(text), runs);
      const imported = time(() => core.importTemplates([{ name: 'bench.yaml', text }], 'bench'), runs);
      const result = core.importTemplates([{ name: 'bench.yaml', text }], 'bench');
      record('import', size, { parse, imported });
      const verdict = size === 1000 ? (imported < 1000 ? 'met' : '**not met**') : '';
      out(
        `| ${size.toLocaleString('en-US')} | ${(text.length / 1024).toFixed(0)} KiB | ${ms(parse)} | ${ms(imported)} | ${ratio(imported, parse)} | ${result.sourceMap.resources.length} | ${result.sourceMap.flows.length} | ${verdict} |`,
      );
    }
    out();
    out('### Check a template in place');
    out();
    out(
      "`awsflow check template.yaml` in the core (`checkTemplate`: the import above, the analysis of the `.awsflow` text it writes, every finding moved back onto the template through the source map, the template's `# awsflow-ignore` comments applied), against `yaml` parseDocument of the same template in the same run. Same templates. Target: 1,000 resources in under 1 s, as for the import.",
    );
    out();
    out(
      "The edit column is what an editor does on each keystroke: the same template with one value changed (`MemorySize: 1024` ↔ `2048`), checked again with the document's `TemplateReader` and `Analyzer` kept from the version before (only the resource the edit touches is parsed again).",
    );
    out();
    out('| resources | `yaml` parseDocument | awsflow check | vs `yaml` | edit, checked again | findings | target |');
    out('|---|---|---|---|---|---|---|');
    for (const size of [1000, 5000]) {
      const text = generateTemplate(size);
      const runs = size >= 5000 ? 5 : 9;
      const parse = time(() => yaml.parseDocument(text), runs);
      const checked = time(() => core.checkTemplate(text, { name: 'bench.yaml' }), runs);
      const result = core.checkTemplate(text, { name: 'bench.yaml' });
      const analyzer = new core.Analyzer();
      const reader = new core.TemplateReader();
      let current = text;
      let edit = 0;
      const edited = time(() => {
        current = current.replace(/MemorySize: (?:1024|2048)/, edit++ % 2 ? 'MemorySize: 1024' : 'MemorySize: 2048');
        core.checkTemplate(current, { name: 'bench.yaml' }, analyzer, reader);
      }, 21);
      record('check-template', size, { parse, checked, edited });
      const verdict = size === 1000 ? (checked < 1000 ? 'met' : '**not met**') : '';
      out(
        `| ${size.toLocaleString('en-US')} | ${ms(parse)} | ${ms(checked)} | ${ratio(checked, parse)} | ${ms(edited)} | ${result.kind === 'checked' ? result.findings.length : result.kind} | ${verdict} |`,
      );
    }
    out();
  },
];
