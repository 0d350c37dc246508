// The feed delivery engine: schedules runs of sources (source-run.ts) and serves the feed commands. A
// notification pokes its source (a short debounce folds bursts into one run); every source followed by a feed is
// also polled, at an interval chosen from its owner's remaining budget (source-budgets.ts) with background
// priority, which reconciles tag and location feeds, sources whose notification was lost, and everything after
// a restart (dirty sources first, then every source, spread out). At most one run per source at a time, and a
// bounded number at once; a run that could not read its source is retried with backoff and never dropped. A feed
// that cannot post has its own backoff: its source is run again for it at that time without reading Instagram
// (the media wait in the feed's pending list). A notification for a source whose earlier notification is not
// read yet, or for media already read, costs nothing: no new mark, no new run. Posts go out through core's poster
// port, which the composition root injects (src/discord/feed-posting on Discord): the engine knows no Discord.
import { setMaxListeners } from 'node:events';
import type { CallPriority } from '../limiter/call-gate.js';
import type { Limiter } from '../limiter/index.js';
import type { Logger } from '../log.js';
import { parseSourceKey, sourceKey, type FeedSource, type SourceKey, type Storage } from '../storage/index.js';
import { warmFilterEngine, type FeedPoster, type FeedReader } from '../core/index.js';
import type { FeedDeliveryEngine } from './delivery-engine-api.js';
import { DEFAULT_TUNING, type DeliveryTuning } from './delivery-tuning.js';
import { emptyCounters } from './engine-stats.js';
import { createFeedActions } from './feed-actions.js';
import { FeedBackoffs } from './feed-backoffs.js';
import { createGuildNotice } from './guild-notice.js';
import { retryDelayMs } from './poll-interval.js';
import { createPostToFeed } from './post-to-feed.js';
import { newsMarks } from './news-marks.js';
import { SourceBudgets } from './source-budgets.js';
import { higher, newSourceState, sourceStatus, type SourceState } from './source-state.js';
import { runSource, type RunDeps, type RunResult } from './source-run.js';
import { cachedPayerCheck, type PayerCheck } from './payer-check.js';
import { digestDeps } from './digest-times.js';

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
}

