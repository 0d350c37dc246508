// Regression tests for the bottleneck pitfalls the limiter is built around (issue #3): a Group key evicted while
// calls are queued leaves their promises unsettled; an eviction shorter than the window resets the quota;
// `expiration` does not bound time spent queued (see priorities.test.ts); a limiter instance held across an
// eviction is stale, so the instance is looked up at each use.
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetExhaustedError, createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { call, NO_HEADERS, recorder, settledNow, sleep } from './helpers.js';

const deadlines = { interactive: 5_000, delivery: 5_000, background: 5_000 };
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
});

describe('limiter memory: evicting idle keys', () => {
  it('never evicts a key with queued calls, however short the idle timeout, and settles every call', async () => {
    const windowMs = 250;
    limiter = createLimiter({ windowMs, global: 2, write: 2, deadlines, idleEvictionMs: 20 });
    const rec = recorder();
    // What the limiter holds as each call starts: c2 to c5 waited a window or two, over many 20 ms sweeps.
    const seen: Array<{ keys: number; evictions: number }> = [];
    const calls = Array.from({ length: 6 }, (_, i) =>
      limiter!.run(
        call(),
        rec.attempt(`c${i}`, async () => {
          const { keys, evictions } = limiter!.stats();
          seen.push({ keys, evictions });
          return { rateLimit: NO_HEADERS };
        }),
      ),
    );
    const results = await Promise.all(calls);
    expect(results.map((r) => r.label)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(rec.invocations[4]!.at - rec.invocations[0]!.at).toBeGreaterThanOrEqual(2 * windowMs);
    expect(seen).toEqual(Array.from({ length: 6 }, () => ({ keys: 1, evictions: 0 })));
  });

  it('does not reset the quota when the idle timeout is shorter than the window', async () => {
    // A window far longer than the test, so however slowly the machine runs it is never empty here.
    const windowMs = 60_000;
    limiter = createLimiter({
      windowMs,
      global: 3,
      write: 2,
      deadlines: { ...deadlines, interactive: 200 },
      idleEvictionMs: 20,
    });
    const rec = recorder();
    for (let i = 0; i < 3; i++) await limiter.run(call(), rec.attempt(`c${i}`));
    // At least several 20 ms sweeps while the key is idle (a floor: a slower machine only sweeps more).
    await sleep(150);
    expect(limiter.stats()).toMatchObject({ keys: 1, evictions: 0 });
    expect(limiter.quota('1001')).toMatchObject({ used: 3, remaining: 0 });
    expect(await settledNow(limiter.run(call({ priority: 'interactive' }), rec.attempt('refused')))).toBeInstanceOf(
      BudgetExhaustedError,
    );
    expect(rec.invocations).toHaveLength(3);
  });

  it('evicts a key once idle and its window is empty, and a later call gets a fresh, working instance', async () => {
    const windowMs = 200;
    limiter = createLimiter({ windowMs, global: 2, write: 2, deadlines, idleEvictionMs: 20 });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('before'));
    await limiter.run(
      call({ method: 'POST', path: '/media/1/likes', writeBucket: 'likes', idempotent: false }),
      rec.attempt('like'),
    );
    for (let waited = 0; limiter.stats().keys > 0 && waited < 20_000; waited += 50) await sleep(50);
    expect(limiter.stats()).toMatchObject({ keys: 0, evictions: 1 });
    expect(limiter.quota('1001')).toMatchObject({ used: 0, remaining: 2, freesAt: null });
    expect((await limiter.run(call(), rec.attempt('after'))).label).toBe('after');
    expect(limiter.quota('1001').used).toBe(1);
  });

  it('keeps thousands of keys only as long as their windows hold calls', async () => {
    limiter = createLimiter({ windowMs: 100, global: 5, write: 2, deadlines, idleEvictionMs: 10 });
    await Promise.all(
      Array.from({ length: 2_000 }, (_, i) =>
        limiter!.run(call({ key: String(i) }), async () => ({ rateLimit: { limit: undefined, remaining: undefined } })),
      ),
    );
    expect(limiter.stats().keys).toBeGreaterThan(0);
    for (let waited = 0; limiter.stats().keys > 0 && waited < 20_000; waited += 50) await sleep(50);
    expect(limiter.stats()).toMatchObject({ keys: 0, evictions: 2_000, queued: 0, running: 0 });
  });
});
