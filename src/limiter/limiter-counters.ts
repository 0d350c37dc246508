// The shape of the limiter's running totals, for metrics, and the counters its parts bump as they go. Apart from
// limiter-stats.ts so that the shared context (limiter-context.ts) can hold the counters without importing the
// code that reads the context back.
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
