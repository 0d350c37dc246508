// One exact sliding-window budget (reference §3.2: "sliding 1-hour window"): never more than `limit` calls in any
// window of `windowMs`. Instagram counts a call when it arrives, which is somewhere between the moment we start
// it and the moment its answer is back; so a call holds its slot from its start (in flight) until `windowMs`
// after its answer. That is the latest its arrival can have been, so the server has always dropped a call from
// its window by the time we do, and a slot we reuse is free on the server too. A fixed-window counter (bottleneck's
// reservoir refresh) would allow up to twice the limit across a window boundary; this keeps the release times.

/** Extra ms on every release: the server's clock has ms resolution and its window edge may be inclusive. */
export const RELEASE_MARGIN_MS = 1;

export class SlidingWindow {
  /** Release times (epoch ms) of counted calls that have finished, ascending; entries before `head` are gone. */
  private releases: number[] = [];
  private head = 0;
  /** Calls started and not yet answered: counted, release time not known yet. */
  private inFlight = 0;

  constructor(
    private currentLimit: number,
    readonly windowMs: number,
  ) {}

  get limit(): number {
    return this.currentLimit;
  }

  /** Calls counted in the window at `now` (in flight included). */
  used(now: number): number {
    this.prune(now);
    return this.inFlight + this.releases.length - this.head;
  }

  remaining(now: number): number {
    return Math.max(0, this.currentLimit - this.used(now));
  }

  /** Room for one more call; `cap` (at most the limit) is the share a call with a reserve may fill. */
  hasRoom(now: number, cap: number = this.currentLimit): boolean {
    return this.used(now) < Math.min(cap, this.currentLimit);
  }

  /** The most a call that leaves `reserve` (0–1) of the window to others may fill: 500 with 0.4 → 300. */
  capFor(reserve: number | undefined): number {
    if (reserve === undefined || reserve <= 0) return this.currentLimit;
    return Math.max(0, Math.floor(this.currentLimit * (1 - Math.min(1, reserve))));
  }

  /** Nothing counted any more: the window is in the same state as a new one. */
  isEmpty(now: number): boolean {
    return this.used(now) === 0;
  }

  /** A call starts: it is counted from now on. */
  acquire(): void {
    this.inFlight++;
  }

  /** A started call got its answer (or failed) at `at`: it leaves the window `windowMs` later. */
  complete(at: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.insert(at + this.windowMs + RELEASE_MARGIN_MS);
  }

  /** A call that was counted but never sent: it gives its slot back. */
  refund(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /**
   * Counts `count` calls we did not make (another process using the same token, as the server's headers reveal),
   * assuming the worst: that they arrived just now and stay in the server's window for a whole window.
   */
  addForeign(count: number, now: number): void {
    const at = now + this.windowMs + RELEASE_MARGIN_MS;
    for (let i = 0; i < count; i++) this.insert(at);
  }

  /** Marks the window full until its entries age out (the server answered 429). Returns how many were added. */
  fill(now: number): number {
    const missing = this.currentLimit - this.used(now);
    if (missing > 0) this.addForeign(missing, now);
    return Math.max(0, missing);
  }

  /**
   * The server counts fewer calls than this window holds (a call it did not charge, such as a 503, or a guess of
   * calls made elsewhere that it does not confirm): forgets the surplus finished entries down to `count`, earliest
   * release first. Any `count` of our calls the server may hold arrived no later than they were answered, so the
   * entries kept release no earlier than the server's own: the window stays at least as strict as the server's.
   * Entries of calls in flight are never forgotten. Returns how many were.
   */
  trimTo(count: number, now: number): number {
    const surplus = Math.min(this.used(now) - Math.max(0, count), this.releases.length - this.head);
    if (surplus <= 0) return 0;
    this.head += surplus;
    this.prune(now);
    return surplus;
  }

  /** The server reports a smaller limit than configured (e.g. a sandbox app configured as live). */
  lowerLimit(limit: number): boolean {
    if (limit >= this.currentLimit || limit < 1) return false;
    this.currentLimit = limit;
    return true;
  }

  /** When the earliest counted call leaves the window, if any finished call is counted. */
  nextRelease(now: number): number | undefined {
    this.prune(now);
    return this.head < this.releases.length ? this.releases[this.head] : undefined;
  }

  /**
   * Estimates when a call with `ahead` calls queued before it can start. Calls in flight are assumed to be
   * answered now; beyond the known release times, each slot is reused once per window.
   */
  startTime(now: number, ahead: number, cap: number = this.currentLimit): number {
    const limit = Math.min(cap, this.currentLimit);
    const used = this.used(now);
    const index = used + ahead - limit;
    if (index < 0) return now;
    const period = this.windowMs + RELEASE_MARGIN_MS;
    // A call whose reserve leaves it no share of the window can start only once the window is empty.
    if (limit <= 0) return used === 0 ? now : (this.lastRelease(now) ?? now + period);
    if (used === 0) return now + Math.floor(ahead / limit) * period;
    const cycles = Math.floor(index / used);
    const slot = index % used;
    const known = this.releases.length - this.head;
    const base = slot < known ? (this.releases[this.head + slot] as number) : now + period;
    return base + cycles * period;
  }

  /** When the last counted finished call leaves the window, if any. */
  private lastRelease(now: number): number | undefined {
    this.prune(now);
    return this.head < this.releases.length ? this.releases[this.releases.length - 1] : undefined;
  }

  private prune(now: number): void {
    const list = this.releases;
    while (this.head < list.length && (list[this.head] as number) <= now) this.head++;
    if (this.head === list.length) {
      if (this.head > 0) {
        this.releases = [];
        this.head = 0;
      }
    } else if (this.head > 64 && this.head * 2 > list.length) {
      this.releases = list.slice(this.head);
      this.head = 0;
    }
  }

  /** Answers mostly come back in order, so the insertion point is nearly always the end. */
  private insert(at: number): void {
    const list = this.releases;
    let i = list.length;
    while (i > this.head && (list[i - 1] as number) > at) i--;
    if (i === list.length) list.push(at);
    else list.splice(i, 0, at);
  }
}
