// igcord's per-token rate limiter: the CallGate every Instagram call goes through. Per budget key (the token
// owner's Instagram user id, never the token) it keeps an exact sliding window for the global budget and one per
// write bucket (reference §3.2), starts waiting calls in priority order (interactive, then delivery, then
// background) as slots free, keeps a call with a `reserve` out of the last share of its key's window, fails a call
// at once when it cannot start within its deadline, believes X-Ratelimit-Remaining, pauses a key on 429 (never on
// a 5xx) and retries that call once, and retries idempotent calls after 5xx/network failures with backoff. Attempts
// start as soon as they are admitted, bounded in time by bounded-attempt.ts (docs/decisions/0002, 0016). Graph's
// percentage usage, when attempts report it, paces and holds feed work and blocks a bucket (usage-feedback.ts). With a
// budget store (budget-store.ts) the windows are shared with other processes and admission asks the store.
//
// This file builds one limiter and owns its entry (`run`) and its shutdown; admission.ts queues and starts calls,
// attempt-runner.ts runs them and handles failures, key-quota.ts and limiter-stats.ts answer introspection, and
// evict-idle-keys.ts forgets idle keys.
import { z } from 'zod';
import type { CallDescription, CallGate, RateLimitHeaders } from './call-gate.js';
import { silentLogger } from '../log.js';
import { validate } from '../util/validate.js';
import { Admission } from './admission.js';
import { AttemptRunner } from './attempt-runner.js';
import { LimiterClosedError } from './errors.js';
import { startEvictionSweeper } from './evict-idle-keys.js';
import type { Waiter } from './key-state.js';
import { keyQuota, type KeyQuota } from './key-quota.js';
import { settle, stateFor, type LimiterContext } from './limiter-context.js';
import { parseLimiterOptions, type LimiterOptions } from './limiter-options.js';
import { newLimiterCounters, type LimiterStats } from './limiter-counters.js';
import { limiterStats } from './limiter-stats.js';

export interface Limiter extends CallGate {
  quota(key: string): KeyQuota;
  stats(): LimiterStats;
  /** Refuses new calls, fails waiting ones with LimiterClosedError, waits for running attempts. Idempotent. */
  close(): Promise<void>;
}

// A user id or `app`. Tokens contain dots (`<uid>.<client>.<hex>`, reference §4.3), so one passed by mistake is
// refused here instead of becoming a map key or a log field.
const keySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected an Instagram user id or "app"' });

export function createLimiter(options: LimiterOptions): Limiter {
  const ctx: LimiterContext = {
    settings: parseLimiterOptions(options),
    log: (options.log ?? silentLogger()).child({ component: 'limiter' }),
    clock: options.clock ?? Date.now,
    store: options.store,
    keys: new Map(),
    sleeping: new Map(),
    inFlight: new Set(),
    counters: newLimiterCounters(),
    closed: false,
  };
  // Admission starts attempts and the runner puts retries back into admission: each needs the other.
  const admission: Admission = new Admission(ctx, (state, w, now) => attempts.start(state, w, now));
  const attempts = new AttemptRunner(ctx, admission);
  const sweeper = startEvictionSweeper(ctx);
  let closing: Promise<void> | undefined;

  function run<T extends { rateLimit: RateLimitHeaders }>(
    call: CallDescription,
    attempt: () => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (ctx.closed) return reject(new LimiterClosedError());
      try {
        validate(keySchema, call.key, 'limiter key');
      } catch (error) {
        return reject(error);
      }
      if (call.signal?.aborted) return reject(call.signal.reason);
      const now = ctx.clock();
      const state = stateFor(ctx, call.key);
      state.lastActivity = now;
      const waiter: Waiter = {
        call,
        priority: call.priority,
        attempt,
        resolve: resolve as (value: unknown) => void,
        reject,
        submittedAt: now,
        waitingSince: now,
        deadlineTimer: undefined,
        onAbort: undefined,
        attempts: 0,
        retries: 0,
        retriedAfterRateLimit: false,
        lastError: undefined,
        usedAtStart: 0,
        startedMark: 0,
        aloneAtStart: false,
        storeId: undefined,
        attemptId: undefined,
        admitting: false,
        settled: false,
        prev: undefined,
        next: undefined,
        queued: false,
      };
      admission.enqueue(state, waiter, 'back', now);
    });
  }

  function close(): Promise<void> {
    if (closing) return closing;
    ctx.closed = true;
    clearInterval(sweeper);
    for (const state of ctx.keys.values()) {
      if (state.wakeTimer) clearTimeout(state.wakeTimer);
      state.wakeTimer = undefined;
      for (const w of state.queue.drain()) settle(ctx, state, w, { ok: false, error: new LimiterClosedError() });
    }
    for (const [w, { timer, state }] of ctx.sleeping) {
      clearTimeout(timer);
      state.backingOff--;
      settle(ctx, state, w, { ok: false, error: new LimiterClosedError() });
    }
    ctx.sleeping.clear();
    closing = (async () => {
      // Running attempts end on their own (bounded by attemptTimeoutMs); their callers get their answers.
      await Promise.allSettled([...ctx.inFlight]);
      ctx.keys.clear();
    })();
    return closing;
  }

  return {
    run,
    quota: (key) => keyQuota(ctx, key),
    stats: () => limiterStats(ctx),
    close,
  };
}
