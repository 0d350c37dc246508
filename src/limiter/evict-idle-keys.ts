// Forgets budget keys nobody uses any more, so that a process following many accounts does not keep every key it
// ever saw. A key goes only when nothing waits, runs or sleeps on it and its windows are empty (KeyState.evictable),
// so forgetting it can never hand it a fresh budget early.
import type { LimiterContext } from './limiter-context.js';
import { usageRestricts } from './usage-feedback.js';

export function evictIdleKeys(ctx: LimiterContext): void {
  const now = ctx.clock();
  for (const [key, state] of ctx.keys) {
    if (!state.evictable(now, ctx.settings.idleEvictionMs) || usageRestricts(ctx, state, now)) continue;
    ctx.keys.delete(key);
    ctx.counters.evictions++;
  }
}

/** Sweeps on a timer until cleared; the timer never keeps the process alive. */
export function startEvictionSweeper(ctx: LimiterContext): NodeJS.Timeout {
  // Idle keys are looked at a few times per eviction period (and per window, since a key leaves only once its
  // window is empty).
  const { idleEvictionMs, windowMs } = ctx.settings;
  const sweeper = setInterval(
    () => evictIdleKeys(ctx),
    Math.max(20, Math.floor(Math.min(idleEvictionMs, windowMs) / 2)),
  );
  sweeper.unref();
  return sweeper;
}
