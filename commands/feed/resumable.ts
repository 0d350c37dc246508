// Whether a stopped feed may be resumed: what may have stopped it — its owner's link, the bot's permissions in its
// channel, its payer's hashtag slots until the date one frees — must no longer hold, so a feed disabled for a
// reason is not switched back on while that reason holds.
// Asked by /feed resume and again when its catch-up choice is pressed (resume-choice.ts).
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/discord/errors.js';
import type { Feed } from '../../src/storage/index.js';
import { hashtagSlotFreesAt } from '../../src/core/index.js';
import { requireFeedChannel } from './channel-permissions.js';
import { slotDate } from './feed-list.js';
import { text } from '../../src/i18n/i18n.js';

/** What may have stopped the feed no longer holds: its owner's link works for its account, the bot may post. */
export async function requireResumable(
  interaction: ChatInputCommandInteraction | ComponentInteraction,
  ctx: CommandContext,
  feed: Feed,
): Promise<void> {
  // Paused until its payer's hashtag slot frees (reference §1.4): before that date Graph would only refuse the tag again.
  const freesAt = hashtagSlotFreesAt(feed.state);
  if (freesAt !== undefined && freesAt > ctx.clock.now())
    throw new UserFacingError(
      'feeds.hashtag-slots',
      ctx.t('feed.manage.waitsForSlot', { id: feed.id, date: slotDate(freesAt) }),
    );
  const owner = await ctx.storage.accounts.get(feed.ownerDiscordUserId);
  if (owner === undefined || owner.status === 'broken' || owner.instagramUserId !== feed.ownerInstagramUserId) {
    const why = owner === undefined ? 'linkGone' : owner.status === 'broken' ? 'linkBroken' : 'linkElsewhere';
    throw new UserFacingError(
      'feeds.owner-link-broken',
      text(`feedManage.resumable.${why}`, { id: feed.id, owner: `<@${feed.ownerDiscordUserId}>` }),
    );
  }
  await requireFeedChannel(interaction.client, interaction.guild, feed.channelId, feed.delivery.mode, ctx.t);
}
