// How often a source is polled, chosen from its owner's remaining Instagram budget: polls may spend at most a
// fifth of what is left in the window, shared by every source that owner pays for, so feeds can never starve the
// owner's own commands (which also run first in the limiter). Pure, so the arithmetic is tested on its own.

export interface PollBudget {
  /** Calls the owner can still make in the current window. */
  remaining: number;
  /** The window the budget refills over, ms. */
  windowMs: number;
  /** How many sources this owner's budget polls. */
  sources: number;
}

export interface PollBounds {
  /** Never poll more often than this. */
  minMs: number;
  /** Never poll less often than this (a source with no budget left is still checked once it refills). */
  maxMs: number;
  /** The share of the remaining budget polls may spend. Default 0.2. */
  share?: number | undefined;
}

export function pollIntervalMs(budget: PollBudget, bounds: PollBounds): number {
  const share = bounds.share ?? 0.2;
  const polls = Math.floor(Math.max(0, budget.remaining) * share);
  if (polls <= 0) return bounds.maxMs;
  const interval = (budget.windowMs * Math.max(1, budget.sources)) / polls;
  // Rounded up: a rounded-down interval would poll a hair more than the share allows.
  return Math.ceil(Math.min(bounds.maxMs, Math.max(bounds.minMs, interval)));
}

/** Exponential backoff after failed runs of a source: base·2^(failures-1), capped, with ±20 % jitter. */
export function retryDelayMs(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(Math.min(maxMs, raw * (0.8 + 0.4 * random())));
}

/**
 * When a source is polled next, after a read that started at `readAt`: one interval after `anchor`, the time the poll
 * was due (or the read itself, for a read asked for before its poll was due). Fixed rate rather than one interval
 * after the run ended, so a run's own time and its wait for a place among the runs do not push every later poll
 * later — a post waits at most one interval for the read — and the budget is spent at exactly one read an interval.
 * A poll that ran more than half an interval late is not followed by another at once: half an interval at least.
 */
export function nextPollAt(anchor: number, readAt: number, intervalMs: number): number {
  return Math.max(Math.min(anchor, readAt) + intervalMs, readAt + Math.ceil(intervalMs / 2));
}
