// What the delivery engine tells a feed's people when the feed stops (paused or disabled), as data: which feed,
// where it posts, who pays for it, and the state it stopped in. The poster port delivers it
// (src/core/feed-poster.ts); the Discord side words it in the reader's language (src/discord/notice-text.ts).
import type { DisabledState, PausedState } from './feed-state.js';

export interface FeedNotice {
  feedId: string;
  guildId: string;
  channelId: string;
  /** The member whose link pays for the feed (a no-payer pause names them). */
  ownerDiscordUserId: string;
  state: PausedState | DisabledState;
}

/** The notice that `feed` stopped in `state`. */
export function feedNotice(
  feed: { id: string; guildId: string; channelId: string; ownerDiscordUserId: string },
  state: PausedState | DisabledState,
): FeedNotice {
  return {
    feedId: feed.id,
    guildId: feed.guildId,
    channelId: feed.channelId,
    ownerDiscordUserId: feed.ownerDiscordUserId,
    state,
  };
}