export function createDeliveryEngine(options: DeliveryEngineOptions): FeedDeliveryEngine {
  const tuning: DeliveryTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const { storage, reader, limiter } = options;
  const now = options.now ?? Date.now;
  const log = options.log.child({ component: 'feeds' });
  const poster = createPostToFeed({
    poster: options.poster,
    feeds: storage.feeds,
    guildSettings: storage.guildSettings,
    log,
  });
  const counters = emptyCounters();
  const sources = new Map<SourceKey, SourceState>();
  const budgets = new SourceBudgets({ limiter, windowMs: options.windowMs, tuning });
  const lastDelivery = new Map<string, number>();
  const feedBackoffs = new FeedBackoffs({ baseMs: tuning.retryBaseMs, maxMs: tuning.retryMaxMs, now, counters, log });
  const ready: SourceKey[] = [];
  const inFlight = new Set<Promise<void>>();
  const abort = new AbortController();
  // One signal is shared by every call the engine has in flight (it ends them all at close): not a leak.
  setMaxListeners(0, abort.signal);
  let running = 0;
  let lastLatencyMs: number | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;

  const actions = createFeedActions({
    storage,
    reader,
    poster,
    counters,
    log,
    signal: abort.signal,
    now,
    intentSettleMs: tuning.intentSettleMs,
    delivered: (feedId, at) => lastDelivery.set(feedId, at),
  });
  const tellGuild = createGuildNotice({ poster: options.poster, log, signal: abort.signal });
  const runDeps: RunDeps = {
    storage,
    reader,
    poster,
    log,
    counters,
    signal: abort.signal,
    maxItemsPerRun: tuning.maxItemsPerRun,
    intentSettleMs: tuning.intentSettleMs,
    now,
    delivered(feed, _mediaId, at, recovered) {
      lastDelivery.set(feed.id, at);
      const state = sources.get(sourceKey(feed.source));
      if (state?.pokedAt === undefined || recovered) return;
      lastLatencyMs = Math.max(0, at - state.pokedAt);
      try {
        options.onDelivered?.(lastLatencyMs);
      } catch (error) {
        log.warn({ err: error }, 'the delivery latency hook failed');
      }
    },
    lastDeliveryOf: (feedId) => lastDelivery.get(feedId),
    fetching(sk, at) {
      const state = sources.get(sk);
      if (state !== undefined) state.fetchStartedAt = at;
    },
    tellGuild,
    payers: cachedPayerCheck(options.payers, tuning.payerCheckMs, now),
    ...digestDeps(storage),
  };

  function stateOf(sk: SourceKey, source: FeedSource): SourceState {
    let state = sources.get(sk);
    if (state === undefined) sources.set(sk, (state = newSourceState(source)));
    return state;
  }

  /**
   * Runs the source after `delayMs` unless it is already due sooner; the priority only ever rises. `fetch`: that
   * run must read Instagram (otherwise it reads only when its poll is due, and drains the feeds that are ready).
   */
  function schedule(sk: SourceKey, source: FeedSource, delayMs: number, priority: CallPriority, fetch = true): void {
    if (closed) return;
    const state = stateOf(sk, source);
    if (fetch) state.fetchWanted = true;
    if (state.running) {
      if (delayMs <= tuning.debounceMs) {
        state.again = higher(state.again, priority);
        return;
      }
    }
    const at = now() + Math.max(0, delayMs);
    // A timer due before now is overdue (the wall clock jumped ahead): it is set again rather than waited for.
    if (state.timer !== undefined && state.dueAt !== undefined && state.dueAt <= at && state.dueAt >= now()) {
      state.priority = higher(state.priority, priority);
      return;
    }
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.priority = state.timer === undefined ? priority : higher(state.priority, priority);
    state.dueAt = at;
    state.timer = setTimeout(
      () => {
        state.timer = undefined;
        enqueue(sk);
      },
      Math.max(0, delayMs),
    );
  }

  function enqueue(sk: SourceKey): void {
    const state = sources.get(sk);
    if (state === undefined || closed) return;
    if (state.running) {
      state.again = higher(state.again, state.priority);
      return;
    }
    if (!ready.includes(sk)) ready.push(sk);
    pump();
  }

  function pump(): void {
    while (!closed && running < tuning.concurrency && ready.length > 0) {
      const sk = ready.shift()!;
      const state = sources.get(sk);
      if (state === undefined || state.running) continue;
      const priority = state.priority;
      state.priority = 'background';
      state.dueAt = undefined;
      state.running = true;
      running += 1;
      // A poll that is due, or a run someone asked to read the source for; any other run only drains feeds.
      const fetch = state.fetchWanted || state.nextPollAt === undefined || now() >= state.nextPollAt;
      state.fetchWanted = false;
      const task = execute(sk, state, priority, fetch).finally(() => {
        inFlight.delete(task);
        state.running = false;
        running -= 1;
        pump();
      });
      inFlight.add(task);
    }
  }

  const feedReady = (feedId: string) => feedBackoffs.ready(feedId);

  async function execute(sk: SourceKey, state: SourceState, priority: CallPriority, fetch: boolean): Promise<void> {
    counters.runs += 1;
    if (fetch && priority === 'background') counters.polls += 1;
    let result: RunResult;
    try {
      result = await runSource(runDeps, sk, state.source, { priority, fetch, feedReady });
    } catch (error) {
      log.error({ err: error, sourceKey: sk }, 'source run failed; will retry');
      result = { outcome: 'retry', reason: 'internal error', retryAt: undefined };
    }
    // Not running any more from here on, so the scheduling below sets timers instead of "run again" flags.
    state.running = false;
    if (closed) return;
    const again = state.again;
    state.again = undefined;
    switch (result.outcome) {
      case 'gone':
        forget(sk, state);
        return;
      case 'fenced':
        // Another worker runs this source now; this one only keeps its regular poll.
        schedule(sk, state.source, tuning.minPollMs, 'background');
        return;
      case 'done': {
        state.failures = 0;
        state.retryReason = undefined;
        state.overBudgetUntil = undefined;
        budgets.noteDone(sk, state, result, now());
        if (result.fetched) state.pokedAt = undefined;
        const drainAt = feedBackoffs.note(sk, result.feeds);
        if (again !== undefined || result.rerun) {
          schedule(sk, state.source, 0, higher(again, 'delivery'));
          return;
        }
        const pollAt = state.nextPollAt ?? now();
        if (drainAt !== undefined && drainAt < pollAt) schedule(sk, state.source, drainAt - now(), 'delivery', false);
        else schedule(sk, state.source, pollAt - now(), 'background', false);
        return;
      }
      case 'retry': {
        state.failures += 1;
        state.retryReason = result.reason;
        state.overBudgetUntil = result.overBudgetUntil;
        counters.retries += 1;
        const delay =
          result.retryAt !== undefined
            ? Math.max(0, result.retryAt - now())
            : retryDelayMs(state.failures, tuning.retryBaseMs, tuning.retryMaxMs);
        log.info(
          { sourceKey: sk, reason: result.reason, retryInMs: delay, failures: state.failures },
          'source run stopped early; retrying later',
        );
        schedule(sk, state.source, delay, priority === 'background' ? higher(again, 'background') : 'delivery');
        return;
      }
    }
  }

  function forget(sk: SourceKey, state: SourceState): void {
    if (state.timer !== undefined) clearTimeout(state.timer);
    feedBackoffs.forgetSource(sk);
    budgets.track(sk, state, undefined);
    sources.delete(sk);
  }

  return {
    poke(key) {
      const source = parseSourceKey(key);
      if (source === undefined) {
        log.warn({ sourceKey: key }, 'poke for an unknown kind of source ignored');
        return;
      }
      const state = stateOf(key, source);
      state.pokedAt ??= now();
      schedule(key, source, tuning.debounceMs, 'delivery');
    },

    async noteNews(news, { signal } = {}) {
      const marks = await newsMarks({ storage, log }, news, (key) => sources.get(key)?.fetchStartedAt, signal);
      if (marks.length === 0) return [];
      const marked = await storage.deliveries.markDirtyMany(marks, { signal });
      for (const key of marked) this.poke(key);
      return marked;
    },

    async initSource(feed) {
      await actions.initCursor(feed);
      const sk = sourceKey(feed.source);
      const state = stateOf(sk, feed.source);
      if (state.timer === undefined && !state.running) schedule(sk, feed.source, tuning.minPollMs, 'background');
    },

    sendTest: (feed) => actions.sendTest(feed),
    latestPost: (feed) => actions.latestPost(feed),
    backfill: (feed, n) => actions.backfill(feed, n),
    missedPosts: (feed) => actions.missedPosts(feed),
    catchUp: (feed, choice) => actions.catchUp(feed, choice),

    status: (feed) =>
      sourceStatus(lastDelivery.get(feed.id) ?? feed.lastDeliveryAt, sources.get(sourceKey(feed.source))),

    async start() {
      // re2js's first match in a process is ~100× a warm one: paid here, before any run, not by the first delivery.
      const filterWarmUpMs = Math.round(warmFilterEngine());
      await runDeps.digestTimes.start({ storage, log, now, everyMs: tuning.digestTickMs }, (source) =>
        schedule(sourceKey(source), source, 0, 'delivery', false),
      );
      const dirty = await storage.deliveries.listDirty();
      for (const { sourceKey: sk, markedAt } of dirty) {
        const source = parseSourceKey(sk);
        if (source === undefined) continue;
        // The latency of what a notification announced before a restart counts from its mark, downtime included.
        stateOf(sk, source).pokedAt ??= markedAt;
        schedule(sk, source, 0, 'delivery');
      }
      const all = await storage.feeds.listSources();
      for (const source of all) {
        const sk = sourceKey(source);
        if (!sources.has(sk)) schedule(sk, source, Math.floor(Math.random() * tuning.startSpreadMs), 'background');
      }
      log.info(
        { dirty: dirty.length, sources: all.length, filterWarmUpMs },
        'feed delivery started: dirty sources first, then a poll of every source',
      );
    },

    stats() {
      return { ...counters, lastLatencyMs, sources: sources.size, running };
    },

    close() {
      closing ??= (async () => {
        closed = true;
        runDeps.digestTimes.stop();
        abort.abort();
        for (const state of sources.values()) if (state.timer !== undefined) clearTimeout(state.timer);
        ready.length = 0;
        await Promise.allSettled([...inFlight]);
        log.info('feed delivery stopped');
      })();
      return closing;
    },
  };
}
