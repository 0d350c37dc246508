// The delivery engine's counters, read by /metrics and the benchmark, and the timings of its runs.
import type { Logger } from '../log.js';

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
  /**
   * Of the calls of reads of new media: those of reads that brought at least one new post, the posts they brought,
   * and the calls of reads that found nothing (the budget cost of polling with nothing new). Setting a source's
   * start and the commands are not reads of new media and are in neither.
   */
  postReadCalls: number;
  postsRead: number;
  emptyReadCalls: number;
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
    postReadCalls: 0,
    postsRead: 0,
    emptyReadCalls: 0,
    retries: 0,
    fenced: 0,
  };
}

/** How one run of a source went, in the engine's clock (ms): for the benchmark's breakdown of delivery latency. */
export interface RunTiming {
  sourceKey: string;
  /** When the run was due (its timer's time); undefined for a run asked for at once. */
  dueAt: number | undefined;
  /** When its timer fired and it joined the queue of runs waiting for a place. */
  queuedAt: number | undefined;
  /** When it took a place among the concurrent runs. */
  startedAt: number;
  /** Its read of Instagram, if it read: when the read started and ended, and the ids of the new posts it brought. */
  read: { startedAt: number; endedAt: number; postIds: string[] } | undefined;
  endedAt: number;
}

/** Tells `onRun` how a run went (its read, if this run read and it answered: both after the run started). Never throws. */
export function reportRun(
  hooks: { onRun?: ((timing: RunTiming) => void) | undefined },
  log: Logger,
  now: () => number,
  sourceKey: string,
  state: { fetchStartedAt: number | undefined; lastRead: { endedAt: number; postIds: string[] } | undefined },
  planned: Pick<RunTiming, 'dueAt' | 'queuedAt' | 'startedAt'>,
): void {
  if (hooks.onRun === undefined) return;
  const { fetchStartedAt, lastRead } = state;
  const read =
    fetchStartedAt !== undefined &&
    fetchStartedAt >= planned.startedAt &&
    lastRead !== undefined &&
    lastRead.endedAt >= fetchStartedAt
      ? { startedAt: fetchStartedAt, endedAt: lastRead.endedAt, postIds: lastRead.postIds }
      : undefined;
  try {
    hooks.onRun({ sourceKey, ...planned, read, endedAt: now() });
  } catch (error) {
    log.warn({ err: error }, 'the run timing hook failed');
  }
}
