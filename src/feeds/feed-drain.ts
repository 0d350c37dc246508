// One feed's share of a run: post its pending media oldest first, record each delivery, and disable the feed when
// Discord refuses it for good. Apart from the source's fetch so a feed that fails waits alone. Every write and every
// post is checked against the run's fence first (docs/decisions/0021); a webhook feed records its posting intent
// under the fence before executing, and the check right before the post is the last await before it leaves.
import { captionHash, disabled, feedNotice, postSchema, type Post } from '../core/index.js';
import type { Feed } from '../storage/index.js';
import { gatherForDigest, postDueDigests } from './feed-digest.js';
import { holdsBack } from './feed-filter.js';
import { PostError, postFailureFields } from './post-error.js';
import { claimWebhookPost, type FencedRun, type WebhookClaim } from './run-fence.js';
import type { FeedOutcome, RunDeps } from './source-run-api.js';

/** Posts one media to one feed unless it was delivered already; records it. */
async function deliverToFeed(deps: FencedRun, feed: Feed, media: Post): Promise<'posted' | 'known' | PostError> {
  const { fence } = deps;
  const log = deps.log.child({ feedId: feed.id, mediaId: media.id, channelId: feed.channelId });
  if (await deps.storage.deliveries.findDelivery(feed.id, media.id)) return 'known';
  // Held back by the feed's filters: recorded as filtered (final, like a post), never posted (feed-filter.ts).
  if (await holdsBack(deps, feed, media, { beforeWrite: fence.check })) return 'known';
  // A digest feed keeps it for its period's digest instead (feed-digest.ts); the pending list then drops it.
  if (feed.digest !== undefined) return gatherForDigest(deps, feed, feed.digest, media).then(() => 'known');
  // Checked by recording the intent (webhook, forum) and right before the send (all): one read per check, per media.
  // Discord de-duplicates neither a webhook execution nor a forum thread by nonce: both record a posting intent.
  const webhook = feed.place === 'forum' || (feed.place === undefined && feed.delivery.mode === 'webhook');
  const claim: WebhookClaim = webhook ? await claimWebhookPost(deps, fence, feed, media) : { lookFirst: false };
  if (claim instanceof PostError) return claim;
  try {
    const { messageId, recovered } = await deps.poster.post(feed, media, {
      signal: deps.signal,
      lookFirst: claim.lookFirst,
      lookSince: claim.since,
      beforeSend: fence.check,
    });
    const at = deps.now();
    await fence.check();
    // The caption's digest and the post's time let a later poll see the post edited or deleted (post-changes.ts).
    await deps.storage.deliveries.recordDelivery(feed.id, {
      mediaId: media.id,
      messageId,
      deliveredAt: at,
      captionHash: captionHash(media.caption),
      postTime: media.time,
    });
    if (webhook) await deps.storage.fences.clearIntent(feed.id, media.id);
    deps.counters.deliveries += 1;
    deps.delivered(feed, media.id, at, recovered);
    log.info({ messageId, ...(recovered ? { recovered } : {}) }, 'media delivered');
    return 'posted';
  } catch (error) {
    if (!(error instanceof PostError)) throw error;
    // The execution came back: nothing of it is in flight, so a later run looks without waiting for it.
    if (webhook) await deps.storage.fences.settleIntent(feed.id, media.id, fence.token);
    deps.counters.failures += 1;
    if (error.kind === 'retry') log.warn({ failure: postFailureFields(error) }, 'delivery failed; will retry');
    else log.error({ failure: postFailureFields(error) }, 'delivery refused by Discord');
    return error;
  }
}

/** Stores when each feed last got a post (what `/feed list` shows after a restart), one write per feed and run. */
export async function rememberLastDelivery(deps: FencedRun, feeds: Feed[]): Promise<void> {
  for (const feed of feeds) {
    const at = deps.lastDeliveryOf(feed.id);
    if (at !== undefined && at !== feed.lastDeliveryAt) await deps.fence.check();
    if (at !== undefined && at !== feed.lastDeliveryAt)
      await deps.storage.feeds.update(feed.id, { lastDeliveryAt: at });
  }
}

