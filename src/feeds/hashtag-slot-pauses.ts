// Hashtag feeds whose payer has no free weekly slot (reference §1.4: 30 unique hashtags per account in a rolling
// 7 days). When Graph refuses the feed's tag as a 31st, no retry can succeed before a slot frees, and each one would
// spend a call: the payer's feeds of the tag pause with the date a slot frees (issue 14: a source nobody can pay
// for any more pauses with the reason in /feed list), the source sleeps until then, and a run at or after that
// date lifts the pause before it picks whose token pays, so the feed resumes by itself.
import {
  hashtagSlotFreed,
  hashtagSlotFreesAt,
  hashtagSlotsFull,
  type InstagramHashtagLimitError,
} from '../core/index.js';
import { HASHTAG_SLOT_WINDOW_MS, type Feed, type FeedSource } from '../storage/index.js';
import type { RunDeps, RunResult } from './source-run-api.js';
import type { Owner } from './source-owner.js';

/**
 * When the payer's next slot frees: the date Graph's refusal named, else the oldest tag igcord noted for the
 * account (storage's slot ledger), else a week from now. Never later than a week: every slot taken before now has
 * freed by then (the window rolls), and the source's timer stays well inside what a timer can wait.
 */
async function slotFreesAt(deps: RunDeps, owner: Owner, error: InstagramHashtagLimitError): Promise<number> {
  const now = deps.now();
  const latest = now + HASHTAG_SLOT_WINDOW_MS;
  if (error.resetsAt !== undefined && error.resetsAt > now) return Math.min(error.resetsAt, latest);
  const noted = await deps.storage.hashtagSlots.get(owner.auth.userId).catch(() => undefined);
  const next = noted?.nextFreesAt ?? undefined;
  return next !== undefined && next > now ? Math.min(next, latest) : latest;
}

/**
 * Graph refused the source's tag for `owner`: their active feeds of it pause until a slot frees. The source runs
 * again at once when other payers' feeds of it are still active (their token may have the slot), else at that date.
 */
export async function pauseForHashtagSlots(
  deps: RunDeps,
  source: FeedSource,
  owner: Owner,
  error: InstagramHashtagLimitError,
): Promise<RunResult> {
  const freesAt = await slotFreesAt(deps, owner, error);
  let othersActive = false;
  for (const feed of await deps.storage.feeds.listBySource(source)) {
    if (feed.ownerDiscordUserId !== owner.discordUserId) {
      if (feed.state.kind === 'active') othersActive = true;
      continue;
    }
    const next = hashtagSlotsFull(feed, freesAt, deps.now());
    if (next === undefined) continue;
    await deps.storage.feeds.setState(feed.id, next);
    deps.log.warn(
      { feedId: feed.id, freesAt },
      "feed paused: its payer's Instagram account has no free hashtag slot this week",
    );
  }
  const reason = "the payer's Instagram account has used its 30 hashtags for this week";
  return { outcome: 'retry', reason, retryAt: othersActive ? deps.now() : freesAt };
}

/** Lifts the hashtag-slot pauses whose date has come; returns the feeds as they now are. */
export async function resumeFreedSlots(deps: RunDeps, feeds: Feed[]): Promise<Feed[]> {
  const result: Feed[] = [];
  for (const feed of feeds) {
    const next = hashtagSlotFreed(feed, deps.now());
    if (next === undefined) {
      result.push(feed);
      continue;
    }
    const resumed = await deps.storage.feeds.setState(feed.id, next);
    deps.log.info({ feedId: feed.id }, "feed resumed: a hashtag slot of its payer's account has freed");
    result.push(resumed ?? feed);
  }
  return result;
}

/** The earliest date a hashtag-slot pause among `feeds` lifts, so a source with nothing active sleeps until then. */
export function nextSlotFrees(feeds: readonly Feed[]): number | undefined {
  const dates = feeds.flatMap((f) => {
    const at = hashtagSlotFreesAt(f.state);
    return at === undefined ? [] : [at];
  });
  return dates.length === 0 ? undefined : Math.min(...dates);
}
