// Reads a source's media from Instagram with its owner's token: everything newer than the source cursor (oldest
// first, ready to post) or the newest n. Account and location media page by media id (`min_id` = newer than the
// cursor's media); tag media page by tag id (`min_tag_id` from the latest answer's pagination), reference §1.3.
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
/** At most this many pages per run. */
const MAX_PAGES = 10;

export interface FetchOptions {
  priority: CallPriority;
  signal?: AbortSignal | undefined;
  /** Bound on how many new media one run reads (a source silent for long catches up over several runs). */
  maxItems: number;
}

export interface NewMedia {
  /** Oldest first. */
  media: Post[];
  /** For tags: the `min_tag_id` to poll from once every item here is delivered. */
  minTagId: string | undefined;
  /** Instagram calls made. */
  calls: number;
  /** True when more than MAX_PAGES pages were new: media older than those read were not seen. */
  truncated: boolean;
}

/** The numeric part (pk) of a media id `<pk>_<owner>`, for ordering; undefined when the id has another shape. */
export function mediaPk(id: string): bigint | undefined {
  const match = /^(\d{1,30})(?:_\d+)?$/.exec(id);
  return match?.[1] === undefined ? undefined : BigInt(match[1]);
}

function firstPage(instagram: InstagramClient, auth: Auth, source: FeedSource, query: { count: number; min?: string | undefined }, options: FetchOptions): Promise<Page<Media>> {
  const call = { priority: options.priority, signal: options.signal };
  switch (source.kind) {
    case 'account':
      return instagram.users.recentMedia(auth, { userId: source.instagramUserId, count: query.count, minId: query.min }, call);
    case 'tag':
      return instagram.tags.recentMedia(auth, source.name, { count: query.count, minTagId: query.min }, call);
    case 'location':
      return instagram.locations.recentMedia(auth, source.id, { count: query.count, minId: query.min }, call);
  }
}

/** Media newer than `cursor`, oldest first, at most `maxItems` (the oldest of them when there are more). */
export async function fetchNewMedia(
  instagram: InstagramClient,
  auth: Auth,
  source: FeedSource,
  cursor: SourceCursor,
  options: FetchOptions,
): Promise<NewMedia> {
  const min = source.kind === 'tag' ? cursor.minTagId : cursor.mediaId;
  let page = await firstPage(instagram, auth, source, { count: PAGE_SIZE, min }, options);
  let calls = 1;
  const newestFirst: Media[] = [...page.data];
  const minTagId = page.pagination.min_tag_id ?? cursor.minTagId;
  // More new media than one page: older pages keep min_id in next_url, so following them stays above the cursor.
  // The oldest new media come last, so the pages are read to the end (bounded: a source that far behind is rare).
  while (page.next !== undefined && calls < MAX_PAGES) {
    page = await page.next();
    calls += 1;
    newestFirst.push(...page.data);
  }
  const truncated = page.next !== undefined;
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
  const capped = oldestFirst.slice(0, options.maxItems);
  // A tag cursor may only jump to the newest tag id when every new item is delivered in this run.
  return { media: capped, minTagId: capped.length === oldestFirst.length ? minTagId : cursor.minTagId, calls, truncated };
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
  const page = await firstPage(instagram, auth, source, { count }, { ...options, maxItems: count });
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
