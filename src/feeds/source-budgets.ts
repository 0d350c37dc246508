// Which sources each owner's budget pays for, and how often a source is polled from it. An owner's remaining calls
// are shared among every source they pay for (poll-interval.ts), so the engine keeps that set up to date as runs
// report whose budget paid, and reads it when it chooses a source's next poll.
import type { Limiter } from '../limiter/index.js';
import type { SourceKey } from '../storage/index.js';
import type { DeliveryTuning } from './delivery-tuning.js';
import { pollIntervalMs } from './poll-interval.js';
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
   * back to back on storage reads: it looks again in one interval instead (a resume pokes it sooner).
   */
  noteDone(
    sk: SourceKey,
    state: SourceState,
    run: { budgetKey: string | undefined; fetched: boolean },
    now: number,
  ): void {
    this.track(sk, state, run.budgetKey);
    const pollDue = state.nextPollAt === undefined || state.nextPollAt <= now;
    if (run.fetched || (run.budgetKey === undefined && pollDue)) state.nextPollAt = now + this.nextPollMs(state);
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
