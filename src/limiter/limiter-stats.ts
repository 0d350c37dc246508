// The limiter's running totals, for metrics: what it holds now (keys, waiting and running calls) and what it has
// done since it was built (attempts, outcomes, refusals, retries, 429s, corrections, evictions).
import type { LimiterContext } from './limiter-context.js';
import type { LimiterStats } from './limiter-counters.js';

export function limiterStats(ctx: LimiterContext): LimiterStats {
  let queued = 0;
  let running = 0;
  for (const state of ctx.keys.values()) {
    queued += state.queue.size;
    running += state.running;
  }
  return { keys: ctx.keys.size, queued, running, ...ctx.counters };
}
