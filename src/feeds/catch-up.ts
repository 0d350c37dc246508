// What a feed missed while it was paused or disabled, and the two ways to resume it: post those posts (oldest first,
// each recorded as a delivery, so the engine's next run, reading the same media from the source cursor, finds them
// delivered and posts none twice) or skip them (the feed goes on from now). Both then move the source cursor past
// the newest post, so the engine reads nothing older on the feed's behalf, and empty the feed's pending list.
// "Missed": the newest posts of the source (up to MISSED_MAX) made since the feed's last delivery (or since it
// was added) and not delivered to it. Run on the owner's token at interactive priority: an admin is waiting.
import type { FeedReader, InstagramAuth as Auth, Post } from '../core/index.js';
import type { Logger } from '../log.js';
import { sourceKey, type Feed, type Storage } from '../storage/index.js';
import type { EngineCounters } from './engine-stats.js';
import { cursorAfter } from './media-fetch.js';
import type { PostToFeed } from './post-to-feed.js';
import { holdsBack } from './feed-filter.js';
import { commandPostRecorded, postForCommand } from './command-post.js';

/** At most this many missed posts are offered (and posted): a longer pause is still one screenful. */
export const MISSED_MAX = 10;

export interface CatchUpDeps {
  storage: Storage;
  reader: FeedReader;
  poster: PostToFeed;
  counters: EngineCounters;
  signal: AbortSignal;
  now: () => number;
  log: Logger;
  intentSettleMs: number;
  ownerAuth(feed: Feed): Promise<Auth>;
  delivered(feedId: string, at: number): void;
}

export function createCatchUp(deps: CatchUpDeps) {
  const { storage, reader, counters, signal } = deps;

  /** The missed posts, oldest first, and what the source's newest read says about its tag cursor. */
  async function read(feed: Feed): Promise<{ missed: Post[]; newest: Post | undefined; minTagId: string | undefined }> {
    const newest = await reader.readNewest(await deps.ownerAuth(feed), feed.source, MISSED_MAX, {
      priority: 'interactive',
      signal,
    });
    counters.instagramCalls += 1;
    // Post times are whole seconds; a post of the very second of the last delivery is told apart by its record.
    const since = Math.floor((feed.lastDeliveryAt ?? feed.createdAt) / 1000);
    const missed: Post[] = [];
    for (const post of [...newest.media].reverse()) {
      if (post.time >= since && !(await storage.deliveries.findDelivery(feed.id, post.id))) missed.push(post);
    }
    return { missed, newest: newest.media[0], minTagId: newest.minTagId };
  }

  /** The source cursor past `newest` (never backwards), and nothing left pending for this feed. */
  async function moveOn(feed: Feed, newest: Post | undefined, minTagId: string | undefined): Promise<void> {
    const sk = sourceKey(feed.source);
    const cursor = await storage.deliveries.getCursor(sk);
    if (
      newest !== undefined &&
      cursor !== undefined &&
      newest.time >= cursor.createdTime &&
      newest.id !== cursor.mediaId
    ) {
      await storage.deliveries.advanceCursor(sk, cursorAfter(newest, cursor, minTagId ?? cursor.minTagId));
    }
    for (const pending of await storage.deliveries.pendingMedia(feed.id))
      await storage.deliveries.dropPending(feed.id, pending.id);
  }

  return {
    async missedPosts(feed: Feed): Promise<number> {
      return (await read(feed)).missed.length;
    },

    /** Posts the missed posts (`post`) or not (`skip`), then moves the feed past them; how many were posted or skipped. */
    async catchUp(feed: Feed, choice: 'post' | 'skip'): Promise<number> {
      const { missed, newest, minTagId } = await read(feed);
      if (choice === 'post') {
        let last: number | undefined;
        for (const post of missed) {
          if (await holdsBack(deps, feed, post)) continue;
          // Through a run's rules: a run posting this media meanwhile is waited for, never doubled (command-post.ts).
          const sent = await postForCommand(deps, feed, post);
          if (sent === 'known') continue;
          last = deps.now();
          await storage.deliveries.recordDelivery(feed.id, {
            mediaId: post.id,
            messageId: sent.messageId,
            deliveredAt: last,
          });
          await commandPostRecorded(deps, feed, post);
          deps.delivered(feed.id, last);
          counters.deliveries += 1;
        }
        if (last !== undefined) await storage.feeds.update(feed.id, { lastDeliveryAt: last });
      }
      await moveOn(feed, newest, minTagId);
      return missed.length;
    },
  };
}
