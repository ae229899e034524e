import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRate, formatRate, formatSeconds, parseDuration, parseMegabytes, parseRate, parseSize } from '../../src/core/parse/values';

describe('durations', () => {
  const cases: [unknown, number | undefined][] = [
    ['30s', 30],
    ['6m', 360],
    ['2h', 7200],
    ['4d', 345600],
    ['250ms', 0.25],
    ['1h30m', 5400],
    [900, 900],
    ['900', 900],
    ['1.5h', 5400],
    ['', undefined],
    ['abc', undefined],
    ['10 s', undefined],
    ['5x', undefined],
    [-1, undefined],
    ['1h 30m', undefined],
    [true, undefined],
    [null, undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(parseDuration(input), expected));
  }
});

describe('sizes (KB = 1,024 bytes)', () => {
  const cases: [unknown, number | undefined][] = [
    ['2KB', 2048],
    ['1MB', 1048576],
    ['10GB', 10 * 1024 ** 3],
    ['256KiB', 262144],
    ['1 MiB', 1048576],
    ['2kb', 2048],
    [1024, 1024],
    ['1024', 1024],
    ['12XB', undefined],
    ['MB', undefined],
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
    ['20/s', 20],
    ['1200/min', 20],
    ['5/h', 5 / 3600],
    ['100000/day', 100000 / 86400],
    ['3 / s', 3],
    ['20', undefined],
    [20, undefined],
    ['20/week', undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected}`, () => assert.equal(parseRate(input), expected));
  }
});

test('formatRate: the first unit that makes the rate at least 1, whole numbers when they are', () => {
  assert.equal(formatRate(20), '20/s');
  assert.equal(formatRate(1200), '1,200/s');
  assert.equal(formatRate(0), '0/s');
  assert.equal(formatRate(1), '1/s');
  assert.equal(formatRate(0.5), '30/min');
  assert.equal(formatRate(1 / 60), '1/min');
  assert.equal(formatRate(1 / 300), '12/h');
  assert.equal(formatRate(1 / 3600), '1/h');
  assert.equal(formatRate(1 / 86400), '1/day');
  assert.equal(formatRate(1 / (7 * 86400)), '0.14/day');
  assert.equal(formatRate(1 / (365 * 86400)), '0.0027/day');
  assert.equal(formatRate(100000 / 86400), '1.16/s');
  assert.deepEqual(describeRate(1 / 86400), { text: '1/day', exact: true });
  assert.deepEqual(describeRate(1 / (7 * 86400)), { text: '0.14/day', exact: false });
  assert.deepEqual(describeRate(100 / 3), { text: '33.33/s', exact: false });
});

test('formatSeconds', () => {
  assert.equal(formatSeconds(1200), '20 min');
  assert.equal(formatSeconds(90), '1 min 30 s');
  assert.equal(formatSeconds(0.25), '250 ms');
  assert.equal(formatSeconds(86400 * 14), '14 d');
});
