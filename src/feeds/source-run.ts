// One run of the delivery engine over one source: read its feeds (lifting owner pauses whose owner is linked
// again), pick whose token pays, fetch the media newer than the source cursor once, hand them to every active
// feed's durable pending list and only then move the cursor past them; then each feed that is not in its own
// backoff posts its pending media oldest first, at most maxItemsPerRun a run (a long backlog is handed over once
// and posted over several runs, the read of newer media waiting meanwhile), recording each delivery. A feed whose
// post fails in a way that can pass (Discord 5xx/429) stops there and waits alone: the others go on, and its
// retries (runs that only drain, no fetch) cost no Instagram call. The dirty mark is cleared at the end only when
// this run's fetch started after the mark was set, so news arriving mid-run is never dropped. Instagram failing
// (down, budget spent) stops the run and says when to try again; nothing is skipped.
import type { Auth, InstagramClient } from '../providers/v1/client.js';
import type { CallPriority } from '../providers/v1/call-gate.js';
import {
  InstagramError,
  InstagramNotAllowedError,
  InstagramNotFoundError,
  InstagramRateLimitError,
  InstagramScopeError,
  InstagramTokenError,
} from '../providers/v1/errors.js';
import {
  disabled,
  ownerLinked,
  ownerLinkLost,
  postSchema,
  scopeMissing,
  type OwnerLink,
  type OwnerLinkLoss,
  type Post,
} from '../core/index.js';
import { LimiterClosedError } from '../limiter/index.js';
import type { Logger } from '../log.js';
import type { Feed, FeedSource, SourceCursor, SourceKey, Storage } from '../storage/index.js';
import { PENDING_LIMIT, TokenDecryptError } from '../storage/index.js';
import type { EngineCounters } from './engine-stats.js';
import { PostError, postFailureFields } from './post-error.js';
import type { PostToFeed } from './post-to-feed.js';
import { keepEntitledPayers, type PayerCheck } from './payer-check.js';
import { cursorAfter, EMPTY_SOURCE_CURSOR, fetchNewest, fetchNewMedia, type NewMedia } from './media-fetch.js';

export interface RunDeps {
  storage: Storage;
  instagram: InstagramClient;
  poster: PostToFeed;
  log: Logger;
  counters: EngineCounters;
  /** Aborted when the engine closes. */
  signal: AbortSignal;
  maxItemsPerRun: number;
  now: () => number;
  /**
   * Called after each recorded delivery (in-memory status, latency). `recovered`: an earlier, unrecorded post was
   * found and recorded, so `at` is not when Discord accepted it.
   */
  delivered(feed: Feed, mediaId: string, at: number, recovered: boolean): void;
  /** The latest delivery to a feed this process knows of. */
  lastDeliveryOf(feedId: string): number | undefined;
  /** Called when a run starts reading the source from Instagram (notifications marked before this are covered). */
  fetching(sourceKey: SourceKey, at: number): void;
  /** Tells a guild that one of its feeds stopped (best effort, never throws). */
  tellGuild(feed: Feed, text: string): Promise<void>;
  /** Whether a feed's payer may still pay for it in its server (asked before their token reads the source). */
  payers: PayerCheck;
}

export type RunResult =
  /** The source has no feed left: stop scheduling it. */
  | { outcome: 'gone' }
  /**
   * Done; `budgetKey` is the Instagram user id whose budget paid (for the next poll interval), `fetched` whether
   * Instagram was read, `feeds` how each active feed's drain ended.
   */
  | { outcome: 'done'; budgetKey: string | undefined; rerun: boolean; fetched: boolean; feeds: FeedOutcome[] }
  /** Stopped early; try again at `retryAt` (or by backoff when undefined). */
  | { outcome: 'retry'; reason: string; retryAt: number | undefined };

/** How one feed's drain ended: emptied, stopped by a failure that can pass, disabled, or not tried (backoff). */
export type FeedOutcome =
  | { feedId: string; outcome: 'drained' | 'disabled' | 'not-ready' }
  | { feedId: string; outcome: 'waiting'; reason: string };

export interface Owner {
  discordUserId: string;
  auth: Auth;
}

