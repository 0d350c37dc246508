// The comments and mentions sources of core's FeedReader on Graph (docs/decisions/0028). Both read two ways: the
// webhook's recorded events (docs/decisions/0024) are the fast path, polling is the truth. A poll of comments is
// one call (the newest comments of the newest posts by field expansion, comment-feed-api.ts); a poll of mentions
// one call (`/tags`). An event whose comment or post the poll did not see (an older post) is read by id. Comments
// and tagged posts come unordered across posts, so a min id cannot work: as for stories and hashtags, a seen-set
// (25 h) says what was handed over, and igcord's cursor (the newest handed over, by time) bounds what counts as
// new, so a new feed does not post the account's past. Seen ids are noted and events acknowledged only in
// `handedOver`, once every feed holds the item, so a crash in between hands it over again (the pending lists and
// delivery records drop the repeat) and loses nothing; an event about something already handed over, too old,
// the account's own, or gone is acknowledged at once, since nothing will ever be posted for it.
// Meta redelivers a failed webhook for up to 36 h (reference §1.7), so an event may come after newer items moved
// the cursor past what it names (igcord was down, or answered 503): such an item is still new when it is later
// than where the feed started. That start is kept in the cursor (`minTagId` as `from:<unix seconds>`, as hashtag
// feeds keep theirs); a cursor set before it was kept has none, and its own time is the floor as before.
import type { SeenSets } from './feed-reader-tags.js';
import {
  InstagramInvalidParametersError,
  InstagramNotAllowedError,
  InstagramNotFoundError,
  type InstagramAuth,
  type NewPosts,
  type NewestPosts,
  type Post,
  type ReadCursor,
  type ReadNewOptions,
  type ReadOptions,
} from '../../core/index.js';
import type { GraphClient } from './client.js';
import { isOwnComment } from './comment-feed-api.js';
import { coreErrorFromGraph } from './core-errors.js';

/** How many of the newest posts a comments poll looks at, and how many comments of each. */
export const COMMENT_POLL_POSTS = 10;
export const COMMENT_POLL_COMMENTS = 50;
/** Tagged posts a mentions poll reads. */
export const MENTION_POLL_POSTS = 25;
/** Seen-set entries outlive a day of Graph's answers, as for stories and hashtags (decision 0023). */
export const COMMENT_SEEN_TTL_MS = 25 * 3_600_000;

/** One recorded webhook event, as the reader needs it (storage's WebhookEventStore). */
export interface RecordedEvent {
  id: string;
  commentId?: string | undefined;
  mediaId?: string | undefined;
}

/** The webhook's event store, as the reader uses it. */
export interface RecordedEvents {
  listPending(accountId: string, field: 'comments' | 'mentions'): Promise<RecordedEvent[]>;
  acknowledge(ids: readonly string[]): Promise<void>;
}

export type OwnSourceKind = 'comments' | 'mentions';
type Source = { kind: OwnSourceKind; instagramUserId: string };

const setOf = (source: Source) => `${source.kind}:${source.instagramUserId}`;
/** What an event names: the comment for comments, the post for mentions. */
const named = (kind: OwnSourceKind, e: RecordedEvent) => (kind === 'comments' ? e.commentId : e.mediaId);

const START = /^from:(\d{1,12})$/;
/** Where the feed started (unix seconds), as its cursor keeps it; undefined for a cursor that does not say. */
const startOf = (cursor: ReadCursor): number | undefined => {
  const m = START.exec(cursor.minTagId ?? '');
  return m === null ? undefined : Number(m[1]);
};

/** Oldest first; ids are numeric strings, compared as numbers within a second. */
const byTime = (a: Post, b: Post) =>
  a.time - b.time || (a.id.length - b.id.length !== 0 ? a.id.length - b.id.length : a.id < b.id ? -1 : 1);

export interface OwnFeedReaderDeps {
  client: GraphClient;
  seen: SeenSets;
  events?: RecordedEvents | undefined;
  now: () => number;
}

