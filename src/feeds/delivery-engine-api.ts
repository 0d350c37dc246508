// What the delivery engine offers: the feed commands' interface (`ctx.deliveries`), and the composition root's,
// which adds the webhook's sink, the start and the metrics. The engine itself is delivery-engine.ts.
import type { FeedPoster, FeedReader, Post } from '../core/index.js';
import type { Limiter } from '../limiter/index.js';
import type { Logger } from '../log.js';
import type { Feed, SourceKey, Storage } from '../storage/index.js';
import type { DeliveryTuning } from './delivery-tuning.js';
import type { EngineStats, RunTiming } from './engine-stats.js';
import type { PayerCheck } from './payer-check.js';

/** What the feed commands call (`ctx.deliveries`). */
export interface DeliveryEngine {
  /** Wakes the engine for a source marked dirty (the webhook calls this after recording the mark). */
  poke(sourceKey: string): void;
  /** A new feed starts at the source's current newest media: sets the source cursor if it has none yet. */
  initSource(feed: Feed): Promise<void>;
  /** Posts the source's newest media to this feed now, marked as a test; no cursor move, not recorded as delivered. */
  sendTest(feed: Feed): Promise<{ posted: boolean; mediaId?: string }>;
  /** The source's newest post, read with the feed payer's token; undefined when it has none yet. */
  latestPost(feed: Feed): Promise<Post | undefined>;
  /** Posts the last n (1..10) media of the source to this feed, oldest first, recorded as deliveries (no duplicates). */
  backfill(feed: Feed, n: number): Promise<{ posted: number }>;
  /** How many posts (up to 10) the source made since the feed's last delivery that it did not get (a paused feed). */
  missedPosts(feed: Feed): Promise<number>;
  /** Posts those missed posts oldest first (`post`) or not (`skip`), then moves the feed past them; how many. */
  catchUp(feed: Feed, choice: 'post' | 'skip'): Promise<number>;
  /**
   * What `/feed list` and `/feed why` show: last delivery, next check, whether a run of the source is under way, and
   * why its latest run stopped early (Instagram failing, or its owner's budget spent: `overBudgetUntil`, when it
   * frees) until one completes.
   */
  status(feed: Feed): {
    lastDeliveryAt?: number;
    nextCheckAt?: number;
    checking?: boolean;
    retryReason?: string;
    overBudgetUntil?: number;
  };
  close(): Promise<void>;
}

/** The engine as the composition root holds it: the commands' interface plus start and metrics. */
export interface FeedDeliveryEngine extends DeliveryEngine {
  /**
   * Durably notes the news of a notification batch (the webhook's sink: resolves once stored) and wakes the engine
   * for each source marked, except news already noted and not yet read (an unread mark, or every named media
   * behind the source cursor), so a replayed notification spends no Instagram call. `news`: per source key, what
   * each update named (undefined: an update that names no media, which may announce anything). The whole batch
   * costs one read of the cursors and one write of the marks. With `signal` aborted (the webhook gave up and
   * answered 503), nothing more is written and the promise rejects. Resolves with the sources marked.
   */
  noteNews(
    news: ReadonlyMap<string, readonly (string | undefined)[]>,
    options?: { signal?: AbortSignal | undefined },
  ): Promise<SourceKey[]>;
  /** Schedules the dirty sources at once and every followed source for a first poll. */
  start(): Promise<void>;
  stats(): EngineStats;
}

/** What the engine is made of (the composition root builds it). */
export interface DeliveryEngineOptions {
  storage: Storage;
  /** Reads sources from the configured provider (a provider's feed-reader.ts). */
  reader: FeedReader;
  limiter: Limiter;
  /** Where feeds post: the chat platform behind core's poster port (src/discord/feed-posting on Discord). */
  poster: FeedPoster;
  /** Whether a feed's payer may still pay for it in its server (answered by the chat platform's side). */
  payers: PayerCheck;
  /** The limiter's window (config.limits.windowMs), over which budgets refill. */
  windowMs: number;
  log: Logger;
  tuning?: Partial<DeliveryTuning> | undefined;
  now?: (() => number) | undefined;
  /**
   * Called once per delivery that followed a notification (or a dirty mark found at start): ms from the mark to
   * Discord accepting the message. Deliveries found by a poll alone have no mark and are not reported. Metrics.
   */
  onDelivered?: ((latencyMs: number) => void) | undefined;
  /** Called after each run of a source with its timings (the delivery benchmark's breakdown of latency). */
  onRun?: ((timing: RunTiming) => void) | undefined;
}