/** The owner whose token reads the source: the first active feed whose owner's link works. Pauses the others. */
async function pickOwner(deps: RunDeps, source: FeedSource, active: Feed[]): Promise<Owner | undefined> {
  const ordered = [...active].sort((a, b) => {
    // An account source is best read with that account's own token.
    const own = (f: Feed) => (source.kind === 'account' && f.ownerInstagramUserId === source.instagramUserId ? 0 : 1);
    return own(a) - own(b) || a.createdAt - b.createdAt;
  });
  const tried = new Set<string>();
  for (const feed of ordered) {
    const owner = feed.ownerDiscordUserId;
    if (tried.has(owner)) continue;
    tried.add(owner);
    try {
      const linked = await deps.storage.accounts.getWithToken(owner);
      if (linked === undefined) await pauseOwner(deps, owner, 'unlinked');
      else if (linked.account.status !== 'active') await pauseOwner(deps, owner, 'token');
      else
        return {
          discordUserId: owner,
          auth: { userId: linked.account.instagramUserId, accessToken: linked.accessToken },
        };
    } catch (error) {
      if (!(error instanceof TokenDecryptError)) throw error;
      deps.log.error(
        { err: error, ownerDiscordUserId: owner },
        'stored Instagram token of a feed owner cannot be decrypted; pausing their feeds',
      );
      await pauseOwner(deps, owner, 'unreadable');
    }
  }
  return undefined;
}

/** Pauses every active feed of an owner for their link (lifted when the owner links that account again). */
export async function pauseOwner(
  deps: Pick<RunDeps, 'storage' | 'log' | 'now'>,
  discordUserId: string,
  kind: OwnerLinkLoss,
): Promise<number> {
  const feeds = await deps.storage.feeds.listByOwner(discordUserId);
  let paused = 0;
  for (const feed of feeds) {
    const next = ownerLinkLost(feed, kind, deps.now());
    if (next === undefined) continue;
    await deps.storage.feeds.setState(feed.id, next);
    paused += 1;
  }
  if (paused > 0)
    deps.log.warn(
      { ownerDiscordUserId: discordUserId, paused, kind },
      "feeds paused: the owner's Instagram link does not work",
    );
  return paused;
}

/**
 * Lifts owner pauses whose owner has a working link again — to the Instagram account the pause waits for (the
 * lifecycle decides); returns the feeds as they now are.
 */
async function resumeRelinked(deps: RunDeps, feeds: Feed[]): Promise<Feed[]> {
  const working = new Map<string, OwnerLink | undefined>();
  const result: Feed[] = [];
  for (const feed of feeds) {
    if (!working.has(feed.ownerDiscordUserId)) {
      const account = await deps.storage.accounts.get(feed.ownerDiscordUserId);
      working.set(feed.ownerDiscordUserId, account?.status === 'active' ? account : undefined);
    }
    const linkedTo = working.get(feed.ownerDiscordUserId);
    const next = linkedTo === undefined ? undefined : ownerLinked(feed, linkedTo);
    if (next === undefined) {
      result.push(feed);
      continue;
    }
    const resumed = await deps.storage.feeds.setState(feed.id, next);
    deps.log.info({ feedId: feed.id }, 'feed resumed: its owner linked Instagram again');
    result.push(resumed ?? feed);
  }
  return result;
}

async function dirtyMark(storage: Storage, sk: SourceKey): Promise<number | undefined> {
  return (await storage.deliveries.listDirty()).find((d) => d.sourceKey === sk)?.markedAt;
}

/** Clears the mark if it was set before `fetchStartedAt` (that fetch saw everything it announced). */
async function clearIfCovered(storage: Storage, sk: SourceKey, fetchStartedAt: number): Promise<boolean> {
  const markedAt = await dirtyMark(storage, sk);
  if (markedAt === undefined) return false;
  if (markedAt >= fetchStartedAt) return true;
  return !(await storage.deliveries.clearDirty(sk, markedAt));
}

/** Posts one media to one feed unless it was delivered already; records it. */
async function deliverToFeed(deps: RunDeps, feed: Feed, media: Post): Promise<'posted' | 'known' | PostError> {
  const log = deps.log.child({ feedId: feed.id, mediaId: media.id, channelId: feed.channelId });
  if (await deps.storage.deliveries.findDelivery(feed.id, media.id)) return 'known';
  try {
    const { messageId, recovered } = await deps.poster.post(feed, media, { signal: deps.signal });
    const at = deps.now();
    await deps.storage.deliveries.recordDelivery(feed.id, { mediaId: media.id, messageId, deliveredAt: at });
    deps.counters.deliveries += 1;
    deps.delivered(feed, media.id, at, recovered);
    log.info({ messageId, ...(recovered ? { recovered } : {}) }, 'media delivered');
    return 'posted';
  } catch (error) {
    if (!(error instanceof PostError)) throw error;
    deps.counters.failures += 1;
    if (error.kind === 'retry') log.warn({ failure: postFailureFields(error) }, 'delivery failed; will retry');
    else log.error({ failure: postFailureFields(error) }, 'delivery refused by Discord');
    return error;
  }
}

