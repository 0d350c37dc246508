// The webhook's notification sink: what a notification records before it is acknowledged. The source each update
// names is marked dirty, durably; the delivery engine then reads the source from its cursor, so a notification
// lost after this point delays a post and never drops it. The engine coalesces: news already marked and not yet
// read, or of media already read, is not marked again, so replays cost no Instagram call. A batch is handed over
// whole (one write however many sources it names), and a sink the webhook gave up on stops writing: the 503 it
// answered makes Instagram send the batch again.
import { sourceKey } from '../storage/index.js';
import type { FeedDeliveryEngine } from './delivery-engine-api.js';

/** What the sink reads of one update of a notification (v1's `InstagramUpdate` has this shape). */
export interface SourceUpdate {
  object: string;
  object_id: string;
  /** For user subscriptions, the id of the new media. */
  data: { media_id?: string | undefined };
}

export interface DirtySourceSink {
  record(updates: readonly SourceUpdate[], signal?: AbortSignal): Promise<void>;
}

export function dirtySourceSink(deliveries: Pick<FeedDeliveryEngine, 'noteNews'>): DirtySourceSink {
  return {
    async record(updates, signal) {
      const sources = new Map<string, (string | undefined)[]>();
      for (const update of updates) {
        if (update.object !== 'user') continue;
        const key = sourceKey({ kind: 'account', instagramUserId: update.object_id });
        const named = sources.get(key);
        if (named === undefined) sources.set(key, [update.data.media_id]);
        else named.push(update.data.media_id);
      }
      if (sources.size > 0) await deliveries.noteNews(sources, { signal });
    },
  };
}
