// Core's FeedReader on the Graph APIs (docs/decisions/0023): the linked account's own posts (feed posts and reels,
// `/media`) and its stories (`/stories`, each up for 24 h), read with the owner's token. Graph has no "newer than"
// parameter and its paging cursors are not to be stored (reference §1.5), so the cursor is igcord's own: the newest
// post handed over, by id and time. Pages come newest first; a read walks them down to that post (or to the first
// older one, should it have been deleted), so nothing new is skipped however many pages are new, and when nothing
// is new the first page shows the cursor's post at its top: one call. Carousel children come by field expansion
// in that same call (MEDIA_FIELDS), never a call per post. Stories are also kept in a seen-set for their lifetime
// (storage's seen-sets), so a story is handed over once even when two share the cursor's second; it is noted only
// once every feed holds it (`handedOver`), so a crash in between hands it over again, never loses it. A story that
// expired before it was read is simply no longer listed: nothing to do, no error.
import {
  InstagramNotAvailableError,
  type FeedReader,
  type FeedSource,
  type InstagramAuth,
  type NewPosts,
  type Post,
  type ReadCursor,
  type ReadNewOptions,
  type ReadOptions,
} from '../../core/index.js';
import type { Page } from './api-call.js';
import type { GraphClient } from './client.js';
import { coreErrorFromGraph } from './core-errors.js';

/** Posts asked for per page: a poll that finds nothing new reads one page. */
export const GRAPH_FEED_PAGE = 25;
/** At most this many pages per read (2,500 posts): a source further behind is read up to here, oldest last. */
export const GRAPH_FEED_MAX_PAGES = 100;
/** A story lives 24 h (reference §1.4); its seen-set entry outlives it by an hour for clocks that disagree. */
export const STORY_SEEN_TTL_MS = 25 * 3_600_000;

/** The seen-sets the reader keeps (storage's SeenSetStore). */
export interface SeenSets {
  seen(set: string, ids: readonly string[]): Promise<Set<string>>;
  add(set: string, ids: readonly string[], ttlMs: number): Promise<void>;
}

export interface GraphFeedReaderOptions {
  seen: SeenSets;
  now?: (() => number) | undefined;
}

const storySet = (source: { instagramUserId: string }) => `stories:${source.instagramUserId}`;

/** The newest-first pages of the source (only the token owner's own account is readable by id on Graph). */
function firstPage(
  client: GraphClient,
  auth: InstagramAuth,
  source: FeedSource,
  limit: number,
  options: ReadOptions,
): Promise<Page<Post>> {
  const call = { priority: options.priority, signal: options.signal, limit };
  if ((source.kind === 'account' || source.kind === 'stories') && source.instagramUserId === auth.userId)
    return source.kind === 'account' ? client.media.recent(auth, call) : client.media.stories(auth, call);
  const capability = source.kind === 'account' ? 'other-accounts' : `${source.kind}-feeds`;
  return Promise.reject(
    new InstagramNotAvailableError(
      `Instagram's current API does not serve this feed (${source.kind}) with the owner's token.`,
      capability,
    ),
  );
}

export function createGraphFeedReader(client: GraphClient, options: GraphFeedReaderOptions): FeedReader {
  const now = options.now ?? Date.now;
  /** Runs a read, its Graph error turned into core's (charged to the owner's budget). */
  const graph = async <R>(auth: InstagramAuth, read: () => Promise<R>): Promise<R> => {
    try {
      return await read();
    } catch (error) {
      throw coreErrorFromGraph(error, auth.userId, now());
    }
  };

  async function readNew(
    auth: InstagramAuth,
    source: FeedSource,
    cursor: ReadCursor,
    read: ReadNewOptions,
  ): Promise<NewPosts> {
    return graph(auth, async () => {
      let page = await firstPage(client, auth, source, GRAPH_FEED_PAGE, read);
      let calls = 1;
      const newestFirst: Post[] = [];
      let reached = false;
      for (;;) {
        for (const post of page.data) {
          // The cursor's post, or one older than it (the cursor's was deleted): everything from here is handed over.
          if (post.id === cursor.mediaId || post.time < cursor.createdTime) {
            reached = true;
            break;
          }
          newestFirst.push(post);
        }
        if (reached || page.next === undefined || calls >= GRAPH_FEED_MAX_PAGES) break;
        page = await page.next();
        calls += 1;
      }
      let fresh = newestFirst.reverse();
      if (source.kind === 'stories' && fresh.length > 0) {
        const seen = await options.seen.seen(
          storySet(source),
          fresh.map((p) => p.id),
        );
        fresh = fresh.filter((p) => !seen.has(p.id));
      }
      const media = fresh.slice(0, Math.max(1, read.maxItems));
      return { media, minTagId: undefined, calls, resumeBelow: undefined, more: media.length < fresh.length };
    });
  }

  return {
    kinds: new Set(['account', 'stories']),
    readNew,
    async readNewest(auth, source, count, read) {
      return graph(auth, async () => {
        const page = await firstPage(client, auth, source, Math.max(1, count), read);
        return { media: page.data.slice(0, count), minTagId: undefined };
      });
    },
    async handedOver(source, posts) {
      if (source.kind !== 'stories' || posts.length === 0) return;
      await options.seen.add(
        storySet(source),
        posts.map((p) => p.id),
        STORY_SEEN_TTL_MS,
      );
    },
  };
}
