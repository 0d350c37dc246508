// Tells a guild that one of its feeds stopped (disabled for lost access, a deleted channel or webhook), so nobody
// has to discover it from silence. Best effort and never throws: the guild's system channel first, then the
// channels of its other active feeds — those following the same source first, since whoever watches them is the
// likeliest to care — and the first channel that takes the message ends it.
import type { Client } from 'discord.js';
import type { Logger } from '../log.js';
import { sourceKey, type Feed, type FeedStore } from '../storage/index.js';
import type { FeedPoster } from './feed-poster.js';

export interface GuildNoticeDeps {
  feeds: FeedStore;
  poster: FeedPoster;
  discord: Client | undefined;
  log: Logger;
  signal: AbortSignal;
}

export function createGuildNotice(deps: GuildNoticeDeps): (feed: Feed, text: string) => Promise<void> {
  const { feeds, poster, log, signal } = deps;
  return async (feed, text) => {
    try {
      const candidates: string[] = [];
      const system = deps.discord?.guilds.cache.get(feed.guildId)?.systemChannelId;
      if (system) candidates.push(system);
      const sk = sourceKey(feed.source);
      const others = (await feeds.listByGuild(feed.guildId))
        .filter((o) => o.id !== feed.id && o.state.kind === 'active' && o.channelId !== feed.channelId)
        .sort((a, b) => Number(sourceKey(b.source) === sk) - Number(sourceKey(a.source) === sk));
      candidates.push(...others.map((o) => o.channelId));
      for (const channelId of [...new Set(candidates)]) {
        try {
          await poster.notice(channelId, text, signal);
          return;
        } catch (error) {
          log.debug({ channelId, reason: error instanceof Error ? error.message : 'unknown' }, 'could not post a feed notice there');
        }
      }
      log.warn({ feedId: feed.id, guildId: feed.guildId }, 'no channel of the guild accepted the notice that a feed stopped');
    } catch (error) {
      log.warn({ err: error, feedId: feed.id }, 'telling the guild that a feed stopped failed');
    }
  };
}
