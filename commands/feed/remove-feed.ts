// /feed remove asks before it acts: removing a feed stops its posts and deletes its webhook, and cannot be undone,
// so the command answers with an ephemeral Confirm / Cancel pair and changes nothing until Confirm. The buttons
// carry their whole state in their custom ids (`feed:remove:<feed>:<invoker>`, `feed:remove-cancel:<invoker>`),
// so they need no memory and survive a restart; only the admin who asked may press them.
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext, ComponentInteraction } from '../../src/discord/command.js';
import { UserFacingError, type ActionRow } from '../../src/discord/errors.js';
import { sourceKey } from '../../src/storage/index.js';
import { requireAdminFeed } from './feed-admin.js';
import { describeSource } from './feed-list.js';
import { releaseWebhook } from './feed-webhook.js';
import { text } from '../../src/i18n/i18n.js';

const REMOVE = /^feed:remove:([a-z0-9]{1,40}):(\d{1,20})$/;
const CANCEL = /^feed:remove-cancel:(\d{1,20})$/;

/** True for the buttons of a removal's confirmation. */
export const isRemoveButton = (customId: string): boolean => REMOVE.test(customId) || CANCEL.test(customId);

export async function askRemoveFeed(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  feedId: string,
): Promise<void> {
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, feedId);
  const owner = await ctx.storage.accounts.get(feed.ownerDiscordUserId);
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: ctx.t('feed.remove.removeButton'),
        custom_id: `feed:remove:${feed.id}:${admin.userId}`,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: ctx.t('feed.remove.cancelButton'),
        custom_id: `feed:remove-cancel:${admin.userId}`,
      },
    ],
  };
  await ctx.respond.reply({
    content: ctx.t('feed.remove.confirm', {
      id: feed.id,
      source: describeSource(feed, owner, ctx.t),
      channel: `<#${feed.channelId}>`,
    }),
    components: [row],
    ephemeral: true,
    allowedMentions: { parse: [] },
  });
}

/** Confirm removes the feed (its deliveries and its webhook with it); Cancel changes nothing. */
export async function pressRemoveButton(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const remove = REMOVE.exec(interaction.customId);
  const invokerId = remove?.[2] ?? CANCEL.exec(interaction.customId)?.[1];
  if (invokerId === undefined) throw new UserFacingError('igcord.unknown-button', text('feed.remove.notFeedButton'));
  if (interaction.user.id !== invokerId) {
    await ctx.respond.reply({
      content: ctx.t('feed.remove.onlyInvoker', { user: `<@${invokerId}>` }),
      ephemeral: true,
      allowedMentions: { parse: [] },
    });
    return;
  }
  if (remove === null) {
    await ctx.respond.update({ content: ctx.t('feed.remove.cancelled'), components: [] });
    return;
  }
  const { admin, feed } = await requireAdminFeed(interaction, ctx.storage, remove[1]!);
  const removed = await ctx.storage.feeds.remove(feed.id);
  if (removed === undefined)
    throw new UserFacingError('feeds.not-found', text('feed.remove.alreadyRemoved', { id: feed.id }));
  await ctx.storage.deliveries.forgetFeed(feed.id);
  await ctx.storage.digests.forget(feed.id);
  const webhookDeleted = await releaseWebhook(ctx.storage, interaction.client, removed, ctx.log);
  ctx.log.info({ feedId: feed.id, source: sourceKey(feed.source) }, 'feed removed');
  const owner = await ctx.storage.accounts.get(feed.ownerDiscordUserId);
  await ctx.respond.update({
    content:
      ctx.t('feed.remove.removed', {
        id: feed.id,
        source: describeSource(feed, owner, ctx.t),
        channel: `<#${feed.channelId}>`,
      }) + (webhookDeleted ? '' : ctx.t('feed.remove.webhookKept')),
    components: [],
    allowedMentions: { parse: [] },
  });
}
