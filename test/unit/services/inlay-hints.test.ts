import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/index';
import { inlayHints } from '../../../src/core/services/inlay-hints';
import { strip } from '../../helpers/markers';

/** Hints over the whole text, as [offset, label]. */
function hintsOf(text: string): [number, string][] {
  return inlayHints(analyze(text), { start: 0, end: text.length }).map((h) => [h.offset, h.label]);
}

/** Each `«…»` marks a value whose hint is expected at its end, with the labels in order. */
function expectHints(marked: string, labels: string[]): void {
  const { text, ranges } = strip(marked);
  assert.deepEqual(
    hintsOf(text),
    ranges.map((r, i) => [r.end, labels[i]]),
  );
}

describe('inlay hints', () => {
  test('bare durations in human form; mixed units in seconds', () => {
    expectHints(
      'resources:\n  f:\n    type: lambda\n    timeout: «900»\n    duration: «90»\n  q:\n    type: sqs\n    visibilityTimeout: «1h30m»\n    retention: «"345600"»\n    delay: «0.5»\n',
      [' = 15 min', ' = 1 min 30 s', ' = 5,400 s', ' = 4 d', ' = 500 ms'],
    );
  });

  test('values that already say their unit get nothing', () => {
    assert.deepEqual(
      hintsOf(
        'resources:\n  f: { type: lambda, timeout: 30s, memory: 2GB, ephemeralStorage: 1GB, duration: 250ms }\n  q: { type: sqs, maxMessageSize: 256KiB, retention: 14d }\n  s: { type: ecs, cpu: 0.5 vCPU, memory: 1GB }\n',
      ),
      [],
    );
  });

  test('bare memory is MB; bare sizes are bytes, in KiB/MiB when exact', () => {
    expectHints(
      'resources:\n  f: { type: lambda, memory: «3008», ephemeralStorage: «1024» }\n  q: { type: sqs, maxMessageSize: «262144» }\n  r: { type: sqs, maxMessageSize: «1048577» }\n  s: { type: sqs, maxMessageSize: «512» }\n',
      [' MB', ' MB', ' = 256 KiB', ' bytes', ' bytes'],
    );
  });

  test('bare CPU units in vCPU', () => {
    expectHints(
      'resources:\n  s: { type: ecs, launchType: fargate, cpu: «512», memory: «1024» }\n  a: { type: apprunner, cpu: «1024» }\n',
      [' = 0.5 vCPU', ' MB', ' = 1 vCPU'],
    );
  });

  test('nested objects, defaults and connection properties', () => {
    expectHints(
      'defaults:\n  lambda: { timeout: «60» }\nresources:\n  h:\n    type: firehose\n    buffer: { size: «1048576», interval: «120» }\n  q: { type: sqs }\n  f: { type: lambda }\nflows:\n  - q -> f: { batchWindow: «20», size: «4096» }\n',
      [' = 1 min', ' = 1 MiB', ' = 2 min', ' = 20 s', ' = 4 KiB'],
    );
  });

  test('a tooltip says the value in AWS unit', () => {
    const text =
      'resources:\n  f: { type: lambda, timeout: 900, memory: 512 }\n  q: { type: sqs, maxMessageSize: 2048 }\n  s: { type: ecs, cpu: 256 }\n';
    assert.deepEqual(
      inlayHints(analyze(text), { start: 0, end: text.length }).map((h) => h.tooltip),
      [
        '`900` is 900 seconds.',
        '`512` is 512 MB: a bare number here is megabytes (MiB, as AWS counts).',
        '`2048` is 2,048 bytes (1 KiB = 1,024 bytes).',
        '`256` is 256 CPU units (1,024 units = 1 vCPU).',
      ],
    );
  });

  test('only hints whose offset lies in the range', () => {
    const { text, ranges } = strip(
      'resources:\n  a: { type: lambda, timeout: «900» }\n  b: { type: lambda, timeout: «60» }\n  c: { type: lambda, timeout: «30» }\n',
    );
    const [a, b, c] = ranges as [(typeof ranges)[0], (typeof ranges)[0], (typeof ranges)[0]];
    const analysis = analyze(text);
    assert.deepEqual(
      inlayHints(analysis, { start: b.start, end: b.end }).map((h) => h.offset),
      [b.end],
    );
    assert.deepEqual(
      inlayHints(analysis, { start: a.end, end: c.end }).map((h) => h.offset),
      [a.end, b.end, c.end],
    );
    assert.deepEqual(inlayHints(analysis, { start: a.end + 1, end: b.end - 1 }), []);
  });

  test('unknown types, unknown properties and unreadable values give nothing', () => {
    assert.deepEqual(
      hintsOf('resources:\n  x: { type: sqss, delay: 30 }\n  y: { type: sqs, wait: 30, delay: soon, retention: }\n  z: { delay: 30 }\n'),
      [],
    );
  });

  test('empty, half-typed and hostile input', () => {
    assert.deepEqual(hintsOf(''), []);
    assert.deepEqual(hintsOf('resources:\n  f:\n    type: lambda\n    timeout:\n    memory: [\n'), []);
    assert.deepEqual(hintsOf('- a\n- b\n'), []);
    const many = Array.from({ length: 2000 }, (_, i) => `  f${i}: { type: lambda, timeout: ${i + 1} }`).join('\n');
    const text = `resources:\n${many}\n`;
    const hints = inlayHints(analyze(text), { start: 0, end: text.length });
    assert.equal(hints.length, 2000);
    assert.deepEqual(hints[899]!.label, ' = 15 min');
  });
});
