// What a run does when reading the source from Instagram fails: a refused token pauses its owner, a missing
// permission pauses for it, a tag refused as the payer's 31st hashtag of the week pauses until a slot frees
// (hashtag-slot-pauses.ts), a refused source (or one the provider cannot read) disables the owner's feeds, and
// anything that can pass says when to try again. Apart from source-run.ts because each kind of failure has its
// own consequence for the feeds.
import {
  InstagramError,
  InstagramHashtagLimitError,
  InstagramNotAllowedError,
  InstagramNotAvailableError,
  InstagramNotFoundError,
  InstagramRateLimitError,
  InstagramScopeError,
  InstagramTokenError,
  feedNotice,
  scopeMissing,
  type FeedStop,
} from '../core/index.js';
import { LimiterClosedError } from '../limiter/index.js';
import type { FeedSource, SourceKey } from '../storage/index.js';
import { disableFeed } from './feed-drain.js';
import type { RunDeps, RunResult } from './source-run-api.js';
import { pauseOwner, type Owner } from './source-owner.js';
import { pauseForHashtagSlots } from './hashtag-slot-pauses.js';

/**
 * The owner's token lacks `scope`: their active feeds of this source pause (the lifecycle's `scope` cause) and each
 * feed's server is told which permission is missing and how to grant it; a relink with it resumes them.
 */
async function pauseForScope(deps: RunDeps, source: FeedSource, owner: Owner, scope: string): Promise<void> {
  for (const feed of await deps.storage.feeds.listBySource(source)) {
    if (feed.ownerDiscordUserId !== owner.discordUserId) continue;
    const next = scopeMissing(feed, scope, deps.now());
    if (next === undefined) continue;
    await deps.storage.feeds.setState(feed.id, next);
    deps.log.warn(
      { feedId: feed.id, scope },
      "feed paused: the owner's token lacks an Instagram permission the source needs",
    );
    if (next.kind === 'paused') await deps.tellGuild(feedNotice(feed, next));
  }
}

export async function handleInstagramFailure(
  deps: RunDeps,
  sk: SourceKey,
  source: FeedSource,
  owner: Owner,
  error: unknown,
): Promise<RunResult> {
  if (error instanceof InstagramTokenError) {
    deps.counters.failures += 1;
    await deps.storage.accounts.markBroken(owner.discordUserId, { cause: 'refused', detail: error.message });
    await pauseOwner(deps, owner.discordUserId, 'token');
    // Other owners' feeds on this source can still be served: try again at once.
    return { outcome: 'retry', reason: "the owner's token was refused", retryAt: deps.now() };
  }
  if (error instanceof InstagramScopeError && error.scope !== undefined) {
    deps.counters.failures += 1;
    await pauseForScope(deps, source, owner, error.scope);
    return { outcome: 'done', budgetKey: owner.auth.userId, rerun: true, fetched: true, feeds: [] };
  }
  if (
    error instanceof InstagramScopeError ||
    error instanceof InstagramNotAvailableError ||
    error instanceof InstagramNotFoundError ||
    error instanceof InstagramNotAllowedError
  ) {
    deps.counters.failures += 1;
    // Instagram's own error, kept as Instagram worded it: each reader sees it inside their language's sentence. A
    // source the configured API cannot serve at all keeps which capability it lacks instead, worded per reader.
    // igcord's own refusal (the username moved) keeps its cause and subject, worded per reader as well.
    const detail = `${error.type}: ${error.message}`;
    const stop: FeedStop =
      error instanceof InstagramNotAvailableError
        ? { by: 'not-on-provider', detail: error.capability }
        : error.refusal?.by === 'username-moved'
          ? { by: 'username-moved', detail: error.refusal.username }
          : error.refusal !== undefined
            ? { by: error.refusal.by }
            : { by: 'instagram-refused', detail };
    for (const feed of await deps.storage.feeds.listBySource(source)) {
      if (feed.state.kind === 'active' && feed.ownerDiscordUserId === owner.discordUserId)
        await disableFeed(deps, feed, stop, `Instagram refuses this source (${detail})`);
    }
    return { outcome: 'done', budgetKey: owner.auth.userId, rerun: true, fetched: true, feeds: [] };
  }
  if (error instanceof LimiterClosedError || deps.signal.aborted)
    return { outcome: 'retry', reason: 'igcord is stopping', retryAt: undefined };
  if (error instanceof InstagramHashtagLimitError) {
    deps.counters.failures += 1;
    return pauseForHashtagSlots(deps, source, owner, error);
  }
  if (error instanceof InstagramRateLimitError) {
    deps.counters.failures += 1;
    return {
      outcome: 'retry',
      reason: error.message,
      retryAt: error.resetsAt,
      ...(error.resetsAt !== undefined ? { overBudgetUntil: error.resetsAt } : {}),
    };
  }
  if (error instanceof InstagramError) {
    deps.counters.failures += 1;
    deps.log.warn({ err: error, sourceKey: sk }, 'reading the source from Instagram failed; will retry');
    return { outcome: 'retry', reason: error.message, retryAt: undefined };
  }
  throw error;
}
