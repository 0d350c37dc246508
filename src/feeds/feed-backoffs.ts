// The backoffs of single feeds. A feed whose latest try failed in a way that can pass waits alone: its source is
// run again for it at `retryAt` without reading Instagram (its media wait in the feed's pending list), and the
// failures in a row stretch the wait; a drained or disabled feed has none.
import type { Logger } from '../log.js';
import type { SourceKey } from '../storage/index.js';
import type { EngineCounters } from './engine-stats.js';
import { retryDelayMs } from './poll-interval.js';
import type { FeedOutcome } from './source-run.js';

interface FeedBackoff {
  sourceKey: SourceKey;
  failures: number;
  retryAt: number;
}

export class FeedBackoffs {
  private readonly backoffs = new Map<string, FeedBackoff>();

  constructor(
    private readonly deps: { baseMs: number; maxMs: number; now: () => number; counters: EngineCounters; log: Logger },
  ) {}

  /** Whether the feed may be tried now (not in its backoff). */
  ready(feedId: string): boolean {
    const backoff = this.backoffs.get(feedId);
    return backoff === undefined || this.deps.now() >= backoff.retryAt;
  }

  /** Updates the feeds' backoffs from a run; returns when the earliest waiting feed of the source is due. */
  note(sk: SourceKey, feeds: readonly FeedOutcome[]): number | undefined {
    const { now, counters, log } = this.deps;
    let drainAt: number | undefined;
    for (const feed of feeds) {
      if (feed.outcome === 'drained' || feed.outcome === 'disabled') {
        this.backoffs.delete(feed.feedId);
        continue;
      }
      let backoff = this.backoffs.get(feed.feedId);
      if (feed.outcome === 'waiting') {
        const failures = (backoff?.failures ?? 0) + 1;
        const delay = retryDelayMs(failures, this.deps.baseMs, this.deps.maxMs);
        backoff = { sourceKey: sk, failures, retryAt: now() + delay };
        this.backoffs.set(feed.feedId, backoff);
        counters.retries += 1;
        log.info(
          { sourceKey: sk, feedId: feed.feedId, reason: feed.reason, retryInMs: delay, failures },
          'feed could not post; it waits alone and tries again later',
        );
      }
      if (backoff !== undefined) drainAt = Math.min(drainAt ?? Infinity, backoff.retryAt);
    }
    return drainAt;
  }

  /** Drops the backoffs of a source's feeds (the source has no feed left). */
  forgetSource(sk: SourceKey): void {
    for (const [feedId, backoff] of this.backoffs) if (backoff.sourceKey === sk) this.backoffs.delete(feedId);
  }
}
