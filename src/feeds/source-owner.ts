// Whose Instagram token reads a source, and the owner pauses that follow from it: picking the owner pauses the
// feeds of owners whose link does not work; a run first lifts the pauses of owners who linked again.
import type { InstagramAuth as Auth } from '../core/index.js';
import { isOwnerPause, ownerLinked, ownerLinkLost, type OwnerLink, type OwnerLinkLoss } from '../core/index.js';
import type { Feed, FeedSource } from '../storage/index.js';
import { TokenDecryptError } from '../storage/index.js';
import type { RunDeps } from './source-run-api.js';

export interface Owner {
  discordUserId: string;
  auth: Auth;
}

/** The owner whose token reads the source: the first active feed whose owner's link works. Pauses the others. */
export async function pickOwner(deps: RunDeps, source: FeedSource, active: Feed[]): Promise<Owner | undefined> {
  const ordered = [...active].sort((a, b) => {
    // An account source is best read with that account's own token.
    const own = (f: Feed) => (source.kind === 'account' && f.ownerInstagramUserId === source.instagramUserId ? 0 : 1);
    return own(a) - own(b) || a.createdAt - b.createdAt;
  });
  const tried = new Set<string>();
  for (const feed of ordered) {
    const owner = feed.ownerDiscordUserId;
    if (tried.has(owner)) continue;
    tried.add(owner);
    try {
      const linked = await deps.storage.accounts.getWithToken(owner);
      if (linked === undefined) await pauseOwner(deps, owner, 'unlinked');
      else if (linked.account.status !== 'active') await pauseOwner(deps, owner, 'token');
      else
        return {
          discordUserId: owner,
          auth: { userId: linked.account.instagramUserId, accessToken: linked.accessToken },
        };
    } catch (error) {
      if (!(error instanceof TokenDecryptError)) throw error;
      deps.log.error(
        { err: error, ownerDiscordUserId: owner },
        'stored Instagram token of a feed owner cannot be decrypted; pausing their feeds',
      );
      await pauseOwner(deps, owner, 'unreadable');
    }
  }
  return undefined;
}

/** Pauses every active feed of an owner for their link (lifted when the owner links that account again). */
export async function pauseOwner(
  deps: Pick<RunDeps, 'storage' | 'log' | 'now'>,
  discordUserId: string,
  kind: OwnerLinkLoss,
): Promise<number> {
  const feeds = await deps.storage.feeds.listByOwner(discordUserId);
  let paused = 0;
  for (const feed of feeds) {
    const next = ownerLinkLost(feed, kind, deps.now());
    if (next === undefined) continue;
    await deps.storage.feeds.setState(feed.id, next);
    paused += 1;
  }
  if (paused > 0)
    deps.log.warn(
      { ownerDiscordUserId: discordUserId, paused, kind },
      "feeds paused: the owner's Instagram link does not work",
    );
  return paused;
}

/**
 * Lifts owner pauses whose owner has a working link again — to the Instagram account the pause waits for (the
 * lifecycle decides); returns the feeds as they now are.
 */
export async function resumeRelinked(deps: RunDeps, feeds: Feed[]): Promise<Feed[]> {
  const working = new Map<string, OwnerLink | undefined>();
  const result: Feed[] = [];
  for (const feed of feeds) {
    // Only a feed paused for its owner's link can be lifted here: the others need no read of the link.
    if (!isOwnerPause(feed.state)) {
      result.push(feed);
      continue;
    }
    if (!working.has(feed.ownerDiscordUserId)) {
      const account = await deps.storage.accounts.get(feed.ownerDiscordUserId);
      working.set(feed.ownerDiscordUserId, account?.status === 'active' ? account : undefined);
    }
    const linkedTo = working.get(feed.ownerDiscordUserId);
    const next = linkedTo === undefined ? undefined : ownerLinked(feed, linkedTo);
    if (next === undefined) {
      result.push(feed);
      continue;
    }
    const resumed = await deps.storage.feeds.setState(feed.id, next);
    deps.log.info({ feedId: feed.id }, 'feed resumed: its owner linked Instagram again');
    result.push(resumed ?? feed);
  }
  return result;
}
