// Core's FeedReader on the Graph APIs (docs/decisions/0023): the linked account's own posts (feed posts and reels,
// `/media`) and its stories (`/stories`, each up for 24 h), read with the owner's token. Graph has no "newer than"
// parameter and its paging cursors are not to be stored (reference §1.5), so the cursor is igcord's own: the newest
// post handed over, by id and time. Pages come newest first; a read walks them down to that post (or to the first
// older one, should it have been deleted), so nothing new is skipped however many pages are new, and when nothing
// is new the first page shows the cursor's post at its top: one call. Carousel children come by field expansion
// in that same call (MEDIA_FIELDS), never a call per post. Stories are also kept in a seen-set for their lifetime
// (storage's seen-sets), so a story is handed over once even when two share the cursor's second; it is noted only
// once every feed holds it (`handedOver`), so a crash in between hands it over again, never loses it. A story that
// expired before it was read is simply no longer listed: nothing to do, no error. Comments on the account's posts
// and posts mentioning it are read by comment-feed-reader.ts (docs/decisions/0028).
// Another professional account's posts (an `account` source that is not the token owner's) are read through
// Business Discovery (Facebook Login), by username — the one a feed's payer consented to (`usernameOf`, from the
// feed records) — with the same cursor walk; an answer for another account id (the name moved to someone else)
// is refused rather than posted. Hashtag feeds are feed-reader-tags.ts. Business Discovery and Hashtag Search
// are charged to the app's platform budget (reference §1.6), so their failures are keyed `app`.
// A read of own posts also hands on every post its pages listed, for the feeds to see captions edited and posts
// deleted since they posted them.
import {
  InstagramNotAvailableError,
  InstagramNotFoundError,
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
import { createOwnFeedReader, type RecordedEvents } from './comment-feed-reader.js';
import { coreErrorFromGraph } from './core-errors.js';
import { createTagReading, type SeenSets } from './feed-reader-tags.js';

export type { SeenSets } from './feed-reader-tags.js';
import type { HashtagSlotLedger } from './port.js';

/** Posts asked for per page: a poll that finds nothing new reads one page. */
export const GRAPH_FEED_PAGE = 25;
/** At most this many pages per read (2,500 posts): a source further behind is read up to here, oldest last. */
export const GRAPH_FEED_MAX_PAGES = 100;
/** A story lives 24 h (reference §1.4); its seen-set entry outlives it by an hour for clocks that disagree. */
export const STORY_SEEN_TTL_MS = 25 * 3_600_000;

export interface GraphFeedReaderOptions {
  seen: SeenSets;
  /** The webhook's recorded comments and mentions (the fast path of those feeds); without it they only poll. */
  events?: RecordedEvents | undefined;
  /** The username of another account a feed follows (its payer consented to it by name); undefined if none. */
  usernameOf?: ((source: { instagramUserId: string }) => Promise<string | undefined>) | undefined;
  /** Where a hashtag lookup's slot is noted (storage's hashtag-slot store), as the port does. */
  hashtagSlots?: HashtagSlotLedger | undefined;
  now?: (() => number) | undefined;
}

const storySet = (source: { instagramUserId: string }) => `stories:${source.instagramUserId}`;

/** The newest-first pages of the source: the token owner's own posts or stories, or another account's posts. */
async function firstPage(
  client: GraphClient,
  auth: InstagramAuth,
  source: FeedSource,
  limit: number,
  options: ReadOptions & { usernameOf: GraphFeedReaderOptions['usernameOf'] },
): Promise<Page<Post>> {
  const call = { priority: options.priority, signal: options.signal, limit };
  if ((source.kind === 'account' || source.kind === 'stories') && source.instagramUserId === auth.userId)
    return source.kind === 'account' ? client.media.recent(auth, call) : client.media.stories(auth, call);
  if (source.kind === 'account' && client.login === 'facebook') {
    const username = await options.usernameOf?.(source);
    if (username === undefined)
      throw new InstagramNotFoundError('No feed names the username of this Instagram account any more.', {
        type: 'IgcordNoUsername',
        status: 404,
        refusal: { by: 'username-unknown' },
      });
    const page = await client.discovery.media(auth, username, call);
    const other = page.data.find((p) => p.author.id !== undefined && p.author.id !== source.instagramUserId);
    if (other !== undefined)
      throw new InstagramNotFoundError(
        `@${username} now names another Instagram account; the feed followed the one that had that name.`,
        { type: 'IgcordUsernameMoved', status: 404, refusal: { by: 'username-moved', username } },
      );
    return page;
  }
  const capability = source.kind === 'account' ? 'other-accounts' : `${source.kind}-feeds`;
  throw new InstagramNotAvailableError(
    `Instagram's current API does not serve this feed (${source.kind}) with the owner's token.`,
    capability,
  );
}

export function createGraphFeedReader(client: GraphClient, options: GraphFeedReaderOptions): FeedReader {
  const now = options.now ?? Date.now;
  const own = createOwnFeedReader({ client, seen: options.seen, events: options.events, now });
  /** Runs a read, its Graph error turned into core's (charged to the owner's budget). */
  const tags = createTagReading(client, { seen: options.seen, slots: options.hashtagSlots, now });
  const pageOptions = (read: ReadOptions) => ({ ...read, usernameOf: options.usernameOf });
  /** Runs a read, its Graph error turned into core's (charged to the budget that pays for the source). */
  const graph = async <R>(auth: InstagramAuth, source: FeedSource, read: () => Promise<R>): Promise<R> => {
    try {
      return await read();
    } catch (error) {
      const own = 'instagramUserId' in source && source.instagramUserId === auth.userId;
      throw coreErrorFromGraph(error, own ? auth.userId : 'app', now());
    }
  };

  async function readNew(
    auth: InstagramAuth,
    source: FeedSource,
    cursor: ReadCursor,
    read: ReadNewOptions,
  ): Promise<NewPosts> {
    if ((source.kind === 'comments' || source.kind === 'mentions') && source.instagramUserId === auth.userId)
      return graph(auth, source, () => own.readNew(auth, source, cursor, read));
    if (source.kind === 'tag') return graph(auth, source, () => tags.readNew(auth, source.name, cursor, read));
    return graph(auth, source, async () => {
      let page = await firstPage(client, auth, source, GRAPH_FEED_PAGE, pageOptions(read));
      let calls = 1;
      const newestFirst: Post[] = [];
      const listed: Post[] = [];
      let reached = false;
      for (;;) {
        listed.push(...page.data);
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
      const more = media.length < fresh.length;
      // Own posts may have their caption edited or be deleted: what the pages showed is handed on for the feeds to
      // compare with what they posted (src/feeds/post-changes.ts). Complete down to the oldest post listed, or
      // entirely when the last page read was the last one. Stories expire by design: not watched.
      if (source.kind !== 'account') return { media, minTagId: undefined, calls, resumeBelow: undefined, more };
      const completeAfter =
        page.next === undefined ? -1 : Math.min(Number.POSITIVE_INFINITY, ...listed.map((p) => p.time));
      return {
        media,
        minTagId: undefined,
        calls,
        resumeBelow: undefined,
        more,
        listed: { posts: listed, completeAfter },
      };
    });
  }

  return {
    kinds: new Set(
      client.login === 'facebook'
        ? ['account', 'stories', 'comments', 'mentions', 'tag']
        : ['account', 'stories', 'comments', 'mentions'],
    ),
    readNew,
    async readNewest(auth, source, count, read) {
      if ((source.kind === 'comments' || source.kind === 'mentions') && source.instagramUserId === auth.userId)
        return graph(auth, source, () => own.readNewest(auth, source, count, read));
      if (source.kind === 'tag') return graph(auth, source, () => tags.readNewest(auth, source.name, count, read));
      return graph(auth, source, async () => {
        const page = await firstPage(client, auth, source, Math.max(1, count), pageOptions(read));
        return { media: page.data.slice(0, count), minTagId: undefined };
      });
    },
    async handedOver(source, posts) {
      if (source.kind === 'comments' || source.kind === 'mentions') return own.handedOver(source, posts);
      if (source.kind === 'tag') return tags.handedOver(source.name, posts);
      if (source.kind !== 'stories' || posts.length === 0) return;
      await options.seen.add(
        storySet(source),
        posts.map((p) => p.id),
        STORY_SEEN_TTL_MS,
      );
    },
  };
}