export function createOwnFeedReader(deps: OwnFeedReaderDeps) {
  const { client, seen } = deps;

  /** One poll's items, newest first (comments: others' only; mentions: the account tagged). */
  async function poll(auth: InstagramAuth, source: Source, options: ReadOptions): Promise<Post[]> {
    const call = { priority: options.priority, signal: options.signal };
    if (source.kind === 'comments') {
      const comments = await client.commentFeed.recent(auth, {
        ...call,
        posts: COMMENT_POLL_POSTS,
        comments: COMMENT_POLL_COMMENTS,
      });
      return comments.filter((c) => !isOwnComment(c)).sort((a, b) => byTime(b, a));
    }
    const page = await client.media.tagged(auth, { ...call, limit: MENTION_POLL_POSTS });
    return page.data.map((p) => mentioning(p, auth));
  }

  /** A tagged post names the account among its people (what /feed why looks for). */
  const mentioning = (post: Post, auth: InstagramAuth): Post =>
    post.people.some((p) => p.id === auth.userId)
      ? post
      : { ...post, people: [...post.people, { id: auth.userId, username: '' }] };

  /** What an event names, read by id; undefined when it is gone or not readable (nothing to post). */
  async function readNamed(auth: InstagramAuth, source: Source, id: string, options: ReadOptions) {
    const call = { priority: options.priority, signal: options.signal };
    try {
      if (source.kind === 'comments') return await client.commentFeed.byId(auth, id, call);
      return mentioning((await client.media.byId(auth, id, call)).data, auth);
    } catch (error) {
      const core = coreErrorFromGraph(error, auth.userId, deps.now());
      if (
        core instanceof InstagramNotFoundError ||
        core instanceof InstagramNotAllowedError ||
        core instanceof InstagramInvalidParametersError
      )
        return undefined;
      throw error;
    }
  }

  async function readNew(
    auth: InstagramAuth,
    source: Source,
    cursor: ReadCursor,
    read: ReadNewOptions,
  ): Promise<NewPosts> {
    const found = new Map((await poll(auth, source, read)).map((p) => [p.id, p]));
    let calls = 1;
    const pending = (await deps.events?.listPending(auth.userId, source.kind)) ?? [];
    const evented = [...new Set(pending.flatMap((e) => named(source.kind, e) ?? []))];
    const already = await seen.seen(setOf(source), [...new Set([...found.keys(), ...evented])]);
    const done = new Set<string>(already);
    for (const id of evented) {
      if (found.has(id) || done.has(id)) continue;
      const item = await readNamed(auth, source, id, read);
      calls += source.kind === 'comments' ? 2 : 1;
      if (item === undefined || (source.kind === 'comments' && isOwnComment(item))) done.add(id);
      else found.set(id, item);
    }
    // What a webhook event names counts from the feed's start: its event may have come late (redelivered).
    const floor = startOf(cursor) ?? cursor.createdTime;
    const byEvent = new Set(evented);
    const isNew = (p: Post) =>
      !done.has(p.id) &&
      p.id !== cursor.mediaId &&
      p.time >= (byEvent.has(p.id) ? Math.min(floor, cursor.createdTime) : cursor.createdTime);
    for (const p of found.values()) if (!isNew(p)) done.add(p.id);
    // Events about what will never be posted (handed over before, too old, the account's own, gone) are done.
    const finished = pending.filter(
      (e) => done.has(named(source.kind, e) ?? '') || named(source.kind, e) === undefined,
    );
    if (finished.length > 0) await deps.events?.acknowledge(finished.map((e) => e.id));
    const fresh = [...found.values()].filter(isNew).sort(byTime);
    const media = fresh.slice(0, Math.max(1, read.maxItems));
    // The start stays in the cursor (the engine stores the minTagId a read returns).
    return { media, minTagId: cursor.minTagId, calls, resumeBelow: undefined, more: media.length < fresh.length };
  }

  return {
    readNew,
    /** The newest items, and where a feed starting now starts: at the newest item's time (none: from anything). */
    async readNewest(auth: InstagramAuth, source: Source, count: number, read: ReadOptions): Promise<NewestPosts> {
      const newest = await poll(auth, source, read);
      return { media: newest.slice(0, count), minTagId: `from:${newest[0]?.time ?? 0}` };
    },
    /** Notes what every feed now holds, then acknowledges the events that named it. */
    async handedOver(source: Source, posts: readonly Post[]): Promise<void> {
      if (posts.length === 0) return;
      const ids = new Set(posts.map((p) => p.id));
      await seen.add(setOf(source), [...ids], COMMENT_SEEN_TTL_MS);
      const pending = (await deps.events?.listPending(source.instagramUserId, source.kind)) ?? [];
      const covered = pending.filter((e) => ids.has(named(source.kind, e) ?? ''));
      if (covered.length > 0) await deps.events?.acknowledge(covered.map((e) => e.id));
    },
  };
}
