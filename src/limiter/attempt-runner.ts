// Runs an admitted call's attempt (bounded in time by bounded-attempt.ts) and decides what follows: counts it in the
// key's windows from its start (refunded if it was never sent), feeds the server's rate-limit headers back into
// the windows (server-feedback.ts), and after a failure either pauses the key and retries once (429), retries an
// idempotent call after a backoff (any 5xx, 503 included; network), or fails the call (retry-policy.ts decides).
import type { RateLimitHeaders } from './call-gate.js';
import { InstagramError, InstagramTimeoutError, type InstagramRateLimitError } from '../core/instagram-errors.js';
import type { Admission } from './admission.js';
import { AttemptExpiredError, runBounded } from './bounded-attempt.js';
import { BudgetExhaustedError } from './errors.js';
import type { KeyState, Waiter } from './key-state.js';
import { settle, type LimiterContext, type Outcome } from './limiter-context.js';
import { backoffMs, classifyFailure } from './retry-policy.js';
import { observeRateLimit, pauseAfterRateLimit } from './server-feedback.js';
import { noteUsageStart, observeUsage } from './usage-feedback.js';
import type { SlidingWindow } from './sliding-window.js';

export class AttemptRunner {
  constructor(
    private readonly ctx: LimiterContext,
    private readonly admission: Admission,
  ) {}

  start(state: KeyState, w: Waiter, now: number): void {
    const { ctx } = this;
    const writes = w.call.writeBucket ? state.writeWindow(w.call.writeBucket) : undefined;
    // Counted from its start: the server counts it at arrival, which can only be later.
    state.global.acquire();
    writes?.acquire();
    w.aloneAtStart = state.running === 0;
    state.running++;
    state.startedTotal++;
    state.lastActivity = now;
    ctx.counters.started++;
    w.attempts++;
    w.usedAtStart = state.global.used(now);
    w.startedMark = state.startedTotal;
    noteUsageStart(state, w, now);
    let sent = false;
    // Started in this turn of the event loop: admission has already decided, nothing is left to wait for.
    const job = runBounded(async () => {
      if (w.call.signal?.aborted) throw w.call.signal.reason;
      sent = true;
      return w.attempt();
    }, ctx.settings.attemptTimeoutMs);
    const done = job.then(
      (value) => this.finish(state, w, writes, sent, { ok: true, value: value as { rateLimit: RateLimitHeaders } }),
      (error: unknown) => this.finish(state, w, writes, sent, { ok: false, error }),
    );
    ctx.inFlight.add(done);
    void done.finally(() => ctx.inFlight.delete(done));
  }

  private finish(state: KeyState, w: Waiter, writes: SlidingWindow | undefined, sent: boolean, outcome: Outcome): void {
    const { ctx, admission } = this;
    const now = ctx.clock();
    state.running--;
    if (sent) {
      state.global.complete(now);
      writes?.complete(now);
    } else {
      state.global.refund();
      writes?.refund();
    }
    const id = w.attemptId;
    if (ctx.store && id !== undefined) {
      w.attemptId = undefined;
      const bucket = w.call.writeBucket;
      (sent
        ? ctx.store.complete(state.key, id, bucket, ctx.settings.windowMs)
        : ctx.store.refund(state.key, id, bucket)
      ).catch((err: unknown) =>
        // Not lost: the slot still frees once its hold (attempt bound + window) has passed.
        ctx.log.warn({ err, key: state.key }, 'shared budget: could not report an answered call'),
      );
    }
    if (!outcome.ok && outcome.error instanceof AttemptExpiredError) {
      outcome = {
        ok: false,
        error: new InstagramTimeoutError(
          `${w.call.method} ${w.call.path}: the attempt did not settle within ${ctx.settings.attemptTimeoutMs} ms`,
          outcome.error,
        ),
      };
    }
    const rateLimit = outcome.ok
      ? outcome.value.rateLimit
      : outcome.error instanceof InstagramError
        ? outcome.error.rateLimit
        : undefined;
    if (sent && rateLimit) observeRateLimit(ctx, state, w, rateLimit, now);
    if (sent && rateLimit?.usage) observeUsage(ctx, state, w, rateLimit.usage, now);

    if (outcome.ok) {
      ctx.counters.succeeded++;
      settle(ctx, state, w, outcome);
    } else {
      const error = outcome.error;
      const action = classifyFailure(w.call, error, w.retries, ctx.settings.retries);
      if (action === 'rate-limited') {
        ctx.counters.rateLimited++;
        pauseAfterRateLimit(ctx, state, w, error as InstagramRateLimitError, now);
        if (!w.retriedAfterRateLimit && !ctx.closed) {
          w.retriedAfterRateLimit = true;
          w.lastError = error;
          admission.enqueue(state, w, 'front', now);
        } else {
          ctx.counters.failed++;
          settle(ctx, state, w, {
            ok: false,
            error: new BudgetExhaustedError(state.key, admission.estimateStart(state, w, 'front', now), now, error),
          });
        }
      } else if (action === 'retry' && !ctx.closed) {
        ctx.counters.retries++;
        w.retries++;
        w.lastError = error;
        this.sleepThenRetry(state, w);
      } else {
        ctx.counters.failed++;
        settle(ctx, state, w, outcome);
      }
    }
    admission.pump(state);
  }

  private sleepThenRetry(state: KeyState, w: Waiter): void {
    const { ctx } = this;
    const delay = backoffMs(w.retries - 1, ctx.settings.retryBaseMs);
    const error = w.lastError;
    ctx.log.info(
      {
        key: state.key,
        method: w.call.method,
        path: w.call.path,
        retry: w.retries,
        delayMs: delay,
        error:
          error instanceof InstagramError
            ? { name: error.name, type: error.type, status: error.status }
            : String(error),
      },
      'retrying an idempotent Instagram call',
    );
    state.backingOff++;
    const timer = setTimeout(() => {
      ctx.sleeping.delete(w);
      state.backingOff--;
      this.admission.enqueue(state, w, 'front', ctx.clock());
    }, delay);
    ctx.sleeping.set(w, { timer, state });
  }
}
