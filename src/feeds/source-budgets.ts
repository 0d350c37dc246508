// Which sources each owner's budget pays for, and how often a source is polled from it. An owner's remaining calls
// are shared among every source they pay for (poll-interval.ts), so the engine keeps that set up to date as runs
// report whose budget paid, and reads it when it chooses a source's next poll.
import type { Limiter } from '../limiter/index.js';
import type { SourceKey } from '../storage/index.js';
import type { DeliveryTuning } from './delivery-tuning.js';
import { nextPollAt, pollIntervalMs } from './poll-interval.js';
import type { SourceState } from './source-state.js';

export class SourceBudgets {
  private readonly budgetSources = new Map<string, Set<SourceKey>>();

  constructor(
    private readonly deps: {
      limiter: Limiter;
      /** The limiter's window (config.limits.windowMs), over which budgets refill. */
      windowMs: number;
      tuning: Pick<DeliveryTuning, 'minPollMs' | 'maxPollMs' | 'pollShare'>;
    },
  ) {}

  /** Records that `budgetKey` (undefined: no one) now pays for the source's runs. */
  track(sk: SourceKey, state: SourceState, budgetKey: string | undefined): void {
    if (state.budgetKey === budgetKey) return;
    if (state.budgetKey !== undefined) this.budgetSources.get(state.budgetKey)?.delete(sk);
    state.budgetKey = budgetKey;
    if (budgetKey !== undefined) {
      const set = this.budgetSources.get(budgetKey) ?? new Set<SourceKey>();
      set.add(sk);
      this.budgetSources.set(budgetKey, set);
    }
  }

  /**
   * After a run that is done, by either runner (in-process or queued): records who paid and when the source is
   * polled next. A run that read Instagram polls again after its payer's interval; one that nobody could pay for
   * (every feed paused or disabled) read nothing, so a poll that was due would stay due and the source would run
   * back to back on storage reads: it looks again in one interval instead (a resume pokes it sooner). `poll`: when
   * the read started and when the poll was due (undefined for a read someone asked for).
   */
  noteDone(
    sk: SourceKey,
    state: SourceState,
    run: { budgetKey: string | undefined; fetched: boolean },
    now: number,
    poll: { readAt: number; dueAt: number | undefined } = { readAt: now, dueAt: undefined },
  ): void {
    this.track(sk, state, run.budgetKey);
    // Fixed rate: one interval after the poll was due, not after the run ended (poll-interval.ts, nextPollAt).
    if (run.fetched) state.nextPollAt = nextPollAt(poll.dueAt ?? poll.readAt, poll.readAt, this.nextPollMs(state));
    else if (run.budgetKey === undefined && (state.nextPollAt === undefined || state.nextPollAt <= now))
      state.nextPollAt = now + this.nextPollMs(state);
  }

  /** How long until the source is polled again, from its payer's remaining budget. */
  nextPollMs(state: SourceState): number {
    const { limiter, windowMs, tuning } = this.deps;
    // No owner could pay (every feed paused or disabled): checking costs no Instagram call, and an owner who links
    // again should see their feeds resume soon, so look again at the shortest interval.
    if (state.budgetKey === undefined) return tuning.minPollMs;
    const quota = limiter.quota(state.budgetKey);
    return pollIntervalMs(
      {
        remaining: quota.remaining,
        windowMs,
        sources: this.budgetSources.get(state.budgetKey)?.size ?? 1,
      },
      { minMs: tuning.minPollMs, maxMs: tuning.maxPollMs, share: tuning.pollShare },
    );
  }
}
