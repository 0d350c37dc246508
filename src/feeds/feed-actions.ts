// What the feed commands ask of the engine besides scheduling: set a new source's start, post a test, backfill,
// and count, post or skip what a feed missed while paused (catch-up.ts).
// All run on the feed owner's token with interactive priority (a person is waiting), and turn what went wrong into
// the domain errors of src/core/errors.ts, which the one reply mapper explains: no link, a broken link, or
// Discord refusing the post and why.
import {
  BackfillCountError,
  FeedOwnerLinkBrokenError,
  FeedOwnerNotLinkedError,
  PostRefusedError,
  type FeedReader,
  type InstagramAuth as Auth,
  type Post,
} from '../core/index.js';
import type { Logger } from '../log.js';
import { sourceKey, type Feed, type Storage } from '../storage/index.js';
import type { EngineCounters } from './engine-stats.js';
import { PostError } from './post-error.js';
import type { PostToFeed } from './post-to-feed.js';
import { startCursor } from './source-cursor.js';
import { createCatchUp } from './catch-up.js';
import { holdsBack } from './feed-filter.js';
import { commandPostRecorded, postForCommand } from './command-post.js';

export interface FeedActionDeps {
  storage: Storage;
  reader: FeedReader;
  poster: PostToFeed;
  counters: EngineCounters;
  log: Logger;
  signal: AbortSignal;
  now: () => number;
  /** How long a run's open webhook posting intent may still land (command-post.ts). */
  intentSettleMs: number;
  /** Notes a delivery made here (in-memory status). */
  delivered(feedId: string, at: number): void;
}

export function createFeedActions(deps: FeedActionDeps) {
  const { storage, reader, poster, counters, signal } = deps;

  async function ownerAuth(feed: Feed): Promise<Auth> {
    const linked = await storage.accounts.getWithToken(feed.ownerDiscordUserId);
    if (linked === undefined) throw new FeedOwnerNotLinkedError();
    if (linked.account.status !== 'active') throw new FeedOwnerLinkBrokenError();
    return { userId: linked.account.instagramUserId, accessToken: linked.accessToken };
  }

  function postFailure(error: unknown): never {
    if (error instanceof PostError)
      throw new PostRefusedError(error.kind, error.reason, { cause: error, stop: error.stop });
    throw error;
  }

  const catchUp = createCatchUp({
    storage,
    reader,
    poster,
    counters,
    signal,
    now: deps.now,
    log: deps.log,
    intentSettleMs: deps.intentSettleMs,
    ownerAuth,
    delivered: deps.delivered,
  });

  return {
    /** How many posts the feed missed while it was not active (catch-up.ts). */
    missedPosts: (feed: Feed) => catchUp.missedPosts(feed),
    /** Posts or skips what the feed missed and moves it past them; how many. */
    catchUp: (feed: Feed, choice: 'post' | 'skip') => catchUp.catchUp(feed, choice).catch(postFailure),

    /** Sets the source cursor at its newest media unless it has one. */
    async initCursor(feed: Feed): Promise<void> {
      const sk = sourceKey(feed.source);
      if ((await storage.deliveries.getCursor(sk)) !== undefined) return;
      await startCursor({ storage, reader, counters, signal }, sk, feed.source, await ownerAuth(feed), 'interactive');
      deps.log.info({ feedId: feed.id, sourceKey: sk }, 'source cursor set at its newest media');
    },

    /** The source's newest post, read with the feed payer's token (what /feed preview draws a template for). */
    async latestPost(feed: Feed): Promise<Post | undefined> {
      const newest = await reader.readNewest(await ownerAuth(feed), feed.source, 1, {
        priority: 'interactive',
        signal,
      });
      counters.instagramCalls += 1;
      return newest.media[0];
    },

    async sendTest(feed: Feed): Promise<{ posted: boolean; mediaId?: string }> {
      const newest = await reader.readNewest(await ownerAuth(feed), feed.source, 1, {
        priority: 'interactive',
        signal,
      });
      counters.instagramCalls += 1;
      const media = newest.media[0];
      if (media === undefined) return { posted: false };
      await poster.post(feed, media, { test: true, signal }).catch(postFailure);
      return { posted: true, mediaId: media.id };
    },

    async backfill(feed: Feed, n: number): Promise<{ posted: number }> {
      if (!Number.isInteger(n) || n < 1 || n > 10) throw new BackfillCountError();
      const newest = await reader.readNewest(await ownerAuth(feed), feed.source, n, {
        priority: 'interactive',
        signal,
      });
      counters.instagramCalls += 1;
      let posted = 0;
      let last: number | undefined;
      for (const media of [...newest.media].reverse()) {
        // Already delivered (by a run or an earlier backfill): the nonce would dedupe it, but this spends no call.
        if (await storage.deliveries.findDelivery(feed.id, media.id)) continue;
        // A backfill follows the feed's filters as its runs do.
        if (await holdsBack({ storage, now: deps.now, log: deps.log }, feed, media)) continue;
        // Through a run's rules: a run posting this media meanwhile is waited for, never doubled (command-post.ts).
        const sent = await postForCommand(deps, feed, media).catch(postFailure);
        if (sent === 'known') continue;
        last = deps.now();
        await storage.deliveries.recordDelivery(feed.id, {
          mediaId: media.id,
          messageId: sent.messageId,
          deliveredAt: last,
        });
        await commandPostRecorded(deps, feed, media);
        deps.delivered(feed.id, last);
        counters.deliveries += 1;
        posted += 1;
      }
      if (last !== undefined) await storage.feeds.update(feed.id, { lastDeliveryAt: last });
      return { posted };
    },
  };
}
