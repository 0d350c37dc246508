// /feed test and /feed backfill: posting on request through the delivery engine. A test posts the source's latest
// media now, marked as a test; a backfill posts the last N (1–10) after the invoker confirms with a button that only
// they can press, because it puts up to ten posts into a channel other people read. The button carries its whole
// state in its custom id (`feed:backfill:<feed>:<count>:<invoker>`), so it needs no memory and survives a restart.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { requireAdminFeed } from './feed-admin.js';
import { requireFeedChannel } from './channel-permissions.js';
import { requirePayer } from './payer.js';
import { text } from '../../src/i18n/i18n.js';

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
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  requirePayer(feed, admin, 'test');
  await requireFeedChannel(interaction.client, interaction.guild, feed.channelId, feed.delivery.mode, ctx.t);
  const result = await ctx.deliveries.sendTest(feed);
  ctx.log.info({ feedId: feed.id, posted: result.posted, mediaId: result.mediaId }, 'feed test');
  await ctx.respond.reply({
    content: result.posted
      ? ctx.t('feed.posting.tested', { id: feed.id, channel: `<#${feed.channelId}>` })
      : ctx.t('feed.posting.nothingToTest', { id: feed.id }),
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
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  requirePayer(feed, admin, 'backfill');
  if (!Number.isInteger(count) || count < 1 || count > BACKFILL_MAX) {
    throw new UserFacingError('feeds.backfill-count', text('feed.posting.backfillCount', { max: BACKFILL_MAX }));
  }
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: ctx.t('feed.posting.postButton', { count }),
        custom_id: backfillCustomId(feed.id, count, admin.userId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: ctx.t('feed.remove.cancelButton'),
        custom_id: cancelCustomId(admin.userId),
      },
    ],
  };
  await ctx.respond.reply({
    content: ctx.t('feed.posting.confirm', { count, id: feed.id, channel: `<#${feed.channelId}>` }),
    components: [row],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** The Confirm / Cancel buttons of a backfill: only the person who asked may press them. */
export async function pressFeedButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const button = parseFeedButton(interaction.customId);
  if (button === undefined) throw new UserFacingError('igcord.unknown-button', text('feed.remove.notFeedButton'));
  if (interaction.user.id !== button.invokerId) {
    await ctx.respond.reply({
      content: ctx.t('feed.remove.onlyInvoker', { user: `<@${button.invokerId}>` }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  if (button.action === 'cancel') {
    await ctx.respond.update({ content: ctx.t('feed.posting.cancelled'), components: [] });
    return;
  }
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, button.feedId);
  requirePayer(feed, admin, 'backfill');
  await requireFeedChannel(interaction.client, interaction.guild, feed.channelId, feed.delivery.mode, ctx.t);
  // The buttons go away first, so a second press cannot start a second backfill.
  await ctx.respond.update({
    content: ctx.t('feed.posting.posting', { count: button.count, id: feed.id, channel: `<#${feed.channelId}>` }),
    components: [],
    allowedMentions: { parse: [] },
  });
  const result = await ctx.deliveries.backfill(feed, button.count);
  ctx.log.info({ feedId: feed.id, asked: button.count, posted: result.posted }, 'feed backfill');
  await ctx.respond.reply({
    content: ctx.t('feed.posting.done', { count: result.posted, id: feed.id, channel: `<#${feed.channelId}>` }),
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}
