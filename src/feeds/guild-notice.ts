// Tells a guild that one of its feeds stopped (disabled for lost access, a deleted channel or webhook), so nobody
// has to discover it from silence. Best effort and never throws: the guild's system channel first, then the
// channels of its other active feeds — those following the same source first, since whoever watches them is the
// likeliest to care — and the first channel that takes the message ends it.
import { isPostFailure, type FeedPoster } from '../core/index.js';
import type { Logger } from '../log.js';
import { sourceKey, type Feed, type FeedStore } from '../storage/index.js';

export interface GuildNoticeDeps {
  feeds: FeedStore;
  /** Sends the notice and knows the guild's system channel. */
  poster: FeedPoster;
  log: Logger;
  signal: AbortSignal;
}

export function createGuildNotice(deps: GuildNoticeDeps): (feed: Feed, text: string) => Promise<void> {
  const { feeds, poster, log, signal } = deps;
  return async (feed, text) => {
    try {
      const candidates: string[] = [];
      const system = poster.systemChannelOf(feed.guildId);
      if (system) candidates.push(system);
      const sk = sourceKey(feed.source);
      const others = (await feeds.listByGuild(feed.guildId))
        .filter((o) => o.id !== feed.id && o.state.kind === 'active' && o.channelId !== feed.channelId)
        .sort((a, b) => Number(sourceKey(b.source) === sk) - Number(sourceKey(a.source) === sk));
      candidates.push(...others.map((o) => o.channelId));
      for (const channelId of [...new Set(candidates)]) {
        const sent = await poster.notice(channelId, text, signal);
        if (!isPostFailure(sent)) return;
        log.debug({ channelId, reason: sent.reason }, 'could not post a feed notice there');
      }
      log.warn({ feedId: feed.id, guildId: feed.guildId }, 'no channel of the guild accepted the notice that a feed stopped');
    } catch (error) {
      log.warn({ err: error, feedId: feed.id }, 'telling the guild that a feed stopped failed');
    }
  };
}
