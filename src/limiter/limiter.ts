// igcord's per-token rate limiter: the CallGate every Instagram call goes through. Per budget key (the token
// owner's Instagram user id, never the token) it keeps an exact sliding window for the global budget and one per
// write bucket (reference §3.2), starts waiting calls in priority order (interactive, then delivery, then
// background) as slots free, fails a call at once when it cannot start within its deadline, corrects its count
// from X-Ratelimit-Remaining, pauses a key on 429 and retries that call once, and retries idempotent calls after
// 5xx/network failures with backoff. Attempts run on a per-key bottleneck instance (see key-state.ts for why
// admission happens before bottleneck rather than in its queue).
import Bottleneck from 'bottleneck';
import { z } from 'zod';
import type { CallDescription, CallGate, CallPriority, RateLimitHeaders, WriteBucket } from '../instagram/call-gate.js';
import { InstagramError, InstagramRateLimitError, InstagramTimeoutError } from '../instagram/errors.js';
import { silentLogger, type Logger } from '../log.js';
import { validate } from '../util/validate.js';
import { BudgetExhaustedError, LimiterClosedError, QueueTimeoutError } from './errors.js';
import { KeyState, type Waiter } from './key-state.js';
import { parseLimiterOptions, type LimiterOptions } from './limiter-options.js';
import { backoffMs, classifyFailure } from './retry-policy.js';
import type { SlidingWindow } from './sliding-window.js';

export interface WindowQuota {
  /** Calls counted in the current window (in flight included). */
  used: number;
  remaining: number;
  limit: number;
  /** Epoch ms at which the next counted call leaves the window; null when nothing is counted. */
  freesAt: number | null;
}

export interface KeyQuota extends WindowQuota {
  writes: Record<WriteBucket, WindowQuota>;
  queued: Record<CallPriority, number>;
  running: number;
}

export interface LimiterStats {
  /** Keys held in memory. */
  keys: number;
  queued: number;
  running: number;
  /** Attempts started (retries included). */
  started: number;
  succeeded: number;
  failed: number;
  /** Calls refused for lack of budget or time (BudgetExhaustedError, QueueTimeoutError). */
  refused: number;
  /** Retries after a 5xx or network failure. */
  retries: number;
  /** 429 (or 503) answers from Instagram. */
  rateLimited: number;
  /** Downward corrections from the server's X-Ratelimit headers. */
  corrections: number;
  evictions: number;
}

export interface Limiter extends CallGate {
  quota(key: string): KeyQuota;
  stats(): LimiterStats;
  /** Refuses new calls, fails waiting ones with LimiterClosedError, waits for running attempts. Idempotent. */
  close(): Promise<void>;
}

const BOTTLENECK_PRIORITY: Record<CallPriority, number> = { interactive: 0, delivery: 4, background: 9 };
const WRITE_BUCKETS: readonly WriteBucket[] = ['likes', 'comments', 'relationships'];

// A user id or `app`. Tokens contain dots (`<uid>.<client>.<hex>`, reference §4.3), so one passed by mistake is
// refused here instead of becoming a map key, a log field or a bottleneck id.
const keySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected an Instagram user id or "app"' });

type Outcome = { ok: true; value: { rateLimit: RateLimitHeaders } } | { ok: false; error: unknown };

