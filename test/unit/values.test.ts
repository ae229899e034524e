import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSeconds, parseDuration, parseMegabytes, parseRate, parseSize } from '../../src/core/parse/values';

describe('durations', () => {
  const cases: [unknown, number | undefined][] = [
    ['30s', 30], ['6m', 360], ['2h', 7200], ['4d', 345600], ['250ms', 0.25], ['1h30m', 5400],
    [900, 900], ['900', 900], ['1.5h', 5400], ['', undefined], ['abc', undefined], ['10 s', undefined],
    ['5x', undefined], [-1, undefined], ['1h 30m', undefined], [true, undefined], [null, undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(parseDuration(input), expected));
  }
});

describe('sizes (KB = 1,024 bytes)', () => {
  const cases: [unknown, number | undefined][] = [
    ['2KB', 2048], ['1MB', 1048576], ['10GB', 10 * 1024 ** 3], ['256KiB', 262144], ['1 MiB', 1048576],
    ['2kb', 2048], [1024, 1024], ['1024', 1024], ['12XB', undefined], ['MB', undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(parseSize(input), expected));
  }
  test('memory: a bare number is MB', () => {
    assert.equal(parseMegabytes(512), 512);
    assert.equal(parseMegabytes('2GB'), 2048);
    assert.equal(parseMegabytes('512MB'), 512);
    assert.equal(parseMegabytes('12GB'), 12288);
  });
});

describe('rates (per second)', () => {
  const cases: [unknown, number | undefined][] = [
    ['20/s', 20], ['1200/min', 20], ['5/h', 5 / 3600], ['100000/day', 100000 / 86400], ['3 / s', 3],
    ['20', undefined], [20, undefined], ['20/week', undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(parseRate(input), expected));
  }
});

test('formatSeconds', () => {
  assert.equal(formatSeconds(1200), '20 min');
  assert.equal(formatSeconds(90), '1 min 30 s');
  assert.equal(formatSeconds(0.25), '250 ms');
  assert.equal(formatSeconds(86400 * 14), '14 d');
});
