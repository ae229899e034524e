/**
 * Timing for the preview: a diagram update asked for by anything but typing runs at once
 * the first time and then waits for a pause (never longer than `maxWait`); edits wait for
 * a pause in typing, however long the typing goes on; cursor highlights are throttled.
 * The clock is injectable, so the behaviour is unit-tested without sleeping.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Leading-edge debounce: a trigger after a quiet period runs at once; triggers during a
 * burst run once, `delay` ms after the last of them, or after `maxWait` ms of
 * continuous triggering so a long burst still shows progress.
 */
export class Debouncer {
  #timer: unknown;
  #burstStart: number | undefined;
  #pending = false;
  #disposed = false;

  constructor(
    private readonly run: () => void,
    private readonly delay: number,
    private readonly maxWait: number,
    private readonly clock: Clock = realClock,
  ) {}

  trigger(): void {
    if (this.#disposed) return;
    const now = this.clock.now();
    if (this.#timer === undefined) {
      // Quiet until now: run at once, then treat what follows as a burst.
      this.#burstStart = now;
      this.#pending = false;
      this.run();
      this.#arm(this.delay);
      return;
    }
    this.#pending = true;
    this.clock.clearTimeout(this.#timer);
    const waited = now - (this.#burstStart ?? now);
    this.#arm(Math.max(0, Math.min(this.delay, this.maxWait - waited)));
  }

  /**
   * An edit: run once typing pauses, `delay` ms after the last edit, never at once and
   * never in the middle of a burst. A redraw costs the editor's page the time mermaid
   * takes to lay the diagram out (hundreds of ms for 50 resources), and a keystroke typed
   * meanwhile waits for it; so typing is never interrupted by a redraw it set off.
   */
  afterPause(): void {
    if (this.#disposed) return;
    if (this.#timer === undefined) this.#burstStart = this.clock.now();
    else this.clock.clearTimeout(this.#timer);
    this.#pending = true;
    this.#arm(this.delay);
  }

  /** Run now (e.g. a layout change), and start a quiet period as a leading-edge run would. */
  flush(): void {
    if (this.#disposed) return;
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = false;
    this.#burstStart = this.clock.now();
    this.run();
    this.#arm(this.delay);
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(milliseconds: number): void {
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#pending && !this.#disposed) {
        this.#pending = false;
        this.#burstStart = this.clock.now();
        this.run();
        // Edits may keep coming: stay in burst mode for another quiet period.
        this.#arm(this.delay);
      }
    }, milliseconds);
  }
}

/** Leading- and trailing-edge throttle: at most one run per `interval`, and the last trigger always runs. */
export class Throttle {
  #last = Number.NEGATIVE_INFINITY;
  #timer: unknown;
  #disposed = false;

  constructor(
    private readonly run: () => void,
    private readonly interval: number,
    private readonly clock: Clock = realClock,
  ) {}

  trigger(): void {
    if (this.#disposed || this.#timer !== undefined) return;
    const wait = this.#last + this.interval - this.clock.now();
    if (wait <= 0) {
      this.#last = this.clock.now();
      this.run();
      return;
    }
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#disposed) return;
      this.#last = this.clock.now();
      this.run();
    }, wait);
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
