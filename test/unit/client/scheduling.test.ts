import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Debouncer, Throttle, type Clock } from '../../../src/client/preview/scheduling';

/** A clock that only moves when told to, firing due timers in order. */
class FakeClock implements Clock {
  time = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, milliseconds: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + milliseconds, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }
  advance(milliseconds: number): void {
    const end = this.time + milliseconds;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
  }
  get pending(): number {
    return this.timers.length;
  }
}

describe('diagram updates: at once, then after a pause', () => {
  function setup() {
    const clock = new FakeClock();
    const runs: number[] = [];
    const debouncer = new Debouncer(() => runs.push(clock.time), 300, 1000, clock);
    return { clock, runs, debouncer };
  }

  test('the first change runs at once; a lone change leaves nothing behind', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.trigger();
    assert.deepEqual(runs, [0]);
    clock.advance(1000);
    assert.deepEqual(runs, [0]);
    assert.equal(clock.pending, 0);
  });

  test('a burst runs once, 300 ms after its last change', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.trigger(); // t=0, at once
    for (let i = 0; i < 4; i++) {
      clock.advance(50);
      debouncer.trigger(); // t=50..200
    }
    clock.advance(299);
    assert.deepEqual(runs, [0]);
    clock.advance(1);
    assert.deepEqual(runs, [0, 500]);
    clock.advance(2000);
    assert.deepEqual(runs, [0, 500]);
  });

  test('continuous typing still updates at least every second', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.trigger();
    for (let t = 0; t < 2500; t += 100) {
      clock.advance(100);
      debouncer.trigger();
    }
    assert.deepEqual(runs, [0, 1000, 2000]);
  });

  test('after a quiet period the next change runs at once again', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.trigger();
    clock.advance(100);
    debouncer.trigger();
    clock.advance(2000); // trailing run at 400, then quiet
    debouncer.trigger();
    assert.deepEqual(runs, [0, 400, 2100]);
  });

  test('flush runs now; dispose stops everything', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.trigger();
    clock.advance(10);
    debouncer.trigger();
    debouncer.flush();
    assert.deepEqual(runs, [0, 10]);
    debouncer.trigger();
    debouncer.dispose();
    clock.advance(5000);
    debouncer.trigger();
    assert.deepEqual(runs, [0, 10]);
    assert.equal(clock.pending, 0);
  });
});

describe('edits: only once typing pauses', () => {
  function setup() {
    const clock = new FakeClock();
    const runs: number[] = [];
    const debouncer = new Debouncer(() => runs.push(clock.time), 300, 1000, clock);
    return { clock, runs, debouncer };
  }

  test('a lone edit runs 300 ms after it, not at once, and leaves nothing behind', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.afterPause();
    assert.deepEqual(runs, []);
    clock.advance(299);
    assert.deepEqual(runs, []);
    clock.advance(1);
    assert.deepEqual(runs, [300]);
    clock.advance(5000);
    assert.deepEqual(runs, [300]);
    assert.equal(clock.pending, 0);
  });

  test('continuous typing runs nothing, however long it goes on; the pause after it runs once', () => {
    const { clock, runs, debouncer } = setup();
    for (let t = 0; t < 5000; t += 299) {
      debouncer.afterPause();
      clock.advance(299);
    }
    assert.deepEqual(runs, []);
    const last = clock.time - 299;
    clock.advance(1);
    assert.deepEqual(runs, [last + 300]);
    clock.advance(5000);
    assert.equal(runs.length, 1);
  });

  test('an edit right after a run at once (the preview opened) waits for a pause too', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.trigger(); // t=0, at once
    clock.advance(50);
    debouncer.afterPause(); // t=50
    clock.advance(200);
    debouncer.afterPause(); // t=250
    clock.advance(299);
    assert.deepEqual(runs, [0]);
    clock.advance(1);
    assert.deepEqual(runs, [0, 550]);
  });

  test('another reason to update in the middle of typing is not held back past maxWait', () => {
    const { clock, runs, debouncer } = setup();
    for (let t = 0; t < 1200; t += 100) {
      debouncer.afterPause();
      clock.advance(100);
    }
    assert.deepEqual(runs, []);
    debouncer.trigger(); // t=1200: the burst began 1200 ms ago, past maxWait: at once (on the next turn)
    clock.advance(0);
    assert.deepEqual(runs, [1200]);
  });

  test('dispose drops a pending edit', () => {
    const { clock, runs, debouncer } = setup();
    debouncer.afterPause();
    debouncer.dispose();
    debouncer.afterPause();
    clock.advance(5000);
    assert.deepEqual(runs, []);
    assert.equal(clock.pending, 0);
  });
});

describe('cursor highlight: throttled', () => {
  test('at most once per interval, and the last move always counts', () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const throttle = new Throttle(() => runs.push(clock.time), 100, clock);
    throttle.trigger(); // t=0 at once
    clock.advance(30);
    throttle.trigger(); // scheduled for t=100
    clock.advance(30);
    throttle.trigger(); // already scheduled
    clock.advance(100);
    assert.deepEqual(runs, [0, 100]);
    clock.advance(500);
    throttle.trigger(); // long after: at once
    assert.deepEqual(runs, [0, 100, 660]);
    throttle.trigger();
    throttle.dispose();
    clock.advance(1000);
    assert.deepEqual(runs, [0, 100, 660]);
  });
});
