// Reads a source's media from Instagram with its owner's token: everything newer than the source cursor (oldest
// first, ready to post) or the newest n. Account and location media page by media id (`min_id` = newer than the
// cursor's media); tag media page by tag id (`min_tag_id` from the latest answer's pagination), reference §1.3.
// A source far behind is read to the end (over several runs when it is very far), never cut short: see fetchNewMedia.
// Each call goes through the limiter with the priority the caller names; one fetch serves every feed of a source.
// What it returns are core posts: the v1 media are mapped at this edge, and nothing after it reads a v1 field.
import type { Post } from '../core/index.js';
import type { Auth, InstagramClient, Page } from '../providers/v1/client.js';
import type { CallPriority } from '../providers/v1/call-gate.js';
import type { Media } from '../providers/v1/schemas.js';
import { postFromV1 } from '../providers/v1/to-core.js';
import type { CursorInput, FeedSource, SourceCursor } from '../storage/index.js';

/** The largest page the API serves for media lists (reference §1.3, the emulator caps `count` at 33). */
const PAGE_SIZE = 33;
/**
 * At most this many pages per run (660 media). A source further behind than that is read over several runs, each
 * going on where the last one stopped (the cursor's `resumeBelow`), so no run holds more than this in memory.
 */
export const MAX_PAGES_PER_RUN = 20;

export interface FetchOptions {
  priority: CallPriority;
  signal?: AbortSignal | undefined;
  /** How many new media may be handed over at most (room left in the feeds' pending lists). */
  maxItems: number;
}

export interface NewMedia {
  /** Oldest first: the oldest new media, at most `maxItems` of them. */
  media: Post[];
  /** For tags: the `min_tag_id` to poll from once every item here is delivered. */
  minTagId: string | undefined;
  /** Instagram calls made. */
  calls: number;
  /**
   * The walk down to the cursor stopped after MAX_PAGES_PER_RUN pages: nothing is handed over yet (the oldest
   * new media were not reached), and the next run resumes below this page cursor.
   */
  resumeBelow: string | undefined;
  /** Newer media than those returned remain to be read (a run should follow at once). */
  more: boolean;
}

/** The numeric part (pk) of a media id `<pk>_<owner>`, for ordering; undefined when the id has another shape. */
export function mediaPk(id: string): bigint | undefined {
  const match = /^(\d{1,30})(?:_\d+)?$/.exec(id);
  return match?.[1] === undefined ? undefined : BigInt(match[1]);
}

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

export interface NewestMedia {
  /** Newest first. */
  media: Post[];
  minTagId: string | undefined;
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

/** The last second of year 9999: a post time past it is no time at all (and would not fit the stored cursor). */
const LAST_DATE_SECONDS = 253_402_300_799;

/** The cursor that says "read up to and including `media`"; never earlier in time than `previous`. */
export function cursorAfter(post: Post, previous: SourceCursor | undefined, minTagId: string | undefined): CursorInput {
  const time = post.time;
  // An odd post time (beyond any date) must not stop the source: the cursor keeps the previous time then.
  const usable = Number.isSafeInteger(time) && time <= LAST_DATE_SECONDS ? time : 0;
  const createdTime = Math.max(usable, previous?.createdTime ?? 0);
  return { mediaId: post.id, createdTime, ...(minTagId !== undefined ? { minTagId } : {}) };
}

/** The cursor of a source that has no media yet: every media it ever gets is newer. */
export const EMPTY_SOURCE_CURSOR: CursorInput = { mediaId: '0', createdTime: 0, minTagId: '0' };
