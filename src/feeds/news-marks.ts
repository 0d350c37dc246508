// Which news of a notification batch is worth a dirty mark. News of an unknown kind of source is ignored; news
// naming only media already read from Instagram (every one behind the source cursor) is a replay or a late
// duplicate; and a mark already stored since the latest read of the source started rides along with that mark.
// One read of the cursors for the whole batch.
import type { Logger } from '../log.js';
import { parseSourceKey, type DirtyMark, type SourceCursor, type SourceKey, type Storage } from '../storage/index.js';
import { mediaPk } from './media-fetch.js';

export async function newsMarks(
  deps: { storage: Storage; log: Logger },
  news: ReadonlyMap<string, readonly (string | undefined)[]>,
  /** When this process's latest read of the source started, if any. */
  fetchStartedAt: (key: SourceKey) => number | undefined,
  signal: AbortSignal | undefined,
): Promise<DirtyMark[]> {
  const named: SourceKey[] = [];
  for (const [key, mediaIds] of news) {
    const source = parseSourceKey(key);
    if (source === undefined) deps.log.warn({ sourceKey: key }, 'news of an unknown kind of source ignored');
    else if (mediaIds.length > 0 && source.kind === 'account') named.push(key);
  }
  const cursors =
    named.length > 0 ? await deps.storage.deliveries.getCursors(named) : new Map<SourceKey, SourceCursor>();
  signal?.throwIfAborted();
  const marks: DirtyMark[] = [];
  for (const [key, mediaIds] of news) {
    if (parseSourceKey(key) === undefined) continue;
    // Media already read from Instagram and handed to the feeds: a replay, or a late duplicate.
    const cursorPk = mediaPk(cursors.get(key)?.mediaId ?? '');
    const pks = mediaIds.map((id) => (id === undefined ? undefined : mediaPk(id)));
    if (cursorPk !== undefined && pks.length > 0 && pks.every((pk) => pk !== undefined && pk <= cursorPk)) continue;
    // A mark stored since the latest read started is still to be served by a run that reads after it: this
    // news rides along. Before any read in this process, any stored mark is: start() reads every marked source.
    marks.push({ sourceKey: key, unlessMarkedSince: fetchStartedAt(key) ?? 0 });
  }
  return marks;
}
