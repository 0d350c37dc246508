// The limiter's running totals, for metrics: what it holds now (keys, waiting and running calls) and what it has
// done since it was built (attempts, outcomes, refusals, retries, 429s, corrections, evictions).
import type { LimiterContext } from './limiter-context.js';

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

/** The totals the limiter's parts count as they go; the rest of the stats are read from the keys. */
export type LimiterCounters = Omit<LimiterStats, 'keys' | 'queued' | 'running'>;

export function newLimiterCounters(): LimiterCounters {
  return { started: 0, succeeded: 0, failed: 0, refused: 0, retries: 0, rateLimited: 0, corrections: 0, evictions: 0 };
}

export function limiterStats(ctx: LimiterContext): LimiterStats {
  let queued = 0;
  let running = 0;
  for (const state of ctx.keys.values()) {
    queued += state.queue.size;
    running += state.running;
  }
  return { keys: ctx.keys.size, queued, running, ...ctx.counters };
}