/** Stores when each feed last got a post (what `/feed list` shows after a restart), one write per feed and run. */
async function rememberLastDelivery(deps: RunDeps, feeds: Feed[]): Promise<void> {
  for (const feed of feeds) {
    const at = deps.lastDeliveryOf(feed.id);
    if (at !== undefined && at !== feed.lastDeliveryAt)
      await deps.storage.feeds.update(feed.id, { lastDeliveryAt: at });
  }
}

async function disableFeed(deps: RunDeps, feed: Feed, reason: string): Promise<void> {
  await deps.storage.feeds.setState(feed.id, disabled(reason, deps.now()));
  deps.counters.disabled += 1;
  deps.log.warn({ feedId: feed.id, reason }, 'feed disabled');
  await deps.tellGuild(feed, `⚠️ The Instagram feed \`${feed.id}\` in <#${feed.channelId}> was disabled: ${reason}`);
}

/** What one run is asked to do besides draining the feeds that are ready. */
export interface RunRequest {
  priority: CallPriority;
  /** Read the source's new media from Instagram (a notification, a poll, a retry); false: only drain feeds. */
  fetch: boolean;
  /** False for a feed in its own backoff: it keeps its pending media and is not tried in this run. */
  feedReady(feedId: string): boolean;
}

/** Reads a pending post back; one that no longer parses is dropped (it could never be posted). */
async function pendingToPost(deps: RunDeps, feed: Feed): Promise<Post[]> {
  const pending = await deps.storage.deliveries.pendingMedia(feed.id);
  const media: Post[] = [];
  for (const raw of pending) {
    const parsed = postSchema.safeParse(raw);
    if (parsed.success) media.push(parsed.data);
    else {
      deps.log.error({ feedId: feed.id, mediaId: raw.id }, 'a pending post no longer reads as a post; dropped');
      await deps.storage.deliveries.dropPending(feed.id, raw.id);
    }
  }
  return media;
}

interface Drained {
  outcome: FeedOutcome;
  /** Pending media left for the next run (this one posted its share). */
  more: boolean;
}

/**
 * Posts a feed's pending media oldest first, at most `maxItemsPerRun` of them (a source caught up after a long
 * silence is paced over runs), each dropped from the list once recorded (or refused for good). Stops at the first
 * failure that can pass: the rest wait, in order, for the feed's next try.
 */
async function drainFeed(deps: RunDeps, feed: Feed): Promise<Drained> {
  const pending = await pendingToPost(deps, feed);
  for (const media of pending.slice(0, deps.maxItemsPerRun)) {
    const outcome = await deliverToFeed(deps, feed, media);
    if (outcome instanceof PostError) {
      if (outcome.kind === 'retry')
        return { outcome: { feedId: feed.id, outcome: 'waiting', reason: outcome.reason }, more: false };
      if (outcome.kind === 'disable') {
        // The pending media stay: an admin who fixes the channel and resumes the feed gets what it missed.
        await disableFeed(deps, feed, outcome.reason);
        return { outcome: { feedId: feed.id, outcome: 'disabled' }, more: false };
      }
    }
    await deps.storage.deliveries.dropPending(feed.id, media.id);
  }
  const left = pending.length - deps.maxItemsPerRun;
  if (left > 0)
    deps.log.info({ feedId: feed.id, left }, "a run's share of pending media posted; the rest follow in the next runs");
  return { outcome: { feedId: feed.id, outcome: 'drained' }, more: left > 0 };
}

/**
 * Hands new media to every active feed's pending list, then moves the source cursor past them (which ends a
 * catch-up's continuation); a walk that stopped above the oldest new media only stores where to go on.
 */
async function handOver(
  deps: RunDeps,
  sk: SourceKey,
  feeds: Feed[],
  cursor: SourceCursor,
  fetched: NewMedia,
): Promise<void> {
  const { storage } = deps;
  const stays = {
    mediaId: cursor.mediaId,
    createdTime: cursor.createdTime,
    ...(cursor.minTagId !== undefined ? { minTagId: cursor.minTagId } : {}),
  };
  if (fetched.media.length > 0) {
    // Pending lists first, cursor second: a crash in between hands the same media over again, which the lists
    // and the delivery records both ignore, and never moves the cursor past media no feed holds.
    const dropped = await storage.deliveries.handOver(
      feeds.map((f) => f.id),
      fetched.media,
    );
    for (const [feedId, count] of dropped)
      deps.log.error(
        { feedId, dropped: count },
        'a feed that cannot post has too many pending media; the oldest were dropped',
      );
    const newest = fetched.media[fetched.media.length - 1]!;
    await storage.deliveries.advanceCursor(sk, cursorAfter(newest, cursor, fetched.minTagId));
  } else if (fetched.resumeBelow !== undefined) {
    deps.log.info({ sourceKey: sk }, 'more new media than one run reads; the next run goes on reading older pages');
    await storage.deliveries.advanceCursor(sk, { ...stays, resumeBelow: fetched.resumeBelow });
  } else if (
    cursor.resumeBelow !== undefined ||
    (fetched.minTagId !== undefined && fetched.minTagId !== cursor.minTagId)
  ) {
    await storage.deliveries.advanceCursor(sk, {
      ...stays,
      ...(fetched.minTagId !== undefined ? { minTagId: fetched.minTagId } : {}),
    });
  }
}

