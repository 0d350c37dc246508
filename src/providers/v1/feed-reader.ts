// Reads a source's media from Instagram with its owner's token: everything newer than the source cursor (oldest
// first, ready to post) or the newest n. Account and location media page by media id (`min_id` = newer than the
// cursor's media); tag media page by tag id (`min_tag_id` from the latest answer's pagination), reference §1.3.
// A source far behind is read to the end (over several runs when it is very far), never cut short: see fetchNewMedia.
// Each call goes through the limiter with the priority the caller names; one fetch serves every feed of a source.
// What it returns are core posts: the v1 media are mapped at this edge, and nothing after it reads a v1 field.
// This is core's FeedReader for the Platform API v1 (createV1FeedReader); the delivery engine reads through it.
import {
  feedCapability,
  InstagramNotAvailableError,
  mediaPk,
  type FeedReader,
  type FeedSource,
  type InstagramAuth as Auth,
  type NewestPosts as NewestMedia,
  type NewPosts as NewMedia,
  type Post,
  type ReadCursor as SourceCursor,
  type ReadNewOptions as FetchOptions,
} from '../../core/index.js';
import type { InstagramClient, Page } from './client.js';
import type { Media } from './schemas.js';
import { postFromV1 } from './to-core.js';

/** The largest page the API serves for media lists (reference §1.3, the emulator caps `count` at 33). */
const PAGE_SIZE = 33;
/**
 * At most this many pages per run (660 media). A source further behind than that is read over several runs, each
 * going on where the last one stopped (the cursor's `resumeBelow`), so no run holds more than this in memory.
 */
export const MAX_PAGES_PER_RUN = 20;

interface PageQuery {
  count: number;
  /** Newer than this (min_id / min_tag_id). */
  min?: string | undefined;
  /** Older than this page cursor (max_id / max_tag_id). */
  max?: string | undefined;
}

function firstPage(
  instagram: InstagramClient,
  auth: Auth,
  source: FeedSource,
  query: PageQuery,
  options: Omit<FetchOptions, 'maxItems'>,
): Promise<Page<Media>> {
  const call = { priority: options.priority, signal: options.signal };
  switch (source.kind) {
    case 'account':
      return instagram.users.recentMedia(
        auth,
        { userId: source.instagramUserId, count: query.count, minId: query.min, maxId: query.max },
        call,
      );
    case 'tag':
      return instagram.tags.recentMedia(
        auth,
        source.name,
        { count: query.count, minTagId: query.min, maxTagId: query.max },
        call,
      );
    case 'location':
      return instagram.locations.recentMedia(
        auth,
        source.id,
        { count: query.count, minId: query.min, maxId: query.max },
        call,
      );
    case 'stories':
      // The Platform API has no stories (no feed of this kind is offered on it: no `story-feeds` capability).
      return Promise.reject(new InstagramNotAvailableError('The Platform API has no stories.', 'story-feeds'));
    case 'comments':
    case 'mentions':
      // Nor comments or mentions feeds (no `comment-moderation` or `mentions` capability on v1).
      return Promise.reject(
        new InstagramNotAvailableError(`The Platform API has no ${source.kind} feeds.`, feedCapability(source.kind)),
      );
  }
}

/**
 * The oldest media newer than `cursor`, oldest first, at most `maxItems`.
 *
 * Pages come newest first, so the oldest new media are on the last page down to the cursor: every page of new
 * media is read to get there. What one walk reads is handed over whole (up to `maxItems`, the room in the feeds'
 * pending lists, which are durable and drained a run's worth at a time), so a source ~400 posts behind costs about
 * one call per page of new media in all (13 for 400), not one per page per run as re-reading the newest pages on
 * each paced run would (8 runs × 13). Further behind than MAX_PAGES_PER_RUN pages, a run reads that many and
 * leaves a continuation (`resumeBelow`, the last page's `max_id`) so the next run goes on below it rather than
 * from the top; once the bottom is reached and its media handed over, the pages above it that earlier runs read
 * (and did not keep) are read again from the top: such a source costs about twice its pages, still bounded per run.
 */
export async function fetchNewMedia(
  instagram: InstagramClient,
  auth: Auth,
  source: FeedSource,
  cursor: SourceCursor,
  options: FetchOptions,
): Promise<NewMedia> {
  const min = source.kind === 'tag' ? cursor.minTagId : cursor.mediaId;
  const fromTop = cursor.resumeBelow === undefined;
  let page = await firstPage(instagram, auth, source, { count: PAGE_SIZE, min, max: cursor.resumeBelow }, options);
  let calls = 1;
  const newestFirst: Media[] = [...page.data];
  // The newest tag id is known only from the top page (a continuation starts below it).
  const minTagId = fromTop ? (page.pagination.min_tag_id ?? cursor.minTagId) : cursor.minTagId;
  // Older pages keep min_id in next_url, so following them stays above the cursor.
  while (page.next !== undefined && calls < MAX_PAGES_PER_RUN) {
    page = await page.next();
    calls += 1;
    newestFirst.push(...page.data);
  }
  if (page.next !== undefined && page.nextCursor !== undefined) {
    // The cursor is still further down: hand nothing over yet (it would not be the oldest), resume below here.
    return { media: [], minTagId: cursor.minTagId, calls, resumeBelow: page.nextCursor, more: true };
  }
  const cursorPk = mediaPk(cursor.mediaId);
  const seen = new Set<string>();
  const fresh = newestFirst.filter((m) => {
    if (seen.has(m.id)) return false;
    seen.add(m.id);
    // Some servers treat min_id as inclusive (reference §1.3): the cursor's own media is never new.
    if (source.kind !== 'tag' && cursorPk !== undefined) {
      const pk = mediaPk(m.id);
      if (pk !== undefined && pk <= cursorPk) return false;
    }
    return true;
  });
  const oldestFirst = fresh.reverse().map(postFromV1);
  const capped = oldestFirst.slice(0, Math.max(1, options.maxItems));
  const everything = fromTop && capped.length === oldestFirst.length;
  // A tag cursor may only jump to the newest tag id when every new item is handed over in this run.
  return {
    media: capped,
    minTagId: everything ? minTagId : cursor.minTagId,
    calls,
    resumeBelow: undefined,
    more: !everything,
  };
}

/** The newest `count` media of a source (one call). */
export async function fetchNewest(
  instagram: InstagramClient,
  auth: Auth,
  source: FeedSource,
  count: number,
  options: Omit<FetchOptions, 'maxItems'>,
): Promise<NewestMedia> {
  const page = await firstPage(instagram, auth, source, { count }, options);
  return { media: page.data.slice(0, count).map(postFromV1), minTagId: page.pagination.min_tag_id };
}

/** Core's FeedReader over the v1 client: account, tag and location sources. */
export function createV1FeedReader(instagram: InstagramClient): FeedReader {
  return {
    kinds: new Set(['account', 'tag', 'location']),
    readNew: (auth, source, cursor, options) => fetchNewMedia(instagram, auth, source, cursor, options),
    readNewest: (auth, source, count, options) => fetchNewest(instagram, auth, source, count, options),
  };
}
