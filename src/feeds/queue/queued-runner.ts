// One run of a source's job in a worker process: the in-process engine's run (source-run.ts) with the same
// services, and the same choice of when the source is due next — its payer's budget sets the poll interval
// (source-budgets.ts), a feed in its own backoff is due at its retry, a run that stopped early backs off, and news
// that arrived during the run makes it due at once. What one process learns between runs (whose budget paid,
// failures in a row, feed backoffs) stays in that process; a job that moves to another worker starts over with a
// poll, which costs one read, never a post. Whether a run reads Instagram: its poll is due, or a dirty mark (a
// notification, recorded durably by whichever edge received it) waits for the source.
import type { CallPriority } from '../../limiter/call-gate.js';
import type { Limiter } from '../../limiter/index.js';
import type { Logger } from '../../log.js';
import type { FeedSource, SourceKey, Storage } from '../../storage/index.js';
import type { FeedPoster, FeedReader } from '../../core/index.js';
import type { DeliveryTuning } from '../delivery-tuning.js';
import type { EngineCounters } from '../engine-stats.js';
import { digestDeps } from '../digest-times.js';
import { FeedBackoffs } from '../feed-backoffs.js';
import { createGuildNotice } from '../guild-notice.js';
import { cachedPayerCheck, type PayerCheck } from '../payer-check.js';
import { retryDelayMs } from '../poll-interval.js';
import type { PostToFeed } from '../post-to-feed.js';
import { SourceBudgets } from '../source-budgets.js';
import { runSource, type RunDeps, type RunResult } from '../source-run.js';
import { newSourceState, type SourceState } from '../source-state.js';

export interface QueuedRunnerOptions {
  storage: Storage;
  reader: FeedReader;
  limiter: Limiter;
  poster: PostToFeed;
  chat: FeedPoster;
  payers: PayerCheck;
  windowMs: number;
  tuning: DeliveryTuning;
  counters: EngineCounters;
  log: Logger;
  signal: AbortSignal;
  now: () => number;
  delivered(feedId: string, at: number): void;
  lastDeliveryOf(feedId: string): number | undefined;
}

/**
 * Runs a source once; resolves with the milliseconds until it is due again and whether the run read everything
 * announced before it ended (`served`: a mark found after it is news), or `gone` (no feed follows the source).
 */
export type RunSourceOnce = (
  sk: SourceKey,
  source: FeedSource,
) => Promise<{ dueInMs: number; served: boolean } | 'gone'>;

export function createQueuedRunner(options: QueuedRunnerOptions): RunSourceOnce {
  const { storage, tuning, counters, log, now } = options;
  const states = new Map<SourceKey, SourceState>();
  const budgets = new SourceBudgets({ limiter: options.limiter, windowMs: options.windowMs, tuning });
  const feedBackoffs = new FeedBackoffs({ baseMs: tuning.retryBaseMs, maxMs: tuning.retryMaxMs, now, counters, log });
  // The digests this worker has seen gathered: a source's job is due when its earliest digest is (0031).
  const digest = digestDeps(storage);
  const deps: RunDeps = {
    storage,
    reader: options.reader,
    poster: options.poster,
    log,
    counters,
    signal: options.signal,
    maxItemsPerRun: tuning.maxItemsPerRun,
    intentSettleMs: tuning.intentSettleMs,
    now,
    delivered: (feed, _mediaId, at) => options.delivered(feed.id, at),
    lastDeliveryOf: options.lastDeliveryOf,
    fetching(sk, at) {
      const state = states.get(sk);
      if (state !== undefined) state.fetchStartedAt = at;
    },
    tellGuild: createGuildNotice({ poster: options.chat, log, signal: options.signal }),
    payers: cachedPayerCheck(options.payers, tuning.payerCheckMs, now),
    ...digest,
  };

  return async (sk, source) => {
    let state = states.get(sk);
    if (state === undefined) states.set(sk, (state = newSourceState(source)));
    const marked = (await storage.deliveries.listDirty()).some((d) => d.sourceKey === sk);
    // A poll that is due counts its next one from when it was due (fixed rate, as in one process: poll-interval.ts).
    const pollDueAt = state.nextPollAt !== undefined && now() >= state.nextPollAt ? state.nextPollAt : undefined;
    const fetch = marked || state.nextPollAt === undefined || pollDueAt !== undefined;
    const priority: CallPriority = marked ? 'delivery' : 'background';
    counters.runs += 1;
    if (fetch && !marked) counters.polls += 1;
    let result: RunResult;
    try {
      result = await runSource(deps, sk, source, { priority, fetch, feedReady: (id) => feedBackoffs.ready(id) });
    } catch (error) {
      log.error({ err: error, sourceKey: sk }, 'source run failed; will retry');
      result = { outcome: 'retry', reason: 'internal error', retryAt: undefined };
    }
    switch (result.outcome) {
      case 'gone':
        feedBackoffs.forgetSource(sk);
        budgets.track(sk, state, undefined);
        states.delete(sk);
        return 'gone';
      case 'done': {
        state.failures = 0;
        budgets.noteDone(sk, state, result, now(), { readAt: state.fetchStartedAt ?? now(), dueAt: pollDueAt });
        const drainAt = feedBackoffs.note(sk, result.feeds);
        if (result.rerun) return { dueInMs: tuning.debounceMs, served: false };
        const pollAt = state.nextPollAt ?? now();
        const digestAt = digest.digestTimes.earliestFor(sk) ?? pollAt;
        return { dueInMs: Math.max(0, Math.min(pollAt, drainAt ?? pollAt, digestAt) - now()), served: true };
      }
      case 'fenced':
        // A newer run of this source took its fence (this job's lock had lapsed): that run delivers; keep polling.
        log.info({ sourceKey: sk }, 'source run fenced out by a newer run; polling on');
        return { dueInMs: tuning.minPollMs, served: false };
      case 'retry': {
        state.failures += 1;
        counters.retries += 1;
        const delay =
          result.retryAt !== undefined
            ? Math.max(0, result.retryAt - now())
            : retryDelayMs(state.failures, tuning.retryBaseMs, tuning.retryMaxMs);
        log.info(
          { sourceKey: sk, reason: result.reason, retryInMs: delay },
          'source run stopped early; retrying later',
        );
        // Marks stay through a retry on purpose: the backoff decides when they are read.
        return { dueInMs: delay, served: false };
      }
    }
  };
}
