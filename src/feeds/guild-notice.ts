// Tells the people of a feed that it stopped (paused or disabled), so nobody has to discover it from silence.
// Best effort and never throws. The feed's own channel first — its readers are the ones who miss the posts, and
// it still takes messages when only the webhook or the Instagram side broke — then the server's system channel,
// then the feed's owner by DM. Never the channel of another feed: its readers follow something else, and a notice
// about a feed they never asked for is noise in a public channel.
import { isPostFailure, type FeedPoster } from '../core/index.js';
import type { Logger } from '../log.js';
import type { Feed } from '../storage/index.js';

export interface GuildNoticeDeps {
  /** Sends the notice and knows the guild's system channel. */
  poster: FeedPoster;
  log: Logger;
  signal: AbortSignal;
}

export function createGuildNotice(deps: GuildNoticeDeps): (feed: Feed, text: string) => Promise<void> {
  const { poster, log, signal } = deps;
  return async (feed, text) => {
    try {
      const channels = [feed.channelId, poster.systemChannelOf(feed.guildId)].filter(
        (c): c is string => c !== undefined,
      );
      for (const channelId of [...new Set(channels)]) {
        const sent = await poster.notice(channelId, text, signal);
        if (!isPostFailure(sent)) return;
        log.debug({ channelId, reason: sent.reason }, 'could not post a feed notice there');
      }
      const sent = await poster.direct(feed.ownerDiscordUserId, text, signal);
      if (!isPostFailure(sent)) return;
      log.warn(
        { feedId: feed.id, guildId: feed.guildId, reason: sent.reason },
        "neither the feed's channel, the server's system channel nor its owner's DMs took the notice that a feed stopped",
      );
    } catch (error) {
      log.warn({ err: error, feedId: feed.id }, 'telling the guild that a feed stopped failed');
    }
  };
}