export function createLimiter(options: LimiterOptions): Limiter {
  const settings = parseLimiterOptions(options);
  const log: Logger = (options.log ?? silentLogger()).child({ component: 'limiter' });
  const clock = options.clock ?? Date.now;
  const keys = new Map<string, KeyState>();
  const sleeping = new Map<Waiter, { timer: NodeJS.Timeout; state: KeyState }>();
  const inFlight = new Set<Promise<unknown>>();
  const counters = { started: 0, succeeded: 0, failed: 0, refused: 0, retries: 0, rateLimited: 0, corrections: 0, evictions: 0 };
  let closed = false;
  let closing: Promise<void> | undefined;

  // Idle keys are looked at a few times per eviction period (and per window, since a key leaves only once its
  // window is empty); the timer never keeps the process alive.
  const sweeper = setInterval(sweep, Math.max(20, Math.floor(Math.min(settings.idleEvictionMs, settings.windowMs) / 2)));
  sweeper.unref();

  /** Looked up at every use, never cached by a caller: an evicted key is rebuilt, not revived stale. */
  function stateFor(key: string): KeyState {
    let state = keys.get(key);
    if (!state) {
      state = new KeyState(key, settings, log, clock());
      keys.set(key, state);
    }
    return state;
  }

  function run<T extends { rateLimit: RateLimitHeaders }>(call: CallDescription, attempt: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (closed) return reject(new LimiterClosedError());
      try {
        validate(keySchema, call.key, 'limiter key');
      } catch (error) {
        return reject(error);
      }
      if (call.signal?.aborted) return reject(call.signal.reason);
      const now = clock();
      const state = stateFor(call.key);
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
        settled: false,
        prev: undefined,
        next: undefined,
        queued: false,
      };
      enqueue(state, waiter, 'back', now);
    });
  }

  /** When a call put at `where` of its lane could start, as far as the budgets (not concurrency) decide. */
  function estimateStart(state: KeyState, w: Waiter, where: 'back' | 'front', now: number): number {
    const ahead = where === 'back' ? state.queue.aheadOf(w.priority) : state.queue.above(w.priority);
    let at = state.global.startTime(now, ahead);
    const bucket = w.call.writeBucket;
    if (bucket) at = Math.max(at, state.writeWindow(bucket).startTime(now, state.writesAheadOf(bucket, w.priority)));
    return at;
  }

  /** The error for a call that cannot start in time: its previous failure if it was waiting to retry one. */
  function refusal(state: KeyState, w: Waiter, freesAt: number, now: number): unknown {
    counters.refused++;
    if (w.lastError !== undefined && !(w.lastError instanceof InstagramRateLimitError)) return w.lastError;
    return new BudgetExhaustedError(state.key, freesAt, now, w.lastError);
  }

  function enqueue(state: KeyState, w: Waiter, where: 'back' | 'front', now: number): void {
    if (closed) return settle(state, w, { ok: false, error: new LimiterClosedError() });
    const deadline = w.call.deadlineMs ?? settings.deadlines[w.priority];
    const startAt = estimateStart(state, w, where, now);
    if (startAt > now + deadline) {
      log.debug({ key: state.key, priority: w.priority, freesAt: startAt }, 'call refused: budget frees after its deadline');
      return settle(state, w, { ok: false, error: refusal(state, w, startAt, now) });
    }
    if (where === 'back') state.queue.push(w);
    else state.queue.unshift(w);
    w.waitingSince = now;
    w.deadlineTimer = setTimeout(() => onDeadline(state, w), deadline);
    const signal = w.call.signal;
    if (signal && !w.onAbort) {
      w.onAbort = () => onAbort(state, w);
      signal.addEventListener('abort', w.onAbort, { once: true });
    }
    pump(state);
  }

  function onDeadline(state: KeyState, w: Waiter): void {
    w.deadlineTimer = undefined;
    if (!w.queued) return;
    state.queue.remove(w);
    const now = clock();
    const freesAt = estimateStart(state, w, 'front', now);
    const error = freesAt > now ? refusal(state, w, freesAt, now) : (counters.refused++, w.lastError ?? new QueueTimeoutError(state.key, now - w.waitingSince));
    settle(state, w, { ok: false, error });
    pump(state);
  }

  function onAbort(state: KeyState, w: Waiter): void {
    const reason = w.call.signal?.reason;
    if (w.queued) {
      state.queue.remove(w);
      settle(state, w, { ok: false, error: reason });
      pump(state);
      return;
    }
    const sleeper = sleeping.get(w);
    if (sleeper) {
      clearTimeout(sleeper.timer);
      sleeping.delete(w);
      state.backingOff--;
      settle(state, w, { ok: false, error: reason });
    }
    // A running attempt sees the same signal and ends itself.
  }

  function settle(state: KeyState, w: Waiter, outcome: Outcome): void {
    if (w.settled) return;
    w.settled = true;
    if (w.deadlineTimer) clearTimeout(w.deadlineTimer);
    w.deadlineTimer = undefined;
    if (w.onAbort) w.call.signal?.removeEventListener('abort', w.onAbort);
    w.onAbort = undefined;
    state.lastActivity = clock();
    if (outcome.ok) w.resolve(outcome.value);
    else w.reject(outcome.error);
  }

  /** Starts every waiting call the key's budgets and concurrency allow, in start order; sleeps until the next frees. */
  function pump(state: KeyState): void {
    if (closed) return;
    const now = clock();
    let wakeAt = Infinity;
    let w = state.queue.first();
    while (w) {
      const next = state.queue.after(w);
      if (state.running >= state.concurrencyFor(w.priority)) break;
      if (!state.global.hasRoom(now)) {
        wakeAt = Math.min(wakeAt, state.global.nextRelease(now) ?? Infinity);
        break;
      }
      const bucket = w.call.writeBucket;
      if (bucket) {
        const writes = state.writeWindow(bucket);
        // A full write bucket holds back only its own calls; reads and other buckets go on.
        if (!writes.hasRoom(now)) {
          wakeAt = Math.min(wakeAt, writes.nextRelease(now) ?? Infinity);
          w = next;
          continue;
        }
      }
      start(state, w, now);
      w = next;
    }
    if (wakeAt === state.wakeAt) return;
    if (state.wakeTimer) clearTimeout(state.wakeTimer);
    state.wakeTimer = undefined;
    state.wakeAt = wakeAt;
    if (wakeAt !== Infinity) {
      state.wakeTimer = setTimeout(() => {
        state.wakeTimer = undefined;
        state.wakeAt = Infinity;
        pump(state);
      }, Math.max(0, wakeAt - now));
    }
  }

  function start(state: KeyState, w: Waiter, now: number): void {
    state.queue.remove(w);
    if (w.deadlineTimer) clearTimeout(w.deadlineTimer);
    w.deadlineTimer = undefined;
    const writes = w.call.writeBucket ? state.writeWindow(w.call.writeBucket) : undefined;
    // Counted from its start: the server counts it at arrival, which can only be later.
    state.global.acquire();
    writes?.acquire();
    state.running++;
    state.startedTotal++;
    state.lastActivity = now;
    counters.started++;
    w.attempts++;
    w.usedAtStart = state.global.used(now);
    w.startedMark = state.startedTotal;
    let sent = false;
    const job = state.executor.schedule(
      { priority: BOTTLENECK_PRIORITY[w.priority], expiration: settings.attemptTimeoutMs },
      async () => {
        if (w.call.signal?.aborted) throw w.call.signal.reason;
        sent = true;
        return w.attempt();
      },
    );
    const done = job.then(
      (value) => finish(state, w, writes, sent, { ok: true, value: value as { rateLimit: RateLimitHeaders } }),
      (error: unknown) => finish(state, w, writes, sent, { ok: false, error }),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  }

  function finish(state: KeyState, w: Waiter, writes: SlidingWindow | undefined, sent: boolean, outcome: Outcome): void {
    const now = clock();
    state.running--;
    if (sent) {
      state.global.complete(now);
      writes?.complete(now);
    } else {
      state.global.refund();
      writes?.refund();
    }
    if (!outcome.ok && outcome.error instanceof Bottleneck.BottleneckError) {
      outcome = {
        ok: false,
        error: new InstagramTimeoutError(
          `${w.call.method} ${w.call.path}: the attempt did not settle within ${settings.attemptTimeoutMs} ms`,
          outcome.error,
        ),
      };
    }
    const rateLimit = outcome.ok ? outcome.value.rateLimit : outcome.error instanceof InstagramError ? outcome.error.rateLimit : undefined;
    if (sent && rateLimit) observe(state, w, rateLimit, now);

    if (outcome.ok) {
      counters.succeeded++;
      settle(state, w, outcome);
    } else {
      const error = outcome.error;
      const action = classifyFailure(w.call, error, w.retries, settings.retries);
      if (action === 'rate-limited') {
        counters.rateLimited++;
        pause(state, w, error as InstagramRateLimitError, now);
        if (!w.retriedAfterRateLimit && !closed) {
          w.retriedAfterRateLimit = true;
          w.lastError = error;
          enqueue(state, w, 'front', now);
        } else {
          counters.failed++;
          settle(state, w, { ok: false, error: new BudgetExhaustedError(state.key, estimateStart(state, w, 'front', now), now, error) });
        }
      } else if (action === 'retry' && !closed) {
        counters.retries++;
        w.retries++;
        w.lastError = error;
        sleepThenRetry(state, w);
      } else {
        counters.failed++;
        settle(state, w, outcome);
      }
    }
    pump(state);
  }

  /**
   * The server's X-Ratelimit headers can only make us stricter. Own calls the server may have counted at this
   * call's arrival are at most those counted here when it started plus those started since; anything beyond is
   * another process using the same token, counted as if it had just happened.
   */
  function observe(state: KeyState, w: Waiter, rateLimit: RateLimitHeaders, now: number): void {
    if (rateLimit.limit !== undefined && state.global.lowerLimit(rateLimit.limit)) {
      counters.corrections++;
      log.info({ key: state.key, limit: rateLimit.limit }, 'Instagram reports a smaller budget than configured; using it');
    }
    if (rateLimit.remaining === undefined) return;
    const startedSince = state.startedTotal - w.startedMark;
    const foreign = state.global.limit - rateLimit.remaining - w.usedAtStart - startedSince;
    if (foreign > 0) {
      state.global.addForeign(foreign, now);
      counters.corrections++;
      log.info({ key: state.key, foreign, remaining: rateLimit.remaining }, 'Instagram counts calls igcord did not make; counting them too');
    }
  }

  /** A 429: the server's window is full whatever ours says. Fill ours so nothing starts until a slot frees. */
  function pause(state: KeyState, w: Waiter, error: InstagramRateLimitError, now: number): void {
    const bucket = w.call.writeBucket;
    // With budget left in the global window, a 429 on a write can only be its write bucket.
    const window = bucket && (error.rateLimit.remaining ?? 0) > 0 ? state.writeWindow(bucket) : state.global;
    const added = window.fill(now);
    log.warn(
      { key: state.key, method: w.call.method, path: w.call.path, budget: window === state.global ? 'global' : bucket, added, freesAt: window.nextRelease(now) },
      'Instagram answered 429; pausing the key until its window frees',
    );
  }

  function sleepThenRetry(state: KeyState, w: Waiter): void {
    const delay = backoffMs(w.retries - 1, settings.retryBaseMs);
    const error = w.lastError;
    log.info(
      {
        key: state.key,
        method: w.call.method,
        path: w.call.path,
        retry: w.retries,
        delayMs: delay,
        error: error instanceof InstagramError ? { name: error.name, type: error.type, status: error.status } : String(error),
      },
      'retrying an idempotent Instagram call',
    );
    state.backingOff++;
    const timer = setTimeout(() => {
      sleeping.delete(w);
      state.backingOff--;
      enqueue(state, w, 'front', clock());
    }, delay);
    sleeping.set(w, { timer, state });
  }

  function sweep(): void {
    const now = clock();
    for (const [key, state] of keys) {
      if (!state.evictable(now, settings.idleEvictionMs)) continue;
      keys.delete(key);
      counters.evictions++;
      state.executor.disconnect().catch((err: unknown) => log.warn({ err, key }, 'limiter executor did not disconnect'));
    }
  }

  function windowQuota(window: SlidingWindow | undefined, limit: number, now: number): WindowQuota {
    if (!window) return { used: 0, remaining: limit, limit, freesAt: null };
    const used = window.used(now);
    return {
      used,
      remaining: window.remaining(now),
      limit: window.limit,
      freesAt: used === 0 ? null : (window.nextRelease(now) ?? now + settings.windowMs),
    };
  }

  function quota(key: string): KeyQuota {
    const now = clock();
    const state = keys.get(key);
    const writes = {} as Record<WriteBucket, WindowQuota>;
    for (const bucket of WRITE_BUCKETS) writes[bucket] = windowQuota(state?.peekWriteWindow(bucket), settings.write, now);
    return {
      ...windowQuota(state?.global, settings.global, now),
      writes,
      queued: {
        interactive: state?.queue.count('interactive') ?? 0,
        delivery: state?.queue.count('delivery') ?? 0,
        background: state?.queue.count('background') ?? 0,
      },
      running: state?.running ?? 0,
    };
  }

  function stats(): LimiterStats {
    let queued = 0;
    let running = 0;
    for (const state of keys.values()) {
      queued += state.queue.size;
      running += state.running;
    }
    return { keys: keys.size, queued, running, ...counters };
  }

  function close(): Promise<void> {
    if (closing) return closing;
    closed = true;
    clearInterval(sweeper);
    for (const state of keys.values()) {
      if (state.wakeTimer) clearTimeout(state.wakeTimer);
      state.wakeTimer = undefined;
      for (const w of state.queue.drain()) settle(state, w, { ok: false, error: new LimiterClosedError() });
    }
    for (const [w, { timer, state }] of sleeping) {
      clearTimeout(timer);
      state.backingOff--;
      settle(state, w, { ok: false, error: new LimiterClosedError() });
    }
    sleeping.clear();
    closing = (async () => {
      // Running attempts end on their own (bounded by attemptTimeoutMs); their callers get their answers.
      await Promise.allSettled([...inFlight]);
      await Promise.allSettled([...keys.values()].map((state) => state.executor.disconnect()));
      keys.clear();
    })();
    return closing;
  }

  return { run, quota, stats, close };
}
