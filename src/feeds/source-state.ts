// What the delivery engine keeps about one source between runs: its timer and due time, the priority of its next
// run, whether it is running and was woken meanwhile, its failures in a row, whose budget paid, and the times the
// latency figure, the poll and the dirty marks are measured from.
import type { CallPriority } from '../limiter/call-gate.js';
import type { FeedSource } from '../storage/index.js';
import type { FeedDeliveryEngine } from './delivery-engine-api.js';

export interface SourceState {
  source: FeedSource;
  timer: NodeJS.Timeout | undefined;
  dueAt: number | undefined;
  priority: CallPriority;
  running: boolean;
  /** Woken while running: run again right after. */
  again: CallPriority | undefined;
  failures: number;
  /** Why the latest run stopped early (a budget spent until a time, Instagram failing), until a run completes. */
  retryReason: string | undefined;
  /** That reason was the payer's budget, spent until this time (epoch ms); `/feed why` names it. */
  overBudgetUntil: number | undefined;
  budgetKey: string | undefined;
  /** When the oldest unserved poke arrived (latency figure). */
  pokedAt: number | undefined;
  /** The next run must read Instagram (a notification, a retry of a failed read, a start). */
  fetchWanted: boolean;
  /** When the source is next polled; a run due before then (a feed's retry) only drains. */
  nextPollAt: number | undefined;
  /** When the latest read of the source from Instagram started (marks older than this are being served). */
  fetchStartedAt: number | undefined;
  /** When the latest read answered, and the new posts it brought (for the runs' timings). */
  lastRead: { endedAt: number; postIds: string[] } | undefined;
  /** When the pending run's timer fired and it joined the queue of runs waiting for a place. */
  queuedAt: number | undefined;
}

/** Call priorities, most urgent first. */
const RANK: Record<CallPriority, number> = { interactive: 0, delivery: 1, background: 2 };
/** The more urgent of two priorities (undefined: none yet). */
export const higher = (a: CallPriority | undefined, b: CallPriority): CallPriority =>
  a === undefined || RANK[b] < RANK[a] ? b : a;

/** A source the engine has not scheduled yet. */
export function newSourceState(source: FeedSource): SourceState {
  return {
    source,
    timer: undefined,
    dueAt: undefined,
    priority: 'background',
    running: false,
    again: undefined,
    failures: 0,
    retryReason: undefined,
    overBudgetUntil: undefined,
    budgetKey: undefined,
    pokedAt: undefined,
    fetchWanted: false,
    nextPollAt: undefined,
    fetchStartedAt: undefined,
    lastRead: undefined,
    queuedAt: undefined,
  };
}

/** What /feed list and /feed why read of a feed: its last delivery, and its source's next check and latest trouble. */
export function sourceStatus(
  lastDeliveryAt: number | undefined,
  state: SourceState | undefined,
): ReturnType<FeedDeliveryEngine['status']> {
  const nextCheckAt = state?.dueAt;
  return {
    ...(lastDeliveryAt !== undefined ? { lastDeliveryAt } : {}),
    ...(nextCheckAt !== undefined ? { nextCheckAt } : {}),
    ...(state?.running === true ? { checking: true } : {}),
    ...(state?.retryReason !== undefined ? { retryReason: state.retryReason } : {}),
    ...(state?.overBudgetUntil !== undefined ? { overBudgetUntil: state.overBudgetUntil } : {}),
  };
}
