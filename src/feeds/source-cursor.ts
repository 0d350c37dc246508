// Moving a source's cursor: set it at the newest media for a new source, and hand fetched media to the feeds'
// pending lists before moving it past them (never past media no feed holds), sized to what the feeds can take.
import type { InstagramAuth as Auth, NewPosts as NewMedia } from '../core/index.js';
import type { CallPriority } from '../limiter/call-gate.js';
import type { Feed, FeedSource, SourceCursor, SourceKey } from '../storage/index.js';
import { PENDING_LIMIT } from '../storage/index.js';
import { cursorAfter, EMPTY_SOURCE_CURSOR } from './media-fetch.js';
import type { RunDeps, RunRequest } from './source-run-api.js';
import type { FencedRun, RunFence } from './run-fence.js';

/** Sets the source cursor at its current newest media (nothing older is ever posted unless asked). */
export async function startCursor(
  deps: Pick<RunDeps, 'storage' | 'reader' | 'counters' | 'signal'> & { fence?: RunFence | undefined },
  sk: SourceKey,
  source: FeedSource,
  auth: Auth,
  priority: CallPriority,
): Promise<void> {
  const newest = await deps.reader.readNewest(auth, source, 1, { priority, signal: deps.signal });
  deps.counters.instagramCalls += 1;
  const media = newest.media[0];
  const cursor =
    media === undefined
      ? { ...EMPTY_SOURCE_CURSOR, minTagId: newest.minTagId ?? '0' }
      : cursorAfter(media, undefined, newest.minTagId ?? (source.kind === 'tag' ? '0' : undefined));
  await deps.fence?.check();
  await deps.storage.deliveries.advanceCursor(sk, cursor);
}

/**
 * Hands new media to every active feed's pending list, then moves the source cursor past them (which ends a
 * catch-up's continuation); a walk that stopped above the oldest new media only stores where to go on.
 */
export async function handOver(
  deps: FencedRun,
  sk: SourceKey,
  source: FeedSource,
  feeds: Feed[],
  cursor: SourceCursor,
  fetched: NewMedia,
): Promise<void> {
  const { storage, fence } = deps;
  const stays = {
    mediaId: cursor.mediaId,
    createdTime: cursor.createdTime,
    ...(cursor.minTagId !== undefined ? { minTagId: cursor.minTagId } : {}),
  };
  if (fetched.media.length > 0) {
    // Pending lists first, cursor second: a crash in between hands the same media over again, which the lists
    // and the delivery records both ignore, and never moves the cursor past media no feed holds.
    await fence.check();
    const dropped = await storage.deliveries.handOver(
      feeds.map((f) => f.id),
      fetched.media,
    );
    // The reader notes what it handed over (a seen-set) only now that every feed holds it.
    await deps.reader.handedOver?.(source, fetched.media);
    for (const [feedId, count] of dropped)
      deps.log.error(
        { feedId, dropped: count },
        'a feed that cannot post has too many pending media; the oldest were dropped',
      );
    const newest = fetched.media[fetched.media.length - 1]!;
    await fence.check();
    await storage.deliveries.advanceCursor(sk, cursorAfter(newest, cursor, fetched.minTagId));
  } else if (fetched.resumeBelow !== undefined) {
    deps.log.info({ sourceKey: sk }, 'more new media than one run reads; the next run goes on reading older pages');
    await fence.check();
    await storage.deliveries.advanceCursor(sk, { ...stays, resumeBelow: fetched.resumeBelow });
  } else if (
    cursor.resumeBelow !== undefined ||
    (fetched.minTagId !== undefined && fetched.minTagId !== cursor.minTagId)
  ) {
    await fence.check();
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
export async function handOverRoom(deps: RunDeps, feeds: Feed[], request: RunRequest): Promise<number | undefined> {
  const ready = feeds.filter((f) => request.feedReady(f.id));
  const sizes = await Promise.all(
    (ready.length > 0 ? ready : feeds).map(async (f) => (await deps.storage.deliveries.pendingMedia(f.id)).length),
  );
  if (sizes.length === 0) return deps.maxItemsPerRun;
  const room = PENDING_LIMIT - Math.max(...sizes);
  if (ready.length > 0 && (Math.min(...sizes) >= deps.maxItemsPerRun || room < deps.maxItemsPerRun)) return undefined;
  return Math.max(deps.maxItemsPerRun, room);
}
