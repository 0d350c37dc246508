// A digest feed's share of a run (docs/decisions/0031). Its pending posts are not posted one by one: each is
// gathered durably into the digest of the period it arrived in (storage.digests) and dropped from the pending
// list, so a restart in the middle of a period loses nothing. A digest whose period has ended is posted in as many
// messages as Discord's limits take, each part carrying a nonce derived from (feed, period, part) with
// `enforce_nonce`, and recorded as posted part by part: a crash after Discord accepted a part and before it was
// recorded posts it again with the same nonce, and Discord answers with the first message. Once every part is
// out, each post of the digest is recorded among the feed's deliveries with its digest message (what `/feed why`
// links to), then the period is forgotten. Every write and post is checked against the run's fence first.
import { digestDueAfter, postSchema, type DigestSchedule, type Post } from '../core/index.js';
import type { DigestEntry, Feed } from '../storage/index.js';
import { PostError, postFailureFields } from './post-error.js';
import type { FencedRun } from './run-fence.js';

/** Keeps `media` for the feed's next digest; the pending list may then drop it. */
export async function gatherForDigest(deps: FencedRun, feed: Feed, schedule: DigestSchedule, media: Post) {
  const timeZone = await deps.timeZoneOf(feed.guildId);
  const dueAt = digestDueAfter(schedule, deps.now(), timeZone);
  await deps.fence.check();
  const kept = await deps.storage.digests.gather(feed.id, media, dueAt);
  const log = deps.log.child({ feedId: feed.id, mediaId: media.id });
  if (kept.dropped > 0)
    log.error({ dropped: kept.dropped }, "a digest feed's oldest gathered posts were dropped over the limit");
  deps.digestTimes.note(feed, kept.dueAt);
  log.info({ dueAt: new Date(kept.dueAt).toISOString(), timeZone }, 'post gathered for its digest');
}

/** The period's posts in the order they arrived; one that no longer reads as a post is left out (and said). */
function postsOf(deps: FencedRun, feed: Feed, entries: readonly DigestEntry[]): Post[] {
  const posts: Post[] = [];
  for (const entry of entries) {
    const parsed = postSchema.safeParse(entry.post);
    if (parsed.success) posts.push(parsed.data);
    else deps.log.error({ feedId: feed.id, mediaId: entry.post.id }, 'a gathered post no longer reads as a post');
  }
  return posts;
}

/** Posts the digest due at `dueAt`, the parts not yet posted, then records its posts. */
async function postDigest(deps: FencedRun, feed: Feed, dueAt: number): Promise<PostError | undefined> {
  const { storage, fence } = deps;
  const log = deps.log.child({ feedId: feed.id, channelId: feed.channelId, dueAt: new Date(dueAt).toISOString() });
  const digest = await storage.digests.read(feed.id);
  const posts = postsOf(
    deps,
    feed,
    digest.entries.filter((e) => e.dueAt === dueAt),
  );
  // Split the same way at every try (the same posts, in the same order), so each part keeps its nonce.
  const parts = deps.poster.digestParts(posts);
  const messages: string[] = [];
  for (const [part, partPosts] of parts.entries()) {
    let messageId = digest.sent.find((s) => s.dueAt === dueAt && s.part === part)?.messageId;
    if (messageId === undefined) {
      try {
        messageId = await deps.poster.postDigest(
          feed,
          { posts: partPosts, part, parts: parts.length, total: posts.length, dueAt },
          { signal: deps.signal, beforeSend: fence.check },
        );
      } catch (error) {
        if (!(error instanceof PostError)) throw error;
        deps.counters.failures += 1;
        log.warn({ part, failure: postFailureFields(error) }, 'posting a digest failed');
        return error;
      }
      await fence.check();
      await storage.digests.markSent(feed.id, { dueAt, part, messageId });
    }
    messages.push(messageId);
  }
  const at = deps.now();
  for (const [part, partPosts] of parts.entries()) {
    for (const post of partPosts) {
      if (await storage.deliveries.findDelivery(feed.id, post.id)) continue;
      await fence.check();
      await storage.deliveries.recordDelivery(feed.id, {
        mediaId: post.id,
        messageId: messages[part]!,
        deliveredAt: at,
      });
      deps.counters.deliveries += 1;
      deps.delivered(feed, post.id, at, false);
    }
  }
  await fence.check();
  await storage.digests.finish(feed.id, dueAt);
  log.info({ posts: posts.length, messages }, 'digest posted');
  return undefined;
}

/**
 * Posts every digest of the feed whose period has ended, oldest first, and tells the engine when the next one is
 * due. Stops at the first failure (returned): the digest stays gathered, and its posted parts recorded.
 */
export async function postDueDigests(deps: FencedRun, feed: Feed): Promise<PostError | undefined> {
  const { entries } = await deps.storage.digests.read(feed.id);
  const dueTimes = [...new Set(entries.map((e) => e.dueAt))].sort((a, b) => a - b);
  for (const dueAt of dueTimes) {
    if (dueAt > deps.now()) {
      deps.digestTimes.note(feed, dueAt, true);
      return undefined;
    }
    const failure = await postDigest(deps, feed, dueAt);
    // The feed's own backoff tries it again; the tick does not.
    if (failure !== undefined) return failure;
  }
  deps.digestTimes.note(feed, undefined);
  return undefined;
}
