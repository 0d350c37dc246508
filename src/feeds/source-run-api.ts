// What one run of the delivery engine over one source needs and gives back: the engine's services (RunDeps), what
// it is asked to do (RunRequest) and how it ended (RunResult, FeedOutcome per feed). Apart from source-run.ts so the
// files a run is made of can share them without importing the run itself (no cycle).
import type { CallPriority } from '../limiter/call-gate.js';
import type { FeedNotice, FeedReader } from '../core/index.js';
import type { Logger } from '../log.js';
import type { Feed, SourceKey, Storage } from '../storage/index.js';
import type { EngineCounters } from './engine-stats.js';
import type { PayerCheck } from './payer-check.js';
import type { PostToFeed } from './post-to-feed.js';
import type { DigestTimes } from './digest-times.js';
import type { TimeZoneOf } from '../storage/index.js';

export interface RunDeps {
  storage: Storage;
  /** Reads sources from the configured provider's Instagram API. */
  reader: FeedReader;
  poster: PostToFeed;
  log: Logger;
  counters: EngineCounters;
  /** Aborted when the engine closes. */
  signal: AbortSignal;
  maxItemsPerRun: number;
  /** How long an earlier run's webhook posting intent is left to settle (DeliveryTuning.intentSettleMs). */
  intentSettleMs: number;
  now: () => number;
  /**
   * Called after each recorded delivery (in-memory status, latency). `recovered`: an earlier, unrecorded post was
   * found and recorded, so `at` is not when Discord accepted it.
   */
  delivered(feed: Feed, mediaId: string, at: number, recovered: boolean): void;
  /** The latest delivery to a feed this process knows of. */
  lastDeliveryOf(feedId: string): number | undefined;
  /** Called when a run starts reading the source from Instagram (notifications marked before this are covered). */
  fetching(sourceKey: SourceKey, at: number): void;
  /** Called when that read has answered, with the ids of the new posts it brought (the benchmark's breakdown). */
  read?(sourceKey: SourceKey, postIds: string[]): void;
  /** Tells a guild that one of its feeds stopped (best effort, never throws). */
  tellGuild(notice: FeedNotice): Promise<void>;
  /** Whether a feed's payer may still pay for it in its server (asked before their token reads the source). */
  payers: PayerCheck;
  /** Which feeds have posts gathered for a digest and when each is due (docs/decisions/0031). */
  digestTimes: DigestTimes;
  /** A server's time zone, which digests keep time in. */
  timeZoneOf: TimeZoneOf;
}

export type RunResult =
  /** The source has no feed left: stop scheduling it. */
  | { outcome: 'gone' }
  /**
   * Done; `budgetKey` is the Instagram user id whose budget paid (for the next poll interval), `fetched` whether
   * Instagram was read, `feeds` how each active feed's drain ended.
   */
  | { outcome: 'done'; budgetKey: string | undefined; rerun: boolean; fetched: boolean; feeds: FeedOutcome[] }
  /** A newer run of the source took its fence: this one stopped, writing and posting nothing more. */
  | { outcome: 'fenced' }
  /**
   * Stopped early; try again at `retryAt` (or by backoff when undefined). `overBudgetUntil`: the read was refused
   * because the payer's Instagram budget is spent (by igcord's limiter or Instagram's 429), and when it frees.
   */
  | { outcome: 'retry'; reason: string; retryAt: number | undefined; overBudgetUntil?: number };

/** How one feed's drain ended: emptied, stopped by a failure that can pass, disabled, or not tried (backoff). */
export type FeedOutcome =
  | { feedId: string; outcome: 'drained' | 'disabled' | 'not-ready' }
  | { feedId: string; outcome: 'waiting'; reason: string };

/** What one run is asked to do besides draining the feeds that are ready. */
export interface RunRequest {
  priority: CallPriority;
  /** Read the source's new media from Instagram (a notification, a poll, a retry); false: only drain feeds. */
  fetch: boolean;
  /** False for a feed in its own backoff: it keeps its pending media and is not tried in this run. */
  feedReady(feedId: string): boolean;
}
