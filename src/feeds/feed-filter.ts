// The feed's filters applied where a post is about to go out (a run's drain, a catch-up, a backfill): a post the
// rules hold back is recorded as "filtered by <rule>" in the feed's delivery records, which is as final as a post —
// never retried, never posted — and is what /feed why shows (docs/decisions/0025).
import { compileFilters, type FilterVerdict, type Post } from '../core/index.js';
import type { Logger } from '../log.js';
import type { DeliveryStore, Feed } from '../storage/index.js';

export interface FeedFilter {
  /** True when the feed's rules hold `media` back; it is then recorded as filtered (and must not be posted). */
  holdsBack(media: Post): Promise<boolean>;
}

/** The filter of one feed, its rules compiled once for the posts it decides next. */
export function feedFilter(
  deps: { deliveries: Pick<DeliveryStore, 'recordDelivery'>; now: () => number; log: Logger },
  feed: Feed,
): FeedFilter {
  const decide: (post: Post) => FilterVerdict = compileFilters(feed.filters);
  return {
    async holdsBack(media) {
      const verdict = decide(media);
      if (verdict.pass) return false;
      await deps.deliveries.recordDelivery(feed.id, {
        mediaId: media.id,
        filteredBy: verdict.rule,
        deliveredAt: deps.now(),
      });
      deps.log.info({ feedId: feed.id, mediaId: media.id, rule: verdict.rule }, 'media filtered');
      return true;
    },
  };
}
