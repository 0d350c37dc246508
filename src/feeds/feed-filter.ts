// The feed's filters applied where a post is about to go out (a run's drain, a catch-up, a backfill): a post the
// rules hold back is recorded as "filtered by <rule>" in the feed's delivery records, which is as final as a post —
// never retried, never posted — and is what /feed why shows (docs/decisions/0025).
import { compileFilters, type FilterRule, type FilterVerdict, type Post } from '../core/index.js';
import type { Logger } from '../log.js';
import type { DeliveryStore, Feed } from '../storage/index.js';

/**
 * Compiled rules by the rules array of the feed record a run read: one compile per feed and run (a drain decides
 * all its posts with the same record), not one per post. Weak, so a record no longer in use takes its entry along.
 */
const compiled = new WeakMap<readonly FilterRule[], (post: Post) => FilterVerdict>();

function decide(rules: readonly FilterRule[] | undefined, post: Post): FilterVerdict {
  if (rules === undefined || rules.length === 0) return { pass: true };
  let decider = compiled.get(rules);
  if (decider === undefined) {
    decider = compileFilters(rules);
    compiled.set(rules, decider);
  }
  return decider(post);
}

/**
 * True when the feed's rules hold `media` back; it is then recorded as filtered and must not be posted.
 * `beforeWrite` runs right before the record is written (a run's fence check).
 */
export async function holdsBack(
  deps: { storage: { deliveries: Pick<DeliveryStore, 'recordDelivery'> }; now: () => number; log: Logger },
  feed: Feed,
  media: Post,
  options: { beforeWrite?: (() => Promise<void>) | undefined } = {},
): Promise<boolean> {
  const verdict = decide(feed.filters, media);
  if (verdict.pass) return false;
  await options.beforeWrite?.();
  await deps.storage.deliveries.recordDelivery(feed.id, {
    mediaId: media.id,
    filteredBy: verdict.rule,
    deliveredAt: deps.now(),
  });
  deps.log.info({ feedId: feed.id, mediaId: media.id, rule: verdict.rule }, 'media filtered');
  return true;
}
