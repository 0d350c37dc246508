// /feed test and /feed backfill: posting on request through the delivery engine. A test posts the source's latest
// media now, marked as a test; a backfill posts the last N (1–10) after the invoker confirms with a button that only
// they can press, because it puts up to ten posts into a channel other people read. The button carries its whole
// state in its custom id (`feed:backfill:<feed>:<count>:<invoker>`), so it needs no memory and survives a restart.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { findGuildFeed, requireFeedAdmin } from './feed-admin.js';
import { requireFeedChannel } from './channel-permissions.js';
import { requirePayer } from './payer.js';

export const FEED_COMPONENT_PREFIX = 'feed';
export const BACKFILL_MAX = 10;

export function backfillCustomId(feedId: string, count: number, invokerId: string): string {
  return `${FEED_COMPONENT_PREFIX}:backfill:${feedId}:${count}:${invokerId}`;
}

export function cancelCustomId(invokerId: string): string {
  return `${FEED_COMPONENT_PREFIX}:cancel:${invokerId}`;
}

type FeedButton =
  { action: 'backfill'; feedId: string; count: number; invokerId: string } | { action: 'cancel'; invokerId: string };

export function parseFeedButton(customId: string): FeedButton | undefined {
  const backfill = /^feed:backfill:([a-z0-9]{1,40}):(\d{1,2}):(\d{1,20})$/.exec(customId);
  if (backfill) {
    const count = Number(backfill[2]);
    if (count < 1 || count > BACKFILL_MAX) return undefined;
    return { action: 'backfill', feedId: backfill[1]!, count, invokerId: backfill[3]! };
  }
  const cancel = /^feed:cancel:(\d{1,20})$/.exec(customId);
  return cancel ? { action: 'cancel', invokerId: cancel[1]! } : undefined;
}

export async function testFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  feedId: string,
): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const feed = await findGuildFeed(ctx.storage, admin.guildId, feedId);
  requirePayer(feed, admin, 'test');
  await requireFeedChannel(interaction.client, interaction.guild, feed.channelId, feed.delivery.mode);
  const result = await ctx.deliveries.sendTest(feed);
  ctx.log.info({ feedId: feed.id, posted: result.posted, mediaId: result.mediaId }, 'feed test');
  await ctx.respond.reply({
    content: result.posted
      ? `Posted the latest media of feed \`${feed.id}\` to <#${feed.channelId}>, marked as a test.`
      : `Feed \`${feed.id}\` has nothing to post: its source has no media yet.`,
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

export async function askBackfill(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  feedId: string,
  count: number,
): Promise<void> {
  const admin = requireFeedAdmin(interaction);
  const feed = await findGuildFeed(ctx.storage, admin.guildId, feedId);
  requirePayer(feed, admin, 'backfill');
  if (!Number.isInteger(count) || count < 1 || count > BACKFILL_MAX) {
    throw new UserFacingError('feeds.backfill-count', `A backfill posts 1 to ${BACKFILL_MAX} posts.`);
  }
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: `Post ${count}`,
        custom_id: backfillCustomId(feed.id, count, admin.userId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Cancel',
        custom_id: cancelCustomId(admin.userId),
      },
    ],
  };
  await ctx.respond.reply({
    content: `Post the last ${count} post${count === 1 ? '' : 's'} of feed \`${feed.id}\` to <#${feed.channelId}> now? Posts it already delivered are not posted again.`,
    components: [row],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** The Confirm / Cancel buttons of a backfill: only the person who asked may press them. */
export async function pressFeedButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const button = parseFeedButton(interaction.customId);
  if (button === undefined)
    throw new UserFacingError('igcord.unknown-button', 'That button does not belong to a feed command.');
  if (interaction.user.id !== button.invokerId) {
    await ctx.respond.reply({
      content: `Only <@${button.invokerId}> can answer this.`,
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  if (button.action === 'cancel') {
    await ctx.respond.update({ content: 'Backfill cancelled; nothing was posted.', components: [] });
    return;
  }
  const admin = requireFeedAdmin(interaction);
  const feed = await findGuildFeed(ctx.storage, admin.guildId, button.feedId);
  requirePayer(feed, admin, 'backfill');
  await requireFeedChannel(interaction.client, interaction.guild, feed.channelId, feed.delivery.mode);
  // The buttons go away first, so a second press cannot start a second backfill.
  await ctx.respond.update({
    content: `Posting up to ${button.count} posts of feed \`${feed.id}\` to <#${feed.channelId}>…`,
    components: [],
    allowedMentions: { parse: [] },
  });
  const result = await ctx.deliveries.backfill(feed, button.count);
  ctx.log.info({ feedId: feed.id, asked: button.count, posted: result.posted }, 'feed backfill');
  await ctx.respond.reply({
    content: `Backfill of feed \`${feed.id}\` done: ${result.posted} post${result.posted === 1 ? '' : 's'} sent to <#${feed.channelId}>.`,
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}
