import { afterEach, describe, expect, it } from 'vitest';
import {
  BudgetExhaustedError,
  createLimiter,
  LimiterClosedError,
  QueueTimeoutError,
  type Limiter,
} from '../../../src/limiter/index.js';
import { call, gate, NO_HEADERS, recorder, settledNow } from './helpers.js';

const deadlines = { interactive: 3_000, delivery: 10_000, background: 10_000 };
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
});

describe('limiter priorities and deadlines', () => {
  it('starts an interactive call issued behind 1,000 queued background calls before them while budget remains', async () => {
    limiter = createLimiter({ windowMs: 60_000, global: 5_000, write: 60, deadlines, maxConcurrent: 4 });
    const rec = recorder();
    const slow = gate<void>();
    try {
      // Deadlines beyond the test's own bound: however slow the machine, every waiting call is still there at close().
      const background = Array.from({ length: 1_000 }, (_, i) =>
        limiter!
          .run(
            call({ deadlineMs: 600_000 }),
            rec.attempt(`bg${i}`, async () => (await slow.promise, { rateLimit: NO_HEADERS })),
          )
          .catch((e: unknown) => e),
      );
      // Admission is synchronous: the background share of the slots is taken and the rest waits, at once. The
      // attempts themselves reach Instagram a few timer ticks later (bottleneck), later still on a busy machine,
      // so the count of calls ahead is read from the limiter, not from the attempts seen so far.
      expect(limiter.quota('1001')).toMatchObject({ running: 3, queued: { background: 997 } });
      const interactive = limiter.run(call({ priority: 'interactive' }), rec.attempt('interactive'));
      expect(await interactive).toMatchObject({ label: 'interactive' });
      // Only the background calls already running when it was issued went first.
      expect(rec.invocations.map((i) => i.label)).toEqual(['bg0', 'bg1', 'bg2', 'interactive']);
      slow.open();
      await limiter.close();
      const closed = (await Promise.all(background)).filter((r) => r instanceof LimiterClosedError);
      expect(closed).toHaveLength(997);
    } finally {
      // A failed expectation must not leave attempts hanging for afterEach's close() to wait on.
      slow.open();
    }
  });

  it('serves waiting calls interactive first, then delivery, then background, as budget frees', async () => {
    limiter = createLimiter({ windowMs: 300, global: 1, write: 1, deadlines });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('first'));
    const queued = [
      limiter.run(call({ priority: 'background' }), rec.attempt('background')),
      limiter.run(call({ priority: 'delivery' }), rec.attempt('delivery')),
      limiter.run(call({ priority: 'interactive' }), rec.attempt('interactive')),
    ];
    await Promise.all(queued);
    expect(rec.invocations.map((i) => i.label)).toEqual(['first', 'interactive', 'delivery', 'background']);
  });

  it('with no budget left, fails an interactive call fast while 1,000 background calls wait', async () => {
    limiter = createLimiter({ windowMs: 20_000, global: 3, write: 3, deadlines });
    const rec = recorder();
    for (let i = 0; i < 3; i++) await limiter.run(call(), rec.attempt(`used${i}`));
    const background = Array.from({ length: 1_000 }, () =>
      limiter!.run(call(), rec.attempt('bg')).catch((e: unknown) => e),
    );
    const outcome = await settledNow(limiter.run(call({ priority: 'interactive' }), rec.attempt('interactive')));
    expect(outcome).toBeInstanceOf(BudgetExhaustedError);
    expect((outcome as BudgetExhaustedError).message).toMatch(/^Instagram budget for this account frees in 1 min$/);
    expect(rec.invocations).toHaveLength(3);
    await limiter.close();
    // Background calls past their deadline were refused at once; the rest were failed by close(): none hangs.
    const outcomes = await Promise.all(background);
    expect(outcomes.every((o) => o instanceof BudgetExhaustedError || o instanceof LimiterClosedError)).toBe(true);
  });

  it('bounds the time a call spends queued (bottleneck expiration does not): it fails at its deadline unsent', async () => {
    limiter = createLimiter({
      windowMs: 1_000,
      global: 100,
      write: 3,
      deadlines,
      maxConcurrent: 2,
      reservedForInteractive: 1,
    });
    const rec = recorder();
    const hung = gate<void>();
    try {
      const busy = limiter.run(
        call(),
        rec.attempt('busy', async () => (await hung.promise, { rateLimit: NO_HEADERS })),
      );
      const started = Date.now();
      const error = await limiter.run(call({ deadlineMs: 150 }), rec.attempt('late')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueueTimeoutError);
      expect((error as QueueTimeoutError).waitedMs).toBeGreaterThanOrEqual(150);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(rec.invocations.map((i) => i.label)).toEqual(['busy']);
      hung.open();
      await busy;
      expect(limiter.quota('1001').used).toBe(1);
    } finally {
      hung.open();
    }
  });

  it('keeps a concurrency slot for people: interactive starts while feed work fills the others', async () => {
    limiter = createLimiter({
      windowMs: 1_000,
      global: 100,
      write: 3,
      deadlines,
      maxConcurrent: 3,
      reservedForInteractive: 1,
    });
    const rec = recorder();
    const hung = gate<void>();
    try {
      const feed = Array.from({ length: 5 }, (_, i) =>
        limiter!.run(
          call({ priority: 'delivery' }),
          rec.attempt(`d${i}`, async () => (await hung.promise, { rateLimit: NO_HEADERS })),
        ),
      );
      expect(limiter.quota('1001')).toMatchObject({ running: 2, queued: { delivery: 3 } });
      await limiter.run(call({ priority: 'interactive' }), rec.attempt('interactive'));
      hung.open();
      await Promise.all(feed);
    } finally {
      hung.open();
    }
  });

  it('drops a waiting call whose caller aborts, with the abort reason, without sending it', async () => {
    limiter = createLimiter({ windowMs: 5_000, global: 1, write: 1, deadlines });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('first'));
    const controller = new AbortController();
    const waiting = limiter.run(call({ signal: controller.signal }), rec.attempt('aborted')).catch((e: unknown) => e);
    controller.abort(new Error('user left'));
    expect(await waiting).toMatchObject({ message: 'user left' });
    expect(limiter.quota('1001').queued.background).toBe(0);
    expect(rec.invocations.map((i) => i.label)).toEqual(['first']);
  });

  it('after close, refuses new calls and fails waiting ones', async () => {
    limiter = createLimiter({ windowMs: 5_000, global: 1, write: 1, deadlines });
    await limiter.run(call(), async () => ({ rateLimit: NO_HEADERS }));
    const waiting = limiter.run(call(), async () => ({ rateLimit: NO_HEADERS })).catch((e: unknown) => e);
    await limiter.close();
    expect(await waiting).toBeInstanceOf(LimiterClosedError);
    await expect(limiter.run(call(), async () => ({ rateLimit: NO_HEADERS }))).rejects.toBeInstanceOf(
      LimiterClosedError,
    );
  });
});
