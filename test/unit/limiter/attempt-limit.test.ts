import { describe, expect, it } from 'vitest';
import { AttemptLimit } from '../../../src/limiter/index.js';

/** A clock the test moves by hand: the limit is pure bookkeeping, it sets no timers. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('per-person attempt limit', () => {
  it('allows `max` attempts per person in any window, then says when the oldest leaves it', () => {
    const clock = manualClock();
    const limit = new AttemptLimit({ max: 3, windowMs: 600_000, clock: clock.now });
    const first = clock.now();
    expect(limit.take('alice')).toEqual({ ok: true, remaining: 2 });
    clock.advance(1_000);
    expect(limit.take('alice')).toEqual({ ok: true, remaining: 1 });
    expect(limit.take('alice')).toEqual({ ok: true, remaining: 0 });
    clock.advance(1_000);
    expect(limit.take('alice')).toEqual({ ok: false, freesAt: first + 600_000 });
    // A refused attempt is not counted: the window still frees when the first attempt leaves it.
    expect(limit.take('alice')).toEqual({ ok: false, freesAt: first + 600_000 });
    clock.advance(600_000 - 2_000);
    expect(limit.take('alice')).toEqual({ ok: true, remaining: 0 });
  });

  it('keeps people apart: one person at the limit does not hold back another', () => {
    const limit = new AttemptLimit({ max: 1, windowMs: 60_000, clock: manualClock().now });
    expect(limit.take('alice').ok).toBe(true);
    expect(limit.take('alice').ok).toBe(false);
    expect(limit.take('bob').ok).toBe(true);
  });

  it('forgets people whose attempts all left the window, so thousands of one-off visitors cost no memory', () => {
    const clock = manualClock();
    const limit = new AttemptLimit({ max: 5, windowMs: 60_000, clock: clock.now });
    for (let i = 0; i < 5_000; i += 1) limit.take(`person-${i}`);
    expect(limit.size).toBe(5_000);
    clock.advance(60_001);
    limit.take('late');
    expect(limit.size).toBe(1);
  });

  it('rejects settings that cannot work with a readable error', () => {
    expect(() => new AttemptLimit({ max: 0, windowMs: 60_000 })).toThrow(/max/);
  });
});
