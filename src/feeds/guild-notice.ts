// Tells the people of a feed that it stopped (paused or disabled), so nobody has to discover it from silence.
// Best effort and never throws. The feed's own channel first — its readers are the ones who miss the posts, and
// it still takes messages when only the webhook or the Instagram side broke — then the server's system channel,
// then the feed's owner by DM. Never the channel of another feed: its readers follow something else, and a notice
// about a feed they never asked for is noise in a public channel. The notice is data (src/core/feed-notice.ts): the
// poster words it in the server's language in a channel, in the owner's own (else the server's) by DM.
import { isPostFailure, type FeedNotice, type FeedPoster } from '../core/index.js';
import type { Logger } from '../log.js';

export interface GuildNoticeDeps {
  /** Sends the notice and knows the guild's system channel. */
  poster: FeedPoster;
  log: Logger;
  signal: AbortSignal;
}

export function createGuildNotice(deps: GuildNoticeDeps): (notice: FeedNotice) => Promise<void> {
  const { poster, log, signal } = deps;
  return async (notice) => {
    try {
      const channels = [notice.channelId, poster.systemChannelOf(notice.guildId)].filter(
        (c): c is string => c !== undefined,
      );
      for (const channelId of [...new Set(channels)]) {
        const sent = await poster.notice(channelId, notice, signal);
        if (!isPostFailure(sent)) return;
        log.debug({ channelId, reason: sent.reason }, 'could not post a feed notice there');
      }
      const sent = await poster.direct(notice.ownerDiscordUserId, notice, signal);
      if (!isPostFailure(sent)) return;
      log.warn(
        { feedId: notice.feedId, guildId: notice.guildId, reason: sent.reason },
        "neither the feed's channel, the server's system channel nor its owner's DMs took the notice that a feed stopped",
      );
    } catch (error) {
      log.warn({ err: error, feedId: notice.feedId }, 'telling the guild that a feed stopped failed');
    }
  };
}
