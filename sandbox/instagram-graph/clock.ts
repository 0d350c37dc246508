// The emulator's movable clock. Every rule that depends on time (code and token lifetimes, the 24 h refresh
// window, story expiry, the hashtag week, usage windows, media timestamps) reads this clock, so a test can move
// it forward by days without waiting. It keeps ticking with real time from the instant it was last set, so two
// calls a few milliseconds apart still see time pass (unless frozen).

export class Clock {
  private base: number;
  private setAt: number;

  constructor(
    start: number,
    private readonly frozen = false,
  ) {
    this.base = start;
    this.setAt = Date.now();
  }

  now(): number {
    return this.frozen ? this.base : this.base + (Date.now() - this.setAt);
  }

  set(ms: number): number {
    this.base = ms;
    this.setAt = Date.now();
    return ms;
  }

  advance(ms: number): number {
    return this.set(this.now() + ms);
  }
}
