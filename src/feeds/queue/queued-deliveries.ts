// Feed delivery past one process (docs/decisions/0020): what edge and worker processes use in place of the
// in-process engine (delivery-engine.ts). Both serve the feed commands (a new feed's cursor and job, test posts,
// backfills, catch-ups) and the webhook's sink: a notification is recorded durably first, as in one process, then
// its source's job is promoted so a worker runs it now. A worker also runs the jobs (source-worker.ts) and the
// reconciler (reconciler.ts); an edge never reads a source on its own (no polling, no delivery).
import { setMaxListeners } from 'node:events';
import { sourceKey } from '../../storage/index.js';
import { warmFilterEngine } from '../../core/index.js';
import type { DeliveryEngineOptions, FeedDeliveryEngine } from '../delivery-engine-api.js';
import { DEFAULT_TUNING, type DeliveryTuning } from '../delivery-tuning.js';
import { emptyCounters } from '../engine-stats.js';
import { createFeedActions } from '../feed-actions.js';
import { newsMarks } from '../news-marks.js';
import { createPostToFeed } from '../post-to-feed.js';
import { createQueuedRunner } from './queued-runner.js';
import { startReconciler, type Reconciler } from './reconciler.js';
import { openSourceQueue, type QueueConnection } from './source-queue.js';
import { startSourceWorker, type SourceWorker } from './source-worker.js';

/** The in-process engine's parts (delivery-engine-api.ts), plus where the queue lives and which side of it this is. */
export interface QueuedDeliveriesOptions extends Omit<DeliveryEngineOptions, 'onDelivered' | 'onRun'> {
  /** `worker` runs the source jobs; `edge` only adds and promotes them. */
  role: 'edge' | 'worker';
  connection: QueueConnection;
  /** A worker's stalled-job threshold (QUEUE_STALLED_MS). */
  stalledMs: number;
}

export function createQueuedDeliveries(options: QueuedDeliveriesOptions): FeedDeliveryEngine {
  const tuning: DeliveryTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const { storage, role } = options;
  const now = options.now ?? Date.now;
  const log = options.log.child({ component: 'feeds', role });
  const counters = emptyCounters();
  const lastDelivery = new Map<string, number>();
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const queue = openSourceQueue(options.connection);
  const poster = createPostToFeed({
    poster: options.poster,
    feeds: storage.feeds,
    guildSettings: storage.guildSettings,
    log,
  });
  const delivered = (feedId: string, at: number) => lastDelivery.set(feedId, at);
  const actions = createFeedActions({
    storage,
    reader: options.reader,
    poster,
    counters,
    log,
    signal: abort.signal,
    now,
    intentSettleMs: tuning.intentSettleMs,
    delivered,
  });
  let worker: SourceWorker | undefined;
  let reconciler: Reconciler | undefined;
  let closing: Promise<void> | undefined;

  return {
    poke(key) {
      queue.runNow(key).catch((error: unknown) => log.warn({ err: error, sourceKey: key }, 'source job not promoted'));
    },

    async noteNews(news, { signal } = {}) {
      // News of media already read is dropped (the cursor check). Other news always gets a fresh mark: this process
      // cannot tell whether a stored mark is being served by a read that started before this news (a worker's run
      // clears the mark it read, and only that one), so riding along on it could lose the news until the next poll.
      const worth = await newsMarks({ storage, log }, news, () => undefined, signal);
      if (worth.length === 0) return [];
      const marked = await storage.deliveries.markDirtyMany(
        worth.map((mark) => ({ sourceKey: mark.sourceKey })),
        { signal },
      );
      await Promise.all(marked.map((sk) => queue.runNow(sk)));
      return marked;
    },

    async initSource(feed) {
      await actions.initCursor(feed);
      await queue.ensure(sourceKey(feed.source), tuning.minPollMs);
    },

    latestPost: (feed) => actions.latestPost(feed),
    sendTest: (feed) => actions.sendTest(feed),
    backfill: (feed, n) => actions.backfill(feed, n),
    missedPosts: (feed) => actions.missedPosts(feed),
    catchUp: (feed, choice) => actions.catchUp(feed, choice),

    status(feed) {
      // The next check lives in the queue, which this synchronous read cannot ask; the last delivery is stored.
      const lastDeliveryAt = lastDelivery.get(feed.id) ?? feed.lastDeliveryAt;
      return lastDeliveryAt !== undefined ? { lastDeliveryAt } : {};
    },

    async start() {
      if (role !== 'worker') return;
      // re2js's first match in a process is ~100× a warm one: paid here, before any run, not by the first delivery.
      const filterWarmUpMs = Math.round(warmFilterEngine());
      reconciler = startReconciler({
        storage,
        queue,
        everyMs: tuning.minPollMs,
        spreadMs: tuning.startSpreadMs,
        log,
      });
      await reconciler.pass();
      const run = createQueuedRunner({
        storage,
        reader: options.reader,
        limiter: options.limiter,
        poster,
        chat: options.poster,
        payers: options.payers,
        windowMs: options.windowMs,
        tuning,
        counters,
        log,
        signal: abort.signal,
        now,
        delivered,
        lastDeliveryOf: (feedId) => lastDelivery.get(feedId),
      });
      worker = startSourceWorker({
        connection: options.connection,
        run,
        marked: async (sk) => (await storage.deliveries.listDirty()).some((mark) => mark.sourceKey === sk),
        concurrency: tuning.concurrency,
        stalledMs: options.stalledMs,
        log,
      });
      log.info({ filterWarmUpMs }, 'feed delivery started on the job queue');
    },

    stats() {
      return { ...counters, lastLatencyMs: undefined, sources: 0, running: 0 };
    },

    close() {
      closing ??= (async () => {
        reconciler?.stop();
        // The worker first: it lets runs in progress finish (their jobs go back to delayed), then stops taking jobs.
        await worker?.close();
        abort.abort();
        await queue.close();
        log.info('feed delivery stopped');
      })();
      return closing;
    },
  };
}
