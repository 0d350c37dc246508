// What Instagram's answers teach the limiter's windows. The X-Ratelimit headers can only make a key's budget
// stricter, never looser; a 429 means the server's window is full whatever ours says, so ours is filled until a
// slot frees (reference §3.2).
import type { RateLimitHeaders } from '../instagram/call-gate.js';
import type { InstagramRateLimitError } from '../instagram/errors.js';
import type { KeyState, Waiter } from './key-state.js';
import type { LimiterContext } from './limiter-context.js';

/**
 * The server's X-Ratelimit headers can only make us stricter. Own calls the server may have counted at this
 * call's arrival are at most those counted here when it started plus those started since; anything beyond is
 * another process using the same token, counted as if it had just happened.
 */
export function observeRateLimit(ctx: LimiterContext, state: KeyState, w: Waiter, rateLimit: RateLimitHeaders, now: number): void {
  if (rateLimit.limit !== undefined && state.global.lowerLimit(rateLimit.limit)) {
    ctx.counters.corrections++;
    ctx.log.info({ key: state.key, limit: rateLimit.limit }, 'Instagram reports a smaller budget than configured; using it');
  }
  if (rateLimit.remaining === undefined) return;
  const startedSince = state.startedTotal - w.startedMark;
  const foreign = state.global.limit - rateLimit.remaining - w.usedAtStart - startedSince;
  if (foreign > 0) {
    state.global.addForeign(foreign, now);
    ctx.counters.corrections++;
    ctx.log.info({ key: state.key, foreign, remaining: rateLimit.remaining }, 'Instagram counts calls igcord did not make; counting them too');
  }
}

/** A 429: the server's window is full whatever ours says. Fill ours so nothing starts until a slot frees. */
export function pauseAfterRateLimit(ctx: LimiterContext, state: KeyState, w: Waiter, error: InstagramRateLimitError, now: number): void {
  const bucket = w.call.writeBucket;
  // With budget left in the global window, a 429 on a write can only be its write bucket.
  const window = bucket && (error.rateLimit.remaining ?? 0) > 0 ? state.writeWindow(bucket) : state.global;
  const added = window.fill(now);
  ctx.log.warn(
    { key: state.key, method: w.call.method, path: w.call.path, budget: window === state.global ? 'global' : bucket, added, freesAt: window.nextRelease(now) },
    'Instagram answered 429; pausing the key until its window frees',
  );
}
