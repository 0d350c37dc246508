// A per-person limit on attempts that spend a shared budget: at most `max` attempts per id (a Discord user id) in
// any sliding window of `windowMs`. Linking uses two (link prompts, pasted tokens) so that one member cannot drain
// the `app` budget that linking shares with everyone. In process: these are short-lived counters, lost on a
// restart at worst, and the shared budget itself stays held by the limiter's reserve whatever they say.
// The limit sets no timers: it prunes on use, and forgets ids whose attempts have all left the window.
import { z } from 'zod';
import { validate } from '../util/validate.js';

const attemptLimitOptionsSchema = z.object({
  /** Attempts one id may make in any window. */
  max: z.number().int().positive(),
  /** Length of the sliding window, ms. */
  windowMs: z.number().int().min(1),
});

export interface AttemptLimitOptions extends z.input<typeof attemptLimitOptionsSchema> {
  /** Epoch-ms clock; tests pass their own. */
  clock?: (() => number) | undefined;
}

/** Allowed, with how many attempts are left in the window; or refused, with when the oldest one leaves it. */
export type AttemptTake = { ok: true; remaining: number } | { ok: false; freesAt: number };

export class AttemptLimit {
  readonly max: number;
  readonly windowMs: number;
  private readonly clock: () => number;
  /** Attempt times per id, oldest first. */
  private readonly attempts = new Map<string, number[]>();
  private lastSweep: number;

  constructor(options: AttemptLimitOptions) {
    const { clock, ...rest } = options;
    const settings = validate(attemptLimitOptionsSchema, rest, 'attempt limit options');
    this.max = settings.max;
    this.windowMs = settings.windowMs;
    this.clock = clock ?? Date.now;
    this.lastSweep = this.clock();
  }

  /** Ids with an attempt still in the window (for tests and metrics). */
  get size(): number {
    return this.attempts.size;
  }

  /** Counts an attempt of `id` if it has one left in the window; a refused attempt is not counted. */
  take(id: string): AttemptTake {
    const now = this.clock();
    this.sweep(now);
    const times = this.live(id, now);
    if (times.length >= this.max) return { ok: false, freesAt: (times[0] as number) + this.windowMs };
    times.push(now);
    this.attempts.set(id, times);
    return { ok: true, remaining: this.max - times.length };
  }

  private live(id: string, now: number): number[] {
    const times = this.attempts.get(id) ?? [];
    let drop = 0;
    while (drop < times.length && (times[drop] as number) + this.windowMs <= now) drop++;
    if (drop > 0) times.splice(0, drop);
    return times;
  }

  /** At most once a window, drops every id whose attempts have all left it. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [id, times] of this.attempts) {
      if (times.length === 0 || (times[times.length - 1] as number) + this.windowMs <= now) this.attempts.delete(id);
    }
  }
}
