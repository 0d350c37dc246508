// Before a source is read with a feed owner's token, the owner (the feed's payer) must still be a member of the
// feed's server with Manage Server or Administrator (or own it): a member who left, or whose roles no longer let
// them manage the server, must not keep paying — and reading — for it. The engine asks a `PayerCheck` (answered by
// the Discord side, src/discord/feed-posting/payer-standing.ts); a feed whose payer lost their standing is paused
// through the lifecycle (`by: 'permission'`, the detail saying why) and its server is told; when Discord cannot
// answer, nothing is paused (Discord being down is not the payer leaving).
import { feedNotice, payerLost, type FeedNotice, type PayerCheck, type PayerStanding } from '../core/index.js';
import type { Logger } from '../log.js';
import type { Feed, Storage } from '../storage/index.js';

export type { PayerCheck, PayerStanding } from '../core/index.js';

/** Keeps each known standing for `ttlMs` (0: asks at every run) so a busy source does not ask Discord at every run. */
export function cachedPayerCheck(inner: PayerCheck, ttlMs: number, now: () => number): PayerCheck {
  const known = new Map<string, { standing: PayerStanding; at: number }>();
  return {
    async standing(guildId, discordUserId) {
      const key = `${guildId}:${discordUserId}`;
      const cached = known.get(key);
      if (cached !== undefined && now() - cached.at < ttlMs) return cached.standing;
      const standing = await inner.standing(guildId, discordUserId);
      if (standing.kind === 'unknown') known.delete(key);
      else known.set(key, { standing, at: now() });
      return standing;
    },
  };
}

export interface PayerGuardDeps {
  storage: Storage;
  payers: PayerCheck;
  log: Logger;
  now: () => number;
  tellGuild(notice: FeedNotice): Promise<void>;
}

/**
 * Pauses each of `active` whose payer may no longer pay for it in its server, tells that server, and returns the
 * feeds that may still be read for. Asked once per (server, payer) per call.
 */
export async function keepEntitledPayers(deps: PayerGuardDeps, active: readonly Feed[]): Promise<Feed[]> {
  const standings = new Map<string, Promise<PayerStanding>>();
  const kept: Feed[] = [];
  for (const feed of active) {
    const key = `${feed.guildId}:${feed.ownerDiscordUserId}`;
    let pending = standings.get(key);
    if (pending === undefined) {
      pending = deps.payers.standing(feed.guildId, feed.ownerDiscordUserId);
      standings.set(key, pending);
    }
    const standing = await pending;
    if (standing.kind === 'ok') {
      kept.push(feed);
      continue;
    }
    if (standing.kind === 'unknown') {
      deps.log.warn(
        { feedId: feed.id, guildId: feed.guildId, reason: standing.reason },
        'could not check that the feed payer may still pay for it; reading on',
      );
      kept.push(feed);
      continue;
    }
    const next = payerLost(feed, { standing: standing.kind, name: standing.name }, deps.now());
    if (next === undefined) continue;
    await deps.storage.feeds.setState(feed.id, next);
    deps.log.warn(
      { feedId: feed.id, guildId: feed.guildId, ownerDiscordUserId: feed.ownerDiscordUserId, standing: standing.kind },
      'feed paused: its payer may no longer pay for it in this server',
    );
    if (next.kind === 'paused') await deps.tellGuild(feedNotice(feed, next));
  }
  return kept;
}
