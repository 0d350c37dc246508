// One run of the delivery engine over one source: read its feeds (lifting owner pauses whose owner is linked
// again), pick whose token pays, fetch the media newer than the source cursor once, hand them to every active
// feed's durable pending list and only then move the cursor past them; then each feed that is not in its own
// backoff posts its pending media oldest first, at most maxItemsPerRun a run (a long backlog is handed over once
// and posted over several runs, the read of newer media waiting meanwhile), recording each delivery. A feed whose
// post fails in a way that can pass (Discord 5xx/429) stops there and waits alone: the others go on, and its
// retries (runs that only drain, no fetch) cost no Instagram call. The dirty mark is cleared at the end only when
// this run's fetch started after the mark was set, so news arriving mid-run is never dropped. Instagram failing
// (down, budget spent) stops the run and says when to try again; nothing is skipped.
// The run's parts live apart: the owner (source-owner.ts), the cursor and hand-over (source-cursor.ts), each feed's
// drain (feed-drain.ts), posts changed on Instagram (post-changes.ts), Instagram failures (instagram-failure.ts); the run's contract is source-run-api.ts.
// Each run first takes the source's fence (run-fence.ts, docs/decisions/0021): when a newer run takes it while this
// one is stalled, this one stops at its next write or post, having changed nothing more. Feeds paused for their
// payer's hashtag slots resume here too once the date a slot frees has come (hashtag-slot-pauses.ts).
import type { SourceKey, FeedSource, Storage } from '../storage/index.js';
import { keepEntitledPayers } from './payer-check.js';
import { drainFeed, rememberLastDelivery, type Drained } from './feed-drain.js';
import { handleInstagramFailure } from './instagram-failure.js';
import { handOver, handOverRoom, startCursor } from './source-cursor.js';
import type { RunDeps, RunRequest, RunResult } from './source-run-api.js';
import { pickOwner, resumeRelinked } from './source-owner.js';
import { nextSlotFrees, resumeFreedSlots } from './hashtag-slot-pauses.js';
import { fencedOut, isFencedOut, takeRunFence, type FencedRun } from './run-fence.js';
import { actOnPostChanges } from './post-changes.js';
import type { NewPosts } from '../core/index.js';

// The run's callers (the engine, its backoffs) import its contract from the run, not knowing how it is split.
export type { FeedOutcome, RunDeps, RunRequest, RunResult } from './source-run-api.js';

async function dirtyMark(storage: Storage, sk: SourceKey): Promise<number | undefined> {
  return (await storage.deliveries.listDirty()).find((d) => d.sourceKey === sk)?.markedAt;
}

/** Clears the mark if it was set before `fetchStartedAt` (that fetch saw everything it announced). */
async function clearIfCovered(run: FencedRun, sk: SourceKey, fetchStartedAt: number): Promise<boolean> {
  const markedAt = await dirtyMark(run.storage, sk);
  if (markedAt === undefined) return false;
  if (markedAt >= fetchStartedAt) return true;
  await run.fence.check();
  return !(await run.storage.deliveries.clearDirty(sk, markedAt));
}

export async function runSource(
  deps: RunDeps,
  sk: SourceKey,
  source: FeedSource,
  request: RunRequest,
): Promise<RunResult> {
  const run: FencedRun = { ...deps, fence: await takeRunFence(deps.storage, sk) };
  try {
    return await fencedRun(run, sk, source, request);
  } catch (error) {
    if (isFencedOut(error)) return fencedOut(deps, error);
    throw error;
  }
}

async function fencedRun(deps: FencedRun, sk: SourceKey, source: FeedSource, request: RunRequest): Promise<RunResult> {
  const { storage, fence } = deps;
  const { priority } = request;
  const all = await resumeFreedSlots(deps, await resumeRelinked(deps, await storage.feeds.listBySource(source)));
  if (all.length === 0) {
    const markedAt = await dirtyMark(storage, sk);
    if (markedAt !== undefined) await fence.check();
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
    if (markedAt !== undefined) await fence.check();
    if (markedAt !== undefined) await storage.deliveries.clearDirty(sk, markedAt);
    // Feeds waiting for a payer's hashtag slot: the source sleeps until the first one frees, then runs to lift it.
    const wakeAt = nextSlotFrees(all);
    if (wakeAt !== undefined)
      return { outcome: 'retry', reason: 'waiting for a free hashtag slot of its payer', retryAt: wakeAt };
    return { outcome: 'done', budgetKey: undefined, rerun: false, fetched: false, feeds: [] };
  }
  // Picking the owner pauses the feeds of the owners it tried before this one: read the states again when there
  // were any. When every active feed is this owner's, nothing was paused and the list read at the start holds.
  if (active.some((f) => f.ownerDiscordUserId !== owner.discordUserId))
    active = (await storage.feeds.listBySource(source)).filter((f) => f.state.kind === 'active');

  const fetchStartedAt = deps.now();
  let rerun = false;
  const room = request.fetch ? await handOverRoom(deps, active, request) : undefined;
  // Skipped while the feeds still post a backlog: they run again at once, and the read follows when they are through.
  if (request.fetch && room === undefined) rerun = true;
  const fetching = room !== undefined;
  let listed: NewPosts['listed'];
  if (fetching) {
    deps.fetching(sk, fetchStartedAt);
    try {
      const cursor = await storage.deliveries.getCursor(sk);
      if (cursor === undefined) {
        // A source whose cursor was never set (its first feed's set-up was interrupted): start at its newest media.
        await startCursor(deps, sk, source, owner.auth, priority);
      } else {
        deps.counters.fetches += 1;
        const fetched = await deps.reader.readNew(owner.auth, source, cursor, {
          priority,
          signal: deps.signal,
          maxItems: room,
        });
        deps.counters.instagramCalls += fetched.calls;
        if (fetched.media.length > 0) {
          deps.counters.postReadCalls += fetched.calls;
          deps.counters.postsRead += fetched.media.length;
        } else deps.counters.emptyReadCalls += fetched.calls;
        deps.read?.(
          sk,
          fetched.media.map((m) => m.id),
        );
        await handOver(deps, sk, source, active, cursor, fetched);
        rerun = fetched.more;
        listed = fetched.listed;
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
  // Posts edited or deleted on Instagram since they were posted, seen in what the read listed (post-changes.ts).
  if (listed !== undefined) await actOnPostChanges(deps, active, listed);
  if (drains.some((d) => d.more)) rerun = true;
  await rememberLastDelivery(deps, active);
  // The dirty mark is cleared only after the drain, so a crash before it reads the source again at start.
  if (fetching && (await clearIfCovered(deps, sk, fetchStartedAt))) rerun = true;
  return { outcome: 'done', budgetKey: owner.auth.userId, rerun, fetched: fetching, feeds };
}
