// A source run's fence (docs/decisions/0021): the token the run took from storage when it started, checked before
// each of its writes and right before each post. A run whose token is no longer current — a newer run of the
// same source started while this one was stalled — stops at once: it posts and writes nothing more, says why in
// the log and counts it (`fenced` in the engine's stats). Webhook feeds also record a posting intent under the
// fence before each execution, and a run that finds an older run's intent for a media resolves it first.
import type { Post } from '../core/index.js';
import { FencedOutError, IntentTakenError, type Feed, type SourceKey, type Storage } from '../storage/index.js';
import { PostError } from './post-error.js';
import type { RunDeps, RunResult } from './source-run-api.js';

export interface RunFence {
  readonly sourceKey: SourceKey;
  readonly token: number;
  /** Resolves while this run's token is current; throws FencedOutError otherwise. */
  check(): Promise<void>;
}

/** Takes a new token for a run of `sk`: every older run of it is refused from now on. */
export async function takeRunFence(storage: Storage, sk: SourceKey): Promise<RunFence> {
  const token = await storage.fences.take(sk);
  return { sourceKey: sk, token, check: () => storage.fences.check(sk, token) };
}

/** What a run that lost its fence returns: nothing written, nothing to retry (the newer run does the work). */
export function fencedOut(deps: Pick<RunDeps, 'log' | 'counters'>, error: FencedOutError): RunResult {
  deps.counters.fenced += 1;
  deps.log.warn(
    { sourceKey: error.sourceKey, token: error.token, current: error.current },
    'a newer run took this source; this run stops without posting or writing',
  );
  return { outcome: 'fenced' };
}

export const isFencedOut = (error: unknown): error is FencedOutError => error instanceof FencedOutError;

/** How a webhook post may go ahead: straight, or only after a look in the channel for an earlier run's post. */
export type WebhookClaim = { lookFirst: boolean; since?: number } | PostError;

/**
 * Before a webhook feed executes its webhook for `media`: an older run's intent for it that is younger than
 * `intentSettleMs` and not settled may still land (its execution may be in flight), so the feed waits; an older or
 * settled one is resolved by a look in the channel before posting. Then this run's own intent is recorded.
 */
export async function claimWebhookPost(
  deps: Pick<RunDeps, 'storage' | 'log' | 'now' | 'intentSettleMs'>,
  fence: RunFence,
  feed: Feed,
  media: Post,
): Promise<WebhookClaim> {
  const { storage, now } = deps;
  const earlier = await storage.fences.intentOf(feed.id, media.id);
  let lookFirst = false;
  let since: number | undefined;
  // A feed command's intent carries the token current when it posted, maybe this run's: it is never this run's own.
  if (earlier !== undefined && (earlier.token !== fence.token || earlier.by !== undefined)) {
    const age = now() - earlier.at;
    if (earlier.settled !== true && age < deps.intentSettleMs) {
      deps.log.info(
        { feedId: feed.id, mediaId: media.id, intentToken: earlier.token, ageMs: age },
        "an earlier run's posting intent for this media is unresolved; waiting for it to settle before looking in the channel",
      );
      return new PostError('retry', "an earlier run's post of this media may still land");
    }
    lookFirst = true;
    since = earlier.at;
  }
  // Recorded only over what was read: a feed command that claimed the media meanwhile is waited for like a run.
  try {
    await storage.fences.recordIntent(fence.sourceKey, fence.token, feed.id, media.id, now(), {
      ifSeen: { seen: earlier },
    });
  } catch (error) {
    if (!(error instanceof IntentTakenError)) throw error;
    deps.log.info({ feedId: feed.id, mediaId: media.id }, 'another posting intent for this media was recorded first');
    return new PostError('retry', 'another post of this media was claimed first');
  }
  return since === undefined ? { lookFirst } : { lookFirst, since };
}

/** A run's services with its fence, as the parts of a run that write or post take them. */
export type FencedRun = RunDeps & { fence: RunFence };
