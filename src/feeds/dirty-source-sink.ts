// The webhook's notification sink: what a notification records before it is acknowledged. The source each update
// names is marked dirty, durably; the delivery engine then reads the source from its cursor, so a notification
// lost after this point delays a post and never drops it. The engine coalesces: news already marked and not yet
// read, or of media already read, is not marked again, so replays cost no Instagram call. A batch is handed over
// whole (one write however many sources it names), and a sink the webhook gave up on stops writing: the 503 it
// answered makes Instagram send the batch again.
import type { InstagramUpdate } from '../providers/v1/notification.js';
import { sourceKey } from '../storage/index.js';
import type { FeedDeliveryEngine } from './delivery-engine-api.js';

export interface DirtySourceSink {
  record(updates: InstagramUpdate[], signal?: AbortSignal): Promise<void>;
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
