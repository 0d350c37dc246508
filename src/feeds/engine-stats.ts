// The delivery engine's counters, read by /metrics and the benchmark.

export interface EngineCounters {
  /** Posts recorded as delivered. */
  deliveries: number;
  /** Failed posts and failed source reads (each attempt counts). */
  failures: number;
  /** Feeds disabled because Discord refused them for good. */
  disabled: number;
  /** Source runs (notification-driven and polls). */
  runs: number;
  /** Runs that were polls (background). */
  polls: number;
  /** Reads of new media from Instagram. */
  fetches: number;
  /** Instagram calls made by the engine. */
  instagramCalls: number;
  /** Runs stopped early and rescheduled. */
  retries: number;
  /** Runs stopped because a newer run of their source took its fence (docs/decisions/0021). */
  fenced: number;
}

export interface EngineStats extends EngineCounters {
  /** Notification (or dirty mark) → message accepted by Discord, of the latest delivery that followed one, ms. */
  lastLatencyMs: number | undefined;
  /** Sources the engine schedules. */
  sources: number;
  /** Source runs in progress. */
  running: number;
}

export function emptyCounters(): EngineCounters {
  return {
    deliveries: 0,
    failures: 0,
    disabled: 0,
    runs: 0,
    polls: 0,
    fetches: 0,
    instagramCalls: 0,
    retries: 0,
    fenced: 0,
  };
}
