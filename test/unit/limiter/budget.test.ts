import { afterEach, describe, expect, it } from 'vitest';
import { BudgetExhaustedError, createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { ValidationError } from '../../../src/util/validate.js';
import { call, maxInAnyWindow, NO_HEADERS, recorder, settledNow } from './helpers.js';

const deadlines = { interactive: 5_000, delivery: 5_000, background: 5_000 };
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
});

describe('limiter budgets', () => {
  it('never starts more than the global limit in any window under three times the budget, and runs every call', async () => {
    const windowMs = 400;
    limiter = createLimiter({ windowMs, global: 8, write: 3, deadlines });
    const rec = recorder();
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => limiter!.run(call(), rec.attempt(`c${i}`))));
    expect(results).toHaveLength(24);
    expect(
      maxInAnyWindow(
        rec.invocations.map((i) => i.at),
        windowMs,
      ),
    ).toBe(8);
  });

  it('holds each write bucket to its own budget while reads and other buckets go on', async () => {
    const windowMs = 500;
    limiter = createLimiter({ windowMs, global: 40, write: 2, deadlines });
    const rec = recorder();
    const likes = Array.from({ length: 6 }, (_, i) =>
      limiter!.run(
        call({ method: 'POST', path: '/media/1/likes', writeBucket: 'likes', idempotent: false }),
        rec.attempt(`like${i}`),
      ),
    );
    const comments = Array.from({ length: 2 }, (_, i) =>
      limiter!.run(
        call({ method: 'POST', path: '/media/1/comments', writeBucket: 'comments', idempotent: false }),
        rec.attempt(`comment${i}`),
      ),
    );
    const reads = Array.from({ length: 5 }, (_, i) => limiter!.run(call(), rec.attempt(`read${i}`)));
    await Promise.all([...reads, ...comments]);
    // Reads and comments were queued after six likes, four of which cannot start in this window: none waited.
    expect(rec.invocations.filter((i) => i.label.startsWith('like'))).toHaveLength(2);
    expect(limiter.quota('1001').writes.likes).toMatchObject({ used: 2, remaining: 0, limit: 2 });
    expect(limiter.quota('1001').writes.comments).toMatchObject({ used: 2, remaining: 0 });
    await Promise.all(likes);
    const likeTimes = rec.invocations.filter((i) => i.label.startsWith('like')).map((i) => i.at);
    expect(maxInAnyWindow(likeTimes, windowMs)).toBe(2);
  });

  it('fails a call at once with "frees in N min" when the budget frees after its deadline, without running it', async () => {
    limiter = createLimiter({ windowMs: 90_000, global: 2, write: 2, deadlines: { ...deadlines, interactive: 1_000 } });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('a'));
    await limiter.run(call(), rec.attempt('b'));
    const refused = limiter.run(call({ priority: 'interactive' }), rec.attempt('c'));
    const outcome = await settledNow(refused);
    expect(outcome).toBeInstanceOf(BudgetExhaustedError);
    const error = outcome as BudgetExhaustedError;
    expect(error.message).toBe('Instagram budget for this account frees in 2 min');
    expect(error.key).toBe('1001');
    expect(error.freesAt).toBe(limiter.quota('1001').freesAt);
    expect(error.retryAfterMs).toBeGreaterThan(1_000);
    expect(rec.invocations.map((i) => i.label)).toEqual(['a', 'b']);
    expect(limiter.stats().refused).toBe(1);
  });

  it('keeps the share a call reserves for others: 20 calls that leave 40 % start 6 of 10, and calls without a reserve use the rest', async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 10, write: 3, deadlines });
    const rec = recorder();
    const app = (reserve?: number) => call({ key: 'app', priority: 'interactive', reserve });
    // Submitted at once, as a flood of pasted tokens would be: the share is held at admission, not by a check before it.
    const pastes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => limiter!.run(app(0.4), rec.attempt(`paste${i}`))),
    );
    expect(pastes.filter((p) => p.status === 'fulfilled')).toHaveLength(6);
    const refusals = pastes.flatMap((p) => (p.status === 'rejected' ? [p.reason as unknown] : []));
    expect(refusals).toHaveLength(14);
    expect(refusals.every((e) => e instanceof BudgetExhaustedError)).toBe(true);
    expect(rec.invocations).toHaveLength(6);
    expect(limiter.quota('app')).toMatchObject({ used: 6, remaining: 4 });
    // The exchange that has no reserve still has its four calls.
    const exchanges = await Promise.all(
      Array.from({ length: 4 }, (_, i) => limiter!.run(app(), rec.attempt(`exchange${i}`))),
    );
    expect(exchanges.map((e) => e.label)).toEqual(['exchange0', 'exchange1', 'exchange2', 'exchange3']);
    expect(limiter.quota('app')).toMatchObject({ used: 10, remaining: 0 });
  });

  it('lets a call without a reserve start past a waiting call whose reserve holds it back', async () => {
    const windowMs = 400;
    limiter = createLimiter({ windowMs, global: 4, write: 3, deadlines });
    const rec = recorder();
    await Promise.all([0, 1].map((i) => limiter!.run(call({ reserve: 0.5 }), rec.attempt(`reserved${i}`))));
    const waiting = limiter.run(call({ reserve: 0.5 }), rec.attempt('reserved-late'));
    const free = await limiter.run(call(), rec.attempt('free'));
    expect(free.label).toBe('free');
    expect(rec.invocations.map((i) => i.label)).toEqual(['reserved0', 'reserved1', 'free']);
    // The reserved call starts once its share frees, and the window never held more than its share with it.
    expect((await waiting).label).toBe('reserved-late');
    const late = rec.invocations.find((i) => i.label === 'reserved-late')!.at;
    expect(late).toBeGreaterThanOrEqual(rec.invocations[0]!.at + windowMs);
  });

  it('reports used, remaining and when the oldest call frees, without creating state for unknown keys', async () => {
    limiter = createLimiter({ windowMs: 10_000, global: 5, write: 3, deadlines });
    const before = Date.now();
    await limiter.run(call({ key: '77' }), async () => ({ rateLimit: NO_HEADERS }));
    const q = limiter.quota('77');
    expect(q).toMatchObject({
      used: 1,
      remaining: 4,
      limit: 5,
      running: 0,
      queued: { interactive: 0, delivery: 0, background: 0 },
    });
    expect(q.freesAt).toBeGreaterThanOrEqual(before + 10_000);
    expect(limiter.quota('78')).toMatchObject({ used: 0, remaining: 5, limit: 5, freesAt: null });
    expect(limiter.stats().keys).toBe(1);
  });

  it('believes X-Ratelimit-Remaining: counts calls igcord did not make, forgets those the server does not count, and takes a smaller server limit', async () => {
    limiter = createLimiter({ windowMs: 10_000, global: 10, write: 3, deadlines });
    await limiter.run(call(), async () => ({ rateLimit: { limit: 10, remaining: 3 } }));
    // One own call, so the server's 7 used means 6 made elsewhere.
    expect(limiter.quota('1001')).toMatchObject({ used: 7, remaining: 3 });
    await limiter.run(call(), async () => ({ rateLimit: { limit: 8, remaining: 1 } }));
    // The server counts 7 of 8 with this call: one of the 6 guessed foreign calls was not there, and it is believed.
    expect(limiter.quota('1001')).toMatchObject({ used: 7, remaining: 1, limit: 8 });
    // A limit is never corrected upwards.
    await limiter.close();
    limiter = createLimiter({ windowMs: 10_000, global: 10, write: 3, deadlines });
    await limiter.run(call(), async () => ({ rateLimit: { limit: 5000, remaining: 4999 } }));
    expect(limiter.quota('1001')).toMatchObject({ used: 1, remaining: 9, limit: 10 });
  });

  it('refuses a token-shaped key without echoing it', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 5, write: 3, deadlines });
    const token = '1001.2070bdc.e9513af0c1a04b8b9d2f0e6f3c3f6a11';
    const error = await limiter
      .run(call({ key: token }), async () => ({ rateLimit: NO_HEADERS }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).not.toContain('e9513af');
    expect(limiter.stats().keys).toBe(0);
  });

  it('rejects options that cannot work with a readable error', () => {
    expect(() => createLimiter({ windowMs: 1_000, global: 0, write: 3, deadlines })).toThrow(
      /limiter options is invalid/,
    );
    expect(() =>
      createLimiter({ windowMs: 1_000, global: 5, write: 3, deadlines, maxConcurrent: 2, reservedForInteractive: 2 }),
    ).toThrow(/reservedForInteractive/);
  });
});
