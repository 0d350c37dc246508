// The delivery engine's pacing: debounce of notifications, concurrency, the bounds and budget share of polling,
// the start's spread, backoffs and the size of a run. The operator may set each from the environment
// (config-schema.ts); these defaults are the engine's own.

export interface DeliveryTuning {
  /** A poke waits this long so a burst of notifications for one source becomes one run. */
  debounceMs: number;
  /**
   * Source runs at once. A run mostly waits (storage, the Instagram call, Discord), so this many polls can overlap;
   * the limiter still bounds Instagram calls (docs/decisions/0035).
   */
  concurrency: number;
  /** Bounds of the poll interval of one source. */
  minPollMs: number;
  maxPollMs: number;
  /** Share of the owner's remaining budget that polling may spend. */
  pollShare: number;
  /** After a start, the first polls of all sources are spread over this long. */
  startSpreadMs: number;
  /** Backoff of a source whose run failed. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** New media read per run at most. */
  maxItemsPerRun: number;
  /** How long a payer's standing in a server (member with Manage Server) is trusted before Discord is asked again. */
  payerCheckMs: number;
  /**
   * How long a webhook posting intent of an earlier (stalled) run is left to land before a newer run looks for its
   * post in the channel: longer than a webhook execution can stay in flight (Discord REST timeout and retries).
   */
  intentSettleMs: number;
  /** How often the engine looks for digests whose period has ended (docs/decisions/0031). */
  digestTickMs: number;
}

export const DEFAULT_TUNING: DeliveryTuning = {
  debounceMs: 20,
  concurrency: 16,
  minPollMs: 60_000,
  maxPollMs: 3_600_000,
  pollShare: 0.2,
  startSpreadMs: 30_000,
  retryBaseMs: 1_000,
  retryMaxMs: 300_000,
  maxItemsPerRun: 50,
  payerCheckMs: 60_000,
  intentSettleMs: 120_000,
  digestTickMs: 15_000,
};