/**
 * How much the feeds that post in this run can take: undefined when each already holds a run's worth of pending
 * media (reading Instagram now would bring only newer media, posted after those; it waits, costing no call), else
 * the room left in the fullest pending list, so a long backlog read once is kept whole rather than read again.
 */
async function handOverRoom(deps: RunDeps, feeds: Feed[], request: RunRequest): Promise<number | undefined> {
  const ready = feeds.filter((f) => request.feedReady(f.id));
  const sizes = await Promise.all(
    (ready.length > 0 ? ready : feeds).map(async (f) => (await deps.storage.deliveries.pendingMedia(f.id)).length),
  );
  if (sizes.length === 0) return deps.maxItemsPerRun;
  const room = PENDING_LIMIT - Math.max(...sizes);
  if (ready.length > 0 && (Math.min(...sizes) >= deps.maxItemsPerRun || room < deps.maxItemsPerRun)) return undefined;
  return Math.max(deps.maxItemsPerRun, room);
}

export async function runSource(
  deps: RunDeps,
  sk: SourceKey,
  source: FeedSource,
  request: RunRequest,
): Promise<RunResult> {
  const { storage } = deps;
  const { priority } = request;
  const all = await resumeRelinked(deps, await storage.feeds.listBySource(source));
  if (all.length === 0) {
    const markedAt = await dirtyMark(storage, sk);
    if (markedAt !== undefined) await storage.deliveries.clearDirty(sk, markedAt);
    return { outcome: 'gone' };
  }
  // A payer who left the feed's server, or may no longer manage it, stops paying for it before their token is used.
  let active = await keepEntitledPayers(
    deps,
    all.filter((f) => f.state.kind === 'active'),
  );
  const owner = active.length > 0 ? await pickOwner(deps, source, active) : undefined;
  if (owner === undefined) {
    // Nothing can be delivered now; the cursor stays, so a feed resumed later still gets what came meanwhile.
    const markedAt = await dirtyMark(storage, sk);
    if (markedAt !== undefined) await storage.deliveries.clearDirty(sk, markedAt);
    return { outcome: 'done', budgetKey: undefined, rerun: false, fetched: false, feeds: [] };
  }
  // Picking the owner may have paused other owners' feeds: read the states again.
  active = (await storage.feeds.listBySource(source)).filter((f) => f.state.kind === 'active');

  const fetchStartedAt = deps.now();
  let rerun = false;
  const room = request.fetch ? await handOverRoom(deps, active, request) : undefined;
  // Skipped while the feeds still post a backlog: they run again at once, and the read follows when they are through.
  if (request.fetch && room === undefined) rerun = true;
  const fetching = room !== undefined;
  if (fetching) {
    deps.fetching(sk, fetchStartedAt);
    try {
      const cursor = await storage.deliveries.getCursor(sk);
      if (cursor === undefined) {
        // A source whose cursor was never set (its first feed's set-up was interrupted): start at its newest media.
        await startCursor(deps, sk, source, owner.auth, priority);
      } else {
        deps.counters.fetches += 1;
        const fetched = await fetchNewMedia(deps.instagram, owner.auth, source, cursor, {
          priority,
          signal: deps.signal,
          maxItems: room,
        });
        deps.counters.instagramCalls += fetched.calls;
        await handOver(deps, sk, active, cursor, fetched);
        rerun = fetched.more;
      }
    } catch (error) {
      return handleInstagramFailure(deps, sk, source, owner, error);
    }
  }

  // Each ready feed drains its own list; one that fails waits alone, in its own backoff, without another fetch.
  const drains = await Promise.all(
    active.map((feed): Promise<Drained> =>
      request.feedReady(feed.id)
        ? drainFeed(deps, feed)
        : Promise.resolve({ outcome: { feedId: feed.id, outcome: 'not-ready' }, more: false }),
    ),
  );
  const feeds = drains.map((d) => d.outcome);
  if (drains.some((d) => d.more)) rerun = true;
  await rememberLastDelivery(deps, active);
  // The dirty mark is cleared only after the drain, so a crash before it reads the source again at start.
  if (fetching && (await clearIfCovered(storage, sk, fetchStartedAt))) rerun = true;
  return { outcome: 'done', budgetKey: owner.auth.userId, rerun, fetched: fetching, feeds };
}