/** Disables the feed for `stop` (a cause as data; `reason` is the log's words) and tells its people. */
export async function disableFeed(
  deps: RunDeps,
  feed: Feed,
  stop: Parameters<typeof disabled>[0],
  reason: string,
): Promise<void> {
  const state = disabled(stop, deps.now());
  await deps.storage.feeds.setState(feed.id, state);
  deps.counters.disabled += 1;
  deps.log.warn({ feedId: feed.id, reason, ...('by' in stop ? { cause: stop.by } : {}) }, 'feed disabled');
  if (state.kind === 'disabled') await deps.tellGuild(feedNotice(feed, state));
}

/** The cause of a post error that disables a feed: its data, or (none expected) its words. */
const stopOf = (error: PostError) => error.stop ?? { words: error.reason };

/** Reads a pending post back; one that no longer parses is dropped (it could never be posted). */
async function pendingToPost(deps: FencedRun, feed: Feed): Promise<Post[]> {
  const pending = await deps.storage.deliveries.pendingMedia(feed.id);
  const media: Post[] = [];
  for (const raw of pending) {
    const parsed = postSchema.safeParse(raw);
    if (parsed.success) media.push(parsed.data);
    else {
      deps.log.error({ feedId: feed.id, mediaId: raw.id }, 'a pending post no longer reads as a post; dropped');
      await deps.fence.check();
      await deps.storage.deliveries.dropPending(feed.id, raw.id);
    }
  }
  return media;
}

/** A digest that could not be posted: the feed waits in its backoff, or is disabled; its digest stays gathered. */
async function failedDigest(deps: FencedRun, feed: Feed, error: PostError): Promise<Drained> {
  if (error.kind !== 'disable')
    return { outcome: { feedId: feed.id, outcome: 'waiting', reason: error.reason }, more: false };
  await deps.fence.check();
  await disableFeed(deps, feed, stopOf(error), error.reason);
  return { outcome: { feedId: feed.id, outcome: 'disabled' }, more: false };
}

export interface Drained {
  outcome: FeedOutcome;
  /** Pending media left for the next run (this one posted its share). */
  more: boolean;
}

/**
 * Posts a feed's pending media oldest first, at most `maxItemsPerRun` of them (a source caught up after a long
 * silence is paced over runs), each dropped from the list once recorded (or refused for good). Stops at the first
 * failure that can pass: the rest wait, in order, for the feed's next try.
 */
export async function drainFeed(deps: FencedRun, feed: Feed): Promise<Drained> {
  const pending = await pendingToPost(deps, feed);
  for (const media of pending.slice(0, deps.maxItemsPerRun)) {
    const outcome = await deliverToFeed(deps, feed, media);
    if (outcome instanceof PostError) {
      if (outcome.kind === 'retry')
        return { outcome: { feedId: feed.id, outcome: 'waiting', reason: outcome.reason }, more: false };
      if (outcome.kind === 'disable') {
        // The pending media stay: an admin who fixes the channel and resumes the feed gets what it missed.
        await deps.fence.check();
        await disableFeed(deps, feed, stopOf(outcome), outcome.reason);
        return { outcome: { feedId: feed.id, outcome: 'disabled' }, more: false };
      }
    }
    // Not checked again: the delivery was just recorded under the fence (or was known), and a late drop of a
    // delivered media changes nothing a newer run would post.
    await deps.storage.deliveries.dropPending(feed.id, media.id);
  }
  const digest = deps.digestTimes.has(feed) ? await postDueDigests(deps, feed) : undefined;
  if (digest !== undefined) return failedDigest(deps, feed, digest);
  const left = pending.length - deps.maxItemsPerRun;
  if (left > 0)
    deps.log.info({ feedId: feed.id, left }, "a run's share of pending media posted; the rest follow in the next runs");
  return { outcome: { feedId: feed.id, outcome: 'drained' }, more: left > 0 };
}
