// The Graph webhook's hint sink: a recorded comments or mentions event is news of its account's source, so the
// source is marked dirty (durably, through the same dirty marks as v1's notifications) and the engine polls it
// early. The event names no new media (no webhook announces media, reference §1.7), so each source is noted as
// news naming none: marked unless a mark is already stored and unread, which the next run serves anyway.
import type { FeedDeliveryEngine } from './delivery-engine-api.js';

export interface SourceHintSink {
  /** Resolves, once stored, with the sources marked now (those with a mark still unread are not marked again). */
  hint(sourceKeys: readonly string[], signal?: AbortSignal): Promise<readonly string[]>;
}

export function engineSourceHints(deliveries: Pick<FeedDeliveryEngine, 'noteNews'>): SourceHintSink {
  return {
    async hint(sourceKeys, signal) {
      if (sourceKeys.length === 0) return [];
      return deliveries.noteNews(new Map(sourceKeys.map((key) => [key, [undefined]])), { signal });
    },
  };
}
