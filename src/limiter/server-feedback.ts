// What Instagram's answers teach the limiter's windows. X-Ratelimit-Remaining is believed: it adds the calls it
// reveals that igcord did not make, and when it reports fewer than the window holds and nothing else of the key
// was in flight (so the count speaks of this call alone) the window drops the surplus. A 429 pauses the key for as
// long as Instagram says: until Retry-After, else until a slot of the window frees; only a 429 without headers is
// taken as a full window (reference §3.2). A 5xx never reaches here: it is Instagram failing, not a budget.
import type { RateLimitHeaders } from './call-gate.js';
import type { InstagramRateLimitError } from '../core/instagram-errors.js';
import type { KeyState, Waiter } from './key-state.js';
import type { BudgetStore } from './budget-store.js';
import type { LimiterContext } from './limiter-context.js';
import { RELEASE_MARGIN_MS } from './sliding-window.js';

/**
 * Corrects the key's global window from the server's X-Ratelimit headers. Own calls the server may have counted at
 * this call's arrival are at most those counted here when it started plus those started since; anything beyond is
 * another process using the same token, counted as if it had just happened. When the call ran alone, the server's
 * count is exact for the key at its arrival, and a window holding more (a 503 the server did not charge, guesses
 * of foreign calls) is brought down to it.
 */
export function observeRateLimit(
  ctx: LimiterContext,
  state: KeyState,
  w: Waiter,
  rateLimit: RateLimitHeaders,
  now: number,
): void {
  if (w.call.serverCountsKey === false) return;
  if (rateLimit.limit !== undefined && state.global.lowerLimit(rateLimit.limit)) {
    ctx.counters.corrections++;
    ctx.log.info(
      { key: state.key, limit: rateLimit.limit },
      'Instagram reports a smaller budget than configured; using it',
    );
  }
  if (rateLimit.remaining === undefined) return;
  // Calls the server counts: out of its own limit when it says (a larger one than ours is not adopted, but its
  // remaining is counted from it), else out of ours.
  const serverUsed = Math.max(0, (rateLimit.limit ?? state.global.limit) - rateLimit.remaining);
  // The shared window holds every igcord process's calls: what the server counts beyond them is a foreign user.
  // It is never trimmed from one process's answer, which cannot tell whether others' calls were in flight.
  shared(ctx, state, (store) => store.observe(state.key, serverUsed, ctx.settings.windowMs));
  const startedSince = state.startedTotal - w.startedMark;
  const foreign = serverUsed - w.usedAtStart - startedSince;
  if (foreign > 0) {
    state.global.addForeign(foreign, now);
    ctx.counters.corrections++;
    ctx.log.info(
      { key: state.key, foreign, remaining: rateLimit.remaining },
      'Instagram counts calls igcord did not make; counting them too',
    );
    return;
  }
  if (w.aloneAtStart && startedSince === 0 && state.running === 0) {
    const forgotten = state.global.trimTo(serverUsed, now);
    if (forgotten > 0) {
      ctx.counters.corrections++;
      ctx.log.info(
        { key: state.key, forgotten, remaining: rateLimit.remaining },
        'Instagram counts fewer calls than igcord did; believing it',
      );
    }
  }
}

/**
 * A 429. On a write with global budget left, its write bucket is full: fill that bucket. Otherwise pause the key
 * until Retry-After, or, when the headers say how much is left (observeRateLimit has already made the window
 * agree), until the window's next slot frees; only a 429 that says nothing fills the window.
 */
export function pauseAfterRateLimit(
  ctx: LimiterContext,
  state: KeyState,
  w: Waiter,
  error: InstagramRateLimitError,
  now: number,
): void {
  const bucket = w.call.writeBucket;
  const remaining = error.rateLimit.remaining;
  const base = { key: state.key, method: w.call.method, path: w.call.path };
  if (bucket && (remaining ?? 0) > 0) {
    const window = state.writeWindow(bucket);
    const added = window.fill(now);
    shared(ctx, state, (store) => store.fill(state.key, bucket, ctx.settings.write, ctx.settings.windowMs));
    ctx.log.warn(
      { ...base, budget: bucket, added, freesAt: window.nextRelease(now) },
      'Instagram answered 429 on a write; pausing its bucket until it frees',
    );
    return;
  }
  // Graph's rate-limit errors (4/17/613/80002) give their regain time in their usage report (usage-feedback.ts).
  const resetsAt = error.resetsAt ?? error.rateLimit.usage?.regainAt;
  if (resetsAt !== undefined && resetsAt > now) {
    state.pausedUntil = Math.max(state.pausedUntil, resetsAt);
    shared(ctx, state, (store) => store.pause(state.key, state.pausedUntil));
    ctx.log.warn(
      { ...base, remaining, pausedUntil: state.pausedUntil },
      'Instagram answered 429 with Retry-After; pausing the key until then',
    );
    return;
  }
  if (remaining !== undefined) {
    const until = state.global.nextRelease(now) ?? now + state.global.windowMs + RELEASE_MARGIN_MS;
    state.pausedUntil = Math.max(state.pausedUntil, until);
    shared(ctx, state, (store) => store.pause(state.key, state.pausedUntil));
    ctx.log.warn(
      { ...base, remaining, pausedUntil: state.pausedUntil },
      'Instagram answered 429; pausing the key until a slot of its window frees',
    );
    return;
  }
  const added = state.global.fill(now);
  shared(ctx, state, (store) => store.fill(state.key, undefined, state.global.limit, ctx.settings.windowMs));
  ctx.log.warn(
    { ...base, budget: 'global', added, freesAt: state.global.nextRelease(now) },
    'Instagram answered 429 without budget headers; counting its window as full',
  );
}

/** Tells the shared store too, when there is one; a failure only costs the other processes this correction. */
function shared(ctx: LimiterContext, state: KeyState, update: (store: BudgetStore) => Promise<unknown>): void {
  if (!ctx.store) return;
  update(ctx.store).catch((err: unknown) =>
    ctx.log.warn({ err, key: state.key }, 'shared budget: could not record what Instagram said'),
  );
}
