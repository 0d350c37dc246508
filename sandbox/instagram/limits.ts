// Per-token budgets (reference §3.2): an exact sliding window — the arrival times of the calls themselves, not a
// fixed-window counter — for the global budget and for each per-endpoint write bucket. Every admitted call is
// charged at arrival whatever its outcome (failed calls count too); a call refused for lack of budget is not
// charged, so a client that keeps knocking still gets its budget back as the window slides.

export type WriteBucket = 'likes' | 'comments' | 'relationships';

export interface LimitSettings {
  windowMs: number;
  global: number;
  write: number;
}

export interface Admission {
  admitted: boolean;
  /** Which budget refused the call, when one did. */
  refusedBy?: 'global' | WriteBucket;
}

export class SlidingWindowLimits {
  private readonly calls = new Map<string, number[]>();

  constructor(
    readonly settings: LimitSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Charges one call to `key` (and its write bucket) if both have room; otherwise charges nothing. */
  admit(key: string, bucket?: WriteBucket): Admission {
    const now = this.clock();
    const global = this.live(key, now);
    if (global.length >= this.settings.global) return { admitted: false, refusedBy: 'global' };
    if (bucket) {
      const writes = this.live(`${key}|${bucket}`, now);
      if (writes.length >= this.settings.write) return { admitted: false, refusedBy: bucket };
      writes.push(now);
    }
    global.push(now);
    return { admitted: true };
  }

  /** Calls left in the key's global window right now (what X-Ratelimit-Remaining reports). */
  remaining(key: string): number {
    return Math.max(0, this.settings.global - this.live(key, this.clock()).length);
  }

  /** When the oldest charged call of the key leaves the window (ms epoch), if any is charged. */
  freesAt(key: string): number | undefined {
    const first = this.live(key, this.clock())[0];
    return first === undefined ? undefined : first + this.settings.windowMs;
  }

  /** The arrival times still inside the window, pruned in place (they are stored in arrival order). */
  private live(key: string, now: number): number[] {
    let list = this.calls.get(key);
    if (!list) this.calls.set(key, (list = []));
    const cutoff = now - this.settings.windowMs;
    let drop = 0;
    while (drop < list.length && (list[drop] as number) <= cutoff) drop++;
    if (drop > 0) list.splice(0, drop);
    return list;
  }
}
