// Hashtag feeds on Graph (Facebook Login's Hashtag Search, reference §1.4): `/{hashtag-id}/recent_media` lists the
// public posts of the last 24 h, not in time order, ≤ 50 a page. No min id can work on such an answer, so a post is
// new when the tag's seen-set (storage's seen-sets, kept 25 h: longer than a post can stay listed) does not hold it,
// and it is published after the moment the feed started (the floor, kept in the cursor's `minTagId` as
// `from:<unix seconds>`, so the last day is not flooded into a new feed's channel). Posts are noted as seen only
// once every feed holds them (`handedOver`), so a crash in between hands them over again and loses none. Every
// poll reads every page (a full day of a busy tag is a few pages); new posts are handed over oldest first.
// The tag's id is static and global (§1.4), but its lookup (`ig_hashtag_search`) is what holds one of the payer's
// 30 weekly slots: it is made again once a day per payer, so a followed tag keeps its slot for good rather than
// lapsing after 7 days and being refused as a 31st later; each lookup is noted in the slot ledger as the port does.
import type {
  InstagramAuth,
  NewPosts,
  NewestPosts,
  Post,
  ReadCursor,
  ReadNewOptions,
  ReadOptions,
} from '../../core/index.js';
import type { GraphClient } from './client.js';
import type { HashtagSlotLedger } from './port.js';

/** Hashtag Search's page size cap (reference §1.4). */
export const HASHTAG_PAGE = 50;
/** At most this many pages per read (1,000 posts of one day). */
export const HASHTAG_MAX_PAGES = 20;
/** How long a tag's lookup holds before it is made again (well inside the 7 days a slot counts). */
export const HASHTAG_LOOKUP_MS = 24 * 3_600_000;
/** recent_media reaches back 24 h; a seen entry outlives that by an hour (clocks that disagree, a slow poll). */
export const HASHTAG_SEEN_TTL_MS = 25 * 3_600_000;

const FLOOR = /^from:(\d{1,12})$/;
const floorOf = (cursor: ReadCursor): number => {
  const m = FLOOR.exec(cursor.minTagId ?? '');
  return m === null ? 0 : Number(m[1]);
};
const tagSet = (name: string) => `tag:${name.toLowerCase()}`;

/** The seen-sets the readers keep (storage's SeenSetStore). */
export interface SeenSets {
  seen(set: string, ids: readonly string[]): Promise<Set<string>>;
  add(set: string, ids: readonly string[], ttlMs: number): Promise<void>;
}

export interface TagReaderOptions {
  seen: SeenSets;
  slots?: HashtagSlotLedger | undefined;
  now: () => number;
}

export function createTagReading(client: GraphClient, options: TagReaderOptions) {
  /** (payer, tag name) → Graph's hashtag id and when it was looked up. */
  const ids = new Map<string, { id: string; at: number }>();

  async function hashtagId(
    auth: InstagramAuth,
    name: string,
    read: ReadOptions,
  ): Promise<{ id: string; calls: number }> {
    const key = `${auth.userId}:${name}`;
    const known = ids.get(key);
    if (known !== undefined && options.now() - known.at < HASHTAG_LOOKUP_MS) return { id: known.id, calls: 0 };
    const found = (await client.hashtags.search(auth, name, { priority: read.priority, signal: read.signal })).data;
    ids.set(key, { id: found.id, at: options.now() });
    // The slot count is advisory (/instagram quota): a storage failure must not fail the read.
    await options.slots?.recordQuery(auth.userId, found.name, options.now()).catch(() => undefined);
    return { id: found.id, calls: 1 };
  }

  /** Every post the tag lists now (its last 24 h), in no particular order. */
  async function listed(
    auth: InstagramAuth,
    name: string,
    read: ReadOptions,
  ): Promise<{ posts: Post[]; calls: number }> {
    const tag = await hashtagId(auth, name, read);
    let calls = tag.calls + 1;
    let page = await client.hashtags.recent(auth, tag.id, {
      priority: read.priority,
      signal: read.signal,
      limit: HASHTAG_PAGE,
    });
    const byId = new Map<string, Post>();
    for (;;) {
      for (const post of page.data) byId.set(post.id, post);
      if (page.next === undefined || calls - tag.calls >= HASHTAG_MAX_PAGES) break;
      const before = byId.size;
      page = await page.next();
      calls += 1;
      // Graph's hashtag `after` is the same on every page (reference §1.4): a page that adds nothing ends the walk.
      if (page.data.every((p) => byId.has(p.id)) && byId.size === before) break;
    }
    return { posts: [...byId.values()], calls };
  }

  const oldestFirst = (a: Post, b: Post) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  return {
    async readNew(auth: InstagramAuth, name: string, cursor: ReadCursor, read: ReadNewOptions): Promise<NewPosts> {
      const { posts, calls } = await listed(auth, name, read);
      const floor = floorOf(cursor);
      const candidates = posts.filter((p) => p.time > floor);
      const seen = await options.seen.seen(
        tagSet(name),
        candidates.map((p) => p.id),
      );
      const fresh = candidates.filter((p) => !seen.has(p.id)).sort(oldestFirst);
      const media = fresh.slice(0, Math.max(1, read.maxItems));
      // The floor stays in the cursor (the engine stores the minTagId a read returns).
      return { media, minTagId: cursor.minTagId, calls, resumeBelow: undefined, more: media.length < fresh.length };
    },
    async readNewest(auth: InstagramAuth, name: string, count: number, read: ReadOptions): Promise<NewestPosts> {
      const { posts } = await listed(auth, name, read);
      const newestFirst = posts.sort(oldestFirst).reverse();
      // A feed starting here posts what is published after its newest post (anything, when none is listed: the
      // floor is never taken from igcord's clock, which need not agree with Instagram's).
      const from = newestFirst[0]?.time ?? 0;
      return { media: newestFirst.slice(0, count), minTagId: `from:${from}` };
    },
    async handedOver(name: string, posts: readonly Post[]): Promise<void> {
      if (posts.length === 0) return;
      await options.seen.add(
        tagSet(name),
        posts.map((p) => p.id),
        HASHTAG_SEEN_TTL_MS,
      );
    },
  };
}
