// Posts that changed on Instagram after a feed posted them (src/core/post-changes.ts): after a run read its source,
// each feed that does not `leave` its messages compares what the read listed (the newest page(s), read anyway:
// no extra Instagram call) with the caption digest it stored when it posted each post of the last 24 h. A caption
// that differs is an edit; a post missing where the listing is complete was deleted. The feed's message is then
// edited or marked through the poster, and the new digest (or the deletion) noted in the delivery record, so each
// change is acted on once. A change Discord could not apply for now is tried again at the next poll; one it refuses
// for good (the message was deleted by someone) is noted and left, never a reason to stop the feed.
import { captionHash, CHANGE_WINDOW_MS, DEFAULT_ON_CHANGE, type NewPosts, type PostChange } from '../core/index.js';
import type { DeliveryRecord, Feed } from '../storage/index.js';
import { PostError, postFailureFields } from './post-error.js';
import type { FencedRun } from './run-fence.js';

type Listed = NonNullable<NewPosts['listed']>;

/** The change of one delivered post, if any, from what the read listed. */
function changeOf(entry: DeliveryRecord, byId: Map<string, Listed['posts'][number]>, listed: Listed) {
  if (entry.captionHash === undefined || entry.postTime === undefined || entry.deleted === true) return undefined;
  const post = byId.get(entry.mediaId);
  if (post !== undefined)
    return captionHash(post.caption) === entry.captionHash ? undefined : ({ kind: 'edited', post } as const);
  return entry.postTime > listed.completeAfter ? ({ kind: 'deleted' } as const) : undefined;
}

/** Acts on the changes of every feed's recent posts; resolves once each is applied or left for the next poll. */
export async function actOnPostChanges(deps: FencedRun, feeds: Feed[], listed: Listed): Promise<void> {
  const byId = new Map(listed.posts.map((p) => [p.id, p]));
  const since = deps.now() - CHANGE_WINDOW_MS;
  for (const feed of feeds) {
    const how = feed.onChange ?? DEFAULT_ON_CHANGE;
    if (how === 'leave') continue;
    const recent = (await deps.storage.deliveries.recentDeliveries(feed.id)).filter((e) => e.deliveredAt >= since);
    for (const entry of recent) {
      const change: PostChange | undefined = changeOf(entry, byId, listed);
      if (change === undefined || entry.messageId === undefined) continue;
      if (!(await applyChange(deps, feed, entry.mediaId, entry.messageId, change, how))) break;
    }
  }
}

/** Applies one change; false when Discord cannot take it now (the feed's other changes wait for the next poll). */
async function applyChange(
  deps: FencedRun,
  feed: Feed,
  mediaId: string,
  messageId: string,
  change: PostChange,
  how: 'edit' | 'mark',
): Promise<boolean> {
  const log = deps.log.child({ feedId: feed.id, mediaId, messageId, change: change.kind, how });
  try {
    await deps.poster.update(feed, messageId, change, how, { signal: deps.signal, beforeSend: deps.fence.check });
    log.info('a post changed on Instagram; its message was changed in place');
  } catch (error) {
    if (!(error instanceof PostError)) throw error;
    if (error.kind === 'retry') {
      log.warn({ failure: postFailureFields(error) }, 'changing the message of a changed post failed; will retry');
      return false;
    }
    log.warn({ failure: postFailureFields(error) }, 'Discord refused to change the message of a changed post; left');
  }
  await deps.fence.check();
  await deps.storage.deliveries.noteChange(
    feed.id,
    mediaId,
    change.kind === 'edited' ? { captionHash: captionHash(change.post.caption) } : { deleted: true },
  );
  return true;
}
