import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fromApiError,
  InstagramNetworkError,
  InstagramRateLimitError,
  InstagramServerError,
  InstagramTimeoutError,
} from '../../../src/providers/v1/errors.js';
import { BudgetExhaustedError, createLimiter, type Limiter } from '../../../src/limiter/index.js';
import { call, NO_HEADERS, recorder } from './helpers.js';

const deadlines = { interactive: 5_000, delivery: 5_000, background: 5_000 };
let limiter: Limiter | undefined;
afterEach(async () => {
  await limiter?.close();
  limiter = undefined;
});

const rateLimited = () =>
  fromApiError(
    429,
    {
      code: 429,
      error_type: 'OAuthRateLimitException',
      error_message: 'The maximum number of requests per hour has been exceeded.',
    },
    { limit: 10, remaining: 0 },
  );
const serverError = () => fromApiError(500, { code: 500, error_type: 'APIError', error_message: 'Oops' }, NO_HEADERS);

describe('limiter on failed attempts', () => {
  it('pauses the key on a 429 until its window frees, then retries that call once and succeeds', async () => {
    const windowMs = 600;
    limiter = createLimiter({ windowMs, global: 10, write: 3, deadlines });
    const rec = recorder();
    const first = await limiter.run(call(), rec.attempt('ok'));
    const firstDone = Date.now();
    let answers = 0;
    const result = await limiter.run(
      call(),
      rec.attempt('limited', async () => {
        if (answers++ === 0) throw rateLimited();
        return { rateLimit: NO_HEADERS };
      }),
    );
    expect(first.label).toBe('ok');
    expect(result.label).toBe('limited');
    const tries = rec.invocations.filter((i) => i.label === 'limited');
    expect(tries).toHaveLength(2);
    // Not before the oldest counted call left the window.
    expect(tries[1]!.at).toBeGreaterThanOrEqual(firstDone + windowMs);
    expect(limiter.stats()).toMatchObject({ rateLimited: 1, succeeded: 2 });
  });

  it('holds other calls of the paused key back too', async () => {
    const windowMs = 2_000;
    limiter = createLimiter({ windowMs, global: 10, write: 3, deadlines });
    const rec = recorder();
    await limiter.run(call(), rec.attempt('ok'));
    let answers = 0;
    const limited = limiter.run(
      call(),
      rec.attempt('limited', async () => {
        if (answers++ === 0) throw rateLimited();
        return { rateLimit: NO_HEADERS };
      }),
    );
    await vi.waitFor(() => expect(limiter!.stats().rateLimited).toBe(1), { timeout: 20_000 });
    const { pausedUntil } = limiter.quota('1001');
    expect(pausedUntil).not.toBeNull();
    await limiter.run(call(), rec.attempt('other'));
    await limited;
    expect(rec.invocations.find((i) => i.label === 'other')!.at).toBeGreaterThanOrEqual(pausedUntil!);
  });

  it('fails with BudgetExhaustedError when the retry after a 429 is rate limited again', async () => {
    limiter = createLimiter({ windowMs: 300, global: 10, write: 3, deadlines });
    const rec = recorder();
    const error = await limiter
      .run(
        call(),
        rec.attempt('limited', async () => {
          throw rateLimited();
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExhaustedError);
    expect((error as Error).cause).toMatchObject({ type: 'OAuthRateLimitException' });
    expect(rec.invocations).toHaveLength(2);
  });

  it('retries a GET after a 500 and returns its answer', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 10, write: 3, deadlines, retryBaseMs: 20 });
    const rec = recorder();
    let answers = 0;
    const result = await limiter.run(
      call(),
      rec.attempt('get', async () => {
        if (answers++ === 0) throw serverError();
        return { rateLimit: NO_HEADERS };
      }),
    );
    expect(result.label).toBe('get');
    expect(rec.invocations).toHaveLength(2);
    expect(limiter.quota('1001').used).toBe(2);
  });

  it('treats a 503 as Instagram failing, not as a rate limit: a GET is retried and the window is left as Instagram reports it', async () => {
    // One hour: a 503 taken for a 429 would fill the window and refuse every call for the rest of it.
    limiter = createLimiter({ windowMs: 3_600_000, global: 500, write: 30, deadlines, retryBaseMs: 20 });
    const rec = recorder();
    const unavailable = fromApiError(
      503,
      { code: 503, error_type: 'APIError', error_message: 'Oops' },
      { limit: 500, remaining: 500 },
    );
    expect(unavailable).toBeInstanceOf(InstagramServerError);
    expect(unavailable).not.toBeInstanceOf(InstagramRateLimitError);
    let answers = 0;
    const result = await limiter.run(
      call(),
      rec.attempt('get', async () => {
        if (answers++ === 0) throw unavailable;
        return { rateLimit: { limit: 500, remaining: 499 } };
      }),
    );
    expect(result.label).toBe('get');
    expect(rec.invocations).toHaveLength(2);
    expect(limiter.stats()).toMatchObject({ rateLimited: 0, retries: 1 });
    expect(limiter.quota('1001')).toMatchObject({ used: 1, remaining: 499 });
    expect((await limiter.run(call({ priority: 'interactive', deadlineMs: 100 }), rec.attempt('next'))).label).toBe(
      'next',
    );
  });

  it('on a 429 whose headers say calls remain, pauses the key until a slot frees without filling the window', async () => {
    // Long enough that the pause is still on when a busy machine gets round to looking at it.
    const windowMs = 2_000;
    limiter = createLimiter({ windowMs, global: 10, write: 3, deadlines });
    const rec = recorder();
    await limiter.run(
      call(),
      rec.attempt('ok', async () => ({ rateLimit: { limit: 10, remaining: 9 } })),
    );
    const firstDone = Date.now();
    const throttled = fromApiError(
      429,
      { code: 429, error_type: 'OAuthRateLimitException', error_message: 'slow down' },
      { limit: 10, remaining: 9 },
    );
    let answers = 0;
    const limited = limiter.run(
      call(),
      rec.attempt('limited', async () => {
        if (answers++ === 0) throw throttled;
        return { rateLimit: { limit: 10, remaining: 8 } };
      }),
    );
    await vi.waitFor(() => expect(limiter!.stats().rateLimited).toBe(1), { timeout: 20_000 });
    // Instagram counts one call: the window says so, and the pause is shown apart from it.
    const paused = limiter.quota('1001');
    expect(paused).toMatchObject({ used: 1, remaining: 9 });
    expect(paused.pausedUntil).toBeGreaterThanOrEqual(firstDone + windowMs);
    await limited;
    const tries = rec.invocations.filter((i) => i.label === 'limited');
    expect(tries[1]!.at).toBeGreaterThanOrEqual(firstDone + windowMs);
    expect(limiter.quota('1001')).toMatchObject({ used: 2, pausedUntil: null });
  });

  it('never retries a POST after a 500 or a network failure (it may have applied)', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 10, write: 3, deadlines, retryBaseMs: 20 });
    const rec = recorder();
    const post = call({ method: 'POST', path: '/media/1/likes', writeBucket: 'likes', idempotent: false });
    await expect(
      limiter.run(
        post,
        rec.attempt('post', async () => {
          throw serverError();
        }),
      ),
    ).rejects.toBeInstanceOf(InstagramServerError);
    await expect(
      limiter.run(
        post,
        rec.attempt('post2', async () => {
          throw new InstagramNetworkError('reset');
        }),
      ),
    ).rejects.toBeInstanceOf(InstagramNetworkError);
    expect(rec.invocations.map((i) => i.label)).toEqual(['post', 'post2']);
  });

  it('gives up on a GET after the configured number of retries with the last error', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 10, write: 3, deadlines, retries: 2, retryBaseMs: 10 });
    const rec = recorder();
    await expect(
      limiter.run(
        call(),
        rec.attempt('get', async () => {
          throw new InstagramNetworkError('refused');
        }),
      ),
    ).rejects.toBeInstanceOf(InstagramNetworkError);
    expect(rec.invocations).toHaveLength(3);
    expect(limiter.stats()).toMatchObject({ retries: 2, failed: 1 });
  });

  it('does not retry an error that retrying cannot fix', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 10, write: 3, deadlines, retryBaseMs: 10 });
    const rec = recorder();
    const notFound = fromApiError(
      400,
      { code: 400, error_type: 'APINotFoundError', error_message: 'this user does not exist' },
      NO_HEADERS,
    );
    await expect(
      limiter.run(
        call(),
        rec.attempt('get', async () => {
          throw notFound;
        }),
      ),
    ).rejects.toBe(notFound);
    expect(rec.invocations).toHaveLength(1);
  });

  it('settles an attempt that never answers as a timeout and keeps the key working', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 10, write: 3, deadlines, attemptTimeoutMs: 100, retries: 0 });
    const rec = recorder();
    const error = await limiter
      .run(
        call(),
        rec.attempt('hangs', () => new Promise(() => {})),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstagramTimeoutError);
    expect(limiter.quota('1001')).toMatchObject({ used: 1, running: 0 });
    expect((await limiter.run(call(), rec.attempt('next'))).label).toBe('next');
  });

  it('settles an attempt that throws synchronously with its error', async () => {
    limiter = createLimiter({ windowMs: 1_000, global: 10, write: 3, deadlines });
    const boom = new Error('boom');
    const attempt = (() => {
      throw boom;
    }) as unknown as () => Promise<{ rateLimit: typeof NO_HEADERS }>;
    await expect(limiter.run(call(), attempt)).rejects.toBe(boom);
    expect(limiter.stats()).toMatchObject({ running: 0, failed: 1 });
  });
});