/** Sets the source cursor at its current newest media (nothing older is ever posted unless asked). */
export async function startCursor(
  deps: Pick<RunDeps, 'storage' | 'instagram' | 'counters' | 'signal'>,
  sk: SourceKey,
  source: FeedSource,
  auth: Auth,
  priority: CallPriority,
): Promise<void> {
  const newest = await fetchNewest(deps.instagram, auth, source, 1, { priority, signal: deps.signal });
  deps.counters.instagramCalls += 1;
  const media = newest.media[0];
  const cursor =
    media === undefined
      ? { ...EMPTY_SOURCE_CURSOR, minTagId: newest.minTagId ?? '0' }
      : cursorAfter(media, undefined, newest.minTagId ?? (source.kind === 'tag' ? '0' : undefined));
  await deps.storage.deliveries.advanceCursor(sk, cursor);
}

/**
 * The owner's token lacks `scope`: their active feeds of this source pause (the lifecycle's `scope` cause) and each
 * feed's server is told which permission is missing and how to grant it; a relink with it resumes them.
 */
async function pauseForScope(deps: RunDeps, source: FeedSource, owner: Owner, scope: string): Promise<void> {
  for (const feed of await deps.storage.feeds.listBySource(source)) {
    if (feed.ownerDiscordUserId !== owner.discordUserId) continue;
    const next = scopeMissing(feed, scope, deps.now());
    if (next === undefined) continue;
    await deps.storage.feeds.setState(feed.id, next);
    deps.log.warn(
      { feedId: feed.id, scope },
      "feed paused: the owner's token lacks an Instagram permission the source needs",
    );
    await deps.tellGuild(
      feed,
      `⏸ The Instagram feed \`${feed.id}\` in <#${feed.channelId}> is paused: it needs the \`${scope}\` permission: the owner (<@${feed.ownerDiscordUserId}>) runs /instagram link scopes:${scope} with the same account, and it resumes by itself.`,
    );
  }
}

async function handleInstagramFailure(
  deps: RunDeps,
  sk: SourceKey,
  source: FeedSource,
  owner: Owner,
  error: unknown,
): Promise<RunResult> {
  if (error instanceof InstagramTokenError) {
    deps.counters.failures += 1;
    await deps.storage.accounts.markBroken(
      owner.discordUserId,
      'Instagram refused the token while reading a feed (revoked or expired)',
    );
    await pauseOwner(deps, owner.discordUserId, 'token');
    // Other owners' feeds on this source can still be served: try again at once.
    return { outcome: 'retry', reason: "the owner's token was refused", retryAt: deps.now() };
  }
  if (error instanceof InstagramScopeError && error.scope !== undefined) {
    deps.counters.failures += 1;
    await pauseForScope(deps, source, owner, error.scope);
    return { outcome: 'done', budgetKey: owner.auth.userId, rerun: true, fetched: true, feeds: [] };
  }
  if (
    error instanceof InstagramScopeError ||
    error instanceof InstagramNotFoundError ||
    error instanceof InstagramNotAllowedError
  ) {
    deps.counters.failures += 1;
    const reason = `Instagram refuses this source (${error.type}: ${error.message})`;
    for (const feed of await deps.storage.feeds.listBySource(source)) {
      if (feed.state.kind === 'active' && feed.ownerDiscordUserId === owner.discordUserId)
        await disableFeed(deps, feed, reason);
    }
    return { outcome: 'done', budgetKey: owner.auth.userId, rerun: true, fetched: true, feeds: [] };
  }
  if (error instanceof LimiterClosedError || deps.signal.aborted)
    return { outcome: 'retry', reason: 'igcord is stopping', retryAt: undefined };
  if (error instanceof InstagramRateLimitError) {
    deps.counters.failures += 1;
    return { outcome: 'retry', reason: error.message, retryAt: error.resetsAt };
  }
  if (error instanceof InstagramError) {
    deps.counters.failures += 1;
    deps.log.warn({ err: error, sourceKey: sk }, 'reading the source from Instagram failed; will retry');
    return { outcome: 'retry', reason: error.message, retryAt: undefined };
  }
  throw error;
}
